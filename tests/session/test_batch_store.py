"""The devices' records store: writes made together wait in one transaction until commit (one disk sync), each write
still all or nothing, and closing commits what waits."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from game.session.batch_store import BatchStore
from game.session.store import DB_FILE


def _on_disk(folder: Path) -> int:
    conn = sqlite3.connect(folder / DB_FILE)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM decisions").fetchone()[0])
    finally:
        conn.close()


def _decide(s: BatchStore, sid: int, node: str = "n") -> int:
    return s.record_decision(sid, node_id=node, kind="choice", options=["a", "b"], chosen=0, safer=0, points=1)


def test_writes_wait_for_commit_then_are_on_disk(tmp_path: Path) -> None:
    s = BatchStore.open(tmp_path)
    sid = s.start_session("x")
    s.commit()
    for n in range(3):
        _decide(s, sid, f"n{n}")
    assert s.pending and _on_disk(tmp_path) == 0, "nothing is visible before the commit"
    s.commit()
    assert not s.pending and _on_disk(tmp_path) == 3
    _decide(s, sid)
    s.close()
    assert _on_disk(tmp_path) == 4, "closing commits what waits"


def test_a_failing_write_undoes_only_itself(tmp_path: Path) -> None:
    s = BatchStore.open(tmp_path)
    sid = s.start_session("x")
    _decide(s, sid, "kept")

    def broken(conn: sqlite3.Connection, session_id: int) -> None:
        raise sqlite3.IntegrityError("halfway")

    with pytest.raises(sqlite3.IntegrityError):
        s.start_session("y", after=broken)
    _decide(s, sid, "also kept")
    s.commit()
    assert [r["scenario_id"] for r in s.sessions()] == ["x"]
    assert [d["node_id"] for d in s.decisions(sid)] == ["kept", "also kept"]
    s.close()
