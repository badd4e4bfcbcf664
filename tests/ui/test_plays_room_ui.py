"""Everyone plays through the real scenes (loopback): the projector's totals while simulated devices play the
tutorial (never a device's path), ending the room at any moment, the records and the trace's device_end events;
`devices-finish:N` and its time limit; the headless command line."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
from pathlib import Path
from typing import Callable, Iterator

import pytest
from drive import send, top_name

import game.net.web as web
from benchmarks.plays_sim import run_players
from game.content.catalog import scenarios_dir
from game.session.store import Store
from game.session.trace import Trace
from game.ui.app import App
from game.ui.headless import ScriptRunner
from game.ui.intents import Back, Next, TextInput
from game.ui.plays_headless import devices_finish, open_everyone_plays
from game.ui.plays_room import allowed_stories

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = scenarios_dir() / "en" / "tutorial.yaml"
STAND_IN = "<!doctype html><title>Play</title><p>Everyone plays</p>"
WRAP = ("import sys, pathlib, game.net.web as W\n"
        "if not W.PLAY_PAGE.is_file():\n"
        f"    p = pathlib.Path(sys.argv.pop(1)); p.write_text({STAND_IN!r}); W.PLAY_PAGE = p\n"
        "else:\n"
        "    sys.argv.pop(1)\n"
        "from game.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n")
"""The command line, with a stand-in page until the students' page (static/play.html) is in the tree."""


@pytest.fixture(autouse=True)
def play_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    if not web.PLAY_PAGE.is_file():
        page = tmp_path / "play.html"
        page.write_text(STAND_IN, encoding="utf-8")
        monkeypatch.setattr(web, "PLAY_PAGE", page)
    yield


def _texts(app: App) -> str:
    return " | ".join(t for s in app.visible() for t in s.dl.texts())


def _room(make_app: Callable[..., App], **kw: object) -> App:
    app = make_app(facilitator=True, devices=True, devices_host="127.0.0.1", everyone_plays=True, **kw)
    assert open_everyone_plays(app) == 0
    app.step()
    assert top_name(app) == "plays-room" and app.room is not None and app.room.plays is not None
    return app


def test_the_projector_shows_totals_while_devices_play_then_the_teacher_ends_the_room(
        make_app: Callable[..., App]) -> None:
    trace = Trace()
    app = _room(make_app, scenario=TUTORIAL, trace=trace, class_label="Period 3")
    assert app.room is not None
    url, code = app.room.url, app.room.code
    text = _texts(app)
    assert " ".join(code) in text and f"127.0.0.1:{app.room.port}" in text and "Practice round" in text
    done: list[list[dict]] = []
    students = threading.Thread(target=lambda: done.append(run_players(url, code, 4)), daemon=True)
    students.start()
    assert devices_finish(ScriptRunner(app, None), 4, 60.0)
    students.join(30)
    assert [v["kind"] for v in done[0]] == ["summary"] * 4
    text = _texts(app)
    assert "Talk about these first" in text and "Red flags most often missed" in text and "Endings reached" in text
    assert "4 devices finished" in text
    snap = app.room.plays.snapshot  # type: ignore[union-attr]
    assert snap.finished == 4 and sum(e.count for e in snap.endings) == 4
    tokens = list(app.room.state.devices)
    assert tokens and not any(t in text for t in tokens), "no device is ever named"
    ends = trace.events("device_end")
    assert len(ends) == 4 and all(set(e) == {"event", "ending", "tone", "score"} for e in ends)
    assert sorted(e["ending"] for e in ends) == sorted(e.ending for e in snap.endings for _ in range(e.count))

    send(app, Back())  # Esc never ends a lesson by accident
    assert app.room is not None and top_name(app) == "plays-room"
    assert app.top is not None and app.top.focus == "end"
    send(app, Next())  # End the lesson on devices
    assert app.room is None and top_name(app) == "plays-room"
    text = _texts(app)
    assert "The room is closed" in text and "4 devices finished" in text, "the totals stay for the talk"
    with Store.open(app.data_dir) as store:
        sessions = store.sessions()
        [group] = store.device_play_groups()
    assert group["devices"] == 4 and group["finished"] == 4 and group["scenario_id"] == "tutorial"
    assert len(sessions) == 4 and {s["class_label"] for s in sessions} == {"Period 3"}
    assert all(s["nickname"] is None and s["ending_id"] for s in sessions)
    send(app, Next())  # Done
    assert top_name(app) != "plays-room"


def test_students_choose_from_the_tier_the_teacher_allows(make_app: Callable[..., App]) -> None:
    import time

    app = _room(make_app)
    deadline = time.monotonic() + 10
    while not (app.data_dir / "records.sqlite3").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert (app.data_dir / "records.sqlite3").exists() and app.open_store is None, \
        "the devices' records open on the room's thread when the room opens"
    plays = app.room.plays  # type: ignore[union-attr]
    items = app.library.items()
    assert [s.id for s in plays.stories] == [s.id for s in allowed_stories(items, "extended")]
    core = allowed_stories(items, "core")
    assert core and all(s.scenario.age_tier.value == "core" for s in core)  # type: ignore[union-attr]
    assert core[0].id == "tutorial" and len(core) < len(allowed_stories(items, "extended"))
    assert "Students choose a story" in _texts(app)


def test_devices_finish_gives_up_after_its_time(make_app: Callable[..., App],
                                                capsys: pytest.CaptureFixture[str]) -> None:
    app = _room(make_app, scenario=TUTORIAL)
    assert not devices_finish(ScriptRunner(app, None), 2, 0.3)
    assert "devices-finish:2" in capsys.readouterr().err


def test_headless_everyone_plays_from_the_command_line(tmp_path: Path) -> None:
    trace = tmp_path / "trace.jsonl"
    cmd = [sys.executable, "-c", WRAP, str(tmp_path / "play.html"), "play", "--headless", "--facilitator",
           "--devices", "--devices-host", "127.0.0.1", "--everyone-plays", "--scenario", "tutorial", "--data-dir",
           str(tmp_path / "data"), "--trace", str(trace), "--script", "devices-finish:3"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        m = re.match(r"Room open: (http://127\.0\.0\.1:\d+/) code (\d{4})$", line.strip())
        assert m, line
        views = run_players(m.group(1), m.group(2), 3)
        assert [v["kind"] for v in views] == ["summary"] * 3
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    events = [line for line in trace.read_text(encoding="utf-8").splitlines() if '"device_end"' in line]
    assert len(events) == 3


def test_everyone_plays_needs_a_room_for_devices(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from game.cli import main

    assert main(["play", "--headless", "--facilitator", "--everyone-plays", "--data-dir", str(tmp_path)]) == 2
    assert "--everyone-plays needs --facilitator --devices" in capsys.readouterr().err
    assert main(["play", "--headless", "--facilitator", "--devices", "--everyone-plays", "--radar", "before",
                 "--data-dir", str(tmp_path)]) == 2
    assert "cannot be used with --radar" in capsys.readouterr().err


def test_lead_a_class_then_everyone_plays_a_story_or_a_tier(make_app: Callable[..., App]) -> None:
    from game.ui.scenes.class_setup import ClassSetupScene

    app = make_app(devices_host="127.0.0.1")
    app.go_title()
    app.push(ClassSetupScene(app))
    app.step()
    send(app, TextInput("Period 4"))
    assert app.top is not None
    app.top.set_focus("everyone")
    send(app, Next())
    assert top_name(app) == "plays-setup" and app.classroom is not None and app.classroom.label == "Period 4"
    assert app.room is None, "nothing opens before the teacher picks"
    app.top.set_focus(("tier", "core"))
    send(app, Next())
    assert top_name(app) == "plays-room" and app.room is not None and app.room.plays is not None
    plays = app.room.plays
    assert plays.choose and {s.scenario.age_tier.value for s in plays.stories} == {"core"}  # type: ignore[union-attr]
    assert "Students choose a story" in _texts(app)
    send(app, Next())  # End the lesson on devices
    assert app.room is None
    send(app, Next())  # Done: back to choosing a story for the class
    assert top_name(app) == "picker"

    from game.ui.scenes.plays_setup import PlaysSetupScene

    app.push(PlaysSetupScene(app))
    app.step()
    app.top.set_focus(("story", "gaming"))
    send(app, Next())
    assert app.room is not None and app.room.plays is not None
    assert not app.room.plays.choose and [s.id for s in app.room.plays.stories] == ["gaming"]
    send(app, Back(), Next())  # Esc moves to End; Enter ends the room
    assert app.room is None


@pytest.mark.parametrize("kw", [{"text_scale": 2.0, "size": (1024, 768)}, {"theme": "high_contrast"},
                                {"size": (800, 600)}])
def test_the_projector_screen_lays_out_at_any_size(make_app: Callable[..., App], kw: dict[str, object]) -> None:
    from game.net.plays import Count, Ending, PlaysSnapshot

    app = _room(make_app, scenario=TUTORIAL, **kw)
    assert app.room is not None and app.room.plays is not None
    long = "What do you do when someone you only met online asks you to keep it secret? " * 2
    app.room.plays.snapshot = PlaysSnapshot(  # the game's side of the room: what a busy class's totals look like
        12, 7, 4, 1, (Ending("tutorial", "end_help", "help_sought", 3), Ending("tutorial", "end_missed", "risky", 1)),
        tuple(Count("tutorial", f"n{k}", f"Tap this link {k}", 5 - k, 6) for k in range(5)),
        tuple(Count("tutorial", f"c{k}", long, 6 - k, 9) for k in range(5)))
    app.top.invalidate()  # type: ignore[union-attr]
    app.step(0.0)
    app.render(force=True)
    text = _texts(app)
    assert "4 devices finished" in text and "6 of 9 chose a riskier option" in text and "missed by 5 of 6" in text
    assert "1 student chose not to play or left the story" in text


@pytest.mark.parametrize("scene", ["plays-setup", "plays-room"])
def test_random_intents_raise_nothing(make_app: Callable[..., App], scene: str) -> None:
    import random

    from soak import random_intent

    from game.ui.scenes.plays_setup import PlaysSetupScene

    rng = random.Random(sum(map(ord, scene)))
    app = make_app(facilitator=True, devices=True, devices_host="127.0.0.1", everyone_plays=True, scenario=TUTORIAL,
                   size=(900, 560))

    def setup() -> None:
        if scene == "plays-room":
            assert open_everyone_plays(app) == 0
        else:
            app.go_title()
            app.push(PlaysSetupScene(app))
        app.step()

    setup()
    for i in range(150):
        app.running = True
        if i % 50 == 0 and i:
            setup()
        app.dispatch(random_intent(rng, app))
        if i % 3 == 0:
            app.step(rng.choice([0.0, 0.016, 0.3]))
    app.step()
    assert not app.errors


def test_quick_exit_closes_the_room_at_once(make_app: Callable[..., App]) -> None:
    import socket

    from game.ui.intents import QuickExit

    app = _room(make_app, scenario=TUTORIAL)
    assert app.room is not None and app.room.plays is not None
    port, plays = app.room.port, app.room.plays
    send(app, QuickExit())
    assert app.room is None and top_name(app) == "quick-exit" and plays.closed
    with socket.socket() as s:
        s.settimeout(1.0)
        assert s.connect_ex(("127.0.0.1", port)) != 0, "nothing listens any more"
