"""Deeper content checks: reading level, bubble length, content rules and translation parity."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Callable, Optional, Union

from .diagnostics import DiagnosticBag
from .language import Counts, grade_of_counts, is_checked, may_have_wording_hits, text_counts, wording_hits
from .loader import load_scenario
from .parity import MISSING, diff_items, shown_path, structure
from .readability import (
    located_student_texts,
    max_grade,
)
from .schema import Node, Scenario
from .yamlread import Marks

P = tuple[Union[str, int], ...]

MIN_WORDS_PER_NODE = 100
"""Flesch-Kincaid (and Fernández-Huerta, its Spanish form) is unreliable on short text (content brief §4.8),
so a node is graded on its own only from this many words; the whole scenario is always graded."""

BUBBLE_CHARS = 280
"""Longest message a projector bubble shows well. At classroom type size (about 32 px at 1080p) a
chat bubble of 60% of the screen holds about 45 characters a line; 280 characters is six or seven
lines, which already fills half of the chat area, and the schema asks for about 40 words a bubble.
Longer messages push earlier ones off screen while the class is still reading them."""

LANG_DIR = re.compile(r"^[a-z]{2}(-[A-Z]{2})?$")
TIERS = {"core": "core (ages 12-14)", "extended": "extended (ages 15-18)"}


class DeepLinter:
    """Runs the deeper content checks (W404-W407) for one scenario."""

    def __init__(self, scn: Scenario, marks: Marks, bag: DiagnosticBag, file_path: Optional[Path]) -> None:
        self.s = scn
        self.marks = marks
        self.bag = bag
        self.file_path = file_path

    def run(self) -> None:
        """Run every deeper check (reading level and wording rules for the languages that have them: en, es)."""
        if is_checked(self.s.lang):
            self.check_reading_level()
            self.check_rules()
        self.check_bubbles()
        if self.file_path is not None:
            check_parity(self.s, self.marks, self.bag, self.file_path)

    def _grade(self, c: Counts, where: str, at: tuple[int, int]) -> None:
        tier = self.s.age_tier.value
        grade, target = grade_of_counts(c, self.s.lang), max_grade(tier)
        if grade is not None and grade > target:
            formula = "" if self.s.lang.startswith("en") else " (Fernández-Huerta's grade table)"
            self.bag.warning("W404", f"{where} reads at grade {grade:.1f}{formula}; the target for {TIERS[tier]} is "
                             f"{target:.1f} or lower", at,
                             hint="use shorter sentences (most under 15 words) and everyday words")

    def check_reading_level(self) -> None:
        """The whole story's grade, and each node's and the debrief's with enough words; every text is counted
        once (counts add up, so the whole is the sum of its parts)."""
        groups: dict[str, tuple[P, list[str]]] = {}  # what it is called -> where it is, its texts
        for path, text in located_student_texts(self.s):
            at: P
            if path[0] == "nodes":
                where, at = f"node '{path[1]}'", ("nodes", path[1])
            elif path[0] == "debrief":
                where, at = "the debrief", ("debrief",)
            else:
                where, at = "", ()
            groups.setdefault(where, (at, []))[1].append(text)
        counted: dict[str, tuple[P, Counts]] = {}
        for where, (place, texts) in groups.items():
            c = text_counts(texts, self.s.lang)
            if c is None:
                return
            counted[where] = (place, c)
        whole: Counts = (sum(c[0] for _, c in counted.values()), sum(c[1] for _, c in counted.values()),
                         sum(c[2] for _, c in counted.values()))
        self._grade(whole, "the student text of this scenario", self.marks.at(("age_tier",)))
        for where, (place, c) in counted.items():
            if where and c[1] >= MIN_WORDS_PER_NODE:
                self._grade(c, where, self.marks.at(place, key=True))

    def check_bubbles(self) -> None:
        for nid, node in self.s.nodes.items():
            bubbles: list[tuple[P, str]] = [(("nodes", nid, "messages", i, "text"), m.text)
                                            for i, m in enumerate(node.messages)]
            if node.spot is not None:
                bubbles.append((("nodes", nid, "spot", "text"), node.spot.text))
            for path, text in bubbles:
                if len(text) > BUBBLE_CHARS:
                    self.bag.warning("W405", f"this message has {len(text)} characters; a projector bubble holds "
                                     f"about {BUBBLE_CHARS}", self.marks.at(path),
                                     hint="split it into two messages, or cut words")

    def check_rules(self) -> None:
        located = list(located_student_texts(self.s))
        if not may_have_wording_hits([t for _, t in located], self.s.lang):
            return  # one look at every text; each is looked at alone only when something may be there
        for path, text in located:
            for hit in wording_hits([text], self.s.lang):
                spanish = self.s.lang.startswith("es")
                if hit.rule == "blame":
                    hint = "put the responsibility on the person doing harm, e.g. " + (
                        "'Esto es culpa de Sam, no tuya.'" if spanish else "'This is on Sam, not on you.'")
                else:
                    hint = "a risky ending is never " + ("'fin del juego' or 'perdiste'" if spanish else
                                                         "'game over' or 'you failed'") + ": say what can still help"
                self.bag.warning("W406", f"'{hit.phrase}' in student text", self.marks.at(path), hint=hint)


def _language(file_path: Path, scn: Scenario) -> str:
    folder = file_path.parent.name
    return folder if LANG_DIR.match(folder) else scn.lang


_folders: dict[Path, tuple[int, list[str]]] = {}


def _language_folders(root: Path) -> list[str]:
    """Names in `root` that look like language folders; the listing is kept until the folder changes (the parent
    of a loose file may be a big folder such as /tmp, listed again for every file otherwise)."""
    stamp = os.stat(root).st_mtime_ns
    kept = _folders.get(root)
    if kept is None or kept[0] != stamp:
        kept = (stamp, [n for n in os.listdir(root) if LANG_DIR.match(n)])
        if len(_folders) > 64:
            _folders.clear()
        _folders[root] = kept
    return kept[1]


def parity_reference(file_path: Path, scn: Scenario) -> Optional[Path]:
    """The same file in the reference language folder ('en', else the first), or None when this is it."""
    own = _language(file_path, scn)
    root = file_path.resolve().parent.parent
    try:
        names = [n for n in _language_folders(root) if n != own]
        others = {n: root / n / file_path.name for n in names if (root / n / file_path.name).is_file()}
    except OSError:
        return None
    langs = {own, *others}
    ref = "en" if "en" in langs else min(langs)
    return None if ref == own else others[ref]


def _ways(node: Node) -> tuple[str, list[tuple[P, str]]]:
    if node.choices is not None:
        return "choices", [(("choices", i, "goto"), c.goto) for i, c in enumerate(node.choices)]
    if node.spot is not None:
        return "spot", [(("spot", "goto"), node.spot.goto)]
    if node.next is not None:
        return "next", [(("next",), node.next)]
    return "ending", []


def check_parity(scn: Scenario, marks: Marks, bag: DiagnosticBag, file_path: Path) -> None:
    """W407: a translation has the same node ids, choices and targets as the reference language."""
    ref_path = parity_reference(file_path, scn)
    if ref_path is None:
        return
    ref = load_scenario(ref_path).model
    if ref is None:
        return
    shown = f"{ref_path.parent.name}/{ref_path.name}"

    def warn(message: str, at: tuple[int, int], hint: str) -> None:
        bag.warning("W407", message, at, hint=hint)

    if scn.start != ref.start:
        warn(f"the story starts at '{scn.start}' here but at '{ref.start}' in {shown}", marks.at(("start",)),
             hint="a translation keeps the start node")
    for nid in ref.nodes:
        if nid not in scn.nodes:
            warn(f"node '{nid}' of {shown} is missing here", marks.at(("nodes",), key=True),
                 hint="translate the node and keep its id")
    flagged: set[str] = set()
    for nid, node in scn.nodes.items():
        if nid not in ref.nodes:
            warn(f"node '{nid}' is not in {shown}", marks.at(("nodes", nid), key=True),
                 hint="keep the node ids of the reference language; translate only the text")
            continue
        kind, ways = _ways(node)
        ref_kind, ref_ways = _ways(ref.nodes[nid])
        if kind != ref_kind or len(ways) != len(ref_ways) or any(
                a[1] != b[1] for a, b in zip(ways, ref_ways, strict=False)):
            flagged.add(nid)
        if kind != ref_kind:
            warn(f"node '{nid}' continues with {kind} here but with {ref_kind} in {shown}",
                 marks.at(("nodes", nid), key=True), hint="keep the structure; translate only the text")
        elif len(ways) != len(ref_ways):
            warn(f"node '{nid}' has {len(ways)} choice(s) here but {len(ref_ways)} in {shown}",
                 marks.at(("nodes", nid, "choices")), hint="translate every choice, in the same order")
        else:
            for (path, target), (_, ref_target) in zip(ways, ref_ways, strict=True):
                if target != ref_target:
                    warn(f"node '{nid}' goes to '{target}' here but to '{ref_target}' in {shown}",
                         marks.at(("nodes", nid, *path)), hint="keep every goto as in the reference language")
    _check_structure(scn, ref, marks, shown, warn, flagged)


_SEEN_ABOVE = {"start", "next", "goto"}
"""Structure keys the checks above already compare (their differences are reported once, there)."""


def _check_structure(scn: Scenario, ref: Scenario, marks: Marks, shown: str,
                     warn: Callable[[str, tuple[int, int], str], None], flagged: set[str]) -> None:
    """The rest of the structure (`parity.structure`): variables, points, set/add, conditions, tags, spot parts,
    ending tones, the debrief's flags and resources, in the nodes the checks above found in step (`flagged`: the
    nodes they reported)."""
    for path, ours, theirs in diff_items(structure(scn), structure(ref)):
        if path[0] == "nodes" and (len(path) < 3 or path[1] not in ref.nodes or path[1] not in scn.nodes
                                   or path[1] in flagged):
            continue  # a missing, extra or differently continuing node: reported above
        if _SEEN_ABOVE & {p for p in path if isinstance(p, str)}:
            continue
        here = "nothing" if ours is MISSING else repr(ours)
        there = "nothing" if theirs is MISSING else repr(theirs)
        at = marks.at(tuple(path[:2]), key=True) if path[0] in ("nodes", "debrief") and len(path) > 1 \
            else marks.at((path[0],), key=True)
        warn(f"{shown_path(path)} is {here} here but {there} in {shown}", at,
             "a translation keeps ids, variables, points, flags, tags and conditions; translate only the text")


def lint_deep(scn: Scenario, marks: Marks, bag: DiagnosticBag, file_path: Optional[Path] = None) -> None:
    """Run the deeper checks on a loaded scenario (parity only when the file path is known)."""
    DeepLinter(scn, marks, bag, file_path).run()
