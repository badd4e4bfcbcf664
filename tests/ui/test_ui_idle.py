"""The idle loop sleeps between looks at the event queue, yet input is handled at once."""

from __future__ import annotations

import time

import pygame

from game.ui.app import IDLE_POLL_S


def test_idle_wait_returns_input_at_once_and_sleeps_otherwise(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(headless=False)
    app.go_title()
    pygame.event.get()
    start = time.perf_counter()
    assert app._wait_events(60) == []
    assert time.perf_counter() - start >= 0.055
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_TAB, mod=0, unicode="", scancode=0))
    start = time.perf_counter()
    events = app._wait_events(1000)
    assert [e.type for e in events] == [pygame.KEYDOWN] and time.perf_counter() - start < 0.5
    assert IDLE_POLL_S <= 0.02  # input is never kept waiting long enough to feel


def test_an_uncovered_or_restored_window_is_drawn_again(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(headless=False, animate=False)  # the title's radar holds still (as under reduced motion)
    app.go_title()
    app.step()
    assert app.step() is False  # a still screen is not redrawn
    for kind in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED):
        app.process_events([pygame.event.Event(kind)])
        assert app.step() is True  # ... unless the window's picture may be gone
        assert app.step() is False
