"""`python main.py report`: the class report from the saved records, as printable HTML or CSV."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path
from typing import Callable, Iterable, Optional

from ..content.catalog import load_shared, scenarios_dir
from ..content.radar import RADAR_DIR
from ..content.schema import Scenario
from ..session.atomic import atomic_write_text
from ..session.catalog import find_scenarios
from ..session.paths import resolve_data_dir
from ..session.store import RecordsUnreadable, Store
from ..usage import UsageError
from .doc_i18n import base_language, documents_in
from .html import render
from .report_csv import report_csv
from .report_data import ClassReport, build_report
from .report_radar import Snippets, TagLabel, snippet

FORMATS = {".html": "html", ".htm": "html", ".csv": "csv"}


class ReportError(Exception):
    """The records exist but cannot be read (exit code 1)."""


def radar_lookups(scenarios_root: Optional[Path] = None, lang: Optional[str] = None) -> tuple[Snippets, TagLabel]:
    """What a radar item shows (a snippet) and a tag's label, each loaded on first use (only with radar records), in
    ``lang`` where the items and tags have a language version."""
    root = scenarios_root or scenarios_dir()
    texts: dict[str, str] = {}
    labels: dict[str, str] = {}

    def snippets(item_id: str) -> Optional[str]:
        if not texts:
            from ..content.radar_check import item_texts, load_radar_set

            folder = root / RADAR_DIR if (root / RADAR_DIR).is_dir() else scenarios_dir() / RADAR_DIR
            base = base_language(lang)
            folder = folder / base if base != "en" and (folder / base).is_dir() else folder
            for item in load_radar_set(folder).items:
                shown = list(item_texts(item))[:-1]  # the last text is the explanation, shown afterwards
                texts.setdefault(item.id, snippet(shown))
            texts.setdefault("", "")
        return texts.get(item_id)

    def tag_label(tag: str) -> str:
        if not labels:
            vocab = load_shared(root, lang).tags
            for tag_id in vocab.ids() if vocab is not None else ():
                found = vocab.get(tag_id) if vocab is not None else None
                labels[tag_id] = found.label if found is not None else tag_id
            labels.setdefault("", "")
        return labels.get(tag, tag)

    return snippets, tag_label


def _finder(scenarios_root: Optional[Path], lang: Optional[str]) -> Callable[[Iterable[str]], dict[str, Scenario]]:
    """Scenarios by id for the report: the language's own folder first (its titles), then the rest."""
    base = base_language(lang)
    own = scenarios_dir() / base
    if scenarios_root is not None or base == "en" or not own.is_dir():
        return lambda ids: find_scenarios(ids, scenarios_root)

    def find(ids: Iterable[str]) -> dict[str, Scenario]:
        wanted = set(ids)
        found = find_scenarios(wanted, own)
        return {**find_scenarios(wanted - found.keys()), **found}
    return find


def load_report(data_dir: Path, scenarios_root: Optional[Path] = None, lang: Optional[str] = None) -> ClassReport:
    """Read the records in ``data_dir`` (read-only) into a report; a folder without records gives an empty one.
    Its words (and the stories' titles, tags and radar screens) are in the document language in use."""
    try:
        store = Store.open_readonly(data_dir)
    except RecordsUnreadable as exc:
        raise ReportError(f"cannot read the records in '{data_dir}': {exc}") from exc
    try:
        snippets, tag_label = radar_lookups(scenarios_root, lang)
        return build_report(store, _finder(scenarios_root, lang), snippets=snippets, tag_label=tag_label)
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


def write_report(data_dir: Path, out: Path, fmt: str, scenarios_root: Optional[Path] = None,
                 lang: Optional[str] = None) -> ClassReport:
    """Build and write the report in ``lang`` (labels, charts, CSV header; English by default); raises ReportError
    or OSError."""
    from ..session.lang import current_language, set_language

    ui_before = current_language()
    with documents_in(lang) as used:
        set_language(used)  # the radar check's plain words come from the UI catalog
        try:
            report = load_report(data_dir, scenarios_root, used)
            page = render_report(report, fmt)
        finally:
            set_language(ui_before)
    atomic_write_text(out, page)
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
        report = write_report(data_dir, Path(ns.output), fmt, lang=getattr(ns, "lang", None))
    except ReportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        raise UsageError(f"cannot write '{ns.output}': {exc.strerror or exc}") from exc
    if report.empty:
        print(f"wrote {ns.output}: no records yet (an empty report)")
    else:
        print(f"wrote {ns.output}: {len(report.class_groups)} class session(s), "
              f"{sum(g.sessions for g in report.solo_groups)} solo session(s), {report.decision_count} decision(s)"
              + (f", {report.radar_checks} radar check(s)" if report.radar else ""))
    return 0
