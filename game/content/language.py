"""Which reading-level formula and wording rules a story's language uses (English, Spanish; others: none yet)."""

from __future__ import annotations

from typing import Iterable, Optional

from .readability import _WORD, fk_grade, fk_grade_of_counts
from .readability import counts as en_counts
from .readability_es import counts as es_counts
from .readability_es import es_grade, es_grade_of_counts, word_count
from .rules import RuleHit, blame_hits, may_blame
from .rules_es import blame_hits_es, may_blame_es

CHECKED_LANGUAGES = ("en", "es")
"""Languages with a reading-level formula and wording rules; a story in another language skips W404 and W406."""


def base_language(lang: str) -> str:
    """'es' for 'es', 'es-MX' or 'es_US'; lower case."""
    return lang.replace("_", "-").split("-")[0].lower()


def is_checked(lang: str) -> bool:
    """True when the language has a reading-level formula and wording rules here."""
    return base_language(lang) in CHECKED_LANGUAGES


def reading_grade(texts: Iterable[str], lang: str) -> Optional[float]:
    """The school grade of texts: Flesch-Kincaid for English, Fernández-Huerta's grade table for Spanish; None for
    a language without a formula."""
    base = base_language(lang)
    if base == "en":
        return fk_grade(texts)
    if base == "es":
        return es_grade(texts)
    return None


def words(texts: Iterable[str], lang: str) -> int:
    """Words in texts, counted the way the language's formula counts them."""
    if base_language(lang) == "es":
        return word_count(texts)
    return sum(len(_WORD.findall(t)) for t in texts)


def wording_hits(texts: Iterable[str], lang: str) -> list[RuleHit]:
    """Blaming or 'game over' wording in texts, by the language's rules (none for a language without rules)."""
    base = base_language(lang)
    if base == "en":
        return blame_hits(texts)
    if base == "es":
        return blame_hits_es(texts)
    return []


Counts = tuple[int, int, int]
"""(sentences, words, syllables): they add up over texts."""


def text_counts(texts: Iterable[str], lang: str) -> Optional[Counts]:
    """The counts the language's formula reads, or None for a language without a formula."""
    base = base_language(lang)
    if base == "en":
        return en_counts(texts)
    if base == "es":
        return es_counts(texts)
    return None


def grade_of_counts(c: Counts, lang: str) -> Optional[float]:
    """The school grade from counts (as `reading_grade` gives it from the texts)."""
    base = base_language(lang)
    if base == "en":
        return fk_grade_of_counts(*c)
    if base == "es":
        return es_grade_of_counts(*c)
    return None


def may_have_wording_hits(texts: Iterable[str], lang: str) -> bool:
    """False when none of the texts can hold blaming or 'game over' wording (one look at them all)."""
    base = base_language(lang)
    if base == "en":
        return may_blame(texts)
    if base == "es":
        return may_blame_es(texts)
    return False
