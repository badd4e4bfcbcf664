"""App marks for the fictional apps (a rounded tile with a simple glyph) and a few small icons for app screens."""

from __future__ import annotations

import math
from typing import Callable

from .pen import Pen

TILE = (0.03, 0.03, 0.94, 0.94, 0.25)
"""x, y, w, h, corner radius of a mark's tile (unit coordinates)."""


def _tile(p: Pen) -> None:
    x, y, w, h, r = TILE
    p.rect(x, y, w, h, r)


def _chattr(p: Pen) -> None:
    """A round speech bubble with a tail at the lower left and three dots."""
    _tile(p)
    p.circle((0.52, 0.46), 0.27, 0, p.accent)
    p.poly([(0.3, 0.56), (0.44, 0.68), (0.22, 0.8)], p.accent)
    for x in (0.41, 0.52, 0.63):
        p.circle((x, 0.46), 0.045, 0, p.color)


def _picstream(p: Pen) -> None:
    """A sun over two waves: pictures that flow."""
    _tile(p)
    p.circle((0.63, 0.33), 0.11, 0, p.accent)
    for y in (0.58, 0.74):
        pts = [(0.2 + i * 0.06, y + 0.045 * math.sin(i * math.pi / 2.5)) for i in range(11)]
        p.lines(pts, 0.065, p.accent)


def _gigboard(p: Pen) -> None:
    """A small case on a board: jobs."""
    _tile(p)
    p.rect(0.36, 0.24, 0.28, 0.16, 0.05, 0.06, p.accent)
    p.rect(0.2, 0.36, 0.6, 0.42, 0.07, 0, p.accent)
    p.line((0.2, 0.53), (0.8, 0.53), 0.05, p.color)
    p.rect(0.45, 0.49, 0.1, 0.09, 0.02, 0, p.accent)


def _swapspot(p: Pen) -> None:
    """Two arrows passing each other: swap."""
    _tile(p)
    p.line((0.22, 0.38), (0.72, 0.38), 0.07, p.accent)
    p.poly([(0.66, 0.27), (0.82, 0.38), (0.66, 0.49)], p.accent)
    p.line((0.78, 0.64), (0.28, 0.64), 0.07, p.accent)
    p.poly([(0.34, 0.53), (0.18, 0.64), (0.34, 0.75)], p.accent)


def _questline(p: Pen) -> None:
    """A cut gem: a game's treasure."""
    _tile(p)
    p.poly([(0.32, 0.27), (0.68, 0.27), (0.82, 0.43), (0.5, 0.8), (0.18, 0.43)], p.accent)
    p.line((0.2, 0.43), (0.8, 0.43), 0.035, p.color)
    p.lines([(0.38, 0.43), (0.5, 0.76), (0.62, 0.43)], 0.035, p.color)


def _hush(p: Pen) -> None:
    """A crescent moon and a small star: a quiet, private app."""
    _tile(p)
    p.circle((0.47, 0.52), 0.27, 0, p.accent)
    p.circle((0.6, 0.43), 0.23, 0, p.color)
    p.circle((0.71, 0.27), 0.05, 0, p.accent)


def _mailbox(p: Pen) -> None:
    """An envelope."""
    _tile(p)
    p.rect(0.18, 0.28, 0.64, 0.44, 0.06, 0, p.accent)
    p.lines([(0.2, 0.31), (0.5, 0.54), (0.8, 0.31)], 0.055, p.color)


def _messages(p: Pen) -> None:
    """A square-ish text bubble with two lines of text, its tail at the lower right."""
    _tile(p)
    p.rect(0.18, 0.24, 0.64, 0.42, 0.12, 0, p.accent)
    p.poly([(0.58, 0.6), (0.76, 0.6), (0.78, 0.8)], p.accent)
    p.line((0.3, 0.39), (0.68, 0.39), 0.05, p.color)
    p.line((0.3, 0.51), (0.56, 0.51), 0.05, p.color)


def _settings(p: Pen) -> None:
    """A gear."""
    _tile(p)
    for i in range(8):
        a = i * math.pi / 4
        p.line((0.5, 0.5), (0.5 + 0.3 * math.cos(a), 0.5 + 0.3 * math.sin(a)), 0.1, p.accent)
    p.circle((0.5, 0.5), 0.22, 0, p.accent)
    p.circle((0.5, 0.5), 0.09, 0, p.color)


def _clock(p: Pen) -> None:
    p.circle((0.5, 0.5), 0.42, 0.08)
    p.lines([(0.5, 0.24), (0.5, 0.52), (0.68, 0.62)], 0.08)


def _school(p: Pen) -> None:
    """A small building with a pointed roof."""
    p.poly([(0.5, 0.1), (0.92, 0.38), (0.08, 0.38)])
    p.rect(0.16, 0.38, 0.68, 0.5, 0.02)
    p.rect(0.42, 0.6, 0.16, 0.28, 0.02, 0, p.accent)


def _calendar(p: Pen) -> None:
    p.rect(0.1, 0.18, 0.8, 0.72, 0.08)
    p.rect(0.16, 0.38, 0.68, 0.46, 0.03, 0, p.accent)
    p.line((0.32, 0.08), (0.32, 0.26), 0.08)
    p.line((0.68, 0.08), (0.68, 0.26), 0.08)
    for x in (0.3, 0.5, 0.7):
        p.circle((x, 0.52), 0.05)


def _paperclip(p: Pen) -> None:
    p.arc(0.3, 0.1, 0.4, 0.34, 0, math.pi, 0.07)
    p.line((0.3, 0.27), (0.3, 0.7), 0.07)
    p.line((0.7, 0.27), (0.7, 0.62), 0.07)
    p.arc(0.3, 0.52, 0.4, 0.36, math.pi, 2 * math.pi, 0.07)
    p.line((0.5, 0.3), (0.5, 0.66), 0.07)


def _trash(p: Pen) -> None:
    p.rect(0.22, 0.3, 0.56, 0.6, 0.06)
    p.line((0.14, 0.22), (0.86, 0.22), 0.07)
    p.rect(0.4, 0.1, 0.2, 0.1, 0.03)


def _more(p: Pen) -> None:
    for x in (0.2, 0.5, 0.8):
        p.circle((x, 0.5), 0.09)


def _trophy(p: Pen) -> None:
    p.poly([(0.26, 0.14), (0.74, 0.14), (0.68, 0.46), (0.5, 0.6), (0.32, 0.46)])
    p.arc(0.1, 0.18, 0.26, 0.26, math.pi / 2, 3 * math.pi / 2, 0.06)
    p.arc(0.64, 0.18, 0.26, 0.26, -math.pi / 2, math.pi / 2, 0.06)
    p.rect(0.45, 0.58, 0.1, 0.18)
    p.rect(0.3, 0.76, 0.4, 0.12, 0.03)


def _badge_outline(shape: str, inset: float) -> list[tuple[float, float]]:
    """The outline of a badge shape, shrunk towards the centre by `inset` (unit coordinates)."""
    k = 1 - inset * 2
    c = (0.5, 0.52)
    if shape == "shield":
        pts = [(0.5, 0.04), (0.92, 0.18), (0.88, 0.56), (0.5, 0.97), (0.12, 0.56), (0.08, 0.18)]
    elif shape == "hexagon":
        angles = [math.pi / 6 + i * math.pi / 3 for i in range(6)]
        pts = [(0.5 + 0.47 * math.cos(a), 0.5 + 0.47 * math.sin(a)) for a in angles]
    elif shape == "diamond":
        pts = [(0.5, 0.02), (0.96, 0.5), (0.5, 0.98), (0.04, 0.5)]
    else:  # star
        pts = []
        for i in range(10):
            rr = 0.49 if i % 2 == 0 else 0.26
            a = -math.pi / 2 + i * math.pi / 5
            pts.append((0.5 + rr * math.cos(a), 0.54 + rr * math.sin(a)))
    return [(c[0] + (x - c[0]) * k, c[1] + (y - c[1]) * k) for x, y in pts]


def _badge(shape: str) -> Callable[[Pen], None]:
    """A badge: the shape filled, an inner rim and a small star in the accent colour (a medal, calm and flat)."""
    def draw(p: Pen) -> None:
        if shape == "circle":
            p.circle((0.5, 0.5), 0.47)
            p.circle((0.5, 0.5), 0.37, 0.035, p.accent)
        else:
            p.poly(_badge_outline(shape, 0))
            p.poly(_badge_outline(shape, 0.1 if shape != "star" else 0.13), p.accent, 0.035)
        if shape != "star":
            star = [(rr, -math.pi / 2 + i * math.pi / 5) for i, rr in enumerate([0.17, 0.08] * 5)]
            p.poly([(0.5 + rr * math.cos(a), 0.53 + rr * math.sin(a)) for rr, a in star], p.accent)
    return draw


MARKS: dict[str, Callable[[Pen], None]] = {
    "chattr": _chattr, "picstream": _picstream, "gigboard": _gigboard, "swapspot": _swapspot,
    "questline": _questline, "hush": _hush, "mailbox": _mailbox, "messages": _messages, "settings": _settings,
}
"""App key -> mark (tile in the icon colour, glyph in the accent colour)."""

SHAPES: dict[str, Callable[[Pen], None]] = {
    **{f"mark_{k}": fn for k, fn in MARKS.items()}, "mark_tile": _tile,
    "clock": _clock, "school": _school, "calendar": _calendar, "paperclip": _paperclip, "trash": _trash,
    "more": _more, "trophy": _trophy,
    **{f"badge_{k}": _badge(k) for k in ("shield", "star", "circle", "hexagon", "diamond")},
}
"""Icon names added to icons.SHAPES: `mark_<app>`, the bare tile, small app-screen icons, `badge_<shape>`."""
