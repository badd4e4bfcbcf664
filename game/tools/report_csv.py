"""The class report as CSV: one row per group, per decision and per option (columns in the README)."""

from __future__ import annotations

import csv
import io
from typing import Any

from ..content.safetext import clean
from .report_data import ClassReport, Decision, Group

COLUMNS = (
    "record", "mode", "session", "class_label", "date", "scenario_id", "scenario_title", "sessions", "finished",
    "ending_tone", "endings_safe", "endings_help_sought", "endings_risky", "questions_reached", "questions_total",
    "step", "node_id", "kind", "times_decided", "chose_safer", "hits", "misses", "false_alarms",
    "option", "option_text", "count", "percent", "safer", "followed", "red_flag",
)
"""The CSV header, in order (documented in README.md, "Class report CSV columns")."""

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> str:
    """A CSV cell; text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = clean(str(value))  # no NUL, escape or bidi override reaches the spreadsheet
    return "'" + text if text.startswith(_FORMULA_START) else text


def _group_row(g: Group) -> dict[str, Any]:
    hits, misses, alarms = g.spot
    return {
        "record": "session", "mode": g.mode, "session": g.session_id, "class_label": g.class_label,
        "date": g.first_started, "scenario_id": g.scenario_id, "scenario_title": g.scenario_title,
        "sessions": g.sessions, "finished": g.finished, "ending_tone": g.ending_tone,
        "endings_safe": g.endings["safe"], "endings_help_sought": g.endings["help_sought"],
        "endings_risky": g.endings["risky"], "questions_reached": g.questions_reached_max,
        "questions_total": len(g.questions) if g.questions else None,
        "hits": hits, "misses": misses, "false_alarms": alarms,
    }


def _decision_row(base: dict[str, Any], d: Decision) -> dict[str, Any]:
    return {**base, "record": "decision", "step": d.step, "node_id": d.node_id, "kind": d.kind,
            "times_decided": d.decisions, "chose_safer": d.chose_safer if d.kind == "choice" else None,
            "hits": d.hits if d.kind == "spot" else None, "misses": d.misses if d.kind == "spot" else None,
            "false_alarms": d.false_alarms if d.kind == "spot" else None}


def report_csv(report: ClassReport) -> str:
    """The whole report as CSV text (UTF-8 with a byte-order mark so spreadsheets read accents)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for g in report.groups:
        writer.writerow([cell(_group_row(g).get(c)) for c in COLUMNS])
        base = {"mode": g.mode, "session": g.session_id, "class_label": g.class_label, "date": g.first_started,
                "scenario_id": g.scenario_id, "scenario_title": g.scenario_title, "sessions": g.sessions}
        for d in g.decisions:
            row = _decision_row(base, d)
            writer.writerow([cell(row.get(c)) for c in COLUMNS])
            for o in d.options:
                opt = {**base, "record": "option", "step": d.step, "node_id": d.node_id, "kind": d.kind,
                       "option": o.letter, "option_text": o.text, "count": o.count, "percent": o.percent,
                       "safer": o.safer if d.kind == "choice" else None,
                       "followed": o.followed if d.kind == "choice" else None, "red_flag": o.flag}
                writer.writerow([cell(opt.get(c)) for c in COLUMNS])
    return "\ufeff" + out.getvalue()
