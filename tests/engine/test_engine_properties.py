"""Property tests: state round trips; random walks end at endings and agree with the explorer."""

from __future__ import annotations

import functools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content.catalog import find_scenario_files, scenarios_dir
from game.content.loader import load_scenario
from game.content.schema import Scenario
from game.engine import autoplay, runner
from game.engine.explorer import explore
from game.engine.state import Phase, PlayState, Step

SHIPPED = find_scenario_files(scenarios_dir())


def _load(path) -> Scenario:
    model = load_scenario(path).model
    assert model is not None, path
    return model


@functools.cache
def _explored(path):  # type: ignore[no-untyped-def]
    """A story and its exploration, once per file (hypothesis calls a test once per example)."""
    scn = _load(path)
    return scn, explore(scn)


values = st.one_of(st.booleans(), st.integers(-1000, 1000), st.text(max_size=20))
names = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=12)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    node=names, phase=st.sampled_from(list(Phase)), variables=st.dictionaries(names, values, max_size=6),
    visited=st.lists(names, max_size=8), score=st.integers(-100, 100),
    steps=st.lists(st.builds(Step, node=names, kind=st.sampled_from(["choice", "spot"]),
                             points=st.integers(-10, 10), choice=st.one_of(st.none(), st.integers(0, 5)),
                             selected=st.lists(st.integers(0, 9), max_size=4).map(tuple),
                             best=st.integers(0, 10)), max_size=5),
    tags=st.lists(names, max_size=5), pending=st.one_of(st.none(), names),
)
def test_play_state_round_trips(node, phase, variables, visited, score, steps, tags, pending) -> None:
    state = PlayState(scenario_id="s", node=node, phase=phase, score=score, visited=tuple(visited),
                      steps=tuple(steps), tags=tuple(tags), pending=pending).with_vars(variables)
    assert PlayState.from_dict(state.to_dict()) == state


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1))
def test_random_walks_end_at_endings_the_explorer_predicts(path, seed: int) -> None:
    scn, ex = _explored(path)
    final, actions = autoplay.play_random(scn, seed)
    assert final.phase is Phase.SUMMARY, actions
    ending_node = scn.nodes[final.node]
    assert ending_node.ending is not None
    report = {e.id: e for e in ex.endings}[final.node]
    assert report.reachable
    assert report.min_score is not None and report.max_score is not None
    assert report.min_score <= final.score <= report.max_score


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_every_ending_is_reached_by_some_walk(path) -> None:
    scn, ex = _explored(path)
    wanted = {e.id for e in ex.endings if e.reachable}
    assert wanted == {e.id for e in ex.endings}, "every ending is reachable"
    seen: set[str] = set()
    best = None
    for seed in range(400):
        final, _ = autoplay.play_random(scn, seed)
        seen.add(final.node)
        best = final.score if best is None else max(best, final.score)
        if seen == wanted:
            break
    assert seen == wanted
    assert best is not None and best <= ex.best_score


def test_beats_of_a_walk_are_consistent() -> None:
    scn = _load(scenarios_dir() / "_examples" / "format-tour.yaml")
    for seed in range(30):
        st_ = runner.start(scn)
        import random

        rng = random.Random(seed)
        while st_.phase is not Phase.SUMMARY:
            beat = runner.current_beat(scn, st_)
            action = autoplay.pick(beat, rng)
            assert action is not None
            st_ = autoplay.apply(scn, st_, action)
        assert st_.score == sum(s.points for s in st_.steps)
