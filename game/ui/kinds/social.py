"""Social screens: `feed` (post cards with replies) and `profile` (a profile header that shows what it shares)."""

from __future__ import annotations

from typing import Optional

from ...content.schema import SYSTEM, Message, PostInfo, Visibility
from ..display import Box, Circle, Icon, Image, Item, RectT
from ..i18n import _
from ..layout import Ctx
from ..widgets import chip, chip_size, one_line
from . import KindOutput, KindView
from .common import (
    app_button,
    app_color,
    app_header,
    app_name,
    banner,
    block,
    flag_chips,
    label_row,
    notice,
    person,
    rich,
    rule,
    speaker_name,
)

VIS_ICONS = {Visibility.PUBLIC: "globe", Visibility.FRIENDS: "people", Visibility.PRIVATE: "lock"}


def vis_label(v: Visibility) -> str:
    """Words for a post's visibility (the icon never stands alone)."""
    return {Visibility.PUBLIC: _("Public"), Visibility.FRIENDS: _("Friends"), Visibility.PRIVATE: _("Only me")}[v]


def comment(ctx: Ctx, view: KindView, out: KindOutput, items: list[Item], msg: Message, x: int, y: int,
            w: int) -> int:
    """A reply under a post: small avatar, name and text; returns its height."""
    m = ctx.m
    r = round(m.body * 0.6)
    person(ctx, view, items, x + r, y + r, r, msg.speaker)
    tx, tw = x + 2 * r + m.gap, w - 2 * r - m.gap
    head = speaker_name(view, msg.speaker) + (f"  \u00b7  {msg.time}" if msg.time else "")
    hh = block(ctx, items, tx, y, tw, head, style="bold", size=m.small)
    _w, th, keys = rich(ctx, view, out, items, tx, y + hh, tw, msg.text)
    fh = flag_chips(ctx, view, out, items, tx, y + hh + th, tw, keys)
    return max(2 * r, hh + th + fh)


def post_card(ctx: Ctx, view: KindView, out: KindOutput, msg: Message, replies: list[Message], x: int, y: int,
              w: int) -> int:
    """A post: who, when, who can see it, where; the text and picture; likes and comments; replies."""
    m = ctx.m
    info: Optional[PostInfo] = msg.post
    inner: list[Item] = []
    ix, iw = x + m.gap, w - 2 * m.gap
    iy = y + m.gap
    r = round(m.body * 0.9)
    person(ctx, view, inner, ix + r, iy + r, r, msg.speaker)
    tx, tw = ix + 2 * r + m.gap, iw - 2 * r - m.gap
    hy = iy + block(ctx, inner, tx, iy, tw, speaker_name(view, msg.speaker), style="bold")
    if info is not None:
        meta = vis_label(info.visibility) + (f"  \u00b7  {msg.time}" if msg.time else "")
        hy += label_row(ctx, inner, tx, hy, tw, VIS_ICONS[info.visibility], meta)
    elif msg.time:
        hy += block(ctx, inner, tx, hy, tw, msg.time, role="muted", size=m.small)
    iy = max(iy + 2 * r, hy) + m.gap
    if info is not None and info.location:
        _cw, chh = chip(ctx, inner, ix, iy, info.location, icon="pin", fg="caution", bg="caution_soft", max_w=iw)
        iy += chh + m.gap // 2
    _w, th, keys = rich(ctx, view, out, inner, ix, iy, iw, msg.text)
    iy += th
    iy += flag_chips(ctx, view, out, inner, ix, iy, iw, keys) + m.gap // 2
    if msg.image:
        ih = round(iw * 0.56)
        inner.append(Image((ix, iy, iw, ih), view.asset(msg.image), ctx.c("surface_alt")))
        iy += ih + m.gap // 2
    if info is not None:
        ic = round(m.small * 1.15)
        lx = ix
        for icon, n in (("heart", info.likes), ("chat", info.comments)):
            label = str(n)
            need = ic + 4 + ctx.measure(label, m.font("regular", m.small), ctx.c("muted"))[0]
            if lx > ix and lx + need > ix + iw:
                break
            inner.append(Icon((lx, iy + 2, ic, ic), icon, ctx.c("muted")))
            tw2, _th = one_line(ctx, inner, lx + ic + 4, iy, label, size=m.small, role="muted")
            lx += ic + 4 + tw2 + m.pad
        iy += ctx.fonts.line_height(m.font("regular", m.small)) + m.gap // 2
    if replies:
        rule(ctx, inner, ix, iy, iw)
        iy += m.gap
        for rep in replies:
            iy += comment(ctx, view, out, inner, rep, ix, iy, iw) + m.gap
    h = iy - y + m.gap // 2
    out.body.append(Box((x, y, w, h), ctx.c("surface"), m.radius))
    out.body.append(Box((x, y, w, h), ctx.c("border"), m.radius, max(1, m.border // 2 + 1)))
    out.body.extend(inner)
    return h


def posts(ctx: Ctx, view: KindView, out: KindOutput, x: int, y: int, w: int) -> int:
    """Posts with their replies, notices between them; returns the y after the last."""
    m = ctx.m
    blocks: list[tuple[Message, list[Message]]] = []
    for msg in view.messages:
        if msg.speaker != SYSTEM and msg.post is None and blocks and blocks[-1][0].speaker != SYSTEM:
            blocks[-1][1].append(msg)  # a reply to the post above
        else:
            blocks.append((msg, []))
    for msg, replies in blocks:
        if msg.speaker == SYSTEM:
            y += notice(ctx, view, out, x, y, w, msg.text) + m.gap
        else:
            y += post_card(ctx, view, out, msg, replies, x, y, w) + m.gap
    return y


def render_feed(ctx: Ctx, view: KindView, screen: RectT) -> KindOutput:
    """A feed: the app's header (a group name when the app is 'App · Group'), then post cards."""
    out = KindOutput()
    name = app_name(view)
    parts = [p.strip() for p in name.split("\u00b7") if p.strip()]
    title = parts[-1] if parts else _("Feed")
    subtitle = _("Group on {app}").format(app=parts[0]) if len(parts) > 1 else _("Home")
    out.header, out.header_h = app_header(ctx, view, screen, title, subtitle=subtitle, back=False,
                                          icons=("bell", "search"))
    m = ctx.m
    x, y, w, _h = screen
    top = y + out.header_h
    end = posts(ctx, view, out, x + m.gap, top + m.gap, w - 2 * m.gap)
    out.body_h = end - top + m.gap
    return out


BIO_ICONS = (("school", "school"), ("class", "school"), ("team", "people"), ("club", "people"),
             ("group", "people"), ("friend", "people"), ("practice", "calendar"), ("schedule", "calendar"),
             ("every", "calendar"), ("age", "person"), ("name", "person"), ("location", "pin"), ("lives", "pin"),
             ("city", "pin"), ("town", "pin"), ("website", "globe"), ("link", "globe"), ("post", "image"),
             ("likes", "heart"), ("sales", "coin"), ("review", "star"))


def bio_icon(key: str) -> str:
    """An icon for a bio field by its name (School, Team, Practice...)."""
    low = key.lower()
    for word, icon in BIO_ICONS:
        if word in low:
            return icon
    return "dot"


def profile_head(ctx: Ctx, view: KindView, out: KindOutput, x: int, y: int, w: int) -> int:
    """The profile header card: avatar, name, handle, note, bio, the fields it shares, details, button."""
    m = ctx.m
    card = view.node.card
    ch = view.character(view.node.with_)
    handle = (card.title if card else None) or (ch.name if ch else "")
    name = (card.poster if card else None) or (ch.name if ch else handle)
    inner: list[Item] = []
    ix, iw = x + m.pad, w - 2 * m.pad
    r = round(m.body * 1.6)
    cover = round(r * 1.3)
    role = app_color(app_name(view))
    inner.append(Box((x, y, w, cover), ctx.c(role), m.radius))  # the profile's cover band, in the app's colour
    inner.append(Box((x, y + cover // 2, w, cover - cover // 2), ctx.c(role)))
    iy = y + cover - r
    inner.append(Circle((ix + r, iy + r), r + max(3, m.border * 2), ctx.c("surface")))
    if ch is not None:
        person(ctx, view, inner, ix + r, iy + r, r, ch.id)
    else:
        person(ctx, view, inner, ix + r, iy + r, r, name or handle or "?")
    tx, tw = ix + 2 * r + m.pad, iw - 2 * r - m.pad
    if tw < m.body * 6:  # narrow: name below the avatar
        tx, tw, ty = ix, iw, iy + 2 * r + m.gap
    else:
        ty = y + cover + m.gap // 2
    ty += block(ctx, inner, tx, ty, tw, name, style="bold", size=m.h2)
    if handle and handle != name:
        ty += block(ctx, inner, tx, ty, tw, handle, role="muted")
    if card is not None and card.poster_note:
        _w, th, keys = rich(ctx, view, out, inner, tx, ty, tw, card.poster_note, role="muted", size=m.small)
        ty += th + flag_chips(ctx, view, out, inner, tx, ty + th, tw, keys)
    iy = max(iy + 2 * r, ty) + m.gap
    if card is not None:
        if card.body:
            _w, th, keys = rich(ctx, view, out, inner, ix, iy, iw, card.body)
            iy += th + flag_chips(ctx, view, out, inner, ix, iy + th, iw, keys) + m.gap
        if card.bio:
            iy += m.gap // 2
            ic = round(m.body * 1.0)
            for k, v in card.bio.items():
                inner.append(Icon((ix, iy + 3, ic, ic), bio_icon(k), ctx.c("primary"), ctx.c("surface")))
                _w, th, keys = rich(ctx, view, out, inner, ix + ic + m.gap, iy, iw - ic - m.gap, f"{k}: {v}")
                iy += th + flag_chips(ctx, view, out, inner, ix + ic + m.gap, iy + th, iw - ic - m.gap, keys)
                iy += m.gap // 2
        for d in card.details:
            inner.append(Icon((ix + 2, iy + m.small // 2, m.small // 2, m.small // 2), "dot", ctx.c("muted")))
            _w, th, keys = rich(ctx, view, out, inner, ix + m.small, iy, iw - m.small, d, role="muted", size=m.small)
            iy += th + flag_chips(ctx, view, out, inner, ix + m.small, iy + th, iw - m.small, keys) + 2
        if card.button:
            iy += m.gap
            iy += app_button(ctx, inner, ix, iy, iw, card.button, app_name(view)) + m.gap
    h = iy - y + m.pad - m.gap
    out.body.append(Box((x, y, w, h), ctx.c("surface"), m.radius))
    out.body.append(Box((x, y, w, h), ctx.c("border"), m.radius, max(1, m.border // 2 + 1)))
    out.body.extend(inner)
    return h


def render_profile(ctx: Ctx, view: KindView, screen: RectT) -> KindOutput:
    """A profile page: the header card (what this profile shares), then its posts and notes."""
    m = ctx.m
    out = KindOutput()
    card = view.node.card
    ch = view.character(view.node.with_)
    handle = (card.title if card else None) or (ch.name if ch else _("Profile"))
    out.header, out.header_h = app_header(ctx, view, screen, handle, subtitle=app_name(view), icons=("more",))
    x, y, w, _h = screen
    top = y + out.header_h
    cy = top + m.gap
    cy += profile_head(ctx, view, out, x + m.gap, cy, w - 2 * m.gap) + m.gap
    has_posts = any(msg.post is not None for msg in view.messages)
    if has_posts:
        _lw, lh = chip_size(ctx, _("Posts"), icon="image")
        chip(ctx, out.body, x + m.gap, cy, _("Posts"), icon="image", fg="text", bg="surface_alt")
        cy += lh + m.gap
    for msg in view.messages:
        if msg.post is not None:
            cy += post_card(ctx, view, out, msg, [], x + m.gap, cy, w - 2 * m.gap) + m.gap
        elif msg.speaker == SYSTEM:
            cy += notice(ctx, view, out, x + m.gap, cy, w - 2 * m.gap, msg.text) + m.gap
        else:
            cy += banner(ctx, view, out, x + m.gap, cy, w - 2 * m.gap, msg) + m.gap
    out.body_h = cy - top + m.gap
    return out
