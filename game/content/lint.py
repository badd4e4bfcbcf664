"""Lint pass over a whole scenario: references, graph shape, assets and content checks."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator, Optional, Union

from .catalog import Shared, resolve_asset
from .diagnostics import DiagnosticBag, did_you_mean
from .images import KINDS, MAX_SIDE, picture_problem
from .lint_deep import lint_deep
from .lint_giveaways import scenario_giveaways
from .lint_todo import leftover_todos
from .lint_when import check_condition_types
from .schema import (
    CHAT_KINDS,
    ME,
    SYSTEM,
    Condition,
    Node,
    Scenario,
    TagKind,
    Visited,
    condition_tests,
)
from .texts import node_texts
from .yamlread import Marks

P = tuple[Union[str, int], ...]


def conditions(scn: Scenario) -> Iterator[tuple[P, Condition]]:
    """Every condition in a scenario with its location path."""
    for nid, node in scn.nodes.items():
        for i, m in enumerate(node.messages):
            if m.when is not None:
                yield ("nodes", nid, "messages", i, "when"), m.when
        for i, c in enumerate(node.choices or []):
            if c.when is not None:
                yield ("nodes", nid, "choices", i, "when"), c.when


def reachable(scn: Scenario) -> set[str]:
    """Nodes reachable from the start, ignoring conditions."""
    seen: set[str] = set()
    todo = [scn.start] if scn.start in scn.nodes else []
    while todo:
        nid = todo.pop()
        if nid in seen:
            continue
        seen.add(nid)
        todo.extend(t for t in scn.nodes[nid].targets() if t in scn.nodes and t not in seen)
    return seen


def can_finish(scn: Scenario) -> set[str]:
    """Nodes from which some ending can be reached, ignoring conditions."""
    back: dict[str, list[str]] = {nid: [] for nid in scn.nodes}
    for nid, node in scn.nodes.items():
        for t in node.targets():
            if t in back:
                back[t].append(nid)
    done = {nid for nid, n in scn.nodes.items() if n.ending is not None}
    todo = list(done)
    while todo:
        for src in back[todo.pop()]:
            if src not in done:
                done.add(src)
                todo.append(src)
    return done


def quotable_texts(nid: str, node: Node) -> list[str]:
    """The texts of a node where a red flag can be quoted: what its screen shows (`texts.node_texts`, screen only)
    and each profile field's value on its own."""
    out = [t.text for t in node_texts(nid, node) if t.screen]
    if node.card is not None:
        out += list(node.card.bio.values())
    return out


def _type_name(v: object) -> str:
    return "true/false" if isinstance(v, bool) else "number" if isinstance(v, int) else "text"


class Linter:
    """Runs every lint check for one scenario into a DiagnosticBag."""

    def __init__(self, scn: Scenario, marks: Marks, bag: DiagnosticBag, shared: Shared,
                 pack: Optional[Path], file_path: Optional[Path]) -> None:
        self.s = scn
        self.marks = marks
        self.bag = bag
        self.shared = shared
        self.pack = pack
        self.file_path = file_path
        self.tag_ids = shared.tag_ids()

    def at(self, *path: Union[str, int], key: bool = False) -> tuple[int, int]:
        """Location of a path in the file."""
        return self.marks.at(tuple(path), key=key)

    def run(self) -> None:
        """Run all checks."""
        self.check_start_and_targets()
        self.check_graph()
        self.check_characters()
        self.check_variables()
        self.check_tags()
        self.check_spots()
        self.check_debrief()
        self.check_assets()
        self.check_feedback()

    # -- references
    def check_start_and_targets(self) -> None:
        ids = list(self.s.nodes)
        if self.s.start not in self.s.nodes:
            self.bag.error("E316", f"start node '{self.s.start}' does not exist", self.at("start"),
                           hint=did_you_mean(self.s.start, ids) or "set `start:` to one of the node ids")
        for nid, node in self.s.nodes.items():
            spots: list[tuple[P, str]] = []
            for i, c in enumerate(node.choices or []):
                spots.append((("nodes", nid, "choices", i, "goto"), c.goto))
            if node.spot is not None:
                spots.append((("nodes", nid, "spot", "goto"), node.spot.goto))
            if node.next is not None:
                spots.append((("nodes", nid, "next"), node.next))
            for path, target in spots:
                if target not in self.s.nodes:
                    self.bag.error("E301", f"'{target}' is not a node in this scenario", self.marks.at(path),
                                   hint=did_you_mean(target, ids) or "add the node or fix the id")
        for path, cond in conditions(self.s):
            for leaf in condition_tests(cond):
                if isinstance(leaf, Visited) and leaf.visited not in self.s.nodes:
                    self.bag.error("E301", f"condition visits '{leaf.visited}', which is not a node",
                                   self.marks.at(path),
                                   hint=did_you_mean(leaf.visited, ids) or "use an existing node id")

    def check_graph(self) -> None:
        if self.s.start not in self.s.nodes:
            return
        if not any(n.ending is not None for n in self.s.nodes.values()):
            self.bag.error("E319", "the scenario has no ending", self.at("nodes", key=True),
                           hint="give at least one node an `ending:` with a tone")
            return
        live = reachable(self.s)
        finish = can_finish(self.s)
        for nid in self.s.nodes:
            if nid not in live and self.s.nodes[nid].ending is not None:
                self.bag.error("E325", f"ending '{nid}' can never be reached from '{self.s.start}'",
                               self.at("nodes", nid, key=True),
                               hint="point a choice, next or spot goto at it, or remove it")
            elif nid not in live:
                self.bag.warning("W302", f"node '{nid}' can never be reached from '{self.s.start}'",
                                 self.at("nodes", nid, key=True),
                                 hint="point a choice, next or spot goto at it, or remove it")
            elif nid not in finish:
                self.bag.error("E303", f"no ending can be reached from node '{nid}'",
                               self.at("nodes", nid, key=True),
                               hint="every path needs a way on to an ending (the debrief follows it)")

    def check_characters(self) -> None:
        ids = [c.id for c in self.s.characters]
        seen: set[str] = set()
        for i, c in enumerate(self.s.characters):
            if c.id in seen:
                self.bag.error("E305", f"character id '{c.id}' is used twice", self.at("characters", i, "id"),
                               hint="give each character its own id")
            seen.add(c.id)
        known = set(ids) | {ME, SYSTEM}
        for nid, node in self.s.nodes.items():
            refs: list[tuple[P, str]] = [(("nodes", nid, "messages", i, "from"), m.speaker)
                                         for i, m in enumerate(node.messages)]
            if node.with_ is not None:
                refs.append((("nodes", nid, "with"), node.with_))
            if node.spot is not None:
                refs.append((("nodes", nid, "spot", "from"), node.spot.speaker))
            for path, who in refs:
                if who not in known:
                    self.bag.error("E308", f"'{who}' is not a character", self.marks.at(path),
                                   hint=did_you_mean(who, known) or "add it under `characters:`, or use 'me'/'system'")
            toggles = [t.id for t in (node.card.toggles if node.card else [])]
            if len(set(toggles)) != len(toggles):
                self.bag.error("E305", "two toggles share an id", self.at("nodes", nid, "card", "toggles"),
                               hint="give each toggle its own id")
            for i, choice in enumerate(node.choices or []):
                if choice.toggle is not None and choice.toggle not in toggles:
                    self.bag.error("E321", f"toggle '{choice.toggle}' is not on this node's card",
                                   self.at("nodes", nid, "choices", i, "toggle"),
                                   hint=did_you_mean(choice.toggle, toggles) or "add it under card.toggles")

    def check_variables(self) -> None:
        declared = self.s.variables
        used: set[str] = set()
        for path, cond in conditions(self.s):
            used |= check_condition_types(cond, path, declared, self.marks, self.bag)
        for nid, node in self.s.nodes.items():
            for i, c in enumerate(node.choices or []):
                for name, value in c.set.items():
                    p = ("nodes", nid, "choices", i, "set", name)
                    if name not in declared:
                        self.bag.error("E309", f"'{name}' is not a declared variable", self.marks.at(p, key=True),
                                       hint=did_you_mean(name, declared) or "declare it under `variables:`")
                    elif _type_name(value) != _type_name(declared[name]):
                        self.bag.error("E322", f"'{name}' holds {_type_name(declared[name])}, "
                                       f"but this sets {_type_name(value)}", self.marks.at(p),
                                       hint="keep each variable one type")
                for name in c.add:
                    p = ("nodes", nid, "choices", i, "add", name)
                    if name not in declared:
                        self.bag.error("E309", f"'{name}' is not a declared variable", self.marks.at(p, key=True),
                                       hint=did_you_mean(name, declared) or "declare it under `variables:`")
                    elif _type_name(declared[name]) != "number":
                        self.bag.error("E322", f"'{name}' is not a number, so `add` cannot change it",
                                       self.marks.at(p, key=True), hint="use `set` for true/false and text")
        for name in declared:
            if name not in used:
                self.bag.warning("W408", f"variable '{name}' is never tested by a condition",
                                 self.at("variables", name, key=True),
                                 hint="use it in a `when:` so an earlier choice matters later, or remove it")

    def _tag(self, tag: str, path: P, kinds: tuple[TagKind, ...]) -> None:
        if not self.tag_ids:
            return
        if tag not in self.tag_ids:
            self.bag.error("E306", f"unknown tag '{tag}'", self.marks.at(path),
                           hint=did_you_mean(tag, self.tag_ids) or "use an id from tags.yaml")
        elif tag.split(".", 1)[0] not in {k.value for k in kinds}:
            allowed = " or ".join(f"{k.value}.*" for k in kinds)
            self.bag.error("E306", f"tag '{tag}' does not belong here; use {allowed}", self.marks.at(path),
                           hint="themes go in `theme:`, skills and tactics in tags")

    def check_tags(self) -> None:
        tactic = (TagKind.STAGE, TagKind.PCW)
        if self.tag_ids and (self.s.theme not in self.tag_ids or not self.s.theme.startswith("theme.")):
            themes = [t for t in self.tag_ids if t.startswith("theme.")]
            self.bag.error("E317", f"'{self.s.theme}' is not a theme tag", self.at("theme"),
                           hint=did_you_mean(self.s.theme, themes) or "use one of the theme.* ids in tags.yaml")
        for nid, node in self.s.nodes.items():
            for i, c in enumerate(node.choices or []):
                for j, t in enumerate(c.tags):
                    self._tag(t, ("nodes", nid, "choices", i, "tags", j), (TagKind.SKILL, *tactic))
            if node.spot is not None:
                for i, part in enumerate(node.spot.parts):
                    for j, t in enumerate(part.tags):
                        self._tag(t, ("nodes", nid, "spot", "parts", i, "tags", j), tactic)
        if self.s.debrief is not None:
            for i, rf in enumerate(self.s.debrief.red_flags):
                for j, t in enumerate(rf.tags):
                    self._tag(t, ("debrief", "red_flags", i, "tags", j), tactic)
            for j, t in enumerate(self.s.debrief.tactics):
                self._tag(t, ("debrief", "tactics", j), tactic)

    def check_spots(self) -> None:
        for nid, node in self.s.nodes.items():
            spot = node.spot
            if spot is None:
                continue
            base = ("nodes", nid, "spot")
            if not any(not p.flag for p in spot.parts):
                self.bag.warning("W403", "this spot task has no benign part", self.at(*base, "parts"),
                                 hint="add a harmless look-alike (`flag: false`) so students practise "
                                      "telling them apart")
            taken: list[tuple[int, int]] = []
            for i, part in enumerate(spot.parts):
                start = spot.text.find(part.text)
                while start >= 0 and any(a < start + len(part.text) and start < b for a, b in taken):
                    start = spot.text.find(part.text, start + 1)
                if start < 0:
                    self.bag.error("E314", "this part's text is not in the message (or overlaps another part)",
                                   self.at(*base, "parts", i, "text"),
                                   hint="copy the words exactly from the spot `text:`")
                elif node.screen in CHAT_KINDS and "\n" in spot.text.strip() and "\n" in part.text.strip():
                    self.bag.error("E314", "this part runs across a line break: in a chat, each line of the spot "
                                   "text is a bubble of its own", self.at(*base, "parts", i, "text"),
                                   hint="mark the words of one line, or make two parts, one for each line")
                else:
                    taken.append((start, start + len(part.text)))

    def check_debrief(self) -> None:
        d = self.s.debrief
        if d is None:
            for nid, node in self.s.nodes.items():
                if node.ending is not None:
                    self.bag.error("E304", f"ending '{nid}' has no debrief to lead to",
                                   self.at("nodes", nid, "ending"),
                                   hint="add a `debrief:` section at the end of the file")
            return
        for i, rf in enumerate(d.red_flags):
            if rf.at not in self.s.nodes:
                self.bag.error("E301", f"red flag points at '{rf.at}', which is not a node",
                               self.at("debrief", "red_flags", i, "at"),
                               hint=did_you_mean(rf.at, self.s.nodes) or "use the node id where it appeared")
            elif not any(rf.quote in t for t in quotable_texts(rf.at, self.s.nodes[rf.at])):
                self.bag.error("E315", f"the quote is not in node '{rf.at}'",
                               self.at("debrief", "red_flags", i, "quote"),
                               hint="copy the words exactly from a message, card or spot text of that node")
        if len(d.questions) < 3:
            self.bag.warning("W402", f"only {len(d.questions)} discussion question(s)", self.at("debrief", "questions"),
                             hint="give at least 3 questions for the class")
        known = self.shared.resource_ids()
        for j, rid in enumerate(d.resources):
            if known and rid not in known:
                self.bag.error("E307", f"unknown resource '{rid}'", self.at("debrief", "resources", j),
                               hint=did_you_mean(rid, known) or "use an id from resources.yaml")

    def _asset(self, rel: Optional[str], path: P) -> None:
        if rel is None:
            return
        pos = self.marks.at(path)
        pack = self.pack
        if pack is None:
            return
        base = self.file_path.resolve().parent if self.file_path is not None else pack
        found, code = resolve_asset(pack, base, rel)
        problem = picture_problem(found) if found is not None else None
        if problem is not None:
            self.bag.error("E323", f"'{rel}' cannot be shown: {problem}", pos,
                           hint=f"save it as a {KINDS} file of at most {MAX_SIDE} x {MAX_SIDE} pixels")
        elif code == "E312":
            self.bag.error("E312", f"'{rel}' is outside the pack", pos,
                           hint="write a path relative to the scenario file that stays inside the pack; "
                                "absolute paths, '..' out of the pack and links out of it are refused")
        elif code == "E311":
            self.bag.error("E311", f"'{rel}' does not exist in the pack", pos, hint="check the file name")

    def check_assets(self) -> None:
        for i, c in enumerate(self.s.characters):
            self._asset(c.avatar, ("characters", i, "avatar"))
        for nid, node in self.s.nodes.items():
            for i, m in enumerate(node.messages):
                self._asset(m.image, ("nodes", nid, "messages", i, "image"))
            if node.card is not None:
                self._asset(node.card.image, ("nodes", nid, "card", "image"))

    def check_feedback(self) -> None:
        for nid, node in self.s.nodes.items():
            for i, c in enumerate(node.choices or []):
                if not c.feedback and len(node.choices or []) > 1:
                    self.bag.warning("W401", "this choice has no feedback", self.at("nodes", nid, "choices", i),
                                     hint="add `feedback:` that says why, in plain words")


def lint(scn: Scenario, marks: Marks, bag: DiagnosticBag, shared: Shared,
         pack: Optional[Path] = None, file_path: Optional[Path] = None) -> None:
    """Run every lint check on a loaded scenario, then the deeper content checks (W404-W407) and the per-file
    give-away checks (W410, W411; W409 looks at the whole pack: `lint_giveaways.pack_giveaways`), then the TODOs
    an import left (W420)."""
    Linter(scn, marks, bag, shared, pack, file_path).run()
    lint_deep(scn, marks, bag, file_path)
    scenario_giveaways(scn, marks, bag)
    leftover_todos(scn, marks, bag, file_path)
