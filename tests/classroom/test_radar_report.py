"""The report's radar section and radar CSV rows, from checks really taken (headless class, session API solo)."""

from __future__ import annotations

import csv
import io
import re
import sqlite3
from pathlib import Path

import pytest
from classroom_data import EVIL, EVIL_ESCAPED, write_known_records
from markupsafe import escape

from game import cli
from game.content.catalog import scenarios_dir
from game.content.radar_check import load_radar_set
from game.engine.radar_score import Counts, Score, hand_counts, score
from game.session.radar import RadarRun
from game.session.radar_words import describe, describe_change, num, rate
from game.session.store import DB_FILE, MIGRATIONS, Store
from game.tools.charts import score_chart
from game.tools.report_csv import COLUMNS

SET = load_radar_set(scenarios_dir() / "radar")


def take_class_checks(data: Path) -> None:
    """A class with a hostile label takes the before and the after through the real headless screens."""
    for phase, seed in (("before", "1"), ("after", "2")):
        code = cli.main(["play", "--headless", "--facilitator", "--class-label", EVIL, "--radar", phase,
                         "--script", f"auto:{seed}", "--data-dir", str(data)])
        assert code == 0


def take_solo_checks(data: Path) -> None:
    """Two players on this device take before and after the way the radar screens do; one takes a refresh."""
    with Store.open(data) as store:
        for who in range(2):
            before = RadarRun.start(SET, "before", store=store)
            for i in range(len(before.items)):  # says "red flag" to everything but every 4th screen
                before.answer(i % 4 != who, confidence=1 + i % 3)
            before.finish()
            after = RadarRun.start(SET, "after", store=store)
            for i, item in enumerate(list(after.items)):  # right, except the first red flag of player 0
                after.answer(item.flag if (who, i) != (0, 0) else False)
            after.finish()
        refresh = RadarRun.start(SET, "refresh", store=store)
        for _ in range(3):  # left unfinished after three screens
            refresh.answer(True)


@pytest.fixture(scope="module")
def radar_records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("radar") / "data"
    take_class_checks(data)
    take_solo_checks(data)
    return data


def expected(data: Path) -> dict[tuple[str, str], Score]:
    """Engine scores of the recorded answers, per (mode, phase), recounted straight from the records file."""
    conn = sqlite3.connect(data / DB_FILE)
    rows = conn.execute("SELECT r.mode, r.phase, a.truth, a.answer, a.hands_flag, a.hands_counted FROM radar_answers a"
                        " JOIN radar_runs r ON r.id = a.run_id").fetchall()
    conn.close()
    counts: dict[tuple[str, str], Counts] = {}
    for mode, phase, truth, answer, flag, counted in rows:
        one = hand_counts(bool(truth), flag, counted) if counted is not None else Counts().add(bool(truth),
                                                                                              answer == "flag")
        counts[(mode, phase)] = counts.get((mode, phase), Counts()) + one
    return {k: score(c) for k, c in counts.items()}


def report(data: Path, out: Path) -> str:
    assert cli.main(["report", "--data-dir", str(data), "-o", str(out)]) == 0
    return out.read_text(encoding="utf-8-sig")


def rows_of(text: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text))
    assert tuple(reader.fieldnames or ()) == COLUMNS
    return list(reader)


def between(html: str, start: str, end: str = "</section>") -> str:
    i = html.index(start)
    return html[i:html.index(end, i)]


def e(text: str) -> str:
    return str(escape(text))


def test_html_radar_numbers_equal_engine_scoring(radar_records: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    html = report(radar_records, tmp_path / "r.html")
    assert capsys.readouterr().out.strip().endswith(", 7 radar check(s)")
    want = expected(radar_records)
    radar = html[html.index('<section id="radar">'):]
    assert "not proof" in " ".join(radar.split()) and "comparison group" in radar and "own set of screens" in radar
    klass = between(radar, 'id="radar-class-1"')
    solo = between(radar, 'id="radar-solo"')
    for mode, part in (("facilitator", klass), ("solo", solo)):
        for phase in ("before", "after") + (("refresh",) if mode == "solo" else ()):
            s, c = want[(mode, phase)], want[(mode, phase)].counts
            row = re.search(rf'<tr data-phase="{phase}">(.*?)</tr>', part)
            assert row is not None, (mode, phase)
            cells = re.findall(r'<td class="num">(.*?)</td>', row.group(1))
            assert cells[1] == f'{rate(c.hits, c.flags)}% <span class="muted">({c.hits} of {c.flags})</span>'
            assert cells[2] == (f'{rate(c.correct_rejections, c.genuine)}% <span class="muted">'
                                f"({c.correct_rejections} of {c.genuine})</span>")
            assert cells[3:] == [num(s.d_prime), num(s.c)]
            assert e(describe(s)) in part
        assert e(describe_change(want[(mode, "before")], want[(mode, "after")])) in part
        assert "<svg class=\"chart scores\"" in part
    # a class: hands per screen; solo: two respondents before and after, one unfinished refresh
    assert "Hands per screen" in klass and "Respondents" in solo
    solo_after = re.search(r'<tr data-phase="after">(.*?)</tr>', solo)
    assert solo_after is not None and re.findall(r'<td class="num">(\d+)</td>', solo_after.group(1)) == ["2"]
    assert "(1 not finished)" in solo and "<b>After → refresh:</b>" in solo and "its own screens" in solo
    # the tactic table uses the tags' labels; before, every 4th screen was answered "looks OK"
    assert "Building trust fast" in solo and 'data-tag="stage.trust"' in solo
    missed = between(solo, '<table class="radar-missed">', "</table>")
    assert 'data-item="a' in missed and " of 2</td>" in missed


def test_radar_section_escapes_a_hostile_class_label(radar_records: Path, tmp_path: Path) -> None:
    html = report(radar_records, tmp_path / "r.html")
    radar = html[html.index('<section id="radar">'):]
    assert EVIL not in html and "<script" not in html.lower()
    assert f"<h3>{EVIL_ESCAPED} <span" in radar


def test_csv_radar_rows_per_phase_and_per_answer(radar_records: Path, tmp_path: Path) -> None:
    rows = rows_of(report(radar_records, tmp_path / "r.csv"))
    want = expected(radar_records)
    summary = [r for r in rows if r["record"] == "radar"]
    assert [(r["mode"], r["phase"]) for r in summary] == [
        ("facilitator", "before"), ("facilitator", "after"), ("solo", "before"), ("solo", "after"),
        ("solo", "refresh")]
    for r in summary:
        s = want[(r["mode"], r["phase"])]
        c = s.counts
        assert (r["radar_hits"], r["radar_misses"], r["radar_false_alarms"], r["radar_correct_rejections"]) == (
            str(c.hits), str(c.misses), str(c.false_alarms), str(c.correct_rejections))
        assert (float(r["d_prime"]), float(r["c"])) == (round(s.d_prime, 3), round(s.c, 3))
        assert float(r["hit_rate"]) == round(c.hits / c.flags, 3)
        assert not r["c"].startswith("'"), "a negative number is not a formula"
    assert summary[0]["class_label"] == EVIL and summary[0]["respondent"] == "1"
    assert (summary[2]["respondents"], summary[2]["form"], summary[4]["form"]) == ("2", "A", "refresh")

    answers = [r for r in rows if r["record"] == "radar_answer"]
    with Store.open_readonly(radar_records) as store:
        assert store is not None
        stored = store.radar_answers()
        runs = {r["id"]: r for r in store.radar_runs()}
    assert len(answers) == len(stored) == 16 * 2 + 16 * 4 + 3
    for row, a in zip(answers, stored, strict=True):
        run = runs[a["run_id"]]
        assert (row["run"], row["phase"], row["form"], row["respondent"], row["item_id"]) == (
            str(a["run_id"]), run["phase"], run["form"], str(run["respondent"]), a["item_id"])
        assert row["truth"] == ("flag" if a["truth"] else "ok") and row["item_tags"] == " ".join(a["tags"])
        assert (row["answer"], row["confidence"]) == (a["answer"] or "", "" if a["confidence"] is None
                                                     else str(a["confidence"]))
        assert (row["hands_flag"], row["hands_counted"]) == (
            "" if a["hands_flag"] is None else str(a["hands_flag"]),
            "" if a["hands_counted"] is None else str(a["hands_counted"]))
        assert row["class_label"] == (EVIL if run["mode"] == "facilitator" else "")
        assert row["scenario_id"] == row["session"] == ""
    assert {r["confidence"] for r in answers if r["mode"] == "solo" and r["phase"] == "before"} == {"1", "2", "3"}


def test_story_rows_are_unchanged_by_radar_records(tmp_path: Path) -> None:
    data = tmp_path / "data"
    write_known_records(data)
    story_only = rows_of(report(data, tmp_path / "a.csv"))
    take_solo_checks(data)
    with_radar = rows_of(report(data, tmp_path / "b.csv"))
    assert [r for r in with_radar if not r["record"].startswith("radar")] == story_only
    assert {r["record"] for r in with_radar} - {r["record"] for r in story_only} == {"radar", "radar_answer"}
    html = report(data, tmp_path / "b.html")
    assert '<section id="radar">' in html and 'id="session-1"' in html


def _version_1(folder: Path) -> None:
    """A records file as version 1 of the game wrote it (before the radar check), with one class decision."""
    folder.mkdir(parents=True)
    conn = sqlite3.connect(folder / DB_FILE, isolation_level=None)
    conn.executescript(MIGRATIONS[0])
    conn.execute("INSERT INTO sessions (started_at, scenario_id, mode, class_label) VALUES "
                 "('2026-01-05T10:00:00+00:00', 'tutorial', 'facilitator', 'P1')")
    conn.execute("INSERT INTO decisions (session_id, seq, node_id, kind, options_json, votes_json, chosen, safer,"
                 " points) VALUES (1, 1, 'team_name', 'choice', '[\"a\", \"b\"]', '[3, 1]', 0, 0, 2)")
    conn.execute("PRAGMA user_version = 1")
    conn.close()


@pytest.mark.parametrize("kind", ["known", "version-1"])
def test_no_radar_section_without_radar_records(tmp_path: Path, kind: str) -> None:
    data = tmp_path / "data"
    write_known_records(data) if kind == "known" else _version_1(data)
    html = report(data, tmp_path / "r.html")
    body = html[html.index("<body>"):]
    assert 'id="radar' not in body and "Radar check" not in body and "radar" not in body.replace("Red Flag Radar", "")
    assert 'id="session-1"' in html
    rows = rows_of(report(data, tmp_path / "r.csv"))
    assert rows and not [r for r in rows if r["record"].startswith("radar")]
    if kind == "version-1":
        conn = sqlite3.connect(data / DB_FILE)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1, "a report never upgrades the file"
        conn.close()


def test_radar_records_alone_are_not_an_empty_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    take_solo_checks(tmp_path)
    html = report(tmp_path, tmp_path / "r.html")
    assert "No records yet" not in html and '<section id="radar">' in html
    assert "Radar checks</dt><dd>5 " in html
    assert capsys.readouterr().out.strip().endswith(", 5 radar check(s)")


def test_score_chart_keeps_zero_and_clips_to_its_axis() -> None:
    chart = score_chart([("Before", 0.0, -3.0), ("After", 5.0, 0.5)])
    d, c = chart.panels
    assert d.marks[0].width == 0 and d.marks[0].x == d.zero
    assert d.marks[1].x == d.zero and d.marks[1].x + d.marks[1].width == d.x + d.width  # 5.0 drawn to the edge
    assert c.marks[0].x == c.x and c.marks[0].text == "−3.0"  # the text still says the value
    assert c.zero == c.x + c.width / 2 and d.x + d.width < c.x and c.x + c.width <= chart.width
    assert "Before d′ 0.0, c −3.0" in chart.description

