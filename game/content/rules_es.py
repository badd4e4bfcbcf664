"""The no-blame and no 'game over' wording rules for Spanish student text ('no es tu culpa' is allowed)."""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from .rules import RuleHit

# Matched on lower-case text with the accents taken off (so 'como pudiste' and 'cómo pudiste' are one phrase).
BLAME_PHRASES_ES: tuple[tuple[str, str], ...] = (
    ("tu culpa", r"\btu culpa\b"),
    ("tienes la culpa", r"\btienes (toda )?la culpa\b"),
    ("la culpa es tuya", r"\bla culpa (es|fue|era) (toda )?tuya\b"),
    ("es culpa tuya", r"\b(es|fue|era) (toda )?culpa tuya\b"),
    ("debiste saberlo", r"\bdebiste (saberlo|saber|darte cuenta|imaginarlo)\b"),
    ("deberías haberlo sabido", r"\b(deberias|tendrias que|debias) (haberlo|haber) (sabido|visto|imaginado)\b"),
    ("cómo pudiste", r"\bcomo (pudiste|se te ocurrio)\b(?! (darte cuenta|saber|notar|ver|ayudar|pedir|avisar"
                     r"|protegerte|detenerlo|frenarlo|reportarlo|denunciarlo|salir))"),
    ("te lo buscaste", r"\bte lo (buscaste|ganaste|merecias|mereces|merecia|tenias merecido)\b"),
    ("fuiste tonto", r"\bfuiste (muy |un |una |bien )?(tont[oa]|estupid[oa]|idiota|ingenu[oa])\b"),
    ("en qué estabas pensando", r"\b(en )?que estabas pensando\b"),
)
FAIL_PHRASES_ES: tuple[tuple[str, str], ...] = (
    ("game over", r"\bgame over\b"),
    ("fin del juego", r"\bfin del juego\b"),
    ("juego terminado", r"\bjuego terminado\b"),
    ("perdiste", r"\b(perdiste|has perdido|pierdes)( el juego| la partida)?(?=\s*[.!]|\s*$| el juego| la partida)"),
    ("fallaste", r"\b(fallaste|has fallado|fracasaste|has fracasado|reprobaste)\b"),
)

# "no es tu culpa", "nunca fue tu culpa", "nada de esto es tu culpa", "no es para nada tu culpa", "tú no tienes la
# culpa", "la culpa no es tuya" (that last one never matches 'la culpa es tuya' in the first place).
_NEGATED = re.compile(r"(\bno|\bnunca|\bjamas|\bnada de (esto|eso|lo que paso)|\bde ninguna manera|\bni)"
                      r"( (es|fue|era|sera|seria|tienes|tuviste|tenias))?( (para nada|del todo|en absoluto))?"
                      r"( (tu|toda))? $")

_CAN_BE_NEGATED = ("tu culpa", "tienes la culpa", "es culpa tuya")
_SPACES = re.compile(r"\s+")
_BLAME = tuple((phrase, re.compile(pattern)) for phrase, pattern in BLAME_PHRASES_ES)
_FAIL = tuple((phrase, re.compile(pattern)) for phrase, pattern in FAIL_PHRASES_ES)


def fold(text: str) -> str:
    """Lower case, accents off (ñ becomes n), one space between words, straight apostrophes."""
    decomposed = unicodedata.normalize("NFD", text.replace("’", "'").lower())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", plain)


_KEYS = ("culp", "debi", "deberi", "tendri", "pudiste", "ocurrio", "te lo", "fuiste", "pensando")
"""Every blaming phrase holds one of these (folded): a text without any needs no regex."""


def _candidate(low: str) -> bool:
    return any(k in low for k in _KEYS)


def may_blame_es(texts: Iterable[str]) -> bool:
    """False when no Spanish text can hold a blaming or 'perdiste' phrase (one look at all of them)."""
    low = fold(".\n".join(texts) + ".")  # each text ends as a sentence, as the 'perdiste' pattern wants
    return _candidate(low) or any(pattern.search(low) for _, pattern in _FAIL)


def blame_hits_es(texts: Iterable[str]) -> list[RuleHit]:
    """Spanish texts with blaming or 'perdiste' wording. 'No es tu culpa' and 'no tienes la culpa' are allowed."""
    hits: list[RuleHit] = []
    for text in texts:
        low = fold(text)
        if _candidate(low):
            for phrase, pattern in _BLAME:
                for m in pattern.finditer(low):
                    if phrase in _CAN_BE_NEGATED and _NEGATED.search(low[max(0, m.start() - 40):
                                                                                          m.start()]):
                        continue
                    hits.append(RuleHit("blame", phrase, text))
        for phrase, pattern in _FAIL:
            if pattern.search(low):
                hits.append(RuleHit("fail", phrase, text))
    return hits
