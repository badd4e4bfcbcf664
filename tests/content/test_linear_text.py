"""Hostile sizes stay cheap (issue 17 item 3): every text scan is linear, texts and lists are capped where they are
read (E113), the explorer stops at a state budget with a located error (E324), and validate shows at most 50
diagnostics per file, then how many more. The README's promise: under 2 s and 300 MB per file."""

from __future__ import annotations

import json
import time
import tracemalloc
from pathlib import Path
from typing import Callable

import pytest

from game.cli import main
from game.content.readability import counts
from game.session.check import check_file

MINI = (Path(__file__).resolve().parent.parent / "fixtures" / "mini.yaml").read_text(encoding="utf-8")


def _within_budget(fn: Callable[[], object]) -> object:
    """Run ``fn`` once timed (under 2 s), then once traced (under 300 MB at its peak)."""
    start = time.perf_counter()
    out = fn()
    elapsed = time.perf_counter() - start
    assert elapsed < 2.0, elapsed
    tracemalloc.start()
    try:
        fn()
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 300 * 2**20, peak
    return out


def test_the_sentence_count_is_linear_in_a_run_of_dots() -> None:
    start = time.perf_counter()
    sentences, words, _syll = counts(["." * 50_000 + "x and more."])
    assert time.perf_counter() - start < 0.5
    assert sentences == 1 and words == 3
    assert counts(["One. Two! Three?\" Four"])[0] == 3
    assert counts(['He said "stop." Then left...'])[0] == 2


def test_a_run_of_60000_dots_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "dots.yaml"
    path.write_text(MINI.replace("      price: $900 a week\n", "      price: $900 a week\n      body: '" + "." * 60_000
                                 + "'\n"), encoding="utf-8")
    checked = _within_budget(lambda: check_file(path))
    assert [d.code for d in checked.errors] == ["E113"]  # type: ignore[attr-defined]


def test_a_card_body_has_a_cap_too(tmp_path: Path) -> None:
    path = tmp_path / "body.yaml"
    path.write_text(MINI.replace("      price: $900 a week\n", "      price: $900 a week\n      body: '"
                                 + "Great pay. " * 500 + "'\n"), encoding="utf-8")
    checked = check_file(path)
    assert [(d.code, "body" in d.message) for d in checked.errors] == [("E203", True)]


def test_a_960_kb_job_ad_body_is_refused_before_anything_renders(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text(MINI.replace("      price: $900 a week\n", "      price: $900 a week\n      body: '"
                                 + "Great pay, no experience. " * 37_000 + "'\n"), encoding="utf-8")
    assert 900_000 < path.stat().st_size < 1_000_000
    checked = _within_budget(lambda: check_file(path))
    assert [d.code for d in checked.errors] == ["E113"]  # type: ignore[attr-defined]
    assert checked.entry.scenario is None  # type: ignore[attr-defined]


def test_18_boolean_variables_stop_at_the_budget_with_a_located_error(tmp_path: Path) -> None:
    from game.engine.explorer import MAX_STATES

    names = [f"v{i}" for i in range(18)]
    chain = "".join(
        f"  n{i}:\n    screen: dm\n    with: sam\n    choices:\n"
        f"      - {{text: Yes, goto: {'n' + str(i + 1) if i < 17 else 'ad'}, feedback: Ok., set: {{{n}: true}}}}\n"
        f"      - {{text: No, goto: {'n' + str(i + 1) if i < 17 else 'ad'}, feedback: Ok.}}\n"
        for i, n in enumerate(names))
    text = (MINI.replace("  checked: false\n", "  checked: false\n" + "".join(f"  {n}: false\n" for n in names))
            .replace("start: ad\nnodes:\n", "start: n0\nnodes:\n" + chain)
            .replace("        when: {var: checked, equals: true}\n", "        when: {var: checked, equals: true}\n"
                     + "".join(f"      - {{from: me, text: Noted., when: {{var: {n}, equals: true}}}}\n"
                               for n in names)))
    path = tmp_path / "bools.yaml"
    path.write_text(text, encoding="utf-8")
    checked = _within_budget(lambda: check_file(path))
    e324 = [d for d in checked.diagnostics if d.code == "E324"]  # type: ignore[attr-defined]
    assert len(e324) == 1, [d.format() for d in checked.diagnostics]  # type: ignore[attr-defined]
    assert "too many variable combinations" in e324[0].message and f"{MAX_STATES:,}" in e324[0].message
    assert e324[0].line == text.split("variables:", 1)[0].count("\n") + 1


def test_a_megabyte_flow_list_of_empty_mappings_is_refused_and_prints_little(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "flow.yaml"
    items = ",".join(["{}"] * 330_000)
    path.write_text(MINI.replace("learning_goals: [Check an offer before you answer.]",
                                 f"learning_goals: [{items}]"), encoding="utf-8")
    assert path.stat().st_size < 1_000_000
    checked = _within_budget(lambda: check_file(path))
    assert [d.code for d in checked.errors] == ["E113"]  # type: ignore[attr-defined]
    assert main(["validate", str(path)]) == 1
    assert len(capsys.readouterr().out.splitlines()) < 10


def test_validate_shows_at_most_50_diagnostics_per_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "many.yaml"
    path.write_text(MINI.replace("    role: recruiter\n", "    role: recruiter\n"
                                 + "".join(f"    extra{i}: x\n" for i in range(120))), encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert sum("error[E201]" in line for line in lines) == 50
    assert any("and 70 more" in line for line in lines)
    assert lines[-1].startswith("FAILED: 1 file(s) checked, 120 error(s)")
    assert main(["validate", "--format", "json", str(path)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["errors"] == 120 and len(data["files"][0]["diagnostics"]) == 50
    assert data["files"][0]["more"] == 70
