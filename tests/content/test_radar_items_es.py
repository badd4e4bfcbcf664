"""The radar check in Spanish (scenarios/radar/es): the same items as English (ids, forms, kinds, themes, truth,
tags, who speaks), translated; checked with the Spanish reading level and wording rules; picked by language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.content.catalog import scenarios_dir
from game.content.radar import Form, RadarItem
from game.content.radar_check import item_texts, load_radar_set
from game.session.radar import radar_folder

EN = scenarios_dir() / "radar"
ES = EN / "es"


def _shape(item: RadarItem) -> tuple[object, ...]:
    c = item.content
    return (item.id, item.form, item.kind, item.theme, item.flag, item.tags, c.app, c.with_,
            [(ch.id, ch.role) for ch in c.characters], [(m.speaker, m.post) for m in c.messages],
            c.card is not None and (c.card.address, len(c.card.details), c.card.button is not None))


def test_the_spanish_set_is_clean_and_spanish() -> None:
    rs = load_radar_set(ES)
    assert rs.lang == "es"
    assert rs.all_diagnostics() == [], [d.format() for d in rs.all_diagnostics()]


@pytest.mark.parametrize("form", list(Form), ids=[f.value for f in Form])
def test_every_form_has_the_english_items_in_spanish(form: Form) -> None:
    en, es = load_radar_set(EN).form(form), load_radar_set(ES).form(form)
    assert [_shape(i) for i in es] == [_shape(i) for i in en]
    for a, b in zip(es, en, strict=True):
        assert a.explain != b.explain and list(item_texts(a)) != list(item_texts(b)), a.id


def test_the_radar_folder_follows_the_language() -> None:
    assert radar_folder(lang="es") == ES and radar_folder(lang="es-MX") == ES
    assert radar_folder(lang="en") == EN and radar_folder(lang="vi") == EN


def test_spanish_items_get_the_spanish_wording_rule(tmp_path: Path) -> None:
    folder = tmp_path / "radar" / "es"
    shutil.copytree(ES, folder)
    path = folder / "form-a.yaml"
    text = path.read_text(encoding="utf-8")
    old = "explain: Los códigos de acceso abren cuentas."
    assert old in text
    path.write_text(text.replace(old, "explain: Es tu culpa. Los códigos de acceso abren cuentas."), encoding="utf-8")
    codes = [(d.code, d.message) for d in load_radar_set(folder).all_diagnostics()]
    assert ("R509", "item 'a03': 'tu culpa' blames the person targeted or says 'game over'") in codes, codes
