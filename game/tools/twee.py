"""Read a Twee 3 file (Twine's text format) into passages and links, with located T1xx errors."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Optional

from ..content.diagnostics import Diagnostic, DiagnosticBag, did_you_mean
from .twee_build import Built, build
from .twee_scan import Scanner

# Codes of the Twee reader. They are not in diagnostics.CODES, which lists YAML content codes.
TWEE_CODES: dict[str, str] = {
    "T100": "file cannot be read as UTF-8 text",
    "T101": "link is not closed with ]] on its line",
    "T102": "two passages have the same name",
    "T103": "the start passage is missing",
    "T104": "link to a passage that does not exist",
    "T105": "StoryData is not valid JSON",
    "T106": "the file has no story passages",
}

SPECIAL_NAMES = {
    "StoryTitle", "StoryData", "StoryInit", "StoryCaption", "StoryMenu", "StoryBanner", "StorySubtitle",
    "StoryAuthor", "StoryShare", "StoryInterface", "PassageReady", "PassageDone", "PassageHeader",
    "PassageFooter", "StorySettings", "StoryIncludes",
}
"""Passages that configure Twine or a story format rather than tell the story."""
SPECIAL_TAGS = {"script", "stylesheet", "widget", "Twine.private", "startup", "header", "footer",
                "debug-startup", "debug-header", "debug-footer"}

@dataclass
class Passage:
    """One `:: Name [tags] {metadata}` passage and its body lines."""

    name: str
    tags: list[str]
    line: int
    col: int
    body: list[tuple[int, str]] = field(default_factory=list)
    built: Built = field(default_factory=Built)
    """Its lines, exits and notes once the story format's markup is read."""

    @property
    def special(self) -> bool:
        """True for passages that configure Twine or the story format."""
        return self.name in SPECIAL_NAMES or bool(SPECIAL_TAGS & set(self.tags))


@dataclass
class TweeStory:
    """A parsed Twee 3 file."""

    title: str
    start: str
    story_format: str
    passages: list[Passage]
    fmt: str = ""
    """The story format's name in lowercase (harlowe, sugarcube, chapbook, snowman), '' when not given."""

    def story_passages(self) -> list[Passage]:
        """The passages that tell the story, in file order."""
        return [p for p in self.passages if not p.special]


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _header(line: str, lineno: int) -> Passage:
    """Parse `:: Name [tag tag] {"position":"1,1"}` (names may escape [ ] { } with a backslash)."""
    i = 2
    while i < len(line) and line[i] == " ":
        i += 1
    start = i
    while i < len(line) and not (line[i] in "[{" and line[i - 1] != "\\"):
        i += 1
    name = _unescape(line[start:i].strip())
    tags: list[str] = []
    rest = line[i:]
    m = re.match(r"\[([^\]]*)\]", rest)
    if m:
        tags = m.group(1).split()
    return Passage(name, tags, lineno, start + 1)


def parse_twee(text: str, path: str, start: Optional[str] = None) -> tuple[Optional[TweeStory], list[Diagnostic]]:
    """Parse Twee 3 text; returns the story (None on errors) and every diagnostic, located. `start` names the
    start passage instead of StoryData's "start"."""
    bag = DiagnosticBag(path)
    passages: list[Passage] = []
    for lineno, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        if line.startswith("::"):
            passages.append(_header(line, lineno))
        elif passages:
            passages[-1].body.append((lineno, line))
    first: dict[str, Passage] = {}
    for p in passages:
        if p.name in first:
            bag.error("T102", f"a passage named '{p.name}' already exists (line {first[p.name].line})",
                      (p.line, p.col), hint="give every passage its own name; links use the name")
        else:
            first[p.name] = p
    title = "\n".join(t for _, t in first["StoryTitle"].body).strip() if "StoryTitle" in first else ""
    data = _story_data(first.get("StoryData"), bag)
    story = [p for p in first.values() if not p.special]
    if not story:
        bag.error("T106", "the file has no story passages", hint="a passage starts with a line like ':: Start'")
        return None, bag.items
    fmt = str(data.get("format") or "").split(" ")[0].lower()
    for p in story:
        _read(p, fmt, first, story, bag)
    chosen = _start(data, start, first, story, bag)
    if bag.has_errors or chosen is None:
        return None, bag.items
    return TweeStory(title or story[0].name, chosen, _format(data), list(first.values()), fmt), bag.items


def _read(p: Passage, fmt: str, first: dict[str, Passage], story: list[Passage], bag: DiagnosticBag) -> None:
    """Read a passage's markup; report unclosed links and links to passages that do not exist."""
    scan = Scanner("\n".join(t for _, t in p.body), p.line + 1, fmt)
    scan.run()
    p.built = build(scan.out, fmt)
    for line, col in p.built.unclosed:
        bag.error("T101", "this link has no closing ]]", (line, col),
                  hint="close it on the same line: [[text->target]] (a link cannot span lines)")
    for ex in p.built.exits:
        if not ex.code and (ex.target not in first or first[ex.target].special):
            bag.error("T104", f"the link goes to '{ex.target}', which is not a passage", (ex.line, ex.tcol),
                      hint=did_you_mean(ex.target, [q.name for q in story]) or
                      f"add a passage ':: {ex.target}' or fix the link")


def _start(data: dict[str, object], override: Optional[str], first: dict[str, Passage], story: list[Passage],
           bag: DiagnosticBag) -> Optional[str]:
    """The start passage: `--start`, else StoryData's "start", else the passage named Start."""
    names = [p.name for p in story]
    sd = first.get("StoryData")
    given = data.get("start")
    if override is not None:
        if override in first and not first[override].special:
            return override
        bag.error("T103", f"--start names '{override}', which is not a story passage", (1, 1),
                  hint=did_you_mean(override, names) or f"give the name of a story passage, e.g. --start "
                                                          f"'{names[0]}'")
        return None
    if isinstance(given, str) and given.strip():
        if given in first and not first[given].special:
            return given
        at = _start_pos(sd) if sd is not None else (1, 1)
        if given in first or given in SPECIAL_NAMES:
            bag.error("T103", f"StoryData's \"start\" names '{given}', a special passage that "
                      f"{'holds the story title' if given == 'StoryTitle' else 'configures the story'}, not story "
                      "text", at, hint=f'name the first story passage instead, as in "start": "{names[0]}" (or '
                      f"import with --start '{names[0]}')")
            return None
        bag.error("T103", f"the start passage '{given}' does not exist", at,
                  hint=did_you_mean(given, names) or 'add "start": "NAME" to StoryData, or name the first '
                                                     "passage Start")
        return None
    if "Start" in first and not first["Start"].special:
        return "Start"
    at = (1, 1) if sd is None else (sd.line, sd.col)
    bag.error("T103", "StoryData names no start passage and there is no passage named 'Start'", at,
              hint=f"add \"start\": \"{names[0]}\" to StoryData, name the first passage Start, or import with "
                   f"--start '{names[0]}'")
    return None


def _story_data(p: Optional[Passage], bag: DiagnosticBag) -> dict[str, object]:
    if p is None:
        return {}
    text = "\n".join(t for _, t in p.body)
    first_line = p.body[0][0] if p.body else p.line
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        bag.error("T105", f"StoryData is not valid JSON: {exc.msg}", (first_line + exc.lineno - 1, exc.colno),
                  hint='StoryData holds JSON such as {"ifid": "...", "start": "Start"}')
        return {}
    return data if isinstance(data, dict) else {}


def _start_pos(p: Passage) -> tuple[int, int]:
    for lineno, text in p.body:
        m = re.search(r'"start"\s*:\s*"?', text)
        if m:
            return lineno, m.end() + 1
    return p.line, 1


def _format(data: dict[str, object]) -> str:
    name, version = data.get("format"), data.get("format-version")
    return " ".join(str(x) for x in (name, version) if x) if name else ""
