"""The class report as plain data, built from the store's SQL aggregates (aggregate only: never a nickname)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Optional

from ..content.schema import Scenario
from ..session.store import Store
from .charts import BarChart, bar_chart
from .doc_i18n import D_, N_
from .report_devices import DevicePlayGroup, build_device_play
from .report_radar import RadarGroup, Snippets, TagLabel, build_radar, local_time

FACILITATOR = "facilitator"
SOLO = "solo"
TONES = ("safe", "help_sought", "risky")
TONE_WORDS = {"safe": "safe", "help_sought": "help sought", "risky": "risky"}

GroupKey = tuple[Optional[int], str, str]


def letter(i: int) -> str:
    """A, B, C ... Z, then 27, 28 ... for very long lists."""
    return chr(ord("A") + i) if 0 <= i < 26 else str(i + 1)


@dataclass
class Option:
    """One option of a decision: its count (votes, choices or marks) beside the safer choice."""

    letter: str
    text: str
    count: int
    percent: int
    safer: bool
    followed: int
    flag: Optional[bool] = None  # spot parts: True = red flag, False = benign, None = not known


@dataclass
class Decision:
    """One decision node of a group, in story order."""

    step: int
    node_id: str
    kind: str
    prompt: Optional[str]
    decisions: int
    sessions: int
    unit: str
    total: int
    chose_safer: int
    hits: int
    misses: int
    false_alarms: int
    options: list[Option]
    chart: BarChart

    @property
    def safer_options(self) -> list[Option]:
        """The option(s) marked safer at least once."""
        return [o for o in self.options if o.safer]


@dataclass
class Group:
    """One facilitator session, or every solo session of one scenario."""

    session_id: Optional[int]
    mode: str
    scenario_id: str
    scenario_title: str
    class_label: Optional[str]
    first_started: str
    last_started: str
    sessions: int
    finished: int
    endings: dict[str, int]
    ending_title: Optional[str]
    ending_tone: Optional[str]
    questions_reached_max: int
    questions_reached_sum: int
    questions: list[str]
    decisions: list[Decision] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The heading: the class label, or a neutral name."""
        if self.mode == FACILITATOR:
            return self.class_label or D_("Class session {n}").format(n=self.session_id)
        return D_("Solo play")

    @property
    def questions_reached(self) -> list[str]:
        """The discussion questions the class got to (facilitator) or the furthest any solo player got."""
        return self.questions[: self.questions_reached_max]

    @property
    def questions_mean(self) -> float:
        """Average questions reached per session."""
        return self.questions_reached_sum / self.sessions if self.sessions else 0.0

    @property
    def spot(self) -> tuple[int, int, int]:
        """(hits, misses, false alarms) over every spot-the-flags task of the group."""
        spots = [d for d in self.decisions if d.kind == "spot"]
        return (sum(d.hits for d in spots), sum(d.misses for d in spots), sum(d.false_alarms for d in spots))

    @property
    def spot_accuracy(self) -> Optional[int]:
        """Red flags found as a percentage of all red flags (None without spot tasks)."""
        hits, misses, _ = self.spot
        return round(100 * hits / (hits + misses)) if hits + misses else None


@dataclass
class ClassReport:
    """Everything the HTML and CSV outputs show."""

    generated_at: str
    groups: list[Group]
    notice: Optional[str] = None
    radar: list[RadarGroup] = field(default_factory=list)
    """Radar check groups: each class, then solo play on this device (empty without radar records)."""
    devices: list[DevicePlayGroup] = field(default_factory=list)
    """Stories played on students' own devices, per lesson and story (empty without device play)."""

    @property
    def class_groups(self) -> list[Group]:
        """Facilitator sessions, oldest first."""
        return [g for g in self.groups if g.mode == FACILITATOR]

    @property
    def solo_groups(self) -> list[Group]:
        """Solo play, one group per scenario."""
        return [g for g in self.groups if g.mode == SOLO]

    @property
    def decision_count(self) -> int:
        """How many recorded decisions the report covers."""
        return sum(d.decisions for g in self.groups for d in g.decisions)

    @property
    def radar_checks(self) -> int:
        """How many radar checks (runs with at least one answer) the report covers."""
        return len({a.run for g in self.radar for a in g.answers})

    @property
    def empty(self) -> bool:
        """True when there is nothing recorded yet (no story decisions and no radar answers)."""
        return not self.groups and not self.radar


def _key(row: dict[str, Any]) -> GroupKey:
    return (row["session_id"], row["mode"], row["scenario_id"])


UNIT_WORDS = (N_("marks"), N_("mark"), N_("votes"), N_("vote"), N_("choices"), N_("choice"), N_("votes and choices"))
"""The words a decision's counts are in (the report translates them with D_)."""


def _unit(kind: str, voted: int, decisions: int) -> str:
    if kind == "spot":
        return "marks"
    if voted == decisions:
        return "votes"
    return "choices" if voted == 0 else "votes and choices"


def _node_info(scn: Optional[Scenario], node_id: str) -> tuple[Optional[str], dict[str, bool]]:
    """A node's prompt and, for a spot task, which part texts are red flags."""
    node = scn.nodes.get(node_id) if scn is not None else None
    if node is None:
        return None, {}
    if node.spot is not None:
        return node.spot.prompt, {p.text: p.flag for p in node.spot.parts}
    return node.prompt, {}


def _decision(step: int, row: dict[str, Any], options: list[dict[str, Any]], scn: Optional[Scenario]) -> Decision:
    kind = row["kind"]
    prompt, flags = _node_info(scn, row["node_id"])
    unit = _unit(kind, int(row["voted"] or 0), int(row["decisions"]))
    total = sum(int(o["count"] or 0) for o in options)
    out: list[Option] = []
    for i, o in enumerate(sorted(options, key=lambda o: (o["position"], o["text"] or ""))):
        count = int(o["count"] or 0)
        base = total if kind == "choice" else int(row["decisions"])
        out.append(Option(letter(i), str(o["text"]), count, round(100 * count / base) if base else 0,
                          bool(o["safer"]), int(o["followed"] or 0), flags.get(str(o["text"]))))
    word = unit if unit != "votes and choices" else "votes"
    chart = bar_chart(
        [(o.letter, o.count, f"{o.count} {D_(word if o.count != 1 else word[:-1])}"
          + (" · " + D_("safer") if o.safer else "") + (" · " + D_("red flag") if o.flag else ""),
          "safer" if o.safer else "flag" if o.flag else "") for o in out],
        what=D_(unit),
    )
    return Decision(step, row["node_id"], kind, prompt, int(row["decisions"]), int(row["sessions"]), unit, total,
                    int(row["chose_safer"] or 0), int(row["hits"] or 0), int(row["misses"] or 0),
                    int(row["false_alarms"] or 0), out, chart)


def _ending_title(scn: Optional[Scenario], ending_id: Optional[str]) -> Optional[str]:
    node = scn.nodes.get(ending_id) if scn is not None and ending_id else None
    return node.ending.title if node is not None and node.ending is not None else ending_id


Lookup = Callable[[Iterable[str]], dict[str, Scenario]]


def _no_snippet(item_id: str) -> Optional[str]:
    return None


def build_report(store: Optional[Store], find: Lookup, *, notice: Optional[str] = None,
                 now: Optional[datetime] = None, snippets: Snippets = _no_snippet,
                 tag_label: TagLabel = str) -> ClassReport:
    """Assemble the report from the three aggregate queries and the radar records (no store = no records yet).

    ``find`` maps scenario ids to scenarios, for titles, prompts and questions; unknown ids show as they are.
    ``snippets`` and ``tag_label`` describe radar items and tactic tags (called only when there are radar records).
    """
    stamp = (now or datetime.now(timezone.utc)).astimezone().strftime("%Y-%m-%d %H:%M")
    if store is None:
        return ClassReport(stamp, [], notice)
    group_rows = store.report_groups()
    scenarios = find({str(row["scenario_id"]) for row in group_rows})
    options: dict[tuple[GroupKey, str, str], list[dict[str, Any]]] = {}
    for row in store.report_options():
        options.setdefault((_key(row), row["node_id"], row["kind"]), []).append(row)
    decisions: dict[GroupKey, list[dict[str, Any]]] = {}
    for row in store.report_decisions():
        decisions.setdefault(_key(row), []).append(row)
    groups: list[Group] = []
    for row in group_rows:
        key = _key(row)
        scn = scenarios.get(row["scenario_id"])
        facilitator = row["mode"] == FACILITATOR
        group = Group(
            session_id=row["session_id"], mode=row["mode"], scenario_id=row["scenario_id"],
            scenario_title=scn.title if scn is not None else str(row["scenario_id"] or ""),
            class_label=row["class_label"] if facilitator else None,
            first_started=local_time(row["first_started"]), last_started=local_time(row["last_started"]),
            sessions=int(row["sessions"]), finished=int(row["finished"] or 0),
            endings={tone: int(row[f"ended_{tone}"] or 0) for tone in TONES},
            ending_title=_ending_title(scn, row["ending_id"]) if facilitator else None,
            ending_tone=row["ending_tone"] if facilitator else None,
            questions_reached_max=int(row["questions_reached_max"] or 0),
            questions_reached_sum=int(row["questions_reached_sum"] or 0),
            questions=list(scn.debrief.questions) if scn is not None and scn.debrief is not None else [],
        )
        for step, drow in enumerate(decisions.get(key, []), start=1):
            group.decisions.append(_decision(step, drow, options.get((key, drow["node_id"], drow["kind"]), []), scn))
        groups.append(group)
    radar = build_radar(store.radar_runs(), store.radar_answers(), snippets, tag_label, store.radar_device_answers())
    devices = build_device_play(store.device_play_groups(), store.device_play_decisions(), find)
    return ClassReport(stamp, groups, notice, radar, devices)
