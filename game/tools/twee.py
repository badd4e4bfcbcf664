"""Read a Twee 3 file (Twine's text format) into passages and links, with located T1xx errors."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Optional

from ..content.diagnostics import Diagnostic, DiagnosticBag, did_you_mean

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

_MACRO = re.compile(r"<<.*?>>|\((?:[a-z][\w-]*):[^)]*\)?")
_VARIABLE = re.compile(r"\$[A-Za-z_][\w]*")


@dataclass(frozen=True)
class Link:
    """One `[[...]]` link in a passage."""

    text: str
    target: str
    setter: str
    line: int
    col: int
    """Where the link's `[[` starts."""
    target_col: int
    """Where the target's name starts (for errors about it)."""


@dataclass
class Passage:
    """One `:: Name [tags] {metadata}` passage and its body lines."""

    name: str
    tags: list[str]
    line: int
    col: int
    body: list[tuple[int, str]] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)

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


def _split_link(inner: str, col: int) -> tuple[str, str, str, int]:
    """(text, target, setter, target column) of a link's inside; `col` is where the inside starts."""
    part, setter = inner, ""
    if "][" in inner:
        part, setter = inner.split("][", 1)
    if "->" in part:
        cut = part.rindex("->")
        return part[:cut].strip(), part[cut + 2:].strip(), setter, col + cut + 2 + _lead(part[cut + 2:])
    if "<-" in part:
        cut = part.index("<-")
        return part[cut + 2:].strip(), part[:cut].strip(), setter, col + _lead(part)
    if "|" in part:
        cut = part.rindex("|")
        return part[:cut].strip(), part[cut + 1:].strip(), setter, col + cut + 1 + _lead(part[cut + 1:])
    return part.strip(), part.strip(), setter, col + _lead(part)


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())


def _links(passage: Passage, bag: DiagnosticBag) -> None:
    for lineno, text in passage.body:
        pos = 0
        while True:
            start = text.find("[[", pos)
            if start < 0:
                break
            end = text.find("]]", start + 2)
            if end < 0:
                bag.error("T101", "this link has no closing ]]", (lineno, start + 1),
                          hint="close it on the same line: [[text->target]] (a link cannot span lines)")
                break
            label, target, setter, tcol = _split_link(text[start + 2:end], start + 3)
            passage.links.append(Link(label or target, target, setter, lineno, start + 1, tcol))
            pos = end + 2


def parse_twee(text: str, path: str) -> tuple[Optional[TweeStory], list[Diagnostic]]:
    """Parse Twee 3 text; returns the story (None on errors) and every diagnostic, located."""
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
    for p in story:
        _links(p, bag)
        for link in p.links:
            if link.target not in first or first[link.target].special:
                bag.error("T104", f"the link goes to '{link.target}', which is not a passage",
                          (link.line, link.target_col),
                          hint=did_you_mean(link.target, [q.name for q in story]) or
                          f"add a passage ':: {link.target}' or fix the link")
    start = str(data.get("start") or "Start")
    if start not in first or first[start].special:
        sd = first.get("StoryData")
        at = (1, 1) if sd is None else _start_pos(sd) if data.get("start") else (sd.line, sd.col)
        why = f"the start passage '{start}' does not exist" if data.get("start") else \
            "StoryData names no start passage and there is no passage named 'Start'"
        bag.error("T103", why, at, hint=did_you_mean(start, [p.name for p in story]) or
                  'add "start": "NAME" to StoryData, or name the first passage Start')
    if bag.has_errors:
        return None, bag.items
    return TweeStory(title or story[0].name, start, _format(data), list(first.values())), bag.items


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
    return f"{name} {version}".strip() if name else ""


def macros_in(line: str) -> list[str]:
    """Story-format macros in a line (SugarCube <<...>>, Harlowe (name: ...))."""
    return _MACRO.findall(line)


def variables_in(line: str) -> list[str]:
    """Story variables ($name) in a line."""
    return _VARIABLE.findall(line)
