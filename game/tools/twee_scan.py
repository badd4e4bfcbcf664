"""Scan one Twee passage body into tokens: text, line breaks, links, gotos, conditions and skipped code."""

from __future__ import annotations

import bisect
import re
from typing import Optional

from . import twee_formats, twee_macros
from .twee_tokens import Tok, short, split_link

_SPECIAL = re.compile(r"[\n\[<(|{/\"`]")
"""Characters that can start markup; the text between them is copied in one piece."""
_PAREN_TOKENS = re.compile(r'"[^"\n]*"|[()]')
_HOOK_TOKENS = re.compile(r"[\[\]]")
_MACRO_TAG = re.compile(r'<<(?:[^"`<>]|"[^"\n]*"|`[^`\n]*`|>(?!>)|<(?!<))*>>')
MAX_MACRO = 2000
"""A SugarCube macro tag longer than this is read as text."""
MAX_DEPTH = 40
"""Hooks and containers nested deeper than this are skipped with a note (a hostile file cannot recurse forever)."""


class Scanner:
    """Turns passage text into tokens; `fmt` is the story format's name in lowercase ('' when unknown)."""

    def __init__(self, src: str, first_line: int, fmt: str, parent: Optional[Scanner] = None) -> None:
        self.src = src
        self.first_line = first_line
        self.fmt = fmt
        self._starts: list[int] = parent._starts if parent else [0] + [m.end() for m in re.finditer("\n", src)]
        """Where each line starts (shared with the scanners of hooks and containers inside)."""
        self._pairs: dict[str, dict[int, tuple[int, int]]] = parent._pairs if parent else {}
        """Container name -> where each `<<name>>` starts -> (start, end) of its closing tag."""
        self._closers: dict[str, dict[int, int]] = parent._closers if parent else {}
        """'paren' or 'hook' -> where each opening bracket closes."""
        self.out: list[Tok] = []
        self._buf: list[str] = []
        self._buf_at = 0
        self.chapbook_open = False
        self.switches: list[list[str]] = []
        self.harlowe = fmt in ("harlowe", "")
        self.chapbook = fmt == "chapbook"

    # -- positions and output
    def sub(self, end: int) -> Scanner:
        """A scanner over the same text up to `end` (for the inside of a link macro or hook)."""
        return Scanner(self.src, self.first_line, self.fmt, self)

    def where(self, i: int) -> tuple[int, int]:
        """(line, column), 1-based, of index `i`."""
        k = bisect.bisect_right(self._starts, i) - 1
        return self.first_line + k, i - self._starts[k] + 1

    def emit(self, kind: str, i: int, text: str = "", target: str = "", setter: str = "", ti: int = -1) -> None:
        """Add a token at index `i` (and its target at `ti`), after any pending text."""
        self.flush()
        line, col = self.where(i)
        self.out.append(Tok(kind, text, target, setter, line, col, self.where(ti)[1] if ti >= 0 else col))

    def todo(self, i: int, text: str) -> None:
        """Note something skipped for a person to convert."""
        self.emit("todo", i, text)

    def flush(self) -> None:
        """Emit pending text as one token."""
        if self._buf:
            line, col = self.where(self._buf_at)
            self.out.append(Tok("text", "".join(self._buf), line=line, col=col))
            self._buf = []

    # -- matching helpers
    def _matched(self, kind: str) -> dict[int, int]:
        """Where each '(' (kind 'paren') or '[' (kind 'hook') closes, found once in one pass over the text; quoted
        strings on one line are skipped for parentheses (macro arguments), never for hooks (prose apostrophes)."""
        if kind not in self._closers:
            found: dict[int, int] = {}
            stack: list[int] = []
            for m in (_PAREN_TOKENS if kind == "paren" else _HOOK_TOKENS).finditer(self.src):
                if m.group() in "([":
                    stack.append(m.start())
                elif m.group() in ")]" and stack:
                    found[stack.pop()] = m.start()
            self._closers[kind] = found
        return self._closers[kind]

    def close_paren(self, i: int, end: int) -> int:
        """Index after the ')' closing the '(' at `i` (strings skipped), or -1."""
        k = self._matched("paren").get(i, -1)
        return k + 1 if 0 <= k < end else -1

    def close_hook(self, i: int, end: int) -> int:
        """Index of the ']' closing the hook '[' at `i`, or -1."""
        k = self._matched("hook").get(i, -1)
        return k if 0 <= k < end else -1

    def sugar_end(self, i: int, end: int) -> int:
        """Index after the '>>' ending the macro at `i` (double-quoted '>>' skipped), or -1."""
        m = _MACRO_TAG.match(self.src, i, min(end, i + MAX_MACRO))
        return m.end() if m else -1

    def sugar_close(self, name: str, i: int, end: int) -> Optional[tuple[int, int]]:
        """(start, end) of the `<</name>>` (or `<<endname>>`) closing the container whose `<<name` starts at `i`,
        when it closes before `end`."""
        if name not in self._pairs:
            pairs: dict[int, tuple[int, int]] = {}
            open_at: list[int] = []
            for m in re.finditer(r"<<(/|end)?" + re.escape(name) + r"\b[^>]*>>", self.src, re.I):
                if not m.group(1):
                    open_at.append(m.start())
                elif open_at:
                    pairs[open_at.pop()] = (m.start(), m.end())
            self._pairs[name] = pairs
        found = self._pairs[name].get(i)
        return found if found and found[1] <= end else None

    # -- the scan
    def run(self, i: int = 0, end: Optional[int] = None, depth: int = 0) -> None:
        """Scan src[i:end] (recursing into hooks and containers)."""
        end = len(self.src) if end is None else end
        if depth > MAX_DEPTH:
            self.todo(i, "nesting too deep to import; copy this part by hand")
            return
        if depth == 0 and self.chapbook:
            i = twee_formats.chapbook_vars(self, i, end)
        while i < end:
            j = self._step(i, end, depth)
            if j <= i:  # plain text up to the next character that can start markup
                m = _SPECIAL.search(self.src, i + 1, end)
                j = m.start() if m else end
                if not self._buf:
                    self._buf_at = i
                self._buf.append(self.src[i:j])
            i = j
        if depth == 0 and self.chapbook_open:
            self.emit("end", end)
        self.flush()

    def _step(self, i: int, end: int, depth: int) -> int:
        """Handle a construct at `i` and return the index after it, or `i` when the character is plain text."""
        s = self.src
        c = s[i]
        at_line = i == 0 or s[i - 1] == "\n"
        if c == "\n":
            self.emit("br", i)
            return i + 1
        if at_line and s.startswith("```", i):
            close = s.find("\n```", i + 3, end)
            stop = end if close < 0 else min(end, close + 4)
            self.todo(i, f"code block skipped: {short(s[i + 3:stop])}")
            return stop
        if at_line and self.chapbook:
            j = twee_formats.chapbook_modifier(self, i, end)
            if j > i:
                return j
        for opener, closer, what in (("<!--", "-->", ""), ("/*", "*/", ""), ("/%", "%/", ""),
                                     ('"""', '"""', "verbatim text"), ("<nowiki>", "</nowiki>", "verbatim text"),
                                     ("{{{", "}}}", "code"), ("<%", "%>", "js")):
            if s.startswith(opener, i):
                k = s.find(closer, i + len(opener), end)
                stop = end if k < 0 else k + len(closer)
                inner = s[i + len(opener): stop - len(closer) if k >= 0 else end]
                if what == "js":
                    twee_formats.snowman(self, i, inner)
                elif what:
                    self.todo(i, f"{what} skipped (shown as typed in Twine): {short(inner)}")
                return stop
        low = s[i:i + 8].lower()
        if low.startswith("<script") or low.startswith("<style"):
            tag = "script" if low.startswith("<script") else "style"
            k = s.lower().find(f"</{tag}", i, end)
            stop = end if k < 0 else (s.find(">", k, end) + 1 or end)
            self.todo(i, f"<{tag}> skipped: {short(s[i:stop])}")
            return stop
        if c == "`" and self.harlowe:
            k = s.find("`", i + 1, end)
            if k > 0:
                self.todo(i, f"verbatim text skipped (shown as typed in Twine): {short(s[i + 1:k])}")
                return k + 1
        if s.startswith("[[", i):
            return self._link(i, end)
        if s.startswith("<<", i):
            return twee_macros.sugar(self, i, end, depth)
        if c == "(" and self.harlowe:
            return twee_macros.harlowe(self, i, end, depth)
        if c == "[" and self.harlowe:
            k = self.close_hook(i, end)
            if k > 0:
                self.run(i + 1, k, depth + 1)
                return self.hook_name_after(k + 1, end)
        if c == "|" and self.harlowe:
            m = re.compile(r"\|[\w-]+([>)])\[").match(s, i)
            if m and m.group(1) == ")":
                k = self.close_hook(m.end() - 1, end)
                self.todo(i, f"hidden hook skipped: {short(s[i:k + 1 if k > 0 else end])}")
                return k + 1 if k > 0 else end
            if m:
                return m.end() - 1
        if c == "{" and self.chapbook:
            return twee_formats.chapbook_insert(self, i, end)
        if c == "<":
            return twee_formats.html(self, i, end)
        return i

    def hook_name_after(self, i: int, end: int) -> int:
        m = re.compile(r"<[\w-]+\|").match(self.src, i, end)
        return m.end() if m else i

    def _link(self, i: int, end: int) -> int:
        s = self.src
        nl = s.find("\n", i, end)
        k = s.find("]]", i + 2, end if nl < 0 else nl)
        if k < 0:
            self.emit("open", i)
            return i + 2
        col0 = self.where(i + 2)[1]
        text, target, setter, tcol = split_link(s[i + 2:k], col0)
        self.emit("link", i, text or target, target, setter)
        last = self.out[-1]
        self.out[-1] = Tok(last.kind, last.text, last.target, last.setter, last.line, last.col, tcol)
        return k + 2

    # -- Snowman, Chapbook, HTML
