"""`python main.py play`: parse the play options, build the App, run it windowed or headless."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

from ..session.lang import available_languages, normalize
from ..usage import UsageError

if TYPE_CHECKING:  # (types only: a plain start never loads argparse)
    from ..usage import Options


def parse_size(text: Optional[str]) -> tuple[int, int]:
    """'1280x720' -> (1280, 720); raises ValueError for anything else."""
    if not text:
        return (1280, 720)
    parts = text.lower().replace("*", "x").split("x")
    if len(parts) != 2 or not all(p.strip().isdigit() for p in parts):
        raise ValueError(f"--size must look like 1280x720, not '{text}'")
    w, h = int(parts[0]), int(parts[1])
    if not (320 <= w <= 10000 and 240 <= h <= 10000):
        raise ValueError(f"--size {text} is out of range")
    return w, h


def play(ns: Options) -> int:
    """Run the game from parsed `play` options; returns the exit code (0 ok, 1 content errors, 2 usage)."""
    try:
        size = parse_size(getattr(ns, "size", None))
        preset: dict[str, Any] = {}
        if getattr(ns, "set", None) or getattr(ns, "start_at", None):
            from ..session.playtest import parse_preset

            preset = parse_preset(ns.set or [])
            if not getattr(ns, "scenario", None):
                raise ValueError("--start-at and --set need --scenario ID")
        pack = Path(ns.pack) if getattr(ns, "pack", None) else None
        if pack is not None and not pack.is_dir():
            raise ValueError(f"--pack folder not found: '{pack}'")
        scenario = None
        if getattr(ns, "scenario", None):  # the catalog (and the content model) load only when a story is named
            from ..session.catalog import resolve_scenario

            scenario = resolve_scenario(ns.scenario, pack, run_language(ns))
        if getattr(ns, "lang", None) and normalize(ns.lang) is None:
            raise ValueError(f"--lang {ns.lang}: no such language (there are: {', '.join(available_languages())})")
        if ns.text_scale is not None and not 1.0 <= ns.text_scale <= 2.0:
            raise ValueError("--text-scale must be between 1.0 and 2.0")
        radar = radar_options(ns)
        if ns.theme is not None and ns.theme not in ("default", "high_contrast"):
            raise ValueError("--theme must be default or high_contrast")
        devices = devices_options(ns)
        if scenario is not None and (ns.start_at or preset):
            from ..session.playtest import check_playtest_file

            check_playtest_file(scenario, ns.start_at, preset)
    except (ValueError, UsageError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if ns.headless:
        os.environ["SDL_VIDEODRIVER"] = "dummy"
        os.environ["SDL_AUDIODRIVER"] = "dummy"

    from .app import App, AppOptions

    steps: list[str] = []
    if ns.headless:
        from .headless import ScriptError, parse_steps, step_intents

        try:
            steps = parse_steps(ns.script or "")
            for t in steps:
                if not t.lower().startswith("auto:"):
                    step_intents(t)
        except ScriptError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    if ns.headless and ns.screenshots:
        try:
            Path(ns.screenshots).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            print(f"error: cannot write screenshots to '{ns.screenshots}': {exc.strerror or exc}", file=sys.stderr)
            return 2
    trace = None
    if getattr(ns, "trace", None):  # opened before play starts: a trace that cannot be written is a usage error
        from ..session.trace import Trace

        try:
            trace = Trace.to_file(Path(ns.trace))
        except OSError as exc:
            print(f"error: cannot write the trace to '{ns.trace}': {exc.strerror or exc}", file=sys.stderr)
            return 2
    opts = AppOptions(size=size, headless=bool(ns.headless), data_dir=ns.data_dir, pack=pack, lang=normalize(ns.lang),
                      theme=ns.theme, text_scale=ns.text_scale, fullscreen=bool(ns.fullscreen) or None,
                      scenario=scenario, start_at=ns.start_at, preset=preset, class_label=ns.class_label,
                      facilitator=bool(getattr(ns, "facilitator", False)),
                      author=bool(getattr(ns, "author", False)), trace=trace, seed=getattr(ns, "seed", None),
                      shuffle=not getattr(ns, "file_order", False), devices=devices is not None,
                      devices_host=devices[0] if devices else None, devices_port=devices[1] if devices else 0,
                      everyone_plays=bool(getattr(ns, "everyone_plays", False)))
    app = App(opts)
    if opts.everyone_plays:
        from .plays_headless import open_everyone_plays

        code = open_everyone_plays(app)
    else:
        code = open_start(app)
    if radar is not None and not code:
        code = open_radar(app, *radar)
    if not ns.headless:
        return app.run() or code
    from .headless import ScriptError, ScriptRunner

    if code:
        runner = ScriptRunner(app, Path(ns.screenshots) if ns.screenshots else None)
        runner.settle()
        app.close()
        return code
    runner = ScriptRunner(app, Path(ns.screenshots) if ns.screenshots else None)
    try:
        return runner.run(steps)
    except ScriptError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # a screenshot could not be written (disk full, folder removed)
        print(f"error: a screenshot could not be written: {exc.strerror or exc}", file=sys.stderr)
        return 1
    finally:
        app.close()


def run_language(ns: Options) -> str:
    """The language this run plays in: --lang, else the one chosen in Settings, else the system's."""
    from ..session.paths import resolve_data_dir
    from ..session.settings import saved_language

    return normalize(getattr(ns, "lang", None)) or saved_language(resolve_data_dir(getattr(ns, "data_dir", None)))


def open_start(app: Any) -> int:
    """First screens: the title, a scenario's content note, or with --start-at/--set straight to that moment.

    Returns 0, or 1 when the scenario has errors (its diagnostics are shown), or 2 when --start-at/--set do not fit.
    """
    path = app.opts.scenario
    if path is None:
        app.go_title()
        if app.opts.facilitator:  # lead a class: the class label and projector settings first
            from .scenes.class_setup import ClassSetupScene

            app.push(ClassSetupScene(app))
        return 0
    from .scenes.content_note import ContentNoteScene
    from .scenes.diagnostics import DiagnosticsScene
    from .scenes.picker import PickerScene
    from .scenes.title import TitleScene

    item = app.library.item_for_path(path)
    if not item.ok:
        for line in item.diagnostics:
            print(line, file=sys.stderr)
        app.reset(DiagnosticsScene(app, item, exit_after=True))
        return 1
    app.asked_nickname = True
    first: Any = ContentNoteScene(app, item)
    if app.opts.start_at is not None or app.opts.preset:  # a playtest: straight to that node, nothing recorded
        from ..session.play import PlaySession
        from ..session.playtest import PlaytestError, check_playtest
        from .scenes.player import PlayerScene

        try:
            check_playtest(item.scenario, app.opts.start_at, app.opts.preset)
        except PlaytestError as exc:
            print(f"error: {exc}", file=sys.stderr)
            app.go_title()
            return 2
        first = PlayerScene(app, PlaySession(item, app.library.shared(item.pack).tags, None, None,
                                             app.opts.start_at, app.opts.preset, trace=app.opts.trace,
                                             seed=app.seed, shuffle=app.opts.shuffle))
    app.reset(TitleScene(app), PickerScene(app), first)
    if app.opts.facilitator:
        app.start_class(app.opts.class_label)
        if app.opts.devices:  # the room opens with the class: its join screen first
            from .devices import open_room
            from .scenes.room import RoomScene

            open_room(app)
            app.push(RoomScene(app))
    return 0


def devices_options(ns: Options) -> Optional[tuple[Optional[str], int]]:
    """(host or None, port) from --devices/--devices-host/--devices-port, or None without --devices; ValueError for
    bad values (the port is 0, a free one, or 1024-65535)."""
    host, port = getattr(ns, "devices_host", None), getattr(ns, "devices_port", None)
    if getattr(ns, "everyone_plays", False) and not getattr(ns, "devices", False):
        raise ValueError("--everyone-plays needs --facilitator --devices (students play on their own devices)")
    if getattr(ns, "everyone_plays", False) and (getattr(ns, "radar", None) or getattr(ns, "start_at", None)
                                                  or getattr(ns, "set", None)):
        raise ValueError("--everyone-plays cannot be used with --radar, --start-at or --set")
    if not getattr(ns, "devices", False):
        if host is not None or port is not None:
            raise ValueError("--devices-host and --devices-port need --devices")
        return None
    if not getattr(ns, "facilitator", False):
        raise ValueError("--devices needs --facilitator (students' devices vote in a class)")
    if port is not None and port != 0 and not 1024 <= port <= 65535:
        raise ValueError("--devices-port must be 0 (a free port) or between 1024 and 65535")
    if host is not None:
        import ipaddress

        try:
            ipaddress.ip_address(host)
        except ValueError as exc:
            raise ValueError(f"--devices-host must be an IP address of this machine, not '{host}'") from exc
    return host, int(port or 0)


def radar_options(ns: Options) -> Optional[tuple[str, Any]]:
    """(phase, form or None) from --radar/--form, or None without --radar; ValueError for bad values."""
    phase, form = getattr(ns, "radar", None), getattr(ns, "form", None)
    if phase is None:
        if form is not None:
            raise ValueError("--form needs --radar before|after|refresh")
        return None
    from ..session.radar import form_of, phase_of

    when = phase_of(phase)
    chosen = form_of(form) if form is not None else None
    if chosen is not None and when == "refresh":
        raise ValueError("the refresh check has its own set: leave out --form")
    if getattr(ns, "scenario", None):
        raise ValueError("--radar and --scenario cannot be used together")
    return when, chosen


def open_radar(app: Any, phase: str, form: Any) -> int:
    """Open the radar check's start screen for `phase` (exit code 1, with the diagnostics on stderr and on screen,
    when the radar items have errors: the check never starts on a broken form)."""
    from .scenes.radar import RadarIntroScene, load_set

    rs = load_set(app)
    if rs.errors:
        for d in rs.all_diagnostics():
            print(d.format(), file=sys.stderr)
    if app.opts.facilitator:  # leading a class: the check on the projector, the class label kept
        from .scenes.title import TitleScene

        app.reset(TitleScene(app))
        app.start_class(app.opts.class_label)
    scene = RadarIntroScene(app, phase, form)
    app.push(scene)
    if rs.errors:
        scene.begin(phase)  # shows why it cannot start
        return 1
    if app.opts.facilitator and app.opts.devices:  # students answer on their devices: the join screen first
        from .devices import open_room
        from .scenes.room import RoomScene

        open_room(app)
        app.push(RoomScene(app))
    return 0
