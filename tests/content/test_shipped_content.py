"""Shipped scenarios follow the content rules: structure, tiers, reading level, wording, resources."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from game.content.catalog import find_scenario_files, load_shared, scenarios_dir
from game.content.readability import fk_grade, max_grade, student_texts
from game.content.rules import blame_hits, is_fictional_number, phone_numbers
from game.content.schema import Scenario
from game.engine.explorer import Exploration
from game.session.check import Checked, check_file

EN = scenarios_dir() / "en"
FILES = find_scenario_files(EN)
STORIES = [p for p in FILES if p.stem != "tutorial"]
THEMES = {"theme.oversharing", "theme.grooming", "theme.fake_job", "theme.marketplace", "theme.sextortion",
          "theme.partner_monitoring", "theme.impersonation", "theme.passwords", "theme.loverboy", "theme.gaming",
          "theme.financial_control", "theme.peer_recruitment", "theme.forwarded_image", "theme.trackers",
          "theme.money_mule"}


@cache
def checked(path: Path) -> Checked:
    return check_file(path)


def model(path: Path) -> tuple[Scenario, Exploration]:
    c = checked(path)
    assert c.entry.scenario is not None and c.exploration is not None, [d.format() for d in c.diagnostics]
    return c.entry.scenario, c.exploration


def ids(paths: list[Path]) -> list[str]:
    return [p.stem for p in paths]


@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_validates_strictly_and_every_ending_is_reachable(path: Path) -> None:
    c = checked(path)
    assert c.diagnostics == [], "\n".join(d.format() for d in c.diagnostics)
    _, ex = model(path)
    assert all(e.reachable for e in ex.endings)
    assert ex.dead_ends == [] and ex.unreachable_nodes == []


@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_reading_level_meets_the_tier_target(path: Path) -> None:
    scn, _ = model(path)
    grade = fk_grade(student_texts(scn))
    assert grade <= max_grade(scn.age_tier.value), f"{scn.id}: grade {grade:.2f}"


@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_no_blaming_or_game_over_wording_and_no_real_numbers(path: Path) -> None:
    scn, _ = model(path)
    texts = list(student_texts(scn))
    assert blame_hits(texts) == []
    real = [n for t in texts for n in phone_numbers(t) if not is_fictional_number(n)]
    assert real == [], "story text may only use 555-0100..555-0199 numbers"


@pytest.mark.parametrize("path", STORIES, ids=ids(STORIES))
def test_structure_counts(path: Path) -> None:
    scn, ex = model(path)
    assert 5 <= scn.minutes <= 12
    assert len(ex.decision_points) >= 4
    tones = [e.tone for e in ex.endings if e.reachable]
    assert len(tones) >= 3 and "safe" in tones and "help_sought" in tones
    spots = [n.spot for n in scn.nodes.values() if n.spot is not None]
    assert any(sum(1 for p in s.parts if not p.flag) >= 2 and any(p.flag for p in s.parts) for s in spots)
    conditional = [c for n in scn.nodes.values() for c in n.choices or [] if c.when is not None]
    conditional += [m for n in scn.nodes.values() for m in n.messages if m.when is not None]
    assert scn.variables and conditional, "an earlier choice must matter later"
    assert all(c.feedback for n in scn.nodes.values() for c in n.choices or [])
    assert len({n.screen for n in scn.nodes.values()}) >= 3, "a mix of screen kinds"


@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_debrief_is_ready_for_class(path: Path) -> None:
    scn, _ = model(path)
    d = scn.debrief
    assert d is not None
    assert len(d.questions) >= 3 and d.help_a_friend and d.teacher_notes
    assert d.red_flags, "red flags located in the story"
    resources = load_shared(EN).resources
    assert resources is not None
    verified = {r.id for r in resources.resources if r.verified}
    assert any(r in verified for r in d.resources), "names at least one verified help resource"
    assert 1 <= len(d.resources) <= 4


def test_the_set_of_shipped_scenarios() -> None:
    scns = [model(p)[0] for p in FILES]
    assert "tutorial" in {s.id for s in scns}
    tutorial = next(s for s in scns if s.id == "tutorial")
    assert tutorial.order == min(s.order for s in scns), "the tutorial is listed first"
    assert {s.theme for s in scns} >= THEMES
    stories = [s for s in scns if s.id != "tutorial"]
    assert len(stories) == 15, "12 stories + issue 13's forwarded-image, trackers and money-mule"
    assert sum(1 for s in stories if s.age_tier.value == "core") >= 7
    assert len({s.id for s in scns}) == len(scns)
    assert all(s.content_note for s in scns)


def test_benign_look_alikes_in_at_least_four_scenarios() -> None:
    with_benign = 0
    for p in STORIES:
        scn, _ = model(p)
        spots = [n.spot for n in scn.nodes.values() if n.spot is not None]
        if any(sum(1 for part in s.parts if not part.flag) >= 2 for s in spots):
            with_benign += 1
    assert with_benign >= 4


def test_extended_only_themes_stay_extended() -> None:
    for p in STORIES:
        scn, _ = model(p)
        if scn.theme in {"theme.sextortion", "theme.loverboy", "theme.peer_recruitment", "theme.marketplace"}:
            assert scn.age_tier.value == "extended", scn.id


def test_every_file_starts_with_the_schema_line() -> None:
    for p in FILES:
        first = p.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../schema/scenario.schema.json", p.name
