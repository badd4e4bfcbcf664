"""Record store: schema, exact round trips, progress, clearing, damaged or newer files, crash safety (SIGKILL)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

from game.session.store import DB_FILE, MIGRATIONS, SCHEMA_VERSION, Store

ROOT = Path(__file__).resolve().parents[2]
NOT_SAVED = "Progress is not being saved: "


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path)
    yield s
    s.close()


def _raw(folder: Path) -> sqlite3.Connection:
    return sqlite3.connect(folder / DB_FILE)


def _count(folder: Path, table: str) -> int:
    conn = _raw(folder)
    try:
        return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def _without_times(row: dict[str, Any], *keys: str) -> dict[str, Any]:
    for key in keys:
        assert datetime.fromisoformat(row.pop(key)).tzinfo is not None
    return row


# -- schema and connection settings ----------------------------------------------------------------------------


def test_fresh_store_has_schema_version_wal_and_pragmas(tmp_path: Path, store: Store) -> None:
    assert (store.persistent, store.notice, store.path) == (True, None, tmp_path / DB_FILE)
    assert SCHEMA_VERSION == len(MIGRATIONS) == 5
    conn = _raw(tmp_path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # WAL is stored in the file
        columns = {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in ("sessions", "decisions",
                                                                                        "progress")}
        indexes = [r[1] for r in conn.execute("PRAGMA index_list(decisions)")]
        index_cols = {i: [r[2] for r in conn.execute(f"PRAGMA index_info({i})")] for i in indexes}
    finally:
        conn.close()
    assert columns == {
        "sessions": ["id", "started_at", "finished_at", "scenario_id", "mode", "class_label", "nickname", "ending_id",
                     "ending_tone", "score", "best_score", "questions_reached"],
        "decisions": ["id", "session_id", "seq", "node_id", "kind", "options_json", "votes_json", "chosen", "safer",
                      "points", "hits", "misses", "false_alarms", "selected_json", "created_at"],
        "progress": ["nickname", "scenario_id", "best_score", "stars", "badges_json", "completed", "updated_at"],
    }
    assert ["session_id"] in index_cols.values()
    own = store._conn  # the store's own connection carries the per-connection pragmas
    assert own.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert own.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_reopening_keeps_records_and_does_not_migrate_again(tmp_path: Path) -> None:
    with Store.open(tmp_path) as s:
        sid = s.start_session("swap")
    with Store.open(tmp_path) as s:
        assert (s.persistent, s.notice) == (True, None)
        assert [r["id"] for r in s.sessions()] == [sid]


# -- sessions and decisions -----------------------------------------------------------------------------------


def test_session_and_decisions_round_trip_exactly(tmp_path: Path, store: Store) -> None:
    sid = store.start_session("job-offer", mode="facilitator", class_label="Period 3")
    d1 = store.record_decision(sid, node_id="n1", kind="choice", options=["Reply", "Ask a friend", "Block"],
                               chosen=1, safer=2, points=2, votes=[4, 10, 9])
    d2 = store.record_decision(sid, node_id="n2", kind="spot", options=["Hey!", "Don't tell anyone", "Pay is $900"],
                               chosen=None, safer=None, points=3, hits=2, misses=0, false_alarms=1,
                               selected=[0, 1, 2])
    store.set_questions_reached(sid, 2)
    store.finish_session(sid, ending_id="told-adult", ending_tone="help_sought", score=5, best_score=7,
                         questions_reached=3)
    other = store.start_session("lobby")
    assert (sid, d1, d2, other) == (1, 1, 2, 2)

    sessions = [_without_times(dict(r), "started_at") for r in store.sessions()]
    assert _without_times(sessions[0], "finished_at") == {
        "id": 1, "scenario_id": "job-offer", "mode": "facilitator", "class_label": "Period 3", "nickname": None,
        "ending_id": "told-adult", "ending_tone": "help_sought", "score": 5, "best_score": 7, "questions_reached": 3,
    }
    assert sessions[1] == {
        "id": 2, "finished_at": None, "scenario_id": "lobby", "mode": "solo", "class_label": None, "nickname": None,
        "ending_id": None, "ending_tone": None, "score": None, "best_score": None, "questions_reached": 0,
    }
    assert [_without_times(r, "created_at") for r in store.decisions(sid)] == [
        {"id": 1, "session_id": 1, "seq": 1, "node_id": "n1", "kind": "choice", "chosen": 1, "safer": 2, "points": 2,
         "hits": 0, "misses": 0, "false_alarms": 0, "options": ["Reply", "Ask a friend", "Block"],
         "votes": [4, 10, 9], "selected": None},
        {"id": 2, "session_id": 1, "seq": 2, "node_id": "n2", "kind": "spot", "chosen": None, "safer": None,
         "points": 3, "hits": 2, "misses": 0, "false_alarms": 1, "options": ["Hey!", "Don't tell anyone",
                                                                           "Pay is $900"],
         "votes": None, "selected": [0, 1, 2]},
    ]
    assert store.decisions(other) == []
    conn = _raw(tmp_path)  # what is on disk, column by column
    try:
        assert conn.execute("SELECT options_json, votes_json, selected_json FROM decisions ORDER BY id").fetchall() == [
            ('["Reply", "Ask a friend", "Block"]', "[4, 10, 9]", None),
            ('["Hey!", "Don\'t tell anyone", "Pay is $900"]', None, "[0, 1, 2]"),
        ]
    finally:
        conn.close()


def test_finish_never_lowers_questions_reached(store: Store) -> None:
    sid = store.start_session("swap")
    store.set_questions_reached(sid, 4)
    store.finish_session(sid, ending_id="e", ending_tone="safe", score=1, best_score=2)
    assert store.sessions()[0]["questions_reached"] == 4


def test_seq_counts_per_session(store: Store) -> None:
    a, b = store.start_session("a"), store.start_session("b")
    for sid in (a, b, a, a, b):
        store.record_decision(sid, node_id="n", kind="choice", options=["x"], chosen=0, safer=0, points=0)
    assert [d["seq"] for d in store.decisions(a)] == [1, 2, 3]
    assert [d["seq"] for d in store.decisions(b)] == [1, 2]


def test_bad_arguments_raise_value_error_and_write_nothing(tmp_path: Path, store: Store) -> None:
    with pytest.raises(ValueError):
        store.start_session("s", mode="classroom")
    sid = store.start_session("s")
    with pytest.raises(ValueError):
        store.record_decision(sid, node_id="n", kind="vote", options=["a"], chosen=0, safer=0, points=0)
    with pytest.raises(ValueError):
        store.record_decision(sid, node_id="n", kind="choice", options=["a", "b"], chosen=0, safer=0, points=0,
                              votes=[1])
    assert _count(tmp_path, "sessions") == 1 and _count(tmp_path, "decisions") == 0


# -- progress -------------------------------------------------------------------------------------------------


def test_progress_keeps_best_score_most_stars_and_all_badges(store: Store) -> None:
    store.save_progress("Blue Fox", "swap", score=8, stars=2, badges=["spotter"])
    store.save_progress("Blue Fox", "swap", score=5, stars=3, badges=["helper", "spotter"])
    store.save_progress("Blue Fox", "lobby", score=1, stars=1, badges=[])
    store.save_progress("Red Owl", "swap", score=2, stars=1, badges=["helper"])
    assert store.progress("Blue Fox") == {
        "lobby": {"best_score": 1, "stars": 1, "badges": [], "completed": True},
        "swap": {"best_score": 8, "stars": 3, "badges": ["spotter", "helper"], "completed": True},
    }
    assert store.progress("Red Owl") == {"swap": {"best_score": 2, "stars": 1, "badges": ["helper"],
                                                  "completed": True}}
    store.save_progress("Blue Fox", "swap", score=9, stars=1, badges=[])
    assert store.progress("Blue Fox")["swap"]["best_score"] == 9
    assert store.progress("Nobody") == {}


@pytest.mark.parametrize("nickname", [None, "", "   "])
def test_no_nickname_keeps_nothing(tmp_path: Path, store: Store, nickname: str | None) -> None:
    store.save_progress(nickname, "swap", score=5, stars=3, badges=["spotter"])
    assert _count(tmp_path, "progress") == 0
    assert store.progress(nickname) == {}
    sid = store.start_session("swap", nickname=nickname)
    assert store.sessions()[0]["id"] == sid and store.sessions()[0]["nickname"] is None


# -- clearing ---------------------------------------------------------------------------------------------------


def test_clear_all_empties_every_table_and_the_wal(tmp_path: Path, store: Store) -> None:
    sid = store.start_session("swap", mode="facilitator", class_label="7B", nickname="Blue Fox")
    store.record_decision(sid, node_id="n", kind="choice", options=["secret-text-xyz"], chosen=0, safer=0, points=1)
    store.save_progress("Blue Fox", "swap", score=1, stars=1, badges=["b"])
    store.clear_all()
    for table in ("sessions", "decisions", "progress"):
        assert _count(tmp_path, table) == 0
    assert store.sessions() == [] and store.progress("Blue Fox") == {}
    wal = tmp_path / (DB_FILE + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert b"secret-text-xyz" not in (tmp_path / DB_FILE).read_bytes()
    assert store.start_session("again") == 1  # still usable


# -- damaged or newer files -------------------------------------------------------------------------------------


def _asides(folder: Path, reason: str) -> list[Path]:
    return sorted(p for p in folder.glob(f"{DB_FILE}.{reason}-*") if not p.name.endswith(("-wal", "-shm")))


def test_newer_version_is_moved_aside_and_a_fresh_store_works(tmp_path: Path) -> None:
    conn = _raw(tmp_path)
    conn.execute("CREATE TABLE future (x TEXT)")
    conn.execute("INSERT INTO future VALUES ('from v99')")
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    with Store.open(tmp_path) as s:
        kept = _asides(tmp_path, "newer")
        assert len(kept) == 1
        assert s.persistent and s.notice is not None
        assert "newer version" in s.notice and kept[0].name in s.notice
        assert s.sessions() == []
        sid = s.start_session("swap")
        assert [r["id"] for r in s.sessions()] == [sid]
    old = sqlite3.connect(f"file:{kept[0]}?mode=ro", uri=True)
    try:
        assert old.execute("PRAGMA user_version").fetchone()[0] == 99
        assert old.execute("SELECT x FROM future").fetchall() == [("from v99",)]
    finally:
        old.close()
    assert _raw(tmp_path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_random_bytes_are_moved_aside_never_deleted(tmp_path: Path) -> None:
    garbage = random.Random(1234).randbytes(10_000)
    (tmp_path / DB_FILE).write_bytes(garbage)
    with Store.open(tmp_path) as s:
        kept = _asides(tmp_path, "corrupt")
        assert len(kept) == 1 and kept[0].read_bytes() == garbage
        assert s.persistent and s.notice is not None
        assert "damaged" in s.notice and kept[0].name in s.notice
        s.record_decision(s.start_session("swap"), node_id="n", kind="choice", options=["a"], chosen=0, safer=0,
                          points=1)
    with Store.open(tmp_path) as s:
        assert s.notice is None and len(s.sessions()) == 1
    assert kept[0].read_bytes() == garbage


def test_damaged_pages_fail_integrity_check_and_are_moved_aside(tmp_path: Path) -> None:
    with Store.open(tmp_path) as s:
        sid = s.start_session("swap")
        for i in range(300):
            s.record_decision(sid, node_id=f"node-{i}", kind="choice", options=["a" * 50, "b" * 50], chosen=0,
                              safer=1, points=i)
    path = tmp_path / DB_FILE
    assert not Path(f"{path}-wal").exists()  # checkpointed on close
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 6 * page
    data[2 * page:5 * page] = random.Random(7).randbytes(3 * page)  # keep the header valid, wreck three pages
    path.write_bytes(bytes(data))
    with Store.open(tmp_path) as s:
        kept = _asides(tmp_path, "corrupt")
        assert len(kept) == 1 and kept[0].read_bytes() == bytes(data)
        assert s.persistent and s.notice is not None and kept[0].name in s.notice
        assert s.sessions() == []


# -- unwritable data folder ----------------------------------------------------------------------------------------


def _exercise_memory_store(s: Store) -> None:
    sid = s.start_session("swap", nickname="Blue Fox")
    s.record_decision(sid, node_id="n", kind="choice", options=["a", "b"], chosen=0, safer=1, points=1)
    s.finish_session(sid, ending_id="e", ending_tone="safe", score=1, best_score=2)
    s.save_progress("Blue Fox", "swap", score=1, stars=1, badges=[])
    assert [d["node_id"] for d in s.decisions(sid)] == ["n"]
    assert s.progress("Blue Fox")["swap"]["best_score"] == 1
    s.clear_all()
    assert s.sessions() == []


def test_folder_that_cannot_be_created_degrades_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with Store.open(blocker / "data") as s:
        assert s.persistent is False and s.path is None
        assert s.notice == NOT_SAVED + "the data folder cannot be created."
        _exercise_memory_store(s)
    assert blocker.read_text() == "not a folder"


def test_data_dir_that_is_a_file_degrades_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    with Store.open(blocker) as s:
        assert s.persistent is False and s.notice is not None and s.notice.startswith(NOT_SAVED)
        _exercise_memory_store(s)


READ_ONLY_SNIPPET = """
import sys
from pathlib import Path
from game.session.store import Store
sys.path.insert(0, sys.argv[2])
from test_store import _exercise_memory_store
with Store.open(Path(sys.argv[1])) as s:
    print(s.persistent)
    print(s.notice)
    _exercise_memory_store(s)
"""


def _chmod_stops_writes(folder: Path) -> bool:
    probe = folder / ".probe"
    try:
        probe.write_text("x")
    except OSError:
        return True
    probe.unlink()
    return False


@pytest.mark.parametrize("existing", [False, True], ids=["empty-folder", "existing-records"])
def test_read_only_folder_chmod_degrades_to_memory(tmp_path: Path, run_unprivileged: Callable[..., str],
                                                   existing: bool) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    if existing:
        with Store.open(folder) as s:
            s.start_session("kept")
    before = sorted(p.name for p in folder.iterdir())
    os.chmod(folder, stat.S_IRUSR | stat.S_IXUSR)  # 0o500
    try:
        if _chmod_stops_writes(folder):
            with Store.open(folder) as s:
                persistent, notice = s.persistent, s.notice
                _exercise_memory_store(s)
        else:  # root: chmod does not bite, so run the same steps with root's override dropped
            persistent_text, notice = run_unprivileged(READ_ONLY_SNIPPET, folder, Path(__file__).parent).splitlines()
            persistent = persistent_text == "True"
        assert persistent is False
        assert notice == NOT_SAVED + "the data folder is read-only."
        assert sorted(p.name for p in folder.iterdir()) == before
    finally:
        os.chmod(folder, 0o700)
    if existing:
        with Store.open(folder) as s:
            assert [r["scenario_id"] for r in s.sessions()] == ["kept"]


class _FailingWrites:
    """Wraps a connection; every write transaction fails like a full disk."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if sql.startswith("BEGIN"):
            raise sqlite3.OperationalError("database or disk is full")
        return self.conn.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.conn, name)


def test_disk_failure_mid_session_keeps_going_in_memory_with_earlier_records(tmp_path: Path) -> None:
    with Store.open(tmp_path) as s:
        sid = s.start_session("swap")
        first = s.record_decision(sid, node_id="n1", kind="choice", options=["a"], chosen=0, safer=0, points=1)
        s._conn = _FailingWrites(s._conn)  # type: ignore[assignment]
        second = s.record_decision(sid, node_id="n2", kind="choice", options=["b"], chosen=0, safer=0, points=2)
        assert s.persistent is False and s.notice == NOT_SAVED + "the disk is full."
        assert [(d["id"], d["node_id"]) for d in s.decisions(sid)] == [(first, "n1"), (second, "n2")]
    assert _count(tmp_path, "decisions") == 1  # the disk kept what was confirmed before the failure


# -- crash safety ---------------------------------------------------------------------------------------------------

CHILD = r"""
import sys
from pathlib import Path
from game.session.store import Store

store = Store.open(Path(sys.argv[1]))
assert store.persistent and store.notice is None, store.notice
sid = store.start_session("kill-test", mode="facilitator", class_label="K")
for i in range(1, 100_000):
    did = store.record_decision(sid, node_id=f"n{i}", kind="choice", options=["a", "b", "c"], chosen=i % 3,
                                safer=0, points=i, votes=[i, 1, 2])
    print(did, flush=True)
"""


def _run_and_kill(folder: Path, lines: int, delay: float = 0.0) -> set[int]:
    """Start a writer, SIGKILL it ``delay`` s after ``lines`` confirmed ids (often mid-write); every id it printed."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(folder)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=ROOT, env=env)
    watchdog = threading.Timer(20, proc.kill)
    watchdog.start()
    try:
        assert proc.stdout is not None and proc.stderr is not None
        confirmed = []
        for _ in range(lines):
            line = proc.stdout.readline()
            assert line.endswith(b"\n"), proc.stderr.read().decode()
            confirmed.append(int(line))
        if delay:
            time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        assert proc.returncode == -signal.SIGKILL
        rest = proc.stdout.read()  # ids printed between our last read and the kill were confirmed too
        confirmed += [int(x) for x in rest.split(b"\n")[:-1]]
        return set(confirmed)
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()


KILL_POINTS = (1, 2, 3, 4, 5, 7, 9, 12, 15, 20, 1, 3, 6, 8, 11, 14, 18, 25, 30, 40)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_never_loses_a_confirmed_decision_or_corrupts_the_file(tmp_path: Path) -> None:
    """Twenty kills of writers on the same records file: right after a confirmed write, or a few milliseconds
    later (inside the next transaction, its commit or its fsync)."""
    printed: set[int] = set()
    rng = random.Random(20)
    for n in KILL_POINTS:
        printed |= _run_and_kill(tmp_path, n, rng.choice([0.0, 0.0005, 0.002, 0.005]))
        conn = _raw(tmp_path)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            stored = {r[0] for r in conn.execute("SELECT id FROM decisions")}
            per_session = conn.execute("SELECT session_id, COUNT(*), MIN(seq), MAX(seq) FROM decisions"
                                       " GROUP BY session_id").fetchall()
        finally:
            conn.close()
        assert printed <= stored, sorted(printed - stored)
        assert all(count == hi and lo == 1 for _, count, lo, hi in per_session)  # no torn or duplicated writes
    with Store.open(tmp_path) as s:
        assert (s.persistent, s.notice) == (True, None)
        assert len(s.sessions()) == len(KILL_POINTS)
        assert not _asides(tmp_path, "corrupt")
