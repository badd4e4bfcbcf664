"""Everyone plays through the real command line and real browsers (system Chromium, loopback): `play --headless
--facilitator --devices --everyone-plays --scenario tutorial --script devices-finish:8` while ten devices play the
tutorial by keyboard on play.html; one leaves mid-story, one quick-exits; the command ends once eight reached the
summary, the trace has their eight device_end events, the records their anonymous sessions, and every device still
open hears that the lesson has ended."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from test_play_page_browser import PHONE, _item, _join, _keys_for, _script, _step

from game.session.store import Store

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]


class _Room:
    def __init__(self, url: str, code: str) -> None:
        self.url, self.code = url, code


def test_ten_browsers_play_through_the_headless_game(browser: Any, tmp_path: Path) -> None:  # noqa: F811
    tutorial = _item("tutorial")
    trace = tmp_path / "trace.jsonl"
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    proc = subprocess.Popen([sys.executable, "main.py", "play", "--headless", "--facilitator", "--devices",
                             "--devices-host", "127.0.0.1", "--everyone-plays", "--scenario", "tutorial",
                             "--class-label", "Period 5", "--data-dir", str(tmp_path / "data"), "--trace", str(trace),
                             "--script", "devices-finish:8"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    contexts = [browser.new_context(viewport=PHONE, reduced_motion="reduce") for _ in range(10)]
    try:
        assert proc.stdout is not None
        m = re.match(r"Room open: (http://127\.0\.0\.1:\d+/) code (\d{4})$", proc.stdout.readline().strip())
        assert m
        room = _Room(m.group(1), m.group(2))
        pages = [c.new_page() for c in contexts]
        for page in pages:  # devices 1..10 in join order: the teacher's story starts at once, at its note
            _join(page, room)
            assert page.evaluate("document.body.dataset.kind") == "note"
        scripts = [_script(tutorial, k + 1, k) for k in range(10)]  # headless: device k's seed is 0 + its number
        scripts[8], scripts[9] = scripts[8][:3], scripts[9][:3]
        leaver, quitter = pages[8], pages[9]
        for turn in range(max(len(s) for s in scripts)):  # all devices at once, each at a person's pace
            if turn == 3:  # mid-story (the command ends, and the room closes, once the other eight finish)
                leaver.get_by_role("button", name="Leave this story").click()
                leaver.get_by_role("button", name="Tap again to leave the story").click()
                leaver.get_by_role("heading", name="You have left the story").wait_for()
                quitter.keyboard.press("Escape")
                quitter.keyboard.press("Escape")
                quitter.get_by_role("heading", name="Notes").wait_for()
            pages[0].wait_for_timeout(70)
            moving = [(page, s, _step(page)) for page, s in zip(pages, scripts, strict=True) if turn < len(s)]
            for page, s, _before in moving:
                for key in _keys_for(s[turn]):
                    page.keyboard.press(key)
            for page, _s, before in moving:
                page.wait_for_function("s => Number(document.body.dataset.step || -1) !== s", arg=before)
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        for page in pages[:9]:
            page.get_by_role("heading", name="The lesson has ended").wait_for()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for c in contexts:
            c.close()
    ends = [json.loads(line) for line in trace.read_text(encoding="utf-8").splitlines() if '"device_end"' in line]
    assert len(ends) == 8 and {e["tone"] for e in ends} <= {"safe", "help_sought", "risky"}
    with Store.open(tmp_path / "data") as store:
        [group] = store.device_play_groups()
        sessions = store.sessions()
    assert group["devices"] == 10 and group["finished"] == 8 and group["class_label"] == "Period 5"
    assert all(s["nickname"] is None and s["mode"] == "solo" for s in sessions)
