"""An ending no path reaches is an error (E325); `paths` exits 1 on UNREACHABLE; a `when:` that can never hold
where it stands is a warning (W326)."""

from __future__ import annotations

from pathlib import Path

import pytest
from story_edit import check_text, edited, line_of

from game.cli import main

OFFERED = "when: {var: asked_friend, equals: true}    # offered"
# Only the screenshot choice (offered when asked_friend is true) leads to end_help.
ONLY_HELP = (("        goto: end_help\n        points: 3\n", "        goto: end_safe\n        points: 3\n"),)


def test_an_ending_no_link_reaches_is_an_error(tmp_path: Path) -> None:
    text = edited(("        goto: end_risky\n", "        goto: end_safe\n"))
    diags = check_text(text, tmp_path)
    assert [(d.code, d.line) for d in diags] == [("E325", line_of(text, "  end_risky:"))], [d.format() for d in diags]
    assert "ending 'end_risky' can never be reached from 'hello'" in diags[0].message


def test_an_ending_behind_a_condition_that_never_holds_is_an_error(tmp_path: Path) -> None:
    text = edited(*ONLY_HELP, ("set: {asked_friend: true}", "set: {asked_friend: false}"))
    diags = check_text(text, tmp_path)
    codes = [(d.code, d.line) for d in diags if d.severity.value == "error"]
    assert codes == [("E325", line_of(text, "  end_help:"))], [d.format() for d in diags]
    assert any("needs a condition that does not hold" in d.message for d in diags if d.code == "E325")


def test_a_condition_that_never_holds_where_it_stands_is_a_warning(tmp_path: Path) -> None:
    text = edited(("when: {var: asked_friend, equals: true}    # shown", "when: {not: {visited: chat}}    # shown"))
    diags = check_text(text, tmp_path)  # decide is only ever reached through chat
    assert [(d.code, d.line, d.severity.value) for d in diags] == [
        ("W326", line_of(text, "when: {not: {visited: chat}}"), "warning")], [d.format() for d in diags]
    assert "never holds on any path that reaches node 'decide'" in diags[0].message
    assert "never shown" in diags[0].message


def test_a_choice_that_is_never_offered_is_a_warning(tmp_path: Path) -> None:
    text = edited(("set: {asked_friend: true}", "set: {asked_friend: false}"))
    w = [d for d in check_text(text, tmp_path) if d.code == "W326"]
    assert sorted(d.line for d in w) == sorted([line_of(text, OFFERED), line_of(text, "# shown")])
    assert any("choice's condition" in d.message and "never offered" in d.message for d in w)


def test_the_shipped_stories_reach_every_ending_and_show_every_condition() -> None:
    from game.content.catalog import find_scenario_files, scenarios_dir
    from game.session.check import check_file

    for path in find_scenario_files(scenarios_dir()):  # every language folder and the examples
        codes = {d.code for d in check_file(path).diagnostics}
        assert not codes & {"E325", "W326"}, path


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_paths_exits_1_when_an_ending_is_unreachable(fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                                     ) -> None:
    path = tmp_path / "en" / "story.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(edited(*ONLY_HELP, ("set: {asked_friend: true}", "set: {asked_friend: false}")), encoding="utf-8")
    assert main(["paths", str(path), "--format", fmt]) == 1
    out, err = capsys.readouterr()
    assert "E325" in err
    shown = "end_help                 help_sought  UNREACHABLE" if fmt == "text" else '"reachable": false'
    assert shown in out
    path.write_text(edited(), encoding="utf-8")
    assert main(["paths", str(path), "--format", fmt]) == 0


def test_paths_routes_in_json(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from game.content.catalog import scenarios_dir
    from game.content.loader import load_scenario
    from game.session.routes import shortest_routes

    assert main(["paths", "tutorial", "--routes", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    scn = load_scenario(scenarios_dir() / "en" / "tutorial.yaml").model
    assert scn is not None
    routes, _capped = shortest_routes(scn)
    assert out["routes_capped"] is False
    assert out["routes"] == [{"ending": r.ending, "script": r.script(), "score": r.score} for r in routes]
    assert {r["ending"] for r in out["routes"]} == {e["id"] for e in out["endings"]}
    assert all(r["script"].startswith("next ") and r["script"].endswith(f"expect:ending={r['ending']}")
               for r in out["routes"])
