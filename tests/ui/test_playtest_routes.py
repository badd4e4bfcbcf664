"""`paths --routes` prints one shortest script per ending, and `play --headless --script` replays each one to its
ending (every shipped story in every language; one App per story, in-process); steps that do not fit their screen,
and failed expects, exit 1."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import Iterator

import pytest

from game.content.catalog import find_scenario_files, scenarios_dir
from game.content.loader import load_scenario
from game.session.routes import shortest_routes
from game.ui.headless import ScriptRunner, parse_steps

SHIPPED = [p for p in find_scenario_files(scenarios_dir()) if p.parent.name in ("en", "es", "_examples")]


def _open(app, path: Path) -> None:  # type: ignore[no-untyped-def]
    """The screens `play --scenario PATH` opens with: the title and picker under the story's content note."""
    from game.ui.scenes.content_note import ContentNoteScene
    from game.ui.scenes.picker import PickerScene
    from game.ui.scenes.title import TitleScene

    item = app.library.item_for_path(path)
    assert item.ok, item.diagnostics
    app.reset(TitleScene(app), PickerScene(app), ContentNoteScene(app, item))


@pytest.fixture(scope="module")
def records() -> Iterator[Path]:
    """A data folder in memory when the system has one (the plays are recorded as `play` records them)."""
    shm = Path("/dev/shm")
    with tempfile.TemporaryDirectory(dir=shm if shm.is_dir() else None) as tmp:
        yield Path(tmp)


@pytest.mark.slow  # about 0.5 s of CPU per story: every route is played through the real screens
@pytest.mark.parametrize("path", SHIPPED, ids=[f"{p.parent.name}/{p.stem}" for p in SHIPPED])
def test_every_printed_route_replays_to_its_ending(path: Path, records: Path, make_app,
                                                   capsys) -> None:  # type: ignore[no-untyped-def]
    app = make_app(size=(800, 600), data_dir=records / f"{path.parent.name}-{path.stem}")
    scn = load_scenario(path).model
    assert scn is not None, path
    routes, capped = shortest_routes(scn)
    assert not capped
    endings = [nid for nid, n in scn.nodes.items() if n.ending is not None]
    assert [r.ending for r in routes] == endings  # every shipped ending is reachable, so each has a route
    for r in routes:
        _open(app, path)
        code = ScriptRunner(app, None).run(parse_steps(r.script()))
        assert code == 0, (r.ending, r.script(), capsys.readouterr().err)
        st = app.top.session.state
        assert st.node == r.ending and st.score == r.score, (r.script(), [(s.node, s.choice) for s in st.steps])


def test_paths_routes_prints_them(capsys) -> None:  # type: ignore[no-untyped-def]
    from game.cli import main

    assert main(["paths", "tutorial", "--routes"]) == 0
    out = capsys.readouterr().out.split("routes (", 1)[1].split("\n")[1:]
    scn = load_scenario(scenarios_dir() / "en" / "tutorial.yaml").model
    assert scn is not None
    printed = [line.split(None, 1) for line in out if line.strip()]
    assert printed == [[r.ending, r.script()] for r in shortest_routes(scn)[0]]


def _run(app, path: Path, script: str, capsys) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    _open(app, path)
    code = ScriptRunner(app, None).run(parse_steps(script))
    return code, capsys.readouterr().err


TUTORIAL = scenarios_dir() / "en" / "tutorial.yaml"


MISFITS = [
    ("next next 1 next 7", "step 5 '7': option 7 is not on the choice at node 'plan' (2 option(s))"),
    ("next spot:1", "step 2 'spot:1': there is no spot task on the narration screen at node 'welcome'"),
    ("next 2", "step 2 '2': there are no options on the narration screen at node 'welcome'"),
    ("next submit", "step 2 'submit': there is no spot task to submit on the narration screen at node 'welcome'"),
    ("next expect:plan", "step 2 'expect:plan': the story is at the narration screen at node 'welcome', not at "
                         "node 'plan'"),
    ("next expect:welcom", "has no node 'welcom'; did you mean 'welcome'?"),
    ("next next 1 expect:team=3", "step 4 'expect:team=3': 'team' is"),
    ("next expect:ending=end_safe", "the story is at the narration screen at node 'welcome', not at ending"),
    ("next expect:ending=end_saf", "has no ending 'end_saf'; did you mean 'end_safe'?"),
]


def test_a_step_that_does_not_fit_exits_1_naming_the_step_and_the_screen(make_app,
                                                                         capsys) -> None:  # type: ignore[no-untyped-def]
    app = make_app(size=(800, 600))  # one App for every case: each run opens the story again
    for script, says in MISFITS:
        code, err = _run(app, TUTORIAL, script, capsys)
        assert code == 1 and says in err, (script, err)


def test_expects_that_hold_pass(make_app, capsys) -> None:  # type: ignore[no-untyped-def]
    scn = load_scenario(TUTORIAL).model
    assert scn is not None
    route = shortest_routes(scn)[0][0]
    first_var = next(iter(scn.variables))
    script = f"next expect:welcome expect:{first_var}={str(scn.variables[first_var]).lower()} " + \
             " ".join(route.steps[1:])
    code, err = _run(make_app(size=(800, 600)), TUTORIAL, script, capsys)
    assert code == 0, err


def test_an_unknown_expect_is_a_usage_error() -> None:
    from game.ui.headless import ScriptError, step_intents

    with pytest.raises(ScriptError):
        step_intents("expect:")
    assert step_intents("expect:plan") == []
    assert argparse  # the module is used by the CLI test below


def test_play_headless_exits_1_from_the_command_line(capsys) -> None:  # type: ignore[no-untyped-def]
    from game.cli import main

    assert main(["play", "--headless", "--scenario", "tutorial", "--script", "next next 1 next 7"]) == 1
    assert "option 7 is not on the choice at node 'plan'" in capsys.readouterr().err
