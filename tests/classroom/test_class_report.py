"""Class report: exact numbers in CSV and HTML from known records, escaping, no names, empty and bad data folders."""

from __future__ import annotations

import csv
import hashlib
import io
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from classroom_data import EVIL, EVIL_ESCAPED, NICKNAMES, PRIZE, TEAM

from game.cli import main
from game.session.store import DB_FILE
from game.tools.report_csv import COLUMNS

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def read_csv(path: Path) -> list[dict[str, str]]:
    text = path.read_bytes().decode("utf-8")
    assert text.startswith("\ufeff")
    reader = csv.DictReader(io.StringIO(text[1:]))
    assert tuple(reader.fieldnames or ()) == COLUMNS
    return list(reader)


def assert_self_contained(html: str) -> None:
    lowered = html.lower()
    for bad in ('src="http', "src='http", "<link", "@import", "<script", 'href="http', "url(http", "javascript:"):
        assert bad not in lowered, bad


# -- CSV ---------------------------------------------------------------------------------------------------------


def test_csv_numbers_match_the_records_exactly(records: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "class.csv"
    code, stdout, _ = run(capsys, "report", "--data-dir", str(records), "-o", str(out))
    assert code == 0
    assert stdout.strip() == f"wrote {out}: 2 class session(s), 5 solo session(s), 14 decision(s)"
    rows = read_csv(out)
    assert [r["record"] for r in rows].count("session") == 4
    assert [r["record"] for r in rows].count("decision") == 9
    assert [r["record"] for r in rows].count("option") == 28

    sessions = [r for r in rows if r["record"] == "session"]
    first, second, solo, gaming = sessions
    assert (first["mode"], first["session"], first["class_label"]) == ("facilitator", "1", EVIL)
    assert (first["scenario_id"], first["scenario_title"]) == ("tutorial", "Practice round: Team name")
    assert (first["finished"], first["ending_tone"], first["questions_reached"], first["questions_total"]) == \
        ("1", "help_sought", "2", "4")
    assert (first["hits"], first["misses"], first["false_alarms"]) == ("2", "0", "1")
    assert (second["session"], second["class_label"], second["finished"], second["ending_tone"]) == \
        ("2", "Period 3", "0", "")
    assert (solo["mode"], solo["session"], solo["class_label"], solo["sessions"], solo["finished"]) == \
        ("solo", "", "", "4", "3")
    assert (solo["endings_safe"], solo["endings_help_sought"], solo["endings_risky"]) == ("1", "1", "1")
    assert (solo["hits"], solo["misses"], solo["false_alarms"], solo["questions_reached"]) == ("3", "1", "2", "3")
    assert (gaming["scenario_id"], gaming["sessions"], gaming["finished"]) == ("gaming", "1", "0")

    def options(mode: str, session: str, scenario: str, node: str) -> list[tuple[str, str, str, str, str, str]]:
        return [(r["option"], r["option_text"], r["count"], r["percent"], r["safer"], r["followed"])
                for r in rows if r["record"] == "option" and r["mode"] == mode and r["session"] == session
                and r["scenario_id"] == scenario and r["node_id"] == node]

    assert options("facilitator", "1", "tutorial", "team_name") == [
        ("A", TEAM[0], "12", "60", "yes", "1"), ("B", TEAM[1], "5", "25", "no", "0"),
        ("C", TEAM[2], "3", "15", "no", "0")]
    assert options("facilitator", "1", "tutorial", "plan") == [
        ("A", "Thursday works. What time do we start?", "4", "20", "yes", "0"),
        ("B", "Cool, see you there!", "16", "80", "no", "1")]
    assert options("facilitator", "2", "tutorial", "team_name") == [
        ("A", TEAM[0], "7", "35", "yes", "0"), ("B", TEAM[1], "7", "35", "no", "1"),
        ("C", TEAM[2], "6", "30", "no", "0")]
    # Solo play is aggregated per scenario and node: choice counts, not votes.
    assert options("solo", "", "tutorial", "team_name") == [
        ("A", TEAM[0], "2", "67", "yes", "2"), ("B", TEAM[1], "1", "33", "no", "1"),
        ("C", TEAM[2], "0", "0", "no", "0")]
    # Options offered under conditions are matched by their text.
    assert options("solo", "", "tutorial", "thursday") == [
        ("A", "See you at 3:30!", "1", "50", "yes", "1"), ("B", "Wait, what time do we start?", "0", "0", "yes", "0"),
        ("C", "Guess it starts at 4:30 and go then", "1", "50", "no", "1")]
    assert options("solo", "", "gaming", "invite") == [
        ("A", "Yes", "0", "0", "no", "0"), ("B", "No thanks", "1", "100", "yes", "1")]

    spot_parts = [(r["option_text"], r["count"], r["percent"], r["red_flag"]) for r in rows
                  if r["record"] == "option" and r["mode"] == "solo" and r["node_id"] == "prize"]
    assert spot_parts == [(PRIZE[0], "1", "50", "no"), (PRIZE[1], "1", "50", "no"), (PRIZE[2], "2", "100", "yes"),
                          (PRIZE[3], "1", "50", "yes")]

    decisions = {(r["mode"], r["session"], r["scenario_id"], r["node_id"]): r for r in rows
                 if r["record"] == "decision"}
    class_spot = decisions[("facilitator", "1", "tutorial", "prize")]
    assert (class_spot["step"], class_spot["kind"], class_spot["times_decided"]) == ("3", "spot", "1")
    assert (class_spot["hits"], class_spot["misses"], class_spot["false_alarms"]) == ("2", "0", "1")
    solo_spot = decisions[("solo", "", "tutorial", "prize")]
    assert (solo_spot["times_decided"], solo_spot["hits"], solo_spot["misses"], solo_spot["false_alarms"]) == \
        ("2", "3", "1", "2")
    # Story order: the earliest step first (team_name, thursday, prize, what_now for solo play).
    solo_steps = [(r["step"], r["node_id"], r["times_decided"], r["chose_safer"]) for r in rows
                  if r["record"] == "decision" and r["mode"] == "solo" and r["scenario_id"] == "tutorial"]
    assert solo_steps == [("1", "team_name", "3", "2"), ("2", "thursday", "2", "1"), ("3", "prize", "2", ""),
                          ("4", "what_now", "2", "1")]
    # Column sums are safe: per-decision spot counts appear once, on the decision rows.
    assert sum(int(r["hits"]) for r in rows if r["record"] == "decision" and r["hits"]) == 5


def test_csv_has_no_nicknames_and_defuses_formulas(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from classroom_data import write_known_records

    from game.session.store import Store

    data = tmp_path / "data"
    write_known_records(data)
    with Store.open(data) as store:
        store.start_session("tutorial", mode="facilitator", class_label="=HYPERLINK(\"x\")")
    out = tmp_path / "class.csv"
    assert run(capsys, "report", "--data-dir", str(data), "-o", str(out))[0] == 0
    text = out.read_text(encoding="utf-8-sig")
    for nick in NICKNAMES:
        assert nick not in text
    labels = {r["class_label"] for r in read_csv(out) if r["record"] == "session"}
    assert "'=HYPERLINK(\"x\")" in labels


# -- HTML --------------------------------------------------------------------------------------------------------


def section(html: str, ident: str) -> str:
    start = html.index(f'id="{ident}"')
    end = html.find('<section class="group"', start + 1)
    return html[start:end if end != -1 else len(html)]


def card(html: str, node: str) -> str:
    start = html.index(f'data-node="{node}"')
    return html[start:html.index("</div>", start)]


def option_cells(card_html: str) -> list[tuple[str, str, str]]:
    return re.findall(r'<tr><td><b>([A-Z])</b></td><td>.*?</td><td class="num">(\d+)</td>'
                      r'<td class="num">(\d+)%</td>', card_html)


def test_html_numbers_match_the_records(records: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "class.html"
    assert run(capsys, "report", "--data-dir", str(records), "-o", str(out))[0] == 0
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert_self_contained(html)
    assert "<style>" in html and "<svg" in html

    one = section(html, "session-1")
    assert f"<h3>{EVIL_ESCAPED}: Practice round: Team name" in one
    assert option_cells(card(one, "team_name")) == [("A", "12", "60"), ("B", "5", "25"), ("C", "3", "15")]
    assert option_cells(card(one, "plan")) == [("A", "4", "20"), ("B", "16", "80")]
    assert "The story went another way" in card(one, "plan")
    assert "The class went with the safer choice." in card(one, "team_name")
    prize = card(one, "prize")
    assert option_cells(prize) == [("A", "1", "100"), ("B", "0", "0"), ("C", "1", "100"), ("D", "1", "100")]
    assert "hits 2 · misses 0 · false alarms 1" in prize
    assert "hits 2 · misses 0 · false alarms 1 (100% of red flags found)" in one
    assert "<dt>Discussion questions reached</dt><dd>2 of 4</dd>" in one
    assert one.count('<ol class="questions">') == 1 and len(re.findall(r"<li>", one.split("</ol>")[0])) == 2
    # Bar charts carry the counts in their accessible description too.
    assert 'aria-label="Bar chart of votes: A 12, B 5, C 3"' in one

    two = section(html, "session-2")
    assert "<h3>Period 3: Practice round: Team name" in two
    assert option_cells(card(two, "team_name")) == [("A", "7", "35"), ("B", "7", "35"), ("C", "6", "30")]
    assert "not finished" in two

    solo = section(html, "solo-tutorial")
    assert "<dt>Sessions</dt><dd>4 (3 finished)" in solo
    assert "1 safe, 1 help sought, 1 risky" in solo
    assert option_cells(card(solo, "team_name")) == [("A", "2", "67"), ("B", "1", "33"), ("C", "0", "0")]
    assert "Chosen 2 of 3 times." in card(solo, "team_name")
    assert option_cells(card(solo, "thursday")) == [("A", "1", "50"), ("B", "0", "0"), ("C", "1", "50")]
    assert "hits 3 · misses 1 · false alarms 2" in card(solo, "prize")
    assert "hits 3 · misses 1 · false alarms 2 (75% of red flags found)" in solo
    assert option_cells(card(section(html, "solo-gaming"), "invite")) == [("A", "0", "0"), ("B", "1", "100")]

    for nick in NICKNAMES:
        assert nick not in html


def test_class_label_is_escaped_in_html(records: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "class.html"
    assert run(capsys, "report", "--data-dir", str(records), "-o", str(out))[0] == 0
    html = out.read_text(encoding="utf-8")
    assert EVIL not in html
    assert "<script" not in html.lower()
    assert EVIL_ESCAPED in html


def test_scenario_ids_from_the_records_are_escaped_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from game.session.store import Store

    with Store.open(tmp_path) as store:
        sid = store.start_session(EVIL, mode="facilitator", class_label='"><img src=x onerror=alert(1)>')
        store.record_decision(sid, node_id=EVIL, kind="choice", options=[EVIL, "b"], chosen=0, safer=1, points=0,
                              votes=[1, 2])
    out = tmp_path / "class.html"
    assert run(capsys, "report", "--data-dir", str(tmp_path), "-o", str(out))[0] == 0
    html = out.read_text(encoding="utf-8")
    assert EVIL not in html and "<img" not in html
    assert html.count(EVIL_ESCAPED) >= 3


# -- empty, unknown and damaged data folders -----------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".html", ".csv"])
def test_empty_data_folder_gives_a_friendly_empty_report(tmp_path: Path, suffix: str,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    data.mkdir()
    out = tmp_path / f"class{suffix}"
    code, stdout, err = run(capsys, "report", "--data-dir", str(data), "-o", str(out))
    assert code == 0 and err == ""
    assert "no records yet" in stdout
    assert not (data / DB_FILE).exists(), "a report never creates records"
    if suffix == ".html":
        html = out.read_text(encoding="utf-8")
        assert "No records yet" in html and "nothing to report" in html
        assert_self_contained(html)
    else:
        assert read_csv(out) == []


def test_store_with_no_decisions_is_empty_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from game.session.store import Store

    Store.open(tmp_path).close()  # a records file with the schema but no rows
    out = tmp_path / "class.html"
    assert run(capsys, "report", "--data-dir", str(tmp_path), "-o", str(out))[0] == 0
    assert "No records yet" in out.read_text(encoding="utf-8")


def test_unknown_data_folder_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, err = run(capsys, "report", "--data-dir", str(tmp_path / "missing"), "-o", str(tmp_path / "c.html"))
    assert code == 2 and stdout == ""
    assert len(err.strip().splitlines()) == 1 and "no such data folder" in err
    assert not (tmp_path / "c.html").exists()


def test_unknown_output_format_is_a_usage_error(records: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "report", "--data-dir", str(records), "-o", str(tmp_path / "class.txt"))
    assert code == 2 and ".html or .csv" in err
    assert run(capsys, "report", "--data-dir", str(records), "-o", str(tmp_path / "x.txt"), "--format", "csv")[0] == 0


@pytest.mark.parametrize("damage", ["garbage", "newer"])
def test_damaged_records_are_reported_and_left_alone(tmp_path: Path, damage: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / DB_FILE
    if damage == "garbage":
        db.write_bytes(b"this is not a database" * 100)
    else:
        conn = sqlite3.connect(db)
        conn.execute("PRAGMA user_version = 99")
        conn.close()
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    code, _, err = run(capsys, "report", "--data-dir", str(tmp_path), "-o", str(tmp_path / "c.html"))
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert ("damaged" in err or "not a database" in err) if damage == "garbage" else "newer version" in err
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(DB_FILE + ".")) == []


def test_report_reads_without_writing(records: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = records / DB_FILE
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    assert run(capsys, "report", "--data-dir", str(records), "-o", str(tmp_path / "c.csv"))[0] == 0
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_report_command_in_a_subprocess(records: Path, tmp_path: Path) -> None:
    out = tmp_path / "class.html"
    proc = subprocess.run([sys.executable, "main.py", "report", "--data-dir", str(records), "-o", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == "" and out.is_file()


def test_readme_documents_every_csv_column() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("### Class report CSV columns", 1)[1].split("\n## ", 1)[0]
    documented: list[str] = []
    for line in section.splitlines():
        if line.startswith("| `"):
            documented += re.findall(r"`([a-z_]+)`", line.split("|")[1])
    assert sorted(documented) == sorted(COLUMNS)
