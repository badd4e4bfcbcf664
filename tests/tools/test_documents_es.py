"""The printed documents in Spanish: the documents catalog is complete, and `guide --lang es` is in Spanish with
the Spanish stories, tags and help lines (only Spanish-confirmed services on the help card)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from game.cli import main
from game.tools.doc_i18n import D_, document_language, documents_in, languages, problems


def test_the_spanish_documents_catalog_is_complete() -> None:
    assert "es" in languages()
    assert problems("es") == []


def test_document_words_follow_the_language_block() -> None:
    assert D_("Hours") == "Hours" and document_language() == "en"
    with documents_in("es-MX") as lang:
        assert lang == "es" and D_("Hours") == "Horario"
    with documents_in("vi") as lang:
        assert lang == "en" and D_("Hours") == "Hours"
    assert D_("Hours") == "Hours"


@cache
def _guide(lang: str, tmp: str) -> str:
    out = Path(tmp) / f"guide-{lang}.html"
    assert main(["guide", "--lang", lang, "-o", str(out)]) == 0
    return out.read_text(encoding="utf-8")


def _section(page: str, anchor: str) -> str:
    start = page.index(f'id="{anchor}"')
    end = page.find("<section", start + 1)
    return page[start:end if end > 0 else len(page)]


def test_the_spanish_guide(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    tmp = str(tmp_path_factory.mktemp("guide"))
    es, en = _guide("es", tmp), _guide("en", tmp)
    assert '<html lang="es">' in es and '<html lang="en">' in en
    for words in ("Red Flag Radar: guía para docentes", "Antes de la clase", "Reglas para leer en voz alta",
                  "Clase sugerida de 45 minutos", "Mapa de la historia", "El radar check: antes y después",
                  "Tácticas para nombrar", "Cuéntale a un adulto de confianza"):
        assert words in es, words
    for words in ("Before the lesson", "Suggested 45-minute lesson", "Tactics to name", "Story map"):
        assert words not in es and words in en, words
    card = _section(es, "help-card")
    assert set(re.findall(r'data-resource="(\w+)"', card)) == {"emergency", "lifeline_988", "trafficking_hotline",
                                                               "report_in_app"}
    assert "Envía AYUDA al" in card and "marca 2" in card
    verify = _section(es, "to-verify")
    assert 'data-resource="dv_hotline"' in verify and "personas que atienden en español" in verify
    assert 'data-resource="dv_hotline"' in _section(en, "help-card")
