"""YAML syntax errors in plain words: what went wrong, where it really starts, and a hint for each common case."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Optional

Pos = tuple[int, int]

_VALUE_START = re.compile(r"^(\s*)(?:-\s+)*(?:[^\s#\"'][^:#]*?:\s+|-\s+)?(?=[\"'])")
"""Where a line's value starts when it is a quoted scalar: after `key: ` or `- ` (or at the indent)."""


@dataclass(frozen=True)
class SyntaxProblem:
    """One syntax error, explained: the message, where it is (1-based line and column) and a hint."""

    message: str
    pos: Pos
    hint: str


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _quote_end(text: str, start: int) -> Optional[int]:
    """Where the quoted scalar opening at `start` closes (the index of its closing quote), or None when it does not
    close in `text`: a backslash escapes inside double quotes, '' is an escaped quote inside single quotes."""
    quote = text[start]
    i = start + 1
    while i < len(text):
        ch = text[i]
        if quote == '"' and ch == "\\":
            i += 2
            continue
        if ch == quote:
            if quote == "'" and text[i + 1:i + 2] == "'":
                i += 2
                continue
            return i
        i += 1
    return None


def unclosed_quote(lines: list[str], upto: int) -> Optional[Pos]:
    """The last quote on lines 1..upto that opens a value, is not closed on its own line and runs on to line
    `upto` or past it (so a text in quotes that spans lines on purpose and ends before the error is left alone)."""
    found: Optional[Pos] = None
    k = 0
    while k < min(upto, len(lines)):
        line = lines[k]
        if not line.lstrip().startswith("#"):
            m = _VALUE_START.match(line)
            if m is not None and m.end() < len(line) and _quote_end(line, m.end()) is None:  # open past its line
                after = _skip_quoted(lines, k, m.end())  # the line after the one that closes it (1-based: its own)
                if after >= upto:
                    found = (k + 1, m.end() + 1)
                k = max(after, k + 1)
                continue
        k += 1
    return found


def _skip_quoted(lines: list[str], k: int, start: int) -> int:
    """The line after the one that closes the quote opened at (k, start), or the end."""
    text = "\n".join(lines[k:])
    end = _quote_end(text, start)
    return len(lines) if end is None else k + text.count("\n", 0, end) + 1


def _previous(lines: list[str], line_no: int) -> Optional[str]:
    for k in range(line_no - 2, -1, -1):
        if lines[k].strip() and not lines[k].lstrip().startswith("#"):
            return lines[k]
    return None


def _block_indent(lines: list[str], line_no: int, indent: int) -> Optional[int]:
    """The indent of the block a line indented by `indent` sits in: the smallest key indent deeper than it among the
    lines above, back to its parent (the first line indented less); None when no line above is deeper."""
    deeper: list[int] = []
    for k in range(line_no - 2, -1, -1):
        row = lines[k]
        if not row.strip() or row.lstrip().startswith("#"):
            continue
        at = _content_indent(row)
        if at > indent:
            deeper.append(at)
        if _indent(row) < indent:
            break
    return min(deeper) if deeper else None


def _content_indent(line: str) -> int:
    """Where a line's key starts: after its indent and any '- '."""
    m = re.match(r"^(\s*(?:-\s+)*)", line)
    return len(m.group(1)) if m else 0


def explain(exc: Any, text: str) -> Optional[SyntaxProblem]:
    """Plain words for a PyYAML error, or None to keep the parser's own wording."""
    lines = text.split("\n")
    mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    problem = str(getattr(exc, "problem", "") or "")
    context = str(getattr(exc, "context", "") or "")
    line_no, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    line = lines[line_no - 1] if 0 < line_no <= len(lines) else ""
    lead = line[: len(line) - len(line.lstrip(" \t"))]
    if "\t" in lead or (problem.startswith("found character") and line[col - 1:col] == "\t"):
        return SyntaxProblem("a tab is used for indentation", (line_no, (lead.index("\t") if "\t" in lead
                                                                           else col - 1) + 1),
                             "indent with spaces: YAML does not allow tabs (set your editor to insert spaces)")
    if "quoted scalar" in context and context_mark is not None:
        return _unclosed((context_mark.line + 1, context_mark.column + 1), lines)
    opened = unclosed_quote(lines, line_no)
    if opened is not None:
        return _unclosed(opened, lines)
    if problem.startswith("mapping values are not allowed"):
        m = re.match(r"^(\s*(?:-\s+)?)([^\s:#][^:#]*?):\s+(.*)$", line)
        if m is not None and len(m.group(1)) + len(m.group(2)) + 1 < col - 1:
            key, value = m.group(2), m.group(3).rstrip()
            quoted = value.replace('"', '\\"')
            return SyntaxProblem("this text contains ': ', which YAML reads as the start of another key",
                                 (line_no, col), f"text containing ': ' needs quotes: {key}: \"{quoted}\"")
        prev = _previous(lines, line_no)
        if prev is not None and _indent(line) > _content_indent(prev):
            return SyntaxProblem("this line is indented more than the line above, so it is read as part of that "
                                 "line's value", (line_no, _indent(line) + 1),
                                 f"line it up with the key above it ({_content_indent(prev)} spaces)")
        return None
    if problem in ("did not find expected key", "did not find expected '-' indicator") \
            or problem.startswith("expected <block end>"):  # the C parser's wording, then the pure one's
        block_col = context_mark.column if context_mark is not None else -1
        in_list = problem.endswith("indicator") or "block collection" in context
        if in_list and _indent(line) == block_col and not line.lstrip().startswith("-"):
            return SyntaxProblem("this looks like a list item that lost its '- '", (line_no, _indent(line) + 1),
                                 "start the line with '- ', like the items above it")
        block = _block_indent(lines, line_no, _indent(line))
        if block is not None:
            return SyntaxProblem("this line is indented less than the block it belongs to",
                                 (line_no, _indent(line) + 1),
                                 f"line it up with the other keys of its block ({block} spaces), or with its "
                                 "parent's key if it starts a new one")
    return None


def _unclosed(at: Pos, lines: list[str]) -> SyntaxProblem:
    quote = lines[at[0] - 1][at[1] - 1:at[1]] if 0 < at[0] <= len(lines) else '"'
    return SyntaxProblem("the quote opened here is never closed", at,
                         f"end the text with {quote} on the same line (a text inside quotes may not hold the same "
                         "quote mark: use the other one, or a \\ before it in double quotes)")
