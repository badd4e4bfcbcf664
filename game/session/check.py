"""Full check of one scenario file: load, schema, lint, then explorer-based checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional, Union

from ..content.catalog import (
    SHARED_FILES,
    TAGS_FILE,
    Entry,
    link_leaves_pack,
    load_pack_file,
    load_shared,
    pack_root,
    refuse_outside_link,
)
from ..content.diagnostics import Diagnostic, DiagnosticBag, sort_key
from ..content.lint import lint
from ..content.loader import Loaded, load_scenario
from ..content.schema import ResourceList, Scenario, TagVocabulary, Tone
from ..engine.explorer import Exploration, explore


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
    """Checks that need the state graph: point loops, unreachable endings, best path tone."""
    for nid in ex.point_loops:
        bag.error("E318", f"a loop through node '{nid}' gives points, so a player could repeat it for score",
                  at(("nodes", nid), True), hint="set points to 0 on choices that lead back, or end the loop")
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
    """True for a pack's tags.yaml or resources.yaml (checked with `check_shared_file`, not as a scenario)."""
    return path.name in SHARED_FILES


def check_shared_file(path: Path, display: Optional[str] = None) -> list[Diagnostic]:
    """Check a tags.yaml or resources.yaml: a link out of the pack is refused (E312), else its schema."""
    model: type[TagVocabulary] | type[ResourceList] = TagVocabulary if path.name == TAGS_FILE else ResourceList
    loaded = load_pack_file(path, model, display or str(path))
    return sorted(loaded.diagnostics, key=sort_key)
