"""Untrusted text made safe to show: control and bidi-override characters found, stripped or escaped."""

from __future__ import annotations

import functools
import re
from typing import Optional

_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f"
"""C0 (but newline and tab), DEL and C1 control characters."""
_BIDI = "\u202a-\u202e\u2066-\u2069"
"""Bidi embeddings, overrides and isolates: an RLO can show a phone number backwards."""


@functools.cache
def _bad_re() -> re.Pattern[str]:
    """The characters `clean` strips (compiled on first need: most text is printable and never needs it)."""
    return re.compile(f"[{_CONTROL}{_BIDI}]")


@functools.cache
def _escape_re() -> re.Pattern[str]:
    """The characters `escape` writes as escapes."""
    return re.compile(f"[\\x00-\\x1f\\x7f-\\x9f{_BIDI}]")


def bad_character(text: str) -> Optional[tuple[int, str]]:
    """(0-based index, character) of the first control or bidi-control character in a text, or None."""
    if text.isprintable():  # no control or format character at all, so none of the bad ones
        return None
    m = _bad_re().search(text)
    return (m.start(), m.group()) if m else None


def char_name(ch: str) -> str:
    """How a refused character is named in a message: U+001B, or NUL."""
    return "NUL" if ch == "\0" else f"U+{ord(ch):04X}"


def clean(text: str) -> str:
    """The text without control characters (newline and tab kept) or bidi controls: for screens and documents."""
    if text.isprintable():
        return text
    bad = _bad_re()
    return bad.sub("", text) if bad.search(text) else text


def escape(text: str) -> str:
    """Every control character (newline and tab included) and bidi control written as a visible escape (\\x1b,
    \\n, \\u202e): file-derived text in a diagnostic can never move a terminal's cursor, retitle it or fake a line."""
    if text.isprintable():
        return text
    pattern = _escape_re()
    return pattern.sub(_escaped, text) if pattern.search(text) else text


def _escaped(m: re.Match[str]) -> str:
    ch = m.group()
    if ch == "\n":
        return "\\n"
    if ch == "\t":
        return "\\t"
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"
