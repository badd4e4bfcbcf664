"""The title's first frame comes before anything heavy loads: no content models (pydantic), no Babel, no engine."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json, sys
import game.ui.app as ui_app
from game.cli import main

_render = ui_app.App.render
def render(self, *a, **k):
    out = _render(self, *a, **k)
    if self.frames_drawn == 1:
        heavy = ("pydantic", "babel", "game.content.schema", "game.engine.beats", "aiohttp", "jinja2")
        print(json.dumps([m for m in heavy if m in sys.modules]), flush=True)
    return out
ui_app.App.render = render
main(["play", "--headless", "--data-dir", sys.argv[1]])
"""


def test_the_first_frame_loads_nothing_heavy(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path)], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, env={"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
                                           "PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANGUAGE": "en"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert json.loads(proc.stdout.splitlines()[0]) == [], "loaded before the first frame"
