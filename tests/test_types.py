"""Static types: mypy finds no errors in the pure packages (game/content, game/engine, game/session, game/net).

The settings live under ``[tool.mypy]`` in pyproject.toml. The cache goes in the git-ignored
``.mypy_cache/`` at the repository root, so a second run only re-checks what changed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHECKED = ["game/content", "game/engine", "game/session", "game/net"]


@pytest.mark.slow
def test_mypy_reports_no_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    api = pytest.importorskip("mypy.api", reason="mypy is in the test extras: pip install -e '.[test]'")
    monkeypatch.chdir(ROOT)  # mypy finds the packages (and reports paths) relative to the repository root
    stdout, stderr, status = api.run([
        "--config-file", str(ROOT / "pyproject.toml"),
        "--cache-dir", str(ROOT / ".mypy_cache"),
        *CHECKED,
    ])
    assert status == 0, f"mypy found problems (exit {status}):\n{stdout}{stderr}"
