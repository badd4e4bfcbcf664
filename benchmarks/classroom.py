"""Classroom figures: the class report over 100,000 recorded decisions vs the bare SQL aggregate queries."""

from __future__ import annotations

import json
import random
import sqlite3
import tempfile
from pathlib import Path

from game.content.catalog import scenarios_dir
from game.session.catalog import load_pack
from game.session.queries import REPORT_QUERIES
from game.session.store import DB_FILE, Store
from game.tools.report import write_report

from .common import Figure, interleaved

SESSIONS = 500
DECISIONS = 100_000
FACILITATOR_SHARE = 0.2

Point = tuple[str, str, list[str], int]  # node id, kind, option texts, safer index


def decision_points() -> dict[str, list[Point]]:
    """Every choice and spot node of the shipped scenarios, with its option texts and safer option."""
    out: dict[str, list[Point]] = {}
    for scn in load_pack(scenarios_dir() / "en").scenarios:
        points: list[Point] = []
        for nid, node in scn.nodes.items():
            if node.choices:
                best = max(range(len(node.choices)), key=lambda i: node.choices[i].points)  # type: ignore[index]
                points.append((nid, "choice", [c.text for c in node.choices], best))
            elif node.spot is not None:
                points.append((nid, "spot", [p.text for p in node.spot.parts], -1))
        if points:
            out[scn.id] = points
    return out


def write_records(folder: Path, sessions: int = SESSIONS, decisions: int = DECISIONS, seed: int = 7) -> None:
    """Fill a records file with `sessions` sessions and `decisions` decisions using executemany."""
    Store.open(folder).close()  # the real schema
    rng = random.Random(seed)
    points = decision_points()
    scenario_ids = sorted(points)
    session_rows = []
    plan: list[tuple[int, str, bool]] = []
    for sid in range(1, sessions + 1):
        facilitator = rng.random() < FACILITATOR_SHARE
        scenario = rng.choice(scenario_ids)
        tone = rng.choice(["safe", "help_sought", "risky"])
        session_rows.append((sid, "2026-11-28T10:00:00.000+00:00", "2026-11-28T10:40:00.000+00:00", scenario,
                             "facilitator" if facilitator else "solo", "Period 3" if facilitator else None,
                             None, f"end_{tone}", tone, rng.randint(0, 30), 30, rng.randint(0, 4)))
        plan.append((sid, scenario, facilitator))
    per_session = decisions // sessions
    decision_rows = []
    for sid, scenario, facilitator in plan:
        for seq in range(1, per_session + 1):
            node_id, kind, options, safer = points[scenario][(seq - 1) % len(points[scenario])]
            n = len(options)
            if kind == "spot":
                selected = sorted(rng.sample(range(n), rng.randint(0, n)))
                hits = rng.randint(0, 3)
                decision_rows.append((sid, seq, node_id, kind, json.dumps(options), None, None, None, hits,
                                      hits, rng.randint(0, 2), rng.randint(0, 2), json.dumps(selected)))
                continue
            chosen = rng.randrange(n)
            votes = json.dumps([rng.randint(0, 15) for _ in range(n)]) if facilitator else None
            decision_rows.append((sid, seq, node_id, kind, json.dumps(options), votes, chosen, safer,
                                  rng.randint(0, 4), 0, 0, 0, None))
    conn = sqlite3.connect(folder / DB_FILE)
    with conn:
        conn.executemany(
            "INSERT INTO sessions (id, started_at, finished_at, scenario_id, mode, class_label, nickname, ending_id,"
            " ending_tone, score, best_score, questions_reached) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            session_rows,
        )
        conn.executemany(
            "INSERT INTO decisions (session_id, seq, node_id, kind, options_json, votes_json, chosen, safer, points,"
            " hits, misses, false_alarms, selected_json, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2026-11-28T10:01:00.000+00:00')",
            decision_rows,
        )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def bare_queries(folder: Path) -> int:
    """The baseline: the report's aggregate SQL, run on a plain connection, rows fetched and nothing else."""
    conn = sqlite3.connect(folder / DB_FILE)
    try:
        return sum(len(conn.execute(sql).fetchall()) for sql in REPORT_QUERIES)
    finally:
        conn.close()


def figures() -> list[Figure]:
    """Class report (HTML and CSV) over 100,000 decisions in 500 sessions vs the bare SQL: target <= 2x."""
    out: list[Figure] = []
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        write_records(data)
        conn = sqlite3.connect(data / DB_FILE)
        count = conn.execute("SELECT COUNT(*) FROM decisions").fetchone()[0]
        conn.close()
        if count != DECISIONS:
            raise RuntimeError(f"expected {DECISIONS} decisions, wrote {count}")
        for fmt in ("html", "csv"):
            target = Path(tmp) / f"class.{fmt}"
            report = write_report(data, target, fmt)
            if report.decision_count != DECISIONS:
                raise RuntimeError(f"the report covers {report.decision_count} decisions, not {DECISIONS}")
            ours, bare = interleaved(lambda t=target, f=fmt: write_report(data, t, f), lambda: bare_queries(data),
                                     repeats=5)
            out.append(Figure(f"report {fmt} 100k decisions vs SQL", ours, bare, 2.0))
    return out
