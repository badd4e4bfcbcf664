"""The discernment mechanics on screen: number keys follow the shuffled order, a tick only for the safest option
there, 'Nothing looks wrong', each spot part's points, and the summary's one line on where the stars came from."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from drive import FileChoice, has_text, send, shown_place, top_name

from game.cli import main
from game.content.catalog import scenarios_dir
from game.engine.beats import ChoiceBeat, FeedbackBeat, SpotBeat, SpotResultBeat
from game.session.store import DB_FILE
from game.session.trace import Trace
from game.ui.display import Icon
from game.ui.intents import Choose, Next
from game.ui.launch import open_start

TUTORIAL = scenarios_dir() / "en" / "tutorial.yaml"
TOUR = scenarios_dir() / "_examples" / "format-tour.yaml"


def _to_choice(app) -> ChoiceBeat:  # type: ignore[no-untyped-def]
    for _ in range(10):
        beat = app.top.beat
        if isinstance(beat, ChoiceBeat):
            return beat
        send(app, Next())
    raise AssertionError("no choice reached")


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_number_keys_choose_by_place_on_screen(make_app, seed: int) -> None:  # type: ignore[no-untyped-def]
    app = make_app(scenario=TOUR, seed=seed)
    assert open_start(app) == 0
    send(app, Next())
    beat = _to_choice(app)
    want = beat.options[-1]  # the last option on screen, whatever it is in the file
    send(app, Choose(len(beat.options) - 1))
    fb = app.top.beat
    assert isinstance(fb, FeedbackBeat) and fb.index == want.index


def _icons(app) -> set[str]:  # type: ignore[no-untyped-def]
    return {it.name for it, _shift, _clip in app.top.dl.walk() if isinstance(it, Icon)}


def test_a_tick_only_for_the_safest_option_there(make_app) -> None:  # type: ignore[no-untyped-def]
    """Every option of the tour's first decision: the green tick for the most points offered, never for another."""
    for file_index in range(2):
        app = make_app(scenario=TOUR)
        assert open_start(app) == 0
        send(app, Next())
        beat = _to_choice(app)
        top = max(o.choice.points for o in beat.options)
        points = next(o.choice.points for o in beat.options if o.index == file_index)
        send(app, FileChoice(file_index))
        fb = app.top.beat
        assert isinstance(fb, FeedbackBeat)
        icons = _icons(app)
        if points == top:
            assert fb.verdict == "best" and "check_circle" in icons
        else:
            assert fb.verdict != "best" and "check_circle" not in icons
            assert ("half_circle" if fb.verdict == "partial" else "lightbulb") in icons


def _to_spot(app) -> SpotBeat:  # type: ignore[no-untyped-def]
    for _ in range(30):
        beat = app.top.beat
        if isinstance(beat, SpotBeat):
            return beat
        if isinstance(beat, ChoiceBeat):
            send(app, Choose(0))
        else:
            send(app, Next())
    raise AssertionError("no spot task reached")


def test_nothing_looks_wrong_and_each_parts_points(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(scenario=TUTORIAL)
    assert open_start(app) == 0
    send(app, Next())
    spot = _to_spot(app)
    assert has_text(app, "Nothing looks wrong")
    score = app.top.session.state.score
    app.top.activate("nothing", Next())
    app.step()
    result = app.top.beat
    assert isinstance(result, SpotResultBeat) and not any(r.selected for r in result.results)
    flags = sum(1 for p in spot.spot.parts if p.flag)
    assert has_text(app, "You found 0 of")
    for r in result.results:  # each part shows what it gave
        assert r.points == (spot.spot.scoring.miss if r.part.flag else spot.spot.scoring.clear)
    assert has_text(app, f"score {score} \u2192 {score + result.points}")
    assert flags > 0


def test_spot_number_keys_mark_by_reading_order(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(scenario=TUTORIAL)
    assert open_start(app) == 0
    send(app, Next())
    spot = _to_spot(app)
    send(app, Choose(0))
    assert app.top.selected == {spot.order[0]}


def test_the_summary_says_where_the_stars_came_from(make_app) -> None:  # type: ignore[no-untyped-def]
    from game.ui.headless import ScriptRunner

    app = make_app(scenario=TUTORIAL)
    assert open_start(app) == 0
    assert ScriptRunner(app, None).run(["auto:3"]) == 0 and top_name(app) == "summary"
    credit = app.top.session.beat().credit
    assert has_text(app, f"{credit.best_choices} of {credit.choices} choices were the safest one there.")


def test_shuffled_class_votes_are_recorded_in_file_order(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The class votes on the order shown; the records hold options, counts and the chosen one in file order."""
    trace_path = tmp_path / "t.jsonl"
    data = tmp_path / "data"
    code = main(["play", "--headless", "--facilitator", "--scenario", "tutorial", "--seed", "5", "--data-dir",
                 str(data), "--trace", str(trace_path), "--script", "next next vote:7,2,1"])
    assert code == 0
    events = [json.loads(x) for x in trace_path.read_text(encoding="utf-8").splitlines()]
    choice = next(e for e in events if e["event"] == "choice")
    shown = sorted(choice["options"], key=lambda o: o["shown"])
    conn = sqlite3.connect(data / DB_FILE)
    try:
        options_json, votes_json, chosen = conn.execute(
            "SELECT options_json, votes_json, chosen FROM decisions ORDER BY seq LIMIT 1").fetchone()
    finally:
        conn.close()
    in_file = sorted(shown, key=lambda o: o["index"])
    assert json.loads(options_json) == [o["text"] for o in in_file]
    counts_shown = {o["index"]: c for o, c in zip(shown, [7, 2, 1], strict=True)}
    assert json.loads(votes_json) == [counts_shown[o["index"]] for o in in_file]
    assert in_file[chosen]["index"] == choice["chosen"] == shown[0]["index"]  # the majority: the first shown


def test_the_same_seed_shows_the_same_order_in_the_game(make_app) -> None:  # type: ignore[no-untyped-def]
    orders = []
    for _ in range(2):
        trace = Trace()
        app = make_app(scenario=TOUR, seed=11, trace=trace)
        assert open_start(app) == 0
        send(app, Next())
        _to_choice(app)
        orders.append([o.index for o in app.top.beat.options])
        assert shown_place(app, orders[-1][0]) == 0
    assert orders[0] == orders[1]


def test_parts_are_marked_in_the_real_bubble(make_app) -> None:  # type: ignore[no-untyped-def]
    """The spot task's message shows in the device's own chat bubble; tapping a phrase there marks it, and after
    Submit the same bubble shows each part's outcome."""
    from game.ui.display import Hit
    from game.ui.intents import Pointer, Submit

    app = make_app(scenario=TUTORIAL)
    assert open_start(app) == 0
    send(app, Next())
    spot = _to_spot(app)
    thread = next(g for g in app.top.dl.groups() if g.key == "thread")
    hits = [it for it, _s, _c in app.top.dl.walk() if isinstance(it, Hit) and it.target[0] == "part"
            and any(it is g_it for g_it in thread.items)]
    assert {h.target[1] for h in hits} == set(range(len(spot.spot.parts)))
    shift = dict(app.top.offsets()).get("thread", 0)
    target = spot.order[-1]
    x, y, w, h = next(h.rect for h in hits if h.target == ("part", target))
    cx, cy = x + w // 2, y - shift + h // 2
    send(app, Pointer(cx, cy, pressed=True), Pointer(cx, cy, released=True))
    assert app.top.selected == {target}
    send(app, Submit())
    assert isinstance(app.top.beat, SpotResultBeat)
    view = app.top._view()
    assert {hl.index: hl.style for hl in view.highlights}[target] in ("flag", "false_alarm")
