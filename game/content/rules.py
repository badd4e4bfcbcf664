"""Content rules for student-facing text: no blaming, no 'game over', no real phone numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

BLAME_PHRASES = (
    "your fault",
    "you should have known",
    "how could you",
    "you asked for it",
    "you deserved",
    "you were stupid",
    "you were dumb",
    "what were you thinking",
    "you brought this on yourself",
)
FAIL_PHRASES = ("game over", "you lose", "you lost the game", "you failed", "wasted")

# A US-style phone number: 3-3-4 digits with separators, or 1-800 style, or 10 digits in a row.
_PHONE = re.compile(r"(?<!\d)(?:1[\s.\-])?\(?(\d{3})\)?[\s.\-]?(\d{3})[\s.\-](\d{4})(?!\d)")


# "not your fault", "never your fault", "none of this is your fault", "isn't all your fault"...
_NEGATED = re.compile(
    r"(\bnot|\bnever|n't|\bnone of (this|that|it) (is|was)|\bno part of (this|it) is)( all| at all)? $")


# "How could you tell / check / help ...?" asks for ideas; "How could you do that?" blames.
_NEUTRAL_HOW = (r"(?! (tell|check|help|spot|find|know|ask|keep|stay|support|show|learn|get|say|respond|reply"
                r"|protect|stop|report|make sure|see|notice)\b)")


@dataclass(frozen=True)
class RuleHit:
    """One text that breaks a content rule."""

    rule: str
    phrase: str
    text: str


_SPACES = re.compile(r"\s+")

# Compiled once: (phrase, pattern). The substring test before each regex keeps clean text cheap.
_BLAME = tuple((phrase, re.compile(re.escape(phrase) + (_NEUTRAL_HOW if phrase == "how could you" else "")))
               for phrase in BLAME_PHRASES)
_FAIL = tuple((phrase, re.compile(rf"\b{re.escape(phrase)}\b")) for phrase in FAIL_PHRASES)


def _normalise(text: str) -> str:
    return _SPACES.sub(" ", text.replace("’", "'").lower())


def may_blame(texts: Iterable[str]) -> bool:
    """False when no text can hold a blaming or 'you failed' phrase (one look at all of them; True means: look
    at each with `blame_hits`)."""
    low = _normalise("\n".join(texts))
    return any(phrase in low for phrase, _ in _BLAME) or any(phrase in low for phrase, _ in _FAIL)


def blame_hits(texts: Iterable[str]) -> list[RuleHit]:
    """Texts with blaming or 'you failed' wording. 'not your fault' is allowed."""
    hits: list[RuleHit] = []
    for text in texts:
        low = _normalise(text)
        for phrase, pattern in _BLAME:
            if phrase not in low:
                continue
            for m in pattern.finditer(low):
                before = low[max(0, m.start() - 24): m.start()]
                if phrase == "your fault" and _NEGATED.search(before):
                    continue
                hits.append(RuleHit("blame", phrase, text))
        for phrase, pattern in _FAIL:
            if phrase in low and pattern.search(low):
                hits.append(RuleHit("fail", phrase, text))
    return hits


def phone_numbers(text: str) -> list[str]:
    """Phone-number-like strings in a text, as digits only."""
    out = []
    for m in _PHONE.finditer(text):
        out.append("".join(m.groups()))
    return out


def is_fictional_number(digits: str) -> bool:
    """True for the fiction range 555-0100 to 555-0199 (any area code)."""
    return len(digits) == 10 and digits[3:6] == "555" and 100 <= int(digits[6:]) <= 199
