"""Radar check records: the migration from version 1, answers kept as given (SIGKILL-safe), the run, the trace."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from game.content.catalog import scenarios_dir
from game.content.radar import Form
from game.content.radar_check import load_radar_set
from game.session.radar import RadarRun, default_form, form_of, phase_of, respondent_for
from game.session.store import DB_FILE, MIGRATIONS, SCHEMA_VERSION, Store
from game.session.trace import Trace

ROOT = Path(__file__).resolve().parents[2]
SET = load_radar_set(scenarios_dir() / "radar")


def _version_1(folder: Path) -> None:
    """A records file as version 1 of the game wrote it, with one finished session."""
    conn = sqlite3.connect(folder / DB_FILE, isolation_level=None)
    conn.executescript(MIGRATIONS[0])
    conn.execute("INSERT INTO sessions (started_at, scenario_id, mode) VALUES ('2026-01-05T10:00:00+00:00', 'x', "
                 "'solo')")
    conn.execute("PRAGMA user_version = 1")
    conn.close()


def test_an_old_records_file_upgrades_and_keeps_its_sessions(tmp_path: Path) -> None:
    _version_1(tmp_path)
    with Store.open_readonly(tmp_path) as ro:  # a report reads it as it is, never upgrading it
        assert ro is not None and ro.radar_runs() == [] and ro.radar_answers() == [] and len(ro.sessions()) == 1
    conn = sqlite3.connect(tmp_path / DB_FILE)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
    with Store.open(tmp_path) as s:
        assert s.persistent and len(s.sessions()) == 1
        run, who = s.start_radar_run(phase="before", form="A")
        s.record_radar_answer(run, item_id="a01", truth=True, tags=["stage.trust"], answer="flag", confidence=2)
    conn = sqlite3.connect(tmp_path / DB_FILE)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 2
    conn.close()
    with Store.open(tmp_path) as s:
        [row] = s.radar_answers()
        assert (row["item_id"], row["truth"], row["answer"], row["confidence"], row["tags"]) == (
            "a01", True, "flag", 2, ["stage.trust"])
        assert s.radar_runs()[0]["respondent"] == who == 1


def test_answers_and_hands_round_trip_and_bad_ones_are_refused(tmp_path: Path) -> None:
    with Store.open(tmp_path) as s:
        run, _ = s.start_radar_run(phase="after", form="B", mode="facilitator", class_label="Period 3")
        s.record_radar_answer(run, item_id="b01", truth=True, tags=[], hands=(18, 25))
        for bad in ({"answer": "maybe"}, {}, {"answer": "ok", "hands": (1, 2)}, {"hands": (5, 4)}):
            with pytest.raises(ValueError):
                s.record_radar_answer(run, item_id="b02", truth=False, tags=[], **bad)  # type: ignore[arg-type]
        with pytest.raises(ValueError):
            s.start_radar_run(phase="during", form="A")
        s.finish_radar_run(run)
        assert s.radar_answers()[0]["hands_flag"] == 18 and s.radar_runs()[0]["finished_at"]
        s.clear_all()
        assert s.radar_runs() == [] and s.radar_answers() == []


def test_a_run_records_traces_and_scores(tmp_path: Path) -> None:
    trace = Trace()
    with Store.open(tmp_path) as s:
        run = RadarRun.start(SET, "before", store=s, trace=trace)
        assert run.form is Form.A and len(run.items) == 16
        for item in list(run.items):
            run.answer(item.flag, confidence=3 if item.flag else None)  # every answer right
        with pytest.raises(ValueError):
            run.answer(True)
        result = run.finish()
        run.finish()  # once only
        assert len(s.radar_answers()) == 16 and s.radar_runs()[0]["finished_at"]
    events = trace.events("radar")
    assert [e["shown"] for e in events] == list(range(1, 17))
    first = events[0]
    assert {k: first[k] for k in ("event", "item", "form", "flag", "answer")} == {
        "event": "radar", "item": "a01", "form": "A", "flag": True, "answer": "flag"}
    [end] = trace.events("radar_score")
    assert (end["hits"], end["false_alarms"], end["correct_rejections"], end["misses"]) == (8, 0, 8, 0)
    assert end["d_prime"] == round(result.d_prime, 3) > 3 and end["c"] == 0.0


def test_counterbalancing_and_respondent_pairing() -> None:
    assert default_form("before", [], "solo", None) is Form.A
    assert default_form("after", [], "solo", None) is Form.B
    runs: list[dict[str, object]] = [{"phase": "before", "form": "B", "mode": "facilitator", "class_label": "P3",
                                      "respondent": 4}]
    assert default_form("after", runs, "facilitator", "P3") is Form.A
    assert default_form("after", runs, "facilitator", "P4") is Form.B
    assert default_form("refresh", runs, "solo", None) is Form.REFRESH
    assert respondent_for("after", runs, "facilitator", "P3") == 4
    assert respondent_for("before", runs, "facilitator", "P3") is None
    solo: list[dict[str, object]] = [{"phase": "before", "mode": "solo", "respondent": 1},
                                     {"phase": "after", "mode": "solo", "respondent": 1},
                                     {"phase": "before", "mode": "solo", "respondent": 2}]
    assert respondent_for("after", solo, "solo", None) == 2
    assert respondent_for("after", solo[:2], "solo", None) is None  # 1 already has an after: a new respondent
    assert phase_of("PRE") == "before" and phase_of("post") == "after" and phase_of("refresh") == "refresh"
    with pytest.raises(ValueError):
        phase_of("later")
    assert form_of("b") is Form.B
    with pytest.raises(ValueError):
        form_of("C")


def test_the_check_never_starts_on_a_broken_set() -> None:
    broken = load_radar_set(ROOT / "tests" / "fixtures" / "radar" / "R503")
    with pytest.raises(ValueError, match="errors"):
        RadarRun.start(broken, "before")


CHILD = r"""
import sys
from pathlib import Path
from game.session.store import Store

store = Store.open(Path(sys.argv[1]))
run, _ = store.start_radar_run(phase="before", form="A", mode="facilitator", class_label="K")
for i in range(1, 100_000):
    aid = store.record_radar_answer(run, item_id=f"a{i}", truth=i % 2 == 0, tags=[], answer="flag", confidence=1)
    print(aid, flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("lines", [1, 4, 9])
def test_sigkill_never_loses_a_confirmed_answer(tmp_path: Path, lines: int) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(tmp_path)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=ROOT, env=env)
    watchdog = threading.Timer(20, proc.kill)
    watchdog.start()
    try:
        assert proc.stdout is not None
        printed = {int(proc.stdout.readline()) for _ in range(lines)}
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        printed |= {int(x) for x in proc.stdout.read().split(b"\n")[:-1]}
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()
    conn = sqlite3.connect(tmp_path / DB_FILE)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = {r[0] for r in conn.execute("SELECT id FROM radar_answers")}
    finally:
        conn.close()
    assert printed <= stored
