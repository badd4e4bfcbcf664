"""The real window loop (dummy video driver): one event pump, reveal timing, reduced motion, quitting."""

from __future__ import annotations

import pygame
from drive import send, top_name

from game.content.catalog import scenarios_dir
from game.ui.intents import Next
from game.ui.launch import open_start
from game.ui.scenes.player import PlayerScene

FORMAT_TOUR = scenarios_dir() / "_examples" / "format-tour.yaml"


def test_run_loop_pumps_events_and_quits(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(headless=False)
    app.go_title()
    for key in (pygame.K_RETURN, pygame.K_ESCAPE):  # Play -> nickname, Esc -> back to the title
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    assert app.run(max_seconds=10, close=False) == 0
    assert not app.running and top_name(app) == "title"
    assert app.frames_drawn >= 1


def test_chat_messages_appear_over_time_and_a_key_skips(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(scenario=FORMAT_TOUR, animate=True)
    open_start(app)
    app.step()
    from game.ui.intents import Choose

    send(app, Next(), Choose(1), Next())  # job ad -> "message them right away" -> the dm
    scene = app.top
    assert isinstance(scene, PlayerScene) and scene.beat.node_id == "chat"  # type: ignore[attr-defined]
    assert scene.revealing and scene.revealed < len(scene.messages)
    shown = scene.revealed
    for _ in range(40):
        app.step(0.1)
    assert scene.revealed > shown  # dt-based: time passing reveals messages
    if scene.revealing:
        send(app, Next())
    assert not scene.revealing
    assert app.step(0.0) is False  # nothing animates any more: no redraw


def test_reduced_motion_shows_everything_at_once(make_app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = make_app(scenario=FORMAT_TOUR, animate=True)
    app.apply_settings(app.settings.replace(reduced_motion=True), save=False)
    open_start(app)
    app.step()
    from game.ui.intents import Choose

    send(app, Next(), Choose(1), Next())
    scene = app.top
    assert isinstance(scene, PlayerScene) and not scene.revealing and scene.ease == 1.0
