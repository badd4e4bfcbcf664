"""`report` on records in a folder that cannot be written: read as usual (mode=ro, immutable when needed)."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Callable

from game.session.store import Store

REPORT = """
import sys
from game.cli import main
print(main(["report", "--data-dir", sys.argv[1], "-o", sys.argv[2]]))
"""


def _records(folder: Path) -> None:
    with Store.open(folder) as s:
        sid = s.start_session("loverboy", mode="facilitator", class_label="Period 3")
        s.record_decision(sid, node_id="first", kind="choice", options=["Ask", "Go"], chosen=0, safer=0, points=2,
                          votes=[12, 3])
        s.finish_session(sid, ending_id="end_safe", ending_tone="safe", score=2, best_score=2)


def test_report_reads_records_in_a_read_only_folder(tmp_path: Path, run_unprivileged: Callable[..., str]) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    _records(folder)
    before = sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir())
    out = tmp_path / "out" / "report.csv"
    out.parent.mkdir()
    os.chmod(folder, stat.S_IRUSR | stat.S_IXUSR)  # 0o500
    try:
        printed = run_unprivileged(REPORT, folder, out)
        assert printed.strip().splitlines()[-1] == "0", printed
        assert sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir()) == before
    finally:
        os.chmod(folder, 0o700)
    text = out.read_text(encoding="utf-8-sig")
    assert "Period 3" in text and "first" in text


def test_report_reads_records_whose_file_is_read_only(tmp_path: Path, run_unprivileged: Callable[..., str]) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    _records(folder)
    for p in folder.iterdir():
        os.chmod(p, stat.S_IRUSR)
    out = tmp_path / "report.html"
    printed = run_unprivileged(REPORT, folder, out)
    assert printed.strip().splitlines()[-1] == "0", printed
    assert "Period 3" in out.read_text(encoding="utf-8")
