"""Load and check a radar item set (every file in a `radar/` folder): located errors, forms matched, items drawable."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

from .catalog import load_shared
from .diagnostics import Diagnostic, DiagnosticBag, sort_key
from .language import reading_grade, wording_hits
from .loader import Loaded, load_model
from .radar import ITEMS_PER_FORM, RADAR_DIR, Form, RadarFile, RadarItem
from .rules import is_fictional_number, phone_numbers
from .schema import CHAT_KINDS, ME, SYSTEM, AgeTier, Node, Scenario, ScreenKind

MAX_GRADE = 8.0
"""Reading level a form may reach (Flesch-Kincaid grade; for Spanish, Fernández-Huerta's grade table); forms A and
B stay within 1 grade of each other."""
MAX_GRADE_GAP = 1.0
LANG_FOLDER = re.compile(r"^[a-z]{2}(-[A-Z]{2})?$")
"""A radar folder named like this holds the items in that language (scenarios/radar/es/)."""
CARD_KINDS = (ScreenKind.JOB_AD, ScreenKind.MARKETPLACE, ScreenKind.EMAIL, ScreenKind.PROFILE, ScreenKind.SETTINGS)


def is_radar_file(path: Path) -> bool:
    """True for a YAML file in a folder named `radar`, or one folder below it (`radar/<set>/items.yaml`)."""
    return path.suffix.lower() in (".yaml", ".yml") and RADAR_DIR in (path.parent.name, path.parent.parent.name)


def radar_files(folder: Path) -> list[Path]:
    """The YAML files of a radar folder, sorted (names starting with '.' skipped)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in (".yaml", ".yml")
                  and not p.name.startswith("."))


@dataclass
class RadarSet:
    """Every item of a radar folder by form, with the diagnostics of each file (keyed by the file shown)."""

    folder: Path
    items: list[RadarItem] = field(default_factory=list)
    diagnostics: dict[str, list[Diagnostic]] = field(default_factory=dict)
    lang: str = "en"
    """The items' language: the folder's name when it is a language code (radar/es/), else English."""

    def form(self, form: Form) -> list[RadarItem]:
        """The items of one form, in file order."""
        return [i for i in self.items if i.form == form]

    @property
    def errors(self) -> list[Diagnostic]:
        """Every error of every file."""
        return [d for ds in self.diagnostics.values() for d in ds if d.severity.value == "error"]

    def form_errors(self, form: Form) -> list[Diagnostic]:
        """Errors that stop this form from being taken: any error in the set (a check never starts on a broken
        set, since its scores would not compare with the other form's)."""
        return self.errors

    def all_diagnostics(self) -> list[Diagnostic]:
        """Every diagnostic, sorted."""
        return sorted((d for ds in self.diagnostics.values() for d in ds), key=sort_key)


def item_texts(item: RadarItem) -> Iterator[str]:
    """The student-facing texts of an item (what is on screen, then the explanation)."""
    yield from screen_texts(item)
    yield item.explain


def screen_texts(item: RadarItem) -> Iterator[str]:
    """What the item's screen shows (never its explanation, which would give the answer away)."""
    c = item.content
    if c.title:
        yield c.title
    if c.card is not None:
        for text in (c.card.title, c.card.poster_note, c.card.body, *c.card.details, *c.card.bio.values()):
            if text:
                yield text
    for m in c.messages:
        yield m.text


def words(item: RadarItem) -> int:
    """Words to read on the item's screen (not its explanation, which comes after the check)."""
    return sum(len(t.split()) for t in screen_texts(item))


def item_scenario(item: RadarItem) -> tuple[Scenario, Node]:
    """A one-node scenario holding the item, so the story's screen-kind renderers draw it unchanged."""
    c = item.content
    node = Node(screen=item.kind, app=c.app, with_=c.with_, title=c.title, card=c.card, messages=c.messages,
                next="item")
    scn = Scenario(schema_version=1, id=item.id, title="Radar check", summary="One radar check item.",
                   theme=item.theme, age_tier=AgeTier.CORE, minutes=1, content_note="A short check.",
                   learning_goals=["Tell red flags from genuine messages."], characters=c.characters,
                   start="item", nodes={"item": node})
    return scn, node


def _check_item(item: RadarItem, i: int, loaded: Loaded[RadarFile], bag: DiagnosticBag, tag_ids: set[str],
                lang: str = "en") -> None:
    at = loaded.marks.at
    tactic = [t for t in item.tags if t.startswith(("stage.", "pcw."))]
    if item.flag and not tactic:
        bag.error("R501", f"item '{item.id}' is a red flag but names no tactic", at(("items", i, "flag")),
                  hint="add `tags: [stage.isolate]` (a stage.* or pcw.* tag from tags.yaml)")
    if not item.flag and item.tags:
        bag.error("R501", f"item '{item.id}' is genuine but has tactic tags", at(("items", i, "tags")),
                  hint="remove `tags:` from a genuine item, or set `flag: true`")
    for k, tag in enumerate(item.tags):
        if tag not in tag_ids or not tag.startswith(("stage.", "pcw.")):
            bag.error("R504", f"'{tag}' is not a tactic tag in tags.yaml", at(("items", i, "tags", k)),
                      hint="use a stage.* or pcw.* id from scenarios/tags.yaml")
    if item.theme not in tag_ids or not item.theme.startswith("theme."):
        bag.error("R504", f"'{item.theme}' is not a theme tag in tags.yaml", at(("items", i, "theme")),
                  hint="use a theme.* id from scenarios/tags.yaml, e.g. theme.fake_job")
    c = item.content
    people = {ch.id for ch in c.characters} | {ME, SYSTEM}
    for k, m in enumerate(c.messages):
        if m.speaker not in people:
            bag.error("R506", f"'{m.speaker}' is not a character of item '{item.id}'",
                      at(("items", i, "content", "messages", k, "from")),
                      hint="add them under `content.characters`, or use 'me' or 'system'")
    for k, m in enumerate(c.messages):
        if m.when is not None:
            bag.error("R506", f"item '{item.id}': a radar item shows every message; `when:` has no place here",
                      at(("items", i, "content", "messages", k, "when")), hint="remove `when:`")
        if m.image is not None:
            bag.error("R506", f"item '{item.id}': radar items show no pictures",
                      at(("items", i, "content", "messages", k, "image")),
                      hint="describe it in words, e.g. 'sent a photo'")
    if c.card is not None and c.card.image is not None:
        bag.error("R506", f"item '{item.id}': radar items show no pictures", at(("items", i, "content", "card",
                                                                                   "image")),
                  hint="remove `image:` from the card")
    if c.with_ is not None and c.with_ not in people:
        bag.error("R506", f"'{c.with_}' is not a character of item '{item.id}'", at(("items", i, "content", "with")),
                  hint="add them under `content.characters`")
    if item.kind in CHAT_KINDS and not c.messages:
        bag.error("R506", f"a {item.kind.value} item needs messages", at(("items", i, "content")),
                  hint="add `messages:` with at least one `- from: ... text: ...`")
    if item.kind in CARD_KINDS and c.card is None and not c.messages:
        bag.error("R506", f"a {item.kind.value} item needs a card or messages", at(("items", i, "content")),
                  hint="add `card:` with a title and body")
    if item.kind not in CHAT_KINDS and item.kind not in CARD_KINDS and not c.messages and c.card is None:
        bag.error("R506", f"item '{item.id}' shows nothing", at(("items", i, "content")),
                  hint="add `messages:` or a `card:`")
    texts = list(item_texts(item))
    for hit in wording_hits(texts, lang):
        bag.warning("R509", f"item '{item.id}': '{hit.phrase}' blames the person targeted or says 'game over'",
                    at(("items", i)), hint="put the agency on the person doing harm")
    for number in (n for t in texts for n in phone_numbers(t)):
        if not is_fictional_number(number):
            bag.error("R508", f"item '{item.id}': '{number}' may be a real phone number", at(("items", i)),
                      hint="use a fictional 555-0100 to 555-0199 number")


def _check_set(rs: RadarSet, located: dict[str, tuple[Loaded[RadarFile], DiagnosticBag]]) -> None:
    """Checks across files: unique ids, half red flags per form, A and B matched."""
    seen: dict[str, str] = {}
    first_of: dict[Form, tuple[str, int]] = {}
    for shown, (loaded, bag) in located.items():
        assert loaded.model is not None
        for i, item in enumerate(loaded.model.items):
            first_of.setdefault(item.form, (shown, i))
            if item.id in seen:
                bag.error("R502", f"item id '{item.id}' is used twice (also in {seen[item.id]})",
                          loaded.marks.at(("items", i, "id")), hint="give every item of every form its own id")
            else:
                seen[item.id] = shown
    for form, (shown, i) in first_of.items():
        loaded, bag = located[shown]
        items = rs.form(form)
        flags = sum(1 for it in items if it.flag)
        if 2 * flags != len(items):
            bag.error("R503", f"form {form.value} has {flags} red flag(s) in {len(items)} item(s); it needs exactly "
                              "half", loaded.marks.at(("items", i, "form")),
                      hint="make as many genuine look-alikes as red-flag items (an even number of items)")
    sizes = {f: len(rs.form(f)) for f in (Form.A, Form.B)}
    if located and (sizes[Form.A] != sizes[Form.B] or not sizes[Form.A]):
        shown = next(iter(located))
        loaded, bag = located[shown]
        bag.error("R505", f"form A has {sizes[Form.A]} item(s) and form B {sizes[Form.B]}; they must match "
                          f"({ITEMS_PER_FORM} each for the shipped check)", loaded.marks.at(("items",)),
                  hint="give forms A and B the same number of items")
    graded = {f: reading_grade([t for it in rs.form(f) for t in item_texts(it)], rs.lang) for f in Form if rs.form(f)}
    grades = {f: g for f, g in graded.items() if g is not None}
    table = "" if rs.lang == "en" else " (Fernández-Huerta's grade table)"
    for form, grade in grades.items():
        shown, i = first_of[form]
        loaded, bag = located[shown]
        if grade > MAX_GRADE:
            bag.warning("R507", f"form {form.value} reads at grade {grade:.1f}{table}; the target is "
                                f"{MAX_GRADE:.0f} or below", loaded.marks.at(("items", i)),
                        hint="use shorter sentences and common words")
    if Form.A in grades and Form.B in grades and abs(grades[Form.A] - grades[Form.B]) > MAX_GRADE_GAP:
        shown, i = first_of[Form.B]
        loaded, bag = located[shown]
        bag.warning("R507", f"forms A and B read {abs(grades[Form.A] - grades[Form.B]):.1f} grades apart "
                            f"(A {grades[Form.A]:.1f}, B {grades[Form.B]:.1f})", loaded.marks.at(("items", i)),
                    hint="match the forms: keep their reading levels within one grade")


def load_radar_set(folder: Path, display: Optional[dict[Path, str]] = None) -> RadarSet:
    """Load and check every radar file of a folder (tags from the pack's tags.yaml, or the shipped one)."""
    rs = RadarSet(folder, lang=folder.name if LANG_FOLDER.match(folder.name) else "en")
    pack = folder.parent
    tag_ids = load_shared(pack).tag_ids()
    located: dict[str, tuple[Loaded[RadarFile], DiagnosticBag]] = {}
    for path in radar_files(folder):
        shown = (display or {}).get(path, str(path))
        loaded = load_model(path, RadarFile, display=shown)
        bag = DiagnosticBag(shown, list(loaded.diagnostics))
        if loaded.model is not None:
            for i, item in enumerate(loaded.model.items):
                _check_item(item, i, loaded, bag, tag_ids, rs.lang)
            rs.items.extend(loaded.model.items)
            located[shown] = (loaded, bag)
        rs.diagnostics[shown] = bag.items
    if not rs.diagnostics:
        bag = DiagnosticBag(str(folder))
        bag.error("R505", "no radar item files found here", hint="put form-a.yaml and form-b.yaml in this folder")
        rs.diagnostics[str(folder)] = bag.items
    _check_set(rs, located)
    for shown, (_loaded, bag) in located.items():
        rs.diagnostics[shown] = sorted(bag.items, key=sort_key)
    return rs
