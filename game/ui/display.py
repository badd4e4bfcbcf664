"""The display list: plain-data drawing items (NamedTuples) built by layout, and the blitter that draws them."""

from __future__ import annotations

from collections import OrderedDict
from typing import Hashable, Iterable, Iterator, Mapping, NamedTuple, Optional, Union

import pygame

from .assets import FontKey, ImageCache, TextCache
from .icons import IconCache, draw_icon
from .theme import Color, Theme

RectT = tuple[int, int, int, int]
"""(x, y, w, h) in window pixels."""


class Box(NamedTuple):
    """A filled (width 0) or outlined rectangle with rounded corners; alpha < 255 blends."""

    rect: RectT
    color: Color
    radius: int = 0
    width: int = 0


class Text(NamedTuple):
    """A text run at (x, y); wrapped at `wrap` pixels when > 0. w/h are its rendered size."""

    x: int
    y: int
    text: str
    font: FontKey
    color: Color
    wrap: int = 0
    align: str = "left"
    w: int = 0
    h: int = 0


class Image(NamedTuple):
    """A picture scaled to fit `rect`; `path` None (or unloadable) draws a placeholder."""

    rect: RectT
    path: Optional[str]
    placeholder: Color = (200, 200, 200, 255)


class Icon(NamedTuple):
    """A drawn icon by name (flag, shield, check, lightbulb, globe, lock, people, ...)."""

    rect: RectT
    name: str
    color: Color
    accent: Optional[Color] = None


class Line(NamedTuple):
    """A straight line, optionally dashed (dotted underline of spot-the-flags parts)."""

    start: tuple[int, int]
    end: tuple[int, int]
    color: Color
    width: int = 1
    dash: int = 0


class Circle(NamedTuple):
    """A filled (width 0) or outlined circle."""

    center: tuple[int, int]
    radius: int
    color: Color
    width: int = 0


class Poly(NamedTuple):
    """A filled (width 0) or outlined polygon (a phrase's one rounded highlight across its lines); `rect` bounds it."""

    rect: RectT
    points: tuple[tuple[int, int], ...]
    color: Color
    width: int = 0


class FocusRing(NamedTuple):
    """The focus ring around `rect`: a gap in focus_gap colour, then the ring in focus colour."""

    rect: RectT
    radius: int
    width: int
    gap: int
    color: Color
    gap_color: Color


class Hit(NamedTuple):
    """Not drawn: a pointer target. `target` is what the scene activates or focuses."""

    rect: RectT
    target: Hashable


class Group(NamedTuple):
    """Items clipped to `rect` and scrolled by the scene's offset for `key` (content is `content_h` tall)."""

    rect: RectT
    items: tuple[Item, ...]
    key: str = ""
    content_h: int = 0


Item = Union[Box, Text, Image, Icon, Line, Circle, Poly, FocusRing, Hit, Group]


def shifted(it: Item, dy: int) -> Item:
    """A copy of an item moved down by dy (a group with everything in it)."""
    if isinstance(it, Text):
        return it._replace(y=it.y + dy)
    if isinstance(it, Line):
        return it._replace(start=(it.start[0], it.start[1] + dy), end=(it.end[0], it.end[1] + dy))
    if isinstance(it, Circle):
        return it._replace(center=(it.center[0], it.center[1] + dy))
    if isinstance(it, Group):
        x, y, w, h = it.rect
        return it._replace(rect=(x, y + dy, w, h), items=tuple(shifted(i, dy) for i in it.items))
    if isinstance(it, Poly):
        x, y, w, h = it.rect
        return it._replace(rect=(x, y + dy, w, h), points=tuple((px, py + dy) for px, py in it.points))
    if hasattr(it, "rect"):
        x, y, w, h = it.rect  # type: ignore[union-attr]
        return it._replace(rect=(x, y + dy, w, h))  # type: ignore[union-attr]
    return it


class DisplayList:
    """A screen's items in drawing order (scroll views are Group items)."""

    __slots__ = ("items",)

    def __init__(self, items: Optional[list[Item]] = None) -> None:
        self.items: list[Item] = items if items is not None else []

    def add(self, item: Item) -> Item:
        """Append an item and return it."""
        self.items.append(item)
        return item

    def extend(self, items: Iterable[Item]) -> None:
        """Append several items."""
        self.items.extend(items)

    def walk(self, offsets: Optional[Mapping[str, int]] = None) -> Iterator[tuple[Item, int, Optional[RectT]]]:
        """Every item with its vertical scroll shift and clip rect (for tests and hit testing)."""
        yield from _walk(self.items, 0, None, offsets or {})

    def groups(self) -> list[Group]:
        """Every scroll view."""
        return [it for it, _, _ in self.walk() if isinstance(it, Group)]

    def hit_test(self, x: int, y: int, offsets: Optional[Mapping[str, int]] = None) -> Optional[Hashable]:
        """The topmost pointer target under (x, y), honouring scroll offsets and clips."""
        found: Optional[Hashable] = None
        for it, shift, clip in self.walk(offsets):
            if isinstance(it, Hit):
                rx, ry, rw, rh = it.rect
                ry -= shift
                if clip is not None and not _inside(clip, x, y):
                    continue
                if rx <= x < rx + rw and ry <= y < ry + rh:
                    found = it.target
        return found

    def texts(self) -> list[str]:
        """All text runs, in order (for tests)."""
        return [it.text for it, _, _ in self.walk() if isinstance(it, Text)]


def _in_band(it: Item, dy: int, top: int, bottom: int) -> bool:
    """False when an item in a scrolled view lies wholly above `top` or below `bottom` (screen y)."""
    if isinstance(it, Text):
        y0, y1 = it.y, it.y + (it.h or 10**6)
    elif isinstance(it, Circle):
        y0, y1 = it.center[1] - it.radius, it.center[1] + it.radius
    elif isinstance(it, Line):
        y0, y1 = min(it.start[1], it.end[1]) - it.width, max(it.start[1], it.end[1]) + it.width
    elif isinstance(it, FocusRing):
        y0, y1 = it.rect[1] - it.gap - it.width, it.rect[1] + it.rect[3] + it.gap + it.width
    elif isinstance(it, Hit):
        return False
    else:
        y0, y1 = it.rect[1], it.rect[1] + it.rect[3]  # type: ignore[union-attr]
    return y1 - dy >= top and y0 - dy <= bottom


def _inside(r: RectT, x: int, y: int) -> bool:
    return r[0] <= x < r[0] + r[2] and r[1] <= y < r[1] + r[3]


def _walk(items: Iterable[Item], shift: int, clip: Optional[RectT],
          offsets: Mapping[str, int]) -> Iterator[tuple[Item, int, Optional[RectT]]]:
    for it in items:
        yield it, shift, clip
        if isinstance(it, Group):
            gx, gy, gw, gh = it.rect
            r = pygame.Rect(gx, gy - shift, gw, gh)
            if clip is not None:
                r = r.clip(pygame.Rect(clip))
            yield from _walk(it.items, shift + int(offsets.get(it.key, 0)), tuple(r), offsets)  # type: ignore[arg-type]


ALPHA_BUDGET = 16 * 2**20
"""Bytes of cached translucent layers (a full-screen scrim at 1920x1080 takes 8 MB)."""


class Painter:
    """Draws display lists from the caches: no font creation, no layout, no state change."""

    def __init__(self, text: TextCache, images: ImageCache, theme: Theme) -> None:
        self.text = text
        self.images = images
        self.theme = theme
        self._alpha: OrderedDict[tuple[int, int, Color, int], pygame.Surface] = OrderedDict()
        self.alpha_bytes = 0
        self.icons = IconCache()

    def draw(self, surface: pygame.Surface, dl: DisplayList | Iterable[Item],
             offsets: Optional[Mapping[str, int]] = None) -> None:
        """Blit every item onto `surface`."""
        items = dl.items if isinstance(dl, DisplayList) else dl
        self._draw(surface, items, 0, offsets or {})

    def _draw(self, surf: pygame.Surface, items: Iterable[Item], dy: int, offsets: Mapping[str, int],
              top: int = -(10**9), bottom: int = 10**9) -> None:
        for it in items:
            if dy and not _in_band(it, dy, top, bottom):
                continue  # scrolled out of view: skip
            if isinstance(it, Text):
                img = self.text.render(it.text, it.font, it.color, it.wrap, it.align)
                surf.blit(img, (it.x, it.y - dy))
            elif isinstance(it, Box):
                self._box(surf, it, dy)
            elif isinstance(it, Group):
                old = surf.get_clip()
                gx, gy, gw, gh = it.rect
                clip = pygame.Rect(gx, gy - dy, gw, gh).clip(old)
                if clip.w <= 0 or clip.h <= 0:
                    continue
                surf.set_clip(clip)
                self._draw(surf, it.items, dy + int(offsets.get(it.key, 0)), offsets, clip.top, clip.bottom)
                surf.set_clip(old)
            elif isinstance(it, Icon):
                x, y, w, h = it.rect
                draw_icon(surf, it.name, pygame.Rect(x, y - dy, w, h), it.color, it.accent, self.icons)
            elif isinstance(it, Line):
                self._line(surf, it, dy)
            elif isinstance(it, Circle):
                pygame.draw.circle(surf, it.color, (it.center[0], it.center[1] - dy), it.radius, it.width)
            elif isinstance(it, FocusRing):
                x, y, w, h = it.rect
                g, wd = it.gap, it.width
                outer = pygame.Rect(x - g - wd, y - dy - g - wd, w + 2 * (g + wd), h + 2 * (g + wd))
                pygame.draw.rect(surf, it.gap_color, outer.inflate(-2 * wd, -2 * wd), g, it.radius + g)
                pygame.draw.rect(surf, it.color, outer, wd, it.radius + g + wd)
            elif isinstance(it, Image):
                self._image(surf, it, dy)
            elif isinstance(it, Poly):
                self._poly(surf, it, dy)

    def _box(self, surf: pygame.Surface, it: Box, dy: int) -> None:
        x, y, w, h = it.rect
        if w <= 0 or h <= 0:
            return
        if len(it.color) > 3 and it.color[3] < 255:
            key = (w, h, it.color, it.radius)
            layer = self._alpha.get(key)
            if layer is None:
                layer = pygame.Surface((w, h), pygame.SRCALPHA)
                pygame.draw.rect(layer, it.color, (0, 0, w, h), it.width, it.radius)
                self._keep_alpha(key, layer)
            else:
                self._alpha.move_to_end(key)
            surf.blit(layer, (x, y - dy))
        else:
            pygame.draw.rect(surf, it.color, (x, y - dy, w, h), it.width, it.radius)

    def _keep_alpha(self, key: tuple[int, int, Color, int], layer: pygame.Surface) -> None:
        """Cache a translucent layer, least recently used out first, within ALPHA_BUDGET bytes (a count bound let
        thirty tall debrief panels hold 40 MB)."""
        size = layer.get_width() * layer.get_height() * 4
        if size > ALPHA_BUDGET:
            return
        self._alpha[key] = layer
        self.alpha_bytes += size
        while self.alpha_bytes > ALPHA_BUDGET:
            _key, old = self._alpha.popitem(last=False)
            self.alpha_bytes -= old.get_width() * old.get_height() * 4

    def _line(self, surf: pygame.Surface, it: Line, dy: int) -> None:
        (x1, y1), (x2, y2) = it.start, it.end
        y1 -= dy
        y2 -= dy
        if it.dash <= 0:
            pygame.draw.line(surf, it.color, (x1, y1), (x2, y2), it.width)
            return
        length = max(abs(x2 - x1), abs(y2 - y1))
        step = it.dash * 2
        for s in range(0, max(1, length), step):
            e = min(length, s + it.dash)
            t0, t1 = s / max(1, length), e / max(1, length)
            pygame.draw.line(surf, it.color, (x1 + (x2 - x1) * t0, y1 + (y2 - y1) * t0),
                             (x1 + (x2 - x1) * t1, y1 + (y2 - y1) * t1), it.width)

    def _poly(self, surf: pygame.Surface, it: Poly, dy: int) -> None:
        pts = [(px, py - dy) for px, py in it.points]
        if len(pts) < 3:
            return
        if it.width <= 0:
            pygame.draw.polygon(surf, it.color, pts)
            return
        pygame.draw.lines(surf, it.color, True, pts, it.width)
        if it.width > 2:  # round joins, so a thick outline has no notches at its corners
            for p in pts:
                pygame.draw.circle(surf, it.color, p, it.width // 2)

    def _image(self, surf: pygame.Surface, it: Image, dy: int) -> None:
        x, y, w, h = it.rect
        img = self.images.get(it.path, w, h) if it.path else None
        if img is None:
            pygame.draw.rect(surf, it.placeholder, (x, y - dy, w, h), 0, max(4, min(w, h) // 8))
            s = min(w, h) // 2
            draw_icon(surf, "image", pygame.Rect(x + (w - s) // 2, y - dy + (h - s) // 2, s, s),
                      self.theme.c("muted"), None, self.icons)
            return
        surf.blit(img, (x + (w - img.get_width()) // 2, y - dy + (h - img.get_height()) // 2))
