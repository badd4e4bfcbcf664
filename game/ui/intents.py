"""Intents: what the player means, made from raw input before any scene sees it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union


@dataclass(frozen=True)
class Next:
    """Continue: the screen's primary action (Next, Start, Continue)."""


@dataclass(frozen=True)
class Back:
    """Go back or close (Esc); on the player it opens the pause menu."""


@dataclass(frozen=True)
class Choose:
    """Pick the visible option at `index` (0-based; number keys 1-9)."""

    index: int


@dataclass(frozen=True)
class Focus:
    """Move the focus: arrows give dx/dy; Tab gives linear=True (dy = +1 or -1)."""

    dx: int = 0
    dy: int = 0
    linear: bool = False


@dataclass(frozen=True)
class Activate:
    """Press the focused control (Enter)."""


@dataclass(frozen=True)
class Toggle:
    """Toggle the focused control (Space): select a spot part, flip a switch; else like Activate."""


@dataclass(frozen=True)
class Submit:
    """Submit the current task (spot-the-flags)."""


@dataclass(frozen=True)
class Scroll:
    """Scroll by `dy` lines (positive = down); `page` means dy pages."""

    dy: float
    page: bool = False


@dataclass(frozen=True)
class Pointer:
    """Mouse or touch at (x, y): pressed on button down, released on up, held while dragging."""

    x: int
    y: int
    pressed: bool = False
    released: bool = False
    held: bool = False


@dataclass(frozen=True)
class Help:
    """Open the help lines (H)."""


@dataclass(frozen=True)
class QuickExit:
    """Hide everything at once (F12)."""


@dataclass(frozen=True)
class Fullscreen:
    """Toggle fullscreen (F11)."""


@dataclass(frozen=True)
class Home:
    """Back to the title screen."""


@dataclass(frozen=True)
class Quit:
    """Close the game (window close, Ctrl+Q)."""


@dataclass(frozen=True)
class Resize:
    """The window is now w x h."""

    w: int
    h: int


@dataclass(frozen=True)
class TextInput:
    """Typed text (only while a text field has focus)."""

    text: str


@dataclass(frozen=True)
class Erase:
    """Backspace in a text field."""


@dataclass(frozen=True)
class OpenSettings:
    """Open the settings screen."""


Intent = Union[Next, Back, Choose, Focus, Activate, Toggle, Submit, Scroll, Pointer, Help, QuickExit, Fullscreen,
               Home, Quit, Resize, TextInput, Erase, OpenSettings]
