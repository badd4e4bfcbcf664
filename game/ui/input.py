"""Raw pygame events to intents: the one place that knows keys, buttons, wheels and touches."""

from __future__ import annotations

import warnings
from typing import Optional

import pygame

from .intents import (
    Activate,
    Adjust,
    Author,
    Back,
    Choose,
    Erase,
    Facilitate,
    Focus,
    Fullscreen,
    Help,
    Home,
    Intent,
    Pointer,
    QuickExit,
    Quit,
    Resize,
    Scroll,
    Submit,
    TextInput,
    Toggle,
)

_NUMBER_KEYS = {getattr(pygame, f"K_{i}"): i - 1 for i in range(1, 10)}
_NUMBER_KEYS.update({getattr(pygame, f"K_KP{i}"): i - 1 for i in range(1, 10)})
_NUMBER_KEYS.update({pygame.K_0: -1, pygame.K_KP0: -1})
_ADJUST_KEYS = {pygame.K_PLUS: 1, pygame.K_EQUALS: 1, pygame.K_KP_PLUS: 1, pygame.K_MINUS: -1, pygame.K_KP_MINUS: -1}
_CLASS_KEYS = {pygame.K_t: "timer", pygame.K_n: "notes", pygame.K_d: "discuss"}

_KEYS: dict[int, Intent] = {
    pygame.K_ESCAPE: Back(),
    pygame.K_AC_BACK: Back(),
    pygame.K_RETURN: Activate(),
    pygame.K_KP_ENTER: Activate(),
    pygame.K_SPACE: Toggle(),
    pygame.K_UP: Focus(0, -1),
    pygame.K_DOWN: Focus(0, 1),
    pygame.K_LEFT: Focus(-1, 0),
    pygame.K_RIGHT: Focus(1, 0),
    pygame.K_PAGEUP: Scroll(-1, page=True),
    pygame.K_PAGEDOWN: Scroll(1, page=True),
    pygame.K_F12: QuickExit(),
    pygame.K_F11: Fullscreen(),
    pygame.K_F1: Help(),
    pygame.K_HOME: Home(),
    pygame.K_F5: Author("reload"),
    pygame.K_F6: Author("state"),
    pygame.K_F7: Author("jump"),
}


def map_key(key: int, mod: int = 0, text_mode: bool = False) -> Optional[Intent]:
    """The intent for a key press (None when the key means nothing here)."""
    ctrl = bool(mod & (pygame.KMOD_CTRL | pygame.KMOD_META))
    shift = bool(mod & pygame.KMOD_SHIFT)
    if ctrl and key == pygame.K_q:
        return Quit()
    if ctrl and key == pygame.K_RETURN:
        return Submit()
    if key == pygame.K_TAB:
        return Focus(0, -1 if shift else 1, linear=True)
    if text_mode:
        if key == pygame.K_BACKSPACE:
            return Erase()
        if key in (pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_F12, pygame.K_F11,
                   pygame.K_F1, pygame.K_UP, pygame.K_DOWN, pygame.K_F5, pygame.K_F6, pygame.K_F7,
                   pygame.K_HOME):
            return _KEYS[key]
        return None  # letters arrive as TEXTINPUT events
    if key in _KEYS:
        return _KEYS[key]
    if key in _NUMBER_KEYS:
        return Choose(_NUMBER_KEYS[key])
    if key == pygame.K_h:
        return Help()
    if key == pygame.K_s and not ctrl:
        return Submit()
    if key in _ADJUST_KEYS and not ctrl:
        return Adjust(_ADJUST_KEYS[key])
    if key in _CLASS_KEYS and not ctrl:
        return Facilitate("timer_length" if key == pygame.K_t and shift else _CLASS_KEYS[key])
    if key == pygame.K_BACKSPACE:
        return Erase()
    return None


def map_event(event: pygame.event.Event, text_mode: bool = False) -> Optional[Intent]:
    """The intent for one pygame event, or None."""
    t = event.type
    if t == pygame.QUIT:
        return Quit()
    if t == pygame.KEYDOWN:
        return map_key(event.key, getattr(event, "mod", 0), text_mode)
    if t == pygame.TEXTINPUT and text_mode:
        return TextInput(event.text)
    if t == pygame.MOUSEWHEEL:
        dy = -getattr(event, "precise_y", event.y)
        return Scroll(float(dy)) if dy else None
    if t == pygame.MOUSEBUTTONDOWN and getattr(event, "button", 1) == 1:
        return Pointer(event.pos[0], event.pos[1], pressed=True)
    if t == pygame.MOUSEBUTTONUP and getattr(event, "button", 1) == 1:
        return Pointer(event.pos[0], event.pos[1], released=True)
    if t == pygame.MOUSEMOTION:
        return Pointer(event.pos[0], event.pos[1], held=bool(event.buttons and event.buttons[0]))
    if t in (pygame.WINDOWRESIZED, pygame.WINDOWSIZECHANGED):
        return Resize(int(event.x), int(event.y))
    return None


def key_intent(name: str, text_mode: bool = False) -> Optional[Intent]:
    """The intent a named key would make ('return', 'f12', 'ctrl+q'), for scripts and tests."""
    mod = 0
    parts = name.lower().split("+")
    for p in parts[:-1]:
        mod |= {"ctrl": pygame.KMOD_CTRL, "shift": pygame.KMOD_SHIFT, "alt": pygame.KMOD_ALT}.get(p, 0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            key = pygame.key.key_code(parts[-1])
    except (ValueError, pygame.error):
        return None
    return map_key(key, mod, text_mode)
