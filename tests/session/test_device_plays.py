"""Stories played on students' devices in the records: migration 5 on a version-4 file (a report reads an older file
as it is), a device's session is solo and nameless and marked in the same transaction (both or neither), the
lesson's aggregates, Clear all data."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from game.session import device_plays
from game.session.device_plays import DeviceSessions, new_room
from game.session.store import DB_FILE, MIGRATIONS, SCHEMA_VERSION, Store


def _version_4(folder: Path) -> None:
    conn = sqlite3.connect(folder / DB_FILE, isolation_level=None)
    for script in MIGRATIONS[:4]:
        conn.executescript(script)
    conn.execute("INSERT INTO sessions (started_at, scenario_id, mode) VALUES ('2026-01-05T10:00:00+00:00', 'x', "
                 "'solo')")
    conn.execute("PRAGMA user_version = 4")
    conn.close()


def test_a_version_4_file_upgrades_and_a_report_reads_it_as_it_is(tmp_path: Path) -> None:
    _version_4(tmp_path)
    with Store.open_readonly(tmp_path) as ro:
        assert ro is not None and ro.device_play_groups() == [] and ro.device_play_decisions() == []
        assert len(ro.report_groups()) == 1, "an older file's report reads every session"
    with Store.open(tmp_path) as s:
        assert s.persistent and len(s.sessions()) == 1 and s.device_play_groups() == []
    conn = sqlite3.connect(tmp_path / DB_FILE)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 5
    assert conn.execute("SELECT COUNT(*) FROM device_plays").fetchone()[0] == 0
    conn.close()


def test_a_devices_session_is_solo_nameless_and_marked(tmp_path: Path) -> None:
    room = new_room()
    with Store.open(tmp_path) as s:
        a = DeviceSessions(s, room, 1, "Period 3")
        b = DeviceSessions(s, room, 2, "Period 3")
        sa = a.start_session("tutorial", mode="facilitator", nickname="Sam")
        sb = b.start_session("tutorial")
        a.record_decision(sa, node_id="n1", kind="choice", options=["x", "y"], chosen=0, safer=0, points=2)
        b.record_decision(sb, node_id="n1", kind="choice", options=["x", "y"], chosen=1, safer=0, points=0)
        b.record_decision(sb, node_id="n2", kind="spot", options=["p", "q"], chosen=None, safer=None, points=1,
                          hits=1, misses=1)
        a.finish_session(sa, ending_id="end_safe", ending_tone="safe", score=5, best_score=5, questions_reached=1)
        a.save_progress("Sam", "tutorial", score=5, stars=3, badges=[])
    with Store.open(tmp_path) as s:
        rows = s.sessions()
        assert [(r["mode"], r["nickname"], r["class_label"]) for r in rows] == [("solo", None, "Period 3")] * 2
        assert s.progress("Sam") == {}, "a device keeps no progress under a name"
        [group] = s.device_play_groups()
        assert group["room"] == room and group["devices"] == 2 and group["finished"] == 1
        assert group["ended_safe"] == 1 and group["class_label"] == "Period 3"
        decisions = {d["node_id"]: d for d in s.device_play_decisions()}
        assert decisions["n1"]["decisions"] == 2 and decisions["n1"]["chose_safer"] == 1
        assert decisions["n2"]["hits"] == 1 and decisions["n2"]["misses"] == 1
        conn = sqlite3.connect(tmp_path / DB_FILE)
        marks = conn.execute("SELECT session_id, room, device FROM device_plays ORDER BY device").fetchall()
        conn.close()
        assert marks == [(sa, room, 1), (sb, room, 2)]


def test_the_session_and_its_mark_are_one_transaction(tmp_path: Path) -> None:
    def broken(conn: sqlite3.Connection, session_id: int) -> None:
        device_plays.write_device_play(conn, session_id, "r", 1)
        raise sqlite3.IntegrityError("the disk went away halfway")

    with Store.open(tmp_path) as s:
        with pytest.raises(sqlite3.IntegrityError):
            s.start_session("x", after=broken)
        assert s.sessions() == [] and s.device_play_groups() == []


def test_clear_all_data_clears_device_plays(tmp_path: Path) -> None:
    with Store.open(tmp_path) as s:
        DeviceSessions(s, new_room(), 1).start_session("x")
        s.clear_all()
        assert s.sessions() == [] and s.device_play_groups() == []
        conn = sqlite3.connect(tmp_path / DB_FILE)
        assert conn.execute("SELECT COUNT(*) FROM device_plays").fetchone()[0] == 0
        conn.close()


def test_report_queries_leave_out_device_play() -> None:
    from game.session.queries import REPORT_QUERIES

    for sql in REPORT_QUERIES:
        filtered = device_plays.without_device_plays(sql)
        assert filtered.count("NOT IN (SELECT session_id FROM device_plays)") == 1
        assert filtered.index("device_plays") < filtered.index("\nGROUP BY")
    with pytest.raises(ValueError):
        device_plays.without_device_plays("SELECT 1")


def test_device_sessions_are_not_solo_play_in_the_report(tmp_path: Path) -> None:
    with Store.open(tmp_path) as s:
        solo = s.start_session("tutorial")
        s.record_decision(solo, node_id="n1", kind="choice", options=["x", "y"], chosen=0, safer=0, points=2)
        dev = DeviceSessions(s, new_room(), 1)
        sid = dev.start_session("tutorial")
        dev.record_decision(sid, node_id="n1", kind="choice", options=["x", "y"], chosen=1, safer=0, points=0)
        [group] = s.report_groups()
        assert (group["mode"], group["sessions"]) == ("solo", 1)
        [decision] = s.report_decisions()
        assert decision["decisions"] == 1 and decision["chose_safer"] == 1
        assert sum(o["count"] for o in s.report_options()) == 1
