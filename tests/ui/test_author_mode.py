"""Playtests and author mode: --start-at/--set (launch path and App), the dock (F6), the jump list (F7), hot reload."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any, Callable

import pytest
from drive import FileChoice, has_text, send, top_name

from game import cli
from game.content.catalog import scenarios_dir
from game.engine.state import Phase
from game.session.playtest import PlaytestError, carry_over, check_playtest, parse_preset, parse_value
from game.ui.app import App
from game.ui.headless import ScriptRunner
from game.ui.intents import Activate, Author, Back, Erase, Next, Pointer, QuickExit, Scroll, TextInput
from game.ui.launch import open_start

FORMAT_TOUR = scenarios_dir() / "_examples" / "format-tour.yaml"

SAVED = "I could not find your shop online."


def _state(app: App) -> Any:
    return app.top.session.state  # type: ignore[union-attr]


def _dock_text(app: App) -> str:
    assert app.author is not None
    return " | ".join(app.author.dl.texts())


def _wait_for_reload(app: App) -> None:
    """Let the watcher poll twice (a save is reloaded once the file holds still for one poll)."""
    for _ in range(3):
        app.step(0.3)


@pytest.fixture
def tour_copy(tmp_path: Path) -> Path:
    """format-tour with its images, copied so a test can rewrite it."""
    folder = tmp_path / "pack" / "en"
    shutil.copytree(scenarios_dir() / "_examples", folder)
    return folder / "format-tour.yaml"


# ------------------------------------------------------------- --set values and checks (no window)
@pytest.mark.parametrize(("text", "value"), [
    ("true", True), ("False", False), ("TRUE", True), ("3", 3), ("-2", -2), ("+4", 4), ("yes", "yes"),
    ("no", "no"), ("1.5", "1.5"), ("12:30", "12:30"), ('"7"', "7"), ("'true'", "true"), ("two words", "two words"),
])
def test_set_values_are_read_like_yaml_core(text: str, value: object) -> None:
    got = parse_value(text)
    assert got == value and type(got) is type(value)


def test_preset_pairs_and_their_checks() -> None:
    from game.content.loader import load_model
    from game.content.schema import Scenario

    scn = load_model(FORMAT_TOUR, Scenario).model
    assert scn is not None
    assert parse_preset(["checked_shop=true", "care = 2"]) == {"checked_shop": True, "care": 2}
    with pytest.raises(PlaytestError, match="VAR=VALUE"):
        parse_preset(["care"])
    check_playtest(scn, "aunt", {"care": 1, "checked_shop": False})
    with pytest.raises(PlaytestError, match="did you mean 'care'"):
        check_playtest(scn, None, {"cares": 1})
    with pytest.raises(PlaytestError, match="'care' is a whole number"):
        check_playtest(scn, None, {"care": True})
    with pytest.raises(PlaytestError, match="the nodes are: ad, search"):
        check_playtest(scn, "zzzz", {})


# ------------------------------------------------------------- start-at and --set through the real launch path
def test_start_at_and_set_reach_the_beat_through_the_launch_path(monkeypatch: pytest.MonkeyPatch,
                                                                  tmp_path: Path) -> None:
    seen: dict[str, Any] = {}
    real_run = ScriptRunner.run

    def spy(self: ScriptRunner, steps: list[str]) -> int:
        self.settle()
        seen["names"] = [s.name for s in self.app.scenes]
        seen["state"] = self.app.top.session.state  # type: ignore[union-attr]
        seen["story"] = has_text(self.app, SAVED)
        seen["choice"] = has_text(self.app, "Tell them you found nothing online")
        return real_run(self, steps)

    monkeypatch.setattr(ScriptRunner, "run", spy)
    code = cli.main(["play", "--headless", "--scenario", str(FORMAT_TOUR), "--start-at", "chat", "--set",
                     "checked_shop=true", "--data-dir", str(tmp_path / "data"), "--script", "3",
                     "--screenshots", str(tmp_path / "shots")])
    assert code == 0
    assert seen["names"][-1] == "player"  # no content note: straight to the moment
    assert seen["state"].node == "chat" and dict(seen["state"].variables)["checked_shop"] is True
    assert seen["story"] and seen["choice"]  # the message and the choice that need checked_shop
    shots = sorted(p.name for p in (tmp_path / "shots").iterdir())
    assert shots[:2] == ["001-dm.png", "002-feedback.png"]


@pytest.mark.parametrize(("args", "needle"), [
    (["--start-at", "chta"], "has no node 'chta'; did you mean 'chat'?"),
    (["--set", "checkd_shop=true"], "declares no variable 'checkd_shop'; did you mean 'checked_shop'?"),
    (["--set", "care=lots"], "'care' is a whole number (it starts as 0), but 'lots' is text"),
    (["--set", "checked_shop=1"], "'checked_shop' is true/false"),
    (["--set", "care"], "--set needs VAR=VALUE"),
])
def test_bad_start_at_or_set_exits_2_with_one_line(args: list[str], needle: str, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["play", "--headless", "--scenario", str(FORMAT_TOUR), *args, "--data-dir", str(tmp_path)])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert needle in err and err.startswith("error: ") and "\n" not in err, err


def test_start_at_needs_a_scenario(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["play", "--headless", "--start-at", "chat", "--data-dir", str(tmp_path)]) == 2
    assert "need --scenario" in capsys.readouterr().err


# ------------------------------------------------------------- start-at and --set through App
def test_start_at_and_set_through_the_app_records_nothing(make_app: Callable[..., App]) -> None:
    app = make_app(scenario=FORMAT_TOUR, start_at="aunt", preset={"care": 1})
    assert open_start(app) == 0
    app.step()
    assert top_name(app) == "player" and _state(app).node == "aunt"
    assert has_text(app, "You did the right thing by checking with me.")  # shown only when care >= 1
    send(app, FileChoice(0), Next())
    assert _state(app).phase is Phase.ENDING and _state(app).node == "end_safe"
    assert app.store.sessions() == []  # a playtest is not a class record


def test_app_refuses_a_start_node_that_is_not_there(make_app: Callable[..., App]) -> None:
    app = make_app(scenario=FORMAT_TOUR, start_at="nowhere")
    assert open_start(app) == 2
    assert top_name(app) == "title"


# ------------------------------------------------------------- F6: the dock
def _author_app(make_app: Callable[..., App], path: Path = FORMAT_TOUR, **kw: Any) -> App:
    app = make_app(scenario=path, author=True, **kw)
    open_start(app)
    send(app, Next())  # Start on the content note
    assert top_name(app) == "player"
    return app


def test_f6_shows_node_variables_score_and_path(make_app: Callable[..., App]) -> None:
    app = _author_app(make_app)
    send(app, FileChoice(0), Next())
    assert app.author is not None and not app.author.shown
    assert "Author: F5 reload" in _dock_text(app)  # the badge in the bottom bar
    full_w = app.ctx.m.w
    send(app, Author("state"))
    assert app.author.shown and top_name(app) == "player"  # the game keeps playing beside the dock
    assert app.ctx.m.w < full_w  # the game makes room instead of being covered
    dock = _dock_text(app)
    for needle in ("Play state", "search  ·  narration  ·  node", "checked_shop = true", "care = 0",
                   "3 (best path: 13)", "ad › search", "format-tour.yaml"):
        assert needle in dock, dock
    send(app, Next())  # playing on updates the dock
    assert "ad › search › chat" in _dock_text(app)
    send(app, Author("state"))
    assert not app.author.shown and app.ctx.m.w == full_w


def test_the_wheel_scrolls_the_dock_under_the_pointer(make_app: Callable[..., App]) -> None:
    from game.ui.scenes.page import bar_height

    app = _author_app(make_app, text_scale=2.0, size=(900, 500))
    send(app, FileChoice(0), Next(), Next(), Author("state"))
    assert app.author is not None and app.author.content_h > app.screen.get_height() - bar_height(app.ctx)
    send(app, Pointer(10, 300), Scroll(1))  # over the game: the game scrolls, not the dock
    assert app.author.offset == 0
    send(app, Pointer(app.screen.get_width() - 20, 300), Scroll(1))
    assert app.author.offset > 0


def test_quick_exit_hides_the_author_dock(make_app: Callable[..., App]) -> None:
    app = _author_app(make_app)
    send(app, Author("state"), QuickExit())
    assert top_name(app) == "quick-exit"
    assert app.author is not None and not app.author.shown and app.author.dl.items == []
    assert app.ctx.m.w == app.screen.get_width()


def test_author_keys_do_nothing_without_author_mode(make_app: Callable[..., App]) -> None:
    app = make_app(scenario=FORMAT_TOUR)
    open_start(app)
    send(app, Next(), Author("jump"), Author("state"))
    assert top_name(app) == "player" and app.author is None


# ------------------------------------------------------------- F7: the jump list
def test_f7_jumps_by_typing_and_keys(make_app: Callable[..., App]) -> None:
    app = _author_app(make_app)
    send(app, FileChoice(0), Next())
    send(app, Author("jump"))
    assert top_name(app) == "author-jump" and app.top.focus == ("node", "search")  # type: ignore[union-attr]
    send(app, TextInput("a"), TextInput("u"), TextInput("x"))
    assert app.top.shown == []  # type: ignore[union-attr]
    assert has_text(app, "No node matches 'aux'.")
    send(app, Erase())
    assert app.top.shown == ["aunt"]  # type: ignore[union-attr]
    send(app, Activate())
    assert top_name(app) == "player"
    st = _state(app)
    assert st.node == "aunt" and st.score == 3 and dict(st.variables)["checked_shop"] is True
    assert st.visited == ("ad", "search", "aunt")


def test_f7_jumps_by_mouse_and_closes_with_esc_or_f7(make_app: Callable[..., App]) -> None:
    app = _author_app(make_app)
    send(app, Author("jump"), Back())
    assert top_name(app) == "player"
    send(app, Author("jump"), Author("jump"))
    assert top_name(app) == "player"
    send(app, Author("jump"))
    rect = next(f.rect for f in app.top.focusables if f.target == ("node", "end_help"))  # type: ignore[union-attr]
    x, y = rect[0] + 10, rect[1] + rect[3] // 2
    send(app, Pointer(x, y, pressed=True), Pointer(x, y, released=True))
    assert top_name(app) == "player" and _state(app).node == "end_help"
    assert _state(app).phase is Phase.ENDING


# ------------------------------------------------------------- F5 and hot reload
def test_f5_reloads_in_place(make_app: Callable[..., App], tour_copy: Path) -> None:
    app = _author_app(make_app, tour_copy)
    send(app, FileChoice(0), Next(), Next())
    assert _state(app).node == "chat"
    tour_copy.write_text(tour_copy.read_text(encoding="utf-8").replace(SAVED, "Nothing online about you."),
                         encoding="utf-8")
    send(app, Author("reload"))
    assert _state(app).node == "chat" and _state(app).score == 3
    assert has_text(app, "Nothing online about you.")
    assert "Reloaded at 'chat'." in _dock_text(app)


def test_hot_reload_keeps_the_node_and_survives_a_broken_save(make_app: Callable[..., App],
                                                                tour_copy: Path) -> None:
    app = _author_app(make_app, tour_copy)
    send(app, FileChoice(0), Next(), Next())
    assert _state(app).node == "chat" and has_text(app, SAVED)
    good = tour_copy.read_text(encoding="utf-8")
    assert app.author is not None

    edited = good.replace(SAVED, "I looked everywhere and found nothing about your shop.")
    tour_copy.write_text(edited, encoding="utf-8")
    app.step(0.1)
    assert has_text(app, SAVED)  # not before the next poll
    _wait_for_reload(app)
    st = _state(app)
    assert st.node == "chat" and st.score == 3 and dict(st.variables)["checked_shop"] is True
    assert has_text(app, "I looked everywhere and found nothing about your shop.")
    assert not has_text(app, SAVED)

    tour_copy.write_text(edited.replace("    screen: dm\n    app: Chattr\n    with: sam\n    messages:",
                                        "    screen: dm\n    app: [Chattr\n    with: sam\n    messages:", 1),
                         encoding="utf-8")
    _wait_for_reload(app)
    assert app.author.problems and app.author.shown  # the dock opens with the problems
    dock = _dock_text(app)
    assert "error[E104]" in dock and "format-tour.yaml:" in dock and "hint: " in dock, dock
    assert top_name(app) == "player" and has_text(app, "I looked everywhere")  # the last good version plays on
    send(app, FileChoice(0))
    assert _state(app).phase is Phase.FEEDBACK

    tour_copy.write_text(edited.replace("Talking to an adult you trust is a strong step.",
                                        "An adult you trust can help you check."), encoding="utf-8")
    _wait_for_reload(app)
    assert app.author.problems == [] and not app.author.shown  # fixed: the problems and the dock go away
    assert "E104" not in _dock_text(app)
    st = _state(app)
    assert st.node == "chat" and st.phase is Phase.FEEDBACK and st.score == 6
    assert has_text(app, "An adult you trust can help you check.")  # the feedback beat shows the new text


def test_a_save_while_the_jump_list_is_open_swaps_the_story_underneath(make_app: Callable[..., App],
                                                                       tour_copy: Path) -> None:
    app = _author_app(make_app, tour_copy)
    send(app, FileChoice(0), Next(), Next(), Author("jump"), TextInput("a"))
    tour_copy.write_text(tour_copy.read_text(encoding="utf-8").replace(SAVED, "Nothing online at all."),
                         encoding="utf-8")
    _wait_for_reload(app)
    assert top_name(app) == "author-jump" and app.top.query == "a"  # type: ignore[union-attr]
    send(app, Back())
    assert top_name(app) == "player" and _state(app).node == "chat" and has_text(app, "Nothing online at all.")


def test_reload_on_the_debrief_keeps_the_page(make_app: Callable[..., App]) -> None:
    app = make_app(scenario=FORMAT_TOUR, author=True, start_at="end_safe")
    open_start(app)
    send(app, Next(), Next())
    assert top_name(app) == "debrief" and app.top.page == 1  # type: ignore[union-attr]
    send(app, Author("reload"))
    assert top_name(app) == "debrief" and app.top.page == 1  # type: ignore[union-attr]


def test_hot_reload_back_to_the_start_when_the_node_is_gone(make_app: Callable[..., App], tour_copy: Path) -> None:
    app = _author_app(make_app, tour_copy)
    send(app, FileChoice(0), Next())
    assert _state(app).node == "search"
    text = tour_copy.read_text(encoding="utf-8")
    text = text.replace("goto: search", "goto: chat").replace("  search:                    #", "  look:   #")
    text = text.replace("    title: A quick search", "    title: A quick look")
    tour_copy.write_text(text, encoding="utf-8")
    _wait_for_reload(app)
    assert app.author is not None
    st = _state(app)
    assert st.node == "ad" and st.score == 0 and st.visited == ("ad",)
    assert "Node 'search' is gone from the file" in _dock_text(app)


def test_carry_over_resets_variables_whose_type_changed() -> None:
    from game.content.loader import load_model
    from game.content.schema import Scenario
    from game.engine import runner

    scn = load_model(FORMAT_TOUR, Scenario).model
    assert scn is not None
    st = runner.choose(scn, runner.start(scn), 0)
    changed = scn.model_copy(update={"variables": {"checked_shop": "no", "care": 0, "mood": 5}})
    kept = carry_over(st, changed)
    assert kept is not None and kept.phase is Phase.FEEDBACK and kept.pending == "search"
    assert dict(kept.variables) == {"checked_shop": "no", "care": 0, "mood": 5}
    assert carry_over(st, scn.model_copy(update={"nodes": {k: v for k, v in scn.nodes.items() if k != "ad"}})) is None
