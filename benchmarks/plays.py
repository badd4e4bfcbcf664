"""Everyone plays (issue 19 item 8), as budgets: 35 devices stepping through a story at once get each answer within
100 ms (p95, loopback, records written as they play); the room with 35 plays costs at most 100 MB over the game's
own memory."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from typing import Any

from .common import Figure
from .devices import ENV
from .plays_sim import PAUSE_S, join_players

ROOT = Path(__file__).resolve().parents[1]
DEVICES = 35
STORY = "gaming"
ANSWER_BUDGET_S = 0.10
MEMORY_BUDGET_MB = 100.0

GAME = textwrap.dedent("""
    import json, os, sys, tempfile, time
    sys.path.insert(0, {root!r})
    def rss_mb():
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    from game.ui.app import App, AppOptions
    app = App(AppOptions(headless=True, data_dir=tempfile.mkdtemp(), facilitator=True, devices=True,
                         devices_host="127.0.0.1", everyone_plays=True))
    app.go_title()
    app.start_class(None)
    stories = [it for it in app.library.items() if it.id == {story!r}]
    for _ in range(10):
        app.step()
    app.run(max_seconds=0.5, close=False)
    base = rss_mb()
    import game.net.web as web
    if not web.PLAY_PAGE.is_file():  # the students' page is not in this tree: a stand-in page of the same kind
        stand_in = os.path.join(tempfile.mkdtemp(), "play.html")
        with open(stand_in, "w", encoding="utf-8") as f:
            f.write("<!doctype html><title>Play</title><p>Everyone plays</p>")
        from pathlib import Path
        web.PLAY_PAGE = Path(stand_in)
    from game.ui.plays_room import open_plays_room, snapshot_of
    from game.ui.scenes.plays_room import PlaysRoomScene
    assert open_plays_room(app, stories, False) is None
    app.push(PlaysRoomScene(app, stories, False))
    deadline = time.monotonic() + 240
    while (snapshot_of(app).finished < {n}) and time.monotonic() < deadline:
        app.run(max_seconds=0.5, close=False)
    app.run(max_seconds=1.0, close=False)
    with_room = rss_mb()
    snap = snapshot_of(app)
    print(json.dumps({{"base": base, "room": with_room, "finished": snap.finished, "started": snap.started}}),
          flush=True)
    sys.stdin.readline()  # the devices close first
    app.close()
""")


async def _class(url: str, code: str) -> list[float]:
    """DEVICES devices join, then step through the story together: each round every device sends its next move at
    once; returns every answer's time."""
    players = await join_players(url, code, DEVICES)
    try:
        while True:
            moving = [p for p in players if p.view.get("kind") not in ("summary", "left") and p.kind != "closed"]
            if not moving:
                break
            await asyncio.gather(*(p.step() for p in moving))
            bad = [p.errors[-1] for p in moving if p.kind == "error"]
            if bad:
                raise RuntimeError(f"the room refused a move: {bad[0]}")
            await asyncio.sleep(PAUSE_S)
        return [t for p in players for t in p.times]
    finally:
        for p in players:
            await p.close()


def figures() -> list[Figure]:
    """Answer p95 with 35 devices stepping at once, and the room's memory over the game's with 35 plays."""
    proc = subprocess.Popen([sys.executable, "-c", GAME.format(root=str(ROOT), n=DEVICES, story=STORY)], cwd=ROOT,
                            env=ENV, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdin is not None
    line = proc.stdout.readline()
    while line and not line.startswith("Room open:"):
        line = proc.stdout.readline()
    if not line:
        proc.kill()
        raise RuntimeError("the everyone-plays room did not open")
    url, code = line.split()[2], line.split()[4]
    times: list[float] = []
    failed: list[BaseException] = []

    def devices() -> None:
        try:
            times.extend(asyncio.run(_class(url, code)))
        except BaseException as exc:  # noqa: BLE001 - reported below
            failed.append(exc)

    holder = threading.Thread(target=devices, daemon=True)
    holder.start()
    result: Any = None
    for out in proc.stdout:
        if out.startswith("{"):
            result = json.loads(out)
            break
    holder.join(60)
    proc.stdin.write("\n")
    proc.stdin.close()
    proc.wait(60)
    if failed:
        raise RuntimeError(f"the devices could not play: {failed[0]}")
    if result is None or result["finished"] != DEVICES:
        raise RuntimeError(f"the everyone-plays benchmark did not get its {DEVICES} devices to the end: {result}")
    times.sort()
    p95 = times[max(0, round(0.95 * len(times)) - 1)]
    return [Figure(f"plays: {DEVICES} stepping, answer p95 (s)", p95, ANSWER_BUDGET_S, 1.0),
            Figure(f"plays: room memory, {DEVICES} plays (MB)", result["room"] - result["base"], MEMORY_BUDGET_MB, 1.0,
                   "MB")]
