"""Small breaks of the illusion (issue 12 item 5): the phone clock, one avatar per person, fixed progress dots,
Quick exit everywhere, and the help page's header and contact lines."""

from __future__ import annotations

from typing import Callable

import pytest
from drive import send, top_name

from game.content.catalog import scenarios_dir
from game.content.schema import Message
from game.engine.beats import EndingBeat
from game.session.progress import ProgressDots, route_length
from game.ui.app import App
from game.ui.display import Circle, Hit, Text
from game.ui.frame import story_clock
from game.ui.headless import ScriptRunner
from game.ui.intents import Activate, Back, Next
from game.ui.launch import open_start
from game.ui.layout import Ctx
from game.ui.people import person_avatar, who_is
from game.ui.scenes.help import contact_line

EN = scenarios_dir() / "en"


def _msg(text: str, time: str | None) -> Message:
    return Message.model_validate({"from": "me", "text": text, "time": time})


def test_story_clock_takes_the_latest_time_shown() -> None:
    assert story_clock([_msg("a", "8:15 PM"), _msg("b", None), _msg("c", "Sat 4:11 PM")]) == "4:11"
    assert story_clock([_msg("a", "Yesterday")]) is None
    assert story_clock([]) is None


def _playing(make_app: Callable[..., App], stem: str, **kw: object) -> App:
    app = make_app(scenario=EN / f"{stem}.yaml", **kw)
    assert open_start(app) == 0
    app.step()
    send(app, Next())  # past the content note
    assert top_name(app) == "player"
    return app


def _status_clock(app: App) -> str:
    """The status bar's clock: the text in the phone's top band, left of the signal icon."""
    assert app.top is not None
    top = [it for it in app.top.dl.items if isinstance(it, Text) and ":" in it.text and len(it.text) <= 5]
    return top[0].text if top else ""


def test_the_phone_clock_follows_the_story(make_app: Callable[..., App]) -> None:
    app = _playing(make_app, "grooming-dms")
    runner = ScriptRunner(app, None)
    clocks = []
    for _ in range(40):
        scene = app.top
        if scene is None or scene.name != "player":
            break
        beat = scene.beat  # type: ignore[attr-defined]
        if hasattr(beat, "node") and beat.node.screen.value in ("dm", "sms"):
            shown = story_clock(scene.messages[:scene.revealed])  # type: ignore[attr-defined]
            clock = _status_clock(app)
            if shown:
                assert clock == shown
            clocks.append(clock)
        runner.run(["1" if type(beat).__name__ == "ChoiceBeat" else "next"])
    assert clocks and "9:41" not in clocks[1:]


def test_one_person_has_one_avatar_by_id_and_by_name(make_app: Callable[..., App]) -> None:
    app = _playing(make_app, "marketplace")
    scn = app.top.session.scn  # type: ignore[union-attr]
    ch = scn.characters[0]
    assert who_is(scn, ch.id) == who_is(scn, ch.name) == who_is(scn, ch.name.upper())
    ctx: Ctx = app.ctx
    by_id: list[object] = []
    by_name: list[object] = []
    person_avatar(ctx, by_id, 50, 50, 20, scn, ch.id)
    person_avatar(ctx, by_name, 50, 50, 20, scn, ch.name)
    assert by_id == by_name


@pytest.mark.parametrize("theme", ["default", "high_contrast"])
def test_no_avatar_is_red(make_app: Callable[..., App], theme: str) -> None:
    app = _playing(make_app, "loverboy", theme=theme)
    ctx = app.ctx
    for k in range(200):
        items: list[object] = []
        person_avatar(ctx, items, 50, 50, 20, None, f"someone {k}")
        disc = next(it for it in items if isinstance(it, Circle))
        assert disc.color != ctx.c("flag")


def test_progress_dots_keep_their_number_through_a_play(make_app: Callable[..., App]) -> None:
    for stem in ("grooming-dms", "fake-job", "gaming"):
        app = _playing(make_app, stem)
        scene = app.top
        counts, fills = set(), []
        runner = ScriptRunner(app, None)
        for _ in range(60):
            if app.top is not scene:
                break
            dots = [it for it in scene.dl.items if isinstance(it, Circle) and it.center[1] < 60]  # type: ignore
            counts.add(len(dots))
            fills.append(scene._progress.filled)  # type: ignore[union-attr]
            if isinstance(scene.beat, EndingBeat):  # type: ignore[union-attr]
                assert scene._progress.filled == scene._progress.count  # type: ignore[union-attr]
                break
            runner.run(["1" if type(scene.beat).__name__ == "ChoiceBeat" else  # type: ignore[union-attr]
                        ("spot:1" if type(scene.beat).__name__ == "SpotBeat" else "next")])  # type: ignore
        assert len(counts) == 1, f"{stem}: {counts}"
        assert fills == sorted(fills), f"{stem}: the dots never empty again"


def test_route_length_is_the_longest_shortest_route(make_app: Callable[..., App]) -> None:
    app = _playing(make_app, "tutorial")
    scn = app.top.session.scn  # type: ignore[union-attr]
    n = route_length(scn, scn.start)
    assert 2 <= n <= len(scn.nodes)
    dots = ProgressDots(scn, scn.start)
    assert dots.update(1, 3, False) <= dots.count - 1
    assert dots.update(1, 9, False) == dots.filled  # a longer estimate never takes a dot back
    assert dots.update(5, 5, True) == dots.count


@pytest.mark.parametrize("script", ["", "settings", "next next"])
def test_quick_exit_button_on_title_settings_and_picker(make_app: Callable[..., App], script: str) -> None:
    app = make_app()
    app.go_title()
    app.step()
    if script:
        ScriptRunner(app, None).run(script.split())
    assert top_name(app) in ("title", "settings", "picker")
    targets = [it.target for it, _s, _c in app.top.dl.walk() if isinstance(it, Hit)]  # type: ignore[union-attr]
    assert "quick_exit" in targets
    app.top.activate("quick_exit", Activate())  # type: ignore[union-attr]
    app.step()
    assert top_name(app) == "quick-exit"


def test_contact_lines_say_the_way_once() -> None:
    assert contact_line("text", "Text", "233733") == "Text 233733"
    assert contact_line("text", "Text START to", "88788") == "Text START to 88788"
    assert contact_line("chat", "Live chat", "site.org") == "Live chat site.org"
    assert contact_line("call", None, "988") == "Call: 988"
    assert contact_line("call", "1-800-THE-LOST", "1-800-843-5678") == "Call: 1-800-THE-LOST 1-800-843-5678"


def test_help_page_reads_text_once_and_leaves_from_the_top(make_app: Callable[..., App]) -> None:
    app = make_app()
    app.go_title()
    app.step()
    ScriptRunner(app, None).run(["help"])
    assert top_name(app) == "help"
    words = app.top.dl.texts()  # type: ignore[union-attr]
    assert not any("Text: Text" in t for t in words)
    assert any(t.startswith("Text 233733") for t in words)
    back = [it for it, _s, _c in app.top.dl.walk() if isinstance(it, Hit) and it.target == "back"]  # type: ignore
    assert back and back[0].rect[1] < 60  # in the top bar
    app.top.activate("back", Activate())  # type: ignore[union-attr]
    app.step()
    assert top_name(app) == "title"
    ScriptRunner(app, None).run(["help"])
    send(app, Back())  # Esc leaves too
    assert top_name(app) == "title"
