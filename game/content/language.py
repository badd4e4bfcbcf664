"""Which reading-level formula and wording rules a story's language uses (English, Spanish; others: none yet)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Optional

from . import readability, readability_es
from .rules import RuleHit, blame_hits, may_blame
from .rules_es import blame_hits_es, may_blame_es

Counts = tuple[int, int, int]
"""(sentences, words, syllables): they add up over texts."""


@dataclass(frozen=True)
class LanguageRules:
    """A language's reading-level formula (counts, and the grade from them) and its wording rules."""

    counts: Callable[[Iterable[str]], Counts]
    grade: Callable[[int, int, int], float]
    hits: Callable[[Iterable[str]], list[RuleHit]]
    may_hit: Callable[[Iterable[str]], bool]
    """False when no text can hold a hit (one look at them all)."""


RULES = {
    "en": LanguageRules(readability.counts, readability.fk_grade_of_counts, blame_hits, may_blame),
    "es": LanguageRules(readability_es.counts, readability_es.es_grade_of_counts, blame_hits_es, may_blame_es),
}
CHECKED_LANGUAGES = tuple(RULES)
"""Languages with a reading-level formula and wording rules; a story in another language skips W404 and W406."""


def base_language(lang: str) -> str:
    """'es' for 'es', 'es-MX' or 'es_US'; lower case."""
    return lang.replace("_", "-").split("-")[0].lower()


def rules_for(lang: str) -> Optional[LanguageRules]:
    """The language's formula and rules, or None for a language without them."""
    return RULES.get(base_language(lang))


def is_checked(lang: str) -> bool:
    """True when the language has a reading-level formula and wording rules here."""
    return rules_for(lang) is not None


def reading_grade(texts: Iterable[str], lang: str) -> Optional[float]:
    """The school grade of texts: Flesch-Kincaid for English, Fernández-Huerta's grade table for Spanish; None for
    a language without a formula."""
    r = rules_for(lang)
    return r.grade(*r.counts(texts)) if r is not None else None


def text_counts(texts: Iterable[str], lang: str) -> Optional[Counts]:
    """The counts the language's formula reads, or None for a language without a formula."""
    r = rules_for(lang)
    return r.counts(texts) if r is not None else None


def grade_of_counts(c: Counts, lang: str) -> Optional[float]:
    """The school grade from counts (as `reading_grade` gives it from the texts)."""
    r = rules_for(lang)
    return r.grade(*c) if r is not None else None


def wording_hits(texts: Iterable[str], lang: str) -> list[RuleHit]:
    """Blaming or 'game over' wording in texts, by the language's rules (none for a language without rules)."""
    r = rules_for(lang)
    return r.hits(texts) if r is not None else []


def may_have_wording_hits(texts: Iterable[str], lang: str) -> bool:
    """False when none of the texts can hold blaming or 'game over' wording (one look at them all)."""
    r = rules_for(lang)
    return r.may_hit(texts) if r is not None else False
