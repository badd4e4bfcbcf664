"""The command table: parses `python main.py ...` and dispatches to the game (game/ui) or a tool (game/tools)."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Callable, Optional, Sequence, Union

if TYPE_CHECKING:
    import argparse

    from .session.check import Checked
    from .usage import Options

from .usage import UsageError

# This is the only module that imports both front ends (game/ui and game/tools). The content model (pydantic) is
# imported inside the commands that need it, so `play` opens its window without waiting for it.


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def collect_files(args: Sequence[str]) -> list[Path]:
    """Expand the PATH arguments of validate into YAML files, or raise UsageError."""
    from .content.catalog import scenarios_dir

    roots = [Path(a) for a in args] or [scenarios_dir()]
    files: list[Path] = []
    for root in roots:
        if root.is_dir():
            found = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in (".yaml", ".yml")
                           and not any(part.startswith(".") for part in p.relative_to(root).parts))
            if not found:
                raise UsageError(f"no YAML files found in '{root}'")
            files.extend(found)
        elif root.exists():
            files.append(root)
        else:
            raise UsageError(f"no such file or folder: '{root}'")
    return files


def _check_any(path: Path, radar: Optional[dict] = None) -> Checked | list:
    from .content.radar_check import is_radar_file, load_radar_set, radar_files
    from .session.check import check_file, check_shared_file, is_shared_file

    if is_radar_file(path):
        folder = path.parent
        sets = radar if radar is not None else {}
        if folder not in sets:  # the radar set is the folder: ids, forms and flag shares are checked across files
            sets[folder] = load_radar_set(folder, {p: _display(p) for p in radar_files(folder)})
        return sets[folder].diagnostics.get(_display(path), [])
    if is_shared_file(path):
        return check_shared_file(path, _display(path))
    return check_file(path, _display(path))


def cmd_validate(ns: argparse.Namespace) -> int:
    """Check scenario files; exit 1 on errors (or on warnings with --strict). Each file shows its first
    MAX_SHOWN diagnostics, then how many more (the totals count them all)."""
    from .content.diagnostics import MAX_SHOWN
    from .content.safetext import escape

    files = collect_files(ns.paths)
    report = []
    errors = warnings = 0
    radar: dict = {}
    results = [_check_any(path, radar) for path in files]
    from .session.check import Checked, check_pack_giveaways

    check_pack_giveaways(r for r in results if isinstance(r, Checked))  # W409 looks across each pack
    for path, result in zip(files, results, strict=True):
        diags = result if isinstance(result, list) else result.diagnostics
        e = sum(1 for d in diags if d.severity.value == "error")
        w = len(diags) - e
        errors += e
        warnings += w
        shown, more = diags[:MAX_SHOWN], max(0, len(diags) - MAX_SHOWN)  # the first 50 per file, then a count
        report.append({"path": _display(path), "ok": e == 0, "errors": e, "warnings": w,
                       "diagnostics": [d.to_dict() for d in shown], "more": more})
        if ns.format == "text":
            for d in shown:
                print(d.format())
            if more:
                print(f"{escape(_display(path))}: ... and {more:,} more in this file (fix the first ones, "
                      "then validate again)")
    failed = errors > 0 or (ns.strict and warnings > 0)
    if ns.format == "json":
        import json

        print(json.dumps({"files": report, "errors": errors, "warnings": warnings, "ok": not failed}, indent=2))
    else:
        status = "FAILED" if failed else "ok"
        print(f"{status}: {len(files)} file(s) checked, {errors} error(s), {warnings} warning(s)")
    return 1 if failed else 0


def cmd_paths(ns: argparse.Namespace) -> int:
    """Report endings, score ranges, decision points and path counts (with --routes, one script per ending)."""
    from .tools.paths import cmd_paths as run

    return run(ns)


def load_checked(ref: str) -> Checked:
    """Resolve PATH|ID and check it; raises UsageError for an unknown reference."""
    from .session.catalog import resolve_scenario
    from .session.check import check_file

    path = resolve_scenario(ref)
    return check_file(path, _display(path))


def cmd_graph(ns: argparse.Namespace) -> int:
    """Write the story graph as Mermaid, DOT or PNG."""
    from .content.storygraph import story_graph
    from .tools.graph import write_graph

    checked = load_checked(ns.scenario)
    scn = checked.entry.scenario
    if scn is None:
        for d in checked.diagnostics:
            print(d.format(), file=sys.stderr)
        return 1
    picture = None
    if ns.format == "png":  # drawn by the front end (only game/ui imports pygame; tools never import ui)
        from .ui.graph_png import render_png as picture
    print(write_graph(story_graph(scn), ns.format, Path(ns.output), picture))
    return 0


def cmd_import_twee(ns: argparse.Namespace) -> int:
    """Convert a Twine story (Twee 3) into a scenario draft."""
    from .session.check import check_file
    from .tools.twee_yaml import convert_file

    src, out = Path(ns.file), Path(ns.output)
    if not src.is_file():
        raise UsageError(f"no such file: '{ns.file}'")
    if out.exists() and not ns.force:
        raise UsageError(f"'{ns.output}' already exists; choose another name or add --force")
    text, diags, todo = convert_file(src, out, _display(src), ns.start)
    for d in diags:
        print(d.format(), file=sys.stderr)
    if text is None:
        return 1
    from .session.atomic import atomic_write_text

    out.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(out, text)
    checked = check_file(out, _display(out))
    print(f"wrote {_display(out)}: {len(todo)} thing(s) to convert by hand (listed at the top); "
          f"validate: {len(checked.errors)} error(s), {len(checked.warnings)} warning(s)")
    return 0


def cmd_new(ns: argparse.Namespace) -> int:
    """Write a new scenario that validates and plays, with comments on every field."""
    from .tools.scaffold import ID_PATTERN, default_path, scaffold

    if not ID_PATTERN.match(ns.id) or len(ns.id) > 64:
        raise UsageError(f"'{ns.id}' is not a valid id: use lowercase letters, digits, '-', '_' or '.'")
    out = Path(ns.output) if ns.output else default_path(ns.id)
    if out.exists():
        raise UsageError(f"'{out}' already exists; choose another id or -o PATH")
    from .session.atomic import atomic_write_text

    out.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(out, scaffold(ns.id, out))
    print(f"wrote {_display(out)}\nnext: python main.py validate {_display(out)} --strict")
    return 0


def cmd_schema(ns: argparse.Namespace) -> int:
    """Print the scenario JSON Schema (or, with --radar, the radar item format's)."""
    import json

    from .tools.schema_export import scenario_schema

    if getattr(ns, "radar", False):
        from .tools.radar_schema import radar_schema

        print(json.dumps(radar_schema(), indent=2, ensure_ascii=False))
        return 0
    print(json.dumps(scenario_schema(), indent=2, ensure_ascii=False))
    return 0


def cmd_report(ns: argparse.Namespace) -> int:
    """Write the class report (HTML or CSV) from the saved records."""
    from .tools.report import cmd_report as run

    return run(ns)


def cmd_guide(ns: argparse.Namespace) -> int:
    """Write the printable facilitator guide."""
    from .tools.guide import cmd_guide as run

    return run(ns)


def cmd_play(ns: Options) -> int:
    """Start the game (the only command that loads pygame)."""
    from .ui.launch import play

    return play(ns)


def build_parser(only_play: bool = False) -> argparse.ArgumentParser:
    """The argument parser for every command (`only_play`: just `play`, so the game's window is not kept waiting
    for ten parsers it will not use)."""
    import argparse

    parser = argparse.ArgumentParser(prog="python main.py", description="Red Flag Radar: play and author scenarios.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    play = sub.add_parser("play", help="play the game (the default)")
    add_play_arguments(play)
    if only_play:
        return parser

    val = sub.add_parser("validate", help="check scenario files like a compiler")
    val.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: shipped scenarios)")
    val.add_argument("--strict", action="store_true", help="fail on warnings too")
    val.add_argument("--format", choices=("text", "json"), default="text")
    val.set_defaults(func=cmd_validate)

    sch = sub.add_parser("schema", help="print the JSON Schema of the scenario format")
    sch.add_argument("--radar", action="store_true", help="the radar check item format instead")
    sch.set_defaults(func=cmd_schema)

    pth = sub.add_parser("paths", help="endings, score ranges and decision points of a scenario")
    pth.add_argument("scenario", metavar="PATH|ID")
    pth.add_argument("--format", choices=("text", "json"), default="text")
    pth.add_argument("--routes", action="store_true",
                     help="also print one shortest playtest script per ending (for play --headless --script)")
    pth.set_defaults(func=cmd_paths)

    rep = sub.add_parser("report", help="class report from the saved records (HTML or CSV)")
    rep.add_argument("-o", "--output", required=True, metavar="OUT.html|OUT.csv", help="file to write")
    rep.add_argument("--format", choices=("html", "csv"), help="default: from the output file name")
    rep.add_argument("--data-dir", metavar="DIR", help="where the records are kept (default: the game's folder)")
    rep.add_argument("--lang", metavar="LANG", help="language of the report's words, charts and CSV header, and of "
                     "the stories' titles, e.g. es (default: en)")
    rep.set_defaults(func=cmd_report)

    gde = sub.add_parser("guide", help="printable facilitator guide for the shipped scenarios")
    gde.add_argument("-o", "--output", required=True, metavar="OUT.html", help="file to write")
    gde.add_argument("--lang", default="en", help="language of the guide and of its scenarios, tags and help lines, "
                     "e.g. es (default: en)")
    gde.add_argument("--pack", metavar="DIR", help="make the guide for this pack folder instead")
    gde.set_defaults(func=cmd_guide)

    gra = sub.add_parser("graph", help="draw the story graph (Mermaid, Graphviz DOT or PNG)")
    gra.add_argument("scenario", metavar="PATH|ID")
    gra.add_argument("--format", choices=("mermaid", "dot", "png"), required=True)
    gra.add_argument("-o", "--output", required=True, metavar="OUT", help="file to write")
    gra.set_defaults(func=cmd_graph)

    twe = sub.add_parser("import-twee", help="turn a Twine story (Twee 3) into a scenario draft")
    twe.add_argument("file", metavar="FILE.twee")
    twe.add_argument("-o", "--output", required=True, metavar="OUT.yaml")
    twe.add_argument("--force", action="store_true", help="overwrite OUT.yaml if it exists")
    twe.add_argument("--start", metavar="PASSAGE", help="the start passage (instead of StoryData's \"start\")")
    twe.set_defaults(func=cmd_import_twee)

    new = sub.add_parser("new", help="write a new scenario that validates and plays, with comments")
    new.add_argument("id", metavar="ID")
    new.add_argument("-o", "--output", metavar="PATH", help="where to write (default: scenarios/en/ID.yaml)")
    new.set_defaults(func=cmd_new)
    return parser


class _PlayDefaults:
    """Takes `add_play_arguments`' declarations like a parser and keeps only each option's default: what argparse
    gives `play` with no options (a test keeps the two equal)."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {"command": "play"}

    def add_argument(self, flag: str, **kw: Any) -> None:
        default = kw.get("default", False if kw.get("action") == "store_true" else None)
        self.values[flag.lstrip("-").replace("-", "_")] = list(default) if isinstance(default, list) else default

    def set_defaults(self, **kw: Any) -> None:
        self.values.update(kw)


def play_defaults() -> SimpleNamespace:
    """The options of a plain start (`python main.py`, `python main.py play`, the installed command with nothing
    after it): every play option at its default, without argparse, which with the gettext and locale modules it
    loads costs about 5 ms before the title's first frame."""
    found = _PlayDefaults()
    add_play_arguments(found)
    return SimpleNamespace(**found.values)


def add_play_arguments(p: Union[argparse.ArgumentParser, _PlayDefaults]) -> None:
    """Options of `play` (also accepted with no command)."""
    p.add_argument("--scenario", metavar="ID", help="open this scenario directly")
    p.add_argument("--lang", metavar="LANG", help="UI and story language for this run, e.g. es (default: the "
                   "language chosen in Settings, else the system's when there is a catalog for it, else en)")
    p.add_argument("--facilitator", action="store_true", help="lead a class: projector mode with votes")
    p.add_argument("--class-label", metavar="TEXT", help="optional class label for records (no names)")
    p.add_argument("--theme", metavar="NAME", help="default or high_contrast")
    p.add_argument("--text-scale", type=float, metavar="X", help="text size, 1.0 to 2.0")
    p.add_argument("--fullscreen", action="store_true")
    p.add_argument("--start-at", metavar="NODE", help="start the scenario at this node")
    p.add_argument("--set", action="append", default=[], metavar="VAR=VALUE", help="preset a variable")
    p.add_argument("--author", action="store_true", help="author overlay: F5 reload, F6 state, F7 jump")
    p.add_argument("--pack", metavar="DIR", help="play scenarios from this pack folder")
    p.add_argument("--data-dir", metavar="DIR", help="where progress and records are kept")
    p.add_argument("--headless", action="store_true", help="no window: run a script and write screenshots")
    p.add_argument("--script", metavar="FILE|STEPS",
                   help="headless steps, separated by spaces or commas (or a file, one per line, # comments): "
                        "next | N (choose the N-th option) | spot:1+3 (mark parts, submit) | submit | back | help | "
                        "quickexit | home | settings | key:NAME | type:TEXT | auto:SEED (a seeded random path "
                        "to the summary; with --facilitator, random class votes) | expect:NODE | expect:VAR=VALUE "
                        "| expect:ending=ID (exit 1 when the story is elsewhere; a number or spot: step that does "
                        "not fit its screen exits 1 too); with --facilitator also: "
                        "vote:12,5,3 (hand counts for the visible options, reveal, follow the majority; keep "
                        "its commas: separate it with spaces) | vote:4,4+2 (a tie: the teacher picks option 2) | "
                        "override:3 (after a reveal, go with option 3) | discuss | notes | timer")
    p.add_argument("--radar", metavar="WHEN", help="take the radar check: before | after | refresh (pre and post "
                                                   "also work); with --headless, steps flag | ok | flag:2 (how sure, "
                                                   "1-3) | auto:SEED, and with --facilitator hands:12/25")
    p.add_argument("--form", metavar="A|B", help="the radar check's form (default: A before, B after)")
    p.add_argument("--devices", action="store_true",
                   help="with --facilitator: students answer on their own devices (a room on the local network, "
                        "joined by QR code and a 4-digit code; headless step devices-wait:N)")
    p.add_argument("--devices-host", metavar="ADDRESS",
                   help="the address the room listens on (default: this machine's on the local network)")
    p.add_argument("--devices-port", type=int, metavar="PORT", help="the room's port (default 0: a free one)")
    p.add_argument("--everyone-plays", action="store_true",
                   help="with --devices: every student plays the story (--scenario ID, else their choice of story) "
                        "on their own device; the projector shows the class's totals (headless step "
                        "devices-finish:N)")
    p.add_argument("--screenshots", metavar="DIR", help="write one PNG per screen here")
    p.add_argument("--seed", type=int, metavar="N",
                   help="the order options are shown in: the same N, the same order (default: a new order every "
                        "play; headless runs use 0)")
    p.add_argument("--file-order", action="store_true",
                   help="show options in the order written instead of shuffled (reviewing a draft)")
    p.add_argument("--trace", metavar="FILE",
                   help="write what each screen showed and each choice, spot answer, vote, replay and ending as JSON "
                        "Lines (one object per line, written as it happens)")
    p.add_argument("--size", metavar="WxH", default=None, help="window size, e.g. 1280x720")
    p.set_defaults(func=cmd_play)


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run a command; returns the exit code (0 ok, 1 content errors, 2 usage errors)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0].startswith("-") and args[0] not in ("-h", "--help"):
        args = ["play", *args]
    if args == ["play"]:  # a plain start: nothing to parse
        return _dispatch(cmd_play, play_defaults())
    parser = build_parser(only_play=args[0] == "play")
    try:
        ns = parser.parse_args(args)
    except SystemExit as exc:  # argparse has printed its message
        return int(exc.code or 0)
    func: Optional[Callable[[Options], int]] = getattr(ns, "func", None)
    if func is None:
        parser.print_help()
        return 2
    return _dispatch(func, ns)


def _dispatch(func: Callable[[Options], int], ns: Options) -> int:
    """Run a command's function; usage errors, Ctrl+C and a closed pipe become exit codes."""
    try:
        return func(ns)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # pragma: no cover - output piped to a closed reader
        return 0
