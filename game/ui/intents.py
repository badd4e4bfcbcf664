"""Intents: what the player means, made from raw input before any scene sees it."""

from __future__ import annotations

from typing import Any, Union


class _Intent:
    """Immutable value object: equal when the type and every field are equal (slots, so importing is instant)."""

    __slots__: tuple[str, ...] = ()

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, f) for f in self.__slots__)

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self).__name__, *self._values()))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{f}={getattr(self, f)!r}' for f in self.__slots__)})"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def _set(self, **values: object) -> None:
        for k, v in values.items():
            object.__setattr__(self, k, v)


class Next(_Intent):
    """Continue: the screen's primary action (Next, Start, Continue)."""

    __slots__ = ()


class Back(_Intent):
    """Go back or close (Esc); on the player it opens the pause menu."""

    __slots__ = ()


class Choose(_Intent):
    """Pick the visible option at `index` (0-based; number keys 1-9; the 0 key gives index -1, which no option
    matches; the vote screen reads number keys as digits: `(index + 1) % 10`)."""

    __slots__ = ("index",)

    def __init__(self, index: int) -> None:
        self._set(index=index)


class Focus(_Intent):
    """Move the focus: arrows give dx/dy; Tab gives linear=True (dy = +1 or -1)."""

    __slots__ = ("dx", "dy", "linear")

    def __init__(self, dx: int = 0, dy: int = 0, linear: bool = False) -> None:
        self._set(dx=dx, dy=dy, linear=linear)


class Activate(_Intent):
    """Press the focused control (Enter)."""

    __slots__ = ()


class Toggle(_Intent):
    """Toggle the focused control (Space): select a spot part, flip a switch; else like Activate."""

    __slots__ = ()


class Submit(_Intent):
    """Submit the current task (spot-the-flags)."""

    __slots__ = ()


class Scroll(_Intent):
    """Scroll by `dy` lines (positive = down); `page` means dy pages."""

    __slots__ = ("dy", "page")

    def __init__(self, dy: float, page: bool = False) -> None:
        self._set(dy=dy, page=page)


class Pointer(_Intent):
    """Mouse or touch at (x, y): pressed on button down, released on up, held while dragging."""

    __slots__ = ("x", "y", "pressed", "released", "held")

    def __init__(self, x: int, y: int, pressed: bool = False, released: bool = False, held: bool = False) -> None:
        self._set(x=x, y=y, pressed=pressed, released=released, held=held)


class Help(_Intent):
    """Open the help lines (H)."""

    __slots__ = ()


class QuickExit(_Intent):
    """Hide everything at once (F12)."""

    __slots__ = ()


class Fullscreen(_Intent):
    """Toggle fullscreen (F11)."""

    __slots__ = ()


class Home(_Intent):
    """Back to the title screen."""

    __slots__ = ()


class Quit(_Intent):
    """Close the game (window close, Ctrl+Q)."""

    __slots__ = ()


class Resize(_Intent):
    """The window is now w x h."""

    __slots__ = ("w", "h")

    def __init__(self, w: int, h: int) -> None:
        self._set(w=w, h=h)


class TextInput(_Intent):
    """Typed text (only while a text field has focus)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self._set(text=text)


class Erase(_Intent):
    """Backspace in a text field."""

    __slots__ = ()


class OpenSettings(_Intent):
    """Open the settings screen."""

    __slots__ = ()



class Author(_Intent):
    """Author tools (with --author): 'reload' (F5), 'state' (F6) or 'jump' (F7)."""

    __slots__ = ("action",)

    def __init__(self, action: str) -> None:
        self._set(action=action)


class Facilitate(_Intent):
    """Facilitator keys: 'timer' (T: start/pause), 'timer_length' (Shift+T), 'notes' (N), 'discuss' (D)."""

    __slots__ = ("action",)

    def __init__(self, action: str) -> None:
        self._set(action=action)


class Adjust(_Intent):
    """+ / - keys: change a value by `delta` (a vote count, the timer length)."""

    __slots__ = ("delta",)

    def __init__(self, delta: int) -> None:
        self._set(delta=delta)


Intent = Union[Next, Back, Choose, Focus, Activate, Toggle, Submit, Scroll, Pointer, Help, QuickExit, Fullscreen,
               Home, Quit, Resize, TextInput, Erase, OpenSettings, Author, Facilitate, Adjust]
