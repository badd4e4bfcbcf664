"""The title's first frame comes before anything heavy loads: no content models (pydantic), no Babel, no engine; a
plain start (a student's) not even argparse, gettext, locale, json or platformdirs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from game.cli import build_parser, play_defaults

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ["pydantic", "babel", "game.content.schema", "game.engine.beats", "aiohttp", "jinja2"]
START_UP = ["argparse", "gettext", "locale", "json", "platformdirs", "game.ui.headless", "game.ui.input",
            "game.session.atomic", "game.content.images"]
PROBE = """
import sys
import game.ui.app as ui_app
from game.cli import main

_render = ui_app.App.render
def render(self, *a, **k):  # (the probe itself loads nothing it watches for: arguments come comma-separated)
    out = _render(self, *a, **k)
    if self.frames_drawn == 1:
        print(",".join(m for m in sys.argv[1].split(",") if m in sys.modules), flush=True)
        self.running = False
    return out
ui_app.App.render = render
main(sys.argv[2].split(","))
"""


def _loaded_by_first_frame(tmp_path: Path, watch: list[str], argv: list[str]) -> list[str]:
    proc = subprocess.run([sys.executable, "-c", PROBE, ",".join(watch), ",".join(argv)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60,
                          env={"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PATH": "/usr/bin:/bin",
                               "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data"), "LANGUAGE": "en"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    return [m for m in proc.stdout.splitlines()[0].split(",") if m]


def test_a_plain_start_loads_only_what_the_title_draws(tmp_path: Path) -> None:
    assert _loaded_by_first_frame(tmp_path, HEAVY + START_UP, ["play"]) == [], "loaded before the first frame"
    assert (tmp_path / "data" / "red-flag-radar").is_dir()  # the default folder, found without platformdirs


def test_a_scripted_start_loads_nothing_heavy(tmp_path: Path) -> None:
    argv = ["play", "--headless", "--data-dir", str(tmp_path)]
    assert _loaded_by_first_frame(tmp_path, HEAVY, argv) == [], "loaded before the first frame"


@pytest.mark.parametrize("only_play", [True, False])
def test_a_plain_starts_options_are_the_parsers_defaults(only_play: bool) -> None:
    parsed = vars(build_parser(only_play=only_play).parse_args(["play"]))
    plain = play_defaults()
    assert isinstance(plain, SimpleNamespace) and vars(plain) == parsed
    assert play_defaults().set is not plain.set  # a fresh list each time, as argparse gives
