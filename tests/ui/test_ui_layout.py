"""Layout checks on every screen: nothing overflows at 200% text on small windows, red flags never rely on
colour alone, and the display list is plain data."""

from __future__ import annotations

import json

import pytest
from drive import top_name

from game.content.catalog import scenarios_dir
from game.engine.beats import SpotResultBeat
from game.ui.display import Group, Icon, Text
from game.ui.headless import ScriptRunner
from game.ui.intents import Back, Focus, Help, Next, OpenSettings, QuickExit
from game.ui.launch import open_start

FORMAT_TOUR = scenarios_dir() / "_examples" / "format-tour.yaml"


class CheckingRunner(ScriptRunner):
    """Checks every distinct screen it settles on."""

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        super().__init__(app, None)
        self.problems: list[str] = []
        self.screens: set[str] = set()

    def settle(self) -> None:
        super().settle()
        top = self.app.top
        if top is None:
            return
        self.screens.add(top.screen_name())
        w, h = self.app.screen.get_size()
        for it, _shift, clip in top.dl.walk():
            if not isinstance(it, Text):
                continue
            left, right = (clip[0], clip[0] + clip[2]) if clip else (0, w)
            if it.x < left - 2 or it.x + it.w > right + 2:
                self.problems.append(f"{top.screen_name()}: '{it.text[:40]}' x={it.x} w={it.w} outside {left}..{right}")


@pytest.mark.parametrize("size,scale,theme", [((1024, 600), 2.0, "default"), ((1920, 1080), 2.0, "high_contrast"),
                                              ((1280, 720), 1.0, "default"), ((800, 900), 1.5, "high_contrast")])
def test_no_text_overflows_on_any_screen(make_app, size, scale, theme) -> None:  # type: ignore[no-untyped-def]
    app = make_app(scenario=FORMAT_TOUR, size=size, text_scale=scale, theme=theme)
    open_start(app)
    runner = CheckingRunner(app)
    runner.run(["help", "back", "auto:5", "settings", "back", "home", "next", "next", "back", "back"])
    app.dispatch(QuickExit())
    runner.settle()
    assert {"content-note", "help", "summary", "settings", "title", "quick-exit", "feedback"} <= runner.screens
    assert runner.problems == []


def test_spot_result_and_debrief_mark_flags_with_icons_or_labels(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(scenario=FORMAT_TOUR, shuffle=False)  # the script picks options by their written place
    open_start(app)
    runner = ScriptRunner(app, None)
    runner.run(["next", "2", "next", "2", "next", "spot:2"])
    scene = app.top
    assert scene is not None and isinstance(scene.beat, SpotResultBeat)  # type: ignore[attr-defined]
    items = [it for it, _s, _c in scene.dl.walk()]
    labels = [it.text for it in items if isinstance(it, Text)]
    flag_icons = [it for it in items if isinstance(it, Icon) and it.name in ("flag", "flag_outline")]
    for r in scene.beat.results:  # type: ignore[attr-defined]
        if r.part.flag:
            assert any("Red flag" in t for t in labels)
    n_flags = sum(1 for r in scene.beat.results if r.part.flag)  # type: ignore[attr-defined]
    assert len(flag_icons) >= n_flags
    assert any("Not a red flag" in t for t in labels), "benign parts are explained too"
    runner.run(["next", "1", "next"])
    while top_name(app) != "debrief":
        runner.send(Next())
    items = [it for it, _s, _c in app.top.dl.walk()]  # type: ignore[union-attr]
    d = app.top.session.scn.debrief  # type: ignore[union-attr]
    assert d is not None
    assert sum(1 for it in items if isinstance(it, Icon) and it.name == "flag") >= len(d.red_flags)
    for n, rf in enumerate(d.red_flags):  # the replay steps through them: "Red flag n of N" and the label
        labels = app.top.dl.texts()  # type: ignore[union-attr]
        assert f"Red flag {n + 1} of {len(d.red_flags)}" in labels and rf.label in labels
        runner.send(Focus(1, 0))


def test_display_list_is_plain_data(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(scenario=FORMAT_TOUR)
    open_start(app)
    app.step()
    app.dispatch(Next())
    app.step()

    def plain(it: object) -> object:
        d = it._asdict()  # type: ignore[attr-defined]
        d["type"] = type(it).__name__
        return d

    dumped = json.dumps([plain(it) for it in app.top.dl.items])  # type: ignore[union-attr]
    assert "Look up the shop before I reply" in dumped
    assert any(isinstance(it, Group) for it in app.top.dl.items)  # type: ignore[union-attr]


def test_help_lists_only_verified_resources(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    app.go_title()
    app.dispatch(Help())
    app.step()
    shared = app.library.shared()
    assert shared.resources is not None
    text = " ".join(app.top.dl.texts())  # type: ignore[union-attr]
    for r in shared.resources.resources:
        assert (r.name in text) == r.verified
    app.dispatch(Back())


def test_settings_screen_has_every_setting(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    app.go_title()
    app.dispatch(OpenSettings())
    app.step()
    text = " ".join(app.top.dl.texts())  # type: ignore[union-attr]
    for label in ("Text size", "High contrast", "Font", "Reduce motion", "Sound", "Fullscreen", "Typing animation",
                  "Nickname", "Clear all data"):
        assert label in text
