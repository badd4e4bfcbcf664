"""`settings`: a phone settings page with switches; a choice's `toggle:` shows that switch flipped and marked."""

from __future__ import annotations

from ...content.schema import SYSTEM, Toggle
from ..display import Box, Circle, Icon, Item, RectT
from ..i18n import _
from ..layout import Ctx
from ..widgets import chip
from . import KindOutput, KindView
from .common import app_button, app_header, app_name, banner, block, flag_chips, notice, rich, rule


def switch(ctx: Ctx, items: list[Item], x: int, y: int, on: bool) -> tuple[int, int]:
    """A switch with its state in words under it; returns (w, h)."""
    m = ctx.m
    sw = round(m.body * 2.2)
    sh = round(sw * 0.55)
    word = _("On") if on else _("Off")
    ww, wh = ctx.measure(word, m.font("bold", m.small), ctx.c("text"))
    col_w = max(sw, ww)
    sx = x + (col_w - sw) // 2
    items.append(Box((sx, y, sw, sh), ctx.c("primary" if on else "surface_alt"), sh // 2))
    items.append(Box((sx, y, sw, sh), ctx.c("primary" if on else "border"), sh // 2, max(2, m.border)))
    kr = sh // 2 - max(3, sh // 8)
    kx = sx + sw - sh // 2 if on else sx + sh // 2
    items.append(Circle((kx, y + sh // 2), kr, ctx.c("on_primary" if on else "muted")))
    if on:
        ic = round(kr * 1.1)
        items.append(Icon((kx - ic // 2, y + sh // 2 - ic // 2, ic, ic), "check", ctx.c("primary")))
    block(ctx, items, x + (col_w - ww) // 2, y + sh + 2, ww + 1, word, style="bold", size=m.small)
    return col_w, sh + 2 + wh


def switch_width(ctx: Ctx) -> int:
    """Width of the switch column."""
    m = ctx.m
    words = max(ctx.measure(w, m.font("bold", m.small), ctx.c("text"))[0] for w in (_("On"), _("Off")))
    return max(round(m.body * 2.2), words)


def toggle_row(ctx: Ctx, view: KindView, out: KindOutput, items: list[Item], t: Toggle, x: int, y: int,
               w: int) -> int:
    """One switch row: label, help, the switch; the changed one is tinted and says what changed."""
    m = ctx.m
    on = bool(view.toggles.get(t.id, t.enabled))
    changed = view.changed_toggle == t.id
    sw = switch_width(ctx)
    lw = w - sw - 3 * m.gap
    inner: list[Item] = []
    iy = y + m.gap
    _w, th, keys = rich(ctx, view, out, inner, x + m.gap, iy, lw, t.label, style="bold")
    iy += th
    if t.help:
        _w, hh, k2 = rich(ctx, view, out, inner, x + m.gap, iy, lw, t.help, role="muted", size=m.small)
        iy += hh
        keys += k2
    iy += flag_chips(ctx, view, out, inner, x + m.gap, iy, lw, keys)
    _cw, sh = switch(ctx, inner, x + w - sw - m.gap, y + m.gap, on)
    iy = max(iy, y + m.gap + sh)
    if changed:
        label = _("You turned this on") if on else _("You turned this off")
        iy += m.gap // 2
        _cw, chh = chip(ctx, inner, x + m.gap, iy, label, icon="check", fg="safe", bg="safe_soft", max_w=w - 2 * m.gap)
        iy += chh
    h = iy + m.gap - y
    if changed:
        items.append(Box((x, y, w, h), ctx.c("primary_soft"), m.small_radius))
        items.append(Box((x, y, max(4, m.gap // 2), h), ctx.c("primary")))
    items.extend(inner)
    return h


def render(ctx: Ctx, view: KindView, screen: RectT) -> KindOutput:
    """Header (back, the app's mark, the page name), notices, the page's text, grouped switches, options."""
    m = ctx.m
    out = KindOutput()
    card = view.node.card
    name = app_name(view)
    title = (card.title if card else None) or _("Settings")
    sub = name if name == _("Settings") else _("{app} settings").format(app=name) if name else ""
    out.header, out.header_h = app_header(ctx, view, screen, title, subtitle=sub)
    x, y, w, _h = screen
    top = y + out.header_h
    cx, cw = x + m.gap, w - 2 * m.gap
    cy = top + m.gap
    for msg in view.messages:
        if msg.speaker == SYSTEM:
            cy += notice(ctx, view, out, cx, cy, cw, msg.text, icon="bell") + m.gap
        else:
            cy += banner(ctx, view, out, cx, cy, cw, msg) + m.gap
    if card is not None and card.body:
        _w, th, keys = rich(ctx, view, out, out.body, cx + m.gap, cy, cw - 2 * m.gap, card.body, role="muted")
        cy += th + flag_chips(ctx, view, out, out.body, cx + m.gap, cy + th, cw - 2 * m.gap, keys) + m.gap
    inner: list[Item] = []
    if card is not None and card.toggles:
        gy = cy
        for i, t in enumerate(card.toggles):
            if i:
                rule(ctx, inner, cx + m.gap, gy, cw - 2 * m.gap)
            gy += toggle_row(ctx, view, out, inner, t, cx, gy, cw)
        out.body.append(Box((cx, cy, cw, gy - cy), ctx.c("surface"), m.radius))
        out.body.extend(inner)
        out.body.append(Box((cx, cy, cw, gy - cy), ctx.c("border"), m.radius, max(1, m.border // 2 + 1)))
        cy = gy + m.gap
    if card is not None and card.details:
        inner = []
        gy = cy + m.gap // 2
        ic = round(m.body * 0.9)
        for i, d in enumerate(card.details):
            if i:
                rule(ctx, inner, cx + m.gap, gy, cw - 2 * m.gap)
                gy += m.gap // 2
            inner.append(Icon((cx + m.gap, gy + 2, ic, ic), "ring", ctx.c("muted")))
            _w, th, keys = rich(ctx, view, out, inner, cx + 2 * m.gap + ic, gy, cw - 3 * m.gap - ic, d)
            gy += th + flag_chips(ctx, view, out, inner, cx + 2 * m.gap + ic, gy + th, cw - 3 * m.gap - ic, keys)
            gy += m.gap // 2
        out.body.append(Box((cx, cy, cw, gy - cy), ctx.c("surface"), m.radius))
        out.body.extend(inner)
        out.body.append(Box((cx, cy, cw, gy - cy), ctx.c("border"), m.radius, max(1, m.border // 2 + 1)))
        cy = gy + m.gap
    if card is not None and card.button:
        cy += app_button(ctx, out.body, cx, cy, cw, card.button, name) + m.gap
    out.body_h = cy - top + m.gap
    return out
