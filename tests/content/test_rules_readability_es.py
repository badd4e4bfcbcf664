"""Spanish reading level (Fernández-Huerta with pyphen's Spanish hyphenation) and the Spanish wording rules,
and that validate applies them to a `lang: es` story (W404, W406)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content.language import is_checked, reading_grade, wording_hits
from game.content.readability import CORE_MAX_GRADE, EXTENDED_MAX_GRADE
from game.content.readability_es import counts, ease_grade, es_grade, fernandez_huerta, syllables
from game.content.rules_es import blame_hits_es
from game.session.check import check_file

STORY_ES = Path(__file__).resolve().parents[1] / "fixtures" / "parity" / "es" / "story.yaml"


@pytest.mark.parametrize(("word", "n"), [("ayuda", 3), ("día", 2), ("leer", 2), ("país", 2), ("aéreo", 4),
                                         ("adolescente", 5), ("que", 1), ("guerra", 2), ("pingüino", 3),
                                         ("hoy", 1), ("muy", 1), ("y", 1), ("ciudad", 2), ("oído", 3),
                                         ("prohibir", 3), ("instrucción", 3), ("aeropuerto", 5), ("buey", 1)])
def test_spanish_syllables(word: str, n: int) -> None:
    assert syllables(word) == n


def test_fernandez_huerta_is_the_corrected_formula() -> None:
    text = "Hola, ¿cómo estás? Me llamo Sam y vivo aquí."
    s, w, y = counts([text])
    assert (s, w, y) == (2, 9, 15)  # ho-la có-mo es-tás me lla-mo sam y vi-vo a-quí
    assert fernandez_huerta([text]) == pytest.approx(206.84 - 60 * (y / w) - 1.02 * (w / s))
    # Shorter sentences read easier (the misprinted 'sentences per 100 words' form would say the opposite).
    assert fernandez_huerta(["Hola. Me llamo Sam. Vivo aquí."]) > fernandez_huerta(["Hola me llamo Sam vivo aquí."])


def test_the_grade_table_matches_the_english_targets() -> None:
    # Band starts of Fernández-Huerta's table: 70 opens the 7th-8th grade band, 60 closes it.
    assert ease_grade(100) == 4.0 and ease_grade(90) == 5.0 and ease_grade(80) == 6.0
    assert ease_grade(70) == CORE_MAX_GRADE and ease_grade(70.1) < CORE_MAX_GRADE < ease_grade(69.9)
    assert ease_grade(62.5) == pytest.approx(EXTENDED_MAX_GRADE)
    assert ease_grade(60) == 9.0 and ease_grade(-20) == 18.0
    easy = ["Hola. ¿Quién eres? No te conozco. Voy a hablar con mi mamá."]
    hard = ["Las organizaciones que anuncian remuneraciones extraordinarias necesitan frecuentemente una "
            "verificación independiente, exhaustiva y documentada de su legitimidad institucional."]
    assert es_grade(easy) <= CORE_MAX_GRADE < 12 < es_grade(hard)
    assert es_grade([]) == 0.0 and es_grade(["¿?"]) == 0.0


def test_the_language_picks_the_formula_and_the_rules() -> None:
    text = ["Es tu culpa. Perdiste."]
    assert reading_grade(text, "es") == es_grade(text) and reading_grade(text, "es-MX") == es_grade(text)
    assert reading_grade(text, "vi") is None and wording_hits(text, "vi") == [] and not is_checked("vi")
    assert [h.phrase for h in wording_hits(text, "es")] == ["tu culpa", "perdiste"]
    assert wording_hits(["It is your fault."], "en")[0].phrase == "your fault"


@pytest.mark.parametrize("text", ["No es tu culpa.", "Nada de esto es tu culpa.", "Nunca fue tu culpa.",
                                  "No es para nada tu culpa.", "Tú no tienes la culpa.", "No es culpa tuya.",
                                  "La culpa no es tuya, es de Sam.", "¿Cómo podrías darte cuenta?",
                                  "¿Cómo pudiste darte cuenta de que mentía?", "Perdiste tu contraseña.",
                                  "Esto es culpa de Sam, no tuya."])
def test_reassurance_is_not_blame_es(text: str) -> None:
    assert blame_hits_es([text]) == []


@pytest.mark.parametrize(("text", "phrase"), [("Es tu culpa.", "tu culpa"), ("Tienes la culpa.", "tienes la culpa"),
                                              ("La culpa es tuya.", "la culpa es tuya"),
                                              ("Es culpa tuya.", "es culpa tuya"),
                                              ("Debiste saberlo.", "debiste saberlo"),
                                              ("Deberías haberlo sabido.", "deberías haberlo sabido"),
                                              ("¿Cómo pudiste mandar eso?", "cómo pudiste"),
                                              ("¿como pudiste?", "cómo pudiste"),
                                              ("Te lo buscaste.", "te lo buscaste"),
                                              ("Fuiste muy tonta.", "fuiste tonto"),
                                              ("¿En qué estabas pensando?", "en qué estabas pensando"),
                                              ("GAME OVER", "game over"), ("Fin del juego.", "fin del juego"),
                                              ("Perdiste.", "perdiste"), ("Has perdido el juego", "perdiste"),
                                              ("Fallaste.", "fallaste")])
def test_blame_and_fail_wording_is_caught_es(text: str, phrase: str) -> None:
    assert [h.phrase for h in blame_hits_es([text])] == [phrase]


def _variant(tmp_path: Path, name: str, *edits: tuple[str, str]) -> Path:
    text = STORY_ES.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    out = tmp_path / name  # no language folders around it: no W407
    out.write_text(text, encoding="utf-8")
    return out


def test_validate_applies_the_spanish_rules(tmp_path: Path) -> None:
    clean = _variant(tmp_path, "clean.yaml")
    assert [d.code for d in check_file(clean).diagnostics if d.code in ("W404", "W406")] == []
    hard = ("Las organizaciones que anuncian remuneraciones extraordinarias necesitan frecuentemente una "
            "verificación independiente, exhaustiva y documentada de su legitimidad institucional. ")
    broken = _variant(tmp_path, "broken.yaml", ("feedback: Contarlo ayuda.", "feedback: Es tu culpa por no revisar."),
                      ("summary: Una historia corta para las pruebas.", f"summary: {hard * 2}"))
    found = [(d.code, d.line, d.message) for d in check_file(broken).diagnostics if d.code in ("W404", "W406")]
    assert ("W406", 49, "'tu culpa' in student text") in found, found
    assert any(code == "W404" and "Fernández-Huerta" in m for code, _, m in found), found
    w406 = next(d for d in check_file(broken).diagnostics if d.code == "W406")
    assert "no tuya" in (w406.hint or "")
