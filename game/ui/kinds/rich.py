"""Rich text for renderers: split a text at highlighted quotes and lay the spans out as positioned runs."""

from __future__ import annotations

from typing import Hashable, Optional, Sequence

from ..display import Box, Icon, Item, Line, Text
from ..layout import Ctx, Gap, flow
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
              leading: int = 0) -> tuple[int, int, dict[Hashable, list[tuple[int, int, int, int]]]]:
    """Lay out spans at (x, y) in width w; spans whose key is in `marked` get a background and underline.

    `marked` maps a span key to a style: 'flag' (red-flag highlight with a flag icon), 'select' (dotted
    underline, selectable), 'selected' (filled + outlined, with a small flag), 'missed' (outlined in the flag
    colour, with an outlined flag icon), 'false_alarm' (grey with a dotted underline), 'plain'.
    Returns (width, height, rects by key).
    """
    m = ctx.m
    font = m.font("regular", size)
    marked = marked or {}
    icon_w = round(ctx.fonts.line_height(font) * 0.75)
    expanded: list[tuple[str, Hashable]] = []
    for text, key in spans:
        if key is not None and marked.get(key) in ("flag", "missed", "selected"):
            expanded.append(("", Gap(icon_w, key)))
        elif key is not None and marked.get(key) in ("select", "false_alarm"):
            expanded.append(("", Gap(max(3, icon_w // 3), None)))  # breathing room between outlined phrases
        expanded.append((text, key))
    fl = flow(ctx.fonts, expanded, w, font, leading=leading)
    rects: dict[Hashable, list[tuple[int, int, int, int]]] = {}
    for si, rlist in fl.span_rects.items():
        tag = expanded[si][1]
        if isinstance(tag, Gap):
            if tag.key is None:
                continue
            gx, gy, gw, gh = rlist[0]
            s = min(gw, gh) - 2
            style = marked.get(tag.key)
            name = "flag_outline" if style == "missed" else "flag"
            items.append(Icon((x + gx, y + gy + (gh - s) // 2, s, s), name,
                              ctx.c("primary" if style == "selected" else "flag")))
            continue
        key = tag
        if key is None:
            continue
        style = marked.get(key, "plain")
        abs_rects = [(x + rx, y + ry, rw, rh) for rx, ry, rw, rh in rlist]
        rects[key] = abs_rects
        for rx, ry, rw, rh in abs_rects:
            if style == "flag":
                items.append(Box((rx - 3, ry, rw + 6, rh), ctx.c("flag_soft"), 4))
                items.append(Line((rx, ry + rh - 2), (rx + rw, ry + rh - 2), ctx.c("flag"), max(2, m.border)))
            elif style == "select":
                items.append(Box((rx - 2, ry + 1, rw + 4, rh - 2), ctx.c("primary_soft"), 5))
                items.append(Box((rx - 2, ry + 1, rw + 4, rh - 2), ctx.c("border"), 5, 1))
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
    for p in fl.pieces:
        if not p.text:
            continue
        key = expanded[p.span][1]
        col = color
        if key is not None and marked.get(key) == "flag":
            col = ctx.c("text")
        if key is not None and marked.get(key) in ("selected", "select"):
            col = ctx.c("on_primary_soft") if marked.get(key) == "selected" else ctx.c("text")
        items.append(Text(x + p.x, y + p.y, p.text, font, col, 0, "left", p.w, p.h))
    return fl.width, fl.height, rects
