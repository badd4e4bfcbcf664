"""Chat screens: `dm` (an app's direct messages) and `sms` (the phone's Messages app), bubbles left and right."""

from __future__ import annotations

from collections import OrderedDict
from typing import Optional

from ...content.schema import ME, SYSTEM, Message
from ..display import Box, Icon, Image, Item, RectT, shifted
from ..i18n import _
from ..layout import Ctx
from . import KindOutput, KindView
from .common import (
    app_header,
    app_mark,
    app_name,
    block,
    fit,
    flag_chips,
    header_bar,
    notice,
    person,
    rich,
    speaker_name,
)


def is_group(view: KindView) -> bool:
    """True when more than one other person speaks (names go above their bubbles)."""
    return len({m.speaker for m in view.node.messages if m.speaker not in (ME, SYSTEM)}) > 1


_BUBBLES: OrderedDict[tuple, tuple[list[Item], int, int]] = OrderedDict()
"""Laid-out bubbles (items, height, the y they were laid out at) by everything their layout depends on but y: a
living thread of 150 messages lays out only the new one when a message arrives; the others are reused as they are
(or moved once, when something above them changed)."""
BUBBLE_CACHE = 600


def bubble(ctx: Ctx, view: KindView, out: KindOutput, msg: Message, x: int, y: int, w: int, *, sms: bool,
           first: bool, last: bool, show_avatar: bool, show_name: bool, show_time: bool) -> int:
    """One chat bubble (others on the left, the player on the right); returns the height used. Bubbles without
    highlights come from a cache of laid-out bubbles when nothing they depend on changed."""
    if view.highlights or view.dim:  # lit phrases record anchors: lay them out fresh
        return _bubble(ctx, view, out, msg, x, y, w, sms=sms, first=first, last=last, show_avatar=show_avatar,
                       show_name=show_name, show_time=show_time)
    ch = view.character(msg.speaker)
    key = (msg.speaker, msg.text, msg.time, msg.image, view.asset(msg.image) if msg.image else None,
           ch.name if ch else None, getattr(ch, "avatar", None), view.scenario.id, x, w, sms, first, last,
           show_avatar, show_name, show_time, ctx.m, id(ctx.theme), ctx.fonts.family)
    hit = _BUBBLES.get(key)
    if hit is None:
        tmp = KindOutput()
        h = _bubble(ctx, view, tmp, msg, x, y, w, sms=sms, first=first, last=last, show_avatar=show_avatar,
                    show_name=show_name, show_time=show_time)
        hit = (tmp.body, h, y)
        _BUBBLES[key] = hit
        if len(_BUBBLES) > BUBBLE_CACHE:
            _BUBBLES.popitem(last=False)
    else:
        _BUBBLES.move_to_end(key)
        if hit[2] != y:  # the same bubble further down (a separator or a new message above it): move it once
            hit = ([shifted(it, y - hit[2]) for it in hit[0]], hit[1], y)
            _BUBBLES[key] = hit
    out.body.extend(hit[0])
    return hit[1]


def _bubble(ctx: Ctx, view: KindView, out: KindOutput, msg: Message, x: int, y: int, w: int, *, sms: bool,
            first: bool, last: bool, show_avatar: bool, show_name: bool, show_time: bool) -> int:
    """Lay out one chat bubble into `out`; returns the height used."""
    m = ctx.m
    me = msg.speaker == ME
    r = round(m.body * 0.75)
    lead = 2 * r + m.gap if show_avatar else 0
    avail = w - lead
    max_w = max(m.body * 5, round(avail * 0.8))
    pad = m.gap
    fg_role = "on_bubble_me" if me else "on_bubble_them"
    tw, th = fit(ctx, view, max_w - 2 * pad, msg.text)
    img_h = round(max_w * 0.6) if msg.image else 0
    if msg.image:
        tw = max_w - 2 * pad
    bw = max(tw + 2 * pad, round(m.body * 2.4))
    bh = th + 2 * pad + (img_h + pad if msg.image else 0)
    bx = x + w - bw if me else x + lead
    yy = y
    if show_name and not me:
        yy += block(ctx, out.body, bx + m.gap // 2, yy, avail, speaker_name(view, msg.speaker), style="bold",
                         size=m.small, role="muted") + 2
    if show_avatar and not me and first:
        person(ctx, view, out.body, x + r, yy + r, r, msg.speaker)
    role = "bubble_me" if me else "bubble_them"
    out.body.append(Box((bx, yy, bw, bh), ctx.c(role), m.radius))
    corner = max(4, m.radius // 2)
    if sms and last:  # a squared corner where the tail would be
        out.body.append(Box((bx + bw - corner if me else bx, yy + bh - corner, corner, corner), ctx.c(role)))
    elif not sms and first:
        out.body.append(Box((bx + bw - corner if me else bx, yy, corner, corner), ctx.c(role)))
    if ctx.theme.high_contrast and not me:
        out.body.append(Box((bx, yy, bw, bh), ctx.c("border"), m.radius, max(1, m.border - 1)))
    ty = yy + pad
    if msg.image:
        out.body.append(Image((bx + pad, ty, bw - 2 * pad, img_h), view.asset(msg.image), ctx.c("surface")))
        ty += img_h + pad
    _w, _h, keys = rich(ctx, view, out, out.body, bx + pad, ty, tw, msg.text, role=fg_role)
    yy += bh
    if show_time and msg.time:
        tw2, th2 = ctx.measure(msg.time, m.font("regular", m.small), ctx.c("muted"))
        block(ctx, out.body, bx + bw - tw2 if me else bx, yy + 2, tw2 + 1, msg.time, role="muted", size=m.small)
        yy += th2 + 2
    yy += flag_chips(ctx, view, out, out.body, x + lead, yy, avail, keys, right=me)
    return yy - y


def time_separator(ctx: Ctx, items: list[Item], x: int, y: int, w: int, text: str) -> int:
    """A centred small time between groups of texts (Messages style)."""
    return block(ctx, items, x, y, w, text, role="muted", size=ctx.m.small, align="center")


def typing_row(ctx: Ctx, view: KindView, out: KindOutput, x: int, y: int, w: int, avatar_col: bool) -> int:
    """Someone is typing: an empty bubble where the scene animates the dots, and a label; returns the height."""
    m = ctx.m
    if not view.typing:
        return 0
    r = round(m.body * 0.75)
    th = round(m.body * 1.8)
    tx = x
    if avatar_col:
        person(ctx, view, out.body, x + r, y + th // 2, r, view.typing)
        tx = x + 2 * r + m.gap
    bw = round(m.body * 3.2)
    out.body.append(Box((tx, y, bw, th), ctx.c("bubble_them"), m.radius))
    if ctx.theme.high_contrast:
        out.body.append(Box((tx, y, bw, th), ctx.c("border"), m.radius, max(1, m.border - 1)))
    out.typing_at = (tx, y, bw, th)
    label = _("{name} is typing").format(name=speaker_name(view, view.typing))
    lw = x + w - (tx + bw + m.gap)
    lh = 0
    if lw > m.small * 4:
        lh = ctx.measure(label, m.font("regular", m.small), ctx.c("muted"), lw)[1]
        block(ctx, out.body, tx + bw + m.gap, y + max(0, (th - lh) // 2), lw, label, role="muted", size=m.small)
    return max(th, lh)


def thread(ctx: Ctx, view: KindView, out: KindOutput, x: int, y: int, w: int, *, sms: bool) -> int:
    """Every message of a chat from y; returns the y after the last one."""
    m = ctx.m
    group = is_group(view)
    avatars = group or not sms
    msgs = view.messages
    prev: Optional[str] = None
    last_time: Optional[str] = None
    for i, msg in enumerate(msgs):
        if view.earlier and i == view.earlier:  # a living thread: what is new on this screen starts here
            y += m.gap // 2 + time_separator(ctx, out.body, x, y, w, msg.time or _("Later")) + m.gap // 2
            last_time, prev = msg.time, None
        if msg.speaker == SYSTEM:
            y += notice(ctx, view, out, x, y, w, msg.text) + m.gap
            prev = None
            continue
        if sms and msg.time and msg.time != last_time:
            y += time_separator(ctx, out.body, x, y, w, msg.time) + m.gap // 2
            last_time = msg.time
        first = msg.speaker != prev
        nxt = msgs[i + 1].speaker if i + 1 < len(msgs) else None
        if first and prev is not None:
            y += m.gap // 2
        y += bubble(ctx, view, out, msg, x, y, w, sms=sms, first=first, last=nxt != msg.speaker,
                    show_avatar=avatars, show_name=group and first, show_time=not sms) + m.gap // 2 + 2
        if msg.speaker == ME and nxt not in (None, ME) and not view.dim:  # they answered: it was read
            y += block(ctx, out.body, x, y, w, _("Read"), role="muted", size=m.small, align="right") + m.gap // 2
        prev = msg.speaker
    if sms and msgs and msgs[-1].speaker == ME and not view.typing and not view.dim:
        y += block(ctx, out.body, x, y, w, _("Delivered"), role="muted", size=m.small, align="right") + m.gap
    if view.typing:
        y += m.gap // 2 + typing_row(ctx, view, out, x, y, w, avatars) + m.gap
    return y


def _body(ctx: Ctx, view: KindView, out: KindOutput, screen: RectT, sms: bool) -> KindOutput:
    m = ctx.m
    x, y, w, _h = screen
    top = y + out.header_h
    end = thread(ctx, view, out, x + m.gap, top + m.gap, w - 2 * m.gap, sms=sms)
    out.body_h = end - top + m.gap
    return out


def render_dm(ctx: Ctx, view: KindView, screen: RectT) -> KindOutput:
    """An app's direct messages: the person's avatar and name in the header, the app's mark at the right."""
    out = KindOutput()
    ch = view.character(view.node.with_)
    name = app_name(view)
    if ch is not None:
        out.header, out.header_h = app_header(ctx, view, screen, ch.name, subtitle=ch.note or name, speaker=ch.id,
                                              icons=("more",))
    else:
        out.header, out.header_h = app_header(ctx, view, screen, view.node.title or name or _("Messages"),
                                              subtitle=name if view.node.title else "", icons=("more",))
    return _body(ctx, view, out, screen, sms=False)


def sms_header(ctx: Ctx, view: KindView, screen: RectT) -> tuple[list[Item], int]:
    """The Messages header: back to Messages at the left, the person's avatar and name centred."""
    m = ctx.m
    x, y, w, _h = screen
    ch = view.character(view.node.with_)
    title = ch.name if ch else (view.node.title or _("Messages"))
    s = round(m.body * 1.2)
    ic = round(m.body * 0.8)
    side = ic + s + 2 * m.gap
    r = round(m.body * 0.85)
    cw = max(m.body * 4, w - 2 * side - 2 * m.gap)
    nh = ctx.measure(title, m.font("bold", m.small), ctx.c("text"), cw, "center")[1]
    h = m.gap + 2 * r + 4 + nh + m.gap
    items = header_bar(ctx, screen, h)
    items.append(Icon((x + m.gap, y + r + m.gap - ic // 2, ic, ic), "chevron_left", ctx.c("muted")))
    app_mark(ctx, items, x + m.gap + ic + m.gap // 2, y + r + m.gap - s // 2, s, app_name(view))
    cx = x + w // 2
    if ch is not None:
        person(ctx, view, items, cx, y + m.gap + r, r, ch.id)
    else:
        items.append(Icon((cx - r, y + m.gap, 2 * r, 2 * r), "person", ctx.c("muted")))
    block(ctx, items, cx - cw // 2, y + m.gap + 2 * r + 4, cw, title, style="bold", size=m.small, align="center")
    pi = round(m.body * 0.9)
    if w - 2 * side > m.body * 6:
        items.append(Icon((x + w - m.gap - pi, y + r + m.gap - pi // 2, pi, pi), "phone", ctx.c("muted")))
    return items, h


def render_sms(ctx: Ctx, view: KindView, screen: RectT) -> KindOutput:
    """The phone's Messages app: centred contact, time separators, bubbles with a tail corner, 'Delivered'."""
    out = KindOutput()
    out.header, out.header_h = sms_header(ctx, view, screen)
    return _body(ctx, view, out, screen, sms=True)
