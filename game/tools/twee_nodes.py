"""Write one Twine passage as a scenario node: messages, choices or `next`, or an ending, with TODO comments."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Optional

from ..content.schema import Character, Choice, Ending, Message, Node, ScreenKind
from ..content.storygraph import shorten
from .twee import Passage
from .twee_build import Exit, Line
from .twee_cond import Conditions, Value, describe, value_of, var_id
from .twee_text import PLAYER_WORDS, plain, safe, slugify

CHATS = {"dm", "sms"}
"""Screens whose header shows the person the chat is with (`with:`, set when one person speaks)."""
TONE_TAGS = {"safe": "safe", "risky": "risky", "help_sought": "help_sought", "help": "help_sought"}
_SHOWN_VAR = re.compile(r"\$[A-Za-z_]\w*")
_BACK = re.compile(r"previous|history|\$return|back|undo", re.I)
ASSIGN = re.compile(r"^\s*(?:\$|s\.|State\.variables\.)?(\w+)\s*(?:to|=)\s*(true|false|-?\d+|\"[^\"]*\"|'[^']*')\s*$")
_ADD = re.compile(r"^\s*(?:\$|s\.)?(\w+)\s*(\+=|-=)\s*(\d+)\s*$"
                  r"|^\s*(?:\$|s\.)?(\w+)\s*(?:to|=)\s*(?:\$|s\.)?(\w+)\s*([+-])\s*(\d+)\s*$")


def max_len(model: Any, name: str) -> int:
    """The schema's length limit for a text field (so the importer follows the model)."""
    for m in model.model_fields[name].metadata:
        if getattr(m, "max_length", None):
            return int(m.max_length)
    return 1000


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return json.dumps(safe(text), ensure_ascii=False)


def one_line(text: str) -> str:
    """Text on one line, for a comment."""
    return " ".join(safe(text).split())


def chunks(text: str, limit: int) -> list[str]:
    """Text cut at spaces into pieces of at most `limit` characters."""
    out = []
    while len(text) > limit:
        cut = text.rfind(" ", 0, limit)
        cut = cut if cut > 0 else limit
        out.append(text[:cut].strip())
        text = text[cut:].strip()
    return out + [text] if text else out


@dataclass
class Story:
    """What every node needs to know about the whole story while it is written."""

    ids: dict[str, str]
    start: str
    conds: Conditions
    preds: dict[str, list[str]]
    fmt: str
    passages: dict[str, Passage] = field(default_factory=dict)
    speakers: dict[str, str] = field(default_factory=dict)
    """Display name -> character id, in order of first appearance."""
    todo: list[str] = field(default_factory=list)

    def on_entry(self, name: str) -> Effects:
        """What entering passage `name` sets (its assignments outside any condition); the start passage's are the
        starting values, so they are not repeated on choices."""
        p = self.passages.get(name)
        if p is None or name == self.start or not p.built.sets:
            return {}, {}, []
        return effects(self, "; ".join(text for _, text in p.built.sets))

    def speaker(self, name: str) -> str:
        """The character id for a speaker's name (declared on first use); 'me' for the player."""
        if name.lower() in PLAYER_WORDS:
            return "me"
        if name not in self.speakers:
            base = slugify(name) or "character"
            cid, n = base, 2
            while cid in set(self.speakers.values()) | {"me", "system"}:
                cid, n = f"{base}_{n}", n + 1
            self.speakers[name] = cid
        return self.speakers[name]


def _when(story: Story, cond: tuple[tuple[str, bool], ...], indent: str) -> list[str]:
    if not cond:
        return []
    when, stub = story.conds.when(cond)
    why = "stands in for" if stub else "translates"
    return [f"{indent}when: {json.dumps(when)}  # TODO: {why} the Twine condition {one_line(describe(cond))}; "
            "check it"]


Effects = tuple[dict[str, Value], dict[str, int], list[str]]
"""(`set:` values, `add:` amounts, the parts that could not be converted)."""


def effects(story: Story, setter: str) -> Effects:
    """What Twine assignments like `$trust to 1; $met to true` or `$n += 1` do, as `set:` and `add:`."""
    sets: dict[str, Value] = {}
    adds: dict[str, int] = {}
    left = []
    for part in (p for p in re.split(r"[;,]", setter) if p.strip()):
        m, a = ASSIGN.match(part), _ADD.match(part)
        if m:
            value = value_of(m.group(2))
            sets[var_id(m.group(1))] = value
            story.conds.use(m.group(1), type(value)())
        elif a and (a.group(1) or a.group(4) == a.group(5) or a.group(5) == "it"):
            name = a.group(1) or a.group(4)
            sign = -1 if (a.group(2) or a.group(6)) in ("-=", "-") else 1
            adds[var_id(name)] = adds.get(var_id(name), 0) + sign * int(a.group(3) or a.group(7))
            story.conds.use(name, 0)
        else:
            left.append(part.strip())
    return sets, adds, left


class NodeWriter:
    """Writes one passage's node."""

    def __init__(self, story: Story, passage: Passage) -> None:
        self.s = story
        self.p = passage
        self.where = f"passage '{passage.name}'"
        self.notes: list[str] = []
        self.code_only = False
        """True when an exit went to code that could not be converted."""

    def note(self, line: int, text: str) -> None:
        """A TODO kept above the node and listed at the top of the file."""
        self.notes.append(f"line {line}: {one_line(text)}")
        self.s.todo.append(f"line {line}, {self.where}: {one_line(text)}")

    def message(self, ln: Line, text: str) -> list[str]:
        who = self.s.speaker(ln.speaker) if ln.speaker else "system"
        return [f"      - from: {who}", f"        text: {q(text)}", *_when(self.s, ln.cond, "        ")]

    def exits(self) -> tuple[Optional[str], list[Exit]]:
        """(the `next` target, the exits that become choices), noting what cannot be converted."""
        nxt, choices = None, []
        real = [ex for ex in self.p.built.exits if not ex.code]
        for ex in self.p.built.exits:
            for target, text in self._targets(ex, bool(real)):
                ex = Exit(text, target, ex.setter, ex.cond, ex.line, ex.col, ex.tcol, ex.goto)
                if ex.goto and not ex.cond and nxt is None:
                    nxt = target
                elif nxt is None:
                    choices.append(ex)
        if nxt is not None and choices:
            self.note(self.p.line, "the passage moves on at once (goto), so its other links were never offered "
                                   "in Twine; they are left out")
        return nxt, [] if nxt is not None else choices

    def _targets(self, ex: Exit, others: bool) -> list[tuple[str, str]]:
        """(passage, choice text) pairs an exit becomes: one for a passage name, the passages that link here for
        `previous()`, none for other code."""
        if not ex.code:
            return [(ex.target, ex.text)]
        if "restart" in ex.target.lower():
            self.note(ex.line, f"'{ex.text}' restarts the story; it goes to the start node here")
            return [(self.s.start, ex.text)]
        back = self.s.preds.get(self.p.name, [])
        ending = not others and any(t in TONE_TAGS for t in self.p.tags)
        if _BACK.search(ex.target) and back and not ending:
            if len(back) == 1:
                self.note(ex.line, f"'{ex.text}' goes back with {ex.target}; it goes to '{back[0]}' here (the only "
                                   "passage that links here): check it")
                return [(back[0], ex.text)]
            self.note(ex.line, f"'{ex.text}' goes back with {ex.target}; here it is one choice per passage that "
                               f"links here ({', '.join(back)}): keep the right one")
            return [(b, f"{ex.text} ({b})") for b in back]
        if _BACK.search(ex.target) and ending:
            self.note(ex.line, f"'{ex.text}' goes back with {ex.target}; the passage is tagged as an ending, so it "
                               "is left out")
            return []
        self.note(ex.line, f"link '{ex.text}' goes to code `{ex.target}`, not a passage: point a choice at a node "
                           "by hand")
        self.code_only = True
        return []

    def lines(self) -> list[str]:
        """The node's YAML lines (with its comments)."""
        p = self.p
        for line, text in p.built.notes:
            self.note(line, text)
        if p.built.sets and p.name != self.s.start:
            _, _, left = self.s.on_entry(p.name)
            where = ", ".join(dict.fromkeys(f"line {line}" for line, _ in p.built.sets))
            self.notes.append(f"{where}: the passage sets [{'; '.join(one_line(x) for _, x in p.built.sets)}]; "
                              "the choices that lead here do it now")
            if left:
                self.note(p.built.sets[0][0], f"sets [{'; '.join(left)}] on entering: convert by hand")
        for ln in p.built.lines:
            for var in dict.fromkeys(_SHOWN_VAR.findall(ln.text)):
                self.note(ln.line, f"variable {var} in the text is shown as written")
        nxt, exits = self.exits()
        body = self._continue(nxt, exits)
        tags = f", tags: {one_line(' '.join(p.tags))}" if p.tags else ""
        head = [f"  # Twine passage {q(p.name)} (line {p.line}{tags})", *(f"  # {n}" for n in self.notes)]
        screens = [t for t in p.tags if t in {k.value for k in ScreenKind}]
        screen = screens[0] if screens else "narration"
        people = {self.s.speaker(ln.speaker) for ln in p.built.lines if ln.speaker} - {"me"}
        chat = [f"    with: {people.pop()}"] if screen in CHATS and len(people) == 1 else []
        return head + [f"  {self.s.ids[p.name]}:", f"    screen: {screen}", *chat,
                       f"    title: {q(shorten(p.name, max_len(Node, 'title')))}"] + body

    def _messages(self, lines: list[Line]) -> list[str]:
        out = []
        for ln in lines:
            for piece in chunks(ln.text, max_len(Message, "text")):
                out += self.message(ln, piece)
        return ["    messages:", *out] if out else []

    def _continue(self, nxt: Optional[str], exits: list[Exit]) -> list[str]:
        lines = self.p.built.lines
        if nxt is not None:
            in_sets, in_adds, _ = self.s.on_entry(nxt)
            if in_sets or in_adds:
                self.note(self.p.line, f"'{nxt}' sets variables when it is entered, but `next:` cannot set them: "
                                       "turn this into a choice with set:/add:")
            return self._messages(lines) + [f"    next: {self.s.ids[nxt]}"]
        if exits:
            return self._messages(lines) + self._choices(exits)
        return self._ending(lines)

    def _choices(self, exits: list[Exit]) -> list[str]:
        out = ["    choices:"]
        for ex in exits:
            text = plain(ex.text, self.s.fmt) or ("Continue" if ex.goto else one_line(ex.target)) or "Continue"
            out += [f"      - text: {q(shorten(text, max_len(Choice, 'text')))}",
                    f"        goto: {self.s.ids[ex.target]}",
                    "        points: 0  # TODO: score the choice (-10 to 10) and add feedback"]
            out += _when(self.s, ex.cond, "        ")
            out += self._effects(ex)
        if all(ex.cond for ex in exits):
            self.note(self.p.line, "every choice here has a condition: make sure one is always offered")
        return out

    def _effects(self, ex: Exit) -> list[str]:
        """`set:`/`add:` for a choice: its link's setter, then what entering its target sets."""
        sets, adds, left = effects(self.s, ex.setter) if ex.setter else ({}, {}, [])
        in_sets, in_adds, _ = self.s.on_entry(ex.target)
        sets = {**{k: v for k, v in sets.items() if k not in in_adds}, **in_sets}
        for k, v in in_adds.items():
            adds[k] = adds.get(k, 0) + v
        out = [f"        set: {json.dumps(sets)}"] if sets else []
        out += [f"        add: {json.dumps(adds)}"] if adds else []
        if ex.setter:
            out.append(f"        # Twine setter: [{one_line(ex.setter)}]")
        if in_sets or in_adds:
            out.append(f"        # what '{ex.target}' sets when it is entered (Twine sets it there)")
        if left:
            self.note(ex.line, f"link '{one_line(ex.text)}' sets [{'; '.join(left)}]: convert to set: or add:")
        return out

    def _ending(self, lines: list[Line]) -> list[str]:
        tones = [TONE_TAGS[t] for t in self.p.tags if t in TONE_TAGS]
        limit = max_len(Ending, "text")
        told = [ln for ln in lines if not ln.speaker and not ln.cond]
        text = "\n\n".join(ln.text for ln in told)
        if len(text) > limit:
            told, text = told[-1:], told[-1].text[:limit] if told else ""
        shown = [ln for ln in lines if ln not in told]
        tone = f"      tone: {tones[0]}" if tones else \
            "      tone: safe  # TODO review: tone guessed (tag the passage safe, risky or help_sought)"
        if self.code_only:
            tone += "; TODO: not an ending in Twine (its links run code): give it choices or next"
        title = shorten(one_line(self.p.name) or "The end", max_len(Ending, "title"))
        return self._messages(shown) + [
            "    ending:", tone, f"      title: {q(title)}",
            f"      text: {q(text)}" if text else '      text: "TODO: say how the story ends."']


def character_lines(story: Story) -> list[str]:
    """The `characters:` block for every speaker found."""
    if not story.speakers:
        return []
    out = ["characters:"]
    for name, cid in story.speakers.items():
        out += [f"  - id: {cid}", f"    name: {q(shorten(name, max_len(Character, 'name')))}",
                "    role: other  # TODO: friend, stranger, partner, recruiter, peer, family, adult or business"]
    return out
