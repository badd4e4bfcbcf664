"""Votes from students' devices in the records: where each class vote's counts came from (hands, devices) and each
device's answer under an anonymous number (its place in the room's join order; never a token, never a name)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable, Sequence

MIGRATION = """
CREATE TABLE vote_sources (
    decision_id INTEGER PRIMARY KEY REFERENCES decisions(id),
    hands_json TEXT,
    devices_json TEXT,
    devices_joined INTEGER
);
CREATE TABLE device_answers (
    id INTEGER PRIMARY KEY,
    decision_id INTEGER REFERENCES decisions(id),
    device INTEGER,
    option INTEGER,
    created_at TEXT
);
CREATE INDEX device_answers_decision_id ON device_answers(decision_id);
"""
"""Migration 3: the sources of a class vote's counts, and the devices' anonymous answers."""
RADAR_MIGRATION = """
CREATE TABLE radar_device_answers (
    id INTEGER PRIMARY KEY,
    answer_id INTEGER REFERENCES radar_answers(id),
    device INTEGER,
    answer TEXT CHECK(answer IN ('flag', 'ok')),
    created_at TEXT
);
CREATE INDEX radar_device_answers_answer_id ON radar_device_answers(answer_id);
"""
"""Migration 4: each device's answer to a radar item a class took with devices (the class's row holds hands and
devices added up; these rows say which of them came from devices, one anonymous respondent per device)."""
TABLES = ("device_answers", "vote_sources", "radar_device_answers")
"""Cleared before the decisions they point to (Clear all data)."""


@dataclass(frozen=True)
class VoteSplit:
    """A class vote's counts by source, per option (positions as shown, or in file order once `reordered`)."""

    hands: tuple[int, ...]
    devices: tuple[int, ...]
    answers: tuple[tuple[int, int], ...] = ()
    """(anonymous device number, option position) for each device that answered."""
    joined: int = 0
    """Devices in the room when the vote was revealed."""

    @property
    def totals(self) -> list[int]:
        """Hands and devices added up per option."""
        return [h + d for h, d in zip(self.hands, self.devices, strict=True)]

    def reordered(self, order: Sequence[int]) -> VoteSplit:
        """The same split with option j of the result taken from position order[j] (shown -> file order)."""
        where = {old: new for new, old in enumerate(order)}
        return VoteSplit(tuple(self.hands[k] for k in order), tuple(self.devices[k] for k in order),
                         tuple((dev, where[opt]) for dev, opt in self.answers if opt in where), self.joined)


def write_split(conn: sqlite3.Connection, decision_id: int, split: VoteSplit) -> None:
    """Write a vote's sources and its devices' answers (inside the decision's own transaction: both or neither)."""
    import json

    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    conn.execute("INSERT INTO vote_sources (decision_id, hands_json, devices_json, devices_joined) VALUES (?, ?, ?, ?)",
                 (decision_id, json.dumps([int(h) for h in split.hands]), json.dumps([int(d) for d in split.devices]),
                  int(split.joined)))
    conn.executemany("INSERT INTO device_answers (decision_id, device, option, created_at) VALUES (?, ?, ?, ?)",
                     [(decision_id, int(dev), int(opt), now) for dev, opt in split.answers])


def writer(split: VoteSplit) -> Callable[[sqlite3.Connection, int], None]:
    """`write_split` for this split, as `Store.record_decision(after=...)` wants it."""
    return lambda conn, decision_id: write_split(conn, decision_id, split)


def _has_tables(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'vote_sources'").fetchone()
    return bool(row[0])


def read_sources(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every vote's sources (an older records file, read as it is, has none)."""
    import json

    if not _has_tables(conn):
        return []
    rows = conn.execute("SELECT decision_id, hands_json, devices_json, devices_joined FROM vote_sources"
                        " ORDER BY decision_id").fetchall()
    return [{"decision_id": d, "hands": json.loads(h), "devices": json.loads(v), "joined": j} for d, h, v, j in rows]


def read_answers(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every device answer: the decision, the anonymous device number and the option (file order)."""
    if not _has_tables(conn):
        return []
    rows = conn.execute("SELECT decision_id, device, option FROM device_answers"
                        " ORDER BY decision_id, device").fetchall()
    return [{"decision_id": d, "device": n, "option": o} for d, n, o in rows]


def write_radar_devices(conn: sqlite3.Connection, answer_id: int, devices: Sequence[tuple[int, bool]]) -> None:
    """Write the devices' answers to one radar item (inside the class answer's own transaction: both or neither)."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    conn.executemany("INSERT INTO radar_device_answers (answer_id, device, answer, created_at) VALUES (?, ?, ?, ?)",
                     [(answer_id, int(dev), "flag" if said else "ok", now) for dev, said in devices])


def read_radar_devices(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every device's radar answer with its check and item (an older records file, read as it is, has none)."""
    row = conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'radar_device_answers'"
                       ).fetchone()
    if not row[0]:
        return []
    rows = conn.execute("SELECT a.run_id, a.item_id, d.device, d.answer FROM radar_device_answers d"
                        " JOIN radar_answers a ON a.id = d.answer_id ORDER BY a.run_id, a.seq, d.device").fetchall()
    return [{"run_id": r, "item_id": i, "device": n, "answer": a} for r, i, n, a in rows]
