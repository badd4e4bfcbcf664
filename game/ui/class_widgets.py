"""Facilitator widgets: the timer chip in the top bar and the labelled vote bar chart (counts and percentages)."""

from __future__ import annotations

from typing import Optional, Sequence

from ..session.classroom import Classroom, letter, percents
from .display import Box, Item, Text
from .i18n import _, ngettext
from .layout import Ctx
from .widgets import chip, chip_size

Mark = tuple[str, str, str, str]
"""A label beside a bar: (text, icon, foreground role, background role)."""


def timer_label(room: Classroom) -> tuple[str, str, str, str]:
    """(text, icon, fg role, bg role) for the timer as it stands; the end cue is a soft colour and words."""
    t = room.timer
    if t.state == "running":
        return t.shown(), "timer", "on_primary_soft", "primary_soft"
    if t.state == "paused":
        return _("{time} paused").format(time=t.shown()), "pause", "text", "surface_alt"
    if t.state == "done":
        return _("Time's up"), "bell", "caution", "caution_soft"
    return _("Timer {time} (T)").format(time=t.shown()), "timer", "text", "surface_alt"


def timer_chip(ctx: Ctx, items: list[Item], room: Classroom, right: int, bar_h: int) -> int:
    """The timer, small, at the right of the top bar (left of `right`); returns the new right edge."""
    m = ctx.m
    text, icon, fg, bg = timer_label(room)
    cw, ch = chip_size(ctx, text, icon=icon, size=m.small)
    x = right - cw
    if x < m.w // 2:  # a very narrow window: the title keeps its room
        return right
    chip(ctx, items, x, (bar_h - ch) // 2, text, icon=icon, fg=fg, bg=bg, size=m.small)
    return x - m.gap


def votes_text(n: int, pct: int) -> str:
    """'12 votes · 60%' (a count and a percentage, never colour alone)."""
    return ngettext("{n} vote", "{n} votes", n).format(n=n) + f" \u00b7 {pct}%"


def vote_chart(ctx: Ctx, items: list[Item], x: int, y: int, w: int, options: Sequence[str], votes: Sequence[int],
               *, marks: Optional[dict[int, list[Mark]]] = None, size: Optional[int] = None) -> int:
    """One labelled bar per option: letter, option text, bar, count and percentage, and marks; returns the height.

    Bars share one colour: what an option *is* (most votes, safest) is said in words with an icon, not colour.
    The marks sit beside the option text when every marked row has room for them, else under each bar.
    """
    m = ctx.m
    size = size or m.body
    marks = marks or {}
    pct = percents(votes)
    top = max(votes) if votes and max(votes) > 0 else 1
    badge = round(size * 1.8)
    bar_h = max(10, round(size * 0.9))
    tx, tw = x + badge + m.gap, w - badge - m.gap
    font, cf = m.font("regular", size), m.font("bold", size)
    rows = []
    for i, text in enumerate(options):
        n = votes[i] if i < len(votes) else 0
        count = votes_text(n, pct[i])
        cw, chh = ctx.measure(count, cf, ctx.c("text"))
        natural = ctx.measure(text, font, ctx.c("text"))[0]
        chips = [(mk, chip_size(ctx, mk[0], icon=mk[1], max_w=tw)) for mk in marks.get(i, [])]
        chips_w = sum(cs[0] for _mk, cs in chips) + (m.gap // 2) * max(0, len(chips) - 1)
        rows.append((i, text, n, count, cw, chh, natural, chips, chips_w))
    inline = all(r[6] + m.gap + r[8] + m.pad + r[4] <= tw for r in rows if r[7])  # text + marks + count fit
    y0 = y
    for i, text, n, count, cw, chh, _natural, chips, chips_w in rows:
        items.append(Box((x, y, badge, badge), ctx.c("primary"), m.small_radius))
        lf = m.font("bold", round(size * 1.15))
        lw, lh = ctx.measure(letter(i), lf, ctx.c("on_primary"))
        items.append(Text(x + (badge - lw) // 2, y + (badge - lh) // 2, letter(i), lf, ctx.c("on_primary"), 0, "left",
                          lw, lh))
        wrap = max(40, tw - cw - m.pad - (chips_w + m.gap if inline and chips else 0))
        th_w, th = ctx.measure(text, font, ctx.c("text"), wrap)
        line_h = max(th, chh, *(cs[1] for _mk, cs in chips)) if inline and chips else max(th, chh)
        items.append(Text(tx, y + (line_h - th) // 2, text, font, ctx.c("text"), wrap, "left", th_w, th))
        items.append(Text(x + w - cw, y + (line_h - chh) // 2, count, cf, ctx.c("text"), 0, "left", cw, chh))
        mx = tx + th_w + m.gap
        for (label, icon, fg, bg), (mw, mh) in (chips if inline else []):
            chip(ctx, items, mx, y + (line_h - mh) // 2, label, icon=icon, fg=fg, bg=bg, max_w=tw)
            mx += mw + m.gap // 2
        ry = y + max(line_h, badge - bar_h - m.gap // 2) + m.gap // 2
        items.append(Box((tx, ry, tw, bar_h), ctx.c("surface_alt"), bar_h // 2))
        if ctx.theme.high_contrast:
            items.append(Box((tx, ry, tw, bar_h), ctx.c("border"), bar_h // 2, 1))
        fill = round(tw * n / top) if n else 0
        if fill:
            items.append(Box((tx, ry, max(bar_h, fill), bar_h), ctx.c("primary"), bar_h // 2))
        ry += bar_h
        mx, row_h = tx, 0
        for (label, icon, fg, bg), (mw, mh) in ([] if inline else chips):
            if mx > tx and mx + mw > tx + tw:
                mx, ry = tx, ry + row_h + m.gap // 2
                row_h = 0
            if row_h == 0 and mx == tx:
                ry += m.gap // 2
            chip(ctx, items, mx, ry, label, icon=icon, fg=fg, bg=bg, max_w=tw)
            mx += mw + m.gap // 2
            row_h = max(row_h, mh)
        y = max(ry + row_h, y + badge) + m.pad
    return y - y0 - m.pad
