"""Safe, limited YAML reading that keeps line/column marks and keeps text as text.

The reader works on the parser's event stream, never on a constructor, so:
no tag is ever honoured (any explicit tag is refused), anchors and aliases are
refused before anything is built, nesting is capped without recursion, and every
plain scalar stays the author's exact text (YAML 1.1 surprises such as ``No`` or
``12:30`` never turn into booleans or numbers). Typing happens later, in the
schema, where a field that wants a number or a flag converts the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Union

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from .diagnostics import DiagnosticBag
from .safetext import bad_character, char_name
from .yamlerrors import explain

try:  # the C parser is ~5x faster; the pure one behaves the same
    from yaml.cyaml import CParser as _FastParser

    HAVE_C_PARSER = True
except ImportError:  # pragma: no cover - depends on the PyYAML build
    _FastParser = None
    HAVE_C_PARSER = False

MAX_BYTES = 1_000_000
MAX_DEPTH = 64
MAX_TEXT = 10_000
"""Longest text (any key or value) read, in characters: every later scan of a text is then cheap (the schema's
per-field limits are lower; this one bounds what reaches them)."""
MAX_ITEMS = 2_000
"""Most items in one list or keys in one mapping (a scenario has a few dozen nodes)."""

Path = tuple[Union[str, int], ...]
Pos = tuple[int, int]


class Plain(str):
    """An unquoted scalar: text that may be read as a number or flag where a field wants one."""

    __slots__ = ()


_NULLS = {"", "~", "null", "Null", "NULL"}
_INT_RE = re.compile(r"[-+]?[0-9]+\Z")
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}


def typed_scalar(value: Any) -> Any:
    """Read a plain scalar by the YAML 1.2 core rules (true/false/integers); others unchanged."""
    if isinstance(value, Plain):
        text = str(value)
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        if _INT_RE.match(text):
            return int(text)
        return text
    return value


@dataclass
class Marks:
    """Where each key and value of a document stands (1-based line and column)."""

    values: dict[Path, Pos] = field(default_factory=dict)
    keys: dict[Path, Pos] = field(default_factory=dict)

    def at(self, path: Path, key: bool = False) -> Pos:
        """Best position for a path: the exact one, else the nearest parent's."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), (1, 1))


def _pos(mark: Any) -> Pos:
    return (mark.line + 1, mark.column + 1)


def decode(data: bytes, bag: DiagnosticBag) -> str | None:
    """Turn file bytes into text, refusing oversize, binary and non-UTF-8 files."""
    if len(data) > MAX_BYTES:
        bag.error(
            "E101",
            f"file is {len(data):,} bytes; the limit is {MAX_BYTES:,}",
            hint="split the scenario into smaller files or shorten long texts",
        )
        return None
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        bag.error("E103", "file contains a NUL byte: this is not a text file", (line, 1),
                  hint="save the scenario as plain UTF-8 text")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        bag.error("E102", f"byte 0x{data[exc.start]:02x} is not valid UTF-8", (line, col),
                  hint="save the file with UTF-8 encoding")
        return None
    if not text.strip():
        bag.error("E109", "file is empty", hint="start from `python main.py new ID`")
        return None
    return text.replace("\r\n", "\n")


def _syntax_error(exc: yaml.YAMLError, text: str, bag: DiagnosticBag) -> None:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    pos = _pos(mark) if mark is not None else (1, 1)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    lines = text.split("\n")
    if "nesting depth" in str(problem):  # libyaml stops at its own depth limit first
        bag.error("E107", f"nesting is deeper than {MAX_DEPTH} levels", pos,
                  hint="a scenario never needs this much nesting; check the indentation")
        return
    plain = explain(exc, text)
    if plain is not None:
        bag.error("E104", plain.message, plain.pos, hint=plain.hint, source=_line(lines, plain.pos[0]))
        return
    hint = "check indentation, colons and matching quotes or brackets"
    if "\t" in problem or "tab" in problem:
        hint = "YAML indentation must use spaces, not tabs"
    bag.error("E104", str(problem), pos, hint=hint, source=_line(lines, pos[0]))


def _line(lines: list[str], number: int) -> str:
    return lines[number - 1] if 0 < number <= len(lines) else ""


def read_yaml(text: str, bag: DiagnosticBag, *, fast: bool = True) -> tuple[Any, Marks] | None:
    """Parse one YAML document into plain dicts/lists/strings with marks.

    Returns None (with diagnostics in ``bag``) when the text is refused.
    """
    marks = Marks()
    # Stack entries: [container, path, pending_key, key_pos]
    stack: list[list[Any]] = []
    root: Any = None
    documents = 0
    done = False
    try:
        parser: Any = _FastParser(text) if (fast and HAVE_C_PARSER) else yaml.SafeLoader(text)
        while True:
            event = parser.get_event()
            if event is None:
                break
            kind = type(event)  # (compared by identity: both parsers make yaml.events' classes)
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                container, _, _, _ = stack.pop()
                value = container
                if not stack:
                    root = value
                    done = True
                continue
            if kind is not ScalarEvent and kind is not MappingStartEvent and kind is not SequenceStartEvent:
                if kind is StreamEndEvent:
                    break
                if kind is DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        bag.error("E108", "a scenario file holds one YAML document; found a second",
                                  _pos(event.start_mark),
                                  hint="remove the '---' line, or split the documents into separate files")
                        return None
                elif kind is AliasEvent:
                    bag.error("E105", f"alias '*{event.anchor}' is not allowed", _pos(event.start_mark),
                              hint="write the value out in full instead of reusing it with & and *")
                    return None
                continue  # the stream's start and a document's end
            if event.anchor is not None:
                bag.error("E105", f"anchor '&{event.anchor}' is not allowed", _pos(event.start_mark),
                          hint="write the value out in full instead of reusing it with & and *")
                return None
            if event.tag is not None:
                bag.error("E106", f"tag '{event.tag}' is not allowed", _pos(event.start_mark),
                          hint="remove the '!' tag; values are typed by the scenario format")
                return None
            mark = event.start_mark
            pos = (mark.line + 1, mark.column + 1)
            if kind is ScalarEvent:
                plain = not event.style  # None (pure parser) or "" (C parser) for plain scalars
                raw = event.value
                if len(raw) > MAX_TEXT:
                    bag.error("E113", f"this text is {len(raw):,} characters long; the limit is {MAX_TEXT:,}", pos,
                              hint="shorten it: a screen, a card or a note never needs this much text")
                    return None
                bad = bad_character(raw)
                if bad is not None:  # reported, and reading goes on so the file's other problems are found too
                    bag.error("E112", f"control character {char_name(bad[1])} at character {bad[0] + 1} of this "
                              "text", pos, hint="remove it: a text may hold new lines and tabs, but no NUL, escape, "
                              "bell, other control character or bidi override")
                value = (None if raw in _NULLS else Plain(raw)) if plain else raw
                new_container: dict[str, Any] | list[Any] | None = None
            elif kind is MappingStartEvent:
                value = new_container = {}
            else:  # a sequence starts
                value = new_container = []
            # place the value
            if not stack:
                path: Path = ()
                marks.values[path] = pos
                if new_container is None:
                    root = value
                    done = True
                else:
                    stack.append([new_container, path, None, None])
                continue
            top = stack[-1]
            parent = top[0]
            if len(parent) >= MAX_ITEMS and (not isinstance(parent, dict) or top[2] is None):
                what = "keys" if isinstance(parent, dict) else "items"
                bag.error("E113", f"more than {MAX_ITEMS:,} {what} in one {'mapping' if what == 'keys' else 'list'}",
                          pos, hint="a scenario never needs this many; split the story or check the indentation")
                return None
            if isinstance(parent, dict):
                if top[2] is None:  # this is a key
                    if new_container is not None:
                        bag.error("E203", "a key must be plain text, not a list or mapping", pos,
                                  hint="write `name: value` pairs")
                        return None
                    key = "" if value is None else str(value)
                    if key in parent:
                        source = _line(text.split("\n"), pos[0])
                        if top[1] and isinstance(top[1][-1], int) and next(iter(parent)) == key:
                            bag.error("E104", "this looks like a list item that lost its '- '", pos,
                                      hint=f"'{key}' already starts the item above: start this line with '- ' to "
                                           "begin a new item", source=source)
                        else:
                            bag.error("E111", f"key '{key}' appears twice in this mapping", pos, source=source,
                                      hint="each key (and each node id) must be unique; rename or merge one")
                        return None
                    top[2] = key
                    top[3] = pos
                    continue
                key = top[2]
                top[2] = None
                path = (*top[1], key)
                marks.keys[path] = top[3]
                parent[key] = value
            else:
                path = (*top[1], len(parent))
                parent.append(value)
            marks.values[path] = pos
            if new_container is not None:
                if len(stack) + 1 > MAX_DEPTH:
                    bag.error("E107", f"nesting is deeper than {MAX_DEPTH} levels", pos,
                              hint="a scenario never needs this much nesting; check the indentation")
                    return None
                stack.append([new_container, path, None, None])
    except yaml.YAMLError as exc:
        _syntax_error(exc, text, bag)
        return None
    except RecursionError:  # pragma: no cover - the reader is iterative
        bag.error("E107", "nesting is too deep", hint="check the indentation")
        return None
    if not done or root is None:
        bag.error("E109", "file holds no content", hint="start from `python main.py new ID`")
        return None
    return root, marks
