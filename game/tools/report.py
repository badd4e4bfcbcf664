"""`python main.py report`: the class report from the saved records, as printable HTML or CSV."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path
from typing import Optional

from ..session.atomic import atomic_write_text
from ..session.catalog import find_scenarios
from ..session.paths import resolve_data_dir
from ..session.store import RecordsUnreadable, Store
from ..usage import UsageError
from .html import render
from .report_csv import report_csv
from .report_data import ClassReport, build_report

FORMATS = {".html": "html", ".htm": "html", ".csv": "csv"}


class ReportError(Exception):
    """The records exist but cannot be read (exit code 1)."""


def load_report(data_dir: Path, scenarios_root: Optional[Path] = None) -> ClassReport:
    """Read the records in ``data_dir`` (read-only) into a report; a folder without records gives an empty one."""
    try:
        store = Store.open_readonly(data_dir)
    except RecordsUnreadable as exc:
        raise ReportError(f"cannot read the records in '{data_dir}': {exc}") from exc
    try:
        return build_report(store, lambda ids: find_scenarios(ids, scenarios_root))
    except sqlite3.DatabaseError as exc:
        raise ReportError(f"cannot read the records in '{data_dir}': the records file is damaged ({exc}); "
                          "start the game once to keep it aside and begin new records") from exc
    finally:
        if store is not None:
            store.close()


def render_report(report: ClassReport, fmt: str) -> str:
    """The report as ``html`` (one self-contained page) or ``csv``."""
    if fmt == "csv":
        return report_csv(report)
    return render("report.html.j2", report=report)


def output_format(out: str, given: Optional[str]) -> str:
    """The format from --format, else from the file name; ValueError when neither says."""
    if given:
        return given
    fmt = FORMATS.get(Path(out).suffix.lower())
    if fmt is None:
        raise ValueError(f"cannot tell the format of '{out}': name it .html or .csv, or give --format")
    return fmt


def write_report(data_dir: Path, out: Path, fmt: str, scenarios_root: Optional[Path] = None) -> ClassReport:
    """Build and write the report; raises ReportError or OSError."""
    report = load_report(data_dir, scenarios_root)
    atomic_write_text(out, render_report(report, fmt))
    return report


def cmd_report(ns: argparse.Namespace) -> int:
    """The `report` command: exit 0 written, 1 records unreadable, 2 usage (unknown folder, bad output)."""
    try:
        fmt = output_format(ns.output, ns.format)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    data_dir = resolve_data_dir(ns.data_dir)
    if ns.data_dir is not None and not data_dir.is_dir():
        raise UsageError(f"no such data folder: '{ns.data_dir}'")
    try:
        report = write_report(data_dir, Path(ns.output), fmt)
    except ReportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        raise UsageError(f"cannot write '{ns.output}': {exc.strerror or exc}") from exc
    if report.empty:
        print(f"wrote {ns.output}: no records yet (an empty report)")
    else:
        print(f"wrote {ns.output}: {len(report.class_groups)} class session(s), "
              f"{sum(g.sessions for g in report.solo_groups)} solo session(s), {report.decision_count} decision(s)")
    return 0
