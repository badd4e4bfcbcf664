"""Twine conditions (`$met`, `$trust gte 2`, `not visited("Park")`) as scenario `when:` conditions, or stubs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional, Union

from .twee_text import safe

Value = Union[bool, int, str]
Json = Union[dict[str, object], list[object], str, int, bool]

_VAR = r"(?:\$|_|s\.|State\.variables\.|variables\(\)\.)?([A-Za-z]\w*)"
_VAL = r"(true|false|-?\d+|\"[^\"]*\"|'[^']*')"
_OPS = {"is not": "ne", "isnot": "ne", "neq": "ne", "!==": "ne", "!=": "ne", "is": "eq", "eq": "eq", "===": "eq",
        "==": "eq", "to": "eq", "gte": "ge", ">=": "ge", "is at least": "ge", "lte": "le", "<=": "le",
        "is at most": "le", "gt": "gt", ">": "gt", "lt": "lt", "<": "lt", "=": "eq"}
_OP = r"(is not|isnot|is at least|is at most|neq|!==|!=|===|==|is|eq|to|gte|>=|lte|<=|gt|>|lt|<|=)"
_CMP = re.compile(rf"^{_VAR}\s*{_OP}\s*{_VAL}$", re.I)
_TRUTHY = re.compile(rf"^{_VAR}$")
_VISITED = re.compile(r"^(?:visited|hasVisited|visits)\(\s*[\"']([^\"']+)[\"']\s*\)(?:\s*>\s*0)?$"
                      r"|^\(history:\)\s+contains\s+[\"']([^\"']+)[\"']$"
                      r"|^\(visited:\s*[\"']([^\"']+)[\"']\s*\)$")
_WORDS = {"true", "false", "not", "and", "or", "is", "it", "null", "undefined"}


def var_id(name: str) -> str:
    """A Twine variable name as a scenario variable id: `$metKai` is `met_kai`."""
    snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()
    snake = re.sub(r"[^a-z0-9_]+", "_", snake).strip("_")
    return snake[:64] or "twine_var"


def value_of(text: str) -> Value:
    """A Twine literal (`true`, `3`, `"angry"`) as a value; text loses control and line-separator characters."""
    low = text.lower()
    if low in ("true", "false"):
        return low == "true"
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    return safe(text[1:-1])


def _outer(text: str) -> str:
    s = text.strip()
    while s.startswith("(") and s.endswith(")") and _balanced(s[1:-1]):
        s = s[1:-1].strip()
    return s


def _balanced(s: str) -> bool:
    depth = 0
    for c in s:
        depth += {"(": 1, ")": -1}.get(c, 0)
        if depth < 0:
            return False
    return depth == 0


def _split(s: str, words: tuple[str, ...]) -> list[str]:
    """Parts of `s` around a top-level `and`/`or` (outside parentheses and quotes)."""
    parts, depth, quote, start, i = [], 0, "", 0, 0
    while i < len(s):
        c = s[i]
        if quote:
            quote = "" if c == quote else quote
        elif c in "\"'":
            quote = c
        elif c in "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif depth == 0:
            for w in words:
                pad = w if not w.isalpha() else f" {w} "
                if s.startswith(pad, i) if not w.isalpha() else s[i:i + len(pad)].lower() == pad:
                    parts.append(s[start:i])
                    start = i = i + len(pad)
                    break
            else:
                i += 1
            continue
        i += 1
    return parts + [s[start:]] if parts else [s]


@dataclass
class Conditions:
    """Translates conditions for one story, remembering the variables they use and the stubs they needed."""

    passage_ids: dict[str, str]
    initial: dict[str, Value] = field(default_factory=dict)
    """Values the story sets before it starts (StoryInit), by variable id."""
    variables: dict[str, Value] = field(default_factory=dict)
    stubs: dict[str, str] = field(default_factory=dict)
    """Twine condition -> stub variable id, for conditions that could not be translated."""

    def use(self, name: str, value: Value) -> None:
        """Declare the variable for Twine name `name` (its StoryInit value when of the same type, else `value`)."""
        start = self.initial.get(var_id(name))
        same = start is not None and type(start) is type(value)
        self.variables.setdefault(var_id(name), start if same and start is not None else value)

    def expr(self, src: str) -> Optional[Json]:
        """One Twine condition as a `when:` condition, or None when it cannot be translated."""
        s = _outer(src)
        for words, key in ((("or", "||"), "any"), (("and", "&&"), "all")):
            parts = _split(s, words)
            if len(parts) > 1:
                subs = [self.expr(p) for p in parts]
                return None if any(x is None for x in subs) else {key: subs}
        low = s.lower()
        if low.startswith("not ") or (s.startswith("!") and not s.startswith("!=")):
            inner = self.expr(s[4:] if low.startswith("not ") else s[1:])
            return None if inner is None else {"not": inner}
        m = _VISITED.match(s)
        if m:
            name = next(g for g in m.groups() if g)
            return {"visited": self.passage_ids[name]} if name in self.passage_ids else None
        m = _CMP.match(s)
        if m and m.group(1).lower() not in _WORDS:
            name, op, value = m.group(1), _OPS[m.group(2).lower()], value_of(m.group(3))
            if op in ("eq", "ne"):
                self.use(name, False if isinstance(value, bool) else 0 if isinstance(value, int) else "")
                test: Json = {"var": var_id(name), "equals": value}
                return test if op == "eq" else {"not": test}
            if not isinstance(value, int) or isinstance(value, bool):
                return None
            self.use(name, 0)
            bound = {"ge": value, "gt": value + 1, "le": value, "lt": value - 1}[op]
            return {"var": var_id(name), ("at_least" if op in ("ge", "gt") else "at_most"): bound}
        m = _TRUTHY.match(s)
        if m and m.group(1).lower() not in _WORDS:
            name = m.group(1)
            start = self.initial.get(var_id(name))
            if isinstance(start, int) and not isinstance(start, bool):  # a number is true when it is not 0
                self.use(name, 0)
                return {"not": {"var": var_id(name), "equals": 0}}
            if isinstance(start, str):
                self.use(name, "")
                return {"not": {"var": var_id(name), "equals": ""}}
            self.use(name, False)
            return {"var": var_id(name), "equals": True}
        return None

    def clause(self, src: str) -> tuple[Json, bool]:
        """(condition, True when it is a stub) for one Twine condition."""
        got = self.expr(src)
        if got is not None:
            return got, False
        if src not in self.stubs:
            self.stubs[src] = f"twine_condition_{len(self.stubs) + 1}"
            self.variables[self.stubs[src]] = False
        return {"var": self.stubs[src], "equals": True}, True

    def when(self, cond: tuple[tuple[str, bool], ...]) -> tuple[Json, bool]:
        """The `when:` for a chain of (Twine condition, holds) pairs, and whether any part is a stub."""
        parts: list[Json] = []
        stub = False
        for src, holds in cond:
            got, was_stub = self.clause(src)
            stub = stub or was_stub
            parts.append(got if holds else {"not": got})
        return (parts[0] if len(parts) == 1 else {"all": parts}), stub


def describe(cond: tuple[tuple[str, bool], ...]) -> str:
    """The Twine condition chain in words, for the TODO comment."""
    return " and ".join(f"({src})" if holds else f"not ({src})" for src, holds in cond)
