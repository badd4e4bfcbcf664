"""Turn a parsed Twee story into a scenario YAML draft, keeping macros and variables as comments."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..content.diagnostics import Diagnostic, DiagnosticBag
from ..content.schema import ScreenKind
from ..content.storygraph import shorten
from .schema_export import schema_ref
from .twee import Passage, TweeStory, macros_in, parse_twee, variables_in

MAX_ID = 60
MAX_MESSAGE = 4000
TONE_TAGS = {"safe": "safe", "risky": "risky", "help_sought": "help_sought", "help": "help_sought"}
_LINK = re.compile(r"\[\[(.*?)\]\]")
_ONLY_PUNCT = re.compile(r"^[\s\W_]*$")


def slugify(name: str) -> str:
    """A passage name as an id: accents dropped, lowercase, other characters as '_' ('' if none are left)."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[^a-z0-9]+", "_", text).strip("_")
    return text[:MAX_ID].rstrip("_")


def passage_ids(names: list[str]) -> dict[str, str]:
    """A unique, valid id for every passage name; clashes get _2, _3 and names without letters 'passage_N'."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for i, name in enumerate(names, start=1):
        base = slugify(name) or f"passage_{i}"
        pid, n = base, 2
        while pid in taken:
            suffix = f"_{n}"
            pid = base[: MAX_ID - len(suffix)] + suffix
            n += 1
        taken.add(pid)
        ids[name] = pid
    return ids


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Draft:
    """What one passage turns into, before it is written out."""

    paragraphs: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Lines kept as comments above the node (macros, variables, setters)."""


def _link_text(match: re.Match[str]) -> str:
    inner = match.group(1).split("][", 1)[0]
    if "->" in inner:
        return inner[: inner.rindex("->")]
    if "<-" in inner:
        return inner[inner.index("<-") + 2:]
    if "|" in inner:
        return inner[: inner.rindex("|")]
    return inner


def draft(passage: Passage, todo: list[str]) -> Draft:
    """Prose paragraphs of a passage (links replaced by their text, link-only lines dropped) and notes."""
    out = Draft()
    current: list[str] = []
    where = f"passage '{passage.name}'"
    for lineno, line in passage.body + [(0, "")]:
        if not line.strip():
            if current:
                out.paragraphs.append(" ".join(current))
                current = []
            continue
        macros = macros_in(line)
        if macros:
            out.notes.append(f"line {lineno}: {_comment(line)}")
            todo.append(f"line {lineno}, {where}: {', '.join(_comment(m) for m in macros)}")
            continue
        if _ONLY_PUNCT.match(_LINK.sub("", line)):
            continue
        prose = _LINK.sub(_link_text, line).strip()
        for var in dict.fromkeys(variables_in(prose)):
            out.notes.append(f"line {lineno}: variable {var} is shown as written")
            todo.append(f"line {lineno}, {where}: variable {var} in the text")
        current.append(prose)
    for link in passage.links:
        if link.setter:
            todo.append(f"line {link.line}, {where}: link '{_comment(link.text)}' sets [{_comment(link.setter)}]")
    return out


def _chunks(text: str) -> list[str]:
    out = []
    while len(text) > MAX_MESSAGE:
        cut = text.rfind(" ", 0, MAX_MESSAGE)
        cut = cut if cut > 0 else MAX_MESSAGE
        out.append(text[:cut].strip())
        text = text[cut:].strip()
    return out + [text] if text else out


def _node(passage: Passage, ids: dict[str, str], d: Draft) -> list[str]:
    tags = f", tags: {' '.join(passage.tags)}" if passage.tags else ""
    lines = [f"  # Twine passage {q(passage.name)} (line {passage.line}{tags})"]
    lines += [f"  # {note}" for note in d.notes]
    screens = [t for t in passage.tags if t in {k.value for k in ScreenKind}]
    lines += [f"  {ids[passage.name]}:", f"    screen: {screens[0] if screens else 'narration'}"]
    lines.append(f"    title: {q(shorten(passage.name, 80))}")
    if not passage.links:
        tones = [TONE_TAGS[t] for t in passage.tags if t in TONE_TAGS]
        text = "\n\n".join(d.paragraphs) or "TODO: say how the story ends."
        lines += ["    ending:",
                  f"      tone: {tones[0]}" if tones else
                  "      tone: safe  # TODO review: tone guessed (tag the passage safe, risky or help_sought)",
                  f"      title: {q(shorten(passage.name, 80))}",
                  f"      text: {q(_chunks(text)[0])}"]
        return lines
    messages = [c for p in d.paragraphs for c in _chunks(p)]
    if messages:
        lines.append("    messages:")
        for m in messages:
            lines += ["      - from: system", f"        text: {q(m)}"]
    lines.append("    choices:")
    for link in passage.links:
        lines += [f"      - text: {q(shorten(link.text, 160))}", f"        goto: {ids[link.target]}",
                  "        points: 0  # TODO: score the choice (-10 to 10) and add feedback"]
        if link.setter:
            lines.append(f"        # Twine setter: [{_comment(link.setter)}] (convert to set: or add:)")
    return lines


def to_scenario_yaml(story: TweeStory, scenario_id: str, source: str, schema_ref: str,
                     out_name: str) -> tuple[str, list[str]]:
    """The scenario YAML draft and the list of things to convert by hand."""
    passages = story.story_passages()
    ids = passage_ids([p.name for p in passages])
    todo: list[str] = []
    for p in story.passages:
        if p.special and p.name not in ("StoryTitle", "StoryData"):
            code = " ".join(_comment(t) for _, t in p.body if t.strip())
            todo.append(f"line {p.line}, passage '{p.name}' was not imported" + (f": {shorten(code, 100)}"
                                                                                if code else ""))
    drafts = {p.name: draft(p, todo) for p in passages}
    words = sum(len(t.split()) for d in drafts.values() for t in d.paragraphs)
    nodes: list[str] = []
    for p in passages:
        nodes += _node(p, ids, drafts[p.name]) + [""]
    fmt = f", story format {story.story_format}" if story.story_format else ""
    head = [
        f"# yaml-language-server: $schema={schema_ref}",
        "#",
        f"# Imported from Twine: {source} (\"{_comment(story.title)}\"{fmt}).",
        "# Every TODO needs a person: scores, feedback, tones, the debrief. Then run",
        f"#   python main.py validate {out_name} --strict",
        "#",
    ]
    if todo:
        head.append("# Convert by hand (the game does not run Twine macros or variables; use")
        head.append("# `variables:`, `set:`/`add:` on choices and `when:` conditions instead):")
        head += [f"#   - {item}" for item in todo]
    else:
        head.append("# Nothing to convert by hand: the story uses no macros, variables or setters.")
    body = [
        "",
        "schema_version: 1",
        f"id: {scenario_id}",
        "lang: en",
        f"title: {q(shorten(story.title, 60))}",
        'summary: "TODO: one or two sentences for the scenario picker."',
        "theme: theme.tutorial  # TODO: the theme.* tag from scenarios/tags.yaml",
        "age_tier: core  # TODO: core (ages 12-14) or extended (15-18)",
        f"minutes: {max(1, min(60, round(words / 120)))}",
        'content_note: "TODO: one calm sentence on what the story is about."',
        "learning_goals:",
        '  - "TODO: what students can do afterwards."',
        f"start: {ids[story.start]}",
        "",
        "nodes:",
        *nodes,
        "debrief:",
        "  questions:",
        '    - "TODO: a question about a character\'s choice."',
        '    - "TODO: a question about a warning sign."',
        '    - "TODO: a question about who could help."',
        '  help_a_friend: "TODO: what to do if this happens to a friend."',
        "  resources: []  # TODO: help resource ids from scenarios/resources.yaml",
        "",
    ]
    return "\n".join(head + body), todo


def convert_file(src: Path, out: Path, shown: str) -> tuple[Optional[str], list[Diagnostic], list[str]]:
    """Read a .twee file and return (YAML text or None on errors, diagnostics, things to convert by hand)."""
    bag = DiagnosticBag(shown)
    try:
        text = src.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bag.error("T100", f"byte {exc.start} is not valid UTF-8", hint="save the Twee file as UTF-8 text")
        return None, bag.items, []
    story, diags = parse_twee(text, shown)
    if story is None:
        return None, diags, []
    scenario_id = slugify(out.stem).replace("_", "-") or "imported"
    yaml_text, todo = to_scenario_yaml(story, scenario_id, src.name, schema_ref(out), out.as_posix())
    return yaml_text, diags, todo
