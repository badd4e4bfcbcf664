"""The drawing pen for code-drawn icons and app marks: unit coordinates (0..1) on a supersampled canvas."""

from __future__ import annotations

from typing import Optional

import pygame

from .theme import Color

Pt = tuple[float, float]


class Pen:
    """Draws in unit coordinates (0..1) on a supersampled canvas."""

    def __init__(self, surf: pygame.Surface, color: Color, accent: Color) -> None:
        self.s = surf
        self.n = surf.get_width()
        self.color = color
        self.accent = accent

    def p(self, x: float, y: float) -> tuple[int, int]:
        return (round(x * self.n), round(y * self.n))

    def w(self, v: float) -> int:
        return max(1, round(v * self.n))

    def poly(self, pts: list[Pt], color: Optional[Color] = None, width: float = 0) -> None:
        pygame.draw.polygon(self.s, color or self.color, [self.p(*q) for q in pts], self.w(width) if width else 0)

    def line(self, a: Pt, b: Pt, width: float, color: Optional[Color] = None) -> None:
        pygame.draw.line(self.s, color or self.color, self.p(*a), self.p(*b), self.w(width))
        r = self.w(width) // 2
        for q in (a, b):
            pygame.draw.circle(self.s, color or self.color, self.p(*q), r)

    def lines(self, pts: list[Pt], width: float, color: Optional[Color] = None) -> None:
        for a, b in zip(pts, pts[1:], strict=False):
            self.line(a, b, width, color)

    def circle(self, c: Pt, r: float, width: float = 0, color: Optional[Color] = None) -> None:
        pygame.draw.circle(self.s, color or self.color, self.p(*c), self.w(r), self.w(width) if width else 0)

    def rect(self, x: float, y: float, w: float, h: float, radius: float = 0, width: float = 0,
             color: Optional[Color] = None) -> None:
        pygame.draw.rect(self.s, color or self.color, (*self.p(x, y), self.w(w), self.w(h)),
                         self.w(width) if width else 0, self.w(radius) if radius else 0)

    def arc(self, x: float, y: float, w: float, h: float, a0: float, a1: float, width: float,
            color: Optional[Color] = None) -> None:
        pygame.draw.arc(self.s, color or self.color, (*self.p(x, y), self.w(w), self.w(h)), a0, a1, self.w(width))

    def clear(self, c: Pt, r: float) -> None:
        pygame.draw.circle(self.s, (0, 0, 0, 0), self.p(*c), self.w(r))
