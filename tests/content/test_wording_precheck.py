"""The wording rules' one-look pre-check never hides a hit: every text `blame_hits` flags makes the whole story
a candidate, in English and in Spanish."""

from __future__ import annotations

from game.content.catalog import find_scenario_files, scenarios_dir
from game.content.language import may_have_wording_hits, wording_hits
from game.content.loader import load_scenario
from game.content.readability import located_student_texts
from game.content.rules import BLAME_PHRASES, FAIL_PHRASES

SPANISH = ["Es tu culpa por mandarla.", "Debiste saberlo.", "Fin del juego.", "Perdiste.", "perdiste",
           "Te lo buscaste"]


def test_every_flagged_phrase_passes_the_precheck() -> None:
    for phrase in (*BLAME_PHRASES, *FAIL_PHRASES):
        texts = ["A calm line.", f"Then: {phrase}, they said."]
        if wording_hits(texts, "en"):
            assert may_have_wording_hits(texts, "en"), phrase
    for text in SPANISH:
        texts = [text, "Una línea tranquila"]
        assert wording_hits(texts, "es"), text
        assert may_have_wording_hits(texts, "es"), text
    assert not may_have_wording_hits(["You spotted it.", "Telling someone was brave."], "en")
    assert not may_have_wording_hits(["Lo notaste.", "Contarlo fue valiente."], "es")


def test_the_precheck_agrees_with_the_rules_on_every_shipped_story() -> None:
    for path in find_scenario_files(scenarios_dir()):
        scn = load_scenario(path).model
        assert scn is not None, path
        texts = [t for _, t in located_student_texts(scn)]
        if any(wording_hits([t], scn.lang) for t in texts):
            assert may_have_wording_hits(texts, scn.lang), path
