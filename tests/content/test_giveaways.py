"""Lint against give-aways: W409 (the same flagged words across a pack), W410 (every spot task flags the same number),
W411 (pins keep the safest option in one place); and the shipped pack has none of them."""

from __future__ import annotations

import shutil
from pathlib import Path

from game.content.catalog import find_scenario_files, scenarios_dir
from game.content.lint_giveaways import phrases
from game.session.check import check_file, check_pack_giveaways

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_phrases_are_word_runs_with_two_uncommon_words_or_long_single_words() -> None:
    got = phrases("You're so mature for 16. Don't tell your parents!")
    assert "mature" in got and "don't tell" in got and "don't tell your" in got
    assert "your parents" not in got and "so mature" not in got  # one uncommon word only
    assert "tell" not in got  # short single words are too common to be a give-away alone


def _pack(tmp_path: Path, copies: int) -> list[Path]:
    shutil.copy(scenarios_dir() / "tags.yaml", tmp_path / "tags.yaml")
    text = (FIXTURES / "mini.yaml").read_text(encoding="utf-8").split("\n", 1)[1]
    paths = []
    for k in range(copies):
        path = tmp_path / f"story-{k}.yaml"
        path.write_text(text.replace("id: mini", f"id: story-{k}"), encoding="utf-8")
        paths.append(path)
    return paths


def _w409(paths: list[Path]) -> dict[str, list[str]]:
    checked = [check_file(p) for p in paths]
    check_pack_giveaways(checked)
    return {c.entry.path.name: [d.message for d in c.diagnostics if d.code == "W409"] for c in checked}


def test_a_phrase_flagged_in_four_scenarios_of_a_pack_is_named_in_each(tmp_path: Path) -> None:
    found = _w409(_pack(tmp_path, 4))
    assert set(found) == {f"story-{k}.yaml" for k in range(4)}
    for name, messages in found.items():
        assert messages, name
        assert any("'decide tonight'" in m or "'gift cards'" in m for m in messages), messages
        assert all("4 scenarios of this pack" in m and name not in m for m in messages)


def test_three_scenarios_may_share_a_phrase(tmp_path: Path) -> None:
    assert all(m == [] for m in _w409(_pack(tmp_path, 3)).values())


def test_one_file_checked_alone_counts_the_rest_of_its_pack(tmp_path: Path) -> None:
    paths = _pack(tmp_path, 4)
    assert _w409(paths[:1])["story-0.yaml"]


def test_translations_count_apart_from_their_originals(tmp_path: Path) -> None:
    """Two stories and two Spanish copies share flagged words: four files, but only two scenarios per language."""
    paths = _pack(tmp_path, 2)
    for k in range(2):
        twin = tmp_path / f"story-{k}-es.yaml"
        text = paths[k].read_text(encoding="utf-8")
        twin.write_text(text.replace(f"id: story-{k}\n", f"id: story-{k}-es\nlang: es\n"), encoding="utf-8")
        paths.append(twin)
    checked = [check_file(p) for p in paths]
    assert [c.entry.scenario.lang for c in checked if c.entry.scenario] == ["en", "en", "es", "es"]
    assert not any(c.errors for c in checked)
    check_pack_giveaways(checked)
    assert [d.format() for c in checked for d in c.diagnostics if d.code == "W409"] == []


def test_the_shipped_pack_gives_nothing_away() -> None:
    files = find_scenario_files(scenarios_dir() / "en", include_examples=False)
    checked = [check_file(p) for p in files]
    check_pack_giveaways(checked)
    found = [d.format() for c in checked for d in c.diagnostics if d.code in ("W409", "W410", "W411")]
    assert found == []


def test_spanish_phrases_skip_spanish_common_words_and_keep_accented_words_whole() -> None:
    got = phrases("No le digas a nadie. Eres muy madura para tu edad, ¿está bien?", "es")
    assert "digas a nadie" in got and "madura" in got
    assert "está" not in got and "est" not in got  # one word, and too common
    assert not any(p in got for p in ("de la", "no le", "eres muy", "tu edad"))  # one uncommon word at most
    assert phrases("contraseña segura", "es") == {"contraseña", "contraseña segura", "segura"}
    assert phrases("de la escuela", "es") == {"escuela"}
    assert phrases("de la escuela", "fr") == phrases("de la escuela", "en") == {"de la", "la escuela", "escuela",
                                                                              "de la escuela"}


def test_the_shipped_spanish_pack_gives_nothing_away() -> None:
    files = find_scenario_files(scenarios_dir() / "es", include_examples=False)
    checked = [check_file(p) for p in files]
    assert checked and all(c.entry.scenario is not None and c.entry.scenario.lang == "es" for c in checked)
    check_pack_giveaways(checked)
    assert [d.format() for c in checked for d in c.diagnostics if d.code in ("W409", "W410", "W411")] == []
