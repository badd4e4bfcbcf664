"""Compiler-style diagnostics: stable codes, locations, hints and formatting."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from enum import Enum
from typing import Iterable

from .safetext import escape


class Severity(str, Enum):
    """How serious a diagnostic is."""

    ERROR = "error"
    WARNING = "warning"


# Every code the loader, schema check and lint can emit, with a short title.
# Codes are stable: documentation and tests refer to them.
CODES: dict[str, str] = {
    # reading and YAML
    "E100": "file cannot be read",
    "E101": "file is too large",
    "E102": "file is not valid UTF-8 text",
    "E103": "file contains binary data",
    "E104": "YAML syntax error",
    "E105": "anchors and aliases are not allowed",
    "E106": "YAML tags are not allowed",
    "E107": "nesting is too deep",
    "E108": "more than one YAML document",
    "E109": "file is empty",
    "E110": "wrong kind of value at the top level",
    "E111": "duplicate key",
    "E112": "control character in a text",
    "E113": "a text or list is too long",
    # schema
    "E201": "unknown key",
    "E202": "missing required key",
    "E203": "invalid value",
    "E204": "node must have exactly one way to continue",
    "E205": "unsupported schema version",
    # cross references and graph
    "E301": "target node does not exist",
    "E303": "no ending can be reached from this node",
    "E304": "ending without a debrief",
    "E305": "duplicate id",
    "E306": "unknown tag",
    "E307": "unknown resource",
    "E308": "unknown character",
    "E309": "unknown variable",
    "E310": "condition uses an undefined variable",
    "E311": "asset file is missing",
    "E312": "asset path escapes the pack",
    "E314": "spot part not found in the message",
    "E315": "red flag quote not found at its node",
    "E316": "start node does not exist",
    "E317": "theme is not a theme tag",
    "E318": "a loop in the story gives points",
    "E319": "no ending can be reached at all",
    "E320": "the best-scoring path does not end safely",
    "E321": "unknown toggle",
    "E322": "variable used with the wrong type",
    "E323": "picture cannot be shown (not a picture, or too large)",
    "E324": "too many variable combinations to check",
    "E325": "an ending can never be reached",
    # warnings
    "W302": "node can never be reached",
    "W326": "a condition never holds where it stands",
    "W401": "choice has no feedback",
    "W402": "debrief has fewer than 3 discussion questions",
    "W403": "spot task has no benign part",
    "W404": "reading level above the age tier's target",
    "W405": "message too long for a projector bubble",
    "W406": "blaming or 'game over' wording",
    "W407": "translation differs in structure from the reference language",
    "W408": "variable is never used",
    "W420": "a TODO from the Twine import is left",
    # shared files of a pack
    "W501": "help line from a pack: check it before class",
    "W409": "the same words are flagged in the spot tasks of many scenarios",
    "W410": "every spot task flags the same number of parts",
    "W411": "pins keep the safest option in one place",
}


MAX_SHOWN = 50
"""Diagnostics shown per file (validate, the picker's list); the rest are counted, never printed."""


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in a content file, located like a compiler error."""

    code: str
    message: str
    path: str
    line: int = 1
    col: int = 1
    hint: str = ""
    severity: Severity = Severity.ERROR
    source: str = ""
    """The file's line at `line` (syntax errors show it with a caret under `col`, as a compiler does)."""

    def format(self) -> str:
        """Return the `path:line:col: error[CODE]: message` text, the source line with a caret when there is one,
        plus hint; text from the file (keys, values, the file name) is escaped, so it can never drive a terminal
        or forge a line."""
        head = f"{escape(self.path)}:{self.line}:{self.col}: {self.severity.value}[{self.code}]: {escape(self.message)}"
        lines = [head, *self.excerpt()]
        if self.hint:
            lines.append(f"  hint: {escape(self.hint)}")
        return "\n".join(lines)

    def excerpt(self) -> list[str]:
        """The source line and a caret under the column (`  12 | text: "Hi` / `     |       ^`), or nothing."""
        if not self.source:
            return []
        number = str(self.line)
        shown = escape(self.source.rstrip("\n"))
        pad = " " * len(escape(self.source[: max(self.col - 1, 0)]))  # as wide as the escaped text before it
        return [f"  {number} | {shown}", f"  {' ' * len(number)} | {pad}^"]

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-ready dict (texts escaped as in `format`)."""
        return {
            "path": escape(self.path),
            "line": self.line,
            "col": self.col,
            "severity": self.severity.value,
            "code": self.code,
            "message": escape(self.message),
            "hint": escape(self.hint),
            "source": escape(self.source),
        }


@dataclass
class DiagnosticBag:
    """Collects diagnostics for one file."""

    path: str
    items: list[Diagnostic] = field(default_factory=list)

    def error(self, code: str, message: str, at: tuple[int, int] = (1, 1), hint: str = "", source: str = "") -> None:
        """Add an error at a 1-based (line, col); `source` is the file's line there, shown with a caret."""
        self.items.append(Diagnostic(code, message, self.path, at[0], at[1], hint, Severity.ERROR, source))

    def warning(self, code: str, message: str, at: tuple[int, int] = (1, 1), hint: str = "") -> None:
        """Add a warning at a 1-based (line, col)."""
        self.items.append(Diagnostic(code, message, self.path, at[0], at[1], hint, Severity.WARNING))

    @property
    def has_errors(self) -> bool:
        """True when any error (not warning) was added."""
        return any(d.severity is Severity.ERROR for d in self.items)


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """Return a 'did you mean ...?' hint for a misspelt word, or ''."""
    close = difflib.get_close_matches(word, sorted(set(candidates)), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def sort_key(d: Diagnostic) -> tuple[str, int, int, str]:
    """Order diagnostics by file, then position, then code."""
    return (d.path, d.line, d.col, d.code)
