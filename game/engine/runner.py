"""The pull API: start, current_beat, choose, submit_spot, advance. Pure: states in, states out."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Mapping, Optional

from ..content.schema import Scenario, TagVocabulary
from . import scoring
from .beats import (
    Beat,
    ChoiceBeat,
    DebriefBeat,
    EndingBeat,
    FeedbackBeat,
    MessageBeat,
    Option,
    PartResult,
    SpotBeat,
    SpotResultBeat,
    SummaryBeat,
)
from .conditions import holds
from .state import Phase, PlayState, Step, Value


class EngineError(ValueError):
    """A request the current state cannot take (wrong phase, hidden choice, unknown node)."""


def _enter(scn: Scenario, st: PlayState, node_id: str) -> PlayState:
    if node_id not in scn.nodes:
        raise EngineError(f"unknown node '{node_id}'")
    phase = Phase.ENDING if scn.nodes[node_id].ending is not None else Phase.NODE
    return replace(st, node=node_id, phase=phase, visited=(*st.visited, node_id), pending=None)


def start(scn: Scenario, start_at: Optional[str] = None, preset: Optional[Mapping[str, Value]] = None) -> PlayState:
    """A new state at the start node (or `start_at`), with variables (or `preset` over them)."""
    values = dict(scn.variables)
    for name, value in (preset or {}).items():
        if name not in values:
            raise EngineError(f"unknown variable '{name}'")
        values[name] = value
    st = PlayState(scenario_id=scn.id, node=start_at or scn.start).with_vars(values)
    return _enter(scn, st, start_at or scn.start)


def options(scn: Scenario, st: PlayState) -> tuple[Option, ...]:
    """The choices open at the current node."""
    node = scn.nodes[st.node]
    variables = st.vars
    return tuple(Option(i, c) for i, c in enumerate(node.choices or []) if holds(c.when, variables, st.visited))


def current_beat(scn: Scenario, st: PlayState, *, best_score: int = 0,
                 vocab: Optional[TagVocabulary] = None) -> Beat:
    """What the player sees now."""
    node = scn.nodes[st.node]
    if st.phase is Phase.NODE:
        variables = st.vars
        msgs = tuple(m for m in node.messages if holds(m.when, variables, st.visited))
        if node.choices is not None:
            return ChoiceBeat(st.node, node, msgs, options(scn, st), node.prompt)
        if node.spot is not None:
            return SpotBeat(st.node, node, msgs, node.spot)
        return MessageBeat(st.node, node, msgs, node.next or "")
    if st.phase is Phase.FEEDBACK:
        last = st.steps[-1]
        if last.kind == "spot" and node.spot is not None:
            outcomes = scoring.spot_outcomes(node.spot, last.selected)
            results = tuple(PartResult(i, p, i in last.selected, o)
                            for i, (p, o) in enumerate(zip(node.spot.parts, outcomes, strict=True)))
            return SpotResultBeat(st.node, node.spot, results, last.points, scoring.spot_range(node.spot)[1])
        assert node.choices is not None and last.choice is not None
        choice = node.choices[last.choice]
        return FeedbackBeat(st.node, choice, last.choice, last.points, last.best, last.points >= last.best)
    if st.phase is Phase.ENDING:
        assert node.ending is not None
        return EndingBeat(st.node, node, node.ending, st.score)
    if st.phase is Phase.DEBRIEF:
        return DebriefBeat(scn.debrief, st.visited)
    tone = node.ending.tone if node.ending is not None else None
    return SummaryBeat(st.score, best_score, scoring.stars(st.score, best_score),
                       scoring.badges(st.tags, vocab), st.hits, st.misses, st.false_alarms, tone)


def choose(scn: Scenario, st: PlayState, index: int) -> PlayState:
    """Take choice `index` (its position in the node's list); the feedback beat follows."""
    if st.phase is not Phase.NODE:
        raise EngineError(f"cannot choose during {st.phase.value}")
    open_ = {o.index: o.choice for o in options(scn, st)}
    if index not in open_:
        raise EngineError(f"choice {index} is not open at '{st.node}'")
    c = open_[index]
    values = st.vars
    values.update(c.set)
    for name, delta in c.add.items():
        current = values.get(name, 0)
        values[name] = (current if isinstance(current, int) and not isinstance(current, bool) else 0) + delta
    tags = st.tags + tuple(t for t in c.tags if t not in st.tags)
    step = Step(st.node, "choice", c.points, choice=index, best=max(o.points for o in open_.values()))
    return replace(st.with_vars(values), phase=Phase.FEEDBACK, steps=(*st.steps, step), score=st.score + c.points,
                   tags=tags, pending=c.goto)


def submit_spot(scn: Scenario, st: PlayState, selected: Iterable[int]) -> PlayState:
    """Submit the parts the player marked; the spot result beat follows."""
    node = scn.nodes[st.node]
    if st.phase is not Phase.NODE or node.spot is None:
        raise EngineError("there is no spot task here")
    chosen = tuple(sorted({i for i in selected if 0 <= i < len(node.spot.parts)}))
    outcomes = scoring.spot_outcomes(node.spot, chosen)
    points = scoring.spot_points(node.spot, outcomes)
    found = tuple(t for i, p in enumerate(node.spot.parts) if p.flag and i in chosen for t in p.tags)
    tags = st.tags + tuple(dict.fromkeys(t for t in found if t not in st.tags))
    return replace(st, phase=Phase.FEEDBACK, steps=(*st.steps, Step(st.node, "spot", points, selected=chosen,
                                                                 best=scoring.spot_range(node.spot)[1])),
                   score=st.score + points, tags=tags, pending=node.spot.goto,
                   hits=st.hits + outcomes.count("hit"), misses=st.misses + outcomes.count("miss"),
                   false_alarms=st.false_alarms + outcomes.count("false_alarm"))


def advance(scn: Scenario, st: PlayState) -> PlayState:
    """Move on from a beat that only needs Next (messages, feedback, ending, debrief)."""
    node = scn.nodes[st.node]
    if st.phase is Phase.NODE:
        if node.next is None:
            raise EngineError("this node needs a choice or a spot answer")
        return _enter(scn, st, node.next)
    if st.phase is Phase.FEEDBACK:
        assert st.pending is not None
        return _enter(scn, st, st.pending)
    if st.phase is Phase.ENDING:
        return replace(st, phase=Phase.DEBRIEF)
    if st.phase is Phase.DEBRIEF:
        return replace(st, phase=Phase.SUMMARY)
    return st
