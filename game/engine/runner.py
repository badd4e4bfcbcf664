"""The pull API: start, current_beat, choose, submit_spot, advance. Pure: states in, states out."""

from __future__ import annotations

import random
from dataclasses import replace
from typing import Iterable, Mapping, Optional, Sequence

from ..content.schema import Node, Order, Pin, Scenario, TagVocabulary
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
from .record import history, messages_of
from .state import STATE_VERSION, Phase, PlayState, Shown, Step, Value

__all__ = ["EngineError", "advance", "choose", "current_beat", "enter", "messages_of", "option_order", "options",
           "part_order", "reshow", "restore", "start", "submit_spot"]


class EngineError(ValueError):
    """A request the current state cannot take (wrong phase, hidden choice, unknown node)."""


def option_order(node: Node, open_: Sequence[int], seed: Optional[int], visit: str) -> tuple[int, ...]:
    """The open options in the order shown: shuffled by `seed` for this visit (the same seed and visit, the same
    order), pinned options first or last; in file order when the node says `order: fixed` or there is no seed."""
    if seed is None or node.order is Order.FIXED or len(open_) < 2:
        return tuple(open_)
    choices = node.choices or []
    free = [i for i in open_ if choices[i].pin is None]
    random.Random(f"{seed}/{visit}").shuffle(free)  # a string seed is hashed the same way in every process
    first = [i for i in open_ if choices[i].pin is Pin.FIRST]
    last = [i for i in open_ if choices[i].pin is Pin.LAST]
    return (*first, *free, *last)


def part_order(node: Node) -> tuple[int, ...]:
    """A spot task's parts in the message's own reading order (parts not found in the text last, as written)."""
    if node.spot is None:
        return ()
    text = node.spot.text.lower()
    where = [text.find(p.text.lower()) for p in node.spot.parts]
    return tuple(sorted(range(len(where)), key=lambda i: (where[i] < 0, where[i], i)))


def _shown(scn: Scenario, node_id: str, variables: Mapping[str, Value], visited: tuple[str, ...],
           seed: Optional[int] = None) -> Shown:
    """What a visit shows when entered with these variables (`visited` includes the node itself)."""
    node = scn.nodes[node_id]
    open_ = [i for i, c in enumerate(node.choices or []) if holds(c.when, variables, visited)]
    return Shown(node_id,
                 messages=tuple(i for i, m in enumerate(node.messages) if holds(m.when, variables, visited)),
                 options=option_order(node, open_, seed, f"{node_id}/{visited.count(node_id)}"),
                 parts=part_order(node))


def _enter(scn: Scenario, st: PlayState, node_id: str) -> PlayState:
    if node_id not in scn.nodes:
        raise EngineError(f"unknown node '{node_id}'")
    phase = Phase.ENDING if scn.nodes[node_id].ending is not None else Phase.NODE
    visited = (*st.visited, node_id)
    return replace(st, node=node_id, phase=phase, visited=visited, pending=None,
                   shown=(*st.shown, _shown(scn, node_id, st.vars, visited, st.seed)))


def enter(scn: Scenario, st: PlayState, node_id: str) -> PlayState:
    """Go straight to a node (an author's jump): variables, score and path kept, the visit recorded."""
    return _enter(scn, st, node_id)


def reshow(scn: Scenario, st: PlayState) -> PlayState:
    """Record the current visit again against `scn` (an author reloaded the file under it; earlier visits keep
    what they showed)."""
    if not st.visited or st.node not in scn.nodes:
        return st
    shown = st.shown[:len(st.visited) - 1] if st.recorded else ()
    return replace(st, shown=(*shown, _shown(scn, st.node, st.vars, st.visited, st.seed)))


def _visit(scn: Scenario, st: PlayState) -> Shown:
    """The current visit's record (a state without one, e.g. an unrestored version-1 state, is refused)."""
    visit = st.visit
    if visit is None:
        raise EngineError("this state has no record of what it showed; pass it through restore() first")
    return visit


def start(scn: Scenario, start_at: Optional[str] = None, preset: Optional[Mapping[str, Value]] = None,
          seed: Optional[int] = None) -> PlayState:
    """A new state at the start node (or `start_at`), with variables (or `preset` over them); `seed` shuffles the
    options of every visit (None: file order, as the explorer and the lint see them)."""
    values = dict(scn.variables)
    for name, value in (preset or {}).items():
        if name not in values:
            raise EngineError(f"unknown variable '{name}'")
        values[name] = value
    st = PlayState(scenario_id=scn.id, node=start_at or scn.start, seed=seed).with_vars(values)
    return _enter(scn, st, start_at or scn.start)


def options(scn: Scenario, st: PlayState) -> tuple[Option, ...]:
    """The choices open at the current node, in the order they were shown."""
    choices = scn.nodes[st.node].choices or []
    return tuple(Option(i, choices[i]) for i in _visit(scn, st).options if i < len(choices))


def current_beat(scn: Scenario, st: PlayState, *, best_score: int = 0,
                 vocab: Optional[TagVocabulary] = None) -> Beat:
    """What the player sees now."""
    node = scn.nodes[st.node]
    if st.phase is Phase.NODE:
        visit = _visit(scn, st)
        msgs = messages_of(scn, visit)
        past = history(scn, st.shown, len(st.shown) - 1)
        if node.choices is not None:
            return ChoiceBeat(st.node, node, msgs, past, options(scn, st), node.prompt)
        if node.spot is not None:
            return SpotBeat(st.node, node, msgs, past, node.spot, visit.parts or part_order(node))
        return MessageBeat(st.node, node, msgs, past, node.next or "")
    if st.phase is Phase.FEEDBACK:
        last = st.steps[-1]
        if last.kind == "spot" and node.spot is not None:
            spot = node.spot
            outcomes = scoring.spot_outcomes(spot, last.selected)
            order = st.visit.parts if st.visit is not None and st.visit.parts else part_order(node)
            results = tuple(PartResult(i, spot.parts[i], i in last.selected, outcomes[i],
                                       scoring.outcome_points(spot, outcomes[i]))
                            for i in order if i < len(spot.parts))
            return SpotResultBeat(st.node, spot, results, last.points, scoring.spot_range(spot)[1])
        assert node.choices is not None and last.choice is not None
        choice = node.choices[last.choice]
        return FeedbackBeat(st.node, choice, last.choice, last.points, last.best, last.points >= last.best,
                            last.verdict or scoring.verdict(last.points, [last.best, last.points]))
    if st.phase is Phase.ENDING:
        assert node.ending is not None
        return EndingBeat(st.node, node, node.ending, st.score, messages_of(scn, _visit(scn, st)),
                          history(scn, st.shown, len(st.shown) - 1))
    if st.phase is Phase.DEBRIEF:
        return DebriefBeat(scn.debrief, st.visited, st.shown)
    tone = node.ending.tone if node.ending is not None else None
    credit = credit_of(scn, st)
    return SummaryBeat(st.score, best_score, scoring.stars(credit, tone),
                       scoring.badges(st.tags, vocab), st.hits, st.misses, st.false_alarms, tone, credit)


def choose(scn: Scenario, st: PlayState, index: int) -> PlayState:
    """Take choice `index` (its position in the node's list); the feedback beat follows."""
    if st.phase is not Phase.NODE:
        raise EngineError(f"cannot choose during {st.phase.value}")
    open_ = {o.index: o.choice for o in options(scn, st)}  # what this visit showed, nothing re-evaluated
    if index not in open_:
        raise EngineError(f"choice {index} is not open at '{st.node}'")
    c = open_[index]
    values = st.vars
    values.update(c.set)
    for name, delta in c.add.items():
        current = values.get(name, 0)
        values[name] = (current if isinstance(current, int) and not isinstance(current, bool) else 0) + delta
    tags = st.tags + tuple(t for t in c.tags if t not in st.tags)
    offered = [o.points for o in open_.values()]
    step = Step(st.node, "choice", c.points, choice=index, best=max(offered),
                verdict=scoring.verdict(c.points, offered))
    shown = st.shown
    if c.says and shown:  # what the player sends stays in the conversation's thread
        shown = (*shown[:-1], replace(shown[-1], sent=c.says))
    return replace(st.with_vars(values), phase=Phase.FEEDBACK, steps=(*st.steps, step), score=st.score + c.points,
                   tags=tags, pending=c.goto, shown=shown)


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


def restore(scn: Scenario, st: PlayState) -> PlayState:
    """A state ready to play on: a version-1 state gets its record of what each visit showed, rebuilt by replaying
    its steps from its first node with the scenario's starting variables (exact for every play that did not start
    from a preset). Where the replay cannot follow the saved path (the file changed since), each visit's record is
    rebuilt from the saved variables instead. A state that already has its record comes back unchanged."""
    if st.recorded and st.version == STATE_VERSION:
        return st
    if st.scenario_id != scn.id:
        raise EngineError(f"this state belongs to scenario '{st.scenario_id}', not '{scn.id}'")
    shown = _replayed(scn, st)
    if shown is None:
        variables = st.vars
        shown = tuple(_shown(scn, nid, variables, st.visited[:k + 1]) if nid in scn.nodes else Shown(nid)
                      for k, nid in enumerate(st.visited))
    return replace(st, shown=shown, version=STATE_VERSION)


def _replayed(scn: Scenario, st: PlayState) -> Optional[tuple[Shown, ...]]:
    """The visit records of `st` rebuilt by replaying its steps, or None when the replay leaves its path."""
    if not st.visited:
        return ()
    try:
        sim = start(scn, start_at=st.visited[0])
        steps = list(st.steps)
        while len(sim.visited) < len(st.visited):
            if sim.visited != st.visited[:len(sim.visited)]:
                return None
            node = scn.nodes[sim.node]
            if sim.phase is Phase.NODE and (node.choices is not None or node.spot is not None):
                if not steps or steps[0].node != sim.node:
                    return None
                step = steps.pop(0)
                if step.kind == "choice" and step.choice is not None:
                    sim = choose(scn, sim, step.choice)
                else:
                    sim = submit_spot(scn, sim, step.selected)
            elif sim.phase in (Phase.NODE, Phase.FEEDBACK):
                sim = advance(scn, sim)
            else:
                return None
    except (EngineError, KeyError, AssertionError):
        return None
    return sim.shown if sim.visited == st.visited else None


def credit_of(scn: Scenario, st: PlayState) -> scoring.Credit:
    """How the play-through went, decision by decision (the stars and the summary's one line come from this)."""
    credit = scoring.Credit()
    for step in st.steps:
        node = scn.nodes.get(step.node)
        if step.kind == "spot":
            if node is not None and node.spot is not None:
                credit = scoring.add_spot(credit, scoring.spot_outcomes(node.spot, step.selected))
        else:
            credit = scoring.add_choice(credit, step.points, step.best)
    return credit
