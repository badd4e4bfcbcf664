"""The class report as CSV: one row per group, per decision and per option (columns in the README)."""

from __future__ import annotations

import csv
import io
from typing import Any, Optional

from ..content.safetext import clean
from .doc_i18n import D_, DP_, NP_
from .report_data import ClassReport, Decision, Group
from .report_devices import device_rows
from .report_radar import RadarAnswer, RadarGroup, RadarPhase

CSV_CONTEXT = "csv column"
COLUMNS = (
    NP_("csv column", "record"), NP_("csv column", "mode"), NP_("csv column", "session"),
    NP_("csv column", "class_label"), NP_("csv column", "date"), NP_("csv column", "scenario_id"),
    NP_("csv column", "scenario_title"), NP_("csv column", "sessions"), NP_("csv column", "finished"),
    NP_("csv column", "ending_tone"), NP_("csv column", "endings_safe"), NP_("csv column", "endings_help_sought"),
    NP_("csv column", "endings_risky"), NP_("csv column", "questions_reached"), NP_("csv column", "questions_total"),
    NP_("csv column", "step"), NP_("csv column", "node_id"), NP_("csv column", "kind"),
    NP_("csv column", "times_decided"), NP_("csv column", "chose_safer"), NP_("csv column", "hits"),
    NP_("csv column", "misses"), NP_("csv column", "false_alarms"), NP_("csv column", "option"),
    NP_("csv column", "option_text"), NP_("csv column", "count"), NP_("csv column", "percent"),
    NP_("csv column", "safer"), NP_("csv column", "followed"), NP_("csv column", "red_flag"),
    NP_("csv column", "phase"), NP_("csv column", "form"), NP_("csv column", "run"), NP_("csv column", "respondent"),
    NP_("csv column", "respondents"), NP_("csv column", "item_id"), NP_("csv column", "item_tags"),
    NP_("csv column", "truth"), NP_("csv column", "answer"), NP_("csv column", "confidence"),
    NP_("csv column", "hands_flag"), NP_("csv column", "hands_counted"), NP_("csv column", "radar_hits"),
    NP_("csv column", "radar_misses"), NP_("csv column", "radar_false_alarms"),
    NP_("csv column", "radar_correct_rejections"), NP_("csv column", "hit_rate"), NP_("csv column", "cr_rate"),
    NP_("csv column", "d_prime"), NP_("csv column", "c"),
)
"""The CSV header, in order (documented in README.md, "Class report CSV columns"); the radar columns come last.
In another language the header row is translated (msgctxt "csv column" in the documents catalog); the values
that are codes (record, mode, kind, phase, tone, truth, answer) stay as they are, so sheets read the same."""


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> str:
    """A CSV cell; text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return D_("yes") if value else D_("no")
    if isinstance(value, (int, float)):
        return str(value)  # a number, never a formula (a negative c starts with '-')
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


def _three(x: Optional[float]) -> Optional[float]:
    return None if x is None else round(x, 3)


def _radar_row(g: RadarGroup, p: RadarPhase) -> dict[str, Any]:
    c, s = p.score.counts, p.score
    return {"record": "radar", "mode": g.mode, "class_label": g.class_label, "date": p.date, "phase": p.phase,
            "form": " ".join(p.forms), "respondent": g.respondent,
            "respondents": p.respondents if g.mode != "facilitator" else (p.devices or None),
            "hands_counted": p.hands, "radar_hits": c.hits, "radar_misses": c.misses,
            "radar_false_alarms": c.false_alarms, "radar_correct_rejections": c.correct_rejections,
            "hit_rate": _three(s.hit_rate), "cr_rate": _three(s.cr_rate), "d_prime": _three(s.d_prime),
            "c": _three(s.c)}


def _answer_row(a: RadarAnswer) -> dict[str, Any]:
    return {"record": "radar_answer", "mode": a.mode, "class_label": a.class_label, "date": a.date,
            "phase": a.phase, "form": a.form, "run": a.run, "respondent": a.respondent, "item_id": a.item_id,
            "item_tags": " ".join(a.tags), "truth": "flag" if a.truth else "ok", "answer": a.answer,
            "confidence": a.confidence, "hands_flag": a.hands[0] if a.hands else None,
            "hands_counted": a.hands[1] if a.hands else None}


def radar_rows(report: ClassReport) -> list[dict[str, Any]]:
    """The radar rows: per group one `radar` row per phase (its scores), then one `radar_answer` row per answer."""
    rows: list[dict[str, Any]] = []
    for g in report.radar:
        rows.extend(_radar_row(g, p) for p in g.phases)
        rows.extend(_answer_row(a) for a in g.answers)
    return rows


def report_csv(report: ClassReport) -> str:
    """The whole report as CSV text (UTF-8 with a byte-order mark so spreadsheets read accents)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([DP_(CSV_CONTEXT, c) for c in COLUMNS])
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
    for row in device_rows(report):
        writer.writerow([cell(row.get(c)) for c in COLUMNS])
    for row in radar_rows(report):
        writer.writerow([cell(row.get(c)) for c in COLUMNS])
    return "\ufeff" + out.getvalue()
