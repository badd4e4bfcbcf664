"""The SQL aggregates behind the report agree with a plain Python recount; the benchmark data set is sound."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.classroom import bare_queries, write_records
from game.session.catalog import find_scenarios
from game.session.store import DB_FILE, Store
from game.tools.report_data import build_report


def recount(folder: Path) -> tuple[Counter[tuple], Counter[tuple]]:
    """Option counts and spot totals per (group, node), straight from the rows."""
    conn = sqlite3.connect(folder / DB_FILE)
    rows = conn.execute(
        "SELECT s.id, s.mode, s.scenario_id, d.node_id, d.kind, d.options_json, d.votes_json, d.chosen,"
        " d.selected_json, d.hits, d.misses, d.false_alarms FROM decisions d JOIN sessions s ON s.id = d.session_id"
    ).fetchall()
    conn.close()
    options: Counter[tuple] = Counter()
    spots: Counter[tuple] = Counter()
    for sid, mode, scenario, node, kind, opts, votes, chosen, selected, hits, misses, alarms in rows:
        group = (sid if mode == "facilitator" else None, mode, scenario, node, kind)
        texts = json.loads(opts)
        for i, text in enumerate(texts):
            if kind == "spot":
                add = int(i in (json.loads(selected) if selected else []))
            elif votes is not None:
                add = json.loads(votes)[i]
            else:
                add = int(chosen == i)
            options[(*group, text)] += add
        if kind == "spot":
            spots[(*group, "hits")] += hits
            spots[(*group, "misses")] += misses
            spots[(*group, "false_alarms")] += alarms
    return options, spots


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_report_matches_a_python_recount(tmp_path: Path, seed: int) -> None:
    write_records(tmp_path, sessions=30, decisions=900, seed=seed)
    store = Store.open_readonly(tmp_path)
    assert store is not None
    with store:
        report = build_report(store, find_scenarios)
    want_options, want_spots = recount(tmp_path)
    got_options: Counter[tuple] = Counter()
    got_spots: Counter[tuple] = Counter()
    for g in report.groups:
        for d in g.decisions:
            group = (g.session_id, g.mode, g.scenario_id, d.node_id, d.kind)
            for o in d.options:
                got_options[(*group, o.text)] += o.count
            if d.kind == "spot":
                got_spots[(*group, "hits")] += d.hits
                got_spots[(*group, "misses")] += d.misses
                got_spots[(*group, "false_alarms")] += d.false_alarms
    assert +got_options == +want_options
    assert +got_spots == +want_spots
    assert report.decision_count == 900
    assert sum(g.sessions for g in report.groups) == 30


def test_benchmark_baseline_runs_the_same_queries(tmp_path: Path) -> None:
    write_records(tmp_path, sessions=10, decisions=200)
    assert bare_queries(tmp_path) > 0


def test_open_readonly(tmp_path: Path) -> None:
    assert Store.open_readonly(tmp_path) is None  # no records file
    with Store.open(tmp_path) as store:
        store.start_session("tutorial")
    ro = Store.open_readonly(tmp_path)
    assert ro is not None
    with ro:
        assert len(ro.sessions()) == 1 and ro.persistent is False
        with pytest.raises(sqlite3.Error):
            ro.start_session("tutorial")
    with Store.open(tmp_path) as store:
        assert len(store.sessions()) == 1
