"""docs/authoring.md cannot drift: every YAML and Twee example is extracted and checked."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import TypeAdapter

from game.content import schema
from game.content.catalog import scenarios_dir
from game.content.diagnostics import CODES, Diagnostic, DiagnosticBag
from game.content.loader import load_text_bytes
from game.content.schema import Scenario
from game.content.yamlread import read_yaml
from game.session.check import check_file, check_pack_giveaways
from game.tools.scaffold import scaffold
from game.tools.schema_export import scenario_schema
from game.tools.twee import TWEE_CODES, parse_twee
from game.tools.twee_yaml import to_scenario_yaml

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "authoring.md"
TEXT = GUIDE.read_text(encoding="utf-8")
BLOCKS = re.findall(r"^```(yaml|twee)\n(.*?)^```", TEXT, re.M | re.S)
YAML_BLOCKS = [b for kind, b in BLOCKS if kind == "yaml"]
TWEE_BLOCKS = [b for kind, b in BLOCKS if kind == "twee"]
FRAGMENTS = [b for b in YAML_BLOCKS if b.startswith("# fragment: ")]
BROKEN = [b for b in YAML_BLOCKS if b.startswith("# broken: ")]
COMPLETE = [b for b in YAML_BLOCKS if b.startswith("# yaml-language-server: ")]
NOT_UTF8 = {"E100", "E101", "E102", "E103", "E113", "E323"}  # need a file beside the YAML text, or a
# 10,000-character one (E113); described in words


def _first(block: str) -> str:
    return block.split("\n", 1)[0]


def test_every_yaml_block_is_marked() -> None:
    assert YAML_BLOCKS and len(FRAGMENTS) + len(BROKEN) + len(COMPLETE) == len(YAML_BLOCKS), [
        _first(b) for b in YAML_BLOCKS if b not in FRAGMENTS + BROKEN + COMPLETE]


def test_the_tutorial_block_is_exactly_what_new_writes() -> None:
    assert COMPLETE[0] == scaffold("my-first-story", Path("scenarios/en/my-first-story.yaml"))


@pytest.mark.parametrize("block", COMPLETE, ids=[f"complete{i}" for i in range(len(COMPLETE))])
def test_complete_scenarios_validate_strictly(block: str, tmp_path: Path) -> None:
    path = tmp_path / "en" / "story.yaml"
    path.parent.mkdir()
    path.write_text(block, encoding="utf-8")
    checked = check_file(path)
    assert checked.diagnostics == [], [d.format() for d in checked.diagnostics]


MODELS: dict[str, Any] = {"Condition": TypeAdapter(schema.Condition)}


@pytest.mark.parametrize("block", FRAGMENTS, ids=[_first(b)[12:] for b in FRAGMENTS])
def test_fragments_are_valid_pieces(block: str) -> None:
    name = _first(block).removeprefix("# fragment: ").strip()
    bag = DiagnosticBag("guide")
    parsed = read_yaml(block, bag)
    assert parsed is not None, [d.format() for d in bag.items]
    model = MODELS.get(name) or TypeAdapter(getattr(schema, name))
    model.validate_python(parsed[0])


class Core12Loader(yaml.SafeLoader):
    """yaml.safe_load with only true/false as flags (YAML 1.2, as the game reads): `on`, `off`, `yes` and `no` stay
    text, so a broken example that uses them keeps them when it is merged into the tutorial."""


Core12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
Core12Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                   list("tTfF"))


def _merge(base: Any, patch: Any) -> Any:
    """Mappings merge key by key; anything else (lists, text, null) replaces."""
    if isinstance(base, dict) and isinstance(patch, dict):
        out = dict(base)
        for key, value in patch.items():
            out[key] = _merge(base[key], value) if key in base else value
        return out
    return patch


def _broken_codes(block: str, tmp_path: Path) -> set[str]:
    """Codes reported for a broken example."""
    return {d.code for d in _broken_diagnostics(block, tmp_path)}


def _broken_diagnostics(block: str, tmp_path: Path) -> list[Diagnostic]:
    """What a broken example reports: alone when it is not a mapping, else merged into the tutorial."""
    bag = DiagnosticBag("guide")
    parsed = read_yaml(block, bag)
    if parsed is None or not isinstance(parsed[0], dict):
        return load_text_bytes(block.encode("utf-8"), Scenario, "guide").diagnostics
    if "resources" in parsed[0]:  # a pack's resources.yaml, checked as validate checks it
        from game.session.check import check_shared_file

        (tmp_path / "resources.yaml").write_text(block, encoding="utf-8")
        return check_shared_file(tmp_path / "resources.yaml")
    base = yaml.load(COMPLETE[0], Core12Loader)
    merged = yaml.safe_dump(_merge(base, yaml.load(block, Core12Loader)), sort_keys=False, allow_unicode=True)
    lang = "en"
    if "lang" in parsed[0]:  # a translation: the tutorial is the English reference beside it
        lang = parsed[0]["lang"]
        (tmp_path / "en").mkdir()
        (tmp_path / "en" / "story.yaml").write_text(COMPLETE[0], encoding="utf-8")
    copies = 4 if "# in 4 files of one pack" in block else 1  # a pack-wide check (W409): a pack of four
    if copies > 1:
        (tmp_path / "tags.yaml").write_text((scenarios_dir() / "tags.yaml").read_text(encoding="utf-8"),
                                            encoding="utf-8")
    paths = []
    for k in range(copies):
        path = tmp_path / lang / ("story.yaml" if copies == 1 else f"story-{k + 1}.yaml")
        path.parent.mkdir(exist_ok=True)
        path.write_text(merged if copies == 1 else merged.replace("id: my-first-story", f"id: story-{k + 1}"),
                        encoding="utf-8")
        paths.append(path)
    checked = [check_file(p) for p in paths]
    check_pack_giveaways(checked)
    return [d for c in checked for d in c.diagnostics]


@pytest.mark.parametrize("block", BROKEN, ids=[_first(b)[10:] for b in BROKEN])
def test_broken_examples_report_their_code(block: str, tmp_path: Path) -> None:
    code = _first(block).removeprefix("# broken: ").strip()
    assert code in CODES
    assert code in _broken_codes(block, tmp_path)


SHOWN_OUTPUT = re.findall(r"^```yaml\n(# broken: [^`]*?)^```\n\n```output\n(.*?)^```", TEXT, re.M | re.S)
"""Broken examples followed by the diagnostics they print (without the `file:line:col: ` in front)."""


@pytest.mark.parametrize(("block", "shown"), SHOWN_OUTPUT, ids=[_first(b)[10:] for b, _ in SHOWN_OUTPUT])
def test_broken_examples_print_what_the_guide_shows(block: str, shown: str, tmp_path: Path) -> None:
    printed = "\n".join(d.format().split(": ", 1)[1] for d in _broken_diagnostics(block, tmp_path))
    for entry in re.split(r"\n(?=\S)", shown.strip("\n")):
        assert entry in printed, (entry, printed)


def test_some_broken_examples_show_their_output() -> None:
    assert len(SHOWN_OUTPUT) >= 1


def test_every_code_is_documented_with_an_example() -> None:
    headed = set(re.findall(r"^#### ([ETW]\d{3}) — ", TEXT, re.M))
    assert headed == set(CODES) | set(TWEE_CODES)
    shown = {_first(b).removeprefix("# broken: ") for b in BROKEN}
    assert shown == set(CODES) - NOT_UTF8
    twee_shown = {_first(b).removeprefix("broken: ") for b in TWEE_BLOCKS if b.startswith("broken: ")}
    assert twee_shown == set(TWEE_CODES) - {"T100"}


@pytest.mark.parametrize("block", [b for b in TWEE_BLOCKS if b.startswith("broken: ")],
                         ids=[_first(b)[8:] for b in TWEE_BLOCKS if b.startswith("broken: ")])
def test_broken_twee_examples_report_their_code(block: str) -> None:
    story, diags = parse_twee(block, "guide.twee")
    assert story is None
    assert _first(block).removeprefix("broken: ") in {d.code for d in diags}


def test_the_twee_example_imports_and_validates(tmp_path: Path) -> None:
    good = [b for b in TWEE_BLOCKS if not b.startswith("broken: ")]
    assert len(good) == 1
    story, diags = parse_twee(good[0], "gift-card.twee")
    assert story is not None and diags == []
    out = tmp_path / "gift-card.yaml"
    text, todo = to_scenario_yaml(story, "gift-card", "gift-card.twee", "schema.json", str(out))
    out.write_text(text, encoding="utf-8")
    checked = check_file(out)
    assert checked.errors == [], [d.format() for d in checked.diagnostics]
    assert todo == ["line 7, passage 'StoryInit' was not imported (variables it sets start with those values): "
                    "<<set $asked to false>>"]


def test_every_field_of_the_schema_is_in_the_guide() -> None:
    spec = scenario_schema()
    section = TEXT.split("## Every field", 1)[1].split("\n## Every check", 1)[0]
    missing = []
    for name, model in [("Scenario", spec), *spec["$defs"].items()]:
        for field in model.get("properties", {}):
            if f"`{field}`" not in section and f"{field}:" not in section:
                missing.append(f"{name}.{field}")
    assert missing == []


def test_guide_commands_exist() -> None:
    for command in set(re.findall(r"python main\.py ([a-z-]+)", TEXT)):
        assert command in {"new", "validate", "paths", "play", "graph", "schema", "import-twee"}, command


SESSIONS = re.findall(r"^```\n\$ (python main\.py [^\n]+)\n(.*?)^```", TEXT, re.M | re.S)


def _session(prefix: str, exact: bool = False) -> tuple[list[str], str]:
    found = [(cmd, out) for cmd, out in SESSIONS if (cmd == prefix if exact else cmd.startswith(prefix))]
    assert len(found) == 1, prefix
    return found[0][0].split()[2:], found[0][1]


def test_documented_sessions_print_what_the_guide_shows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    from game.cli import main

    monkeypatch.chdir(tmp_path)
    assert len(SESSIONS) == 7
    args, shown = _session("python main.py new ")
    assert main(args) == 0 and capsys.readouterr().out == shown
    args, shown = _session("python main.py validate scenarios/en/my-first-story.yaml --strict")
    assert main(args) == 0 and capsys.readouterr().out == shown
    args, shown = _session("python main.py paths my-first-story", exact=True)
    assert main(["paths", "scenarios/en/my-first-story.yaml"]) == 0 and capsys.readouterr().out == shown
    args, shown = _session("python main.py paths my-first-story --routes", exact=True)
    assert main(["paths", "scenarios/en/my-first-story.yaml", "--routes"]) == 0 and capsys.readouterr().out == shown
    cmd, shown = next((c, o) for c, o in SESSIONS if c.startswith("python main.py play --headless"))
    args = shlex.split(cmd)[2:]
    args[args.index("--scenario") + 1] = "scenarios/en/my-first-story.yaml"
    assert main(args) == 1 and capsys.readouterr().err == shown
    story = tmp_path / "scenarios" / "en" / "my-first-story.yaml"
    story.write_text(story.read_text(encoding="utf-8").replace("goto: end_safe", "goto: end_saf", 1), encoding="utf-8")
    args, shown = _session("python main.py validate scenarios/en/my-first-story.yaml", exact=True)
    assert main(args) == 1 and capsys.readouterr().out == shown
    twee = [b for b in TWEE_BLOCKS if not b.startswith("broken: ")][0]
    (tmp_path / "gift-card.twee").write_text(twee, encoding="utf-8")
    args, shown = _session("python main.py import-twee ")
    assert main(args) == 0 and capsys.readouterr().out == shown
