"""Small building blocks for layouts: text blocks, buttons, choice rows, chips, focus rings, avatars."""

from __future__ import annotations

import zlib
from typing import Hashable, Optional

from ..session.words import initials
from .display import Box, Circle, FocusRing, Hit, Icon, Item, RectT, Text
from .layout import Ctx
from .theme import AVATAR_COUNT, Color


def text_block(ctx: Ctx, items: list[Item], x: int, y: int, w: int, text: str, *, style: str = "regular",
               size: Optional[int] = None, role: str = "text", color: Optional[Color] = None,
               align: str = "left") -> int:
    """Wrapped text at (x, y) no wider than w; returns its height."""
    if not text:
        return 0
    font = ctx.m.font(style, size)
    col = color or ctx.c(role)
    tw, th = ctx.measure(text, font, col, max(1, w), align)
    if align == "center":
        tx = x + (w - tw) // 2
    elif align == "right":
        tx = x + w - tw
    else:
        tx = x
    items.append(Text(tx, y, text, font, col, max(1, w), align, tw, th))
    return th


def one_line(ctx: Ctx, items: list[Item], x: int, y: int, text: str, *, style: str = "regular",
             size: Optional[int] = None, role: str = "text", color: Optional[Color] = None,
             max_w: int = 0) -> tuple[int, int]:
    """A single line of text (wrapped if longer than max_w); returns its size."""
    font = ctx.m.font(style, size)
    col = color or ctx.c(role)
    tw, th = ctx.measure(text, font, col, max_w)
    items.append(Text(x, y, text, font, col, max_w, "left", tw, th))
    return tw, th


def focus_ring(ctx: Ctx, items: list[Item], rect: RectT, radius: Optional[int] = None) -> None:
    """The theme's focus ring around a rectangle."""
    m = ctx.m
    items.append(FocusRing(rect, m.radius if radius is None else radius, m.focus_w, m.focus_gap, ctx.c("focus"),
                           ctx.c("focus_gap")))


STYLES = {
    "primary": ("primary", "on_primary", "primary"),
    "secondary": ("surface", "text", "border"),
    "soft": ("primary_soft", "on_primary_soft", "primary_soft"),
    "quiet": ("surface_alt", "text", "surface_alt"),
    "disabled": ("disabled", "on_disabled", "disabled"),
}
"""Button style -> (background, text, border) roles."""


def button_width(ctx: Ctx, label: str, *, icon: Optional[str] = None, hint: Optional[str] = None,
                 size: Optional[int] = None) -> int:
    """The width a one-line button needs for its label, icon and key hint."""
    m = ctx.m
    font_size = size or m.body
    w = ctx.measure(label, m.font("bold", font_size), ctx.c("text"))[0] + 2 * m.pad
    if icon:
        w += round(font_size * 1.1) + m.gap
    if hint:
        w += ctx.measure(hint, m.font("bold", m.small), ctx.c("text"))[0] + 2 * m.gap
    return w + 4


def button(ctx: Ctx, items: list[Item], x: int, y: int, w: int, label: str, *, target: Hashable,
           focused: bool = False, style: str = "primary", icon: Optional[str] = None,
           hint: Optional[str] = None, size: Optional[int] = None, min_h: int = 0) -> RectT:
    """A button whose label wraps to fit w; returns its rectangle (a pointer target too)."""
    m = ctx.m
    bg, fg, border = STYLES.get(style, STYLES["primary"])
    font_size = size or m.body
    pad_x, pad_y = m.pad, max(6, round(font_size * 0.55))
    icon_w = round(font_size * 1.1) if icon else 0
    hint_font = m.font("bold", m.small)
    hint_w = ctx.measure(hint, hint_font, ctx.c(fg))[0] + m.gap if hint else 0
    inner = max(20, w - 2 * pad_x - (icon_w + m.gap if icon else 0) - (hint_w + m.gap if hint else 0))
    font = m.font("bold", font_size)
    tw, th = ctx.measure(label, font, ctx.c(fg), inner, "center")
    h = max(min_h, th + 2 * pad_y, round(font_size * 2.2))
    rect = (x, y, w, h)
    items.append(Box(rect, ctx.c(bg), m.radius))
    if style in ("secondary",) or ctx.theme.high_contrast:
        items.append(Box(rect, ctx.c(border if style != "primary" else "on_primary"), m.radius,
                         m.border if not focused else m.border + 1))
    content_w = tw + (icon_w + m.gap if icon else 0)
    cx = x + pad_x + (w - 2 * pad_x - hint_w - content_w) // 2
    if icon:
        items.append(Icon((cx, y + (h - icon_w) // 2, icon_w, icon_w), icon, ctx.c(fg), ctx.c(bg)))
        cx += icon_w + m.gap
    items.append(Text(cx, y + (h - th) // 2, label, font, ctx.c(fg), inner, "center", tw, th))
    if hint:
        hw, hh = ctx.measure(hint, hint_font, ctx.c(fg))
        hx = x + w - pad_x - hw
        items.append(Box((hx - m.gap // 2, y + (h - hh) // 2 - 2, hw + m.gap, hh + 4), ctx.c(fg), m.small_radius, 2))
        items.append(Text(hx, y + (h - hh) // 2, hint, hint_font, ctx.c(fg), 0, "left", hw, hh))
    if focused:
        focus_ring(ctx, items, rect)
    items.append(Hit(rect, target))
    return rect


def choice_row(ctx: Ctx, items: list[Item], x: int, y: int, w: int, number: int, label: str, *,
               target: Hashable, focused: bool) -> RectT:
    """A numbered choice: a number badge and the text, left-aligned; the focused one is filled and ringed."""
    m = ctx.m
    badge = round(m.body * 1.6)
    inner = w - 3 * m.gap - badge - m.pad
    font = m.font("bold" if focused else "regular")
    fg = ctx.c("text")
    tw, th = ctx.measure(label, font, fg, inner)
    h = max(badge + 2 * m.gap, th + 2 * m.gap + 4)
    rect = (x, y, w, h)
    items.append(Box(rect, ctx.c("primary_soft" if focused else "surface"), m.radius))
    items.append(Box(rect, ctx.c("primary" if focused else "border"), m.radius, m.border + (2 if focused else 0)))
    bx, by = x + m.gap + 2, y + (h - badge) // 2
    items.append(Box((bx, by, badge, badge), ctx.c("primary" if focused else "surface_alt"), badge // 2))
    nf = m.font("bold")
    ncol = ctx.c("on_primary" if focused else "text")
    nw, nh = ctx.measure(str(number), nf, ncol)
    items.append(Text(bx + (badge - nw) // 2, by + (badge - nh) // 2, str(number), nf, ncol, 0, "left", nw, nh))
    items.append(Text(bx + badge + m.gap, y + (h - th) // 2, label, font, fg, inner, "left", tw, th))
    if focused:
        chev = round(m.body * 0.9)
        items.append(Icon((x + w - chev - m.gap, y + (h - chev) // 2, chev, chev), "chevron_right",
                          ctx.c("primary")))
        focus_ring(ctx, items, rect)
    items.append(Hit(rect, target))
    return rect


def chip_size(ctx: Ctx, label: str, *, icon: Optional[str] = None, size: Optional[int] = None,
              max_w: int = 0) -> tuple[int, int]:
    """The size chip() would take."""
    m = ctx.m
    s = size or m.small
    ic = round(s * 1.1) if icon else 0
    inner = max(20, max_w - 2 * m.gap - (ic + m.gap // 2 if icon else 0)) if max_w else 0
    tw, th = ctx.measure(label, m.font("bold", s), (0, 0, 0, 255), inner)
    return tw + 2 * m.gap + (ic + m.gap // 2 if icon else 0), max(th, ic) + m.gap


def chip(ctx: Ctx, items: list[Item], x: int, y: int, label: str, *, icon: Optional[str] = None,
         fg: str = "on_primary_soft", bg: str = "primary_soft", size: Optional[int] = None,
         max_w: int = 0, outline: bool = False) -> tuple[int, int]:
    """A rounded label with an optional icon; returns (w, h)."""
    m = ctx.m
    s = size or m.small
    ic = round(s * 1.1) if icon else 0
    inner = max(20, max_w - 2 * m.gap - (ic + m.gap // 2 if icon else 0)) if max_w else 0
    font = m.font("bold", s)
    tw, th = ctx.measure(label, font, ctx.c(fg), inner)
    w = tw + 2 * m.gap + (ic + m.gap // 2 if icon else 0)
    h = max(th, ic) + m.gap
    items.append(Box((x, y, w, h), ctx.c(bg), h // 2 if th < s * 2 else m.small_radius))
    if outline or ctx.theme.high_contrast:
        items.append(Box((x, y, w, h), ctx.c(fg), h // 2 if th < s * 2 else m.small_radius, max(1, m.border - 1)))
    cx = x + m.gap
    if icon:
        items.append(Icon((cx, y + (h - ic) // 2, ic, ic), icon, ctx.c(fg), ctx.c(bg)))
        cx += ic + m.gap // 2
    items.append(Text(cx, y + (h - th) // 2, label, font, ctx.c(fg), inner, "left", tw, th))
    return w, h


def avatar_color(ctx: Ctx, key: str) -> Color:
    """The disc colour for a person (stable between runs): one of the theme's `avatar_N` roles, never red."""
    return ctx.c(f"avatar_{zlib.crc32(key.encode('utf-8')) % AVATAR_COUNT + 1}")


def avatar(ctx: Ctx, items: list[Item], cx: int, cy: int, r: int, name: str, seed: str = "") -> None:
    """Initials on a coloured disc (colour chosen from `seed` or the name). Call people.person_avatar for anyone in
    a story, so one person has one avatar everywhere."""
    items.append(Circle((cx, cy), r, avatar_color(ctx, seed or name)))
    if ctx.theme.high_contrast:
        items.append(Circle((cx, cy), r, ctx.c("border"), max(2, r // 12)))
    text = initials(name)
    font = ctx.m.font("bold", max(8, round(r * (0.85 if len(text) > 1 else 1.0))))
    fg = ctx.c("on_avatar")
    tw, th = ctx.measure(text, font, fg)
    items.append(Text(cx - tw // 2, cy - th // 2, text, font, fg, 0, "left", tw, th))


def panel(ctx: Ctx, items: list[Item], rect: RectT, *, role: str = "surface", border: bool = True,
          radius: Optional[int] = None) -> None:
    """A card background with an optional outline."""
    r = ctx.m.radius if radius is None else radius
    items.append(Box(rect, ctx.c(role), r))
    if border:
        items.append(Box(rect, ctx.c("border") if ctx.theme.high_contrast else ctx.c("surface_alt"), r,
                         ctx.m.border))
