"""The title's radar-sweep motif, drawn in code: a cached base layer and a cached sweep, turned only when it moves."""

from __future__ import annotations

import math
from typing import Optional

import pygame

from .theme import Color

SWEEP_S = 8.0
"""Seconds per turn of the sweep: slow and calm."""
ACTIVE_S = 30.0
"""The sweep turns for this long after the title appears or after any input, then rests (no busy redraw)."""
STEP_DEG = 2
"""The sweep is turned in steps of this many degrees (a new picture only when it moves that far)."""
REST_DEG = 270
"""Where the sweep rests when it does not move (reduced motion, headless): straight up (a quarter turn, which
rotates without resampling, so the first frame stays quick)."""
TRAIL_DEG = 70
"""How far behind the sweep's line its fading trail reaches."""

BLIPS = ((0.52, 318, True), (0.78, 205, True), (0.34, 130, False), (0.66, 40, False), (0.86, 262, False))
"""(distance from the centre as a share of the radius, angle, is a red flag) for the dots on the radar."""


class RadarArt:
    """The motif's layers: `base` (disc, rings, cross, blips) and `frame` (the sweep at the current angle)."""

    def __init__(self) -> None:
        self.key: tuple = ()
        self.base: Optional[pygame.Surface] = None
        self.wedge: Optional[pygame.Surface] = None
        self.frame: Optional[pygame.Surface] = None
        self.step = -1

    def prepare(self, size: int, ring: Color, soft: Color, flag: Color, dot: Color, bg: Color) -> None:
        """Draw both layers for this size and these colours (once: nothing is redrawn while they stay the same)."""
        size = max(16, int(size))
        key = (size, ring, soft, flag, dot, bg)
        if key == self.key:
            return
        self.key = key
        self.base = _base(size, ring, soft, flag, dot, bg)
        self.wedge = _wedge(size, ring)
        self.step = -1
        self.turn(REST_DEG)

    def turn(self, angle: float) -> bool:
        """Point the sweep at `angle` degrees (clockwise from east); True when its picture changed."""
        step = int(angle % 360) // STEP_DEG
        if step == self.step or self.wedge is None:
            return False
        self.step = step
        self.frame = pygame.transform.rotate(self.wedge, -step * STEP_DEG)
        return True

    def blit(self, surface: pygame.Surface, center: tuple[int, int], *, base: bool = True, sweep: bool = True) -> None:
        """Blit the cached layers centred at `center`."""
        cx, cy = center
        if base and self.base is not None:
            surface.blit(self.base, (cx - self.base.get_width() // 2, cy - self.base.get_height() // 2))
        if sweep and self.frame is not None:
            surface.blit(self.frame, (cx - self.frame.get_width() // 2, cy - self.frame.get_height() // 2))


def _alpha(c: Color, a: int) -> tuple[int, int, int, int]:
    return (c[0], c[1], c[2], max(0, min(255, a)))


def _base(size: int, ring: Color, soft: Color, flag: Color, dot: Color, bg: Color) -> pygame.Surface:
    """The still part: a soft disc, four rings, a cross, and a few blips (two of them red flags)."""
    surf = pygame.Surface((size, size), pygame.SRCALPHA)
    c = size // 2
    r = c - max(2, size // 60)
    w = max(2, size // 110)
    pygame.draw.circle(surf, soft, (c, c), r)
    for k in (1, 2, 3, 4):
        pygame.draw.aacircle(surf, ring, (c, c), round(r * k / 4), w if k == 4 else max(1, w - 1))
    pygame.draw.line(surf, _alpha(ring, 150), (c - r, c), (c + r, c), max(1, w - 1))
    pygame.draw.line(surf, _alpha(ring, 150), (c, c - r), (c, c + r), max(1, w - 1))
    br = max(3, size // 34)
    for dist, deg, is_flag in BLIPS:
        a = math.radians(deg)
        x, y = round(c + math.cos(a) * r * dist), round(c + math.sin(a) * r * dist)
        if is_flag:  # a small flag: pole and pennant, in the red-flag colour on a white dot
            pygame.draw.circle(surf, bg, (x, y), round(br * 1.9))
            pygame.draw.aacircle(surf, flag, (x, y), round(br * 1.9), max(1, w - 1))
            pygame.draw.line(surf, flag, (x - br // 2, y - br), (x - br // 2, y + br), max(2, br // 3))
            pygame.draw.polygon(surf, flag, [(x - br // 2, y - br), (x + br, y - br // 2), (x - br // 2, y)])
        else:
            pygame.draw.circle(surf, dot, (x, y), br)
    pygame.draw.circle(surf, ring, (c, c), max(3, br))
    return surf


def _wedge(size: int, ring: Color) -> pygame.Surface:
    """The sweep pointing east: its line, and a trail fading out behind it (counter-clockwise)."""
    surf = pygame.Surface((size, size), pygame.SRCALPHA)
    c = size // 2
    r = c - max(2, size // 60)
    slices = 28
    for k in range(slices):
        a0 = -math.radians(TRAIL_DEG * (k + 1) / slices)
        a1 = -math.radians(TRAIL_DEG * k / slices)
        alpha = round(110 * (1 - k / slices) ** 1.6)
        pts = [(c, c)] + [(c + math.cos(a) * r, c + math.sin(a) * r) for a in (a0, (a0 + a1) / 2, a1)]
        pygame.draw.polygon(surf, _alpha(ring, alpha), pts)
    pygame.draw.line(surf, ring, (c, c), (c + r, c), max(2, size // 90))
    return surf
