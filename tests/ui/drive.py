"""Helpers for driving the App with intents in tests (never pygame events)."""

from __future__ import annotations

from typing import Iterable

from game.ui.app import App
from game.ui.intents import Intent


def send(app: App, *intents: Intent) -> None:
    """Dispatch intents, then lay out and draw once."""
    for it in intents:
        app.dispatch(it)
        app.step(0.0)


def top_name(app: App) -> str:
    """Name of the top scene."""
    return app.top.name if app.top else ""


def texts(app: App) -> list[str]:
    """Every text run on the top scene."""
    assert app.top is not None
    return app.top.dl.texts()


def has_text(app: App, needle: str) -> bool:
    """True when some text run on the top scene contains `needle`."""
    return any(needle in t for t in texts(app))


def names(app: App) -> list[str]:
    """Scene names on the stack, bottom first."""
    return [s.name for s in app.scenes]


def all_text(items: Iterable[object]) -> str:
    """Joined text (for assertion messages)."""
    return " | ".join(str(t) for t in items)
