"""Students' devices (issue 15 item 7), as budgets: 40 devices voting within a second reach the projector within
250 ms of each vote (p95, loopback); the room costs at most 30 MB over the game's own memory; an open room with 40
connected devices keeps idle CPU at most 3 % of a core."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

from .common import Figure
from .devices_sim import join_class

ENV = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
ROOT = Path(__file__).resolve().parents[1]
DEVICES = 40
LATENCY_BUDGET_S = 0.25
MEMORY_BUDGET_MB = 30.0
CPU_BUDGET_PCT = 3.0


def _class_at_vote(data_dir: str):  # type: ignore[no-untyped-def]
    """A headless App leading a class with an open room, on the tutorial's first class vote."""
    os.environ.update({k: ENV[k] for k in ("SDL_VIDEODRIVER", "SDL_AUDIODRIVER")})
    from game.content.catalog import scenarios_dir
    from game.engine.beats import ChoiceBeat
    from game.ui.app import App, AppOptions
    from game.ui.intents import Next
    from game.ui.launch import open_start

    app = App(AppOptions(headless=True, data_dir=Path(data_dir), scenario=scenarios_dir() / "en" / "tutorial.yaml",
                         facilitator=True, devices=True, devices_host="127.0.0.1"))
    open_start(app)
    for _ in range(20):
        app.step()
        top = app.top
        if top is not None and top.name == "player" and isinstance(getattr(top, "beat", None), ChoiceBeat):
            break
        app.dispatch(Next())
    app.dispatch(Next())  # Take the class vote
    app.step()
    assert app.top is not None and app.top.name == "vote", app.top
    return app


STUDENTS = textwrap.dedent("""
    import asyncio, json, sys, time
    sys.path.insert(0, {root!r})
    from benchmarks.devices_sim import join_class, voting
    async def main():
        devices = await join_class({url!r}, {code!r}, {n})
        for d in devices:
            await d.wait_for(voting())
        await asyncio.sleep(0.3)
        sent, start = [], time.monotonic()
        for i, d in enumerate(devices):  # the votes spread over one second
            await asyncio.sleep(max(0.0, i / {n} - (time.monotonic() - start)))
            sent.append(time.monotonic())
            await d.vote(i % 3)
        await asyncio.sleep(0.5)
        for d in devices:
            await d.close()
        print(json.dumps(sent), flush=True)
    asyncio.run(main())
""")


def latency() -> Figure:
    """p95 of (first frame the App drew showing the k-th vote) - (when the k-th vote was sent), the devices in another
    process (as phones are), the game in its own loop (`App.run`); both read the same system-wide monotonic clock."""
    with tempfile.TemporaryDirectory() as tmp:
        app = _class_at_vote(tmp)
        room = app.room
        assert room is not None
        shown: list[tuple[float, int]] = []
        render = app.render

        def watched_render(force: bool = False) -> bool:
            drew = render(force)
            if drew:
                shown.append((time.monotonic(), room.snapshot.answered))
            return drew

        app.render = watched_render  # type: ignore[method-assign]
        proc = subprocess.Popen([sys.executable, "-c", STUDENTS.format(root=str(ROOT), url=room.url, code=room.code,
                                                                     n=DEVICES)], cwd=ROOT, stdout=subprocess.PIPE,
                                text=True)
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline:
            app.run(max_seconds=0.5, close=False)
        out = proc.communicate(timeout=30)[0]
        app.close()
    sent = json.loads(out.strip().splitlines()[-1])
    lat = []
    for k, at in enumerate(sorted(sent), start=1):
        seen = next((ts for ts, n in shown if n >= k and ts >= at), None)
        lat.append((seen if seen is not None else float("inf")) - at)
    lat.sort()
    p95 = lat[max(0, round(0.95 * len(lat)) - 1)] if len(lat) == DEVICES else float("inf")
    return Figure("devices: 40 votes shown (p95, s)", p95, LATENCY_BUDGET_S, 1.0)


GAME = textwrap.dedent("""
    import json, os, sys, time
    sys.path.insert(0, {root!r})
    def rss_mb():
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    import tempfile
    from game.ui.app import App, AppOptions
    from game.content.catalog import scenarios_dir
    app = App(AppOptions(headless=True, data_dir=tempfile.mkdtemp(), scenario=scenarios_dir() / "en" / "tutorial.yaml",
                         facilitator=True))
    from game.ui.launch import open_start
    open_start(app)
    for _ in range(10):
        app.step()
    app.run(max_seconds=0.5, close=False)
    base = rss_mb()
    assert "aiohttp" not in sys.modules, "the game alone has not loaded the server library"
    t0, c0 = time.perf_counter(), time.process_time()
    app.run(max_seconds=2.0, close=False)
    base_cpu = (time.process_time() - c0) / (time.perf_counter() - t0)
    from game.ui.devices import open_room
    app.opts = app.opts._replace(devices_host="127.0.0.1")
    open_room(app)
    sys.stdout.flush()
    deadline = time.monotonic() + 60
    while app.room.snapshot.devices < {n} and time.monotonic() < deadline:
        app.step(); app.room.poll(); time.sleep(0.02)
    app.run(max_seconds=1.0, close=False)
    with_room = rss_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    app.run(max_seconds=5.0, close=False)
    cpu = (time.process_time() - c0) / (time.perf_counter() - t0)
    print(json.dumps({{"base": base, "room": with_room, "cpu": cpu, "base_cpu": base_cpu,
                       "devices": app.room.snapshot.devices}}), flush=True)
    app.close()
""")


def memory_and_cpu() -> list[Figure]:
    """The game alone, then with an open room and 40 connected devices (the devices run in this process)."""
    proc = subprocess.Popen([sys.executable, "-c", GAME.format(root=str(ROOT), n=DEVICES)], cwd=ROOT, env=ENV,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    while line and not line.startswith("Room open:"):
        line = proc.stdout.readline()
    url, code = line.split()[2], line.split()[4]

    async def connected() -> None:
        devices = await join_class(url, code, DEVICES)
        await asyncio.get_running_loop().run_in_executor(None, proc.wait, 90)
        for d in devices:
            await d.close()

    holder = threading.Thread(target=lambda: asyncio.run(connected()), daemon=True)
    holder.start()
    result = None
    for line in proc.stdout:
        if line.startswith("{"):
            result = json.loads(line)
    proc.wait(90)
    holder.join(10)
    if result is None or result["devices"] != DEVICES:
        raise RuntimeError(f"the room benchmark did not get its {DEVICES} devices: {result}")
    return [Figure("devices: room memory over game (MB)", result["room"] - result["base"], MEMORY_BUDGET_MB, 1.0,
                   "MB"),
            Figure("devices: idle CPU, 40 connected (%)", result["cpu"] * 100, CPU_BUDGET_PCT, 1.0, "%")]


def figures() -> list[Figure]:
    """Every device figure."""
    return [latency(), *memory_and_cpu()]
