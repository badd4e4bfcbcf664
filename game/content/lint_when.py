"""Conditions checked against the declared variables: each test names a declared variable of the right type."""

from __future__ import annotations

import re
from typing import Iterator, Mapping, Union

from .diagnostics import DiagnosticBag, did_you_mean
from .schema import AllOf, AnyOf, Condition, Not, VarAtLeast, VarAtMost, VarEquals, Visited
from .yamlread import Marks

P = tuple[Union[str, int], ...]
Leaf = Union[VarEquals, VarAtLeast, VarAtMost, Visited]


def condition_leaves(cond: Condition) -> Iterator[tuple[P, Leaf]]:
    """Every leaf test of a condition with its path inside it (through all / any / not), in written order."""
    stack: list[tuple[P, Condition]] = [((), cond)]
    while stack:
        sub, c = stack.pop()
        if isinstance(c, AllOf):
            stack.extend(((*sub, "all", i), x) for i, x in reversed(list(enumerate(c.all))))
        elif isinstance(c, AnyOf):
            stack.extend(((*sub, "any", i), x) for i, x in reversed(list(enumerate(c.any))))
        elif isinstance(c, Not):
            stack.append(((*sub, "not"), c.not_))
        else:
            yield sub, c


def type_name(v: object) -> str:
    """How authors name a value's type: true/false, number or text."""
    return "true/false" if isinstance(v, bool) else "number" if isinstance(v, int) else "text"


def _a(kind: str) -> str:
    return "a number" if kind == "number" else kind


def _shown(v: object) -> str:
    return ("true" if v else "false") if isinstance(v, bool) else str(v) if isinstance(v, int) else f"'{v}'"


def _equals_hint(declared: object, value: object) -> str:
    """What to write instead of `equals: value` for a variable that starts as `declared`."""
    if isinstance(declared, bool):
        return "write `equals: true` or `equals: false`, without quotes (yes, no, on and off are text)"
    if isinstance(declared, int):
        text = str(value).strip()
        if re.fullmatch(r"[-+]?[0-9]+", text):
            return f"write the number without quotes: `equals: {text}`"
        return "write a whole number, e.g. `equals: 2`"
    return f"put the text in quotes: `equals: \"{value}\"`"


def check_condition_types(cond: Condition, path: P, declared: Mapping[str, object], marks: Marks,
                          bag: DiagnosticBag) -> set[str]:
    """E310 for an undeclared variable, E322 for a test of the wrong type (located at the test's value); returns
    the variables the condition tests."""
    used: set[str] = set()
    for sub, leaf in condition_leaves(cond):
        if isinstance(leaf, Visited):
            continue
        used.add(leaf.var)
        at = (*path, *sub)
        if leaf.var not in declared:
            bag.error("E310", f"condition uses '{leaf.var}', which is not declared", marks.at((*at, "var")),
                      hint=did_you_mean(leaf.var, declared) or "declare it under `variables:`")
            continue
        start = declared[leaf.var]
        if isinstance(leaf, VarEquals):
            if type_name(leaf.equals) != type_name(start):
                bag.error("E322", f"'{leaf.var}' holds {_a(type_name(start))} (it starts as {_shown(start)}), but "
                          f"this tests it against {_a(type_name(leaf.equals))} ({_shown(leaf.equals)}), so it can "
                          "never hold", marks.at((*at, "equals")), hint=_equals_hint(start, leaf.equals))
        elif type_name(start) != "number":
            key = "at_least" if isinstance(leaf, VarAtLeast) else "at_most"
            bag.error("E322", f"'{leaf.var}' holds {_a(type_name(start))}, so {key} cannot test it (it needs a number)",
                      marks.at((*at, key)), hint="use `equals:`, or declare it as a number")
    return used
