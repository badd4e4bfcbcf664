"""Twine text markup to plain text (emphasis, headings, styles) and `Name: text` speaker lines."""

from __future__ import annotations

import html
import re
import unicodedata
from typing import Optional

from ..content.safetext import clean

MAX_ID = 60
_SEPARATORS = str.maketrans({"\u2028": " ", "\u2029": " ", "\ufeff": ""})


def safe(text: str) -> str:
    """Text that can go into the YAML file: no control or bidi characters, no Unicode line separators."""
    return clean(text).translate(_SEPARATORS)



def slugify(name: str) -> str:
    """A passage name as an id: accents dropped, lowercase, other characters as '_' ('' if none are left)."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[^a-z0-9]+", "_", text).strip("_")
    return text[:MAX_ID].rstrip("_")


_PAIRS_ALL = [r"''", r"//", r"\*\*", r"~~", r"\^\^"]
"""Emphasis pairs every format shares: bold, italic, bold (Markdown), strike-through, superscript."""
_PAIRS_SUGAR = [r"__", r"==", r",,"]
_PAIRS_MARKDOWN = [r"__", r"\*", r"_"]
_LEFTOVER = re.compile(r"''|\*\*|~~|\^\^|(?<![:/])//|@@|\]<[\w-]+\||\|[\w-]+>")
_STYLE = re.compile(r"@@(?:[#.\w\s:;-]*;)?(.*?)@@")
_HEADING = re.compile(r"^\s*(?:!{1,6}|#{1,6}(?=\s))\s*")
_LIST = re.compile(r"^\s*(?:[*+-]|\d+[.)])\s+(?=\S)")
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$")
_SPEAKER = re.compile(r"^([A-Z\u00C0-\u024F][\w'.\-]*(?: [A-Z\u00C0-\u024F][\w'.\-]*){0,2}|[a-z][a-z0-9]*[_.\d][\w.]*)"
                      r"\s*:\s+(\S.*)$")
NOT_SPEAKERS = {"note", "notes", "todo", "warning", "tip", "hint", "subject", "from", "to", "re", "date", "time",
                "ps", "p.s", "update", "edit", "step", "answer", "question", "q", "a", "fyi", "important", "reminder",
                "location", "where", "when", "status", "score", "level", "day", "chapter", "part", "scene",
                "translation", "caption", "example", "result", "link", "source", "posted", "bio", "cc", "bcc"}
"""Labels that look like `Name:` but are not a person speaking."""
PLAYER_WORDS = {"you", "me", "i", "player"}
_PUNCT_ONLY = re.compile(r"^[\s\W_]*$")


def _pair(mark: str) -> re.Pattern[str]:
    if mark in (r"\*", r"_"):
        return re.compile(rf"(?<![\w*_]){mark}(?=\S)(.+?)(?<=\S){mark}(?![\w*_])")
    guard = r"(?<!:)" if mark == "//" else ""
    return re.compile(rf"{guard}{mark}(.+?){mark}")


def plain(text: str, fmt: str) -> str:
    """A line's text without the story format's markup: emphasis keeps its words, headings and list marks go."""
    pairs = _PAIRS_ALL + (_PAIRS_SUGAR if fmt == "sugarcube" else _PAIRS_MARKDOWN if fmt in (
        "chapbook", "snowman") else [r"\*"] if fmt in ("harlowe", "") else [])
    out = _STYLE.sub(r"\1", safe(text))
    for _ in range(3):  # nested emphasis (''//both//'') needs a second pass
        before = out
        for mark in pairs:
            out = _pair(mark).sub(r"\1", out)
        if out == before:
            break
    out = _HEADING.sub("", out)
    out = _LIST.sub("", out)
    out = _LEFTOVER.sub("", out)
    out = html.unescape(out) if "&" in out else out
    out = out.replace("\\", "") if fmt == "chapbook" else out
    return " ".join(out.split())


def is_rule(text: str) -> bool:
    """True for a horizontal rule line (---, ***, ====)."""
    return bool(_RULE.match(text))


def speaker_of(text: str) -> Optional[tuple[str, str]]:
    """(name, what they say) for a `Name: text` line, else None."""
    m = _SPEAKER.match(text)
    name = m.group(1).lower().rstrip(".") if m else ""
    if not m or name in NOT_SPEAKERS or name.split()[0] in NOT_SPEAKERS or len(name) > 40:
        return None
    said = m.group(2).strip()
    if len(said) >= 2 and (said[0], said[-1]) in (('"', '"'), ("\u201c", "\u201d")):
        said = said[1:-1].strip()
    return (m.group(1), said) if said and not _PUNCT_ONLY.match(said) else None


def is_empty(text: str) -> bool:
    """True when nothing but spaces and punctuation is left."""
    return bool(_PUNCT_ONLY.match(text))
