"""`new ID`: the scaffold validates strictly, plays to every ending, explains its fields and never overwrites."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.cli import main
from game.engine.autoplay import play_random
from game.engine.state import Phase
from game.session.check import check_file
from game.tools.scaffold import title_for
from game.tools.schema_export import schema_file


@pytest.fixture()
def made(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    out = tmp_path / "pack" / "en" / "my-story.yaml"
    assert main(["new", "my-story", "-o", str(out)]) == 0
    assert "wrote" in capsys.readouterr().out
    return out


def test_new_scenario_validates_strictly(made: Path) -> None:
    checked = check_file(made)
    assert checked.diagnostics == [], [d.format() for d in checked.diagnostics]
    scn = checked.entry.scenario
    assert scn is not None and scn.id == "my-story" and scn.title == "My story"
    assert checked.exploration is not None
    assert all(e.reachable for e in checked.exploration.endings)
    assert {e.tone for e in checked.exploration.endings} == {"safe", "help_sought", "risky"}


def test_new_scenario_plays_to_every_ending(made: Path) -> None:
    scn = check_file(made).entry.scenario
    assert scn is not None
    endings = {nid for nid, n in scn.nodes.items() if n.ending is not None}
    seen: set[str] = set()
    for seed in range(200):
        st, _ = play_random(scn, seed)
        assert st.phase is Phase.SUMMARY
        seen.add(st.node)
        if seen == endings:
            break
    assert seen == endings


def test_new_scenario_starts_with_the_schema_line_and_comments_every_top_level_field(made: Path) -> None:
    lines = made.read_text(encoding="utf-8").splitlines()
    ref = lines[0].removeprefix("# yaml-language-server: $schema=")
    assert ref != lines[0] and (made.parent / ref).resolve() == schema_file().resolve()
    for i, line in enumerate(lines):
        if re.match(r"[a-z_]+:", line):
            assert "#" in line or lines[i - 1].startswith("#"), f"no comment explains: {line}"


def test_new_writes_to_scenarios_en_by_default_and_never_overwrites(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["new", "first"]) == 0
    out = tmp_path / "scenarios" / "en" / "first.yaml"
    assert out.is_file()
    assert out.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")
    out.write_text("# my work\n", encoding="utf-8")
    assert main(["new", "first"]) == 2
    assert out.read_text(encoding="utf-8") == "# my work\n"
    assert "already exists" in capsys.readouterr().err


@pytest.mark.parametrize("bad", ["Big", "_x", "has space", "a" * 65])
def test_new_refuses_invalid_ids(bad: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", bad, "-o", str(tmp_path / "x.yaml")]) == 2
    assert "not a valid id" in capsys.readouterr().err
    assert not (tmp_path / "x.yaml").exists()


def test_titles_from_ids() -> None:
    assert title_for("my-first_story") == "My first story"
    assert title_for("2fa.help") == "2fa help"
    assert len(title_for("a" * 64)) <= 60
