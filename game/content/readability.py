"""Reading level (Flesch-Kincaid grade) of student-facing text, computed offline with pyphen."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator, Protocol

from .schema import Scenario

CORE_MAX_GRADE = 7.0
EXTENDED_MAX_GRADE = 8.5

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_SENTENCE_END = re.compile(r"[.!?]+(?:[\"'’”)\]]*)(?=\s|$)")
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
    """(sentences, words, syllables) over texts; a text without end punctuation is one sentence."""
    sentences = words = sylls = 0
    for text in texts:
        found = _WORD.findall(text)
        if not found:
            continue
        words += len(found)
        sylls += sum(syllables(w) for w in found)
        sentences += max(1, len(_SENTENCE_END.findall(text.strip())))
    return sentences, words, sylls


def fk_grade(texts: Iterable[str]) -> float:
    """Flesch-Kincaid grade level of the texts taken together (0.0 for no words)."""
    s, w, y = counts(texts)
    if w == 0:
        return 0.0
    return 0.39 * (w / s) + 11.8 * (y / w) - 15.59


def student_texts(scn: Scenario) -> Iterator[str]:
    """Every text a student sees in a scenario (teacher notes excluded)."""
    yield scn.title
    yield scn.summary
    yield scn.content_note
    yield from scn.learning_goals
    for node in scn.nodes.values():
        yield from node_student_texts(node)
    if scn.debrief is not None:
        d = scn.debrief
        for rf in d.red_flags:
            yield rf.label
            yield rf.explain
        yield from d.questions
        yield d.help_a_friend


def node_student_texts(node: object) -> Iterator[str]:
    """Student-visible texts of one node."""
    from .schema import Node

    assert isinstance(node, Node)
    if node.title:
        yield node.title
    for m in node.messages:
        yield m.text
    if node.card is not None:
        c = node.card
        yield from (x for x in (c.title, c.body, c.button) if x)
        yield from c.details
        for t in c.toggles:
            yield t.label
            if t.help:
                yield t.help
    if node.prompt:
        yield node.prompt
    for ch in node.choices or []:
        yield ch.text
        if ch.headline:
            yield ch.headline
        if ch.feedback:
            yield ch.feedback
    if node.spot is not None:
        yield node.spot.prompt
        yield node.spot.text
        for p in node.spot.parts:
            yield p.explain
    if node.ending is not None:
        yield node.ending.title
        yield node.ending.text
        if node.ending.still_helps:
            yield node.ending.still_helps
    if node.discussion:
        yield node.discussion


def max_grade(tier: str) -> float:
    """The grade target for an age tier ('core' or 'extended')."""
    return CORE_MAX_GRADE if tier == "core" else EXTENDED_MAX_GRADE
