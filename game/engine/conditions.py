"""Evaluate the declarative condition grammar over variables and visited nodes (never eval)."""

from __future__ import annotations

from typing import Any, Collection, Mapping, Optional

from ..content.schema import (
    AllOf,
    AnyOf,
    Condition,
    Not,
    VarAtLeast,
    VarAtMost,
    VarEquals,
    Visited,
    condition_tests,
)


def holds(cond: Optional[Condition], variables: Mapping[str, Any], visited: Collection[str]) -> bool:
    """True when the condition holds (a missing condition always holds)."""
    if cond is None:
        return True
    if isinstance(cond, VarEquals):
        value = variables.get(cond.var)
        return type(value) is type(cond.equals) and value == cond.equals
    if isinstance(cond, VarAtLeast):
        value = variables.get(cond.var)
        return isinstance(value, int) and not isinstance(value, bool) and value >= cond.at_least
    if isinstance(cond, VarAtMost):
        value = variables.get(cond.var)
        return isinstance(value, int) and not isinstance(value, bool) and value <= cond.at_most
    if isinstance(cond, Visited):
        return cond.visited in visited
    if isinstance(cond, AllOf):
        return all(holds(c, variables, visited) for c in cond.all)
    if isinstance(cond, AnyOf):
        return any(holds(c, variables, visited) for c in cond.any)
    if isinstance(cond, Not):
        return not holds(cond.not_, variables, visited)
    raise TypeError(f"not a condition: {cond!r}")  # pragma: no cover - the schema admits no other kind


def visited_refs(cond: Optional[Condition]) -> set[str]:
    """Node ids a condition tests with `visited`."""
    return {t.visited for t in condition_tests(cond) if isinstance(t, Visited)}
