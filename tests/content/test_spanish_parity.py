"""W407 over the whole pack: every English story has a Spanish twin in scenarios/es with the same structure
(ids, nodes, ways on, variables, points, flags, tags, conditions, endings, debrief red flags and resources)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.content.catalog import find_scenario_files, scenarios_dir
from game.content.loader import load_scenario
from game.content.parity import differences, structure
from game.content.schema import Scenario

EN = scenarios_dir() / "en"
ES = scenarios_dir() / "es"
FILES = find_scenario_files(EN)
MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini.yaml"


def _model(path: Path) -> Scenario:
    loaded = load_scenario(path)
    assert loaded.model is not None, [d.format() for d in loaded.diagnostics]
    return loaded.model


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_english_story_has_a_spanish_twin_with_the_same_structure(path: Path) -> None:
    twin = ES / path.name
    assert twin.is_file(), f"scenarios/es/{path.name} is missing"
    es = _model(twin)
    assert es.lang == "es"
    diff = differences(structure(es), structure(_model(path)))
    assert diff == [], f"scenarios/es/{path.name} differs from scenarios/en:\n" + "\n".join(diff[:20])


def test_no_spanish_story_without_an_english_original() -> None:
    extra = sorted(p.name for p in find_scenario_files(ES) if not (EN / p.name).is_file()) if ES.is_dir() else []
    assert extra == []


def test_the_comparison_sees_structure_and_ignores_words(tmp_path: Path) -> None:
    text = MINI.read_text(encoding="utf-8")
    base = structure(_model(MINI))
    reworded = tmp_path / "reworded.yaml"
    reworded.write_text(text.replace("price: $900 a week", "price: $900 a la semana"), encoding="utf-8")
    assert differences(structure(_model(reworded)), base) == []
    assert "points: 2" in text
    moved = tmp_path / "moved.yaml"
    moved.write_text(text.replace("points: 2", "points: 1", 1), encoding="utf-8")
    found = differences(structure(_model(moved)), base)
    assert len(found) == 1 and ".points: 1 != 2" in found[0], found


def test_validate_reports_the_rest_of_the_structure_as_w407(tmp_path: Path) -> None:
    from game.session.check import check_file

    (tmp_path / "en").mkdir()
    (tmp_path / "es").mkdir()
    shutil.copy(EN / "tutorial.yaml", tmp_path / "en" / "tutorial.yaml")
    text = (ES / "tutorial.yaml").read_text(encoding="utf-8")
    assert text.count("        points: 2\n") >= 1 and "  checked_time: false" in text
    text = text.replace("        points: 2\n", "        points: 1\n", 1).replace("  checked_time: false",
                                                                             "  checked_time: true", 1)
    (tmp_path / "es" / "tutorial.yaml").write_text(text, encoding="utf-8")
    found = [d.message for d in check_file(tmp_path / "es" / "tutorial.yaml").diagnostics if d.code == "W407"]
    assert len(found) == 2, found
    assert any(".points is 1 here but 2 in en/tutorial.yaml" in m for m in found), found
    assert "variables.checked_time is True here but False in en/tutorial.yaml" in found
    shutil.copy(ES / "tutorial.yaml", tmp_path / "es" / "tutorial.yaml")
    assert [d for d in check_file(tmp_path / "es" / "tutorial.yaml").diagnostics if d.code == "W407"] == []
