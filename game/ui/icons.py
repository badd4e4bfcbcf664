"""Icons drawn in code (flag, shield, check, lightbulb, globe, lock, people, ...), supersampled and cached."""

from __future__ import annotations

import math
from collections import OrderedDict
from typing import Callable, Optional

import pygame

from .icon_marks import SHAPES as _MARK_SHAPES
from .pen import Pen, Pt
from .theme import Color

SS = 4  # supersampling factor


def _flag(p: Pen) -> None:
    p.line((0.24, 0.1), (0.24, 0.92), 0.09)
    p.poly([(0.26, 0.12), (0.84, 0.28), (0.26, 0.5)])


def _flag_outline(p: Pen) -> None:
    p.line((0.24, 0.1), (0.24, 0.92), 0.09)
    p.lines([(0.26, 0.14), (0.8, 0.3), (0.26, 0.47)], 0.07)


def _shield(p: Pen) -> None:
    p.poly([(0.5, 0.06), (0.88, 0.2), (0.84, 0.55), (0.5, 0.95), (0.16, 0.55), (0.12, 0.2)])
    p.lines([(0.32, 0.5), (0.45, 0.64), (0.7, 0.36)], 0.08, p.accent)


def _check(p: Pen) -> None:
    p.lines([(0.14, 0.52), (0.4, 0.78), (0.88, 0.24)], 0.13)


def _cross(p: Pen) -> None:
    p.line((0.2, 0.2), (0.8, 0.8), 0.12)
    p.line((0.8, 0.2), (0.2, 0.8), 0.12)


def _check_circle(p: Pen) -> None:
    p.circle((0.5, 0.5), 0.46)
    p.lines([(0.28, 0.52), (0.44, 0.68), (0.73, 0.36)], 0.09, p.accent)


def _half_circle(p: Pen) -> None:
    """A neutral half mark: a ring with its left half filled (between the safest and the riskiest choice)."""
    p.circle((0.5, 0.5), 0.42, 0.09)
    p.poly([(0.5 - 0.42 * math.sin(math.pi * k / 16), 0.5 - 0.42 * math.cos(math.pi * k / 16)) for k in range(17)])


def _lightbulb(p: Pen) -> None:
    p.circle((0.5, 0.4), 0.3)
    p.poly([(0.33, 0.55), (0.67, 0.55), (0.62, 0.72), (0.38, 0.72)])
    p.rect(0.38, 0.75, 0.24, 0.07, 0.02)
    p.rect(0.41, 0.85, 0.18, 0.07, 0.03)
    p.arc(0.36, 0.24, 0.22, 0.26, math.pi * 0.55, math.pi * 0.95, 0.05, p.accent)


def _globe(p: Pen) -> None:
    p.circle((0.5, 0.5), 0.42, 0.07)
    p.arc(0.3, 0.08, 0.4, 0.84, 0, 2 * math.pi, 0.06)
    p.line((0.1, 0.5), (0.9, 0.5), 0.06)
    p.line((0.5, 0.08), (0.5, 0.92), 0.06)


def _lock(p: Pen) -> None:
    p.arc(0.28, 0.08, 0.44, 0.56, 0, math.pi, 0.09)
    p.line((0.32, 0.36), (0.32, 0.46), 0.09)
    p.line((0.68, 0.36), (0.68, 0.46), 0.09)
    p.rect(0.16, 0.44, 0.68, 0.5, 0.1)
    p.circle((0.5, 0.64), 0.07, 0, p.accent)
    p.rect(0.47, 0.66, 0.06, 0.14, 0, 0, p.accent)


def _people(p: Pen) -> None:
    p.circle((0.34, 0.34), 0.14)
    p.arc(0.08, 0.54, 0.52, 0.7, 0, math.pi, 0.26)
    p.circle((0.7, 0.3), 0.12)
    p.arc(0.5, 0.48, 0.42, 0.6, 0, math.pi, 0.2)


def _person(p: Pen) -> None:
    p.circle((0.5, 0.32), 0.18)
    p.arc(0.16, 0.56, 0.68, 0.8, 0, math.pi, 0.34)


def _star_pts(cx: float, cy: float, r: float) -> list[Pt]:
    pts = []
    for i in range(10):
        rr = r if i % 2 == 0 else r * 0.45
        a = -math.pi / 2 + i * math.pi / 5
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    return pts


def _star(p: Pen) -> None:
    p.poly(_star_pts(0.5, 0.54, 0.46))


def _star_outline(p: Pen) -> None:
    p.poly(_star_pts(0.5, 0.54, 0.46), width=0.06)


def _star_gold(p: Pen) -> None:
    """An earned star: filled in the accent (gold), outlined in the colour (so it reads without its fill)."""
    p.poly(_star_pts(0.5, 0.54, 0.46), p.accent)
    p.poly(_star_pts(0.5, 0.54, 0.46), width=0.06)


def _reach_out(p: Pen) -> None:
    """Reaching out: two people side by side and a speech bubble between them (the help-sought ending)."""
    p.circle((0.26, 0.5), 0.12)
    p.arc(0.04, 0.66, 0.44, 0.56, 0, math.pi, 0.22)
    p.circle((0.74, 0.5), 0.12)
    p.arc(0.52, 0.66, 0.44, 0.56, 0, math.pi, 0.22)
    p.rect(0.3, 0.04, 0.4, 0.26, 0.08)
    p.poly([(0.42, 0.28), (0.54, 0.28), (0.46, 0.38)])
    for x in (0.4, 0.5, 0.6):
        p.circle((x, 0.17), 0.035, 0, p.accent)


def _wrench(p: Pen) -> None:
    p.line((0.25, 0.75), (0.6, 0.4), 0.14)
    p.circle((0.66, 0.34), 0.22)
    p.poly([(0.66, 0.34), (0.84, 0.06), (0.98, 0.2)], (0, 0, 0, 0))
    p.clear((0.78, 0.22), 0.1)


def _lifebuoy(p: Pen) -> None:
    p.circle((0.5, 0.5), 0.44, 0.16)
    for a in (45, 135, 225, 315):
        r = math.radians(a)
        p.line((0.5 + 0.28 * math.cos(r), 0.5 + 0.28 * math.sin(r)),
               (0.5 + 0.44 * math.cos(r), 0.5 + 0.44 * math.sin(r)), 0.1, p.accent)


def _heart(p: Pen) -> None:
    p.circle((0.32, 0.38), 0.2)
    p.circle((0.68, 0.38), 0.2)
    p.poly([(0.13, 0.44), (0.87, 0.44), (0.5, 0.88)])


def _gear(p: Pen) -> None:
    for i in range(8):
        a = i * math.pi / 4
        p.line((0.5, 0.5), (0.5 + 0.4 * math.cos(a), 0.5 + 0.4 * math.sin(a)), 0.14)
    p.circle((0.5, 0.5), 0.3)
    p.circle((0.5, 0.5), 0.12, 0, p.accent)


def _chevron(left: bool) -> Callable[[Pen], None]:
    def draw(p: Pen) -> None:
        if left:
            p.lines([(0.64, 0.18), (0.32, 0.5), (0.64, 0.82)], 0.11)
        else:
            p.lines([(0.36, 0.18), (0.68, 0.5), (0.36, 0.82)], 0.11)
    return draw


def _image(p: Pen) -> None:
    p.rect(0.08, 0.16, 0.84, 0.68, 0.08, 0.06)
    p.circle((0.34, 0.38), 0.08)
    p.poly([(0.14, 0.78), (0.42, 0.5), (0.58, 0.64), (0.7, 0.52), (0.86, 0.78)])


def _notes(p: Pen) -> None:
    p.rect(0.16, 0.08, 0.68, 0.84, 0.08, 0.06)
    for y in (0.32, 0.5, 0.68):
        p.line((0.3, y), (0.7, y), 0.05)


def _sun(p: Pen) -> None:
    p.circle((0.5, 0.5), 0.2)
    for i in range(8):
        a = i * math.pi / 4
        p.line((0.5 + 0.3 * math.cos(a), 0.5 + 0.3 * math.sin(a)),
               (0.5 + 0.42 * math.cos(a), 0.5 + 0.42 * math.sin(a)), 0.07)


def _cloud(p: Pen) -> None:
    p.circle((0.36, 0.58), 0.18)
    p.circle((0.56, 0.46), 0.24)
    p.circle((0.74, 0.6), 0.16)
    p.rect(0.2, 0.6, 0.6, 0.16, 0.08)


def _bell(p: Pen) -> None:
    p.poly([(0.5, 0.12), (0.74, 0.3), (0.78, 0.7), (0.9, 0.78), (0.1, 0.78), (0.22, 0.7), (0.26, 0.3)])
    p.circle((0.5, 0.86), 0.08)


def _gift(p: Pen) -> None:
    p.rect(0.14, 0.4, 0.72, 0.5, 0.04)
    p.rect(0.1, 0.28, 0.8, 0.14, 0.03)
    p.rect(0.46, 0.28, 0.08, 0.62, 0, 0, p.accent)
    p.arc(0.24, 0.1, 0.26, 0.24, 0, math.pi, 0.05)
    p.arc(0.5, 0.1, 0.26, 0.24, 0, math.pi, 0.05)


def _coin(p: Pen) -> None:
    p.circle((0.5, 0.5), 0.42)
    p.circle((0.5, 0.5), 0.28, 0.06, p.accent)


def _search(p: Pen) -> None:
    p.circle((0.42, 0.42), 0.28, 0.09)
    p.line((0.62, 0.62), (0.88, 0.88), 0.12)


def _hand(p: Pen) -> None:
    for i, x in enumerate((0.3, 0.44, 0.58, 0.72)):
        p.rect(x - 0.05, 0.16 + (0.06 if i in (0, 3) else 0), 0.1, 0.5, 0.05)
    p.rect(0.25, 0.42, 0.52, 0.44, 0.14)
    p.line((0.2, 0.5), (0.28, 0.64), 0.1)


def _mail(p: Pen) -> None:
    p.rect(0.08, 0.2, 0.84, 0.6, 0.06)
    p.lines([(0.1, 0.24), (0.5, 0.54), (0.9, 0.24)], 0.06, p.accent)


def _phone(p: Pen) -> None:
    p.rect(0.26, 0.06, 0.48, 0.88, 0.1)
    p.rect(0.32, 0.16, 0.36, 0.62, 0.02, 0, p.accent)
    p.circle((0.5, 0.86), 0.04, 0, p.accent)


def _exit(p: Pen) -> None:
    p.rect(0.14, 0.1, 0.46, 0.8, 0.04, 0.07)
    p.line((0.4, 0.5), (0.88, 0.5), 0.09)
    p.lines([(0.74, 0.34), (0.9, 0.5), (0.74, 0.66)], 0.09)


def _pin(p: Pen) -> None:
    p.circle((0.5, 0.38), 0.3)
    p.poly([(0.24, 0.5), (0.76, 0.5), (0.5, 0.94)])
    p.circle((0.5, 0.38), 0.11, 0, p.accent)


def _chat(p: Pen) -> None:
    p.rect(0.08, 0.14, 0.84, 0.58, 0.18)
    p.poly([(0.24, 0.66), (0.46, 0.66), (0.22, 0.9)])


def _play(p: Pen) -> None:
    p.poly([(0.26, 0.14), (0.86, 0.5), (0.26, 0.86)])


def _timer(p: Pen) -> None:
    p.circle((0.5, 0.56), 0.36, 0.08)
    p.line((0.42, 0.1), (0.58, 0.1), 0.08)
    p.line((0.5, 0.1), (0.5, 0.2), 0.07)
    p.line((0.5, 0.56), (0.5, 0.34), 0.07)
    p.line((0.5, 0.56), (0.64, 0.64), 0.07)


def _pause(p: Pen) -> None:
    p.rect(0.24, 0.16, 0.18, 0.68, 0.04)
    p.rect(0.58, 0.16, 0.18, 0.68, 0.04)


def _chart(p: Pen) -> None:
    p.rect(0.12, 0.52, 0.18, 0.36, 0.03)
    p.rect(0.41, 0.16, 0.18, 0.72, 0.03)
    p.rect(0.7, 0.38, 0.18, 0.5, 0.03)


def _dot(p: Pen) -> None:
    p.circle((0.5, 0.5), 0.4)


def _ring(p: Pen) -> None:
    p.circle((0.5, 0.5), 0.4, 0.1)


def _hexagon(p: Pen) -> None:
    p.poly([(0.5 + 0.45 * math.cos(math.pi / 6 + i * math.pi / 3), 0.5 + 0.45 * math.sin(math.pi / 6 + i * math.pi / 3))
            for i in range(6)])


def _diamond(p: Pen) -> None:
    p.poly([(0.5, 0.05), (0.92, 0.5), (0.5, 0.95), (0.08, 0.5)])


def _question(p: Pen) -> None:
    p.arc(0.28, 0.1, 0.44, 0.4, -math.pi / 2, math.pi, 0.1)
    p.line((0.5, 0.5), (0.5, 0.64), 0.1)
    p.circle((0.5, 0.84), 0.07)


def _battery(p: Pen) -> None:
    p.rect(0.06, 0.3, 0.78, 0.4, 0.06, 0.07)
    p.rect(0.14, 0.38, 0.5, 0.24)
    p.rect(0.86, 0.42, 0.08, 0.16)


def _signal(p: Pen) -> None:
    for i in range(4):
        h = 0.2 + i * 0.2
        p.rect(0.1 + i * 0.22, 0.9 - h, 0.14, h, 0.02)


SHAPES: dict[str, Callable[[Pen], None]] = {
    "flag": _flag, "flag_outline": _flag_outline, "shield": _shield, "check": _check, "cross": _cross,
    "check_circle": _check_circle, "half_circle": _half_circle,
    "lightbulb": _lightbulb, "globe": _globe, "lock": _lock, "people": _people,
    "person": _person, "star": _star, "star_outline": _star_outline, "wrench": _wrench, "help": _lifebuoy,
    "heart": _heart, "gear": _gear, "chevron_left": _chevron(True), "chevron_right": _chevron(False),
    "image": _image, "notes": _notes, "sun": _sun, "cloud": _cloud, "bell": _bell, "gift": _gift, "coin": _coin,
    "search": _search, "hand": _hand, "mail": _mail, "phone": _phone, "exit": _exit, "pin": _pin, "chat": _chat,
    "play": _play, "dot": _dot, "ring": _ring, "hexagon": _hexagon, "diamond": _diamond, "question": _question,
    "battery": _battery, "signal": _signal, "circle": _dot, "timer": _timer, "pause": _pause, "chart": _chart,
    "star_gold": _star_gold, "reach_out": _reach_out,
}
"""Every icon name the display list may use."""
SHAPES.update(_MARK_SHAPES)  # app marks (mark_chattr, ...) and small app-screen icons (clock, school, ...)


class IconCache:
    """Rendered icons by (name, size, colours)."""

    def __init__(self, capacity: int = 256) -> None:
        self.capacity = capacity
        self._items: OrderedDict[tuple, pygame.Surface] = OrderedDict()

    def get(self, name: str, w: int, h: int, color: Color, accent: Optional[Color]) -> pygame.Surface:
        key = (name, w, h, tuple(color), tuple(accent) if accent else None)
        surf = self._items.get(key)
        if surf is None:
            surf = render_icon(name, w, h, color, accent)
            self._items[key] = surf
            if len(self._items) > self.capacity:
                self._items.popitem(last=False)
        else:
            self._items.move_to_end(key)
        return surf


def render_icon(name: str, w: int, h: int, color: Color, accent: Optional[Color] = None) -> pygame.Surface:
    """A w x h transparent surface with the icon, anti-aliased by supersampling."""
    size = max(1, min(w, h))
    canvas = pygame.Surface((size * SS, size * SS), pygame.SRCALPHA)
    pen = Pen(canvas, tuple(color[:3]) + (255,), tuple((accent or (255, 255, 255, 255))[:3]) + (255,))
    SHAPES.get(name, _question)(pen)
    small = pygame.transform.smoothscale(canvas, (size, size))
    if w == h:
        return small
    out = pygame.Surface((max(1, w), max(1, h)), pygame.SRCALPHA)
    out.blit(small, ((w - size) // 2, (h - size) // 2))
    return out


def draw_icon(surface: pygame.Surface, name: str, rect: pygame.Rect, color: Color, accent: Optional[Color],
              cache: Optional[IconCache] = None) -> None:
    """Blit an icon into `rect`."""
    if rect.w <= 0 or rect.h <= 0:
        return
    surf = cache.get(name, rect.w, rect.h, color, accent) if cache else render_icon(name, rect.w, rect.h, color, accent)
    surface.blit(surf, rect.topleft)
