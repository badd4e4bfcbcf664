"""Students' devices through the real scenes (loopback): the join screen, the live count on the vote screen, hands
added to device votes, the reveal's sources, the records and the trace; the room stops with F12, the class and quit;
`devices-wait:N` in a headless run."""

from __future__ import annotations

import asyncio
import re
import socket
import subprocess
import sys
import threading
from pathlib import Path
from typing import Callable

from drive import send, top_name

from benchmarks.devices_sim import join_class, run_class_votes, voting
from game.content.catalog import scenarios_dir
from game.session.store import Store
from game.session.trace import Trace
from game.ui.app import App
from game.ui.devices_headless import devices_wait
from game.ui.headless import ScriptRunner
from game.ui.intents import Choose, Next, QuickExit, Submit
from game.ui.launch import open_start

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = scenarios_dir() / "en" / "tutorial.yaml"


def _refused(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1.0)
        return s.connect_ex(("127.0.0.1", port)) != 0


def _class(make_app: Callable[..., App], **kw: object) -> App:
    app = make_app(scenario=TUTORIAL, facilitator=True, devices=True, devices_host="127.0.0.1", shuffle=False, **kw)
    assert open_start(app) == 0
    app.step()
    return app


def _texts(app: App) -> str:
    return " | ".join(t for s in app.visible() for t in s.dl.texts())


def _students(app: App, votes: list[int]) -> threading.Thread:
    """Devices that join now and vote as soon as a vote opens (in a thread, like phones in the room)."""
    assert app.room is not None
    url, code = app.room.url, app.room.code
    t = threading.Thread(target=run_class_votes, args=(url, code, votes, 60.0), daemon=True)
    t.start()
    return t


def test_join_screen_then_a_vote_with_devices_and_hands(make_app: Callable[..., App]) -> None:
    trace = Trace()
    app = _class(make_app, trace=trace, class_label="Period 3")
    assert app.room is not None and top_name(app) == "room"
    text = _texts(app)
    assert app.room.code[0] + " " + app.room.code[1] in text and f"127.0.0.1:{app.room.port}" in text
    students = _students(app, [1, 1, 0])
    runner = ScriptRunner(app, None)
    answered = devices_wait(runner, 3, 60.0)
    assert answered == 3
    students.join(30)
    [vote] = trace.events("vote")
    assert vote["devices"] == 3 and vote["hands"] == 0 and vote["counts"] == [1, 2, 0]
    with Store.open(app.data_dir) as store:
        [src] = store.vote_sources()
        assert src["devices"] == [1, 2, 0] and src["hands"] == [0, 0, 0] and src["joined"] == 3
        assert sorted(a["option"] for a in store.device_answers()) == [0, 1, 1]


def test_hands_are_added_to_device_votes_and_the_reveal_says_which(make_app: Callable[..., App]) -> None:
    trace = Trace()
    app = _class(make_app, trace=trace)
    assert app.room is not None
    runner = ScriptRunner(app, None)
    from game.engine.beats import ChoiceBeat

    for _ in range(20):  # the join screen, the content note and the screens before the first choice
        if top_name(app) == "player" and isinstance(getattr(app.top, "beat", None), ChoiceBeat):
            break
        send(app, Next())

    async def two() -> list:
        devices = await join_class(app.room.url, app.room.code, 2)  # type: ignore[union-attr]
        return devices

    loop = asyncio.new_event_loop()
    devices = loop.run_until_complete(two())
    scene = runner.vote_scene("vote")  # the next choice's class vote
    for d in devices:
        loop.run_until_complete(d.wait_for(voting()))
        loop.run_until_complete(d.vote(2))
    for _ in range(500):
        app.step()
        if app.room.snapshot.answered == 2:
            break
        loop.run_until_complete(asyncio.sleep(0.01))
    app.step()
    assert "2 of 2 devices answered" in _texts(app)
    scene.set_focus(("card", 0))
    send(app, Choose(2))  # 3 hands for A
    send(app, Submit())
    text = _texts(app)
    assert "5 votes in all: 2 votes from devices and 3 from hands" in text
    assert scene.leaders == [0]  # 3 hands for A beat 2 devices for C
    send(app, Next())  # follow the majority
    [vote] = trace.events("vote")
    assert vote["hands"] == 3 and vote["devices"] == 2 and sorted(vote["counts"]) == [0, 2, 3]
    results = [loop.run_until_complete(d.wait_for(lambda s: s.get("phase") == "result")) for d in devices]
    assert results[0]["result"] == {"counts": [3, 0, 2], "hands": 3, "devices": 2, "total": 5}
    port = app.room.port
    send(app, QuickExit())
    assert app.room is None and _refused(port), "F12 stops the server at once"
    closed = loop.run_until_complete(devices[0].wait_for(lambda s: s.get("phase") == "closed", 5))
    assert closed["phase"] == "closed"
    for d in devices:
        loop.run_until_complete(d.close())
    loop.close()


def test_the_room_closes_with_the_class_and_on_quit(make_app: Callable[..., App]) -> None:
    app = _class(make_app)
    assert app.room is not None
    port = app.room.port
    app.go_title()  # leaving the story and facilitator mode
    assert app.room is None and _refused(port)
    app2 = _class(make_app)
    assert app2.room is not None
    port2 = app2.room.port
    app2.close()
    assert app2.room is None and _refused(port2)


def test_lead_a_class_with_let_students_join(make_app: Callable[..., App]) -> None:
    app = make_app(facilitator=True)
    assert open_start(app) == 0
    app.step()
    setup = app.top
    assert setup is not None and setup.name == "class-setup"
    setup.activate("devices", Next())  # 'Let students join' on
    setup.activate("start", Next())
    app.step()
    assert top_name(app) == "room" and app.room is not None
    send(app, Next())
    assert top_name(app) == "picker"
    app.go_title()
    assert app.room is None


def test_headless_devices_wait_prints_the_room_and_follows_the_devices(tmp_path: Path) -> None:
    shots = tmp_path / "shots"
    proc = subprocess.Popen(
        [sys.executable, "main.py", "play", "--headless", "--facilitator", "--devices", "--devices-host", "127.0.0.1",
         "--devices-port", "0", "--scenario", "tutorial", "--data-dir", str(tmp_path / "data"), "--trace",
         str(tmp_path / "t.jsonl"), "--screenshots", str(shots), "--script", "devices-wait:4"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        m = re.match(r"Room open: (http://127\.0\.0\.1:\d+/) code (\d{4})$", line.strip())
        assert m, line
        states = run_class_votes(m.group(1), m.group(2), [0, 2, 2, 2])
        out, err = proc.communicate(timeout=90)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert all(s["phase"] in ("result", "closed") for s in states)
    assert '"devices":4' in (tmp_path / "t.jsonl").read_text(encoding="utf-8")
    names = sorted(p.name for p in shots.iterdir())
    assert names[0] == "001-room.png" and any("vote-reveal" in n for n in names)


def test_bad_devices_options_are_usage_errors(tmp_path: Path) -> None:
    for args in (["--devices"], ["--facilitator", "--devices-port", "80", "--devices"],
                 ["--facilitator", "--devices-host", "school.example", "--devices"], ["--devices-port", "0"]):
        proc = subprocess.run([sys.executable, "main.py", "play", "--headless", "--data-dir", str(tmp_path), *args],
                              cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert proc.returncode == 2 and "--devices" in proc.stderr, (args, proc.stderr)
