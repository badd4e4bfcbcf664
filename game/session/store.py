"""SQLite record store for sessions, decisions and progress: crash-safe, versioned, never raising on I/O."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Optional, Sequence, TypeVar

from . import device_plays, device_store
from .atomic import describe_os_error, move_aside
from .lang import _
from .queries import DECISIONS_SQL, GROUPS_SQL, OPTIONS_SQL

T = TypeVar("T")

DB_FILE = "records.sqlite3"
COMPANIONS = ("-wal", "-shm", "-journal")
MODES = ("solo", "facilitator")
KINDS = ("choice", "spot")

# Forward migrations; MIGRATIONS[i] takes the schema from version i to version i + 1.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        started_at TEXT,
        finished_at TEXT NULL,
        scenario_id TEXT,
        mode TEXT CHECK(mode IN ('solo', 'facilitator')),
        class_label TEXT NULL,
        nickname TEXT NULL,
        ending_id TEXT NULL,
        ending_tone TEXT NULL,
        score INTEGER NULL,
        best_score INTEGER NULL,
        questions_reached INTEGER DEFAULT 0
    );
    CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        session_id INTEGER REFERENCES sessions(id),
        seq INTEGER,
        node_id TEXT,
        kind TEXT CHECK(kind IN ('choice', 'spot')),
        options_json TEXT,
        votes_json TEXT NULL,
        chosen INTEGER NULL,
        safer INTEGER NULL,
        points INTEGER,
        hits INTEGER DEFAULT 0,
        misses INTEGER DEFAULT 0,
        false_alarms INTEGER DEFAULT 0,
        selected_json TEXT NULL,
        created_at TEXT
    );
    CREATE INDEX decisions_session_id ON decisions(session_id);
    CREATE TABLE progress (
        nickname TEXT,
        scenario_id TEXT,
        best_score INTEGER,
        stars INTEGER,
        badges_json TEXT,
        completed INTEGER,
        updated_at TEXT,
        PRIMARY KEY (nickname, scenario_id)
    );
    """,
    # 2: the radar check (one run per check taken; one answer per item, written as it is given)
    """
    CREATE TABLE radar_runs (
        id INTEGER PRIMARY KEY,
        started_at TEXT,
        finished_at TEXT NULL,
        phase TEXT CHECK(phase IN ('before', 'after', 'refresh')),
        form TEXT,
        mode TEXT CHECK(mode IN ('solo', 'facilitator')),
        class_label TEXT NULL,
        respondent INTEGER
    );
    CREATE TABLE radar_answers (
        id INTEGER PRIMARY KEY,
        run_id INTEGER REFERENCES radar_runs(id),
        seq INTEGER,
        item_id TEXT,
        truth INTEGER,
        tags_json TEXT,
        answer TEXT NULL CHECK(answer IN ('flag', 'ok') OR answer IS NULL),
        confidence INTEGER NULL,
        hands_flag INTEGER NULL,
        hands_counted INTEGER NULL,
        created_at TEXT
    );
    CREATE INDEX radar_answers_run_id ON radar_answers(run_id);
    """,
    # 3: votes from students' devices (the sources of each class vote, anonymous per-device answers)
    device_store.MIGRATION,
    # 4: a radar check taken with devices (each device's answer beside the class's hands)
    device_store.RADAR_MIGRATION,
    # 5: stories played on students' own devices (which solo sessions, by room and anonymous device number)
    device_plays.MIGRATION,
]
SCHEMA_VERSION = len(MIGRATIONS)
RADAR_PHASES = ("before", "after", "refresh")

# Primary SQLite result codes that mean "the file or the disk", not "the program is wrong".
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_CORRUPT = 5, 6, 8, 11
_SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 13, 14, 26
_IO_CODES = {_SQLITE_BUSY, _SQLITE_LOCKED, 7, _SQLITE_READONLY, 10, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN,
             15, _SQLITE_NOTADB}


class RecordsUnreadable(Exception):
    """The records file exists but cannot be read for a report (damaged, from a newer version, or locked)."""


class _MoveAside(Exception):
    """The database file must be moved aside: ``reason`` is 'corrupt' or 'newer'."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _code(exc: sqlite3.Error) -> Optional[int]:
    """The primary SQLite result code (Python 3.11+), or None."""
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def _is_corruption(exc: sqlite3.Error) -> bool:
    """True when SQLite says the file is not a database or is damaged."""
    code = _code(exc)
    if code is None:
        return type(exc) is sqlite3.DatabaseError
    return code in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


def _is_io_problem(exc: sqlite3.Error) -> bool:
    """True for disk, lock and damage errors; False for programming errors (bad SQL, constraints)."""
    code = _code(exc)
    if code is None:
        return type(exc) in (sqlite3.OperationalError, sqlite3.DatabaseError)
    return code in _IO_CODES


def _describe(exc: BaseException, folder: Optional[Path]) -> str:
    """Why the records cannot be kept on disk, in plain words."""
    if isinstance(exc, OSError):
        return describe_os_error(exc)
    code = _code(exc) if isinstance(exc, sqlite3.Error) else None
    text = str(exc).lower()
    if code == _SQLITE_READONLY or "readonly" in text or "read-only" in text:
        return _("the data folder is read-only")
    if code == _SQLITE_FULL or "disk is full" in text:
        return _("the disk is full")
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED) or "locked" in text:
        return _("the records file is in use by another copy of the game")
    if folder is not None and not os.access(folder, os.W_OK):
        return _("the data folder is read-only")
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return _("the records file is damaged")
    return _("the records file cannot be used ({detail})").format(detail=exc)


def _now() -> str:
    """UTC time stamp, ISO 8601 with milliseconds."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def _inserted_rowid(cur: sqlite3.Cursor) -> int:
    """The rowid of the row an INSERT just wrote (sqlite3 sets it after every successful INSERT)."""
    rowid = cur.lastrowid
    if rowid is None:  # pragma: no cover - not reachable after an INSERT; int(None) raised TypeError here before
        raise TypeError("the INSERT did not report a rowid")
    return rowid


def _statements(script: str) -> Iterator[str]:
    """Split a migration script into complete SQL statements."""
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            yield buf.strip()
            buf = ""
    if buf.strip():
        yield buf.strip()


def _rollback(conn: sqlite3.Connection) -> None:
    """Roll back an open transaction, ignoring errors (the connection may be broken)."""
    try:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    except sqlite3.Error:
        pass


def _migrate(conn: sqlite3.Connection) -> None:
    """Bring the schema up to SCHEMA_VERSION in one transaction (rechecked under the write lock)."""
    if conn.execute("PRAGMA user_version").fetchone()[0] >= SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        while version < SCHEMA_VERSION:
            for statement in _statements(MIGRATIONS[version]):
                conn.execute(statement)
            version += 1
            conn.execute(f"PRAGMA user_version = {int(version)}")
        conn.execute("COMMIT")
    except BaseException:
        _rollback(conn)
        raise


def _connect_memory() -> sqlite3.Connection:
    """A private in-memory database with foreign keys on (schema not created)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def _connect_readonly(path: Path, immutable: bool) -> tuple[sqlite3.Connection, int]:
    """A read-only connection to the records and their schema version (``immutable``: SQLite writes nothing at all,
    not even its shared-memory file, and reads the file as it stands)."""
    uri = f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=5.0)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("PRAGMA query_only=ON")
    except BaseException:
        conn.close()
        raise
    return conn, int(version)


def _open_file(path: Path) -> sqlite3.Connection:
    """Open and check the records file, set WAL/FULL/foreign keys and migrate.

    Raises _MoveAside for a damaged file or one from a newer schema; sqlite3.Error for other problems.
    """
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=5.0)
    try:
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise _MoveAside("newer")
            if conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
                raise _MoveAside("corrupt")
        except sqlite3.DatabaseError as exc:
            if _is_corruption(exc):
                raise _MoveAside("corrupt") from exc
            raise
        conn.execute("PRAGMA journal_mode=WAL").fetchone()
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        _migrate(conn)
        return conn
    except BaseException:
        conn.close()
        raise


def _identity(path: Path) -> Optional[tuple[int, int]]:
    """(device, inode) of the records file, or None when it is gone."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _loads(text: Optional[str]) -> Any:
    """Decode a JSON column (NULL stays None)."""
    return None if text is None else json.loads(text)


class Store:
    """Sessions, decisions and progress in SQLite; falls back to memory (``persistent`` False) on I/O trouble."""

    def __init__(self, conn: sqlite3.Connection, *, path: Optional[Path], persistent: bool,
                 notice: Optional[str] = None) -> None:
        self._conn = conn
        self.path = path
        self.persistent = persistent
        self.notice = notice
        self._identity = _identity(path) if persistent and path is not None else None

    # -- opening -----------------------------------------------------------------------------------------------

    @classmethod
    def open(cls, data_dir: Path) -> Store:
        """The store at ``data_dir/records.sqlite3``; damaged or newer files are moved aside, never deleted."""
        data_dir = Path(data_dir)
        path = data_dir / DB_FILE
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return cls.open_memory(_not_saved(describe_os_error(exc)))
        try:
            return cls(_open_file(path), path=path, persistent=True)
        except _MoveAside as damaged:
            reason = damaged.reason
        except (sqlite3.Error, OSError) as exc:
            return cls.open_memory(_not_saved(_describe(exc, data_dir)))
        try:
            kept = move_aside(path, reason, COMPANIONS)
        except OSError as exc:
            return cls.open_memory(_not_saved(_("the records file is damaged and could not be moved aside ({why})")
                                              .format(why=describe_os_error(exc))))
        if reason == "newer":
            notice = _("The saved records are from a newer version of Red Flag Radar, so new records were started. "
                       "The old file was kept as {name}.").format(name=kept.name)
        else:
            notice = _("The saved records file was damaged, so new records were started. "
                       "The old file was kept as {name}.").format(name=kept.name)
        try:
            return cls(_open_file(path), path=path, persistent=True, notice=notice)
        except (_MoveAside, sqlite3.Error, OSError) as exc:
            return cls.open_memory(notice + " " + _not_saved(_describe(exc, data_dir)))

    @classmethod
    def open_readonly(cls, data_dir: Path) -> Optional[Store]:
        """The existing records, opened read-only for reports; None when there are no records yet.

        Nothing is written, moved or created (an older schema is first brought up to date by ``open``).
        Raises RecordsUnreadable, with a plain message, for a damaged file or one from a newer version.
        """
        path = Path(data_dir) / DB_FILE
        if not path.is_file():
            return None
        # A folder that cannot be written cannot hold SQLite's shared-memory file either: read the file as it
        # stands (immutable). Otherwise read-only, and immutable as a second try if SQLite still wants to write.
        writable = os.access(path.parent, os.W_OK)
        conn, version = None, 0
        for immutable in ((False, True) if writable else (True,)):
            try:
                conn, version = _connect_readonly(path, immutable)
                break
            except sqlite3.Error as exc:
                if immutable or not (_code(exc) in (_SQLITE_READONLY, _SQLITE_CANTOPEN) or "readonly" in str(exc)):
                    raise RecordsUnreadable(_describe(exc, None if immutable else path.parent)) from exc
        assert conn is not None
        if version == 0:
            conn.close()
            return None
        if version > SCHEMA_VERSION:
            conn.close()
            raise RecordsUnreadable(_("the records are from a newer version of Red Flag Radar"))
        # an older file is read as it is (never upgraded by a report): newer tables simply read as empty
        return cls(conn, path=path, persistent=False)

    @classmethod
    def open_memory(cls, notice: Optional[str] = None) -> Store:
        """A store that keeps records only until the game closes."""
        conn = _connect_memory()
        _migrate(conn)
        return cls(conn, path=None, persistent=False, notice=notice)

    def close(self) -> None:
        """Close the database (safe to call twice)."""
        try:
            self._conn.close()
        except sqlite3.Error:
            pass

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing ----------------------------------------------------------------------------------------------

    def _degrade(self, notice: str) -> None:
        """Carry on in memory after a disk error, keeping what was already recorded when it can be read."""
        old = self._conn
        _rollback(old)
        mem = _connect_memory()
        try:
            old.backup(mem)
            if mem.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                raise sqlite3.DatabaseError("copy has the wrong schema")
        except sqlite3.Error:
            mem.close()
            mem = _connect_memory()
            _migrate(mem)
            mem.execute("PRAGMA foreign_keys=OFF")  # sessions started on disk are not here
        try:
            old.close()
        except sqlite3.Error:
            pass
        self._conn = mem
        self.persistent = False
        self.notice = notice

    def _check_still_there(self) -> None:
        """After a commit: when the records file was deleted, moved or replaced (its folder deleted while the game
        runs), the writes went nowhere anyone will find; carry on in memory with the notice."""
        if self.persistent and self.path is not None and _identity(self.path) != self._identity:
            self._degrade(_not_saved(_("the data folder was deleted or moved")))

    def _run(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``fn``; on a disk problem switch to memory and run it once more there."""
        try:
            return fn(self._conn)
        except sqlite3.Error as exc:
            if not self.persistent or not _is_io_problem(exc):
                raise
            self._degrade(_not_saved(_describe(exc, self.path.parent if self.path else None)))
            return fn(self._conn)

    def _write(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``fn`` in its own IMMEDIATE transaction, committed before returning."""

        def tx(conn: sqlite3.Connection) -> T:
            conn.execute("BEGIN IMMEDIATE")
            try:
                result = fn(conn)
                conn.execute("COMMIT")
            except BaseException:
                _rollback(conn)
                raise
            return result

        result = self._run(tx)
        self._check_still_there()
        return result

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        """Rows as dicts."""

        def query(conn: sqlite3.Connection) -> list[dict[str, Any]]:
            cur = conn.execute(sql, params)
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

        return self._run(query)

    # -- writes ------------------------------------------------------------------------------------------------

    def start_session(self, scenario_id: str, mode: str = "solo", class_label: Optional[str] = None,
                      nickname: Optional[str] = None,
                      after: Optional[Callable[[sqlite3.Connection, int], None]] = None) -> int:
        """Record the start of a play-through; returns the session id. `after(conn, session_id)` writes what belongs
        to the session in the same transaction (a device's play: device_plays)."""
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
        nickname = (nickname.strip() or None) if isinstance(nickname, str) else None

        def insert(conn: sqlite3.Connection) -> int:
            cur = conn.execute(
                "INSERT INTO sessions (started_at, scenario_id, mode, class_label, nickname) VALUES (?, ?, ?, ?, ?)",
                (_now(), scenario_id, mode, class_label, nickname),
            )
            session_id = _inserted_rowid(cur)
            if after is not None:
                after(conn, session_id)
            return session_id

        return self._write(insert)

    def record_decision(self, session_id: int, *, node_id: str, kind: str, options: list[str],
                        chosen: Optional[int], safer: Optional[int], points: int, votes: Optional[list[int]] = None,
                        hits: int = 0, misses: int = 0, false_alarms: int = 0,
                        selected: Optional[list[int]] = None,
                        after: Optional[Callable[[sqlite3.Connection, int], None]] = None) -> int:
        """Record one choice or spot task; returns the decision id once it is safely on disk. `after(conn, id)`
        writes what belongs to the decision in the same transaction (a class vote's device answers)."""
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
        if votes is not None and len(votes) != len(options):
            raise ValueError("votes must have one count per option")
        row = (
            session_id, session_id, node_id, kind, json.dumps(list(options)),
            None if votes is None else json.dumps([int(v) for v in votes]), chosen, safer, points,
            hits, misses, false_alarms, None if selected is None else json.dumps([int(i) for i in selected]), _now(),
        )

        def insert(conn: sqlite3.Connection) -> int:
            cur = conn.execute(
                "INSERT INTO decisions (session_id, seq, node_id, kind, options_json, votes_json, chosen, safer,"
                " points, hits, misses, false_alarms, selected_json, created_at)"
                " VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM decisions WHERE session_id = ?),"
                " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )
            decision_id = _inserted_rowid(cur)
            if after is not None:
                after(conn, decision_id)
            return decision_id

        return self._write(insert)

    def vote_sources(self) -> list[dict[str, Any]]:
        """Where each class vote's counts came from (hands, devices), by decision id."""
        return self._run(device_store.read_sources)

    def device_answers(self) -> list[dict[str, Any]]:
        """Each device's anonymous answer per decision."""
        return self._run(device_store.read_answers)

    def finish_session(self, session_id: int, *, ending_id: str, ending_tone: str, score: int, best_score: int,
                       questions_reached: int = 0) -> None:
        """Record the ending; ``questions_reached`` never lowers a count set earlier."""
        self._write(lambda conn: conn.execute(
            "UPDATE sessions SET finished_at = ?, ending_id = ?, ending_tone = ?, score = ?, best_score = ?,"
            " questions_reached = MAX(COALESCE(questions_reached, 0), ?) WHERE id = ?",
            (_now(), ending_id, ending_tone, score, best_score, questions_reached, session_id),
        ))

    def set_questions_reached(self, session_id: int, n: int) -> None:
        """How many debrief discussion questions the class got to."""
        self._write(lambda conn: conn.execute(
            "UPDATE sessions SET questions_reached = ? WHERE id = ?", (n, session_id)))

    def save_progress(self, nickname: Optional[str], scenario_id: str, *, score: int, stars: int,
                      badges: list[str]) -> None:
        """Keep the best score, most stars and every badge earned; nothing is kept without a nickname."""
        name = nickname.strip() if isinstance(nickname, str) else ""
        if not name:
            return

        def upsert(conn: sqlite3.Connection) -> None:
            old = conn.execute(
                "SELECT best_score, stars, badges_json FROM progress WHERE nickname = ? AND scenario_id = ?",
                (name, scenario_id),
            ).fetchone()
            merged = list(dict.fromkeys(badges))
            best, most = score, stars
            if old is not None:
                earlier = [b for b in (_loads(old[2]) or []) if isinstance(b, str)]
                merged = list(dict.fromkeys(earlier + merged))
                best = score if old[0] is None else max(old[0], score)
                most = stars if old[1] is None else max(old[1], stars)
            conn.execute(
                "INSERT OR REPLACE INTO progress (nickname, scenario_id, best_score, stars, badges_json, completed,"
                " updated_at) VALUES (?, ?, ?, ?, ?, 1, ?)",
                (name, scenario_id, best, most, json.dumps(merged), _now()),
            )

        self._write(upsert)

    def clear_all(self) -> None:
        """Delete every row of every table, then VACUUM and empty the WAL so nothing lingers on disk."""

        def wipe(conn: sqlite3.Connection) -> None:
            conn.execute("BEGIN IMMEDIATE")
            try:
                for table in (*device_store.TABLES, *device_plays.TABLES, "decisions", "sessions", "progress",
                              "radar_answers", "radar_runs"):
                    conn.execute(f"DELETE FROM {table}")  # fixed table names, no user input
                conn.execute("COMMIT")
            except BaseException:
                _rollback(conn)
                raise
            conn.execute("VACUUM")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

        self._run(wipe)

    # -- the radar check ---------------------------------------------------------------------------------------

    def start_radar_run(self, *, phase: str, form: str, mode: str = "solo", class_label: Optional[str] = None,
                        respondent: Optional[int] = None) -> tuple[int, int]:
        """Record the start of a radar check; returns (run id, respondent number). A respondent number is
        anonymous: a new one (the next free number) unless given, to pair a before with its after."""
        if phase not in RADAR_PHASES or mode not in MODES:
            raise ValueError(f"phase must be one of {RADAR_PHASES} and mode one of {MODES}")

        def insert(conn: sqlite3.Connection) -> tuple[int, int]:
            who = respondent
            if who is None:
                who = int(conn.execute("SELECT COALESCE(MAX(respondent), 0) + 1 FROM radar_runs").fetchone()[0])
            cur = conn.execute(
                "INSERT INTO radar_runs (started_at, phase, form, mode, class_label, respondent)"
                " VALUES (?, ?, ?, ?, ?, ?)", (_now(), phase, form, mode, class_label, who))
            return _inserted_rowid(cur), who

        return self._write(insert)

    def record_radar_answer(self, run_id: int, *, item_id: str, truth: bool, tags: list[str],
                            answer: Optional[str] = None, confidence: Optional[int] = None,
                            hands: Optional[tuple[int, int]] = None,
                            devices: Sequence[tuple[int, bool]] = ()) -> int:
        """One item's answer ('flag' or 'ok', with an optional confidence 1-3) or, leading a class, its show of
        hands (red-flag answers, answers counted: hands and `devices` added up, where `devices` are the anonymous
        device numbers and whether each said red flag); committed before returning, like a decision."""
        if (answer is None) == (hands is None) or answer not in (None, "flag", "ok"):
            raise ValueError("give an answer ('flag' or 'ok') or a show of hands, not both")
        if hands is not None and not 0 <= hands[0] <= hands[1]:
            raise ValueError("red-flag hands must be between 0 and the hands counted")
        if devices and (hands is None or sum(1 for _, f in devices if f) > hands[0] or len(devices) > hands[1]):
            raise ValueError("the devices' answers are part of the class's counts")
        row = (run_id, run_id, item_id, int(bool(truth)), json.dumps(list(tags)), answer, confidence,
               None if hands is None else int(hands[0]), None if hands is None else int(hands[1]), _now())

        def insert(conn: sqlite3.Connection) -> int:
            cur = conn.execute(
                "INSERT INTO radar_answers (run_id, seq, item_id, truth, tags_json, answer, confidence, hands_flag,"
                " hands_counted, created_at) VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM radar_answers"
                " WHERE run_id = ?), ?, ?, ?, ?, ?, ?, ?, ?)", row)
            answer_id = _inserted_rowid(cur)
            if devices:
                device_store.write_radar_devices(conn, answer_id, devices)
            return answer_id

        return self._write(insert)

    def radar_device_answers(self) -> list[dict[str, Any]]:
        """Each device's answer to a radar item taken by a class with devices (run, item, device number, answer)."""
        return self._run(device_store.read_radar_devices)

    def finish_radar_run(self, run_id: int) -> None:
        """Mark a radar check as taken to the end."""
        self._write(lambda conn: conn.execute("UPDATE radar_runs SET finished_at = ? WHERE id = ?", (_now(), run_id)))

    def _has_radar(self) -> bool:
        """False for a records file from before the radar check, opened read-only for a report."""
        return bool(self._read("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'radar_runs'"))

    def radar_runs(self) -> list[dict[str, Any]]:
        """Every radar check, oldest first."""
        return self._read("SELECT * FROM radar_runs ORDER BY id") if self._has_radar() else []

    def radar_answers(self) -> list[dict[str, Any]]:
        """Every radar answer in run and item order, tags decoded as ``tags``."""
        out: list[dict[str, Any]] = []
        if not self._has_radar():
            return out
        for r in self._read("SELECT * FROM radar_answers ORDER BY run_id, seq, id"):
            r["tags"] = _loads(r.pop("tags_json")) or []
            r["truth"] = bool(r["truth"])
            out.append(r)
        return out

    # -- reads -------------------------------------------------------------------------------------------------

    def progress(self, nickname: Optional[str]) -> dict[str, dict[str, Any]]:
        """scenario_id -> {"best_score", "stars", "badges", "completed"} for one nickname."""
        name = nickname.strip() if isinstance(nickname, str) else ""
        if not name:
            return {}
        rows = self._read(
            "SELECT scenario_id, best_score, stars, badges_json, completed FROM progress WHERE nickname = ?"
            " ORDER BY scenario_id",
            (name,),
        )
        return {
            r["scenario_id"]: {
                "best_score": r["best_score"],
                "stars": r["stars"],
                "badges": _loads(r["badges_json"]) or [],
                "completed": bool(r["completed"]),
            }
            for r in rows
        }

    def sessions(self) -> list[dict[str, Any]]:
        """Every session, oldest first, as dicts keyed by column name."""
        return self._read("SELECT * FROM sessions ORDER BY id")

    def decisions(self, session_id: int) -> list[dict[str, Any]]:
        """A session's decisions in order; JSON columns decoded as ``options``, ``votes`` and ``selected``."""
        out = []
        for r in self._read("SELECT * FROM decisions WHERE session_id = ? ORDER BY seq, id", (session_id,)):
            for column in ("options_json", "votes_json", "selected_json"):
                r[column[: -len("_json")]] = _loads(r.pop(column))
            out.append(r)
        return out

    def device_play_groups(self) -> list[dict[str, Any]]:
        """Stories played on students' devices, per lesson (room) and story: devices, finished, endings."""
        return self._run(device_plays.read_groups)

    def device_play_decisions(self) -> list[dict[str, Any]]:
        """Stories played on students' devices, per lesson, story and decision node."""
        return self._run(device_plays.read_decisions)

    def _report(self, sql: str) -> list[dict[str, Any]]:
        """A report query's rows, leaving out the sessions played on students' devices (their own report part)."""
        return self._read(device_plays.without_device_plays(sql) if self._run(device_plays.has_table) else sql)

    def report_groups(self) -> list[dict[str, Any]]:
        """Report groups (one facilitator session, or all solo sessions of a scenario) with session totals."""
        return self._report(GROUPS_SQL)

    def report_decisions(self) -> list[dict[str, Any]]:
        """Per group and decision node: times decided, safer choices made, spot hits, misses and false alarms."""
        return self._report(DECISIONS_SQL)

    def report_options(self) -> list[dict[str, Any]]:
        """Per group, decision node and option text: votes or choice counts (or marks), safer and followed."""
        return self._report(OPTIONS_SQL)


def _not_saved(why: str) -> str:
    """The standard notice for a store that lives only in memory."""
    return _("Progress is not being saved: {why}.").format(why=why)
