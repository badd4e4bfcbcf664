"""Sizes from the window and text scale (Metrics), the layout context (Ctx), and rich-text flow."""

from __future__ import annotations

from typing import Hashable, NamedTuple, Optional, Sequence

from .assets import FontCache, FontKey, ImageCache, TextCache
from .display import RectT
from .theme import Color, Theme

BODY_AT_1080 = 28
"""Body text in px on a 1920x1080 window at 100% (it scales with the window, then with the text size)."""
PROJECTOR_FLOOR = 20
"""Body text never smaller than this on a window of 1000x700 or more (a 1280x720 projector read from the back)."""
SMALL_FLOOR = 16
"""Secondary text (hints, times, labels) never smaller than this there."""


class Metrics(NamedTuple):
    """Every size a layout needs, computed from the window size and the text scale."""

    w: int
    h: int
    unit: float
    text_scale: float
    body: int
    small: int
    h2: int
    h1: int
    display: int
    pad: int
    gap: int
    radius: int
    small_radius: int
    focus_w: int
    focus_gap: int
    border: int

    @classmethod
    def compute(cls, w: int, h: int, text_scale: float, theme: Theme) -> Metrics:  # type: ignore[misc]
        """Metrics for a w x h window: sizes scale with the window, text also with text_scale (1.0-2.0)."""
        w, h = max(320, int(w)), max(240, int(h))
        unit = min(w / 1920, h / 1080)
        ts = min(2.0, max(1.0, float(text_scale)))
        floor = PROJECTOR_FLOOR if h >= 700 and w >= 1000 else 15  # a projector at 720p still reads from the back
        body = max(floor, round(BODY_AT_1080 * max(unit, 0.6))) * ts
        small = max(SMALL_FLOOR if floor == PROJECTOR_FLOOR else 12, round(body * 0.8))
        ui = max(unit, 0.55)

        def px(name: str, default: int) -> int:
            return max(1, round(theme.size(name, default) * ui))
        return cls(w, h, unit, ts, round(body), small, round(body * 1.25), round(body * 1.5),
                   round(body * 2.2), max(8, round(24 * ui)), max(6, round(14 * ui)), px("radius", 16),
                   px("small_radius", 10), max(3, px("focus_width", 4)), max(2, px("focus_gap", 2)),
                   px("border", 2))

    @property
    def wide(self) -> bool:
        """True when there is room for the story frame and the choice panel side by side."""
        return self.w >= 900 and self.w / self.h >= 1.25

    def font(self, style: str = "regular", size: Optional[int] = None) -> FontKey:
        """A font key ('regular' or 'bold') at a size (body by default)."""
        return (style, int(size or self.body))


class Ctx:
    """What every layout function receives: theme, metrics and the caches (passed, never global)."""

    __slots__ = ("theme", "m", "fonts", "text", "images", "reduced_motion", "typing_animation")

    def __init__(self, theme: Theme, m: Metrics, fonts: FontCache, text: TextCache, images: ImageCache,
                 reduced_motion: bool = False, typing_animation: bool = True) -> None:
        self.theme = theme
        self.m = m
        self.fonts = fonts
        self.text = text
        self.images = images
        self.reduced_motion = reduced_motion
        self.typing_animation = typing_animation

    def c(self, role: str) -> Color:
        """Theme colour by role."""
        return self.theme.c(role)

    def measure(self, text: str, font: FontKey, color: Color, wrap: int = 0, align: str = "left") -> tuple[int, int]:
        """Rendered size of a text run (renders once into the cache)."""
        return self.text.size(text, font, color, wrap, align)


class Gap(NamedTuple):
    """A span tag for an empty box of width w inside a flow (room for an inline icon); it stays with the next word."""

    w: int
    key: Hashable = None


class Piece(NamedTuple):
    """A positioned run of words from one span, relative to the flow's origin."""

    x: int
    y: int
    w: int
    h: int
    text: str
    span: int


class Flow(NamedTuple):
    """Rich text laid out into lines: pieces, each span's rectangles, and the total size."""

    pieces: list[Piece]
    span_rects: dict[int, list[RectT]]
    width: int
    height: int
    line_h: int


def flow(fonts: FontCache, spans: Sequence[tuple[str, Hashable]], width: int, font: FontKey,
         bold_spans: Sequence[int] = (), leading: int = 0) -> Flow:
    """Wrap spans of text (each with a tag) into lines no wider than `width`; long words break.

    Args:
        spans: (text, tag) runs in reading order; a piece keeps the index of its span.
        bold_spans: span indices drawn in bold (measured in bold too).
        leading: extra pixels between lines (room for outlines around selectable phrases).
    """
    f_reg = fonts.get(font)
    f_bold = fonts.get(("bold", font[1]))
    text_h = f_reg.get_linesize()
    line_h = text_h + max(0, int(leading))
    space_w = f_reg.size(" ")[0]
    width = max(space_w * 4, int(width))
    pieces: list[Piece] = []
    x = y = 0
    max_w = 0
    cur: Optional[list] = None  # [x, y, text, span]

    def close() -> None:
        nonlocal cur, x, max_w
        if cur is not None and cur[2].strip():
            text = cur[2].rstrip(" ")
            fnt = f_bold if cur[3] in bold_spans else f_reg
            w = fnt.size(text)[0]
            pieces.append(Piece(cur[0], cur[1], w, text_h, text, cur[3]))
            if cur[1] == y:  # a run is wider than the sum of its words (kerning): go on after it as drawn
                x = max(x, cur[0] + w + space_w * (len(cur[2]) - len(text)))
                max_w = max(max_w, cur[0] + w)
        cur = None

    for si, (text, _tag) in enumerate(spans):
        text = fonts.visible(text)
        fnt = f_bold if si in bold_spans else f_reg
        if isinstance(_tag, Gap):
            close()
            nxt = spans[si + 1][0].split(" ")[0] if si + 1 < len(spans) else ""
            need = _tag.w + (f_reg.size(nxt)[0] if nxt else 0)
            if x > 0 and x + need > width:
                x, y = 0, y + line_h
            pieces.append(Piece(x, y, _tag.w, text_h, "", si))
            x += _tag.w
            max_w = max(max_w, x)
            continue
        for li, para in enumerate(text.split("\n")):
            if li > 0:
                close()
                x, y = 0, y + line_h
            words = para.split(" ")
            for wi, word in enumerate(words):
                token = word + (" " if wi < len(words) - 1 else "")
                if not token:
                    continue
                tw = fnt.size(word)[0]
                if x > 0 and x + tw > width:
                    close()
                    x, y = 0, y + line_h
                while tw > width and len(word) > 1:  # a word longer than the line: break it
                    cut = len(word)
                    while cut > 1 and fnt.size(word[:cut])[0] > width - x:
                        cut -= 1
                    close()
                    pieces.append(Piece(x, y, fnt.size(word[:cut])[0], text_h, word[:cut], si))
                    max_w = max(max_w, x + fnt.size(word[:cut])[0])
                    word = word[cut:]
                    token = word + (" " if wi < len(words) - 1 else "")
                    tw = fnt.size(word)[0]
                    x, y = 0, y + line_h
                if cur is None or cur[3] != si or cur[1] != y:
                    close()
                    cur = [x, y, "", si]
                cur[2] += token
                x += fnt.size(token)[0]
                max_w = max(max_w, x - (space_w if token.endswith(" ") else 0))
    close()
    rects: dict[int, list[RectT]] = {}
    for p in pieces:
        rects.setdefault(p.span, []).append((p.x, p.y, p.w, p.h))
    height = (y + text_h) if pieces else 0
    return Flow(pieces, rects, min(width, max_w), height, line_h)
