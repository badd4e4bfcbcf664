"""UI figures: first frame, idle CPU, heaviest screen draw, page change time and peak memory (headless SDL)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from .common import Figure

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1",
       # an installed game has compiled bytecode; keep it out of the checkout
       "PYTHONPYCACHEPREFIX": str(Path(tempfile.gettempdir()) / "rfr-bench-pycache")}
ENV.pop("PYTHONDONTWRITEBYTECODE", None)


def _run(code: str, **env: str) -> str:
    """Run Python code in a fresh interpreter at the repo root (`env` added to its environment); return its
    stdout."""
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, env={**ENV, **env},
                          capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    return proc.stdout


def _wall(code: str) -> float:
    start = time.perf_counter()
    _run(code)
    return time.perf_counter() - start


BARE = """
import time
import pygame
pygame.display.init()
screen = pygame.display.set_mode((1280, 720))
pygame.display.flip()
print(time.time(), flush=True)
"""

FIRST_FRAME = """
import time
import game.ui.app as ui_app
from game.cli import main

_render = ui_app.App.render
def render(self, *a, **k):  # the moment the title's first frame is on screen
    out = _render(self, *a, **k)
    if self.frames_drawn == 1:
        print(time.time(), flush=True)
        self.running = False  # (the loop ends; what it does after the first frame is not timed)
    return out
ui_app.App.render = render
main(["play"])  # what a student's start does: parse, find the data folder, build the App, the window loop's first frame
"""


def _to_first_frame(code: str, **env: str) -> float:
    """Seconds from starting the interpreter to the first frame the code reports (its first printed time)."""
    start = time.time()
    out = _run(code, **env)
    return float(out.split()[0]) - start


def first_frame(repeats: int = 25) -> Figure:
    """Process start to the title's first frame of `play` in its window (SDL's dummy driver) vs a bare pygame-ce
    script that opens a window and flips once (both timed to the frame, not to the end of the process). The data
    folder is the default one, found the way a student's start finds it, under a temporary XDG_DATA_HOME."""
    bare, ours = [], []
    with tempfile.TemporaryDirectory() as data:
        _run(BARE)
        _run(FIRST_FRAME, XDG_DATA_HOME=data)  # warm-up: writes bytecode and the records file, as an installed game has
        for _ in range(repeats):
            bare.append(_to_first_frame(BARE))
            ours.append(_to_first_frame(FIRST_FRAME, XDG_DATA_HOME=data))
    return Figure("ui: first interactive frame", min(ours), min(bare), 1.3)


IDLE = """
import tempfile, time
from game.ui.app import App, AppOptions
app = App(AppOptions(headless=True, data_dir=tempfile.mkdtemp()))
app.go_title()
app.run(max_seconds=1.0, close=False)  # start-up work (first frame, opening the records) is not idle time
frames = app.frames_drawn
cpu = time.process_time()
app.run(max_seconds=5.0)
print(time.process_time() - cpu, app.frames_drawn - frames)
"""


def idle_cpu() -> Figure:
    """CPU share of one core while the title is left alone for 5 s (no redraw when nothing changes)."""
    cpu, _frames = _run(IDLE).split()
    return Figure("ui: idle CPU share, 5 s static", float(cpu) / 5.0, 1.0, 0.03, unit="core")


def _thread_yaml(n: int = 40) -> str:
    lines = ["schema_version: 1", "id: bench-thread", "title: A long chat", "summary: Forty messages in one thread.",
             "theme: theme.grooming", "age_tier: core", "minutes: 2", "content_note: A long chat.",
             "learning_goals: [Read a long thread.]", "characters:", "  - {id: jo, name: Jo, role: stranger}",
             "start: chat", "nodes:", "  chat:", "    screen: dm", "    app: Chattr", "    with: jo", "    messages:"]
    for i in range(n):
        who = "jo" if i % 2 == 0 else "me"
        lines.append(f"      - {{from: {who}, text: 'Message {i}: are you around later? I saved you a spot in the "
                     f"game and I think you will like it a lot.', time: '9:{i % 60:02d} PM'}}")
    lines += ["    choices:", "      - {text: Say goodnight, goto: end, points: 1, feedback: Fine., "
              "tags: [skill.pause]}",
              "  end:", "    screen: narration", "    ending: {tone: safe, title: Done, text: The end.}",
              "debrief:", "  questions: [One?, Two?, Three?]", "  help_a_friend: Talk to them."]
    return "\n".join(lines) + "\n"


def _player_app(size: tuple[int, int], scenario: Path):  # type: ignore[no-untyped-def]
    from game.ui.app import App, AppOptions
    from game.ui.intents import Next
    from game.ui.launch import open_start

    app = App(AppOptions(headless=True, data_dir=Path(tempfile.mkdtemp()), size=size, scenario=scenario))
    open_start(app)
    app.step()
    app.dispatch(Next())
    app.step()
    return app


def heaviest_draw(repeats: int = 40) -> list[Figure]:  # noqa: D401
    """A 40-message thread at 1920x1080 with the typing dots animating: one frame (cached static layer, the
    dots, flip) vs one full-screen blit plus flip. Also reported: redrawing the whole display list, which
    happens only when the layout changes (it is part of the page-change figure)."""
    os.environ.update({k: ENV[k] for k in ("SDL_VIDEODRIVER", "SDL_AUDIODRIVER")})
    import pygame

    folder = Path(tempfile.mkdtemp())
    path = folder / "bench-thread.yaml"
    path.write_text(_thread_yaml(), encoding="utf-8")
    app = _player_app((1920, 1080), path)
    screen = app.screen
    full = pygame.Surface(screen.get_size()).convert()
    full.fill((200, 200, 200))

    def base() -> None:
        screen.blit(full, (0, 0))
        pygame.display.flip()

    scene = app.top
    scene.messages = scene.messages + scene.messages[-1:]  # one more message on its way: the dots animate
    scene.revealed = len(scene.messages) - 1
    scene.typing_who = "jo"
    scene.timer = 10**9
    scene.invalidate()
    app.step(0.016)

    def frame() -> None:
        app.step(0.016)

    def redraw() -> None:
        app._static_key = ()  # force the whole screen to be drawn again from the display list
        app.render(force=True)

    tb, tf, tr = [], [], []
    for _ in range(repeats):
        for fn, out in ((base, tb), (frame, tf), (redraw, tr)):
            start = time.perf_counter()
            fn()
            out.append(time.perf_counter() - start)
    app.close()
    base_t = statistics.median(tb)
    redraw_ms = statistics.median(tr) * 1000
    print(f"# ui: the same thread redrawn from its display list (on layout changes only): {redraw_ms:.2f} ms")
    return [Figure("ui: 40-msg thread frame 1920x1080", statistics.median(tf), base_t, 3.0)]


def living_thread(repeats: int = 40) -> list[Figure]:
    """The heaviest screen: a 150-bubble living thread at 1920x1080 and 200% text. Its animated frame vs one
    full-screen blit and flip (target 3x), and a message arriving at the end of it: the median time to lay out
    and draw the screen again (budget 10 ms; only the new bubble is laid out, the others come from the cache)."""
    os.environ.update({k: ENV[k] for k in ("SDL_VIDEODRIVER", "SDL_AUDIODRIVER")})
    import pygame

    from game.ui.app import App, AppOptions
    from game.ui.intents import Next
    from game.ui.launch import open_start

    folder = Path(tempfile.mkdtemp())
    path = folder / "bench-thread.yaml"
    path.write_text(_thread_yaml(150), encoding="utf-8")
    app = App(AppOptions(headless=True, data_dir=Path(tempfile.mkdtemp()), size=(1920, 1080), scenario=path,
                         text_scale=2.0))
    open_start(app)
    app.step()
    app.dispatch(Next())
    app.step()
    scene = app.top
    screen = app.screen
    full = pygame.Surface(screen.get_size()).convert()
    full.fill((200, 200, 200))
    appends: list[float] = []
    for k in range(100, 150):  # one message arrives at a time
        scene.revealed = k
        scene.invalidate()
        start = time.perf_counter()
        app.step(0.0)
        appends.append(time.perf_counter() - start)
    scene.revealed = len(scene.messages) - 1
    scene.typing_who = "jo"
    scene.timer = 10**9
    scene.invalidate()
    app.step(0.016)
    tb, tf = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        screen.blit(full, (0, 0))
        pygame.display.flip()
        tb.append(time.perf_counter() - start)
        start = time.perf_counter()
        app.step(0.016)
        tf.append(time.perf_counter() - start)
    app.close()
    return [Figure("ui: 150-bubble thread frame 1080p 200%", statistics.median(tf), statistics.median(tb), 3.0),
            Figure("ui: a message arrives, 150-bubble thread", statistics.median(appends), 0.010, 1.0)]


def page_change(rounds: int = 15) -> Figure:
    """Median time from an intent to the next beat laid out and drawn, at 1280x720 (budget 10 ms)."""
    from game.content.catalog import scenarios_dir
    from game.ui.headless import ScriptRunner

    os.environ.update({k: ENV[k] for k in ("SDL_VIDEODRIVER", "SDL_AUDIODRIVER")})
    times: list[float] = []

    class Timed(ScriptRunner):
        def send(self, intent):  # type: ignore[no-untyped-def]
            start = time.perf_counter()
            super().send(intent)
            times.append(time.perf_counter() - start)

    tour = scenarios_dir() / "_examples" / "format-tour.yaml"
    from game.ui.app import App, AppOptions
    from game.ui.launch import open_start

    for seed in range(rounds):
        app = App(AppOptions(headless=True, data_dir=Path(tempfile.mkdtemp()), size=(1280, 720), scenario=tour))
        open_start(app)
        Timed(app, None).run([f"auto:{seed}"])
        app.close()
    return Figure("ui: page change median 1280x720", statistics.median(times), 0.010, 1.0)


PEAK = """
import sys
def peak_mb():
    # Linux: this process's own high-water mark. ru_maxrss is not used there: exec keeps the parent's peak in it,
    # so a child of a big benchmark process would report the parent's memory (seen: 297 MB for a 110 MB run).
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB elsewhere
"""

MEMORY = PEAK + """
import tempfile
from game.content.catalog import find_scenario_files, scenarios_dir
from game.ui.app import App, AppOptions
from game.ui.headless import ScriptRunner
from game.ui.scenes.content_note import ContentNoteScene
app = App(AppOptions(headless=True, data_dir=tempfile.mkdtemp(), size=(1920, 1080)))
app.go_title()
for i, path in enumerate(find_scenario_files(scenarios_dir())):
    item = app.library.item_for_path(path)
    if item.ok:
        app.reset(ContentNoteScene(app, item))
        ScriptRunner(app, None).run(["auto:%d" % i])
app.close()
print(peak_mb())
"""


def peak_memory() -> Figure:
    """Peak resident memory while playing every shipped scenario at 1920x1080 (budget 150 MB)."""
    return Figure("ui: peak memory while playing", float(_run(MEMORY)), 150.0, 1.0, unit="MB")


def figures() -> list[Figure]:
    """Every UI figure."""
    return [first_frame(), idle_cpu(), *heaviest_draw(), *living_thread(), page_change(), peak_memory()]
