"""A settings toggle's state is a real true/false under `enabled:`; the old `on:` gets a located error saying what
to write; the committed JSON Schema accepts every shipped file as editors read it (`yaml.safe_load`, YAML 1.1)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from story_edit import check_text, edited, line_of

from game.content.catalog import find_scenario_files, scenarios_dir
from game.content.loader import load_scenario
from game.tools.schema_export import schema_file

SHIPPED = find_scenario_files(scenarios_dir())  # every language folder and the examples
SETTINGS = '''  privacy:
    screen: settings
    card:
      title: Privacy
      toggles:
        - id: location
          label: Share my location
          {state}
    choices:
      - text: Turn it off
        goto: end_safe
        toggle: location
'''


def _with_settings(state: str) -> str:
    return edited(("  end_safe:\n", SETTINGS.format(state=state) + "\n  end_safe:\n"),
                  ("        goto: end_safe\n        points: 3\n", "        goto: privacy\n        points: 3\n"))


@pytest.mark.parametrize(("old", "write"), [("on: off", "enabled: false"), ("on: no", "enabled: false"),
                                            ("on: true", "enabled: true"), ("on: yes", "enabled: true")])
def test_the_old_key_is_one_located_error_saying_what_to_write(old: str, write: str, tmp_path: Path) -> None:
    text = _with_settings(old)
    errors = [d for d in check_text(text, tmp_path) if d.severity.value == "error"]
    assert len(errors) == 1, [d.format() for d in errors]
    d = errors[0]
    assert (d.code, d.line, d.col) == ("E201", line_of(text, old), 11)
    assert "`on:` is now written `enabled:`" in d.message and f"write `{write}`" in d.hint


@pytest.mark.parametrize("value", ["off", "no", "yes", "1", '"true"'])
def test_enabled_takes_only_true_or_false(value: str, tmp_path: Path) -> None:
    text = _with_settings(f"enabled: {value}")
    errors = [d for d in check_text(text, tmp_path) if d.severity.value == "error"]
    assert [(d.code, d.line) for d in errors] == [("E203", line_of(text, f"enabled: {value}"))], \
        [d.format() for d in errors]
    assert "true or false" in errors[0].hint


@pytest.mark.parametrize(("value", "state"), [("true", True), ("false", False)])
def test_enabled_is_a_real_boolean(value: str, state: bool, tmp_path: Path) -> None:
    text = _with_settings(f"enabled: {value}")
    assert check_text(text, tmp_path) == []
    loaded = load_scenario(tmp_path / "en" / "story.yaml")
    assert loaded.model is not None
    card = loaded.model.nodes["privacy"].card
    assert card is not None and card.toggles[0].enabled is state


def test_shipped_files_use_enabled() -> None:
    for path in SHIPPED:
        scn = load_scenario(path).model
        assert scn is not None, path
        for node in scn.nodes.values():
            for t in node.card.toggles if node.card else []:
                assert isinstance(t.enabled, bool)


@pytest.mark.parametrize("path", SHIPPED, ids=[f"{p.parent.name}/{p.stem}" for p in SHIPPED])
def test_the_committed_schema_accepts_every_shipped_file_as_editors_read_it(path: Path) -> None:
    spec = json.loads(schema_file().read_text(encoding="utf-8"))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))  # YAML 1.1, as editors and most tools read it
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
              for e in jsonschema.Draft202012Validator(spec).iter_errors(data)]
    assert errors == []


def test_the_schema_check_would_catch_the_old_key() -> None:
    spec = json.loads(schema_file().read_text(encoding="utf-8"))
    data = yaml.safe_load(_with_settings("on: false"))
    assert not jsonschema.Draft202012Validator(spec).is_valid(data)
