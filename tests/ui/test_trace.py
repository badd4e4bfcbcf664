"""`play --trace FILE`: JSON Lines of what each screen showed, every choice, spot answer, vote, replay and ending."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game import cli
from game.content.catalog import scenarios_dir
from game.session.trace import Trace
from game.ui.headless import ScriptRunner
from game.ui.launch import open_start

ROOT = Path(__file__).resolve().parents[2]
LOVERBOY = scenarios_dir() / "en" / "loverboy.yaml"
TUTORIAL = scenarios_dir() / "en" / "tutorial.yaml"


def _played(make_app, path: Path, steps: list[str], **kw: object) -> Trace:  # type: ignore[no-untyped-def]
    trace = Trace()
    app = make_app(scenario=path, trace=trace, **kw)
    assert open_start(app) == 0
    assert ScriptRunner(app, None).run(steps) == 0
    return trace


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_whole_play_is_traced_in_order(make_app, seed: int) -> None:  # type: ignore[no-untyped-def]
    trace = _played(make_app, LOVERBOY, [f"auto:{seed}"])
    kinds = [r["event"] for r in trace.records]
    assert kinds[0] == "node" and trace.records[0]["node"] == "intro" and trace.records[0]["scenario"] == "loverboy"
    assert kinds[-1] == "end" and kinds.count("end") == 1
    nodes = trace.events("node")
    assert all(set(r) == {"event", "scenario", "node", "screen", "app", "with", "messages", "thread"} for r in nodes)
    convo: dict[tuple, list] = {}
    for r in nodes:  # living threads: a chat shows what it showed before, then the new messages
        if r["screen"] in ("dm", "sms", "game_lobby"):
            before = convo.setdefault((r["screen"], r["app"], r["with"]), [])
            assert r["thread"][:len(before)] == before, "what a chat showed stays in it"
            assert r["thread"][len(r["thread"]) - len(r["messages"]):] == r["messages"]
            before[:] = r["thread"]
        elif r["screen"] != "feed":
            assert r["thread"] == r["messages"]
    for r in trace.events("choice"):
        shown = [o["shown"] for o in r["options"]]
        assert shown == list(range(1, len(shown) + 1)) and r["chosen"] in [o["index"] for o in r["options"]]
        points = {o["index"]: o["points"] for o in r["options"]}
        top, got = max(points.values()), points[r["chosen"]]
        assert r["verdict"] == ("best" if got == top else "risky" if got <= 0 or got == min(points.values())
                                else "partial")
    for r in trace.events("spot"):
        assert set(r["marked"]) <= {p["index"] for p in r["parts"]} and isinstance(r["points"], int)
    first = {}
    for r in nodes:
        first.setdefault(r["node"], r)
    for r in trace.events("replay"):  # the replay shows what the first visit showed (plus a spot task's text)
        assert r["messages"][:len(first[r["node"]]["messages"])] == first[r["node"]]["messages"]
    end = trace.records[-1]
    assert end["tone"] in ("safe", "risky", "help_sought") and 1 <= end["stars"] <= 3 and end["best"] >= end["score"]


def test_trace_choice_points_match_the_score(make_app) -> None:  # type: ignore[no-untyped-def]
    trace = _played(make_app, TUTORIAL, ["auto:5"])
    total = 0
    for r in trace.records:
        if r["event"] == "choice":
            total += next(o["points"] for o in r["options"] if o["index"] == r["chosen"])
        elif r["event"] == "spot":
            total += r["points"]
    assert total == trace.records[-1]["score"]


def test_facilitator_votes_are_traced(make_app) -> None:  # type: ignore[no-untyped-def]
    trace = _played(make_app, TUTORIAL, ["next", "next", "vote:2,9,1"], facilitator=True)
    votes = trace.events("vote")
    assert votes and votes[0]["counts"] == [2, 9, 1] and votes[0]["hands"] == 12 and votes[0]["devices"] == 0
    choice = trace.events("choice")[0]
    assert votes[0]["followed"] == choice["chosen"] == choice["options"][1]["index"]
    assert trace.records.index(votes[0]) == trace.records.index(choice) - 1


def test_trace_file_is_json_lines_flushed_per_line(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    trace = Trace.to_file(path)
    trace.emit({"event": "node", "node": "a"})
    trace.emit({"event": "end", "ending": "b"})
    lines = path.read_text(encoding="utf-8").splitlines()  # read while still open: a crash here leaves these
    assert [json.loads(x)["event"] for x in lines] == ["node", "end"]
    trace.close()


def test_play_headless_writes_the_trace_file(tmp_path: Path) -> None:
    out = tmp_path / "trace.jsonl"
    code = cli.main(["play", "--headless", "--scenario", "tutorial", "--script", "auto:7", "--trace", str(out),
                     "--data-dir", str(tmp_path / "d")])
    assert code == 0
    records = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert records[0]["event"] == "node" and records[-1]["event"] == "end"


def test_a_killed_play_leaves_a_valid_prefix(tmp_path: Path) -> None:
    out = tmp_path / "trace.jsonl"
    code = ("import os, sys; from game.session import play as P; real = P.PlaySession.advance\n"
            "def boom(self):\n"
            "    real(self)\n"
            "    if len(self.state.visited) >= 3: os._exit(9)\n"
            "P.PlaySession.advance = boom\n"
            "from game.cli import main\n"
            f"main(['play', '--headless', '--scenario', 'tutorial', '--script', 'auto:7', '--trace', {str(out)!r}, "
            f"'--data-dir', {str(tmp_path / 'd')!r}])")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 9, proc.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 3 and all(json.loads(x)["event"] for x in lines)


@pytest.mark.parametrize("where", ["missing/dir/t.jsonl", "."])
def test_a_trace_that_cannot_be_written_is_a_usage_error(tmp_path: Path, where: str, capsys) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / where
    code = cli.main(["play", "--headless", "--scenario", "tutorial", "--script", "auto:1", "--trace", str(target),
                     "--data-dir", str(tmp_path / "d")])
    assert code == 2
    err = capsys.readouterr().err
    assert "cannot write the trace" in err and "Traceback" not in err
