"""The pure engine: beats, choices, spot scoring, conditions, endings, debrief and summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content.catalog import load_shared, scenarios_dir
from game.content.loader import load_scenario
from game.content.schema import Scenario
from game.engine import runner
from game.engine.beats import (
    ChoiceBeat,
    DebriefBeat,
    EndingBeat,
    FeedbackBeat,
    MessageBeat,
    SpotBeat,
    SpotResultBeat,
    SummaryBeat,
)
from game.engine.state import Phase, PlayState

TOUR = scenarios_dir() / "_examples" / "format-tour.yaml"
MINI = Path(__file__).resolve().parent.parent / "fixtures" / "mini.yaml"


@pytest.fixture(scope="module")
def tour() -> Scenario:
    model = load_scenario(TOUR).model
    assert model is not None
    return model


@pytest.fixture(scope="module")
def mini() -> Scenario:
    model = load_scenario(MINI).model
    assert model is not None
    return model


def test_start_shows_the_first_node_with_its_choices(tour: Scenario) -> None:
    st = runner.start(tour)
    beat = runner.current_beat(tour, st)
    assert isinstance(beat, ChoiceBeat)
    assert beat.node_id == "ad" and [o.index for o in beat.options] == [0, 1]
    assert beat.prompt == "What do you do first?"
    assert st.visited == ("ad",)


def test_choice_gives_feedback_then_moves_on(tour: Scenario) -> None:
    st = runner.choose(tour, runner.start(tour), 0)
    beat = runner.current_beat(tour, st)
    assert isinstance(beat, FeedbackBeat)
    assert beat.points == 3 and beat.is_best and beat.choice.headline == "Smart move: you checked first"
    assert st.score == 3 and st.vars["checked_shop"] is True and "skill.verify" in st.tags
    st = runner.advance(tour, st)
    beat = runner.current_beat(tour, st)
    assert isinstance(beat, MessageBeat) and beat.node_id == "search" and beat.next_node == "chat"


def test_conditional_messages_and_choices_follow_variables(tour: Scenario) -> None:
    checked = runner.advance(tour, runner.advance(tour, runner.choose(tour, runner.start(tour), 0)))
    unchecked = runner.advance(tour, runner.choose(tour, runner.start(tour), 1))
    b1 = runner.current_beat(tour, checked)
    b2 = runner.current_beat(tour, unchecked)
    assert isinstance(b1, ChoiceBeat) and isinstance(b2, ChoiceBeat)
    assert len(b1.messages) == 3 and len(b2.messages) == 2
    assert [o.index for o in b1.options] == [0, 1, 2, 3]
    assert [o.index for o in b2.options] == [0, 1, 3]
    with pytest.raises(runner.EngineError):
        runner.choose(tour, unchecked, 2)


def test_spot_task_counts_hits_misses_and_false_alarms(tour: Scenario) -> None:
    st = runner.advance(tour, runner.choose(tour, runner.start(tour), 1))  # chat
    st = runner.advance(tour, runner.choose(tour, st, 1))  # spot node
    assert isinstance(runner.current_beat(tour, st), SpotBeat)
    st = runner.submit_spot(tour, st, [0, 1])  # one false alarm, one hit, two misses
    beat = runner.current_beat(tour, st)
    assert isinstance(beat, SpotResultBeat)
    assert [r.outcome for r in beat.results] == ["false_alarm", "hit", "miss", "miss"]
    assert beat.points == 2 - 1 and beat.best_points == 6
    assert (st.hits, st.misses, st.false_alarms) == (1, 2, 1)
    assert "stage.ask" in st.tags


def test_ending_debrief_and_summary(tour: Scenario) -> None:
    vocab = load_shared(TOUR.parent).tags
    st = runner.start(tour)
    for action in [("c", 0), ("n",), ("n",), ("c", 0), ("n",), ("c", 0), ("n",)]:
        st = runner.choose(tour, st, action[1]) if action[0] == "c" else runner.advance(tour, st)
    assert st.phase is Phase.ENDING
    beat = runner.current_beat(tour, st)
    assert isinstance(beat, EndingBeat) and beat.ending.tone.value == "safe" and beat.score == 3 + 3 + 2
    st = runner.advance(tour, st)
    debrief = runner.current_beat(tour, st)
    assert isinstance(debrief, DebriefBeat) and debrief.debrief is tour.debrief
    assert debrief.visited == ("ad", "search", "chat", "aunt", "end_safe")
    st = runner.advance(tour, st)
    summary = runner.current_beat(tour, st, best_score=13, vocab=vocab)
    assert isinstance(summary, SummaryBeat)
    assert summary.score == 8 and summary.stars == 3  # each choice was the safest one there, whatever the path length
    assert (summary.credit.choices, summary.credit.best_choices) == (3, 3)
    assert {b.id for b in summary.badges} >= {"fact_checker", "speaks_up"}
    assert runner.advance(tour, st) == st


def test_wrong_phase_requests_are_refused(mini: Scenario) -> None:
    st = runner.start(mini)
    with pytest.raises(runner.EngineError):
        runner.advance(mini, st)
    with pytest.raises(runner.EngineError):
        runner.submit_spot(mini, st, [1])
    fb = runner.choose(mini, st, 0)
    with pytest.raises(runner.EngineError):
        runner.choose(mini, fb, 0)


def test_start_at_and_preset_variables(tour: Scenario) -> None:
    st = runner.start(tour, start_at="chat", preset={"checked_shop": True})
    beat = runner.current_beat(tour, st)
    assert isinstance(beat, ChoiceBeat) and beat.node_id == "chat" and len(beat.messages) == 3
    with pytest.raises(runner.EngineError):
        runner.start(tour, preset={"nope": 1})
    with pytest.raises(runner.EngineError):
        runner.start(tour, start_at="nowhere")


def test_state_round_trips_through_a_dict(tour: Scenario) -> None:
    st = runner.choose(tour, runner.start(tour), 0)
    again = PlayState.from_dict(st.to_dict())
    assert again == st
    assert runner.current_beat(tour, again) == runner.current_beat(tour, st)


def test_newer_state_versions_are_refused() -> None:
    with pytest.raises(ValueError, match="not readable"):
        PlayState.from_dict({"version": 99, "scenario_id": "x", "node": "a"})
