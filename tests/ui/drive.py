"""Helpers for driving the App with intents in tests (never pygame events)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Union

from game.ui.app import App
from game.ui.intents import Choose, Intent


@dataclass(frozen=True)
class FileChoice:
    """For `send`: choose the option written `index`-th in the file, wherever the shuffle put it on screen."""

    index: int


def shown_place(app: App, file_index: int) -> int:
    """Where the option written `file_index`-th in the file is shown on the current choice screen (from 0)."""
    beat = app.top.beat  # type: ignore[union-attr]
    return next(pos for pos, o in enumerate(beat.options) if o.index == file_index)


def send(app: App, *intents: Union[Intent, FileChoice]) -> None:
    """Dispatch intents (a FileChoice becomes Choose(its place on screen)), then lay out and draw once."""
    for it in intents:
        app.dispatch(Choose(shown_place(app, it.index)) if isinstance(it, FileChoice) else it)
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
