"""The README's two commands stay true: CI runs the same test line; the schema file is in sync."""

from __future__ import annotations

import json
import re
from pathlib import Path

from game.tools.schema_export import scenario_schema

ROOT = Path(__file__).resolve().parents[1]


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```\n(.+?)\n```", section)


def test_readme_gives_exactly_two_commands_play_and_test() -> None:
    play, test = readme_commands()
    assert play.endswith("python main.py") and "pip install" in play
    assert test.endswith("python -m pytest") and '".[test]"' in test


def test_ci_runs_the_readme_test_line() -> None:
    _, test = readme_commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test in ci


def test_committed_schema_matches_the_model() -> None:
    committed = json.loads((ROOT / "schema" / "scenario.schema.json").read_text(encoding="utf-8"))
    assert committed == scenario_schema(), "run: python main.py schema > schema/scenario.schema.json"


def test_licences_exist() -> None:
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "CC BY 4.0" in (ROOT / "LICENSE-CONTENT.md").read_text(encoding="utf-8")
