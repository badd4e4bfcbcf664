"""`email`: a mail client showing one message: subject, sender name and full address, the body."""

from __future__ import annotations

from ..display import Box, Icon, Image, Item, RectT
from ..i18n import _
from ..layout import Ctx
from . import KindOutput, KindView
from .common import app_button, app_header, app_name, block, card_page, flag_chips, person, rich, rule
from .listing import detail_icon


def message_card(ctx: Ctx, view: KindView, out: KindOutput, x: int, y: int, w: int) -> int:
    """The open email; the address is shown whole, so a look-alike address can be read; returns the height."""
    m = ctx.m
    card = view.node.card
    assert card is not None
    inner: list[Item] = []
    ix, iw = x + m.pad, w - 2 * m.pad
    iy = y + m.pad
    if card.title:
        _w, th, keys = rich(ctx, view, out, inner, ix, iy, iw, card.title, size=m.h2, style="bold")
        iy += th + flag_chips(ctx, view, out, inner, ix, iy + th, iw, keys) + m.gap
    sender = card.poster or card.address or _("Unknown sender")
    r = round(m.body * 1.0)
    person(ctx, view, inner, ix + r, iy + r, r, sender)
    tx, tw = ix + 2 * r + m.gap, iw - 2 * r - m.gap
    ty = iy + block(ctx, inner, tx, iy, tw, sender, style="bold")
    if card.address:
        _w, th, keys = rich(ctx, view, out, inner, tx, ty, tw, f"<{card.address}>", role="muted", size=m.small)
        ty += th + flag_chips(ctx, view, out, inner, tx, ty + th, tw, keys)
    ty += block(ctx, inner, tx, ty, tw, _("to me"), role="muted", size=m.small)
    iy = max(iy + 2 * r, ty) + m.gap
    if card.poster_note:
        _w, th, keys = rich(ctx, view, out, inner, ix, iy, iw, card.poster_note, role="muted", size=m.small)
        iy += th + flag_chips(ctx, view, out, inner, ix, iy + th, iw, keys) + m.gap // 2
    rule(ctx, inner, ix, iy, iw)
    iy += m.gap + m.gap // 2
    if card.image:
        ih = round(iw * 0.4)
        inner.append(Image((ix, iy, iw, ih), view.asset(card.image), ctx.c("surface_alt")))
        iy += ih + m.gap
    body = card.body or (view.node.spot.text if view.node.spot is not None else None)  # a spot task's email
    if body:
        for para in [p for p in body.split("\n") if p.strip()]:
            _w, th, keys = rich(ctx, view, out, inner, ix, iy, iw, para)
            iy += th + flag_chips(ctx, view, out, inner, ix, iy + th, iw, keys) + m.gap
    ic = round(m.body * 0.95)
    lh = ctx.fonts.line_height(m.font("regular"))
    for d in card.details:
        inner.append(Icon((ix, iy + max(0, (lh - ic) // 2), ic, ic), detail_icon(d), ctx.c("muted"),
                          ctx.c("surface")))
        _w, th, keys = rich(ctx, view, out, inner, ix + ic + m.gap, iy, iw - ic - m.gap, d)
        iy += th + flag_chips(ctx, view, out, inner, ix + ic + m.gap, iy + th, iw - ic - m.gap, keys) + m.gap // 2
    if card.button:
        iy += m.gap // 2
        bw = min(iw, ctx.measure(card.button, m.font("bold"), ctx.c("on_app"))[0] + 4 * m.pad)
        iy += app_button(ctx, inner, ix, iy, bw, card.button, app_name(view)) + m.gap
    h = iy - y + m.pad - m.gap
    out.body.append(Box((x, y, w, h), ctx.c("surface"), m.radius))
    out.body.append(Box((x, y, w, h), ctx.c("border"), m.radius, max(1, m.border // 2 + 1)))
    out.body.extend(inner)
    return h


def render(ctx: Ctx, view: KindView, screen: RectT) -> KindOutput:
    """Mailbox: the app's header, notifications that arrived meanwhile, then the open message."""
    out = KindOutput()
    out.header, out.header_h = app_header(ctx, view, screen, app_name(view) or _("Mailbox"), subtitle=_("Inbox"),
                                          back=False, icons=("trash", "search"))
    return card_page(ctx, view, out, screen, lambda _card, cx, cy, cw: message_card(ctx, view, out, cx, cy, cw))
