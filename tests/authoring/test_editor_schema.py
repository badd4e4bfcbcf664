"""Editor support: every shipped scenario points the YAML language server at the committed schema."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content.catalog import find_scenario_files, load_shared, scenarios_dir
from game.tools.schema_export import scenario_schema, schema_file, schema_line

SHIPPED = [p for p in find_scenario_files(scenarios_dir())
           if p.parent.name in ("en", "_examples")]
PREFIX = "# yaml-language-server: $schema="


def test_there_are_shipped_scenarios() -> None:
    assert any(p.parent.name == "en" for p in SHIPPED) and any(p.parent.name == "_examples" for p in SHIPPED)


@pytest.mark.parametrize("path", SHIPPED, ids=[f"{p.parent.name}/{p.stem}" for p in SHIPPED])
def test_scenario_starts_with_the_schema_line(path: Path) -> None:
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert first.startswith(PREFIX), f"{path} must start with: {schema_line(path)}"
    target = (path.parent / first.removeprefix(PREFIX).strip()).resolve()
    assert target == schema_file().resolve(), f"{path}: the $schema path does not reach schema/scenario.schema.json"


def test_schema_line_is_relative_to_where_the_file_is() -> None:
    assert schema_line(scenarios_dir() / "en" / "x.yaml") == PREFIX + "../../schema/scenario.schema.json"
    assert schema_line(scenarios_dir() / "x.yaml") == PREFIX + "../schema/scenario.schema.json"


def test_schema_examples_are_valid_values() -> None:
    schema = scenario_schema()
    themes = schema["properties"]["theme"]["examples"]
    assert set(themes) <= load_shared(scenarios_dir()).tag_ids()
    for name in ("Choice", "Message", "Node", "Ending", "Debrief"):
        for field, spec in schema["$defs"][name]["properties"].items():
            assert spec.get("description"), f"{name}.{field} needs a description for editors"
