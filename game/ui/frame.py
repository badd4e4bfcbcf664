"""The device the story happens in: a phone frame (chats, feeds, lobbies, settings) or a browser window."""

from __future__ import annotations

import re
from typing import Iterable, Optional

from ..content.schema import Message, ScreenKind
from .display import Box, Circle, Icon, Item, RectT, Text
from .i18n import _
from .kinds.registry import spec_for
from .layout import Ctx

DEFAULT_CLOCK = "9:41"
"""The status bar's clock before the story has shown any time."""

_CLOCK = re.compile(r"\b(\d{1,2}:\d{2})\b")


def story_clock(messages: Iterable[Message]) -> Optional[str]:
    """The clock of the latest message with a time ('Sat 4:11 PM' -> '4:11'); None when none says a time."""
    found: Optional[str] = None
    for msg in messages:
        hit = _CLOCK.search(msg.time or "")
        if hit:
            found = hit.group(1)
    return found


def device_frame(ctx: Ctx, items: list[Item], area: RectT, kind: ScreenKind, app_name: str = "",
                 clock: str = DEFAULT_CLOCK) -> RectT:
    """Draw the frame for a screen kind (`KindSpec.frame`) inside `area`; returns the inner screen rectangle.
    A phone's status bar shows `clock` (the story's time: see `story_clock`)."""
    m = ctx.m
    x, y, w, h = area
    spec = spec_for(kind)
    if spec.frame == "plain":
        items.append(Box(area, ctx.c("surface"), m.radius))
        items.append(Box(area, ctx.c("border" if ctx.theme.high_contrast else "surface_alt"), m.radius, m.border))
        return (x + m.gap, y + m.gap, w - 2 * m.gap, h - 2 * m.gap)
    if spec.frame == "browser":
        bar = round(m.body * 2.0)
        items.append(Box(area, ctx.c("frame"), m.radius))
        for i in range(3):
            items.append(Circle((x + m.pad + i * round(m.body * 0.9), y + bar // 2), max(3, m.body // 5),
                                ctx.c("on_frame")))
        ax = x + m.pad + 3 * round(m.body * 0.9) + m.gap
        aw = w - (ax - x) - m.pad
        site = (app_name.lower().replace(" ", "") + ".example") if app_name else spec.site
        items.append(Box((ax, y + bar // 6, aw, bar * 2 // 3), ctx.c("surface"), bar // 3))
        ic = bar // 3
        items.append(Icon((ax + m.gap // 2, y + (bar - ic) // 2, ic, ic), "lock", ctx.c("muted")))
        f = m.font("regular", m.small)
        site = elide(ctx, site, f, aw - ic - 2 * m.gap)
        tw, th = ctx.measure(site, f, ctx.c("muted"))
        items.append(Text(ax + m.gap // 2 + ic + m.gap // 2, y + (bar - th) // 2, site, f, ctx.c("muted"), 0, "left",
                          tw, th))
        inner = (x + m.border * 2, y + bar, w - m.border * 4, h - bar - m.border * 2)
        items.append(Box(inner, ctx.c("bg"), m.small_radius))
        return inner
    if spec.frame == "window":  # a game window: title bar with the game's name
        bar = round(m.small * 2.0)
        items.append(Box(area, ctx.c("frame"), m.radius))
        f = m.font("bold", m.small)
        title = elide(ctx, app_name or _("Game"), f, w - 2 * m.pad)
        tw, th = ctx.measure(title, f, ctx.c("on_frame"))
        bar = max(bar, th + 4)
        items.append(Text(x + (w - tw) // 2, y + (bar - th) // 2, title, f, ctx.c("on_frame"), 0, "left", tw, th))
        inner = (x + m.border * 2, y + bar, w - m.border * 4, h - bar - m.border * 2)
        items.append(Box(inner, ctx.c("bg"), m.small_radius))
        return inner
    # phone: a rounded bezel with a status bar
    bez = max(6, round(m.body * 0.45))
    pw = min(w, max(round(h * 0.8), min(w, round(m.body * 22))))
    px = x + (w - pw) // 2
    items.append(Box((px, y, pw, h), ctx.c("frame"), m.radius * 2))
    sx, sy, sw, sh = px + bez, y + bez, pw - 2 * bez, h - 2 * bez
    items.append(Box((sx, sy, sw, sh), ctx.c("bg"), m.radius + 4))
    sb = round(m.small * 1.6)
    f = m.font("bold", round(m.small * 0.9))
    tw, th = ctx.measure(clock, f, ctx.c("text"))
    items.append(Text(sx + m.pad, sy + (sb - th) // 2, clock, f, ctx.c("text"), 0, "left", tw, th))
    ic = round(sb * 0.6)
    items.append(Icon((sx + sw - m.pad - ic * 2 - 4, sy + (sb - ic) // 2, ic, ic), "signal", ctx.c("text")))
    items.append(Icon((sx + sw - m.pad - ic, sy + (sb - ic) // 2, ic, ic), "battery", ctx.c("text")))
    return (sx, sy + sb, sw, sh - sb - m.gap // 2)


def elide(ctx: Ctx, text: str, font: tuple[str, int], w: int) -> str:
    """`text` cut with an ellipsis so that it fits one line of width w (address and title bars)."""
    if ctx.fonts.measure(font, text)[0] <= w:
        return text
    while len(text) > 1 and ctx.fonts.measure(font, text + "\u2026")[0] > w:
        text = text[:-1]
    return text + "\u2026"
