"""The engine records what each visit showed; the replay reads that record and never re-evaluates a condition."""

from __future__ import annotations

import random
from functools import cache

import pytest

from game.content.catalog import find_scenario_files, scenarios_dir
from game.content.loader import load_scenario
from game.content.schema import Scenario
from game.engine import autoplay, runner
from game.engine.beats import ChoiceBeat, EndingBeat, NodeBeat
from game.engine.conditions import holds
from game.engine.replay import locate_flags, replay_nodes, spot_message
from game.engine.state import STATE_VERSION, Phase, PlayState, StateVersionError

PATHS = 300
"""Seeded random play-throughs per shipped scenario."""


@cache
def shipped() -> tuple[Scenario, ...]:
    out = []
    for path in find_scenario_files(scenarios_dir(), include_examples=True):
        model = load_scenario(path).model
        if model is not None:
            out.append(model)
    return tuple(out)


def _play(scn: Scenario, seed: int) -> tuple[PlayState, dict[str, tuple]]:
    """A seeded random path; returns the final state and, per node, what the screen showed on its first visit
    (evaluated independently, at that moment, from the state the player was in)."""
    rng = random.Random(seed)
    st = runner.start(scn)
    first: dict[str, tuple] = {}
    for _ in range(2000):
        if st.phase is Phase.SUMMARY:
            break
        beat = runner.current_beat(scn, st)
        if isinstance(beat, (NodeBeat, EndingBeat)) and st.node not in first:
            node = scn.nodes[st.node]
            expect = tuple(m for m in node.messages if holds(m.when, st.vars, st.visited))
            assert beat.messages == expect, f"{scn.id}:{st.node}: the beat shows what holds now"
            if isinstance(beat, ChoiceBeat):
                open_ = [i for i, c in enumerate(node.choices or []) if holds(c.when, st.vars, st.visited)]
                assert [o.index for o in beat.options] == open_
            first[st.node] = beat.messages + spot_message(node)
        action = autoplay.pick(beat, rng)
        if action is None:
            break
        st = autoplay.apply(scn, st, action)
    return st, first


def test_shipped_scenarios_exist() -> None:
    assert len(shipped()) >= 13


@pytest.mark.parametrize("index", range(14))
def test_replay_of_every_visited_node_equals_what_was_shown(index: int) -> None:
    scenarios = shipped()
    if index >= len(scenarios):
        pytest.skip("fewer scenarios")
    scn = scenarios[index]
    for seed in range(PATHS):
        st, first = _play(scn, seed)
        assert st.recorded and len(st.shown) == len(st.visited)
        for r in replay_nodes(scn, st.shown):
            assert r.messages == first[r.node_id], f"{scn.id} seed {seed}: replay of '{r.node_id}'"
        replayed = {r.node_id for r in replay_nodes(scn, st.shown)}
        assert replayed == {n for n, msgs in first.items() if msgs or scn.nodes[n].card is not None}


def _loverboy() -> Scenario:
    return next(s for s in shipped() if s.id == "loverboy")


def test_loverboy_replay_never_adds_a_message_that_was_not_shown() -> None:
    """The reproduced bug: at `yes_chat` a message needs `distance >= 1`, which a later choice can set; replaying
    with the final variables showed it although the player never saw it."""
    scn = _loverboy()
    line = "Why would you post that where everyone can see?"
    found = 0
    for seed in range(400):
        st, first = _play(scn, seed)
        if "yes_chat" not in first or any(line in m.text for m in first["yes_chat"]):
            continue
        final = st.vars
        node = scn.nodes["yes_chat"]
        if not any(line in m.text and holds(m.when, final, st.visited) for m in node.messages):
            continue
        found += 1  # the old replay (final variables) would have shown it here
        replay = {r.node_id: r.messages for r in replay_nodes(scn, st.shown)}
        assert not any(line in m.text for m in replay["yes_chat"])
    assert found > 0, "some random path reaches the case the bug showed"


def test_located_flags_come_from_the_record() -> None:
    scn = _loverboy()
    st, _first = _play(scn, 3)
    nodes, seen, unseen = locate_flags(scn, st.shown)
    assert sorted(seen + unseen) == list(range(len(scn.debrief.red_flags)))  # type: ignore[union-attr]
    assert [r.node_id for r in nodes] == list(dict.fromkeys(n for n in st.visited if n in {r.node_id for r in nodes}))


def test_a_version_1_state_is_migrated_with_its_record_rebuilt() -> None:
    for scn in shipped()[:6]:
        for seed in range(5):
            st, _ = autoplay.play_random(scn, seed)
            old = st.to_dict()
            del old["shown"]
            old["version"] = 1
            back = PlayState.from_dict(old)
            assert back.version == 1 and not back.recorded
            restored = runner.restore(scn, back)
            assert restored == st and restored.version == STATE_VERSION


def test_a_version_1_state_mid_story_plays_on_after_restore() -> None:
    scn = _loverboy()
    st = runner.start(scn)
    for _ in range(3):
        beat = runner.current_beat(scn, st)
        st = autoplay.apply(scn, st, autoplay.pick(beat, random.Random(1)))  # type: ignore[arg-type]
    old = {k: v for k, v in st.to_dict().items() if k != "shown"} | {"version": 1}
    back = PlayState.from_dict(old)
    with pytest.raises(runner.EngineError, match="restore"):
        runner.current_beat(scn, back)
    assert runner.current_beat(scn, runner.restore(scn, back)) == runner.current_beat(scn, st)


def test_restore_falls_back_when_the_path_no_longer_fits() -> None:
    scn = _loverboy()
    st, _ = autoplay.play_random(scn, 2)
    old = st.to_dict() | {"version": 1}
    del old["shown"]
    old["steps"] = []  # the saved path cannot be replayed: records come from the saved variables
    restored = runner.restore(scn, PlayState.from_dict(old))
    assert restored.recorded and [v.node for v in restored.shown] == list(st.visited)


@pytest.mark.parametrize("data, message", [
    ({"version": STATE_VERSION + 1, "scenario_id": "x", "node": "a"}, "newer"),
    ({"version": "two", "scenario_id": "x", "node": "a"}, "not a number"),
    ({"version": 2, "node": "a"}, "damaged"),
    ({"version": 2, "scenario_id": "x", "node": "a", "shown": [{"messages": [1]}]}, "damaged"),
    ({"version": 2, "scenario_id": "x", "node": "a", "phase": "flying"}, "damaged"),
    ({"version": 2, "scenario_id": "x", "node": "a", "variables": [1, 2]}, "mapping"),
    ([1, 2, 3], "mapping"),
])
def test_unreadable_states_are_refused_with_a_message(data: object, message: str) -> None:
    with pytest.raises(StateVersionError, match=message):
        PlayState.from_dict(data)  # type: ignore[arg-type]
