"""Rich text for renderers: split a text at highlighted quotes and lay the spans out as positioned runs."""

from __future__ import annotations

from typing import Hashable, Optional, Sequence

from ..display import Box, Icon, Item, Line, Poly, RectT, Text
from ..layout import Ctx, Gap, flow
from ..theme import Color

Row = tuple[int, int, int, int]
"""One line of a phrase as (left, top, right, bottom)."""


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


def phrase_rows(rects: Sequence[RectT], pad: int = 0) -> list[Row]:
    """A phrase's line rectangles as rows that meet (each line's bottom is the next one's top), widened by `pad`."""
    rows = [(rx - pad, ry, rx + rw + pad, ry + rh) for rx, ry, rw, rh in sorted(rects, key=lambda r: (r[1], r[0]))]
    for k in range(len(rows) - 1):
        l0, t0, r0, b0 = rows[k]
        t1 = rows[k + 1][1]
        if t1 - b0 <= max(4, (b0 - t0) // 2):  # the next line: close the leading between them
            rows[k] = (l0, t0, r0, t1)
    return rows


def _runs(rows: list[Row]) -> list[list[Row]]:
    """Rows split where one line does not overlap the next (a phrase wrapped from a line's end to the next's start
    with no column in common): each run is one connected shape."""
    runs: list[list[Row]] = []
    for r in rows:
        prev = runs[-1][-1] if runs else None
        if prev is not None and prev[3] == r[1] and r[0] < prev[2] and prev[0] < r[2]:
            runs[-1].append(r)
        else:
            runs.append([r])
    return runs


def _staircase(rows: list[Row], d: int) -> list[tuple[int, int]]:
    """The outline of connected rows, pushed out by d: down the right side, back up the left."""
    n = len(rows) - 1
    pts = [(rows[0][0] - d, rows[0][1] - d), (rows[0][2] + d, rows[0][1] - d)]
    for k in range(n):
        (_l0, _t0, r0, b0), (_l1, _t1, r1, _b1) = rows[k], rows[k + 1]
        if r1 != r0:
            ys = b0 + d if r1 < r0 else b0 - d
            pts += [(r0 + d, ys), (r1 + d, ys)]
    pts += [(rows[n][2] + d, rows[n][3] + d), (rows[n][0] - d, rows[n][3] + d)]
    for k in range(n - 1, -1, -1):
        (l0, _t0, _r0, b0), (l1, _t1, _r1, _b1) = rows[k], rows[k + 1]
        if l1 != l0:
            ys = b0 + d if l1 > l0 else b0 - d
            pts += [(l1 - d, ys), (l0 - d, ys)]
    return pts


def _rounded(pts: list[tuple[int, int]], radius: int) -> tuple[tuple[int, int], ...]:
    """Round each corner of a closed polygon (a quadratic curve through the corner, at most half of each side)."""
    clean: list[tuple[int, int]] = []
    for p in pts:
        if not clean or clean[-1] != p:
            clean.append(p)
    if len(clean) > 1 and clean[0] == clean[-1]:
        clean.pop()
    out: list[tuple[int, int]] = []
    n = len(clean)
    for k in range(n):
        px, py = clean[k]
        ax, ay = clean[k - 1]
        bx, by = clean[(k + 1) % n]
        la, lb = abs(ax - px) + abs(ay - py), abs(bx - px) + abs(by - py)
        rr = min(radius, la // 2, lb // 2)
        if rr <= 0:
            out.append((px, py))
            continue
        sx, sy = px + (ax - px) * rr / la, py + (ay - py) * rr / la
        ex, ey = px + (bx - px) * rr / lb, py + (by - py) * rr / lb
        for t in (0.0, 0.25, 0.5, 0.75, 1.0):
            u = 1 - t
            out.append((round(u * u * sx + 2 * u * t * px + t * t * ex),
                        round(u * u * sy + 2 * u * t * py + t * t * ey)))
    return tuple(out)


def phrase_shapes(rows: list[Row], color: Color, *, radius: int, width: int = 0, out: int = 0) -> list[Poly]:
    """One rounded shape per connected run of a phrase's rows (filled, or outlined `width` wide `out` px outside)."""
    shapes: list[Poly] = []
    for run in _runs(rows):
        pts = _rounded(_staircase(run, out), radius + out)
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        rect = (min(xs) - width, min(ys) - width, max(xs) - min(xs) + 2 * width, max(ys) - min(ys) + 2 * width)
        shapes.append(Poly(rect, pts, color, width))
    return shapes


def marker_size(ctx: Ctx, label: str, line_h: int) -> tuple[int, int]:
    """The numbered marker's size: a pill about one line high (a little less), wide enough for its number."""
    h = max(8, round(line_h * 0.8))
    tw = ctx.measure(label, ctx.m.font("bold", max(8, round(h * 0.62))), ctx.c("on_flag"))[0]
    return max(h, tw + h // 2), h


def lead_width(ctx: Ctx, label: str, line_h: int) -> int:
    """The room a phrase's number takes before its first word (the marker and a small gap)."""
    return marker_size(ctx, label, line_h)[0] + max(2, round(line_h * 0.75) // 5)


def marker(ctx: Ctx, items: list[Item], x: int, y: int, label: str, line_h: int) -> int:
    """A red flag's number at the start of its phrase (the same number as its chip); returns its width."""
    w, h = marker_size(ctx, label, line_h)
    font = ctx.m.font("bold", max(8, round(h * 0.62)))
    tw, th = ctx.measure(label, font, ctx.c("on_flag"))
    items.append(Box((x, y, w, h), ctx.c("flag"), h // 2))
    items.append(Text(x + (w - tw) // 2, y + (h - th) // 2, label, font, ctx.c("on_flag"), 0, "left", tw, th))
    return w


def rich_text(ctx: Ctx, items: list[Item], x: int, y: int, w: int, spans: Sequence[tuple[str, Optional[Hashable]]],
              color: Color, *, size: Optional[int] = None, marked: Optional[dict[Hashable, str]] = None,
              leading: int = 0, markers: Optional[dict[Hashable, str]] = None,
              lit: Optional[list[Item]] = None) -> tuple[int, int, dict[Hashable, list[tuple[int, int, int, int]]]]:
    """Lay out spans at (x, y) in width w; spans whose key is in `marked` get a highlight.

    `marked` maps a span key to a style: 'flag' (red-flag highlight with a flag icon, or the number `markers` gives
    it), 'select' (dotted underline, selectable), 'selected' (filled + outlined, with a small flag), 'missed'
    (outlined in the flag colour, with an outlined flag icon), 'false_alarm' (grey with a dotted underline),
    'plain'. A flag, selected or missed phrase is one rounded shape across its wrapped lines, inside its own lines.
    With `lit`, the highlights and their words go there instead of `items` (the replay draws them above its dimming).
    Returns (width, height, the rects of each key's words).
    """
    m = ctx.m
    font = m.font("regular", size)
    marked = marked or {}
    markers = markers or {}
    dest = items if lit is None else lit
    line_h = ctx.fonts.line_height(font)
    icon_w = round(line_h * 0.75)
    expanded: list[tuple[str, Hashable]] = []
    for text, key in spans:
        if key is not None and marked.get(key) == "flag" and markers.get(key):
            expanded.append(("", Gap(lead_width(ctx, markers[key], line_h), key)))
        elif key is not None and marked.get(key) in ("flag", "missed", "selected"):
            expanded.append(("", Gap(icon_w, key)))
        elif key is not None and marked.get(key) in ("select", "false_alarm"):
            expanded.append(("", Gap(max(3, icon_w // 3), None)))  # breathing room between outlined phrases
        expanded.append((text, key))
    fl = flow(ctx.fonts, expanded, w, font, leading=leading)
    space = ctx.fonts.measure(font, " ")[0]
    pad = max(1, min(3, space // 3))
    fills: list[Item] = []
    marks: list[Item] = []
    lead: dict[Hashable, RectT] = {}
    rects: dict[Hashable, list[tuple[int, int, int, int]]] = {}
    for si, rlist in fl.span_rects.items():
        tag = expanded[si][1]
        if isinstance(tag, Gap):
            if tag.key is None:
                continue
            gx, gy, gw, gh = rlist[0]
            lead[tag.key] = (x + gx, y + gy, gw, gh)
            style = marked.get(tag.key)
            if style == "flag" and markers.get(tag.key):
                mh = marker_size(ctx, markers[tag.key], line_h)[1]
                marker(ctx, marks, x + gx, y + gy + (gh - mh) // 2, markers[tag.key], line_h)
                continue
            s = min(gw, gh) - 2
            name = "flag_outline" if style == "missed" else "flag"
            marks.append(Icon((x + gx, y + gy + (gh - s) // 2, s, s), name,
                              ctx.c("primary" if style == "selected" else "flag")))
            continue
        key = tag
        if key is None:
            continue
        style = marked.get(key, "plain")
        abs_rects = [(x + rx, y + ry, rw, rh) for rx, ry, rw, rh in rlist]
        rects[key] = list(abs_rects)  # the words themselves (anchors, pointer targets, focus rings)
        g = lead.get(key)
        if g is not None and abs_rects and abs_rects[0][1] == g[1]:  # the icon or number belongs to the phrase
            fx, fy, fw, fh = abs_rects[0]
            abs_rects[0] = (g[0], fy, fx + fw - g[0], fh)
        elif g is not None:
            abs_rects.insert(0, g)
        rows = phrase_rows(abs_rects, pad)
        if rows:  # keep a pixel inside its own lines, so phrases on neighbouring lines never touch
            rows[0] = (rows[0][0], rows[0][1] + 1, rows[0][2], rows[0][3])
            rows[-1] = (rows[-1][0], rows[-1][1], rows[-1][2], rows[-1][3] - 1)
        rad = max(3, line_h // 5)
        bw = max(2, m.border)
        if style == "flag":
            fills.extend(phrase_shapes(rows, ctx.c("flag_soft"), radius=rad))
            for k, (rx, ry, rw, rh) in enumerate(abs_rects):  # underlined too: never colour alone
                ux = rx
                if g is not None and k == 0:
                    if (rx, ry, rw) == g[:3]:
                        continue  # the number or icon alone at a line's end
                    ux = g[0] + g[2]
                fills.append(Line((ux, ry + rh - 2), (rx + rw, ry + rh - 2), ctx.c("flag"), bw))
        elif style == "selected":
            fills.extend(phrase_shapes(rows, ctx.c("primary_soft"), radius=rad))
            fills.extend(phrase_shapes(rows, ctx.c("primary"), radius=rad, width=bw))
        elif style == "missed":
            fills.extend(phrase_shapes(rows, ctx.c("flag"), radius=rad, width=bw))
        for rx, ry, rw, rh in abs_rects:
            if style == "select":
                fills.append(Box((rx - 2, ry + 1, rw + 4, rh - 2), ctx.c("primary_soft"), 5))
                fills.append(Box((rx - 2, ry + 1, rw + 4, rh - 2), ctx.c("border"), 5, 1))
                fills.append(Line((rx, ry + rh - 2), (rx + rw, ry + rh - 2), ctx.c("primary"), bw,
                                  dash=max(3, m.border * 2)))
            elif style == "false_alarm":
                fills.append(Box((rx - 3, ry, rw + 6, rh), ctx.c("surface_alt"), 4))
                fills.append(Line((rx, ry + rh - 2), (rx + rw, ry + rh - 2), ctx.c("muted"), bw,
                                  dash=max(3, m.border * 2)))
    dest.extend(fills)
    dest.extend(marks)
    for p in fl.pieces:
        if not p.text:
            continue
        key = expanded[p.span][1]
        col = color
        style = marked.get(key) if key is not None else None
        if style == "flag":
            col = ctx.c("text")
        if style in ("selected", "select"):
            col = ctx.c("on_primary_soft") if style == "selected" else ctx.c("text")
        (dest if style is not None and key in rects else items).append(
            Text(x + p.x, y + p.y, p.text, font, col, 0, "left", p.w, p.h))
    return fl.width, fl.height, rects
