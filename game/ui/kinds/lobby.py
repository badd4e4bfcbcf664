"""`game_lobby`: a small, calm game scene beside (or above) the lobby chat; gifts and coins arrive as chips."""

from __future__ import annotations

from ...content.schema import ME, SYSTEM, Message
from ..display import Box, Circle, Item, RectT
from ..i18n import _
from ..layout import Ctx
from ..widgets import avatar_color
from . import KindOutput, KindView
from .chat import typing_row
from .common import app_button, app_header, app_name, block, flag_chips, notice, person, rich, speaker_name


def players(view: KindView) -> list[str]:
    """Who is in the lobby: everyone who speaks here, the player first."""
    seen: list[str] = [ME]
    for msg in view.node.messages:
        if msg.speaker not in seen and msg.speaker != SYSTEM:
            seen.append(msg.speaker)
    if view.node.with_ and view.node.with_ not in seen:
        seen.append(view.node.with_)
    return seen[:5]


def game_scene(ctx: Ctx, view: KindView, items: list[Item], rect: RectT) -> None:
    """Sky, sun and clouds, hills, round trees, and the lobby's players on a meadow: simple shapes, calm colours."""
    m = ctx.m
    x, y, w, h = rect
    rad = m.radius
    s = min(w, h)
    items.append(Box(rect, ctx.c("game_sky"), rad))
    items.append(Circle((x + round(w * 0.8), y + round(h * 0.18)), max(4, round(s * 0.09)), ctx.c("game_sun")))
    for cx, cy, cw in ((0.18, 0.14, 0.26), (0.5, 0.26, 0.2)):
        ch = max(4, round(s * 0.07))
        items.append(Box((x + round(w * cx), y + round(h * cy), round(w * cw), ch), ctx.c("surface"), ch // 2))
    gy = y + round(h * 0.6)
    ground = y + h - gy
    for fx, fr in ((0.22, 0.3), (0.58, 0.4), (0.86, 0.26)):
        cx = x + round(w * fx)
        r = max(4, min(round(w * fr), cx - x, x + w - cx, round(ground / 1.5)))  # hills stay inside the scene
        items.append(Circle((cx, gy + round(r * 0.45)), r, ctx.c("game_far")))
    items.append(Box((x, gy, w, ground), ctx.c("game_near"), rad))
    items.append(Box((x, gy, w, min(rad, ground)), ctx.c("game_near")))
    tr = max(4, round(s * 0.06))
    for tx in (0.09, 0.88):
        cx = x + round(w * tx)
        items.append(Box((cx - max(1, tr // 4), gy - tr, max(2, tr // 2), tr + max(2, tr // 2)), ctx.c("game_far")))
        items.append(Circle((cx, gy - tr - tr // 2), tr, ctx.c("game_far")))
    who = players(view)
    n = len(who)
    r = max(6, min(round(m.body * 0.7), round(w / (n * 3.4)), round(ground / 4)))
    meadow_y = gy + round(ground * 0.62)
    items.append(Box((x + round(w * 0.08), meadow_y - r // 2, round(w * 0.84), r), ctx.c("game_far"), r // 2))
    for i, sp in enumerate(who):
        cx = x + round(w * (i + 1) / (n + 1))
        col = avatar_color(ctx, sp)
        bw, bh = round(r * 1.6), round(r * 1.2)
        items.append(Box((cx - bw // 2, meadow_y - bh, bw, bh + r // 3), col, bw // 2))
        person(ctx, view, items, cx, meadow_y - bh - r + 2, r, sp)
    if ctx.theme.high_contrast:
        items.append(Box(rect, ctx.c("border"), rad, max(1, m.border - 1)))


def card_panel(ctx: Ctx, view: KindView, out: KindOutput, x: int, y: int, w: int) -> int:
    """An invite or match card at the top of the lobby chat; returns its height."""
    m = ctx.m
    card = view.node.card
    if card is None:
        return 0
    inner: list[Item] = []
    ix, iw = x + m.gap, w - 2 * m.gap
    iy = y + m.gap
    if card.title:
        _w, th, keys = rich(ctx, view, out, inner, ix, iy, iw, card.title, style="bold")
        iy += th + flag_chips(ctx, view, out, inner, ix, iy + th, iw, keys) + m.gap // 2
    if card.poster:
        r = round(m.body * 0.7)
        from ..widgets import avatar

        avatar(ctx, inner, ix + r, iy + r, r, card.poster, card.poster)
        tx, tw = ix + 2 * r + m.gap, iw - 2 * r - m.gap
        ty = iy + block(ctx, inner, tx, iy, tw, card.poster, style="bold", size=m.small)
        if card.poster_note:
            _w, th, keys = rich(ctx, view, out, inner, tx, ty, tw, card.poster_note, role="muted", size=m.small)
            ty += th + flag_chips(ctx, view, out, inner, tx, ty + th, tw, keys)
        iy = max(iy + 2 * r, ty) + m.gap // 2
    if card.body:
        _w, th, keys = rich(ctx, view, out, inner, ix, iy, iw, card.body, size=m.small)
        iy += th + flag_chips(ctx, view, out, inner, ix, iy + th, iw, keys) + m.gap // 2
    if card.button:
        iy += m.gap // 2 + app_button(ctx, inner, ix, iy, iw, card.button, app_name(view)) + m.gap // 2
    h = iy - y + m.gap // 2
    out.body.append(Box((x, y, w, h), ctx.c("surface"), m.radius))
    out.body.append(Box((x, y, w, h), ctx.c("border"), m.radius, max(1, m.border // 2 + 1)))
    out.body.extend(inner)
    return h


def gift_icon(text: str) -> str:
    """Gift, coin or bell for a lobby notice."""
    low = text.lower()
    if "gift" in low:
        return "gift"
    if any(w in low for w in ("gem", "coin", "credit", "v-buck", "points")):
        return "coin"
    return "bell"


def chat_row(ctx: Ctx, view: KindView, out: KindOutput, msg: Message, x: int, y: int, w: int) -> int:
    """A game-chat line: small avatar, name and time, the text; returns the height."""
    m = ctx.m
    if msg.speaker == SYSTEM:
        icon = gift_icon(msg.text)
        if icon == "bell":
            return notice(ctx, view, out, x, y, w, msg.text)
        return notice(ctx, view, out, x, y, w, msg.text, icon=icon, fg="caution", bg="caution_soft")
    r = round(m.body * 0.65)
    person(ctx, view, out.body, x + r, y + r, r, msg.speaker)
    tx, tw = x + 2 * r + m.gap, w - 2 * r - m.gap
    head = speaker_name(view, msg.speaker) + (f"  \u00b7  {msg.time}" if msg.time else "")
    hh = block(ctx, out.body, tx, y, tw, head, style="bold", size=m.small, role="muted")
    _w, th, keys = rich(ctx, view, out, out.body, tx, y + hh, tw, msg.text)
    fh = flag_chips(ctx, view, out, out.body, tx, y + hh + th, tw, keys)
    return max(2 * r, hh + th + fh)


def render(ctx: Ctx, view: KindView, screen: RectT) -> KindOutput:
    """The lobby: header with the game's mark, the scene (left when there is room, else on top), the chat."""
    m = ctx.m
    out = KindOutput()
    name = app_name(view)
    out.header, out.header_h = app_header(ctx, view, screen, name or _("Game lobby"), subtitle=_("Lobby"),
                                          back=False, icons=("gear", "people"))
    x, y, w, h = screen
    top = y + out.header_h
    side = w >= m.body * 26
    if side:
        sw = round(w * 0.4)
        sh = max(m.body * 4, min(h - out.header_h - 2 * m.gap, round(sw * 1.1)))
        game_scene(ctx, view, out.header, (x + m.gap, top + m.gap, sw - m.gap, sh))
        cx, cw = x + sw + m.gap, w - sw - 2 * m.gap
        cy = top + m.gap
    else:
        cx, cw = x + m.gap, w - 2 * m.gap
        sh = round(cw * 0.4)
        game_scene(ctx, view, out.body, (cx, top + m.gap, cw, sh))
        cy = top + m.gap + sh + m.gap
    ch = card_panel(ctx, view, out, cx, cy, cw)
    cy += ch + (m.gap if ch else 0)
    for msg in view.messages:
        cy += chat_row(ctx, view, out, msg, cx, cy, cw) + m.gap
    if view.typing:
        cy += typing_row(ctx, view, out, cx, cy, cw, True) + m.gap
    out.body_h = cy - top + m.gap
    return out
