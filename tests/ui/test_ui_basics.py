"""pygame-ce, theme contrast, input mapping, and the display-list caches."""

from __future__ import annotations

import re
from pathlib import Path

import pygame
import pytest

from game.ui.input import key_intent, map_event
from game.ui.intents import Activate, Back, Choose, Focus, Help, Pointer, QuickExit, Quit, Scroll, TextInput, Toggle
from game.ui.theme import AVATAR_COUNT, GRAPHIC_PAIRS, TEXT_PAIRS, THEMES, contrast, load_theme, parse_color

UI = Path(__file__).resolve().parents[2] / "game" / "ui"


def test_pygame_is_ce() -> None:
    assert getattr(pygame, "IS_CE", False)


@pytest.mark.parametrize("name", THEMES)
def test_every_text_pair_has_enough_contrast(name: str) -> None:
    theme = load_theme(name)
    need = 7.0 if name == "high_contrast" else 4.5
    low = [(fg, bg, round(contrast(theme.c(fg), theme.c(bg)), 2)) for fg, bg in TEXT_PAIRS
           if contrast(theme.c(fg), theme.c(bg)) < need]
    assert low == []


@pytest.mark.parametrize("name", THEMES)
def test_every_graphic_pair_reads_at_3_to_1(name: str) -> None:
    theme = load_theme(name)
    low = [(fg, bg, round(contrast(theme.c(fg), theme.c(bg)), 2)) for fg, bg in GRAPHIC_PAIRS
           if contrast(theme.c(fg), theme.c(bg)) < 3.0]
    assert low == []


@pytest.mark.parametrize("name", THEMES)
def test_avatar_discs_are_never_the_flag_red(name: str) -> None:
    theme = load_theme(name)
    flag = theme.c("flag")
    for k in range(1, AVATAR_COUNT + 1):
        r, g, b, _a = theme.c(f"avatar_{k}")
        assert f"avatar_{k}" in theme.colors
        assert not (r > g + 60 and r > b + 60), f"avatar_{k} reads as red"  # red is for red flags only
        assert (r, g, b) != flag[:3]


def test_wcag_formula() -> None:
    assert round(contrast(parse_color("#000000"), parse_color("#FFFFFF")), 1) == 21.0
    assert round(contrast(parse_color("#1E1B2E"), parse_color("#F6F4FB")), 1) == 15.4


def test_every_colour_role_used_in_code_is_in_every_theme() -> None:
    used: set[str] = set()
    for path in UI.rglob("*.py"):
        src = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"ctx\.c\(\"([a-z_]+)\"\)", src))
        used |= set(re.findall(r"role=\"([a-z_]+)\"", src))
    for name in THEMES:
        missing = sorted(r for r in used if r not in load_theme(name).colors)
        assert missing == [], f"{name} lacks {missing}"


def _ev(t: int, **kw: object) -> pygame.event.Event:
    return pygame.event.Event(t, **kw)


def test_input_mapping_turns_events_into_intents() -> None:
    pygame.display.init()
    assert map_event(_ev(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0)) == Back()
    assert map_event(_ev(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0)) == Activate()
    assert map_event(_ev(pygame.KEYDOWN, key=pygame.K_SPACE, mod=0)) == Toggle()
    assert map_event(_ev(pygame.KEYDOWN, key=pygame.K_3, mod=0)) == Choose(2)
    assert map_event(_ev(pygame.KEYDOWN, key=pygame.K_h, mod=0)) == Help()
    assert map_event(_ev(pygame.KEYDOWN, key=pygame.K_F12, mod=0)) == QuickExit()
    assert map_event(_ev(pygame.KEYDOWN, key=pygame.K_TAB, mod=pygame.KMOD_SHIFT)) == Focus(0, -1, linear=True)
    assert map_event(_ev(pygame.KEYDOWN, key=pygame.K_q, mod=pygame.KMOD_CTRL)) == Quit()
    assert map_event(_ev(pygame.QUIT)) == Quit()
    assert map_event(_ev(pygame.MOUSEBUTTONDOWN, pos=(5, 6), button=1)) == Pointer(5, 6, pressed=True)
    assert map_event(_ev(pygame.MOUSEWHEEL, x=0, y=1, precise_y=1.0)) == Scroll(-1.0)
    # in a text field letters type, and H does not open help
    assert map_event(_ev(pygame.KEYDOWN, key=pygame.K_h, mod=0), text_mode=True) is None
    assert map_event(_ev(pygame.TEXTINPUT, text="h"), text_mode=True) == TextInput("h")
    assert key_intent("f12") == QuickExit()
