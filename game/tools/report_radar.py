"""The radar check part of the class report as plain data: per class and for solo play, aggregate only."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable, Iterable, Optional

from ..engine.radar_score import Counts, Score, hand_counts, pooled, score
from ..session.radar_words import describe, describe_change, num, rate
from .charts import ScoreChart, score_chart
from .doc_i18n import D_, N_

PHASES = ("before", "after", "refresh")
PHASE_WORDS = {"before": N_("Before"), "after": N_("After"), "refresh": N_("Refresh")}
MOST_MISSED = 5
SNIPPET = 70

Snippets = Callable[[str], Optional[str]]
"""An item id to a short snippet of what its screen shows (None when the item is not known)."""
TagLabel = Callable[[str], str]
"""A tag id to its label in tags.yaml (the id when unknown)."""


@dataclass(frozen=True)
class RadarAnswer:
    """One recorded answer with the details of its check (one CSV row)."""

    run: int
    phase: str
    form: str
    mode: str
    class_label: Optional[str]
    respondent: Optional[int]
    date: str
    item_id: str
    tags: tuple[str, ...]
    truth: bool
    answer: Optional[str]
    confidence: Optional[int]
    hands: Optional[tuple[int, int]]

    def counts(self) -> Counts:
        """This answer as counts (a class's hands, or one answer)."""
        if self.hands is not None:
            return hand_counts(self.truth, self.hands[0], self.hands[1])
        return Counts().add(self.truth, self.answer == "flag")


@dataclass
class RadarPhase:
    """One phase (before, after or refresh) of a group: who took it, the rates, d′, c and the words."""

    phase: str
    forms: list[str]
    date: str
    checks: int
    unfinished: int
    respondents: int
    """Solo: how many respondents answered; a class: 1 (the class)."""
    hands: Optional[int]
    """A class: the hands counted per screen, on average (None for solo play)."""
    score: Score
    words: str
    devices: int = 0
    """A class with students' devices: how many devices answered (each one anonymous respondent)."""
    device_words: str = ""
    """Their own discernment in plain words: the middle device's d′ and the range."""

    @property
    def label(self) -> str:
        """Before, After or Refresh."""
        return D_(PHASE_WORDS.get(self.phase, self.phase))

    @property
    def d_text(self) -> str:
        """d′ for people (one decimal, a real minus sign)."""
        return num(self.score.d_prime)

    @property
    def c_text(self) -> str:
        """c for people (one decimal, a real minus sign)."""
        return num(self.score.c)

    @property
    def hit_percent(self) -> Optional[int]:
        """Red flags called red flags, as a whole percentage."""
        c = self.score.counts
        return rate(c.hits, c.flags)

    @property
    def cr_percent(self) -> Optional[int]:
        """Genuine screens called OK, as a whole percentage."""
        c = self.score.counts
        return rate(c.correct_rejections, c.genuine)


@dataclass(frozen=True)
class TacticCell:
    """Red flags of one tactic called red flags in one phase."""

    hits: int
    flags: int

    @property
    def percent(self) -> Optional[int]:
        """As a whole percentage."""
        return rate(self.hits, self.flags)


@dataclass
class TacticRow:
    """Hit rate of one tactic tag, per phase."""

    tag: str
    label: str
    cells: dict[str, TacticCell]


@dataclass(frozen=True)
class MissedItem:
    """An item often answered wrongly: a red flag called OK, or a genuine screen called a red flag."""

    item_id: str
    phase: str
    snippet: str
    truth: bool
    missed: int
    answered: int

    @property
    def percent(self) -> Optional[int]:
        """Missed as a whole percentage of the answers (or hands) it got."""
        return rate(self.missed, self.answered)


@dataclass
class RadarGroup:
    """One class's checks (a class label and the before its after and refresh pair with), or solo play here."""

    mode: str
    class_label: Optional[str]
    respondent: Optional[int]
    phases: list[RadarPhase]
    chart: ScoreChart
    change: Optional[str] = None
    """Plain words from before to after (when both were taken)."""
    refresh_change: Optional[str] = None
    """Plain words from after to the refresh (its own item set)."""
    tactics: list[TacticRow] = field(default_factory=list)
    missed: list[MissedItem] = field(default_factory=list)
    answers: list[RadarAnswer] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The heading: the class label, or a neutral name."""
        if self.mode == "facilitator":
            return self.class_label or D_("Class without a label")
        return D_("Solo play on this device")

    @property
    def anchor(self) -> str:
        """An id for the HTML section."""
        return f"radar-class-{self.respondent}" if self.mode == "facilitator" else "radar-solo"

    def phase(self, name: str) -> Optional[RadarPhase]:
        """The phase of this name, if it was taken."""
        return next((p for p in self.phases if p.phase == name), None)


def local_time(stamp: Optional[str]) -> str:
    """An ISO time stamp as local 'YYYY-MM-DD HH:MM' (unparseable text is shown as it is); the story report uses it
    too."""
    if not stamp:
        return ""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


def answers_of(runs: Iterable[dict[str, Any]], rows: Iterable[dict[str, Any]]) -> list[RadarAnswer]:
    """The store's radar rows joined: one RadarAnswer per recorded answer, in run and item order."""
    by_id = {int(r["id"]): r for r in runs}
    out: list[RadarAnswer] = []
    for a in rows:
        run = by_id.get(int(a["run_id"]))
        if run is None:
            continue
        hands = None
        if a.get("hands_counted") is not None and a.get("hands_flag") is not None:
            hands = (int(a["hands_flag"]), int(a["hands_counted"]))
        elif a.get("answer") not in ("flag", "ok"):
            continue
        out.append(RadarAnswer(
            run=int(run["id"]), phase=str(run["phase"]), form=str(run["form"]), mode=str(run["mode"]),
            class_label=run["class_label"] if run["mode"] == "facilitator" else None,
            respondent=run["respondent"], date=local_time(run["started_at"]), item_id=str(a["item_id"]),
            tags=tuple(str(t) for t in a.get("tags") or ()), truth=bool(a["truth"]), answer=a.get("answer"),
            confidence=a.get("confidence"), hands=hands))
    return out


def _phase(name: str, answers: list[RadarAnswer], runs: list[dict[str, Any]],
           device_rows: Iterable[dict[str, Any]] = ()) -> RadarPhase:
    mine = [r for r in runs if r["phase"] == name and any(a.run == r["id"] for a in answers)]
    s = score(pooled(a.counts() for a in answers))
    counted = [a.hands[1] for a in answers if a.hands is not None]
    devices = _device_scores(answers, device_rows)
    return RadarPhase(
        phase=name, forms=sorted({a.form for a in answers}), date=min(a.date for a in answers),
        checks=len(mine), unfinished=sum(1 for r in mine if not r.get("finished_at")),
        respondents=len({a.respondent for a in answers}), hands=round(sum(counted) / len(counted)) if counted else None,
        score=s, words=describe(s), devices=len(devices), device_words=_device_words(devices))


def _device_scores(answers: list[RadarAnswer], device_rows: Iterable[dict[str, Any]]) -> list[Score]:
    """Each device's own score over the items it answered in these checks (a device is one respondent per check)."""
    truth = {(a.run, a.item_id): a.truth for a in answers}
    per: dict[tuple[int, int], Counts] = {}
    for d in device_rows:
        key = (int(d["run_id"]), str(d["item_id"]))
        if key in truth and d.get("answer") in ("flag", "ok"):
            who = (key[0], int(d["device"]))
            per[who] = per.get(who, Counts()).add(truth[key], d["answer"] == "flag")
    return [score(c) for _, c in sorted(per.items())]


def _device_words(scores: list[Score]) -> str:
    """'On their own devices, 24 students: the middle one d′ 1.4 (from 0.2 to 2.9).' ('' without devices)."""
    if not scores:
        return ""
    ds = sorted(x.d_prime for x in scores)
    mid = ds[len(ds) // 2] if len(ds) % 2 else (ds[len(ds) // 2 - 1] + ds[len(ds) // 2]) / 2
    who = D_("1 student") if len(ds) == 1 else D_("{n} students").format(n=len(ds))
    return D_("On their own devices, {who}: the middle one d′ {mid} (from {low} to {high})").format(
        who=who, mid=num(mid), low=num(ds[0]), high=num(ds[-1]))


def _tactics(answers: list[RadarAnswer], label: TagLabel) -> list[TacticRow]:
    cells: dict[str, dict[str, Counts]] = {}
    for a in answers:
        if a.truth:
            for tag in a.tags:
                per = cells.setdefault(tag, {})
                per[a.phase] = per.get(a.phase, Counts()) + a.counts()
    rows = [TacticRow(tag, label(tag), {p: TacticCell(c.hits, c.flags) for p, c in per.items()})
            for tag, per in cells.items()]
    return sorted(rows, key=lambda r: (r.label.lower(), r.tag))


def _missed(answers: list[RadarAnswer], snippets: Snippets) -> list[MissedItem]:
    per: dict[tuple[str, str], Counts] = {}
    truth: dict[str, bool] = {}
    for a in answers:
        key = (a.item_id, a.phase)
        per[key] = per.get(key, Counts()) + a.counts()
        truth[a.item_id] = a.truth
    items = [MissedItem(item, phase, snippets(item) or "", truth[item], c.misses + c.false_alarms, c.answered)
             for (item, phase), c in per.items() if c.misses + c.false_alarms]
    items.sort(key=lambda m: (-m.missed, -(m.missed / m.answered), PHASES.index(m.phase), m.item_id))
    return items[:MOST_MISSED]


def _group(mode: str, label: Optional[str], respondent: Optional[int], answers: list[RadarAnswer],
           runs: list[dict[str, Any]], snippets: Snippets, tag_label: TagLabel,
           device_rows: Iterable[dict[str, Any]] = ()) -> RadarGroup:
    phases = [_phase(p, [a for a in answers if a.phase == p], runs, device_rows) for p in PHASES
              if any(a.phase == p for a in answers)]
    chart = score_chart([(p.label, p.score.d_prime, p.score.c) for p in phases], classes=[p.phase for p in phases])
    group = RadarGroup(mode, label, respondent, phases, chart, tactics=_tactics(answers, tag_label),
                       missed=_missed(answers, snippets), answers=answers)
    before, after, refresh = group.phase("before"), group.phase("after"), group.phase("refresh")
    if before is not None and after is not None:
        group.change = describe_change(before.score, after.score)
    if after is not None and refresh is not None:
        group.refresh_change = describe_change(after.score, refresh.score)
    return group


def build_radar(runs: list[dict[str, Any]], rows: list[dict[str, Any]], snippets: Snippets,
                tag_label: TagLabel, device_rows: Optional[list[dict[str, Any]]] = None) -> list[RadarGroup]:
    """Groups of radar answers: each class (its label and the before its after and refresh pair with) in the
    order first taken, with what its students answered on their own devices, then all solo play on this device;
    nothing for no answers."""
    answers = answers_of(runs, rows)
    classes: dict[tuple[Optional[str], Optional[int]], list[RadarAnswer]] = {}
    solo: list[RadarAnswer] = []
    for a in answers:
        if a.mode == "facilitator":
            classes.setdefault((a.class_label, a.respondent), []).append(a)
        else:
            solo.append(a)
    groups = [_group("facilitator", label, who, mine, runs, snippets, tag_label, device_rows or ())
              for (label, who), mine in classes.items()]
    if solo:
        groups.append(_group("solo", None, None, solo, runs, snippets, tag_label))
    return groups


def snippet(texts: Iterable[str], limit: int = SNIPPET) -> str:
    """The first text of a screen, cut at a word to about `limit` characters."""
    text = " ".join(next(iter(texts), "").split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",.;:")
    return cut + "…"
