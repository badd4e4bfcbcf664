"""Scenario look-ups for the teacher tools: a pack in guide order, and titles by id for reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from ..content.catalog import find_scenario_files, link_leaves_pack, refuse_outside_link, scenarios_dir
from ..content.diagnostics import Diagnostic, DiagnosticBag
from ..content.loader import load_scenario
from ..content.schema import Scenario

TUTORIAL_THEME = "theme.tutorial"


def guide_order(scn: Scenario) -> tuple[int, int, str]:
    """Tutorial first, then by `order`, then by id."""
    return (0 if scn.theme == TUTORIAL_THEME or scn.id == "tutorial" else 1, scn.order, scn.id)


@dataclass
class Pack:
    """The scenarios of one folder that loaded, in guide order, and the problems of those that did not."""

    folder: Path
    scenarios: list[Scenario] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)


def load_pack(folder: Path) -> Pack:
    """Load every scenario file below ``folder`` (example folders starting with '_' are skipped)."""
    pack = Pack(folder)
    for path in find_scenario_files(folder, include_examples=False):
        if link_leaves_pack(path):  # never read a file outside the pack
            bag = DiagnosticBag(str(path))
            refuse_outside_link(bag)
            pack.problems.extend(bag.items)
            continue
        loaded = load_scenario(path)
        errors = [d for d in loaded.diagnostics if d.severity.value == "error"]
        if loaded.model is None or errors:
            pack.problems.extend(errors or loaded.diagnostics)
            continue
        pack.scenarios.append(loaded.model)
    pack.scenarios.sort(key=guide_order)
    return pack


def find_scenarios(ids: Iterable[str], root: Optional[Path] = None) -> dict[str, Scenario]:
    """The scenarios with these ids below ``root`` (default: the shipped packs); unknown ids are left out.

    Files named after the id are tried first, so a report reads only the files it needs.
    """
    wanted = set(ids)
    found: dict[str, Scenario] = {}
    if not wanted:
        return found
    files = find_scenario_files(root or scenarios_dir())
    by_stem = [p for p in files if p.stem in wanted]
    rest = [p for p in files if p.stem not in wanted]
    for path in by_stem + rest:
        if not wanted - found.keys():
            break
        if link_leaves_pack(path):
            continue
        loaded = load_scenario(path)
        scn = loaded.model
        if scn is not None and scn.id in wanted and scn.id not in found:
            found[scn.id] = scn
    return found
