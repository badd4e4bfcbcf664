"""Whole play-throughs: auto:SEED over every shipped scenario, keyboard only, and the CLI in headless mode."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from drive import top_name

from game.cli import build_parser
from game.content.catalog import find_scenario_files, scenarios_dir
from game.engine.beats import ChoiceBeat, SpotBeat
from game.ui.headless import ScriptError, ScriptRunner, parse_steps, step_intents
from game.ui.input import key_intent
from game.ui.intents import Choose, Next, Pointer, Submit
from game.ui.launch import open_start, play

SHIPPED = find_scenario_files(scenarios_dir() / "en", include_examples=False)
FORMAT_TOUR = scenarios_dir() / "_examples" / "format-tour.yaml"


def test_shipped_scenarios_are_found() -> None:
    assert SHIPPED, "scenarios/en holds the shipped scenarios"


@pytest.mark.parametrize("path", [*SHIPPED, FORMAT_TOUR], ids=lambda p: p.stem)
def test_auto_play_reaches_the_summary(make_app, path: Path) -> None:  # type: ignore[no-untyped-def]
    for seed in (1, 2):
        app = make_app(scenario=path, size=(1024, 600) if seed == 2 else (1280, 720))
        assert open_start(app) == 0, f"{path} has errors"
        runner = ScriptRunner(app, None)
        assert runner.run([f"auto:{seed}"]) == 0
        assert runner.reached_summary and top_name(app) == "summary"
        assert app.errors == []


def test_keyboard_only_play_through(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    app.go_title()
    app.step()
    seen: list[object] = []

    def key(name: str) -> None:
        intent = key_intent(name, bool(app.top and app.top.wants_text))
        assert intent is not None and not isinstance(intent, Pointer)
        seen.append(intent)
        app.dispatch(intent)
        app.step(0.0)

    key("return")  # Play
    assert top_name(app) == "nickname"
    key("return")  # empty field: skip
    assert top_name(app) == "picker"
    key("return")  # first card (the tutorial)
    assert top_name(app) == "content-note"
    key("return")  # Start
    for _ in range(300):
        name = top_name(app)
        if name == "summary":
            break
        if name == "player":
            beat = app.top.beat  # type: ignore[union-attr]
            if isinstance(beat, ChoiceBeat):
                key("down")
                key("up")
                key("return")
                continue
            if isinstance(beat, SpotBeat):
                key("space")  # mark the focused (first) part
                key("tab")
                key("space")
                key("s")
                continue
        key("return")
    assert top_name(app) == "summary"
    assert not any(isinstance(i, Pointer) for i in seen)


def test_script_tokens() -> None:
    assert parse_steps("next, 2  spot:1+3 submit") == ["next", "2", "spot:1+3", "submit"]
    assert step_intents("2") == [Choose(1)]
    assert step_intents("spot:1+3") == [Choose(0), Choose(2), Submit()]
    assert step_intents("next") == [Next()]
    with pytest.raises(ScriptError):
        step_intents("dance")
    with pytest.raises(ScriptError):
        step_intents("spot:0")


def test_script_file_with_comments(tmp_path: Path) -> None:
    f = tmp_path / "steps.txt"
    f.write_text("# start\nnext\n1   # first choice\n\nnext\n", encoding="utf-8")
    assert parse_steps(str(f)) == ["next", "1", "next"]


def _ns(*args: str) -> argparse.Namespace:
    return build_parser().parse_args(["play", *args])


def test_cli_headless_writes_numbered_screenshots(tmp_path: Path) -> None:
    shots = tmp_path / "shots"
    code = play(_ns("--headless", "--scenario", "format-tour", "--script", "auto:3", "--screenshots", str(shots),
                    "--data-dir", str(tmp_path / "d"), "--size", "1024x600"))
    assert code == 0
    files = sorted(p.name for p in shots.glob("*.png"))
    assert files[0] == "001-content-note.png"
    assert files[-1].endswith("-summary.png")
    assert any("feedback" in f for f in files)


def test_cli_scripted_steps_and_usage_errors(tmp_path: Path) -> None:
    d = str(tmp_path / "d")
    assert play(_ns("--headless", "--scenario", "format-tour", "--script", "next 1 next help back quickexit back",
                    "--data-dir", d)) == 0
    assert play(_ns("--headless", "--script", "dance", "--data-dir", d)) == 2
    assert play(_ns("--headless", "--size", "huge", "--data-dir", d)) == 2
    assert play(_ns("--headless", "--scenario", "no-such-story", "--data-dir", d)) == 2


def test_cli_refuses_a_broken_file_with_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nid: bad\n", encoding="utf-8")
    shots = tmp_path / "s"
    assert play(_ns("--headless", "--scenario", str(bad), "--screenshots", str(shots), "--data-dir",
                    str(tmp_path / "d"))) == 1
    assert "error[" in capsys.readouterr().err
    assert [p.name for p in shots.glob("*.png")] == ["001-diagnostics.png"]
