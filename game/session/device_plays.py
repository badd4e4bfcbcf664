"""Stories played on students' own devices in the records: each device's play-through is an anonymous solo session,
marked with the lesson's room (a random id, never the room code or a token) and the device's anonymous number."""

from __future__ import annotations

import secrets
import sqlite3
from datetime import datetime, timezone
from typing import Any, Optional

MIGRATION = """
CREATE TABLE device_plays (
    session_id INTEGER PRIMARY KEY REFERENCES sessions(id),
    room TEXT,
    device INTEGER,
    created_at TEXT
);
"""
"""Migration 5: which sessions were played on students' devices, by room (one lesson) and anonymous device number."""
TABLES = ("device_plays",)
"""Cleared before the sessions they point to (Clear all data)."""

GROUPS_SQL = """
SELECT p.room AS room, s.scenario_id AS scenario_id, MAX(s.class_label) AS class_label,
       MIN(s.started_at) AS first_started, COUNT(*) AS devices,
       SUM(s.finished_at IS NOT NULL) AS finished,
       SUM(COALESCE(s.ending_tone = 'safe', 0)) AS ended_safe,
       SUM(COALESCE(s.ending_tone = 'help_sought', 0)) AS ended_help_sought,
       SUM(COALESCE(s.ending_tone = 'risky', 0)) AS ended_risky
FROM device_plays AS p JOIN sessions AS s ON s.id = p.session_id
GROUP BY p.room, s.scenario_id
ORDER BY MIN(s.id)
"""
"""One row per lesson and story: devices that started it, finished it, and their endings by tone."""

DECISIONS_SQL = """
SELECT p.room AS room, s.scenario_id AS scenario_id, d.node_id AS node_id, d.kind AS kind,
       COUNT(*) AS decisions, MIN(d.seq) AS first_seq,
       SUM(COALESCE(d.chosen = d.safer, 0)) AS chose_safer,
       SUM(COALESCE(d.hits, 0)) AS hits, SUM(COALESCE(d.misses, 0)) AS misses,
       SUM(COALESCE(d.false_alarms, 0)) AS false_alarms
FROM decisions AS d JOIN device_plays AS p ON p.session_id = d.session_id JOIN sessions AS s ON s.id = d.session_id
GROUP BY p.room, s.scenario_id, d.node_id, d.kind
ORDER BY p.room, s.scenario_id, MIN(d.seq), d.node_id
"""
"""One row per lesson, story and decision node: how many devices decided there and how many chose the safer
option; spot tasks' hits, misses and false alarms."""


def new_room() -> str:
    """A random id for one room's device play (groups a lesson's devices in the report; says nothing else)."""
    return secrets.token_hex(8)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def write_device_play(conn: sqlite3.Connection, session_id: int, room: str, device: int) -> None:
    """Mark a session as one device's play (inside the session's own transaction: both or neither)."""
    conn.execute("INSERT INTO device_plays (session_id, room, device, created_at) VALUES (?, ?, ?, ?)",
                 (session_id, str(room)[:40], int(device), _now()))


def has_table(conn: sqlite3.Connection) -> bool:
    """True when the records have the device_plays table (an older file, read as it is, has not)."""
    row = conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'device_plays'").fetchone()
    return bool(row[0])


def without_device_plays(sql: str) -> str:
    """A report query (game/session/queries.py, sessions aliased `s`, one GROUP BY) that leaves out the sessions
    played on students' devices: they have their own part of the report and are never counted twice."""
    head, sep, tail = sql.partition("\nGROUP BY")
    if not sep or "\nWHERE " in head:
        raise ValueError("not a report query this can filter")
    return f"{head}\nWHERE s.id NOT IN (SELECT session_id FROM device_plays){sep}{tail}"


def _rows(conn: sqlite3.Connection, sql: str) -> list[dict[str, Any]]:
    if not has_table(conn):  # an older records file, read as it is
        return []
    cur = conn.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def read_groups(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Device play per lesson and story (GROUPS_SQL)."""
    return _rows(conn, GROUPS_SQL)


def read_decisions(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Device play per lesson, story and decision node (DECISIONS_SQL)."""
    return _rows(conn, DECISIONS_SQL)


class DeviceSessions:
    """The record store as one device's play-through writes to it: its session is an anonymous solo session (no
    nickname, the class label kept) marked as this room's device `device`, in the same transaction."""

    def __init__(self, store: Any, room: str, device: int, class_label: Optional[str] = None) -> None:
        self._store = store
        self.room = room
        self.device = device
        self.class_label = class_label

    def start_session(self, scenario_id: str, mode: str = "solo", class_label: Optional[str] = None,
                      nickname: Optional[str] = None) -> int:
        """Start the device's session (always solo and nameless) and mark it."""
        def after(conn: sqlite3.Connection, session_id: int) -> None:
            write_device_play(conn, session_id, self.room, self.device)

        return int(self._store.start_session(scenario_id, mode="solo", class_label=class_label or self.class_label,
                                             nickname=None, after=after))

    def save_progress(self, *args: Any, **kwargs: Any) -> None:
        """A device has no nickname: nothing is saved as progress."""

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)
