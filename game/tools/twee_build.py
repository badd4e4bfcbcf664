"""Turn a passage's tokens into lines (one message each), exits (links and gotos, with their conditions) and notes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from .twee_text import is_empty, is_rule, plain, speaker_of
from .twee_tokens import Tok, is_code_target

Cond = tuple[tuple[str, bool], ...]
"""Twine conditions that must hold (True) or fail (False) for a line or exit to show."""
_SEPARATOR = re.compile(r"^[\s|•·/,;:\-–—()\[\]]*(?:\bor\b)?[\s|•·/,;:\-–—()\[\]]*$", re.I)


@dataclass(frozen=True)
class Line:
    """One line of story text: narration (speaker '') or `Name: text`."""

    line: int
    text: str
    speaker: str
    cond: Cond


@dataclass(frozen=True)
class Exit:
    """A way out of a passage: a link, a link macro or a goto."""

    text: str
    target: str
    setter: str
    cond: Cond
    line: int
    col: int
    tcol: int
    goto: bool

    @property
    def code(self) -> bool:
        """True when the target is an expression, not a passage name."""
        return is_code_target(self.target)


@dataclass
class Built:
    """What a passage holds once its markup is read."""

    lines: list[Line] = field(default_factory=list)
    exits: list[Exit] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)
    sets: list[tuple[int, str]] = field(default_factory=list)
    """(line, assignments) the passage makes whenever it is entered (not inside a condition)."""
    unclosed: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class _Frame:
    clauses: list[str]
    in_else: bool = False

    def current(self) -> Cond:
        last = () if not self.clauses else ((self.clauses[-1], not self.in_else),)
        return tuple((c, False) for c in self.clauses[:-1]) + last


EARLIER = "(the condition before it)"


class _Builder:
    def __init__(self, fmt: str) -> None:
        self.fmt = fmt
        self.out = Built()
        self.stack: list[_Frame] = []
        self.last: Optional[_Frame] = None
        self.segs: list[tuple[bool, str]] = []
        """(is a link label, text) of the line being read."""
        self.seg_cond: Cond = ()
        self.seg_line = 0

    def cond(self) -> Cond:
        return tuple(pair for f in self.stack for pair in f.current())

    def finish(self) -> None:
        segs, self.segs = self.segs, []
        content = [i for i, (is_link, t) in enumerate(segs) if not is_link and not _SEPARATOR.match(t)]
        if not content:
            return  # a line of only links (and separators): the links are choices
        text = "".join(t for _, t in segs[: content[-1] + 1])
        text = plain(text, self.fmt)
        if is_rule(text) or is_empty(text):
            return
        said = speaker_of(text)
        name, words = said if said else ("", text)
        self.out.lines.append(Line(self.seg_line, words, name, self.seg_cond))

    def add_seg(self, tok: Tok, is_link: bool, text: str) -> None:
        cond = self.cond()
        if self.segs and cond != self.seg_cond:
            self.finish()
        if not self.segs:
            self.seg_cond, self.seg_line = cond, tok.line
        self.segs.append((is_link, text))

    def take(self, tok: Tok) -> None:
        k = tok.kind
        if k == "text":
            self.add_seg(tok, False, tok.text)
        elif k == "br":
            self.finish()
        elif k in ("link", "goto"):
            self.out.exits.append(Exit(tok.text, tok.target, tok.setter, self.cond(), tok.line, tok.col, tok.tcol,
                                       k == "goto"))
            if k == "link":
                self.add_seg(tok, True, tok.text)
        elif k == "todo":
            self.out.notes.append((tok.line, tok.text))
        elif k == "set" and not self.cond():
            self.out.sets.append((tok.line, tok.text))
        elif k == "set":
            self.out.notes.append((tok.line, f"sets [{tok.text.strip()}] only when a condition holds: convert by "
                                             "hand"))
        elif k == "open":
            self.out.unclosed.append((tok.line, tok.col))
        else:
            self.branch(k, tok.text)

    def branch(self, k: str, text: str) -> None:
        if k == "if":
            self.stack.append(_Frame([text.strip()]))
        elif k == "reopen":
            self.stack.append(self.last or _Frame([EARLIER]))
            self.last = None
        elif k in ("elif", "else"):
            if not self.stack:
                self.stack.append(_Frame([EARLIER]))
            top = self.stack[-1]
            if k == "elif":
                top.clauses.append(text.strip())
                top.in_else = False
            else:
                top.in_else = True
        elif k == "end" and self.stack:
            self.last = self.stack.pop()


def build(tokens: list[Tok], fmt: str) -> Built:
    """Lines, exits and notes of a passage, from its tokens."""
    b = _Builder(fmt)
    for tok in tokens:
        b.take(tok)
    b.finish()
    return b.out
