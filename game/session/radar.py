"""One radar check being taken: the items in order, answers or hand counts recorded as given, trace, the score."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Sequence

from ..content.radar import RADAR_DIR, Form, RadarItem
from ..engine.radar_score import Counts, Score, hand_counts, score
from . import log
from .trace import radar_event, radar_score_event

if TYPE_CHECKING:
    from ..content.radar_check import RadarSet
    from .store import Store
    from .trace import Trace

PHASES = ("before", "after", "refresh")
SYNONYMS = {"pre": "before", "post": "after"}
CONFIDENCE = (1, 2, 3)
"""How sure: 1 = guessing, 2 = fairly sure, 3 = very sure (optional)."""


def phase_of(text: str) -> str:
    """'before' | 'after' | 'refresh' (also 'pre' and 'post'); ValueError for anything else."""
    low = text.strip().lower()
    low = SYNONYMS.get(low, low)
    if low not in PHASES:
        raise ValueError(f"--radar must be before, after or refresh (or pre, post), not '{text}'")
    return low


def form_of(text: str) -> Form:
    """'A' | 'B' (any case); ValueError otherwise."""
    up = text.strip().upper()
    if up not in ("A", "B"):
        raise ValueError(f"--form must be A or B, not '{text}'")
    return Form(up)


def radar_folder(pack: Optional[Path] = None, lang: Optional[str] = None) -> Path:
    """The radar items of a pack (or the shipped ones): `<pack>/radar/`, or its language folder `<pack>/radar/es/`
    when there is one for ``lang`` (default: the language in use). The items keep their ids in every language, so
    a check taken in Spanish scores and compares with one taken in English."""
    from ..content.catalog import scenarios_dir
    from .lang import current_language

    folder = pack / RADAR_DIR if pack is not None and (pack / RADAR_DIR).is_dir() else scenarios_dir() / RADAR_DIR
    base = (lang or current_language()).replace("_", "-").split("-")[0].lower()
    if base != "en" and (folder / base).is_dir():
        return folder / base
    return folder


def default_form(phase: str, runs: list[dict[str, object]], mode: str, class_label: Optional[str]) -> Form:
    """Counterbalancing: A before and B after, unless this class (or this device's solo player) took B before, in
    which case A comes after. Refresh has its own set."""
    if phase == "refresh":
        return Form.REFRESH
    if phase == "before":
        return Form.A
    befores = [r for r in runs if r.get("phase") == "before" and r.get("mode") == mode
               and (mode == "solo" or (r.get("class_label") or None) == (class_label or None))]
    return Form.A if befores and befores[-1].get("form") == "B" else Form.B


def respondent_for(phase: str, runs: list[dict[str, object]], mode: str, class_label: Optional[str]) -> Optional[int]:
    """The anonymous respondent a new check belongs to: an after (or refresh) pairs with the latest before of this
    class, or on this device the latest solo before without an after yet; None = a new respondent."""
    if phase == "before":
        return None
    mine = [r for r in runs if r.get("mode") == mode
            and (mode == "solo" or (r.get("class_label") or None) == (class_label or None))]
    for run in reversed(mine):
        if run.get("phase") != "before":
            continue
        who = run.get("respondent")
        taken = {r.get("phase") for r in mine if r.get("respondent") == who}
        if phase not in taken or mode == "facilitator":
            return int(who) if isinstance(who, int) else None
    return None


@dataclass
class Answer:
    """One item's answer: a single player's (`said_flag`, `confidence`) or a class's show of hands."""

    item: RadarItem
    said_flag: Optional[bool] = None
    confidence: Optional[int] = None
    hands: Optional[tuple[int, int]] = None
    """A class: red-flag answers and answers counted, hands and devices added up."""
    devices: tuple[tuple[int, bool], ...] = ()
    """A class with devices: (anonymous device number, said red flag) for each device that answered."""

    def counts(self) -> Counts:
        """This answer as counts."""
        if self.hands is not None:
            return hand_counts(self.item.flag, self.hands[0], self.hands[1])
        return Counts().add(self.item.flag, bool(self.said_flag))


@dataclass
class RadarRun:
    """A check in progress: answer each item in order (`answer` or `hands`), then `finish()`."""

    items: list[RadarItem]
    phase: str
    form: Form
    store: Optional[Store] = None
    trace: Optional[Trace] = None
    mode: str = "solo"
    class_label: Optional[str] = None
    answers: list[Answer] = field(default_factory=list)
    run_id: Optional[int] = None
    respondent: Optional[int] = None
    finished: bool = False

    @classmethod
    def start(cls, rs: RadarSet, phase: str, form: Optional[Form] = None, *, store: Optional[Store] = None,
              trace: Optional[Trace] = None, mode: str = "solo", class_label: Optional[str] = None) -> RadarRun:
        """A new check of `phase` on `form` (default: counterbalanced); ValueError when the set has errors or the
        form has no items (the check never starts with an invalid form)."""
        if rs.errors:
            raise ValueError("the radar items have errors: " + rs.errors[0].format().splitlines()[0])
        runs = _safe_runs(store)
        chosen = form or default_form(phase, runs, mode, class_label)
        if phase == "refresh":
            chosen = Form.REFRESH
        items = rs.form(chosen)
        if not items:
            raise ValueError(f"form {chosen.value} has no items")
        run = cls(items, phase, chosen, store, trace, mode, class_label)
        if store is not None:
            try:
                run.run_id, run.respondent = store.start_radar_run(
                    phase=phase, form=chosen.value, mode=mode, class_label=class_label,
                    respondent=respondent_for(phase, runs, mode, class_label))
            except Exception as exc:  # records must never stop a class: log and go on
                log.warning("radar check not recorded: %s", exc)
        return run

    @property
    def current(self) -> Optional[RadarItem]:
        """The item to answer now (None when every item is answered)."""
        return self.items[len(self.answers)] if len(self.answers) < len(self.items) else None

    @property
    def position(self) -> int:
        """1-based place of the current item."""
        return len(self.answers) + 1

    def answer(self, said_flag: bool, confidence: Optional[int] = None) -> None:
        """Answer the current item: "Red flag" (True) or "Looks OK" (False), optionally how sure (1-3)."""
        if confidence is not None and confidence not in CONFIDENCE:
            raise ValueError("confidence is 1, 2 or 3")
        self._add(Answer(self._item(), said_flag=bool(said_flag), confidence=confidence))

    def hands(self, said_flag: int, counted: int, devices: Sequence[tuple[int, bool]] = ()) -> None:
        """Leading a class: `said_flag` of `counted` hands said "red flag" for the current item, and each of
        `devices` (anonymous number, said red flag) answered on a student's device; the class's answer is both
        added up (at least one answer in all)."""
        if not 0 <= said_flag <= counted:
            raise ValueError("red-flag hands must be between 0 and the hands counted")
        answers = tuple((int(n), bool(f)) for n, f in devices)
        if len({n for n, _ in answers}) != len(answers):
            raise ValueError("one answer per device")
        total = (int(said_flag) + sum(1 for _, f in answers if f), int(counted) + len(answers))
        if total[1] < 1:
            raise ValueError("no hands were counted and no device answered")
        self._add(Answer(self._item(), hands=total, devices=answers))

    def _item(self) -> RadarItem:
        item = self.current
        if item is None:
            raise ValueError("every item is answered")
        return item

    def _add(self, a: Answer) -> None:
        self.answers.append(a)
        if self.store is not None and self.run_id is not None:
            try:
                self.store.record_radar_answer(
                    self.run_id, item_id=a.item.id, truth=a.item.flag, tags=list(a.item.tags),
                    answer=None if a.hands is not None else ("flag" if a.said_flag else "ok"),
                    confidence=a.confidence, hands=a.hands, devices=a.devices)
            except Exception as exc:
                log.warning("radar answer not recorded: %s", exc)
        if self.trace is not None:
            said = a.said_flag if a.hands is None else 2 * a.hands[0] > a.hands[1]
            self.trace.emit(radar_event(a.item.id, self.form.value, a.item.flag, "flag" if said else "ok",
                                        len(self.answers), a.confidence, a.hands,
                                        devices=(sum(1 for _, f in a.devices if f), len(a.devices))
                                        if a.devices else None))

    def counts(self) -> Counts:
        """Every answer so far, as counts (a class: the hands)."""
        out = Counts()
        for a in self.answers:
            out = out + a.counts()
        return out

    def score(self) -> Score:
        """Rates, d′ and c of the answers so far."""
        return score(self.counts())

    def finish(self) -> Score:
        """Close the check (recorded, traced once) and return its score."""
        s = self.score()
        if not self.finished:
            self.finished = True
            if self.store is not None and self.run_id is not None:
                try:
                    self.store.finish_radar_run(self.run_id)
                except Exception as exc:
                    log.warning("radar check end not recorded: %s", exc)
            if self.trace is not None:
                c = s.counts
                self.trace.emit(radar_score_event(c.hits, c.false_alarms, c.correct_rejections, c.misses,
                                                  s.d_prime, s.c))
        return s


def _safe_runs(store: Optional[Store]) -> list[dict[str, object]]:
    if store is None:
        return []
    try:
        return list(store.radar_runs())
    except Exception as exc:
        log.warning("radar records not readable: %s", exc)
        return []
