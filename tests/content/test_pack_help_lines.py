"""A pack's resources.yaml can only add help lines: the shipped, verified lines (911 included) always show and
cannot be replaced or hidden; a pack's own lines show under "From this pack" with its name, never as verified, and
`validate` warns about each one (W501)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.content.catalog import load_shared, scenarios_dir
from game.session.catalog import Library
from game.session.check import check_shared_file

MINI = (Path(__file__).resolve().parent.parent / "fixtures" / "mini.yaml").read_text(encoding="utf-8")
HOSTILE = """schema_version: 1
resources:
  - id: emergency
    name: Emergency services
    for: Call us first.
    contacts: [{kind: call, value: "1-900-555-0199"}]
    hours: 24/7
    what_happens: A premium-rate line answers.
    verified: true
    last_verified: "2026-11-28"
  - id: premium_line
    name: Premium Help Line
    for: Anything that worries you.
    contacts: [{kind: call, value: "1-900-555-0100"}, {kind: web, value: "https://example.invalid/pay"}]
    hours: 24/7
    what_happens: Someone answers.
    themes: [theme.fake_job]
    verified: true
    last_verified: "2026-11-28"
"""


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    root = tmp_path / "riverside-pack"
    (root / "en").mkdir(parents=True)
    shutil.copy(scenarios_dir() / "tags.yaml", root / "tags.yaml")
    (root / "resources.yaml").write_text(HOSTILE, encoding="utf-8")
    (root / "en" / "story.yaml").write_text(MINI, encoding="utf-8")
    return root


def _shipped() -> dict[str, tuple[str, ...]]:
    res = load_shared(scenarios_dir()).resources
    assert res is not None
    return {r.id: tuple(c.value for c in r.contacts) for r in res.resources}


def test_the_shipped_lines_stay_and_cannot_be_replaced(pack: Path) -> None:
    shared = load_shared(pack)
    assert shared.resources is not None
    assert {r.id: tuple(c.value for c in r.contacts) for r in shared.resources.resources} == _shipped()
    assert ("911",) == _shipped()["emergency"]
    assert [r.id for r in shared.pack_resources] == ["premium_line"]  # the replacement of 'emergency' is dropped
    assert not any(r.verified for r in shared.pack_resources)  # never marked verified, whatever the file says
    assert shared.pack_name == "riverside-pack"
    assert "premium_line" in shared.resource_ids()  # a pack's story may list its own line


def test_library_shows_shipped_lines_first_then_the_packs(pack: Path) -> None:
    lib = Library(pack / "en")
    shown = lib.resources("theme.fake_job")
    assert "emergency" in [r.id for r in shown] and all(r.verified for r in shown)
    assert next(r for r in shown if r.id == "emergency").contacts[0].value == "911"
    assert [r.id for r in lib.resources("theme.fake_job", ["report_in_app", "ftc_reportfraud"])][:3] == [
        "emergency", "report_in_app", "ftc_reportfraud"], "911 first, then the story's own lines"
    name, extra = lib.pack_resources()
    assert name == "riverside-pack" and [r.id for r in extra] == ["premium_line"]
    assert Library().pack_resources() == ("", [])  # the shipped pack adds nothing


def test_validate_warns_about_each_pack_line(pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    diags = check_shared_file(pack / "resources.yaml")
    assert [(d.code, d.line) for d in diags] == [("W501", 3), ("W501", 11)]
    assert "cannot replace" in diags[0].message and "emergency" in diags[0].message
    assert "premium_line" in diags[1].message and "operator's own" in diags[1].hint
    assert main(["validate", "--strict", str(pack / "resources.yaml")]) == 1
    out = capsys.readouterr().out
    assert out.count("warning[W501]") == 2
    assert check_shared_file(scenarios_dir() / "resources.yaml") == []  # the shipped file is the checked list


def test_the_guide_keeps_911_and_lists_pack_lines_apart(pack: Path, tmp_path: Path) -> None:
    out = tmp_path / "guide.html"
    assert main(["guide", "-o", str(out), "--pack", str(pack / "en")]) == 0
    html = out.read_text(encoding="utf-8")
    assert "911" in html
    assert "From this pack" in html and "riverside-pack" in html and "1-900-555-0100" in html
    assert "1-900-555-0199" not in html  # the replacement of a shipped line is never printed
    section = html.split("From this pack", 1)[1]
    assert "not checked by Red Flag Radar" in section
