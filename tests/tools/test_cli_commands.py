"""The command contract: validate, schema, paths; exit codes 0/1/2 and no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.content.catalog import scenarios_dir

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"
BROKEN = ROOT / "tests" / "fixtures" / "diagnostics"


def test_validate_all_shipped_scenarios_strictly(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate", "--strict"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert out.strip().splitlines()[-1].startswith("ok: ")


def test_validate_reports_errors_with_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate", str(BROKEN / "E301.yaml")])
    out = capsys.readouterr().out
    assert code == 1
    assert "E301.yaml:70:15: error[E301]: 'end_saf' is not a node in this scenario" in out
    assert "hint: did you mean 'end_safe'?" in out


def test_strict_fails_on_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(BROKEN / "W401.yaml")]) == 0
    assert main(["validate", "--strict", str(BROKEN / "W401.yaml")]) == 1
    capsys.readouterr()


def test_validate_json(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate", "--format", "json", str(MINI), str(BROKEN / "E316.yaml")])
    data = json.loads(capsys.readouterr().out)
    assert code == 1
    assert [f["ok"] for f in data["files"]] == [True, False]
    d = data["files"][1]["diagnostics"][0]
    assert (d["code"], d["line"], d["col"], d["severity"]) == ("E316", 17, 8, "error")


def test_schema_is_json_with_author_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"].endswith("2020-12/schema")
    assert "nodes" in schema["properties"] and "debrief" in schema["properties"]
    assert schema["$defs"]["Choice"]["properties"]["goto"]["description"]
    assert schema["$defs"]["Message"]["properties"]["from"]


def test_paths_json_has_the_contract_fields(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["paths", str(MINI), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["scenario"] == "mini"
    assert {e["id"]: (e["tone"], e["reachable"], e["min_score"], e["max_score"]) for e in data["endings"]} == {
        "end_safe": ("safe", True, 0, 8), "end_help": ("help_sought", True, 0, 8),
        "end_risky": ("risky", True, -2, 6)}
    assert data["decision_points"] == ["ad", "chat", "choice"]
    assert data["unreachable_nodes"] == [] and data["paths"] == 6


def test_paths_by_shipped_id_and_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["paths", "format-tour"]) == 0
    out = capsys.readouterr().out
    assert "end_safe" in out and "best score: 13" in out


def test_paths_usage_and_content_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["paths", "no-such-scenario"]) == 2
    assert main(["paths", str(BROKEN / "E301.yaml")]) == 1
    err = capsys.readouterr().err
    assert "error[E301]" in err


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["frobnicate"]) == 2
    capsys.readouterr()


def test_main_py_runs_as_a_subprocess_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"\xff\xfe garbage")
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "validate", str(bad)],
                          capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    assert "error[E102]" in proc.stdout


def test_shipped_scenarios_folder_exists() -> None:
    assert (scenarios_dir() / "tags.yaml").is_file()
    assert (scenarios_dir() / "resources.yaml").is_file()


def test_play_builds_only_its_own_parser_and_help_still_lists_every_command(capsys) -> None:  # type: ignore[no-untyped-def]
    from game.cli import build_parser

    quick = build_parser(only_play=True)
    assert quick.parse_args(["play", "--headless"]).headless
    assert main(["--help"]) == 0
    listed = capsys.readouterr().out
    assert all(name in listed for name in ("play", "validate", "schema", "paths", "report", "guide", "graph",
                                           "import-twee", "new"))


def test_log_warnings_are_formatted_without_logging_being_set_up_at_start() -> None:
    code = ("import sys; from game.session import log; assert 'logging' not in sys.modules; "
            "log.warning('image %s not shown', 'x.png')")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).resolve().parents[2])
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == "WARNING: image x.png not shown"


def test_the_window_opens_before_the_content_model_loads() -> None:
    """`play` (the title's first frame) never waits for pydantic: the command table, the launcher, the App and the
    trace load it only when a story is opened."""
    code = ("import sys; import game.cli, game.ui.launch, game.ui.app, game.session.trace, game.ui.scene_stack; "
            "heavy = [m for m in ('pydantic', 'game.content.schema', 'game.session.catalog') if m in sys.modules]; "
            "assert not heavy, heavy")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).resolve().parents[2],
                          env={"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stderr
