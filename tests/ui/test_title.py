"""The title (issue 12 item 4): the radar motif from cached layers, turned by dt, still under reduced motion or
headless, and at rest (no redraw) after a while without input."""

from __future__ import annotations

from typing import Callable

import pygame

from game.ui.app import App
from game.ui.intents import Focus
from game.ui.radar_art import ACTIVE_S, REST_DEG, SWEEP_S
from game.ui.scenes.title import TitleScene


def _title(make_app: Callable[..., App], **kw: object) -> TitleScene:
    app = make_app(**kw)
    app.go_title()
    app.step()
    scene = app.top
    assert isinstance(scene, TitleScene)
    return scene


def test_headless_title_holds_still_with_the_sweep_drawn(make_app: Callable[..., App]) -> None:
    scene = _title(make_app)
    assert scene.radar_at is not None and scene.art.base is not None and scene.art.frame is not None
    assert scene.update(0.5) is False and scene.angle == REST_DEG
    assert scene.app.step(0.5) is False, "a still title is not redrawn"
    cx, cy, size = scene.radar_at
    ring = scene.app.ctx.c("radar")
    pixels = {tuple(scene.app.screen.get_at((cx + dx, cy))[:3]) for dx in range(-size // 2, size // 2)}
    assert tuple(ring[:3]) in pixels, "the radar is on screen"


def test_the_sweep_turns_by_time_not_frames_and_then_rests(make_app: Callable[..., App]) -> None:
    scene = _title(make_app, animate=True)
    start = scene.angle
    assert scene.update(1.0) is True
    assert abs((scene.angle - start) % 360 - 360 / SWEEP_S) < 1e-6, "one second turns 360/SWEEP_S degrees"
    frame = scene.art.frame
    base = scene.art.base
    scene.update(0.25)
    assert scene.art.frame is not frame, "a new picture of the sweep when it has moved"
    scene.app.relayout_all()
    scene.app.step(0.0)
    assert scene.art.base is base, "the base layer is drawn once and kept"
    angle = scene.angle
    surface = pygame.Surface(scene.app.screen.get_size())
    scene.draw_static(surface)
    scene.draw_dynamic(surface)
    assert scene.angle == angle, "drawing changes nothing"
    for _ in range(int(ACTIVE_S) + 1):
        scene.update(1.0)
    assert scene.update(1.0) is False, "it rests after a while without input"
    scene.app.dispatch(Focus(0, 1))
    assert scene.update(0.0) is True, "input wakes it"


def test_reduced_motion_keeps_the_sweep_still(make_app: Callable[..., App]) -> None:
    app = make_app(animate=True)
    app.apply_settings(app.settings.replace(reduced_motion=True), save=False)
    app.go_title()
    app.step()
    scene = app.top
    assert isinstance(scene, TitleScene)
    assert scene.update(1.0) is False and scene.angle == REST_DEG


def test_the_title_offers_every_way_in(make_app: Callable[..., App]) -> None:
    scene = _title(make_app, size=(1024, 768), text_scale=2.0)
    targets = [f.target for f in scene.focusables]
    for t in ("play", "radar", "lead", "settings", "help_page", "quit"):
        assert t in targets
    assert "Red Flag Radar" in scene.dl.texts()


def test_the_centred_column_registers_each_control_once_where_it_is_drawn(make_app: Callable[..., App]) -> None:
    from game.ui.display import Hit

    for size in ((1280, 720), (1920, 1080), (2560, 1440)):
        scene = _title(make_app, size=size)
        targets = [f.target for f in scene.focusables]
        assert len(targets) == len(set(targets)), f"{size}: a control registered twice"
        hits = {it.target: it.rect for it, _s, _c in scene.dl.walk() if isinstance(it, Hit)}
        for f in scene.focusables:
            assert hits.get(f.target) == f.rect, f"{size}: {f.target} focus ring away from its button"


def test_story_cards_show_the_app_the_cast_tier_and_minutes_not_the_theme(make_app: Callable[..., App]) -> None:
    from game.ui.display import Circle, Icon
    from game.ui.scenes.picker import PickerScene

    app = make_app()
    app.go_title()
    app.step()
    app.push(PickerScene(app))
    app.step()
    scene = app.top
    assert isinstance(scene, PickerScene)
    items = [it for it, _s, _c in scene.dl.walk()]
    words = scene.dl.texts()
    icons = [it.name for it in items if isinstance(it, Icon)]
    cards = [c for c in scene.items if c.scenario is not None]
    assert sum(1 for n in icons if n.startswith("mark_")) >= len(cards) - 1, "each card names its app's mark"
    for c in cards:
        scn = c.scenario
        assert scn is not None
        assert app.library.tag_label(scn.theme, c.pack) not in words or scn.title.startswith(
            app.library.tag_label(scn.theme, c.pack)), "the theme is not repeated as a chip"
        assert f"{scn.minutes} min" in words
    assert "Ages 12-14" in words
    discs = [it for it in items if isinstance(it, Circle)]
    assert len(discs) >= 2 * len(cards), "the cast's avatars"


def test_every_ending_fills_its_panel(make_app: Callable[..., App]) -> None:
    from game.content.catalog import scenarios_dir
    from game.content.schema import Tone
    from game.ui.intents import Next
    from game.ui.launch import open_start
    from game.ui.scenes.panel import TONE_ART

    assert TONE_ART[Tone.HELP_SOUGHT][0] == "reach_out", "reaching out, not a 'stop' hand"
    seen = set()
    for stem, node in (("grooming-dms", "end_safe"), ("grooming-dms", "end_help"), ("grooming-dms", "end_risky")):
        app = make_app(scenario=scenarios_dir() / "en" / f"{stem}.yaml", start_at=node)
        assert open_start(app) == 0
        app.step()
        words = app.top.dl.texts()  # type: ignore[union-attr]
        for _i in range(3):
            if "What happened" in " ".join(words):
                break
            app.dispatch(Next())
            app.step()
            words = app.top.dl.texts()  # type: ignore[union-attr]
        assert "What happened" in words and "What can still help" in words, node
        assert "See who can help" in words and "Continue to the debrief" in words
        seen.add(node)
    assert len(seen) == 3
