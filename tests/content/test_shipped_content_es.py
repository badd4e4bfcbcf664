"""Shipped Spanish stories (scenarios/es) follow the content rules: strict validation (W407 parity included),
the Spanish reading level for their tier, the Spanish wording rules, only fiction-range numbers."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from game.content.catalog import find_scenario_files, scenarios_dir
from game.content.language import reading_grade, wording_hits
from game.content.readability import max_grade, student_texts
from game.content.rules import is_fictional_number, phone_numbers
from game.content.schema import Scenario
from game.session.check import Checked, check_file

ES = scenarios_dir() / "es"
FILES = find_scenario_files(ES) if ES.is_dir() else []


@cache
def checked(path: Path) -> Checked:
    return check_file(path)


def model(path: Path) -> Scenario:
    c = checked(path)
    assert c.entry.scenario is not None, [d.format() for d in c.diagnostics]
    return c.entry.scenario


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_validates_strictly_in_spanish(path: Path) -> None:
    c = checked(path)
    assert c.diagnostics == [], "\n".join(d.format() for d in c.diagnostics)
    assert model(path).lang == "es"


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_spanish_reading_level_meets_the_tier_target(path: Path) -> None:
    scn = model(path)
    grade = reading_grade(student_texts(scn), "es")
    assert grade is not None and 0 < grade <= max_grade(scn.age_tier.value), f"{scn.id}: grade {grade}"


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_no_blaming_or_game_over_wording_in_spanish_and_no_real_numbers(path: Path) -> None:
    texts = list(student_texts(model(path)))
    assert [(h.phrase, h.text) for h in wording_hits(texts, "es")] == []
    real = [n for t in texts for n in phone_numbers(t) if not is_fictional_number(n)]
    assert real == [], "story text may only use 555-0100..555-0199 numbers"
