"""The radar check on screen: title and class entry points, keys, mouse, no feedback during, review, quick exit,
help, hand counts, and `play --headless --radar` with its trace and records."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Callable

from drive import has_text, send, top_name

from game import cli
from game.content.catalog import scenarios_dir
from game.session.store import Store
from game.session.trace import Trace
from game.ui.app import App
from game.ui.intents import Adjust, Back, Choose, Help, Next, Pointer, QuickExit
from game.ui.scenes.radar import RadarIntroScene, RadarItemScene

ROOT = Path(__file__).resolve().parents[2]


def _start(app: App, phase: str = "before") -> None:
    app.go_title()
    app.push(RadarIntroScene(app, phase))
    send(app, Next())
    assert top_name(app) == "radar-item"


def _click(app: App, target: object) -> None:
    top = app.top
    assert top is not None
    rect = next(f.rect for f in top.focusables if f.target == target)
    x, y = rect[0] + rect[2] // 2, rect[1] + rect[3] // 2
    send(app, Pointer(x, y, pressed=True), Pointer(x, y, released=True))


def test_the_title_offers_the_radar_check(app: App) -> None:
    assert has_text(app, "Radar check")
    app.top.set_focus("radar")  # type: ignore[union-attr]
    send(app, Next())
    assert top_name(app) == "radar-intro" and has_text(app, "Before the stories")
    send(app, Choose(1))  # 2 = after the stories
    assert top_name(app) == "radar-item" and app.top.run.phase == "after"  # type: ignore[union-attr]
    assert app.top.run.form.value == "B"  # type: ignore[union-attr]


def test_keys_answer_no_feedback_during_then_each_item_with_its_explanation(make_app: Callable[..., App]) -> None:
    trace = Trace()
    app = make_app(trace=trace)
    _start(app)
    scene = app.top
    assert isinstance(scene, RadarItemScene)
    first = scene.item
    send(app, Next())
    assert top_name(app) == "radar-item" and app.top.run.position == 1  # type: ignore[union-attr]
    send(app, Choose(0), Choose(3))  # 1 = red flag, 4 = fairly sure
    assert has_text(app, "Red flag (your answer)") and app.top.focus == ("said", True)  # type: ignore[union-attr]
    assert not has_text(app, first.explain), "no feedback during the check"
    send(app, Next())
    for _ in range(15):
        assert not has_text(app, app.top.item.explain)  # type: ignore[union-attr]
        _click(app, ("said", False))  # the mouse (or a touch) works too
        send(app, Next())
    assert top_name(app) == "radar-result" and has_text(app, "You spotted")
    send(app, Next())
    assert top_name(app) == "radar-review" and has_text(app, first.explain) and has_text(app, "You said: Red flag.")
    for _ in range(16):
        send(app, Next())
    assert top_name(app) == "title"
    events = trace.events("radar")
    assert len(events) == 16 and events[0]["confidence"] == 2 and events[1]["answer"] == "ok"
    assert len(trace.events("radar_score")) == 1


def test_quick_exit_and_help_work_on_every_radar_screen(make_app: Callable[..., App]) -> None:
    app = make_app()
    _start(app)
    send(app, Help())
    assert top_name(app) == "help"
    send(app, Back())
    assert top_name(app) == "radar-item"
    send(app, QuickExit())
    assert top_name(app) == "quick-exit" and not has_text(app, "Radar check")


def test_a_class_enters_hand_counts(make_app: Callable[..., App], tmp_path: Path) -> None:
    app = make_app(facilitator=True)
    app.go_title()
    app.start_class("Period 3")
    app.push(RadarIntroScene(app, "before"))
    send(app, Next())
    assert has_text(app, "Hands up: who sees a red flag?")
    send(app, Choose(0), Choose(1))  # types 1, 2: twelve hands
    send(app, Next())
    assert has_text(app, "Enter how many hands were counted")  # none counted yet: refused, nothing recorded
    app.top.set_focus(("count", 1))  # type: ignore[union-attr]
    send(app, Choose(1), Choose(4), Adjust(1))  # 25, then + 1 = 26
    assert app.top.hands == [12, 26]  # type: ignore[union-attr]
    send(app, Next())
    assert app.top.run.position == 2 and app.top.hands[1] == 26  # type: ignore[union-attr]
    with Store.open(tmp_path / "data") as s:
        [run] = s.radar_runs()
        [answer] = s.radar_answers()
    assert (run["mode"], run["class_label"], run["form"]) == ("facilitator", "Period 3", "A")
    assert (answer["hands_flag"], answer["hands_counted"], answer["answer"]) == (12, 26, None)


def test_class_setup_offers_the_check_before_the_first_story(make_app: Callable[..., App]) -> None:
    from game.ui.scenes.class_setup import ClassSetupScene

    app = make_app(facilitator=True)
    app.go_title()
    app.push(ClassSetupScene(app))
    app.step()
    app.top.set_focus("radar")  # type: ignore[union-attr]
    send(app, Next())
    assert top_name(app) == "radar-intro" and app.classroom is not None
    send(app, Next())
    assert top_name(app) == "radar-item" and app.top.in_class  # type: ignore[union-attr]
    send(app, Back())
    assert top_name(app) == "picker", "leaving the check goes back to the class's picker"


def test_headless_radar_writes_screens_trace_and_records(tmp_path: Path) -> None:
    shots, trace, data = tmp_path / "shots", tmp_path / "t.jsonl", tmp_path / "data"
    code = cli.main(["play", "--headless", "--radar", "pre", "--script", "auto:1", "--screenshots", str(shots),
                     "--trace", str(trace), "--data-dir", str(data)])
    assert code == 0
    names = sorted(p.name for p in shots.glob("*.png"))
    assert names[0] == "001-radar-intro.png" and any("radar-result" in n for n in names)
    assert sum("radar-review" in n for n in names) == 16
    lines = [json.loads(x) for x in trace.read_text(encoding="utf-8").splitlines()]
    radar = [x for x in lines if x["event"] == "radar"]
    assert [x["shown"] for x in radar] == list(range(1, 17)) and {x["form"] for x in radar} == {"A"}
    assert set(radar[0]) >= {"event", "item", "form", "flag", "answer", "shown"}
    [end] = [x for x in lines if x["event"] == "radar_score"]
    assert set(end) == {"event", "hits", "false_alarms", "correct_rejections", "misses", "d_prime", "c"}
    assert end["hits"] + end["misses"] == 8 and end["false_alarms"] + end["correct_rejections"] == 8
    code = cli.main(["play", "--headless", "--radar", "post", "--script", "flag ok:3 flag:1", "--data-dir", str(data)])
    assert code == 0
    with Store.open(data) as s:
        runs, answers = s.radar_runs(), s.radar_answers()
    assert [(r["phase"], r["form"], r["respondent"]) for r in runs] == [("before", "A", 1), ("after", "B", 1)]
    assert [(a["answer"], a["confidence"]) for a in answers[16:]] == [("flag", None), ("ok", 3), ("flag", 1)]
    assert runs[1]["finished_at"] is None  # three of sixteen: left unfinished


def test_headless_radar_bad_input(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    for args in (["--radar", "during"], ["--form", "A"], ["--radar", "refresh", "--form", "B"],
                 ["--radar", "before", "--form", "C"], ["--radar", "before", "--script", "flag:9"],
                 ["--radar", "before", "--script", "next hands:3/2"]):
        assert cli.main(["play", "--headless", "--data-dir", str(tmp_path), *args]) == 2, args
    pack = tmp_path / "pack"
    (pack / "en").mkdir(parents=True)
    shutil.copy(scenarios_dir() / "en" / "tutorial.yaml", pack / "en" / "tutorial.yaml")
    shutil.copytree(ROOT / "tests" / "fixtures" / "radar" / "R503", pack / "radar")
    capsys.readouterr()
    code = cli.main(["play", "--headless", "--pack", str(pack), "--radar", "before", "--script", "next",
                     "--data-dir", str(tmp_path / "d")])
    assert code == 1 and "error[R503]" in capsys.readouterr().err
    assert not (tmp_path / "d" / "records.sqlite3").exists() or not Store.open(tmp_path / "d").radar_runs()
