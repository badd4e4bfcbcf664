"""Listing screens: `job_ad` (a job board page in the browser) and `marketplace` (a buy-and-sell app listing)."""

from __future__ import annotations

import re

from ...content.schema import Card
from ..display import Box, Circle, Icon, Image, Item, RectT
from ..i18n import _
from ..layout import Ctx
from . import KindOutput, KindView
from .common import app_button, app_header, app_name, block, card_page, flag_chips, person, rich, rule

DETAIL_ICONS = (
    (("dm", "dms", "message", "chat", "email", "call", "phone", "number", "text"), "chat"),
    (("pay", "paid", "cash", "$", "gift card", "gift cards", "money", "cost", "price", "free"), "coin"),
    (("selfie", "selfies", "photo", "photos", "pic", "pics", "picture", "pictures"), "image"),
    (("age", "ages", "16+", "18+", "parent", "parents", "guardian", "adult", "adults"), "person"),
    (("interview", "form", "sign", "signs", "train", "apply", "contract"), "notes"),
    (("meet", "address", "street", "location", "city", "cities", "place", "lane", "house", "home", "near",
      "station", "center", "park"), "pin"),
    (("am", "pm", "hour", "hours", "daytime", "night", "nightly", "weekday", "weekdays", "weekend", "week", "day",
      "days", "july", "start", "saturday", "sunday", "today", "tonight", "fast"), "clock"),
)
"""Words -> the icon beside a listing detail (whole words; the first group that matches wins)."""


def detail_icon(text: str) -> str:
    """A small icon for a listing detail by its words (the words carry the meaning; the icon helps the eye)."""
    words = set(re.findall(r"[a-z0-9$+]+", text.lower()))
    low = text.lower()
    for keys, icon in DETAIL_ICONS:
        if any((k in words) if " " not in k and k != "$" else (k in low) for k in keys):
            return icon
    return "check"


def poster_row(ctx: Ctx, view: KindView, out: KindOutput, items: list[Item], card: Card, x: int, y: int,
               w: int) -> int:
    """Who posted it: initials disc, name, and the note ('joined 2 days ago'); returns the height."""
    m = ctx.m
    if not card.poster:
        if not card.poster_note:
            return 0
        _w, th, keys = rich(ctx, view, out, items, x, y, w, card.poster_note, role="muted", size=m.small)
        return th + flag_chips(ctx, view, out, items, x, y + th, w, keys)
    r = round(m.body * 0.95)
    person(ctx, view, items, x + r, y + r, r, card.poster)
    tx, tw = x + 2 * r + m.gap, w - 2 * r - m.gap
    ty = y + block(ctx, items, tx, y, tw, card.poster, style="bold")
    if card.poster_note:
        _w, th, keys = rich(ctx, view, out, items, tx, ty, tw, card.poster_note, role="muted", size=m.small)
        ty += th + flag_chips(ctx, view, out, items, tx, ty + th, tw, keys)
    return max(2 * r, ty - y)


def details(ctx: Ctx, view: KindView, out: KindOutput, items: list[Item], card: Card, x: int, y: int, w: int) -> int:
    """The details list, each line with a small icon; returns the height."""
    m = ctx.m
    if not card.details:
        return 0
    yy = y + block(ctx, items, x, y, w, _("Details"), style="bold", size=m.small) + m.gap // 2
    ic = round(m.body * 0.95)
    lh = ctx.fonts.line_height(m.font("regular"))
    for d in card.details:
        items.append(Icon((x, yy + max(0, (lh - ic) // 2), ic, ic), detail_icon(d), ctx.c("muted"),
                          ctx.c("surface")))
        _w, th, keys = rich(ctx, view, out, items, x + ic + m.gap, yy, w - ic - m.gap, d)
        yy += th + flag_chips(ctx, view, out, items, x + ic + m.gap, yy + th, w - ic - m.gap, keys) + m.gap // 2
    return yy - y


def listing_card(ctx: Ctx, view: KindView, out: KindOutput, card: Card, x: int, y: int, w: int, *,
                 market: bool, view_h: int = 10**6) -> int:
    """The listing: picture, title and pay/price in large type, poster, description, details, the app's button."""
    m = ctx.m
    inner: list[Item] = []
    ix, iw = x + m.pad, w - 2 * m.pad
    iy = y
    if market or card.image:
        ih = min(round(w * (0.5 if market else 0.34)), max(m.body * 3, round(view_h * 0.34)))
        inner.append(Image((x, iy, w, ih), view.asset(card.image), ctx.c("surface_alt")))
        if market:  # photo dots: the first of a few pictures
            r = max(3, m.small // 5)
            for k in range(4):
                dx = x + w // 2 + (k - 2) * r * 3 + r
                inner.append(Circle((dx, iy + ih - 3 * r), r, ctx.c("primary" if k == 0 else "border")))
        iy += ih
    iy += m.pad
    big = [(card.price, "bold", m.h1), (card.title, "bold", m.h2)] if market else \
        [(card.title, "bold", m.h2), (card.price, "bold", m.h1)]
    for text, style, size in big:
        if text:
            _w, th, keys = rich(ctx, view, out, inner, ix, iy, iw, text, size=size, style=style)
            iy += th + flag_chips(ctx, view, out, inner, ix, iy + th, iw, keys) + m.gap // 2
    iy += m.gap // 2
    ph = poster_row(ctx, view, out, inner, card, ix, iy, iw)
    if ph:
        iy += ph + m.gap
        rule(ctx, inner, ix, iy, iw)
        iy += m.gap
    if card.body:
        _w, th, keys = rich(ctx, view, out, inner, ix, iy, iw, card.body)
        iy += th + flag_chips(ctx, view, out, inner, ix, iy + th, iw, keys) + m.gap
    dh = details(ctx, view, out, inner, card, ix, iy, iw)
    iy += dh + (m.gap // 2 if dh else 0)
    if card.button:
        iy += m.gap // 2
        iy += app_button(ctx, inner, ix, iy, iw, card.button, app_name(view)) + m.gap
    h = iy - y + m.pad - m.gap
    out.body.append(Box((x, y, w, h), ctx.c("surface"), m.radius))
    out.body.extend(inner)
    out.body.append(Box((x, y, w, h), ctx.c("border"), m.radius, max(1, m.border // 2 + 1)))
    return h


def _render(ctx: Ctx, view: KindView, screen: RectT, *, market: bool) -> KindOutput:
    out = KindOutput()
    name = app_name(view)
    if market:
        out.header, out.header_h = app_header(ctx, view, screen, name or _("Listing"), subtitle=_("Listing"),
                                              icons=("more",))
    else:
        out.header, out.header_h = app_header(ctx, view, screen, name or _("Jobs"), subtitle=_("Jobs near you"),
                                              back=False, icons=("bell", "search"))
    return card_page(ctx, view, out, screen, lambda card, cx, cy, cw: listing_card(
        ctx, view, out, card, cx, cy, cw, market=market, view_h=screen[3]))


def render_job_ad(ctx: Ctx, view: KindView, screen: RectT) -> KindOutput:
    """A job board page: title, pay in large type, poster, description, details, the Apply/Message button."""
    return _render(ctx, view, screen, market=False)


def render_marketplace(ctx: Ctx, view: KindView, screen: RectT) -> KindOutput:
    """A marketplace listing: photo, price in large type, title, seller, details, the Message button."""
    return _render(ctx, view, screen, market=True)
