"""Deeper lint: located texts match the readability pass; reading level, bubbles, wording, translation parity."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.content.catalog import find_scenario_files, scenarios_dir
from game.content.lint_deep import BUBBLE_CHARS, located_student_texts, parity_reference
from game.content.loader import load_scenario
from game.content.readability import student_texts
from game.session.check import check_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MINI = FIXTURES / "mini.yaml"
FILES = [*find_scenario_files(scenarios_dir()), MINI]


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_located_texts_are_exactly_the_graded_texts(path: Path) -> None:
    loaded = load_scenario(path)
    assert loaded.model is not None
    located = list(located_student_texts(loaded.model))
    assert [t for _, t in located] == list(student_texts(loaded.model))
    for p, _ in located:  # every path points at a real place in the file
        assert p in loaded.marks.values, p


def _codes(path: Path, code: str) -> list[tuple[int, int, str]]:
    return [(d.line, d.col, d.message) for d in check_file(path).diagnostics if d.code == code]


def _variant(tmp_path: Path, name: str, *edits: tuple[str, str]) -> Path:
    text = MINI.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    out = tmp_path / name
    out.write_text(text, encoding="utf-8")
    return out


HARD = ("Organisations advertising extraordinary compensation frequently necessitate comprehensive, "
        "independent verification of their legitimacy. ")
PRICE = "      price: $900 a week\n"


def test_a_long_hard_node_is_graded_on_its_own(tmp_path: Path) -> None:
    body = HARD * (100 // len(HARD.split()) + 1)
    long_node = _variant(tmp_path, "long.yaml", (PRICE, f"{PRICE}      body: {body}\n"))
    hits = _codes(long_node, "W404")
    assert any("node 'ad'" in m and (line, col) == (19, 3) for line, col, m in hits), hits


def test_a_short_hard_node_is_not_graded_alone(tmp_path: Path) -> None:
    short = _variant(tmp_path, "short.yaml", (PRICE, f"{PRICE}      body: {HARD}\n"))
    assert not any("node" in m for _, _, m in _codes(short, "W404"))


def test_extended_tier_has_a_higher_target(tmp_path: Path) -> None:
    hard = FIXTURES / "diagnostics" / "W404.yaml"
    assert _codes(hard, "W404")
    text = hard.read_text(encoding="utf-8").replace("age_tier: core", "age_tier: extended")
    (tmp_path / "ext.yaml").write_text(text, encoding="utf-8")
    assert _codes(tmp_path / "ext.yaml", "W404") == []


def test_bubble_limit_is_inclusive(tmp_path: Path) -> None:
    fits = "a" * (BUBBLE_CHARS - 1) + "."
    ok = _variant(tmp_path, "ok.yaml", ("text: Send a selfie to start.", f"text: {fits}"))
    assert _codes(ok, "W405") == []
    over = _variant(tmp_path, "over.yaml", ("text: Send a selfie to start.", f"text: {fits}!"))
    assert [(line, col) for line, col, _ in _codes(over, "W405")] == [(39, 15)]
    spot = _variant(tmp_path, "spot.yaml", ("We open at nine.\n", "We open at nine." + " Hello." * 40 + "\n"))
    assert [(line, col) for line, col, _ in _codes(spot, "W405")] == [(46, 13)]


def test_wording_rules_allow_not_your_fault(tmp_path: Path) -> None:
    fine = _variant(tmp_path, "fine.yaml", ("text: It got hard.", "text: It is not your fault."))
    assert _codes(fine, "W406") == []
    blame = _variant(tmp_path, "blame.yaml", ("feedback: Telling someone helps.", "feedback: You should have known."))
    assert [(line, col, m) for line, col, m in _codes(blame, "W406")] == [
        (68, 19, "'you should have known' in student text")]


PARITY = FIXTURES / "parity"


def test_translation_parity_reports_each_difference() -> None:
    found = [(d.line, d.col, d.message) for d in check_file(PARITY / "es" / "story.yaml").diagnostics
             if d.code == "W407"]
    assert found == [
        (19, 1, "node 'end_help' of en/story.yaml is missing here"),
        (26, 7, "node 'ad' has 1 choice(s) here but 2 in en/story.yaml"),
        (32, 3, "node 'chat' continues with next here but with spot in en/story.yaml"),
        (47, 15, "node 'choice' goes to 'end_ayuda' here but to 'end_help' in en/story.yaml"),
        (60, 3, "node 'end_ayuda' is not in en/story.yaml"),
        (67, 3, "debrief.red_flags[0] is ('chat', ['stage.ask']) here but ('chat', ['pcw.economic_abuse']) in "
                "en/story.yaml"),  # the rest of the structure (game/content/parity.py), outside the nodes above
    ]
    assert _codes(PARITY / "en" / "story.yaml", "W407") == []


def test_parity_reference_is_english_else_the_first_language(tmp_path: Path) -> None:
    for lang in ("es", "fr", "pt-BR"):
        (tmp_path / lang).mkdir()
        shutil.copy(PARITY / "es" / "story.yaml", tmp_path / lang / "story.yaml")
    scn = load_scenario(PARITY / "es" / "story.yaml").model
    assert scn is not None
    assert parity_reference(tmp_path / "es" / "story.yaml", scn) is None
    assert parity_reference(tmp_path / "fr" / "story.yaml", scn) == tmp_path / "es" / "story.yaml"
    (tmp_path / "en").mkdir()
    shutil.copy(PARITY / "en" / "story.yaml", tmp_path / "en" / "story.yaml")
    assert parity_reference(tmp_path / "es" / "story.yaml", scn) == tmp_path / "en" / "story.yaml"
    assert parity_reference(tmp_path / "en" / "story.yaml", scn) is None
    (tmp_path / "fr" / "story.yaml").unlink()
    assert _codes(tmp_path / "pt-BR" / "story.yaml", "W407")  # compared with en, not with es


def test_shipped_scenarios_pass_the_deeper_checks() -> None:
    for path in find_scenario_files(scenarios_dir()):
        deep = [d.format() for d in check_file(path).diagnostics if d.code in ("W404", "W405", "W406", "W407")]
        assert deep == [], deep


def test_language_folders_are_listed_again_when_the_folder_changes(tmp_path: Path) -> None:
    import os
    import shutil

    scn = check_file(PARITY / "es" / "story.yaml").entry.scenario
    assert scn is not None
    (tmp_path / "es").mkdir()
    shutil.copy(PARITY / "es" / "story.yaml", tmp_path / "es" / "story.yaml")
    assert parity_reference(tmp_path / "es" / "story.yaml", scn) is None
    (tmp_path / "en").mkdir()
    shutil.copy(PARITY / "en" / "story.yaml", tmp_path / "en" / "story.yaml")
    st = os.stat(tmp_path)
    os.utime(tmp_path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))  # a new folder changes the folder's time
    assert parity_reference(tmp_path / "es" / "story.yaml", scn) == tmp_path / "en" / "story.yaml"
