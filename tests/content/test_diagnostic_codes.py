"""One broken fixture per diagnostic code: the code is reported at the exact line:col."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.content.diagnostics import CODES
from game.session.check import check_file

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
BROKEN = sorted((FIXTURES / "diagnostics").glob("*.yaml"))
# Codes about whole files that cannot be YAML text are checked in test_bad_input.py.
BYTE_LEVEL = {"E100", "E101", "E102", "E103", "E109", "E110"}
PACK_LEVEL = {"W409"}
"""Codes about a whole pack, not one file: checked in test_giveaways.py."""
SHARED = sorted((FIXTURES / "diagnostics" / "packs").glob("*/resources.yaml"))
"""Fixtures for codes about a pack's shared files (resources.yaml): packs/CODE/resources.yaml."""


def expectation(path: Path) -> tuple[str, int, int]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    m = re.fullmatch(r"# expect: (\w+) (\d+):(\d+)", first)
    assert m, f"{path.name} must start with '# expect: CODE LINE:COL'"
    return m.group(1), int(m.group(2)), int(m.group(3))


@pytest.mark.parametrize("path", BROKEN, ids=[p.stem for p in BROKEN])
def test_fixture_reports_its_code_at_the_exact_place(path: Path) -> None:
    code, line, col = expectation(path)
    assert code == path.stem
    checked = check_file(path)
    found = [(d.line, d.col) for d in checked.diagnostics if d.code == code]
    assert (line, col) in found, [d.format() for d in checked.diagnostics]
    diag = next(d for d in checked.diagnostics if d.code == code)
    assert diag.hint, "every diagnostic carries a hint"
    text = diag.format()
    assert text.startswith(f"{path}:{line}:{col}: {'warning' if code.startswith('W') else 'error'}[{code}]: ")
    assert "\n  hint: " in text


@pytest.mark.parametrize("path", SHARED, ids=[p.parent.name for p in SHARED])
def test_shared_file_fixture_reports_its_code_at_the_exact_place(path: Path) -> None:
    from game.session.check import check_shared_file

    code, line, col = expectation(path)
    assert code == path.parent.name
    diags = check_shared_file(path)
    assert (line, col) in [(d.line, d.col) for d in diags if d.code == code], [d.format() for d in diags]
    diag = next(d for d in diags if d.code == code)
    assert diag.hint and diag.format().startswith(f"{path}:{line}:{col}: ")


def test_every_code_has_a_fixture() -> None:
    covered = {p.stem for p in BROKEN} | BYTE_LEVEL | PACK_LEVEL | {p.parent.name for p in SHARED}
    assert set(CODES) <= covered, sorted(set(CODES) - covered)


def test_the_base_fixture_is_clean() -> None:
    checked = check_file(FIXTURES / "mini.yaml")
    assert checked.diagnostics == []
    assert checked.exploration is not None and checked.exploration.best_score == 8
