"""The generic renderer: an app header, an optional card panel, and messages as bubbles or post cards.

It works for every screen kind so the game plays end to end; kind-specific renderers replace it.
"""

from __future__ import annotations

from typing import Optional

from ...content.schema import ME, SYSTEM, Card, Message, Visibility
from ..display import Box, Circle, Icon, Image, Item, RectT, Text
from ..i18n import _
from ..layout import Ctx
from ..people import person_avatar
from ..widgets import chip, one_line, text_block
from . import KindOutput, KindView
from .common import app_name as kind_app_name
from .rich import rich_text, split_quotes

VIS_ICONS = {Visibility.PUBLIC: "globe", Visibility.FRIENDS: "people", Visibility.PRIVATE: "lock"}


def vis_label(v: Visibility) -> str:
    """Words for a post's visibility."""
    return {Visibility.PUBLIC: _("Public"), Visibility.FRIENDS: _("Friends"), Visibility.PRIVATE: _("Only me")}[v]


def header(ctx: Ctx, view: KindView, screen: RectT) -> tuple[list[Item], int]:
    """App header: back chevron, avatar + name (+ note) of who the chat is with, the app's name."""
    m = ctx.m
    x, y, w, _h = screen
    items: list[Item] = []
    node = view.node
    h = round(m.body * 2.8)
    items.append(Box((x, y, w, h), ctx.c("surface_alt")))
    ch = view.character(node.with_)
    cx = x + m.gap
    ic = round(m.body * 0.9)
    items.append(Icon((cx, y + (h - ic) // 2, ic, ic), "chevron_left", ctx.c("muted")))
    cx += ic + m.gap // 2
    app_name = kind_app_name(view)
    app_w = 0
    if app_name:
        app_w, _ah = ctx.text.size(app_name, m.font("bold", m.small), ctx.c("on_primary_soft"))
        app_w += 2 * m.gap
    if ch is not None:
        r = round(m.body * 0.95)
        person_avatar(ctx, items, cx + r, y + h // 2, r, view.scenario, ch.id, view.asset)
        tx = cx + 2 * r + m.gap
        tw = max(40, x + w - tx - app_w - m.gap * 2)
        name_h = ctx.measure(ch.name, m.font("bold"), ctx.c("text"), tw)[1]
        note_h = ctx.measure(ch.note, m.font("regular", m.small), ctx.c("muted"), tw)[1] if ch.note else 0
        ty = y + (h - name_h - note_h) // 2
        text_block(ctx, items, tx, ty, tw, ch.name, style="bold")
        if ch.note:
            text_block(ctx, items, tx, ty + name_h, tw, ch.note, role="muted", size=m.small)
    elif node.title or app_name:
        title = node.title or app_name
        if title == app_name:
            app_name, app_w = "", 0
        tw = max(40, x + w - cx - app_w - m.gap * 2)
        th = ctx.measure(title, m.font("bold"), ctx.c("text"), tw)[1]
        text_block(ctx, items, cx, y + (h - th) // 2, tw, title, style="bold")
    if app_name:
        aw, ah = ctx.text.size(app_name, m.font("bold", m.small), ctx.c("on_primary_soft"))
        bx = x + w - m.gap - aw - 2 * m.gap // 2 - m.gap
        by = y + (h - ah - m.gap // 2) // 2
        items.append(Box((bx, by, aw + m.gap, ah + m.gap // 2), ctx.c("primary_soft"), m.small_radius))
        items.append(Text(bx + m.gap // 2, by + m.gap // 4, app_name, m.font("bold", m.small),
                          ctx.c("on_primary_soft"), 0, "left", aw, ah))
    items.append(Box((x, y + h - 1, w, max(1, m.border // 2)), ctx.c("border")))
    return items, h


def card_panel(ctx: Ctx, view: KindView, card: Card, x: int, y: int, w: int,
               out: KindOutput, quotes: list[tuple[int, str]]) -> int:
    """A listing / email / profile / settings card; returns its height."""
    m = ctx.m
    inner: list[Item] = []
    ix, iw = x + m.pad, w - 2 * m.pad
    iy = y + m.pad
    marked = {h.index: h.style for h in view.highlights}

    def para(text: str, *, size: Optional[int] = None, role: str = "text") -> None:
        nonlocal iy
        _w, h, rects = rich_text(ctx, inner, ix, iy, iw, split_quotes(text, quotes), ctx.c(role), size=size,
                                 marked=marked)
        for k, rs in rects.items():
            out.anchors.setdefault(int(k), []).extend(rs)  # type: ignore[call-overload]
        iy += h + m.gap // 2

    if card.image:
        ih = round(iw * 0.4)
        inner.append(Image((ix, iy, iw, ih), view.asset(card.image), ctx.c("surface_alt")))
        iy += ih + m.gap
    if card.title:
        iy += text_block(ctx, inner, ix, iy, iw, card.title, style="bold", size=m.h2) + m.gap // 2
    if card.price:
        iy += text_block(ctx, inner, ix, iy, iw, card.price, style="bold", size=m.h1, role="primary") + m.gap // 2
    if card.poster:
        who = card.poster + (f" <{card.address}>" if card.address else "")
        iy += text_block(ctx, inner, ix, iy, iw, who, style="bold", size=m.small)
        if card.poster_note:
            iy += text_block(ctx, inner, ix, iy, iw, card.poster_note, role="muted", size=m.small)
        iy += m.gap // 2
    elif card.address:
        iy += text_block(ctx, inner, ix, iy, iw, card.address, role="muted", size=m.small) + m.gap // 2
    if card.body:
        para(card.body)
    for d in card.details:
        para("•  " + d, size=m.small)
    for k, v in card.bio.items():
        para(f"{k}: {v}", size=m.small)
    for t in card.toggles:
        on = bool(view.toggles.get(t.id, t.enabled))
        lw = iw - round(m.body * 5)
        th = text_block(ctx, inner, ix, iy, lw, t.label, style="bold")
        sw = round(m.body * 2.4)
        sh = sw // 2
        sx = ix + iw - sw - round(m.body * 2.4)
        inner.append(Box((sx, iy, sw, sh), ctx.c("primary" if on else "surface_alt"), sh // 2))
        inner.append(Box((sx, iy, sw, sh), ctx.c("primary" if on else "border"), sh // 2, m.border))
        kx = sx + sw - sh // 2 if on else sx + sh // 2
        inner.append(Circle((kx, iy + sh // 2), sh // 2 - 3, ctx.c("on_primary" if on else "muted")))
        one_line(ctx, inner, sx + sw + m.gap // 2, iy, _("On") if on else _("Off"), style="bold", size=m.small)
        iy += max(th, sh) + 2
        if t.help:
            iy += text_block(ctx, inner, ix, iy, lw, t.help, role="muted", size=m.small)
        if view.changed_toggle == t.id:
            cw, chh = chip(ctx, inner, ix, iy + 2, _("Changed"), icon="check", fg="safe", bg="safe_soft")
            iy += chh + 4
        iy += m.gap
    if card.button:
        bh = round(m.body * 2.0)
        bw = min(iw, ctx.measure(card.button, m.font("bold"), ctx.c("on_primary"))[0] + 3 * m.pad)
        inner.append(Box((ix, iy, bw, bh), ctx.c("primary"), bh // 2))
        tw, th = ctx.measure(card.button, m.font("bold"), ctx.c("on_primary"))
        inner.append(Text(ix + (bw - tw) // 2, iy + (bh - th) // 2, card.button, m.font("bold"), ctx.c("on_primary"),
                          0, "left", tw, th))
        iy += bh + m.gap
    h = iy - y + m.pad - m.gap // 2
    out.body.append(Box((x, y, w, h), ctx.c("surface"), m.radius))
    out.body.append(Box((x, y, w, h), ctx.c("border"), m.radius, max(1, m.border // 2 + 1)))
    out.body.extend(inner)
    return h


def bubble(ctx: Ctx, view: KindView, msg: Message, x: int, y: int, w: int, out: KindOutput,
           quotes: list[tuple[int, str]], show_name: bool) -> int:
    """One chat bubble (left for others, right for me, centred pill for the app); returns its height."""
    m = ctx.m
    marked = {h.index: h.style for h in view.highlights}
    if msg.speaker == SYSTEM:
        tw = min(w - 2 * m.pad, round(m.body * 24))
        inner: list[Item] = []
        _w, th, rects = rich_text(ctx, inner, 0, 0, tw, split_quotes(msg.text, quotes), ctx.c("muted"), size=m.small,
                                  marked=marked)
        bw = _w + 2 * m.gap
        bx = x + (w - bw) // 2
        out.body.append(Box((bx, y, bw, th + m.gap), ctx.c("surface_alt"), m.small_radius))
        rich_text(ctx, out.body, bx + m.gap, y + m.gap // 2, tw, split_quotes(msg.text, quotes), ctx.c("muted"),
                  size=m.small, marked=marked)
        for k, rs in rects.items():
            out.anchors.setdefault(int(k), []).extend((bx + m.gap + a, y + m.gap // 2 + b, c, d) for a, b, c, d in rs)  # type: ignore[call-overload]
        return th + m.gap
    me = msg.speaker == ME
    r = round(m.body * 0.8)
    av = 0 if me else 2 * r + m.gap
    max_w = round((w - av) * 0.8)
    pad = m.gap
    spans = split_quotes(msg.text, quotes)
    fg = ctx.c("on_bubble_me" if me else "on_bubble_them")
    probe: list[Item] = []
    tw, th, _r = rich_text(ctx, probe, 0, 0, max_w - 2 * pad, spans, fg, marked=marked)
    name_h = 0
    if show_name and not me:
        name_h = ctx.measure(view.name_of(msg.speaker), m.font("bold", m.small), ctx.c("muted"))[1]
    img_h = round(max_w * 0.6) if msg.image else 0
    bw = max(tw, round(m.body * 3)) + 2 * pad
    if msg.image:
        bw = max_w
    bh = th + 2 * pad + (img_h + pad if msg.image else 0)
    bx = x + w - bw if me else x + av
    yy = y
    if name_h:
        one_line(ctx, out.body, bx + m.gap // 2, yy, view.name_of(msg.speaker), style="bold", size=m.small,
                 role="muted")
        yy += name_h + 2
    if not me:
        person_avatar(ctx, out.body, x + r, yy + min(bh, 2 * r) // 2 + 2, r, view.scenario, msg.speaker,
                      view.asset)
    role = "bubble_me" if me else "bubble_them"
    out.body.append(Box((bx, yy, bw, bh), ctx.c(role), m.radius))
    if ctx.theme.high_contrast and not me:
        out.body.append(Box((bx, yy, bw, bh), ctx.c("border"), m.radius, max(1, m.border - 1)))
    ty = yy + pad
    if msg.image:
        out.body.append(Image((bx + pad, ty, bw - 2 * pad, img_h), view.asset(msg.image), ctx.c("surface")))
        ty += img_h + pad
    _w, _h, rects = rich_text(ctx, out.body, bx + pad, ty, max_w - 2 * pad, spans, fg, marked=marked)
    for k, rs in rects.items():
        out.anchors.setdefault(int(k), []).extend(rs)  # type: ignore[call-overload]
    total = yy - y + bh
    if msg.time:
        tw2, th2 = ctx.measure(msg.time, m.font("regular", m.small), ctx.c("muted"))
        tx = bx + bw - tw2 if me else bx
        out.body.append(Text(tx, y + total + 2, msg.time, m.font("regular", m.small), ctx.c("muted"), 0, "left",
                             tw2, th2))
        total += th2 + 2
    return total


def post_card(ctx: Ctx, view: KindView, msg: Message, x: int, y: int, w: int, out: KindOutput,
              quotes: list[tuple[int, str]]) -> int:
    """A feed/profile post: who, when, visibility and location, text, picture, likes and comments."""
    m = ctx.m
    info = msg.post
    assert info is not None
    marked = {h.index: h.style for h in view.highlights}
    inner: list[Item] = []
    ix, iw = x + m.gap, w - 2 * m.gap
    iy = y + m.gap
    r = round(m.body * 0.9)
    ch = view.character(msg.speaker)
    name = ch.name if ch else (_("You") if msg.speaker == ME else msg.speaker)
    person_avatar(ctx, inner, ix + r, iy + r, r, view.scenario, msg.speaker, view.asset)
    tx = ix + 2 * r + m.gap
    one_line(ctx, inner, tx, iy, name, style="bold", max_w=iw - 2 * r - m.gap)
    meta_y = iy + m.body + 4
    ic = round(m.small * 1.1)
    mx = tx
    if msg.time:
        tw, _th = one_line(ctx, inner, mx, meta_y, msg.time + "  ·", size=m.small, role="muted")
        mx += tw + m.gap // 2
    inner.append(Icon((mx, meta_y + 2, ic, ic), VIS_ICONS[info.visibility], ctx.c("muted")))
    tw, _th = one_line(ctx, inner, mx + ic + 4, meta_y, vis_label(info.visibility), size=m.small, role="muted")
    iy = max(iy + 2 * r, meta_y + m.small + 4) + m.gap
    if info.location:
        cw, chh = chip(ctx, inner, ix, iy, info.location, icon="pin", fg="caution", bg="caution_soft", max_w=iw)
        iy += chh + m.gap // 2
    _w, th, rects = rich_text(ctx, inner, ix, iy, iw, split_quotes(msg.text, quotes), ctx.c("text"), marked=marked)
    for k, rs in rects.items():
        out.anchors.setdefault(int(k), []).extend(rs)  # type: ignore[call-overload]
    iy += th + m.gap // 2
    if msg.image:
        ih = round(iw * 0.55)
        inner.append(Image((ix, iy, iw, ih), view.asset(msg.image), ctx.c("surface_alt")))
        iy += ih + m.gap // 2
    inner.append(Icon((ix, iy + 2, ic, ic), "heart", ctx.c("muted")))
    tw, _th = one_line(ctx, inner, ix + ic + 4, iy, str(info.likes), size=m.small, role="muted")
    cx = ix + ic + 4 + tw + m.pad
    inner.append(Icon((cx, iy + 2, ic, ic), "chat", ctx.c("muted")))
    one_line(ctx, inner, cx + ic + 4, iy, str(info.comments), size=m.small, role="muted")
    iy += m.small + m.gap + 4
    h = iy - y
    out.body.append(Box((x, y, w, h), ctx.c("surface"), m.radius))
    out.body.append(Box((x, y, w, h), ctx.c("border"), m.radius, max(1, m.border // 2 + 1)))
    out.body.extend(inner)
    return h


def render(ctx: Ctx, view: KindView, screen: RectT) -> KindOutput:
    """Header, card and messages for any screen kind."""
    m = ctx.m
    out = KindOutput()
    x, y, w, h = screen
    from .registry import spec_for  # the registry imports this module

    narration = spec_for(view.node.screen).frame == "plain"
    if not narration:
        out.header, out.header_h = header(ctx, view, screen)
    quotes = [(hl.index, hl.quote) for hl in view.highlights]
    bx, bw = x + m.gap, w - 2 * m.gap
    by = y + out.header_h + m.gap
    cy = by
    if narration:
        cy += m.pad
        if view.node.title:
            cy += text_block(ctx, out.body, bx + m.pad, cy, bw - 2 * m.pad, view.node.title, style="bold",
                             size=m.h2) + m.gap
    if view.node.card is not None:
        cy += card_panel(ctx, view, view.node.card, bx, cy, bw, out, quotes) + m.gap
    prev: Optional[str] = None
    for msg in view.messages:
        if narration and msg.post is None:
            _w, th, rects = rich_text(ctx, out.body, bx + m.pad, cy, bw - 2 * m.pad, split_quotes(msg.text, quotes),
                                      ctx.c("text"), marked={hl.index: hl.style for hl in view.highlights})
            for k, rs in rects.items():
                out.anchors.setdefault(int(k), []).extend(rs)  # type: ignore[call-overload]
            cy += th + m.pad // 2
        elif msg.post is not None:
            cy += post_card(ctx, view, msg, bx, cy, bw, out, quotes) + m.gap
        else:
            cy += bubble(ctx, view, msg, bx, cy, bw, out, quotes, msg.speaker != prev) + m.gap
        prev = msg.speaker
    if view.typing:
        th = round(m.body * 1.8)
        r = round(m.body * 0.8)
        ch = view.character(view.typing)
        person_avatar(ctx, out.body, bx + r, cy + th // 2, r, view.scenario, view.typing, view.asset)
        tx = bx + 2 * r + m.gap
        out.body.append(Box((tx, cy, round(m.body * 3.2), th), ctx.c("bubble_them"), m.radius))
        out.typing_at = (tx, cy, round(m.body * 3.2), th)
        label = _("{name} is typing").format(name=ch.name if ch else view.typing)
        one_line(ctx, out.body, tx + round(m.body * 3.2) + m.gap, cy + (th - m.small) // 2 - 2, label, size=m.small,
                 role="muted")
        cy += th + m.gap
    out.body_h = cy - (y + out.header_h) + m.gap
    return out
