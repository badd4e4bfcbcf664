"""The class report's device play: a lesson's devices beside class votes and the radar check, their endings, the
decisions to talk about first; aggregate only (no device number, no name), escaped; absent without device play."""

from __future__ import annotations

from pathlib import Path

from game.session.device_plays import DeviceSessions, new_room
from game.session.store import Store
from game.tools.report import load_report, render_report

EVIL = "<script>alert('x')</script>"


def _lesson(data: Path) -> str:
    room = new_room()
    with Store.open(data) as s:
        cls = s.start_session("tutorial", mode="facilitator", class_label="Period 3")
        s.record_decision(cls, node_id="team_name", kind="choice", options=["a", "b"], chosen=0, safer=0, points=1,
                          votes=[3, 1])
        for n, chosen in ((1, 0), (2, 1), (3, 1)):
            dev = DeviceSessions(s, room, n, EVIL if n == 1 else None)
            sid = dev.start_session("tutorial", nickname=f"Kid{n}")
            dev.record_decision(sid, node_id="team_name", kind="choice", options=["a", "b"], chosen=chosen, safer=0,
                                points=1 - chosen)
            dev.record_decision(sid, node_id="spot_link", kind="spot", options=["p", "q"], chosen=None, safer=None,
                                points=0, hits=n % 2, misses=1 - n % 2, selected=[])
            if n < 3:
                dev.finish_session(sid, ending_id="end_help", ending_tone="help_sought", score=3, best_score=5,
                                   questions_reached=0)
    return room


def test_device_play_shows_beside_class_votes(tmp_path: Path) -> None:
    room = _lesson(tmp_path)
    report = load_report(tmp_path)
    [g] = report.devices
    assert (g.room, g.scenario_id, g.devices, g.finished) == (room, "tutorial", 3, 2)
    assert g.endings == {"safe": 0, "help_sought": 2, "risky": 0} and g.label == EVIL
    choice, spot = g.decisions
    assert (choice.devices, choice.chose_safer, choice.riskier, choice.safer_percent) == (3, 1, 2, 33)
    assert (spot.hits, spot.misses) == (2, 1)
    assert g.talk_first == [choice]
    assert [grp.mode for grp in report.groups] == ["facilitator"], "the devices' sessions are not solo play again"
    assert [d.decisions for d in report.groups[0].decisions] == [1], "nor in the class session's counts"
    html = render_report(report, "html")
    assert 'id="devices"' in html and "<h2>Played on students' devices</h2>" in html
    assert "2 of 3 devices chose a riskier option" in html and "1 of 3 chose the safer option (33%)" in html
    assert html.index('id="devices"') > html.index("Class sessions"), "after the class votes"
    assert EVIL not in html and "&lt;script&gt;" in html
    assert "Kid1" not in html and "device 1" not in html.lower()


def test_no_device_play_no_section(tmp_path: Path) -> None:
    with Store.open(tmp_path) as s:
        s.start_session("tutorial", mode="facilitator")
    report = load_report(tmp_path)
    assert report.devices == [] and 'id="devices"' not in render_report(report, "html")


def test_device_play_rows_in_the_csv(tmp_path: Path) -> None:
    import csv
    import io

    from game.tools.report_csv import COLUMNS

    room = _lesson(tmp_path)
    text = render_report(load_report(tmp_path), "csv")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert tuple(rows[0]) == COLUMNS
    play = [r for r in rows if r["record"] == "device_play"]
    decisions = [r for r in rows if r["record"] == "device_decision"]
    assert [(r["mode"], r["session"], r["sessions"], r["finished"], r["endings_help_sought"]) for r in play] == \
        [("devices", room, "3", "2", "2")]
    assert [(r["node_id"], r["times_decided"], r["chose_safer"], r["hits"]) for r in decisions] == \
        [("team_name", "3", "1", ""), ("spot_link", "3", "", "2")]
    assert play[0]["class_label"] == EVIL and "Kid1" not in text
    assert not any(r["mode"] == "solo" for r in rows), "device sessions are not solo play again"
