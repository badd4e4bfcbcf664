"""Playtest helpers (no pygame): --set values, checking --start-at/--set, and carrying a play state into a reload."""

from __future__ import annotations

import difflib
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping, Optional

from ..engine import runner
from ..engine.state import Phase, PlayState, Shown, Value

if TYPE_CHECKING:
    from ..content.schema import Scenario


class PlaytestError(ValueError):
    """--start-at or --set does not fit the scenario (a usage error: exit code 2)."""


def parse_value(text: str) -> Value:
    """A --set value read like a plain YAML 1.2 core scalar: true/false, whole numbers, else text.

    Quotes force text: `--set code='"0042"'` gives the text 0042.
    """
    v = text.strip()
    if len(v) >= 2 and v[0] == v[-1] and v[0] in "'\"":
        return v[1:-1]
    from ..content.yamlread import Plain, typed_scalar

    value: Value = typed_scalar(Plain(v))
    return value


def parse_preset(pairs: Iterable[str]) -> dict[str, Value]:
    """--set VAR=VALUE options as typed values; raises PlaytestError for a pair without '='."""
    out: dict[str, Value] = {}
    for pair in pairs or []:
        name, eq, value = pair.partition("=")
        if not eq or not name.strip():
            raise PlaytestError(f"--set needs VAR=VALUE, not '{pair}'")
        out[name.strip()] = parse_value(value)
    return out


def kind_of(value: object) -> str:
    """'true/false', 'a whole number' or 'text' (how authors name the value types)."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a whole number"
    return "text"


def _close(word: str, names: Iterable[str], what: str) -> str:
    ordered = list(names)
    close = difflib.get_close_matches(word, ordered, n=3, cutoff=0.5)
    if close:
        return "did you mean " + ", ".join(f"'{c}'" for c in close) + "?"
    shown = ", ".join(ordered[:8]) + (", ..." if len(ordered) > 8 else "")
    return f"the {what} are: {shown}" if ordered else f"this scenario declares no {what}"


def check_playtest(scn: Scenario, start_at: Optional[str], preset: Mapping[str, Value]) -> None:
    """Raise PlaytestError (one line, with close matches) when the node or a variable does not fit `scn`."""
    if start_at is not None and start_at not in scn.nodes:
        raise PlaytestError(f"--start-at: '{scn.id}' has no node '{start_at}'; {_close(start_at, scn.nodes, 'nodes')}")
    for name, value in preset.items():
        if name not in scn.variables:
            raise PlaytestError(f"--set: '{scn.id}' declares no variable '{name}'; "
                                f"{_close(name, scn.variables, 'variables')}")
        declared = scn.variables[name]
        if kind_of(declared) != kind_of(value):
            raise PlaytestError(f"--set {name}={value}: '{name}' is {kind_of(declared)} (it starts as "
                                f"{_show(declared)}), but {_show(value)} is {kind_of(value)}")


def _show(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value) if isinstance(value, int) else f"'{value}'"


def carry_over(old: PlayState, scn: Scenario) -> Optional[PlayState]:
    """The state to play on with after `scn` was reloaded, or None when the current node is gone.

    Variables still declared with the same type keep their values (new ones start at their declared value);
    score, tags, counts and decisions are kept; the visited path keeps the nodes that still exist. A feedback
    beat stays when its choice or spot task is still there; an ending keeps its debrief or summary phase.
    """
    node = scn.nodes.get(old.node)
    if node is None:
        return None
    values = dict(scn.variables)
    for name, value in old.variables:
        if name in values and kind_of(values[name]) == kind_of(value):
            values[name] = value
    phase, pending = Phase.NODE, None
    if node.ending is not None:
        phase = old.phase if old.phase in (Phase.ENDING, Phase.DEBRIEF, Phase.SUMMARY) else Phase.ENDING
        if phase is Phase.DEBRIEF and scn.debrief is None:
            phase = Phase.ENDING
    elif old.phase is Phase.FEEDBACK and old.steps and old.steps[-1].node == old.node:
        last = old.steps[-1]
        if last.kind == "choice" and node.choices and last.choice is not None and last.choice < len(node.choices):
            phase, pending = Phase.FEEDBACK, node.choices[last.choice].goto
        elif last.kind == "spot" and node.spot is not None and all(i < len(node.spot.parts) for i in last.selected):
            phase, pending = Phase.FEEDBACK, node.spot.goto
    records = old.shown if old.recorded else tuple(Shown(v) for v in old.visited)
    kept = [rec for rec in records if rec.node in scn.nodes]
    st = replace(old.with_vars(values), scenario_id=scn.id, phase=phase, pending=pending,
                 visited=tuple(rec.node for rec in kept), shown=tuple(kept))
    return runner.reshow(scn, st)  # the current screen shows the file as it is now


def jump(old: PlayState, scn: Scenario, node_id: str) -> PlayState:
    """Play on from another node (author jump): variables, score and path kept, the node added to the path."""
    if node_id not in scn.nodes:
        raise PlaytestError(f"no node '{node_id}'")
    return runner.enter(scn, old, node_id)


def check_playtest_file(path: Path, start_at: Optional[str], preset: Mapping[str, Value]) -> None:
    """check_playtest against a scenario file; a file that does not load is left to the play screen (exit 1)."""
    from ..content.loader import load_model
    from ..content.schema import Scenario

    loaded = load_model(path, Scenario)
    if loaded.model is not None:
        check_playtest(loaded.model, start_at, preset)
