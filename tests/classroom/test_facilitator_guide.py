"""Facilitator guide: every shipped scenario in order, help lines per theme, story maps, lesson plans, escaping."""

from __future__ import annotations

import re
import shutil
from functools import lru_cache
from pathlib import Path

import pytest
from classroom_data import EVIL, EVIL_ESCAPED
from markupsafe import escape

from game.cli import main
from game.content.catalog import find_scenario_files, load_shared, scenarios_dir
from game.content.loader import load_scenario
from game.content.schema import Scenario
from game.tools.guide import LESSON_MINUTES, lesson_plan

EN = scenarios_dir() / "en"


def shipped() -> list[Scenario]:
    out = []
    for path in find_scenario_files(EN):
        loaded = load_scenario(path)
        assert loaded.model is not None, path
        out.append(loaded.model)
    return out


@lru_cache(maxsize=1)
def guide_html() -> str:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "guide.html"
        assert main(["guide", "-o", str(out)]) == 0
        return out.read_text(encoding="utf-8")


def scenario_section(html: str, scenario_id: str) -> str:
    start = html.index(f'<section class="scenario" id="scenario-{scenario_id}"')
    return html[start:html.index("</section>", start)]


def e(text: str) -> str:
    return str(escape(text))


def test_guide_has_every_shipped_scenario_tutorial_first_then_by_order() -> None:
    html = guide_html()
    scenarios = shipped()
    assert len(scenarios) >= 4
    ids = re.findall(r'<section class="scenario" id="scenario-([^"]+)"', html)
    assert sorted(ids) == sorted(s.id for s in scenarios)
    assert ids[0] == "tutorial"
    by_id = {s.id: s for s in scenarios}
    orders = [by_id[i].order for i in ids[1:]]
    assert orders == sorted(orders)
    for s in scenarios:
        part = scenario_section(html, s.id)
        assert f"{e(s.title)} <span class=\"muted\">({s.id})</span></h2>" in part
        assert e(s.summary) in part and e(s.content_note) in part
        assert f"about {s.minutes} minutes of play" in part
        assert ("Core: ages 12–14" if s.age_tier.value == "core" else "Extended: ages 15–18") in part
        for goal in s.learning_goals:
            assert f"<li>{e(goal)}</li>" in part


def test_each_scenario_has_red_flags_questions_and_teacher_notes() -> None:
    html = guide_html()
    for s in shipped():
        part = scenario_section(html, s.id)
        assert s.debrief is not None
        for flag in s.debrief.red_flags:
            assert e(flag.label) in part and f"<blockquote>{e(flag.quote)}</blockquote>" in part
            assert e(flag.explain) in part
        for q in s.debrief.questions:
            assert f"<li>{e(q)}</li>" in part
        if s.debrief.teacher_notes:
            assert e(s.debrief.teacher_notes) in part
        for nid, node in s.nodes.items():
            if node.discussion:
                assert e(node.discussion) in part, nid
            if node.teacher_note:
                assert e(node.teacher_note) in part, nid


def test_verified_resources_for_each_debrief_and_theme_appear_unverified_only_for_teachers() -> None:
    html = guide_html()
    resources = load_shared(scenarios_dir()).resources
    assert resources is not None
    unverified = [r for r in resources.resources if not r.verified]
    for s in shipped():
        part = scenario_section(html, s.id)
        assert s.debrief is not None
        wanted = [resources.get(rid) for rid in s.debrief.resources]
        wanted += [r for r in resources.resources if s.theme in r.themes]
        for r in wanted:
            assert r is not None
            if r.verified:
                assert e(r.name) in part, (s.id, r.id)
        for r in unverified:
            assert f'data-resource="{r.id}"' not in part, (s.id, r.id)
    help_card = html[html.index('id="help-card"'):html.index('id="to-verify"')]
    to_verify = html[html.index('id="to-verify"'):]
    for r in resources.resources:
        if r.verified:
            assert f'id="resource-{r.id}"' in help_card and e(r.name) in help_card
            for c in r.contacts:
                assert e(c.value) in help_card
        else:
            assert f'id="verify-{r.id}"' in to_verify and e(r.name) in to_verify
            assert r.note is None or e(r.note) in to_verify
            assert f'data-resource="{r.id}"' not in help_card


def test_story_maps_label_every_node_and_every_ending_tone_in_words() -> None:
    html = guide_html()
    words = {"safe": "ending: safe", "help_sought": "ending: help sought", "risky": "ending: risky"}
    for s in shipped():
        part = scenario_section(html, s.id)
        svg = part[part.index('<svg class="map"'):part.index("</svg>", part.index('<svg class="map"'))]
        for nid, node in s.nodes.items():
            assert f">{e(nid)}</text>" in svg, (s.id, nid)
            if node.ending is not None:
                assert words[node.ending.tone.value] in svg
        assert svg.count("<polyline") >= len(s.nodes) - 1
        assert f'marker-end="url(#arrow-{s.id})"' in svg


def test_lesson_plans_fill_45_minutes() -> None:
    html = guide_html()
    for s in shipped():
        part = scenario_section(html, s.id)
        if s.theme == "theme.tutorial":
            assert "Suggested 45-minute lesson" not in part
            continue
        minutes = [int(m) for m in re.findall(r'<tr><td class="num">(\d+)</td><td>', part)]
        assert sum(minutes) == LESSON_MINUTES == 45
        assert minutes == [5, 5, 20, 12, 3]
        assert sum(step.minutes for step in lesson_plan(s, [])) == 45


def test_guide_prints_cleanly_and_is_self_contained() -> None:
    html = guide_html()
    assert html.startswith("<!DOCTYPE html>")
    assert "break-before: page" in html and "@media print" in html
    lowered = html.lower()
    for bad in ('src="http', "<link", "@import", "<script", "javascript:", 'href="http', "url(http"):
        assert bad not in lowered, bad
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "element ids are unique"
    for heading in ("Ground rules to read aloud", "If a student starts to share something personal",
                    "Content notes and sitting out", "Help card", "To verify before use (teacher only)"):
        assert heading in html


def test_text_from_a_pack_is_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    text = (EN / "tutorial.yaml").read_text(encoding="utf-8")
    text = text.replace('title: "Practice round: Team name"', f'title: "{EVIL}"')
    text = text.replace("learning_goals:\n", f'learning_goals:\n  - "{EVIL}"\n', 1)
    (pack / "tutorial.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "guide.html"
    assert main(["guide", "--pack", str(pack), "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert EVIL not in html and "<script" not in html.lower()
    assert html.count(EVIL_ESCAPED) >= 3  # contents table, heading, learning goal (and the map's description)
    capsys.readouterr()


def test_broken_scenarios_are_listed_and_the_rest_still_printed(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    shutil.copy(EN / "tutorial.yaml", pack / "tutorial.yaml")
    (pack / "broken.yaml").write_text("schema_version: 1\nid: broken\n", encoding="utf-8")
    out = tmp_path / "guide.html"
    assert main(["guide", "--pack", str(pack), "-o", str(out)]) == 1
    captured = capsys.readouterr()
    assert "broken.yaml" in captured.err and "error[E202]" in captured.err
    assert 'id="scenario-tutorial"' in out.read_text(encoding="utf-8")


def test_unknown_scenario_folder_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["guide", "--pack", str(tmp_path / "nope"), "-o", str(tmp_path / "g.html")]) == 2
    assert main(["guide", "--lang", "xx", "-o", str(tmp_path / "g.html")]) == 2
    err = capsys.readouterr().err
    assert err.count("no such scenario folder") == 2


def test_guide_has_the_radar_check_page() -> None:
    html = guide_html()
    start = html.index('<section class="page" id="radar-check">')
    page = " ".join(html[start:html.index("</section>", start)].split())
    assert start < html.index('<section class="scenario" id="scenario-tutorial"'), "before the scenario pages"
    for words in ("Before the first story", "After the last story", "A refresh, a few weeks later",
                  "This is form A", "This is form B", "<code>--form B</code>", "the after then takes form A",
                  "16 short screens", "its own 8 screens", "0 means no better than guessing",
                  "Below 0 leans to \"red flag\" (suspicious)", "is not proof", "comparison group",
                  "own set of screens", "python main.py report -o class.html"):
        assert words in page, words
