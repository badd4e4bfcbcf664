"""The documented length limits are enforced in the model and the committed schema, located at the field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from story_edit import check_text, edited, line_of

from game.tools.schema_export import schema_file

CASES = [  # (what is replaced, by what, the field's limit)
    ("title: My first story", "title: " + "A" * 225, 60),
    ("    name: alex_draws", "    name: " + "n" * 61, 60),
    ("      - text: Ask my friend Mia first", "      - text: " + "a" * 170, 160),
    ("      title: You stayed in control", "      title: " + "t" * 81, 80),
    ("        text: You remember what Mia said.", "        text: " + "w" * 1001, 1000),
]


@pytest.mark.parametrize(("old", "new", "limit"), CASES, ids=["title", "name", "choice", "ending", "message"])
def test_a_text_over_its_limit_is_one_located_error(old: str, new: str, limit: int, tmp_path: Path) -> None:
    text = edited((old, new))
    diags = check_text(text, tmp_path)
    errors = [d for d in diags if d.severity.value == "error"]
    assert len(errors) == 1, [d.format() for d in diags]
    d = errors[0]
    too = len(new.split(": ", 1)[1])
    assert d.code == "E203" and f"is {too:,} characters long; the limit is {limit:,}" in d.message
    assert d.line == line_of(text, new) and d.col == len(new.split(": ", 1)[0]) + 3
    assert f"{limit:,} characters or fewer" in d.hint


def test_a_text_at_its_limit_passes(tmp_path: Path) -> None:
    assert check_text(edited(("title: My first story", "title: " + "A" * 60)), tmp_path) == []


def _field(spec: dict, *path: str) -> dict:
    for part in path:
        spec = spec[part]
    return spec


def test_the_committed_schema_has_the_limits() -> None:
    spec = json.loads(schema_file().read_text(encoding="utf-8"))
    defs = spec["$defs"]
    assert spec["properties"]["title"]["maxLength"] == 60
    assert defs["Character"]["properties"]["name"]["maxLength"] == 60
    assert defs["Choice"]["properties"]["text"]["maxLength"] == 160
    assert defs["Toggle"]["properties"]["label"]["maxLength"] == 80
    assert _field(defs, "Card", "properties", "body", "anyOf")[0]["maxLength"] == 1500
    assert defs["Message"]["properties"]["text"]["maxLength"] == 1000


def test_every_text_field_of_the_schema_has_a_limit() -> None:
    spec = json.loads(schema_file().read_text(encoding="utf-8"))
    unlimited = []
    paths = {"avatar", "image"}  # picture paths: over 1024 characters they are reported missing (E311)
    for name, model in [("Scenario", spec), *spec["$defs"].items()]:
        for field, fspec in model.get("properties", {}).items():
            options = fspec.get("anyOf", [fspec])
            for opt in options:
                strings = [opt, opt.get("items", {}), opt.get("additionalProperties", {})]
                for s in strings:
                    if isinstance(s, dict) and s.get("type") == "string" and "maxLength" not in s \
                            and "pattern" not in s and "enum" not in s and field not in paths:
                        unlimited.append(f"{name}.{field}")
    ids = {"Scenario.theme", "Choice.tags", "SpotPart.tags", "RedFlag.tags", "Debrief.tactics",
           "Debrief.resources"}  # tag and resource ids, checked against tags.yaml and resources.yaml (E306, E307)
    values = {"VarEquals.equals"}  # variable values: true/false, numbers or text (E322 checks the type)
    assert set(unlimited) <= ids | values, sorted(set(unlimited) - ids - values)
