"""Reading level (Flesch-Kincaid grade) of student-facing text, computed offline with pyphen."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Iterable, Iterator, Protocol

from .schema import Node, Scenario
from .texts import P, node_texts

CORE_MAX_GRADE = 7.0
EXTENDED_MAX_GRADE = 8.5

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_END_RUN = re.compile(r"[.!?]+")
_CLOSERS = re.compile(r"[\"'’”)\]]*")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


class _Hyphenator(Protocol):
    """The part of ``pyphen.Pyphen`` used here (pyphen ships no type information)."""

    def inserted(self, word: str, hyphen: str = ...) -> str: ...


@lru_cache(maxsize=1)
def _hyphenator() -> _Hyphenator | None:
    try:
        import pyphen

        hyphenator: _Hyphenator = pyphen.Pyphen(lang="en_US")
        return hyphenator
    except Exception:  # pragma: no cover - pyphen is a dependency; fall back to vowel groups
        return None


@lru_cache(maxsize=50_000)
def syllables(word: str) -> int:
    """Syllables in one word: the larger of pyphen's split and a vowel-group count."""
    w = word.lower().strip("'’-")
    if not w:
        return 0
    groups = len(_VOWEL_GROUPS.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and groups > 1:
        groups -= 1
    h = _hyphenator()
    pieces = len(h.inserted(w).split("-")) if h is not None else 0
    return max(1, groups, pieces)


def counts(texts: Iterable[str]) -> tuple[int, int, int]:
    """(sentences, words, syllables) over English texts; a text without end punctuation is one sentence."""
    return count_texts(texts, _WORD, syllables)


def count_texts(texts: Iterable[str], word: re.Pattern[str],
                syllables_of: Callable[[str], int]) -> tuple[int, int, int]:
    """(sentences, words, syllables) over texts, with a language's word pattern and syllable count; a text without
    end punctuation is one sentence."""
    sentences = words = sylls = 0
    for text in texts:
        found = word.findall(text)
        if not found:
            continue
        words += len(found)
        sylls += sum(syllables_of(w) for w in found)
        sentences += max(1, sentence_ends(text.strip()))
    return sentences, words, sylls


def sentence_ends(text: str) -> int:
    """How many sentences end in a text: a run of . ! or ? (then any closing quotes or brackets) before a space
    or the end. One pass over the text: a run is looked at once, never again from inside it (a regex that
    backtracked here took seconds on a line of 20,000 dots)."""
    n = 0
    for run in _END_RUN.finditer(text):
        close = _CLOSERS.match(text, run.end())
        after = close.end() if close else run.end()
        if after == len(text) or text[after].isspace():
            n += 1
    return n


def fk_grade(texts: Iterable[str]) -> float:
    """Flesch-Kincaid grade level of the texts taken together (0.0 for no words)."""
    return fk_grade_of_counts(*counts(texts))


def fk_grade_of_counts(sentences: int, words: int, sylls: int) -> float:
    """Flesch-Kincaid grade from (sentences, words, syllables) (0.0 for no words): counts add up over texts, so
    a whole story's grade comes from its parts' counts without counting again."""
    if words == 0:
        return 0.0
    return 0.39 * (words / sentences) + 11.8 * (sylls / words) - 15.59


def node_located_texts(nid: str, node: Node) -> Iterator[tuple[P, str]]:
    """The texts of one node that count for the reading level, with their paths (`texts.node_texts`, prose only)."""
    return ((t.path, t.text) for t in node_texts(nid, node) if t.prose)


def debrief_located_texts(scn: Scenario) -> Iterator[tuple[P, str]]:
    """Student-visible texts of the debrief with their paths."""
    if scn.debrief is None:
        return
    d = scn.debrief
    for i, rf in enumerate(d.red_flags):
        yield ("debrief", "red_flags", i, "label"), rf.label
        yield ("debrief", "red_flags", i, "explain"), rf.explain
    for i, q in enumerate(d.questions):
        yield ("debrief", "questions", i), q
    yield ("debrief", "help_a_friend"), d.help_a_friend


def located_student_texts(scn: Scenario) -> Iterator[tuple[P, str]]:
    """Every text a student sees in a scenario that counts for the reading level (teacher notes, prices, names,
    addresses and profile fields excluded), with its path."""
    yield ("title",), scn.title
    yield ("summary",), scn.summary
    yield ("content_note",), scn.content_note
    for i, goal in enumerate(scn.learning_goals):
        yield ("learning_goals", i), goal
    for nid, node in scn.nodes.items():
        yield from node_located_texts(nid, node)
    yield from debrief_located_texts(scn)


def student_texts(scn: Scenario) -> Iterator[str]:
    """The texts of `located_student_texts`, without their paths."""
    return (text for _, text in located_student_texts(scn))


def max_grade(tier: str) -> float:
    """The grade target for an age tier ('core' or 'extended')."""
    return CORE_MAX_GRADE if tier == "core" else EXTENDED_MAX_GRADE
