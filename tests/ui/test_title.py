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
