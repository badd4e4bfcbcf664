"""Find scenario files and packs, and load the shared tag and resource files."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, TypeVar

from pydantic import BaseModel

from .diagnostics import Diagnostic, DiagnosticBag
from .loader import Loaded, load_model
from .schema import Resource, ResourceList, Scenario, TagVocabulary

M = TypeVar("M", bound=BaseModel)

TAGS_FILE = "tags.yaml"
RESOURCES_FILE = "resources.yaml"
SHARED_FILES = {TAGS_FILE, RESOURCES_FILE}
LANG_SHARED = re.compile(r"^(tags|resources)\.([a-z]{2}(?:-[A-Z]{2})?)\.ya?ml$")
"""A shared file in one language beside the English one: tags.es.yaml, resources.es.yaml (same ids, translated
words; in resources, `verified` says whether the service is confirmed in that language)."""
MAX_ASSET_PATH = 1024
"""Longest asset path written in a scenario (characters)."""


def package_dir() -> Path:
    """The folder of the `game` package."""
    return Path(__file__).resolve().parent.parent


def data_dir(name: str) -> Path:
    """Shipped data folder (`scenarios` or `art`): inside an installed wheel, else the checkout."""
    inside = package_dir() / name
    if inside.is_dir():
        return inside
    return package_dir().parent / name


def scenarios_dir() -> Path:
    """The shipped scenario packs."""
    return data_dir("scenarios")


def art_dir() -> Path:
    """The shipped art: fonts, icons, themes."""
    return data_dir("art")


def pack_root(scenario_path: Path) -> Path:
    """The pack a scenario belongs to: the nearest folder upward that holds tags.yaml."""
    start = scenario_path.resolve().parent
    for folder in (start, *start.parents):
        if (folder / TAGS_FILE).is_file():
            return folder
    return start


def link_leaves_pack(scenario_path: Path) -> bool:
    """True when a scenario file is reached through a link that leads outside its pack (it must not be read).

    The pack is found from where the file sits (links not followed): the nearest folder upward that holds
    tags.yaml, else the file's own folder.
    """
    here = Path(os.path.abspath(scenario_path))
    real = Path(os.path.realpath(here))
    if real == here:
        return False
    pack = here.parent
    for folder in (here.parent, *here.parent.parents):
        if (folder / TAGS_FILE).is_file():
            pack = folder
            break
    root = Path(os.path.realpath(pack))
    return real != root and root not in real.parents


def refuse_outside_link(bag: DiagnosticBag) -> None:
    """The E312 error for a pack's file that links out of its pack (see `link_leaves_pack`)."""
    bag.error("E312", "this file is a link to a file outside its pack, so it was not read", (1, 1),
              hint="copy the file into the pack instead of linking to it")


def resolve_asset(pack: Path, base: Path, rel: str) -> tuple[Optional[Path], str]:
    """Resolve an asset path written in a scenario, confined to its pack.

    Returns (path, "") when the file exists inside the pack, else (None, code) with
    code E312 (absolute, or escapes the pack through '..' or a link) or E311 (missing).
    """
    if not rel or any(ord(ch) < 32 or ord(ch) == 127 for ch in rel):  # a NUL or control character is no file name
        return None, "E312"
    if Path(rel).is_absolute() or rel.startswith(("/", "\\")) or (len(rel) > 1 and rel[1] == ":"):
        return None, "E312"
    if len(rel) > MAX_ASSET_PATH:  # no file in a pack has a longer name; never ask the system about one
        return None, "E311"
    try:
        root = Path(os.path.realpath(pack))
        full = Path(os.path.realpath(Path(base) / rel))
        if full != root and root not in full.parents:
            return None, "E312"
        if not full.is_file():
            return None, "E311"
    except (OSError, ValueError):  # a name too long, too many segments or links: it cannot be a file of the pack
        return None, "E311"
    return full, ""


def is_scenario_file(path: Path) -> bool:
    """True for a .yaml/.yml file that is not one of the shared files."""
    return path.suffix.lower() in (".yaml", ".yml") and not is_shared_name(path.name)


def is_shared_name(name: str) -> bool:
    """True for tags.yaml, resources.yaml and their language versions (tags.es.yaml, resources.es.yaml)."""
    return name in SHARED_FILES or LANG_SHARED.match(name) is not None


def shared_kind(name: str) -> str:
    """TAGS_FILE or RESOURCES_FILE for a shared file's name, in any language."""
    return TAGS_FILE if name.startswith("tags.") else RESOURCES_FILE


def language_file(folder: Path, name: str, lang: Optional[str]) -> Path:
    """The language version of a shared file when the folder has one (tags.es.yaml for 'es' or 'es-MX'), else the
    file itself (English is the file itself)."""
    base = (lang or "en").replace("_", "-").split("-")[0].lower()
    if base != "en" and re.fullmatch(r"[a-z]{2}", base):
        own = folder / name.replace(".yaml", f".{base}.yaml")
        if own.is_file():
            return own
    return folder / name


def find_scenario_files(root: Path, include_examples: bool = True) -> list[Path]:
    """Every scenario file below a folder, sorted; folders starting with '.' are skipped."""
    found: list[Path] = []
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).parts
        if any(part.startswith(".") for part in rel):
            continue
        if not include_examples and any(part.startswith("_") for part in rel[:-1]):
            continue
        if "radar" in rel[:-1]:  # radar check items (scenarios/radar/) are not stories; `validate` checks them
            continue
        if p.is_file() and is_scenario_file(p):
            found.append(p)
    return found


@dataclass
class Shared:
    """The vocabulary and help resources a pack's scenarios refer to."""

    tags: Optional[TagVocabulary]
    resources: Optional[ResourceList]
    """Always the shipped, checked help lines: a pack can neither replace nor hide them."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    pack_resources: list[Resource] = field(default_factory=list)
    """Lines the pack's own resources.yaml adds (never verified; shown under "From this pack")."""
    pack_name: str = ""
    """The pack's name (its folder) for the "From this pack" heading; empty for the shipped pack."""

    def tag_ids(self) -> set[str]:
        """All known tag ids (empty when tags.yaml failed to load)."""
        return self.tags.ids() if self.tags else set()

    def resource_ids(self) -> set[str]:
        """All known resource ids: the shipped ones and those the pack adds."""
        shipped = {r.id for r in self.resources.resources} if self.resources else set()
        return shipped | {r.id for r in self.pack_resources}


def is_shipped_file(path: Path) -> bool:
    """True for the shipped tags.yaml or resources.yaml (not a pack's own)."""
    try:
        return path.resolve() == (scenarios_dir() / path.name).resolve()
    except (OSError, ValueError):
        return False


def added_lines(own: Optional[ResourceList], shipped: Optional[ResourceList]) -> list[Resource]:
    """A pack's own help lines that it may add: not one with a shipped id (that would replace a checked line), and
    never marked verified (only Red Flag Radar's checked list is)."""
    if own is None:
        return []
    taken = {r.id for r in shipped.resources} if shipped else set()
    return [r.model_copy(update={"verified": False}) for r in own.resources if r.id not in taken]


def load_pack_file(path: Path, model: type[M], display: Optional[str] = None) -> Loaded[M]:
    """Load a file a pack provides (tags.yaml, resources.yaml); a link leading out of the pack is never read (E312)."""
    if link_leaves_pack(path):
        bag = DiagnosticBag(display or str(path))
        refuse_outside_link(bag)
        return Loaded(bag.path, None, bag.items)
    return load_model(path, model, display=display)


_shared_cache: dict[tuple[str, float, float], Shared] = {}


def _mtime(p: Path) -> float:
    try:
        return p.stat().st_mtime
    except OSError:
        return -1.0


def load_shared(pack: Path, lang: Optional[str] = None) -> Shared:
    """Load tags.yaml and resources.yaml for a pack, falling back to the shipped ones; with a language, the
    language versions where they exist (tags.es.yaml, resources.es.yaml), the pack's before the shipped ones."""
    shipped_tags = language_file(scenarios_dir(), TAGS_FILE, lang)
    shipped_res = language_file(scenarios_dir(), RESOURCES_FILE, lang)
    tags_path = language_file(pack, TAGS_FILE, lang) if (pack / TAGS_FILE).is_file() else shipped_tags
    res_path = language_file(pack, RESOURCES_FILE, lang) if (pack / RESOURCES_FILE).is_file() else shipped_res
    key = (f"{tags_path}|{res_path}", _mtime(tags_path), _mtime(res_path))
    cached = _shared_cache.get(key)
    if cached is not None:
        return cached
    t: Loaded[TagVocabulary] = load_pack_file(tags_path, TagVocabulary)
    tags = t.model
    # A pack's broken file is reported, but the game keeps the shipped vocabulary and help lines: a bad (or
    # hostile) resources.yaml must never leave students without help lines.
    if tags is None and tags_path != shipped_tags:
        tags = load_model(shipped_tags, TagVocabulary).model
    # The shipped, checked help lines always stand; a pack's resources.yaml can only add lines of its own.
    shipped: Loaded[ResourceList] = load_model(shipped_res, ResourceList)
    diagnostics = [*t.diagnostics]
    extra: list[Resource] = []
    if not is_shipped_file(res_path):
        own: Loaded[ResourceList] = load_pack_file(res_path, ResourceList)
        diagnostics.extend(own.diagnostics)
        extra = added_lines(own.model, shipped.model)
    else:
        diagnostics.extend(shipped.diagnostics)
    shared = Shared(tags, shipped.model, diagnostics, extra, pack.resolve().name if extra else "")
    _shared_cache[key] = shared
    return shared


@dataclass
class Entry:
    """One scenario in the catalog: its file, the model if it loaded, and every diagnostic."""

    path: Path
    loaded: Loaded[Scenario]
    pack: Path

    @property
    def scenario(self) -> Optional[Scenario]:
        """The model, or None when the file failed to load."""
        return self.loaded.model

    @property
    def ok(self) -> bool:
        """True when the scenario loaded and has no errors."""
        return self.loaded.ok

    @property
    def sort_key(self) -> tuple[int, str]:
        """Picker order: tutorial first, then by `order` and id."""
        if self.scenario is None:
            return (10_000, self.path.stem)
        return (self.scenario.order, self.scenario.id)
