"""The radar check on students' devices (loopback): each item is sent to the devices as Red flag / Looks OK, the
projector shows how many answered, hands of students without a device are added, every device is an anonymous
respondent in the records, nothing is revealed per item, and `devices-wait:N` drives it headless."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Callable

from drive import has_text, send, top_name

from benchmarks.devices_sim import run_radar_answers
from game.net.room import RoomState
from game.session.store import Store
from game.session.trace import Trace
from game.ui.app import App
from game.ui.devices import open_room
from game.ui.devices_headless import devices_wait
from game.ui.headless import ScriptRunner
from game.ui.intents import Next, QuickExit
from game.ui.scenes.radar import RadarIntroScene

ROOT = Path(__file__).resolve().parents[2]


def _class_check(make_app: Callable[..., App], **kw: object) -> App:
    app = make_app(facilitator=True, devices=True, devices_host="127.0.0.1", **kw)
    app.go_title()
    app.start_class("Period 3")
    assert open_room(app) is None and app.room is not None
    app.push(RadarIntroScene(app, "before"))
    send(app, Next())
    assert top_name(app) == "radar-item"
    return app


def _settled(app: App, pred: Callable[[RoomState], bool]) -> RoomState:
    """The room's state once the server thread has applied the game's commands (bounded wait)."""
    assert app.room is not None
    deadline = time.monotonic() + 10
    while not pred(app.room.state) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert pred(app.room.state), app.room.state
    return app.room.state


def _devices(app: App, answers: list[list[int]]) -> tuple[threading.Thread, list[list[list[str]]]]:
    assert app.room is not None
    out: list[list[list[str]]] = []
    t = threading.Thread(target=lambda: out.append(run_radar_answers(app.room.url, app.room.code, answers, 60.0)),
                         daemon=True)
    t.start()
    return t, out


def test_devices_answer_each_item_and_hands_are_added(make_app: Callable[..., App]) -> None:
    trace = Trace()
    app = _class_check(make_app, trace=trace)
    assert has_text(app, "0 of 0 devices answered")
    # three devices answer the first two items: red flag / looks OK in different mixes
    students, seen = _devices(app, [[0, 0], [0, 1], [1, 1]])
    runner = ScriptRunner(app, None)
    assert devices_wait(runner, 3, 60.0) == 3
    assert app.top.run.position == 2  # type: ignore[union-attr]
    app.top.set_counts(2, 5)  # type: ignore[union-attr]  # five students without a device: two say red flag
    assert devices_wait(runner, 3, 60.0) == 3
    students.join(30)
    [ids] = seen
    assert all(len(set(d)) == 2 for d in ids) and ids[0] == ids[1] == ids[2], "each item is its own question"
    assert app.top.run.position == 3  # type: ignore[union-attr]
    first, second = trace.events("radar")
    assert (first["hands"], first["counted"], first["device_flags"], first["devices"]) == (2, 3, 2, 3)
    assert (second["hands"], second["counted"], second["device_flags"], second["devices"]) == (3, 8, 1, 3)
    with Store.open(app.data_dir) as store:
        a1, a2 = store.radar_answers()
        devices = store.radar_device_answers()
    assert (a1["hands_flag"], a1["hands_counted"], a2["hands_flag"], a2["hands_counted"]) == (2, 3, 3, 8)
    by_item: dict[str, list[tuple[int, str]]] = {}
    for d in devices:
        by_item.setdefault(d["item_id"], []).append((d["device"], d["answer"]))
    assert by_item == {a1["item_id"]: [(1, "flag"), (2, "flag"), (3, "ok")],
                       a2["item_id"]: [(1, "flag"), (2, "ok"), (3, "ok")]}


def test_devices_never_see_an_items_answer_and_wait_when_the_check_ends(make_app: Callable[..., App]) -> None:
    app = _class_check(make_app)
    assert app.room is not None
    q = app.room.state.question
    assert q is not None and q.kind == "radar" and [o for o in q.options] == ["Red flag", "Looks OK"]
    assert q.message, "devices get a short form of the item's screen"
    item = app.top.item  # type: ignore[union-attr]
    assert item.explain[:30] not in q.message, "never the explanation: it gives the answer away"
    send(app, Next())  # no hands and no device answer yet: refused, nothing recorded
    assert has_text(app, "Wait for a device to answer") and app.top.run.position == 1  # type: ignore[union-attr]
    app.top.set_counts(1, 2)  # type: ignore[union-attr]
    send(app, Next())
    state = _settled(app, lambda s: s.question is not None and s.question.id != q.id)
    assert state.phase == "vote" and state.result is None, "no reveal between items"
    send(app, QuickExit())
    assert app.room is None, "quick exit closes the room"


def test_leaving_the_check_sends_devices_back_to_waiting(make_app: Callable[..., App]) -> None:
    from game.ui.intents import Back

    app = _class_check(make_app)
    assert app.room is not None
    send(app, Back())
    assert _settled(app, lambda s: s.phase == "wait").question is None


def test_headless_radar_with_devices(tmp_path: Path) -> None:
    trace = tmp_path / "t.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "main.py", "play", "--headless", "--facilitator", "--devices", "--devices-host", "127.0.0.1",
         "--devices-port", "0", "--radar", "before", "--data-dir", str(tmp_path / "data"), "--trace", str(trace),
         "--script", "devices-wait:2 devices-wait:2 devices-wait:2"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        m = re.match(r"Room open: (http://127\.0\.0\.1:\d+/) code (\d{4})$", line.strip())
        assert m, line
        run_radar_answers(m.group(1), m.group(2), [[0, 1, 0], [1, 1, 1]])
        out, err = proc.communicate(timeout=90)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    radar = [json.loads(x) for x in trace.read_text(encoding="utf-8").splitlines() if '"radar"' in x]
    assert [(r["hands"], r["counted"], r.get("devices")) for r in radar] == [(1, 2, 2), (0, 2, 2), (1, 2, 2)]
    assert out.strip() == "Room closed", "the room closes when the script ends"


def test_the_report_counts_each_device_as_a_respondent(make_app: Callable[..., App], tmp_path: Path) -> None:
    from game.tools.report import write_report

    app = _class_check(make_app)
    students, _ = _devices(app, [[0, 0], [1, 1]])
    runner = ScriptRunner(app, None)
    assert devices_wait(runner, 2, 60.0) == 2 and devices_wait(runner, 2, 60.0) == 2
    students.join(30)
    out = tmp_path / "report.html"
    write_report(app.data_dir, out, "html")
    html = out.read_text(encoding="utf-8")
    assert "(2 on devices)" in html and "On their own devices, 2 students: the middle one d′" in html
    csv_out = tmp_path / "report.csv"
    write_report(app.data_dir, csv_out, "csv")
    with csv_out.open(encoding="utf-8-sig", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["record"] == "radar"]
    assert rows and rows[0]["respondents"] == "2", "the class row says how many devices answered"
