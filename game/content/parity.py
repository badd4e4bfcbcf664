"""The structure of a story without its words, so a translation can be compared with its original (W407's test)."""

from __future__ import annotations

from typing import Any, Optional

from .schema import Condition, Node, Scenario


def _cond(cond: Optional[Condition]) -> Any:
    return None if cond is None else cond.model_dump(by_alias=True, mode="json")


def _node(node: Node) -> dict[str, Any]:
    out: dict[str, Any] = {"screen": node.screen.value, "with": node.with_, "order": node.order.value,
                           "next": node.next}
    # Messages may be split or joined in translation (a longer language needs more bubbles), so what is compared
    # is who speaks and under which conditions, not how many bubbles there are.
    out["speakers"] = sorted({m.speaker for m in node.messages})
    out["message_conditions"] = sorted({repr(_cond(m.when)) for m in node.messages})
    if node.card is not None:
        out["toggles"] = [(t.id, t.enabled) for t in node.card.toggles]
    if node.choices is not None:
        out["choices"] = [{"goto": c.goto, "points": c.points, "tags": c.tags, "set": c.set, "add": c.add,
                           "when": _cond(c.when), "toggle": c.toggle, "pin": c.pin and c.pin.value,
                           "says": c.says is not None, "feedback": c.feedback is not None}
                          for c in node.choices]
    if node.spot is not None:
        s = node.spot
        out["spot"] = {"from": s.speaker, "goto": s.goto, "scoring": s.scoring.model_dump(mode="json"),
                       "parts": [(p.flag, p.tags) for p in s.parts]}
    if node.ending is not None:
        out["ending"] = {"tone": node.ending.tone.value, "still_helps": node.ending.still_helps is not None}
    return out


def structure(scn: Scenario) -> dict[str, Any]:
    """Everything a translation keeps: ids, tier, variables, characters' ids and roles, nodes and their ways on
    (gotos, points, set/add, conditions, tags, toggles), spot-task parts (red flag or not, tags), endings' tones,
    the debrief's red flags (where, tags), tactics and help resources. No student-facing text."""
    out: dict[str, Any] = {
        "id": scn.id, "schema_version": scn.schema_version, "theme": scn.theme, "age_tier": scn.age_tier.value,
        "minutes": scn.minutes, "order": scn.order, "learning_goals": len(scn.learning_goals),
        "variables": scn.variables, "characters": [(c.id, c.role.value, c.avatar) for c in scn.characters],
        "start": scn.start, "nodes": {nid: _node(n) for nid, n in scn.nodes.items()},
    }
    if scn.debrief is not None:
        d = scn.debrief
        out["debrief"] = {"red_flags": [(rf.at, rf.tags) for rf in d.red_flags], "tactics": d.tactics,
                          "resources": d.resources, "questions": len(d.questions)}
    return out


MISSING = object()
"""Stands for a key one side does not have."""


def diff_items(ours: Any, theirs: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any, Any]]:
    """Where two structures differ: (path, ours, theirs), MISSING for a key one side lacks (dicts compared key by
    key, lists of the same length place by place)."""
    if isinstance(ours, dict) and isinstance(theirs, dict):
        out: list[tuple[tuple[Any, ...], Any, Any]] = []
        for key in sorted(set(ours) | set(theirs), key=str):
            out.extend(diff_items(ours.get(key, MISSING), theirs.get(key, MISSING), (*path, key)))
        return out
    if isinstance(ours, list) and isinstance(theirs, list) and len(ours) == len(theirs):
        return [d for i, (a, b) in enumerate(zip(ours, theirs, strict=True)) for d in diff_items(a, b, (*path, i))]
    return [] if ours == theirs else [(path, ours, theirs)]


def shown_path(path: tuple[Any, ...]) -> str:
    """('nodes', 'ad', 'choices', 0, 'points') -> 'nodes.ad.choices[0].points'."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def differences(ours: Any, theirs: Any) -> list[str]:
    """Where two structures differ, as 'path: ours != theirs' lines."""
    out = []
    for path, a, b in diff_items(ours, theirs):
        if a is MISSING:
            out.append(f"{shown_path(path)}: missing here")
        elif b is MISSING:
            out.append(f"{shown_path(path)}: not in the original")
        else:
            out.append(f"{shown_path(path)}: {a!r} != {b!r}")
    return out
