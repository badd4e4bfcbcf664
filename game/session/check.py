"""Full check of one scenario file: load, schema, lint, then explorer-based checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional, Union

from ..content.catalog import (
    TAGS_FILE,
    Entry,
    find_scenario_files,
    is_shared_name,
    is_shipped_file,
    link_leaves_pack,
    load_pack_file,
    load_shared,
    pack_root,
    refuse_outside_link,
    scenarios_dir,
    shared_kind,
)
from ..content.diagnostics import Diagnostic, DiagnosticBag, sort_key
from ..content.lint import lint
from ..content.lint_giveaways import PackMember, pack_giveaways
from ..content.loader import Loaded, load_scenario
from ..content.schema import ResourceList, Scenario, TagVocabulary, Tone
from ..engine.explorer import MAX_STATES, Exploration, explore


@dataclass
class Checked:
    """A checked scenario file: the entry, its exploration (when it loaded) and sorted diagnostics."""

    entry: Entry
    exploration: Optional[Exploration] = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        """Only the errors."""
        return [d for d in self.diagnostics if d.severity.value == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        """Only the warnings."""
        return [d for d in self.diagnostics if d.severity.value == "warning"]


MarksAt = Callable[[tuple[Union[str, int], ...], bool], tuple[int, int]]
"""Where a path of keys sits in the file: (path, at the key rather than the value) -> (line, col)."""


def explorer_checks(scn: Scenario, ex: Exploration, bag: DiagnosticBag, at: MarksAt) -> None:
    """Checks that need the state graph: the state budget, point loops, unreachable endings, best path tone."""
    if ex.states_capped:
        bag.error("E324", f"too many variable combinations: {ex.states_seen:,} or more; the limit is "
                  f"{MAX_STATES:,}", at(("variables",), True),
                  hint="each true/false variable set by a choice can double the story's states; use fewer "
                       "variables, or counters that stop (a loop that adds to a number never ends)")
    for nid in ex.point_loops:
        bag.error("E318", f"a loop through node '{nid}' gives points, so a player could repeat it for score",
                  at(("nodes", nid), True), hint="set points to 0 on choices that lead back, or end the loop")
    if not ex.states_capped:  # (an ending no link reaches is E325 from the lint, and then no exploration runs)
        for e in ex.endings:
            if not e.reachable:
                bag.error("E325", f"ending '{e.id}' can never be reached: every way to it needs a condition that "
                          "does not hold on that path", at(("nodes", e.id), True),
                          hint="check the `when:` of the choices that lead there (`python main.py paths` lists "
                               "the endings each path reaches)")
        for nid, kind, i in ex.never_hold:
            what, done = ("message", "shown") if kind == "messages" else ("choice", "offered")
            bag.warning("W326", f"this {what}'s condition never holds on any path that reaches node '{nid}', so it "
                        f"is never {done}", at(("nodes", nid, kind, i, "when"), False),
                        hint="check the variable and value it tests, and where the story sets them")
    reachable_endings = [e for e in ex.endings if e.reachable and e.max_score is not None]
    if reachable_endings and not ex.states_capped:
        best = max(e.max_score for e in reachable_endings if e.max_score is not None)
        top = [e for e in reachable_endings if e.max_score == best]
        if not any(e.tone in (Tone.SAFE.value, Tone.HELP_SOUGHT.value) for e in top):
            bag.error("E320", f"the best score ({best}) is only reached at a risky ending ('{top[0].id}')",
                      at(("nodes", top[0].id), True),
                      hint="reward the safer choices more, so the best path ends safe or help_sought")


def check_file(path: Path, display: Optional[str] = None, *, fast: bool = True) -> Checked:
    """Load and check one scenario file."""
    shown = display or str(path)
    if link_leaves_pack(path):  # a pack's file that links out of it is never read (it could be anyone's file)
        bag = DiagnosticBag(shown)
        refuse_outside_link(bag)
        return Checked(Entry(path, Loaded(shown, None, bag.items), pack_root(path.parent / "x.yaml")),
                       diagnostics=list(bag.items))
    loaded = load_scenario(path, display=shown, fast=fast)
    pack = pack_root(path)
    entry = Entry(path, loaded, pack)
    checked = Checked(entry)
    if loaded.model is None:
        checked.diagnostics = sorted(loaded.diagnostics, key=sort_key)
        return checked
    bag = DiagnosticBag(shown, list(loaded.diagnostics))
    shared = load_shared(pack)
    lint(loaded.model, loaded.marks, bag, shared, pack, path)
    if not bag.has_errors:
        ex = explore(loaded.model)
        checked.exploration = ex
        marks = loaded.marks
        explorer_checks(loaded.model, ex, bag, lambda p, k: marks.at(p, key=k))
    checked.diagnostics = sorted(bag.items, key=sort_key)
    loaded.diagnostics = checked.diagnostics
    return checked


def is_shared_file(path: Path) -> bool:
    """True for a pack's tags.yaml or resources.yaml, or a language version of one (tags.es.yaml), checked with
    `check_shared_file`, not as a scenario."""
    return is_shared_name(path.name)


def check_shared_file(path: Path, display: Optional[str] = None) -> list[Diagnostic]:
    """Check a tags.yaml or resources.yaml: a link out of the pack is refused (E312), else its schema."""
    model: type[TagVocabulary] | type[ResourceList] = (TagVocabulary if shared_kind(path.name) == TAGS_FILE
                                                        else ResourceList)
    loaded = load_pack_file(path, model, display or str(path))
    diagnostics = list(loaded.diagnostics)
    if isinstance(loaded.model, ResourceList) and not is_shipped_file(path):
        bag = DiagnosticBag(loaded.path)
        pack_line_warnings(loaded.model, load_shared(scenarios_dir()).resource_ids(), bag,
                           lambda i: loaded.marks.at(("resources", i)))
        diagnostics.extend(bag.items)
    return sorted(diagnostics, key=sort_key)


def pack_line_warnings(own: ResourceList, shipped: set[str], bag: DiagnosticBag,
                       at: Callable[[int], tuple[int, int]]) -> None:
    """W501 for every help line a pack's resources.yaml holds: a shipped id cannot be replaced (that line is never
    shown), and each added line must be checked by the teacher before class (it is never marked verified)."""
    for i, r in enumerate(own.resources):
        if r.id in shipped:
            bag.warning("W501", f"'{r.id}' is one of the game's checked help lines: a pack cannot replace it, so "
                        "this line is never shown", at(i),
                        hint="give the line an id of its own to add it, or remove it; the checked line always shows")
        else:
            numbers = ", ".join(c.value for c in r.contacts)
            bag.warning("W501", f"help line '{r.id}' ({r.name}: {numbers}) comes from this pack; it is shown under "
                        "'From this pack', never as verified", at(i),
                        hint="before class, check every number, text keyword, website and the hours on the "
                             "operator's own official page, and that it is free and meant for young people")


def check_pack_giveaways(checked: Iterable[Checked]) -> None:
    """W409 across each pack: the files checked together are grouped by pack, and the pack's other scenario files
    (not checked now) count too, so one file checked alone gets the same warnings as the whole pack. Each checked
    file's diagnostics get its warnings, sorted in place."""
    by_pack: dict[Path, list[Checked]] = {}
    for c in checked:
        if c.entry.scenario is not None and not c.errors:
            by_pack.setdefault(c.entry.pack, []).append(c)
    for pack, group in by_pack.items():
        mine = {c.entry.path.resolve() for c in group}
        members: list[PackMember] = []
        bags: list[tuple[Checked, DiagnosticBag]] = []
        for c in group:
            bag = DiagnosticBag(c.entry.loaded.path)
            bags.append((c, bag))
            scn = c.entry.scenario
            assert scn is not None
            members.append((c.entry.loaded.path, scn, c.entry.loaded.marks, bag))
        if pack.is_dir() and (pack / "tags.yaml").is_file():  # a real pack: its other stories count too
            for path in find_scenario_files(pack, include_examples=False):
                if path.resolve() in mine or link_leaves_pack(path):
                    continue
                other = load_scenario(path)
                if other.model is not None:
                    members.append((str(path), other.model, other.marks, DiagnosticBag(str(path))))
        pack_giveaways(members)
        for c, bag in bags:
            if bag.items:
                c.diagnostics = sorted(c.diagnostics + bag.items, key=sort_key)
                c.entry.loaded.diagnostics = c.diagnostics
