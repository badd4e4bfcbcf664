"""Facilitator sessions played headless: exact records, report numbers that match them, escaping, and SIGKILL safety."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from classroom_data import EVIL, EVIL_ESCAPED, PRIZE, TEAM

from game.cli import main
from game.session.store import DB_FILE

ROOT = Path(__file__).resolve().parents[2]
PLAN = ["Thursday works. What time do we start?", "Cool, see you there!"]
WHAT_NOW = ["Show the message to Ms. Tran", "Ask Ravi if he got it too", "Report and block the sender",
            "Tap the link to see the prize"]
# start, welcome, vote (majority A), tie 4-4 -> the teacher picks B, spot parts 3 and 4, vote won by B but the
# teacher overrides to A, then (auto) on through the ending, the class summary and the debrief to the summary
SCRIPT = "next next vote:12,5,3 next vote:4,4+2 next spot:3+4 next vote:2,9,1,1 override:1 auto:1"


def play_class(data: Path, label: str, capsys: pytest.CaptureFixture[str], script: str = SCRIPT,
               order: tuple[str, ...] = ("--file-order",)) -> None:
    """A headless class (options in the order written unless `order` says otherwise: these tests are about the
    records; test_shuffled_votes_are_recorded_in_file_order covers the shuffle)."""
    code = main(["play", "--headless", "--facilitator", "--class-label", label, "--scenario", "tutorial",
                 "--data-dir", str(data), "--script", script, *order])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "recorded decision" not in out  # the test hook stays out of normal output


def rows(db: Path, sql: str) -> list[dict]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql)]
    finally:
        conn.close()


def test_scripted_class_votes_write_exactly_the_expected_records(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    play_class(data, "Period 3", capsys)
    db = data / DB_FILE
    (s,) = rows(db, "SELECT * FROM sessions")
    assert (s["mode"], s["class_label"], s["scenario_id"], s["nickname"]) == ("facilitator", "Period 3", "tutorial",
                                                                              None)
    assert (s["ending_id"], s["ending_tone"], s["questions_reached"]) == ("end_help", "help_sought", 4)
    assert s["finished_at"] is not None
    got = [(d["seq"], d["node_id"], d["kind"], json.loads(d["options_json"]),
            json.loads(d["votes_json"]) if d["votes_json"] else None, d["chosen"], d["safer"], d["points"],
            d["hits"], d["misses"], d["false_alarms"],
            json.loads(d["selected_json"]) if d["selected_json"] else None)
           for d in rows(db, "SELECT * FROM decisions ORDER BY seq")]
    assert got == [
        (1, "team_name", "choice", TEAM, [12, 5, 3], 0, 0, 2, 0, 0, 0, None),
        (2, "plan", "choice", PLAN, [4, 4], 1, 0, 1, 0, 0, 0, None),
        (3, "prize", "spot", PRIZE, None, None, None, 4, 2, 0, 0, [2, 3]),
        (4, "what_now", "choice", WHAT_NOW, [2, 9, 1, 1], 0, 0, 4, 0, 0, 0, None),
    ]

    out = tmp_path / "class.csv"
    assert main(["report", "--data-dir", str(data), "-o", str(out)]) == 0
    capsys.readouterr()
    table = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8").lstrip("\ufeff"))))
    (group,) = [r for r in table if r["record"] == "session"]
    assert (group["mode"], group["class_label"], group["questions_reached"], group["ending_tone"]) == (
        "facilitator", "Period 3", "4", "help_sought")
    assert (group["hits"], group["misses"], group["false_alarms"]) == ("2", "0", "0")
    decisions = {r["node_id"]: r for r in table if r["record"] == "decision"}
    assert {n: (d["times_decided"], d["chose_safer"]) for n, d in decisions.items() if d["kind"] == "choice"} == {
        "team_name": ("1", "1"), "plan": ("1", "0"), "what_now": ("1", "1")}
    options = [r for r in table if r["record"] == "option"]
    counts = {(r["node_id"], r["option"]): (int(r["count"]), int(r["percent"])) for r in options}
    assert [counts[("team_name", c)] for c in "ABC"] == [(12, 60), (5, 25), (3, 15)]
    assert [counts[("plan", c)] for c in "AB"] == [(4, 50), (4, 50)]
    assert [counts[("what_now", c)] for c in "ABCD"] == [(2, 15), (9, 69), (1, 8), (1, 8)]
    followed = {(r["node_id"], r["option"]) for r in options if r["followed"] == "1"}
    assert followed == {("team_name", "A"), ("plan", "B"), ("what_now", "A")}
    safer = {(r["node_id"], r["option"]) for r in options if r["safer"] == "yes"}
    assert {("plan", "A"), ("what_now", "A")} <= safer
    marked = {r["option"] for r in options if r["node_id"] == "prize" and r["count"] == "1"}
    assert marked == {"C", "D"}


def test_a_hostile_class_label_is_escaped_in_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    play_class(data, EVIL, capsys, "next next vote:3,1,0")
    (s,) = rows(data / DB_FILE, "SELECT class_label FROM sessions")
    assert s["class_label"] == EVIL  # kept as typed; escaped where it is shown
    out = tmp_path / "class.html"
    assert main(["report", "--data-dir", str(data), "-o", str(out)]) == 0
    capsys.readouterr()
    html = out.read_text(encoding="utf-8")
    assert EVIL_ESCAPED in html and EVIL not in html


# -- SIGKILL in the middle of a lesson ----------------------------------------------------------------------------

KILL_SCRIPT = " ".join(f"auto:{n}" for n in range(1, 9))  # eight stories in a row, random class votes


def run_and_kill(data: Path, lines: int, delay: float, pack: Path) -> tuple[list[int], float]:
    """Start a headless class, read `lines` decision lines, wait `delay` s, SIGKILL it; returns every id printed."""
    env = {**os.environ, "RFR_PRINT_RECORDS": "1", "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
           "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "play", "--headless", "--facilitator", "--class-label", "Kill test",
         "--data-dir", str(data), "--pack", str(pack), "--scenario", "tutorial", "--script", KILL_SCRIPT],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT, env=env)
    ids: list[int] = []
    start = time.perf_counter()
    assert proc.stdout is not None
    try:
        while len(ids) < lines:
            line = proc.stdout.readline()
            if not line:
                break
            if line.startswith("recorded decision "):
                ids.append(int(line.split()[-1]))
        time.sleep(delay)  # some kills land in the middle of the next decision's write
        os.kill(proc.pid, signal.SIGKILL)
        rest = proc.stdout.read()  # printed before the kill: confirmed, so it must be kept too
        ids.extend(int(ln.split()[-1]) for ln in rest.splitlines() if ln.startswith("recorded decision "))
    finally:
        proc.wait()
        proc.stdout.close()
    return ids, time.perf_counter() - start


def test_sigkill_at_twenty_points_keeps_every_confirmed_decision(tmp_path: Path) -> None:
    pack = tmp_path / "pack"  # the practice round alone: each run starts fast and plays it again and again
    pack.mkdir()
    (pack / "tutorial.yaml").write_bytes((ROOT / "scenarios" / "en" / "tutorial.yaml").read_bytes())
    points = [(lines, delay) for lines in range(1, 6) for delay in (0.0, 0.012, 0.025, 0.04)]  # 20 moments
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda p: (p, *run_and_kill(tmp_path / f"k{p[0]}-{p[1]}", *p, pack)), points))
    for (k, delay), ids, _secs in results:
        assert len(ids) >= k, f"the run for kill point {k} ended early"
        conn = sqlite3.connect(tmp_path / f"k{k}-{delay}" / DB_FILE)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            kept = {r[0] for r in conn.execute("SELECT id FROM decisions")}
            labels = {r[0] for r in conn.execute("SELECT DISTINCT class_label FROM sessions")}
        finally:
            conn.close()
        assert set(ids) <= kept, f"kill point {k}: lost {sorted(set(ids) - kept)}"
        assert labels == {"Kill test"}


@pytest.mark.parametrize("script, message", [
    ("next vote:1,2", "there is no class vote on this screen"),
    ("next next vote:1,2", "2 count(s) given, but this choice shows 3"),
    ("next next override:2", "reveal a vote first"),
    ("next next vote:5,1,1 override:1", "that is the majority's option"),
    ("next next vote:5,1,1+2", "+N picks on a tie"),
    ("next next vote:4,4,1+3", "option 3 is not one of the tied options"),
    ("next next vote:1,x", "bad vote step"),
])
def test_misplaced_or_malformed_vote_steps_are_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                             script: str, message: str) -> None:
    code = main(["play", "--headless", "--facilitator", "--scenario", "tutorial", "--data-dir", str(tmp_path),
                 "--script", script])
    assert code == 2 and message in capsys.readouterr().err
