"""Turn a parsed Twee story into a scenario YAML draft: the header, the TODO list and the top-level fields."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Optional

from ..content.diagnostics import Diagnostic, DiagnosticBag
from ..content.schema import Scenario
from ..content.storygraph import shorten
from .schema_export import schema_ref
from .twee import Passage, TweeStory, parse_twee
from .twee_cond import Conditions, Value, value_of, var_id
from .twee_nodes import ASSIGN, NodeWriter, Story, character_lines, max_len, one_line, q
from .twee_text import MAX_ID, safe, slugify

_INIT = re.compile(r"(?:\$|s\.|State\.variables\.)(\w+)\s*(?:to|=)\s*(true|false|-?\d+|\"[^\"]*\"|'[^']*')")


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


def _initial(story: TweeStory) -> dict[str, Value]:
    """Variable values set before the story starts: in StoryInit, startup passages and the start passage."""
    out: dict[str, Value] = {}
    for p in story.passages:
        if p.name == "StoryInit" or "startup" in p.tags:
            for name, value in _INIT.findall("\n".join(t for _, t in p.body)):
                out.setdefault(var_id(name), value_of(value))
        elif p.name == story.start:
            for _, text in p.built.sets:
                for m in filter(None, map(ASSIGN.match, re.split(r"[;,]", text))):
                    out.setdefault(var_id(m.group(1)), value_of(m.group(2)))
    return out


def _preds(passages: list[Passage]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for p in passages:
        for ex in p.built.exits:
            if not ex.code and p.name not in out.setdefault(ex.target, []):
                out[ex.target].append(p.name)
    return out


def _variables(conds: Conditions) -> list[str]:
    if not conds.variables:
        return []
    stubbed = {v: k for k, v in conds.stubs.items()}
    out = ["variables:  # TODO: the Twine story's variables, with their starting values: check each one"]
    for name, value in conds.variables.items():
        why = f"  # TODO: stands in for the Twine condition ({one_line(stubbed[name])})" if name in stubbed else ""
        out.append(f"  {name}: {json.dumps(value)}{why}")
    return out


def to_scenario_yaml(story: TweeStory, scenario_id: str, source: str, schema_ref: str,
                     out_name: str) -> tuple[str, list[str]]:
    """The scenario YAML draft and the list of things to convert by hand."""
    passages = story.story_passages()
    ids = passage_ids([p.name for p in passages])
    conds = Conditions({p.name: ids[p.name] for p in passages}, _initial(story))
    st = Story(ids, story.start, conds, _preds(passages), story.fmt, {p.name: p for p in passages})
    for p in story.passages:
        if p.special and p.name not in ("StoryTitle", "StoryData"):
            code = " ".join(one_line(t) for _, t in p.body if t.strip())
            why = " (variables it sets start with those values)" if p.name == "StoryInit" or "startup" in p.tags \
                else ""
            st.todo.append(f"line {p.line}, passage '{p.name}' was not imported{why}" +
                           (f": {shorten(code, 100)}" if code else ""))
    words = sum(len(ln.text.split()) for p in passages for ln in p.built.lines)
    nodes: list[str] = []
    for p in passages:
        nodes += NodeWriter(st, p).lines() + [""]
    fmt = f", story format {story.story_format}" if story.story_format else ""
    head = [
        f"# yaml-language-server: $schema={schema_ref}",
        "#",
        f"# Imported from Twine: {source} (\"{one_line(story.title)}\"{fmt}).",
        "# Every TODO needs a person: scores, feedback, tones, conditions, the debrief. Then run",
        f"#   python main.py validate {out_name} --strict",
        "# (it warns with W420 about every TODO left).",
        "#",
    ]
    if st.todo:
        head.append("# Convert by hand (the game does not run Twine code; use `variables:`, `set:`/`add:`")
        head.append("# on choices and `when:` conditions instead):")
        head += [f"#   - {item}" for item in st.todo]
    else:
        head.append("# Nothing to convert by hand beyond the TODOs below.")
    body = [
        "",
        "schema_version: 1",
        f"id: {scenario_id}",
        "lang: en",
        f"title: {q(shorten(one_line(story.title) or 'Imported story', max_len(Scenario, 'title')))}",
        'summary: "TODO: one or two sentences for the scenario picker."',
        "theme: theme.tutorial  # TODO: the theme.* tag from scenarios/tags.yaml (theme.tutorial is the practice "
        "round's)",
        "age_tier: core  # TODO: core (ages 12-14) or extended (15-18)",
        f"minutes: {max(1, min(60, round(words / 120)))}",
        'content_note: "TODO: one calm sentence on what the story is about."',
        "learning_goals:",
        '  - "TODO: what students can do afterwards."',
        *_variables(conds),
        *character_lines(st),
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
    return safe("\n".join(head + body)), st.todo


def convert_file(src: Path, out: Path, shown: str, start: Optional[str] = None) -> tuple[
        Optional[str], list[Diagnostic], list[str]]:
    """Read a .twee file and return (YAML text or None on errors, diagnostics, things to convert by hand);
    `start` names the start passage instead of StoryData's."""
    bag = DiagnosticBag(shown)
    try:
        text = src.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bag.error("T100", f"byte {exc.start} is not valid UTF-8", hint="save the Twee file as UTF-8 text")
        return None, bag.items, []
    story, diags = parse_twee(text, shown, start)
    if story is None:
        return None, diags, []
    scenario_id = slugify(out.stem).replace("_", "-") or "imported"
    yaml_text, todo = to_scenario_yaml(story, scenario_id, src.name, schema_ref(out), out.as_posix())
    return yaml_text, diags, todo
