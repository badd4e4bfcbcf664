"""The class report's part for stories played on students' own devices: per lesson and story, how many devices
played and finished, their endings, and per decision how many chose the safer option (aggregate only)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Optional

from ..content.schema import Scenario
from .doc_i18n import D_
from .report_radar import local_time

Lookup = Callable[[Iterable[str]], dict[str, Scenario]]


@dataclass
class DeviceDecision:
    """One decision node of a lesson's device play."""

    step: int
    node_id: str
    kind: str
    prompt: Optional[str]
    devices: int
    chose_safer: int
    hits: int
    misses: int
    false_alarms: int

    @property
    def safer_percent(self) -> int:
        """Devices that chose the safer option, as a whole percentage."""
        return round(100 * self.chose_safer / self.devices) if self.devices else 0

    @property
    def riskier(self) -> int:
        """Devices that chose another option than the safer one: something to talk about."""
        return self.devices - self.chose_safer


@dataclass
class DevicePlayGroup:
    """One lesson's devices on one story."""

    room: str
    scenario_id: str
    scenario_title: str
    class_label: Optional[str]
    date: str
    devices: int
    finished: int
    endings: dict[str, int]
    decisions: list[DeviceDecision] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        """The section's id in the page."""
        return f"devices-{self.room}-{self.scenario_id}"

    @property
    def label(self) -> str:
        """The heading: the class label, or a neutral name."""
        return self.class_label or D_("A class")

    @property
    def talk_first(self) -> list[DeviceDecision]:
        """The choices where most devices took a riskier option, most first (at most three)."""
        rows = [d for d in self.decisions if d.kind == "choice" and d.riskier > 0]
        return sorted(rows, key=lambda d: (-d.riskier / d.devices, -d.riskier, d.step))[:3]


def _prompt(scn: Optional[Scenario], node_id: str) -> Optional[str]:
    node = scn.nodes.get(node_id) if scn is not None else None
    if node is None:
        return None
    return node.spot.prompt if node.spot is not None else node.prompt


def build_device_play(groups: list[dict[str, Any]], decisions: list[dict[str, Any]], find: Lookup) \
        -> list[DevicePlayGroup]:
    """The device play groups from the store's rows (device_play_groups, device_play_decisions)."""
    if not groups:
        return []
    scenarios = find({str(g["scenario_id"]) for g in groups})
    by_key: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for d in decisions:
        by_key.setdefault((str(d["room"]), str(d["scenario_id"])), []).append(d)
    out = []
    for g in groups:
        sid = str(g["scenario_id"])
        scn = scenarios.get(sid)
        group = DevicePlayGroup(str(g["room"]), sid, scn.title if scn is not None else sid, g["class_label"],
                                local_time(g["first_started"]), int(g["devices"]), int(g["finished"] or 0),
                                {t: int(g[f"ended_{t}"] or 0) for t in ("safe", "help_sought", "risky")})
        for step, d in enumerate(by_key.get((group.room, sid), []), start=1):
            group.decisions.append(DeviceDecision(step, str(d["node_id"]), str(d["kind"]), _prompt(scn, d["node_id"]),
                                                  int(d["decisions"]), int(d["chose_safer"] or 0),
                                                  int(d["hits"] or 0), int(d["misses"] or 0),
                                                  int(d["false_alarms"] or 0)))
        out.append(group)
    return out


def device_rows(report: Any) -> list[dict[str, Any]]:
    """The CSV rows of device play (columns of report_csv.COLUMNS): per lesson and story one `device_play` row, then
    one `device_decision` row per decision; mode `devices`, session = the lesson's random id."""
    rows: list[dict[str, Any]] = []
    for g in report.devices:
        base = {"mode": "devices", "session": g.room, "class_label": g.class_label, "date": g.date,
                "scenario_id": g.scenario_id, "scenario_title": g.scenario_title, "sessions": g.devices}
        rows.append({**base, "record": "device_play", "finished": g.finished, "endings_safe": g.endings["safe"],
                     "endings_help_sought": g.endings["help_sought"], "endings_risky": g.endings["risky"]})
        for d in g.decisions:
            spot = d.kind == "spot"
            rows.append({**base, "record": "device_decision", "step": d.step, "node_id": d.node_id, "kind": d.kind,
                         "times_decided": d.devices, "chose_safer": None if spot else d.chose_safer,
                         "hits": d.hits if spot else None, "misses": d.misses if spot else None,
                         "false_alarms": d.false_alarms if spot else None})
    return rows
