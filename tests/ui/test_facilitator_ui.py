"""Facilitator mode by intents: Lead a class, the vote (typing, +/-, tie, override), timer, notes, summary."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pygame
import pytest
from drive import has_text, names, send, top_name

from game.content.catalog import scenarios_dir
from game.session.classroom import Classroom, DiscussionTimer, clean_label, leaders, letter, percents
from game.ui.app import App
from game.ui.input import map_key
from game.ui.intents import (
    Activate,
    Adjust,
    Back,
    Choose,
    Erase,
    Facilitate,
    Next,
    Submit,
    TextInput,
)
from game.ui.launch import open_start

TUTORIAL = scenarios_dir() / "en" / "tutorial.yaml"
WELCOME_NOTE = "Show the class the Get help button (H)"


@pytest.fixture
def cls(make_app: Callable[..., App]) -> App:
    """A class on the tutorial's first screen (the welcome narration), options in the order written (these tests
    are about the vote; test_choice_order.py covers the shuffle)."""
    app = make_app(scenario=TUTORIAL, facilitator=True, class_label="Period 3", shuffle=False)
    assert open_start(app) == 0
    app.step()
    send(app, Next())  # Start on the content note
    assert top_name(app) == "player"
    return app


def visible_text(app: App) -> str:
    return " | ".join(t for s in app.visible() for t in s.dl.texts())


def type_counts(app: App, counts: list[int]) -> None:
    """Type each card's count, Enter moving to the next card (as a teacher would)."""
    for c in counts:
        for d in str(c):
            send(app, Choose(int(d) - 1))
        send(app, Activate())


def test_keys_for_the_facilitator() -> None:
    pygame.init()
    assert map_key(pygame.K_t) == Facilitate("timer")
    assert map_key(pygame.K_t, pygame.KMOD_SHIFT) == Facilitate("timer_length")
    assert map_key(pygame.K_n) == Facilitate("notes") and map_key(pygame.K_d) == Facilitate("discuss")
    assert map_key(pygame.K_PLUS) == Adjust(1) and map_key(pygame.K_EQUALS) == Adjust(1)
    assert map_key(pygame.K_MINUS) == Adjust(-1) and map_key(pygame.K_KP_MINUS) == Adjust(-1)
    assert map_key(pygame.K_0) == Choose(-1) and map_key(pygame.K_BACKSPACE) == Erase()
    assert map_key(pygame.K_t, text_mode=True) is None  # typing a class label: letters are text


def test_vote_maths() -> None:
    assert percents([12, 5, 3]) == [60, 25, 15] and percents([0, 0]) == [0, 0]
    assert leaders([4, 4, 1]) == [0, 1] and leaders([0, 0]) == [0, 1] and leaders([1, 9]) == [1]
    assert [letter(i) for i in range(4)] == ["A", "B", "C", "D"]
    assert clean_label("  Period\t3\n ") == "Period 3" and clean_label("   ") is None
    assert len(clean_label("x" * 99) or "") == 40


def test_timer_counts_dt_not_frames() -> None:
    t = DiscussionTimer(preset=1)
    assert (t.state, t.shown(), t.wait_s()) == ("idle", "2:00", None)
    for _ in range(100):
        t.update(0.0)  # frames without time change nothing
    t.toggle()
    assert t.running and t.shown() == "2:00"
    assert t.update(0.4) is False and t.shown() == "2:00"  # a countdown shows 2:00 for its first second
    assert t.update(0.7) is True and t.shown() == "1:59"  # the shown second changed
    assert t.update(0.3) is False and t.shown() == "1:59"
    assert 0.59 < t.wait_s() < 0.62  # the loop may sleep until the next second shows
    t.toggle()
    assert t.state == "paused" and t.update(30) is False and t.shown() == "1:59"
    t.toggle()
    assert t.update(200) is True and t.state == "done" and t.shown() == "0:00" and t.finished_events == 1
    room = Classroom(timer=t)
    assert room.tone_due() is True and room.tone_due() is False  # one soft tone per time the timer runs out
    t.cycle(1)
    assert (t.state, t.length, t.shown()) == ("idle", 180, "3:00")
    t.cycle(2)
    assert t.length == 60


def test_lead_a_class_from_the_title(app: App) -> None:
    assert app.classroom is None
    app.top.set_focus("lead")  # type: ignore[union-attr]
    send(app, Next())
    assert top_name(app) == "class-setup" and app.top.wants_text  # type: ignore[union-attr]
    assert has_text(app, "Never type a student's name.")
    send(app, TextInput("Period 4"), Erase(), TextInput("3"))
    app.top.set_focus("text")  # type: ignore[union-attr]
    send(app, TextInput("+"), TextInput("-"), TextInput("t"))  # +/- change the projector's text size
    assert app.settings.class_text_scale == 1.25 and app.top.value == "Period 3"  # type: ignore[union-attr]
    app.top.set_focus("field")  # type: ignore[union-attr]
    send(app, Activate())  # Enter in the field: choose a story
    assert top_name(app) == "picker" and app.classroom is not None and app.classroom.label == "Period 3"
    assert app.ctx.m.text_scale == 1.25 and not app.ctx.typing_animation  # projector defaults
    assert app.settings.text_scale == 1.0  # the player's own setting is kept apart
    send(app, Back())  # the picker's Esc goes to the title and ends class mode
    assert top_name(app) == "title" and app.classroom is None and app.ctx.m.text_scale == 1.0


def test_notes_are_hidden_until_n(cls: App) -> None:
    assert cls.classroom is not None and cls.classroom.notes_open is False
    assert WELCOME_NOTE not in visible_text(cls)
    send(cls, Facilitate("notes"))
    assert top_name(cls) == "teacher-notes" and cls.classroom.notes_open
    assert WELCOME_NOTE in visible_text(cls)
    send(cls, Facilitate("notes"))
    assert top_name(cls) == "player" and WELCOME_NOTE not in visible_text(cls) and not cls.classroom.notes_open


def test_timer_in_the_top_bar_follows_dt(cls: App) -> None:
    assert has_text(cls, "Timer 2:00 (T)")
    send(cls, Facilitate("timer"))
    assert has_text(cls, "2:00") and cls.classroom.timer.running  # type: ignore[union-attr]
    cls.step(1.0)
    assert has_text(cls, "1:59")
    for _ in range(50):
        cls.step(0.0)
    assert has_text(cls, "1:59")
    cls.step(119.5)
    assert has_text(cls, "Time's up") and cls.classroom.timer.state == "done"  # type: ignore[union-attr]
    send(cls, Facilitate("timer_length"))
    assert has_text(cls, "Timer 3:00 (T)")


def test_vote_majority_tie_pick_and_override(cls: App) -> None:
    store = cls.store
    send(cls, Next())  # welcome -> team_name (a choice)
    assert has_text(cls, "Take the class vote")
    send(cls, Next())
    assert top_name(cls) == "vote"
    vote = cls.top
    send(cls, Choose(0), Choose(1), Adjust(1), Adjust(-1), Adjust(-1))  # "12", then +1 -1 -1
    assert vote.votes[0] == 11  # type: ignore[union-attr]
    send(cls, Erase())
    assert vote.votes[0] == 1  # type: ignore[union-attr]
    send(cls, Choose(1), Activate())  # "2" replaces nothing: it appends (12)
    type_counts(cls, [5, 3])
    assert vote.votes == [12, 5, 3] and cls.top.focus == "reveal"  # type: ignore[union-attr]
    send(cls, Activate())
    assert vote.phase == "reveal" and has_text(cls, "12 votes \u00b7 60%") and has_text(cls, "Most votes")  # type: ignore[union-attr]
    send(cls, Next())  # follow the majority
    assert top_name(cls) == "player" and has_text(cls, "How the class voted") and has_text(cls, "Class choice")
    # a tie: the teacher picks among the tied options
    send(cls, Next(), Next())
    assert top_name(cls) == "vote"
    type_counts(cls, [4, 4])
    send(cls, Submit())
    assert cls.top.tied and has_text(cls, "It's a tie between A and B")  # type: ignore[union-attr]
    send(cls, Choose(1))
    assert top_name(cls) == "player" and has_text(cls, "A tie; the teacher picked")
    # an override needs a confirm; "Keep the class vote" keeps it
    send(cls, Next())  # -> spot task (the class calls out, the teacher marks)
    assert has_text(cls, "Ask the class what worries them")
    send(cls, Choose(2), Choose(3), Submit())
    assert has_text(cls, "The class found 2 of 2 red flags")
    send(cls, Next(), Next())
    assert top_name(cls) == "vote"
    type_counts(cls, [2, 9, 1, 1])
    send(cls, Submit())
    cls.top.set_focus("override")  # type: ignore[union-attr]
    send(cls, Activate())
    assert cls.top.phase == "override"  # type: ignore[union-attr]
    send(cls, Choose(0))
    assert top_name(cls) == "confirm"
    send(cls, Back())
    assert top_name(cls) == "vote"
    send(cls, Choose(0))
    cls.top.set_focus(1)  # type: ignore[union-attr]
    send(cls, Activate())
    assert top_name(cls) == "player" and has_text(cls, "The teacher chose: Show the message to Ms. Tran")
    log = cls.top.session.log  # type: ignore[union-attr]
    assert [(d.node_id, d.votes, d.chosen, d.how) for d in log] == [
        ("team_name", [12, 5, 3], 0, "majority"), ("plan", [4, 4], 1, "tie"), ("prize", None, None, "majority"),
        ("what_now", [2, 9, 1, 1], 0, "override")]
    sid = cls.top.session.session_id  # type: ignore[union-attr]
    assert [(d["node_id"], d["votes"], d["chosen"]) for d in store.decisions(sid)] == [
        ("team_name", [12, 5, 3], 0), ("plan", [4, 4], 1), ("prize", None, None), ("what_now", [2, 9, 1, 1], 0)]


def test_discussion_screen_and_class_summary(cls: App) -> None:
    send(cls, Next(), Next())
    cls.top.set_focus(("card", 0))  # type: ignore[union-attr]
    type_counts(cls, [1, 0, 0])
    send(cls, Submit(), Next(), Next(), Next())
    type_counts(cls, [3, 1])
    send(cls, Submit(), Next(), Next(), Choose(3), Submit(), Next())
    assert has_text(cls, "Why would someone put real club details in a fake prize message?")  # offered
    send(cls, Facilitate("discuss"))
    assert top_name(cls) == "discussion" and has_text(cls, "Why would someone put real club details")
    send(cls, Adjust(1))
    assert cls.classroom.timer.length == 180  # type: ignore[union-attr]
    send(cls, Facilitate("notes"))
    assert top_name(cls) == "teacher-notes"
    send(cls, Back(), Back())
    assert top_name(cls) == "player"
    send(cls, Next())
    type_counts(cls, [0, 0, 5, 1])
    send(cls, Submit(), Next())
    while top_name(cls) in ("player", "vote"):  # Report and block leads on to one more vote
        if top_name(cls) == "vote":
            type_counts(cls, [6] + [0] * (len(cls.top.options) - 1))  # type: ignore[union-attr]
            send(cls, Submit())
        send(cls, Next())
    assert top_name(cls) == "class-summary"
    text = visible_text(cls)
    n = len(cls.top.session.log)  # type: ignore[union-attr]
    assert n == 5 and f"Period 3: The class made {n} decisions" in text and "5 votes \u00b7 83%" in text
    assert "Red flags found: 1 of 2. Missed: 1. Safe parts marked: 0." in text
    send(cls, Next())
    assert top_name(cls) == "debrief"
    send(cls, Facilitate("notes"))
    assert has_text(cls, "Teacher notes") and top_name(cls) == "teacher-notes"
    send(cls, Back())
    while top_name(cls) == "debrief":
        send(cls, Next())
    assert top_name(cls) == "summary" and has_text(cls, "Class results")
    assert cls.top.session.questions_reached == 4  # type: ignore[union-attr]
    assert names(cls)[-1] == "summary"


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_vote_screens_fit_and_never_use_colour_alone(make_app: Callable[..., App], size: tuple[int, int],
                                                    tmp_path: Path) -> None:
    app = make_app(scenario=TUTORIAL, facilitator=True, size=size, theme="high_contrast", data_dir=tmp_path / "d")
    open_start(app)
    send(app, Next(), Next(), Next())
    m = app.ctx.m
    for it in app.top.dl.walk():  # type: ignore[union-attr]
        rect = getattr(it, "rect", None)
        if rect is not None and it.__class__.__name__ == "Hit":
            assert rect[0] >= 0 and rect[0] + rect[2] <= m.w, rect
    type_counts(app, [7, 7, 2])
    send(app, Submit())
    assert has_text(app, "Tied for most votes") and has_text(app, "7 votes \u00b7 44%")


def test_window_loop_counts_real_time_and_redraws_once_a_second(make_app: Callable[..., App]) -> None:
    app = make_app()
    app.go_title()
    app.start_class(None)
    app.step()
    app.dispatch(Facilitate("timer"))
    before = app.frames_drawn
    app.run(max_seconds=1.2, close=False)  # the idle loop sleeps until the next shown second, then draws once
    t = app.classroom.timer  # type: ignore[union-attr]
    assert 117.0 <= t.remaining <= 119.0 and t.shown() in ("1:59", "1:58")
    assert app.frames_drawn - before <= 4  # no busy redraw while only the timer changes
