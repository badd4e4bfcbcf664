"""`narration`: a calm full-width panel with a title and the story text, centred when it fits."""

from __future__ import annotations

from ...content.schema import SYSTEM
from ..display import Box, RectT
from ..layout import Ctx
from . import KindOutput, KindView
from .common import block, flag_chips, person, rich, speaker_name
from .listing import listing_card
from .social import post_card


def _column(ctx: Ctx, view: KindView, out: KindOutput, x: int, y: int, w: int) -> int:
    """Title, accent rule, paragraphs and quoted lines; returns the height."""
    m = ctx.m
    y0 = y
    if view.node.title:
        y += block(ctx, out.body, x, y, w, view.node.title, style="bold", size=m.h1) + m.gap
        out.body.append(Box((x, y, round(m.body * 2.4), max(3, m.border * 2)), ctx.c("primary"), 2))
        y += m.pad
    if view.node.card is not None:
        y += listing_card(ctx, view, out, view.node.card, x, y, w, market=False) + m.gap
    size = round(m.body * 1.08)
    for msg in view.messages:
        if msg.post is not None:
            y += post_card(ctx, view, out, msg, [], x, y, w) + m.pad
        elif msg.speaker == SYSTEM:
            _w, th, keys = rich(ctx, view, out, out.body, x, y, w, msg.text, size=size)
            y += th + flag_chips(ctx, view, out, out.body, x, y + th, w, keys) + m.pad
        else:
            r = round(m.body * 0.8)
            person(ctx, view, out.body, x + r, y + r, r, msg.speaker)
            tx, tw = x + 2 * r + m.gap, w - 2 * r - m.gap
            hh = block(ctx, out.body, tx, y, tw, speaker_name(view, msg.speaker), style="bold", size=m.small,
                            role="muted")
            _w, th, keys = rich(ctx, view, out, out.body, tx, y + hh, tw, msg.text, size=size)
            fh = flag_chips(ctx, view, out, out.body, tx, y + hh + th, tw, keys)
            y += max(2 * r, hh + th + fh) + m.pad
    return y - y0 - (m.pad if view.messages else 0)


def render(ctx: Ctx, view: KindView, screen: RectT) -> KindOutput:
    """Story text in a readable column (about 60 characters a line), vertically centred when it fits."""
    m = ctx.m
    x, y, w, h = screen
    cw = min(w - 2 * m.pad, round(m.body * 30))
    cx = x + (w - cw) // 2
    probe = KindOutput()
    need = _column(ctx, view, probe, cx, 0, cw)
    top = y + max(m.pad, (h - need) // 2) if need + 2 * m.pad <= h and not view.dim else y + m.pad
    out = KindOutput()
    end = top + _column(ctx, view, out, cx, top, cw)
    out.body_h = end - y + m.pad
    return out
