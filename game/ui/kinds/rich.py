"""Rich text for renderers: split a text at highlighted quotes and lay the spans out as positioned runs."""

from __future__ import annotations

from typing import Hashable, Optional, Sequence

from ..display import Box, Icon, Item, Line, Text
from ..layout import Ctx, flow
from ..theme import Color


def split_quotes(text: str, quotes: Sequence[tuple[Hashable, str]]) -> list[tuple[str, Optional[Hashable]]]:
    """Cut `text` into spans; spans matching a quote (exact, else case-insensitive) carry its key."""
    marks: list[tuple[int, int, Hashable]] = []
    low = text.lower()
    for key, q in quotes:
        if not q:
            continue
        i = text.find(q)
        if i < 0:
            i = low.find(q.lower())
        if i < 0:
            continue
        if any(not (i + len(q) <= a or i >= b) for a, b, _ in marks):
            continue
        marks.append((i, i + len(q), key))
    marks.sort()
    spans: list[tuple[str, Optional[Hashable]]] = []
    pos = 0
    for a, b, key in marks:
        if a > pos:
            spans.append((text[pos:a], None))
        spans.append((text[a:b], key))
        pos = b
    if pos < len(text):
        spans.append((text[pos:], None))
    return spans or [(text, None)]


def rich_text(ctx: Ctx, items: list[Item], x: int, y: int, w: int, spans: Sequence[tuple[str, Optional[Hashable]]],
              color: Color, *, size: Optional[int] = None, marked: Optional[dict[Hashable, str]] = None,
              ) -> tuple[int, int, dict[Hashable, list[tuple[int, int, int, int]]]]:
    """Lay out spans at (x, y) in width w; spans whose key is in `marked` get a background and underline.

    `marked` maps a span key to a style: 'flag' (red-flag highlight with a flag icon), 'select' (dotted
    underline, selectable), 'selected' (filled + outlined), 'missed' (outlined in the flag colour, with an
    outlined flag icon), 'false_alarm' (grey with a dotted underline), 'plain'.
    Returns (width, height, rects by key).
    """
    m = ctx.m
    font = m.font("regular", size)
    fl = flow(ctx.fonts, spans, w, font)
    rects: dict[Hashable, list[tuple[int, int, int, int]]] = {}
    marked = marked or {}
    for si, rlist in fl.span_rects.items():
        key = spans[si][1]
        if key is None:
            continue
        style = marked.get(key, "plain")
        abs_rects = [(x + rx, y + ry, rw, rh) for rx, ry, rw, rh in rlist]
        rects[key] = abs_rects
        for i, (rx, ry, rw, rh) in enumerate(abs_rects):
            if style == "flag":
                items.append(Box((rx - 3, ry, rw + 6, rh), ctx.c("flag_soft"), 4))
                items.append(Line((rx, ry + rh - 2), (rx + rw, ry + rh - 2), ctx.c("flag"), max(2, m.border)))
            elif style == "select":
                items.append(Line((rx, ry + rh - 2), (rx + rw, ry + rh - 2), ctx.c("primary"), max(2, m.border),
                                  dash=max(3, m.border * 2)))
            elif style == "selected":
                items.append(Box((rx - 3, ry, rw + 6, rh), ctx.c("primary_soft"), 4))
                items.append(Box((rx - 3, ry, rw + 6, rh), ctx.c("primary"), 4, max(2, m.border)))
            elif style == "missed":
                items.append(Box((rx - 3, ry, rw + 6, rh), ctx.c("flag"), 4, max(2, m.border)))
            elif style == "false_alarm":
                items.append(Box((rx - 3, ry, rw + 6, rh), ctx.c("surface_alt"), 4))
                items.append(Line((rx, ry + rh - 2), (rx + rw, ry + rh - 2), ctx.c("muted"), max(2, m.border),
                                  dash=max(3, m.border * 2)))
            del i
    for p in fl.pieces:
        key = spans[p.span][1]
        col = color
        if key is not None and marked.get(key) in ("flag",):
            col = ctx.c("text")
        if key is not None and marked.get(key) in ("selected",):
            col = ctx.c("on_primary_soft")
        items.append(Text(x + p.x, y + p.y, p.text, font, col, 0, "left", p.w, p.h))
    for key, style in marked.items():
        if style in ("flag", "missed") and key in rects:
            rx, ry, rw, rh = rects[key][0]
            s = max(10, rh * 2 // 3)
            items.append(Icon((rx - s - 2, ry + (rh - s) // 2, s, s), "flag" if style == "flag" else "flag_outline",
                              ctx.c("flag")))
    return fl.width, fl.height, rects
