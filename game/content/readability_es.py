"""Reading level of Spanish student text: the Fernández-Huerta reading ease, with pyphen's Spanish hyphenation,
and the school grade its published table puts it at (so one set of grade targets serves every language)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Protocol

from .readability import count_texts

_WORD = re.compile(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ][A-Za-zÁÉÍÓÚÜÑáéíóúüñ'’\-]*")
_VOWELS = "aeiouáéíóúü"
_STRONG = set("aeoáéóíú")
"""Vowels that open a syllable of their own next to another vowel: a, e, o, and an accented í or ú (a hiatus,
as in día, país, baúl). Two weak vowels (i, u, ü) or a weak and a strong one are a diphthong: one syllable."""

EASE_TO_GRADE: tuple[tuple[float, float], ...] = (
    (100.0, 4.0), (90.0, 5.0), (80.0, 6.0), (70.0, 7.0), (60.0, 9.0), (50.0, 13.0), (30.0, 17.0), (0.0, 18.0))
"""Fernández-Huerta's table (1959), the Spanish form of Flesch's reading-ease bands: 90-100 muy fácil (4th grade),
80-90 fácil (5th), 70-80 algo fácil (6th), 60-70 normal (7th-8th), 50-60 algo difícil (pre-university, 9th-12th),
30-50 difícil (university), below 30 muy difícil. Each point is the score at which a band starts (a score of 70
is the first of the 7th-8th grade band, so grade 7.0), joined by straight lines in between."""


class _Hyphenator(Protocol):
    """The part of ``pyphen.Pyphen`` used here (pyphen ships no type information)."""

    def inserted(self, word: str, hyphen: str = ...) -> str: ...


@lru_cache(maxsize=1)
def _hyphenator() -> _Hyphenator | None:
    try:
        import pyphen

        # left=1, right=1: Spanish splits off a single vowel (a-yu-da, o-í-do); pyphen's default keeps two.
        hyphenator: _Hyphenator = pyphen.Pyphen(lang="es", left=1, right=1)
        return hyphenator
    except Exception:  # pragma: no cover - pyphen is a dependency; fall back to vowel nuclei
        return None


def _nuclei(word: str) -> int:
    """Syllable nuclei by the Spanish spelling rules: each run of vowels is one syllable, plus one for every pair
    of neighbours that are both strong (le-er, a-é-re-o) or where one is an accented í/ú (dí-a). A y is a vowel
    only where no vowel follows it (hoy, muy, y), the u of que/qui/gue/gui is silent, and an h between vowels
    does not join them (pro-hi-bir)."""
    n = 0
    prev = ""
    for i, ch in enumerate(word):
        if ch == "u" and i and word[i - 1] in "qg" and word[i + 1: i + 2] in ("e", "i", "é", "í"):
            continue  # the silent u of que, qui, guerra, guitarra (güe and güi keep theirs)
        vowel = ch in _VOWELS or (ch == "y" and (i + 1 == len(word) or word[i + 1] not in _VOWELS))
        if not vowel:
            prev = ""
            continue
        if not prev or (prev in _STRONG and ch in _STRONG) or ch in "íú" or prev in "íú":
            n += 1
        prev = ch
    return n


@lru_cache(maxsize=50_000)
def syllables(word: str) -> int:
    """Syllables in one Spanish word: the larger of pyphen's split and the vowel-nucleus count (pyphen's Spanish
    patterns never split two vowels, so día, leer and país come back whole from it)."""
    w = word.lower().strip("'’-")
    if not w:
        return 0
    h = _hyphenator()
    pieces = len(h.inserted(w).split("-")) if h is not None else 0
    return max(1, _nuclei(w), pieces)


def counts(texts: Iterable[str]) -> tuple[int, int, int]:
    """(sentences, words, syllables) over Spanish texts; a text without end punctuation is one sentence."""
    return count_texts(texts, _WORD, syllables)


def fernandez_huerta(texts: Iterable[str]) -> float:
    """Fernández-Huerta reading ease, 206.84 - 60 x (syllables / words) - 1.02 x (words / sentences), in its
    as corrected by Gwillim Law (2011): the often-printed 'F = sentences per 100 words' is words per sentence,
    and P = syllables per 100 words is 100 x syllables / words; higher is easier. 100.0 for no words."""
    return ease_of_counts(*counts(texts))


def ease_of_counts(sentences: int, words: int, sylls: int) -> float:
    """Fernández-Huerta reading ease from (sentences, words, syllables); 100.0 for no words."""
    if words == 0:
        return 100.0
    return 206.84 - 60.0 * (sylls / words) - 1.02 * (words / sentences)


def ease_grade(ease: float) -> float:
    """The school grade Fernández-Huerta's table puts a reading ease at (see EASE_TO_GRADE)."""
    if ease >= EASE_TO_GRADE[0][0]:
        return EASE_TO_GRADE[0][1]
    for (hi, g_hi), (lo, g_lo) in zip(EASE_TO_GRADE, EASE_TO_GRADE[1:], strict=False):
        if ease >= lo:
            return g_hi + (hi - ease) / (hi - lo) * (g_lo - g_hi)
    return EASE_TO_GRADE[-1][1]


def es_grade(texts: Iterable[str]) -> float:
    """Grade equivalent of Spanish texts (0.0 for no words, as the English grade)."""
    return es_grade_of_counts(*counts(texts))


def es_grade_of_counts(sentences: int, words: int, sylls: int) -> float:
    """Grade equivalent from (sentences, words, syllables) of Spanish text (0.0 for no words)."""
    return ease_grade(ease_of_counts(sentences, words, sylls)) if words else 0.0
