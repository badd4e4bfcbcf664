"""The one catalog of scenarios: the picker's checked items, a pack in guide order, look-ups by id or path, the
help resources, and the one rule for "is this the tutorial"."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from ..content.catalog import (
    RESOURCES_FILE,
    TAGS_FILE,
    Shared,
    find_scenario_files,
    link_leaves_pack,
    load_shared,
    pack_root,
    refuse_outside_link,
    scenarios_dir,
)
from ..content.diagnostics import MAX_SHOWN, Diagnostic, DiagnosticBag
from ..content.loader import load_model, load_scenario
from ..content.schema import Resource, Scenario, TagDef
from ..usage import UsageError
from . import log
from .check import Checked, check_file

TUTORIAL_THEME = "theme.tutorial"

EMERGENCY = "emergency"
"""The shipped emergency line (911): first on every list of help lines."""


def is_tutorial(scn: Scenario) -> bool:
    """The one rule for "this is the tutorial": its theme is the tutorial theme (or, in an older pack, its id is
    'tutorial')."""
    return scn.theme == TUTORIAL_THEME or scn.id == "tutorial"


def guide_order(scn: Scenario) -> tuple[int, int, str]:
    """Tutorial first, then by `order`, then by id (the picker, the guide and reports all list in this order)."""
    return (0 if is_tutorial(scn) else 1, scn.order, scn.id)


@dataclass
class CatalogItem:
    """One scenario file as the picker shows it."""

    path: Path
    checked: Optional[Checked] = None
    problem: Optional[str] = None  # an unexpected failure while checking (never a crash)
    diagnostics: list[str] = field(default_factory=list)

    @property
    def scenario(self) -> Optional[Scenario]:
        """The model when the file loaded without errors."""
        if self.checked is None or self.checked.errors:
            return None
        return self.checked.entry.scenario

    @property
    def ok(self) -> bool:
        """True when the scenario can be played."""
        return self.scenario is not None

    @property
    def id(self) -> str:
        """Scenario id, or the file name when it did not load."""
        scn = self.checked.entry.scenario if self.checked else None
        return scn.id if scn is not None else self.path.stem

    @property
    def title(self) -> str:
        """Title, or the file name."""
        scn = self.checked.entry.scenario if self.checked else None
        return scn.title if scn is not None else self.path.name

    @property
    def best_score(self) -> int:
        """The best score any path reaches (for stars)."""
        ex = self.checked.exploration if self.checked else None
        return ex.best_score if ex is not None else 0

    @property
    def pack(self) -> Path:
        """The pack folder the scenario belongs to."""
        return self.checked.entry.pack if self.checked else pack_root(self.path)

    def sort_key(self) -> tuple[int, int, str]:
        """Tutorial first, then by `order` and id; broken files last."""
        scn = self.scenario
        if scn is None:
            return (2, 0, self.path.stem)
        return guide_order(scn)


def check_item(path: Path) -> CatalogItem:
    """Check one file; an unexpected exception becomes a readable problem, not a crash."""
    item = CatalogItem(path)
    try:
        item.checked = check_file(path)
        ordered = item.checked.errors + item.checked.warnings
        item.diagnostics = [d.format() for d in ordered[:MAX_SHOWN]]
        if len(ordered) > MAX_SHOWN:  # a file with thousands of problems shows the first ones and a count
            item.diagnostics.append(f"... and {len(ordered) - MAX_SHOWN:,} more in this file")
    except Exception as exc:  # noqa: BLE001 - the picker must survive any broken file
        log.exception("checking %s failed", path)
        item.problem = f"{type(exc).__name__}: {exc}"
        item.diagnostics = [f"{path}: error: this file could not be checked ({item.problem})"]
    return item


KEPT_ITEMS = 96
"""Checked files kept for the run (two languages of the shipped stories, and a pack or two)."""
_kept: OrderedDict[tuple[object, ...], CatalogItem] = OrderedDict()


def _identity(path: Path) -> Optional[tuple[object, ...]]:
    """What a file's check depends on that can change, or None when the file cannot be looked at: the path as given
    (a link is its own file: one that leaves its pack is refused, whatever it points to), the link and the file it
    reaches (time and size), and its pack's tags and help lines (and the shipped ones)."""
    try:
        link, target = path.lstat(), path.stat()
    except OSError:
        return None
    shared: list[Optional[tuple[int, int]]] = []
    for folder in (pack_root(path), scenarios_dir()):
        for name in (TAGS_FILE, RESOURCES_FILE):
            try:
                st = (folder / name).stat()
                shared.append((st.st_mtime_ns, st.st_size))
            except OSError:
                shared.append(None)
    return (str(path.absolute()), link.st_ino, link.st_mtime_ns, link.st_size, target.st_ino, target.st_mtime_ns,
            target.st_size, tuple(shared))


def kept_item(path: Path) -> CatalogItem:
    """`check_item`, kept for the run while the file and its pack's shared files are unchanged: another library
    (the other language, a new App) does not check every story again (about 40 ms a story). An author's reload
    checks again (`Library.reload`, `Library.refresh`)."""
    key = _identity(path)
    if key is not None:
        item = _kept.get(key)
        if item is not None:
            _kept[key] = _kept.pop(key, item)  # the most recent last (and never a KeyError, whoever else evicts)
            return item
    item = check_item(path)
    if key is not None and item.problem is None:
        _kept[key] = item
        while len(_kept) > KEPT_ITEMS:
            _kept.popitem(last=False)
    return item


class Library:
    """Scenario files of one pack folder (checked once, lazily) and the shared tags and resources."""

    def __init__(self, folder: Optional[Path] = None, lang: str = "en") -> None:
        base = scenarios_dir()
        self.folder = Path(folder) if folder else (base / lang if (base / lang).is_dir() else base / "en")
        self.lang = lang
        """The language of the tags and help lines (tags.<lang>.yaml and resources.<lang>.yaml when they exist)."""
        self._items: Optional[list[CatalogItem]] = None
        self._extra: dict[Path, CatalogItem] = {}

    def items(self) -> list[CatalogItem]:
        """Every scenario in the folder, picker order (examples in '_' folders left out)."""
        if self._items is None:
            try:
                files = find_scenario_files(self.folder, include_examples=False) if self.folder.is_dir() else []
            except OSError as exc:
                log.error("cannot list %s: %s", self.folder, exc)
                files = []
            self._items = sorted((kept_item(p) for p in files), key=CatalogItem.sort_key)
        return self._items

    def reload(self) -> None:
        """Forget the checked files (author reload): every file is checked again, pictures and links included."""
        self._items = None
        self._extra.clear()
        _kept.clear()

    def refresh(self, path: Path) -> CatalogItem:
        """Check one file again (author reload) and keep the new result in place of the old one."""
        fresh = check_item(Path(path))
        key = _identity(Path(path))
        if key is not None and fresh.problem is None:
            _kept[key] = fresh
        if self._items is not None:
            for i, it in enumerate(self._items):
                if it.path.resolve() == fresh.path.resolve():
                    self._items[i] = fresh
                    return fresh
        self._extra[Path(path)] = fresh
        return fresh

    def item_for_path(self, path: Path) -> CatalogItem:
        """A checked item for any file (e.g. --scenario with an example or a path)."""
        path = Path(path)
        for it in self.items():
            if it.path.resolve() == path.resolve():
                return it
        if path not in self._extra:
            self._extra[path] = kept_item(path)
        return self._extra[path]

    def shared(self, pack: Optional[Path] = None) -> Shared:
        """Tags and resources for a pack (the shipped ones as fallback), in the library's language where a
        language version exists."""
        return load_shared(pack or pack_root(self.folder / "x.yaml"), self.lang)

    def tag(self, tag_id: str, pack: Optional[Path] = None) -> Optional[TagDef]:
        """A tag definition, if known."""
        vocab = self.shared(pack).tags
        return vocab.get(tag_id) if vocab else None

    def tag_label(self, tag_id: str, pack: Optional[Path] = None) -> str:
        """The student-facing label of a tag (its id when unknown)."""
        t = self.tag(tag_id, pack)
        return t.label if t else tag_id

    def resources(self, theme: Optional[str] = None, ids: Optional[list[str]] = None,
                  pack: Optional[Path] = None) -> list[Resource]:
        """Verified help resources: emergency services first (call 911 first in an emergency, as its card says),
        then the given ids, then those for the theme, then the rest."""
        res = self.shared(pack).resources
        if res is None:
            return []
        shown = [r for r in res.resources if r.verified]
        wanted = ids or []

        def rank(r: Resource) -> tuple[int, int]:
            if r.id == EMERGENCY:
                return (-1, 0)
            if r.id in wanted:
                return (0, wanted.index(r.id))
            if theme and theme in r.themes:
                return (1, 0)
            return (2, 0)
        return sorted(shown, key=rank)


    def pack_resources(self, pack: Optional[Path] = None) -> tuple[str, list[Resource]]:
        """The pack's name and the help lines its own resources.yaml adds (shown under "From this pack", never as
        verified); ("", []) for the shipped pack."""
        shared = self.shared(pack)
        return (shared.pack_name, list(shared.pack_resources)) if shared.pack_resources else ("", [])


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


def resolve_scenario(ref: str, pack: Optional[Path] = None, lang: Optional[str] = None) -> Path:
    """A scenario path, or a scenario id / file stem: in ``pack`` first when given, then in the shipped pack of
    ``lang`` (when it has one), then in all the shipped packs. Raises UsageError when nothing matches."""
    p = Path(ref)
    if p.is_file():
        return p
    if p.suffix.lower() in (".yaml", ".yml") or "/" in ref or "\\" in ref:
        raise UsageError(f"no such file: '{ref}'")
    if pack is not None:
        for f in find_scenario_files(pack):
            if f.stem == ref:
                return f
    if lang and (scenarios_dir() / lang).is_dir():
        for f in find_scenario_files(scenarios_dir() / lang):
            if f.stem == ref:
                return f
    for f in find_scenario_files(scenarios_dir() / "en") if (scenarios_dir() / "en").is_dir() else []:
        if f.stem == ref:
            return f
    for f in find_scenario_files(scenarios_dir()):
        if f.stem == ref:
            return f
    for f in find_scenario_files(scenarios_dir()):
        loaded = load_model(f, Scenario)
        if loaded.model is not None and loaded.model.id == ref:
            return f
    raise UsageError(f"no scenario file or shipped scenario id '{ref}'")
