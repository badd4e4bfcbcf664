"""Devices' votes in the records: migration 3 on a version-2 file, a vote's sources and anonymous answers written
with the decision in one transaction (both or neither), Clear all data, and the order shown -> file order."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from game.session import device_store
from game.session.device_store import VoteSplit, writer
from game.session.store import DB_FILE, MIGRATIONS, SCHEMA_VERSION, Store


def _version_2(folder: Path) -> None:
    conn = sqlite3.connect(folder / DB_FILE, isolation_level=None)
    for script in MIGRATIONS[:2]:
        conn.executescript(script)
    conn.execute("INSERT INTO sessions (started_at, scenario_id, mode) VALUES ('2026-01-05T10:00:00+00:00', 'x', "
                 "'facilitator')")
    conn.execute("PRAGMA user_version = 2")
    conn.close()


def test_a_version_2_file_upgrades_and_a_report_reads_it_as_it_is(tmp_path: Path) -> None:
    _version_2(tmp_path)
    with Store.open_readonly(tmp_path) as ro:
        assert ro is not None and ro.vote_sources() == [] and ro.device_answers() == []
        assert ro.radar_device_answers() == []
    with Store.open(tmp_path) as s:
        assert s.persistent and len(s.sessions()) == 1
    conn = sqlite3.connect(tmp_path / DB_FILE)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 5
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"vote_sources", "device_answers", "radar_device_answers"} <= tables
    conn.close()


def test_a_vote_with_devices_round_trips(tmp_path: Path) -> None:
    split = VoteSplit((3, 0, 1), (2, 4, 0), ((1, 1), (2, 0), (3, 1), (4, 1), (5, 1), (6, 0)), 7)
    with Store.open(tmp_path) as s:
        sid = s.start_session("x", mode="facilitator")
        did = s.record_decision(sid, node_id="n", kind="choice", options=["a", "b", "c"], chosen=1, safer=1,
                                points=2, votes=split.totals, after=writer(split))
    with Store.open(tmp_path) as s:
        [row] = s.decisions(sid)
        assert row["votes"] == [5, 4, 1] and row["id"] == did
        assert s.vote_sources() == [{"decision_id": did, "hands": [3, 0, 1], "devices": [2, 4, 0], "joined": 7}]
        answers = s.device_answers()
        assert [(a["device"], a["option"]) for a in answers] == list(split.answers)
        assert all(set(a) == {"decision_id", "device", "option"} for a in answers), "no token, no name"


def test_decision_and_device_answers_are_one_transaction(tmp_path: Path) -> None:
    def broken(conn: sqlite3.Connection, decision_id: int) -> None:
        device_store.write_split(conn, decision_id, VoteSplit((1,), (1,), ((1, 0),), 1))
        raise sqlite3.IntegrityError("the disk went away halfway")

    with Store.open(tmp_path) as s:
        sid = s.start_session("x", mode="facilitator")
        with pytest.raises(sqlite3.IntegrityError):
            s.record_decision(sid, node_id="n", kind="choice", options=["a"], chosen=0, safer=0, points=0,
                              votes=[2], after=broken)
        assert s.decisions(sid) == [] and s.vote_sources() == [] and s.device_answers() == []


def test_clear_all_data_clears_device_answers(tmp_path: Path) -> None:
    split = VoteSplit((0, 1), (1, 0), ((1, 0),), 1)
    with Store.open(tmp_path) as s:
        sid = s.start_session("x", mode="facilitator")
        s.record_decision(sid, node_id="n", kind="choice", options=["a", "b"], chosen=0, safer=0, points=0,
                          votes=split.totals, after=writer(split))
        s.clear_all()
        assert s.vote_sources() == [] and s.device_answers() == [] and s.sessions() == []


def test_reordering_a_split_from_shown_to_file_order() -> None:
    shown = VoteSplit((1, 2, 3), (4, 5, 6), ((1, 0), (2, 2)), 2)
    file_order = shown.reordered([2, 0, 1])  # file option 0 was shown third
    assert file_order.hands == (3, 1, 2) and file_order.devices == (6, 4, 5)
    assert file_order.answers == ((1, 1), (2, 0)) and file_order.totals == [9, 5, 7]
