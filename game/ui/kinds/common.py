"""Shared pieces of the screen-kind renderers: highlighted text, app marks and headers, notices, fake app buttons."""

from __future__ import annotations

from typing import Callable, Optional, Sequence

from ...content.schema import ME, SYSTEM, Card, Message
from ...session.words import app_key
from ..display import Box, Icon, Item, Line, RectT, Text
from ..i18n import _
from ..layout import Ctx, flow
from ..people import person_avatar
from ..widgets import chip, chip_size, text_block
from . import KindOutput, KindView
from .rich import rich_text, split_quotes


# ------------------------------------------------------------------ highlights (debrief replay)
def quotes(view: KindView) -> list[tuple[int, str]]:
    """The highlights as (key, quote) pairs for split_quotes."""
    return [(h.index, h.quote) for h in view.highlights]


def has_long_word(ctx: Ctx, text: str, font: tuple[str, int], w: int) -> bool:
    """True when a word (an address, a link) is wider than w: the plain wrapper would not break it."""
    guess = max(1, round(font[1] * 0.3))  # no glyph is narrower than this
    return any(len(word) * guess > w and ctx.fonts.measure(font, word)[0] > w for word in text.split())


def block(ctx: Ctx, items: list[Item], x: int, y: int, w: int, text: str, *, style: str = "regular",
          size: Optional[int] = None, role: str = "text", align: str = "left") -> int:
    """Wrapped text like widgets.text_block, but words wider than the column are broken; returns the height."""
    if not text:
        return 0
    font = ctx.m.font(style, size)
    if not has_long_word(ctx, text, font, w):
        return text_block(ctx, items, x, y, w, text, style=style, size=size, role=role, align=align)
    fl = flow(ctx.fonts, [(text, None)], max(1, w), font, bold_spans=[0] if style == "bold" else ())
    for p in fl.pieces:
        items.append(Text(x + p.x, y + p.y, p.text, font, ctx.c(role), 0, "left", p.w, p.h))
    return fl.height


def rich(ctx: Ctx, view: KindView, out: KindOutput, items: list[Item], x: int, y: int, w: int, text: str, *,
         role: str = "text", size: Optional[int] = None, style: str = "regular") -> tuple[int, int, list[int]]:
    """Wrapped text with the view's highlights lit up in place; records anchors.

    Returns (width, height, highlight keys found in this text). When the view is dimmed (debrief replay) the
    highlight's own items go to `out.lit`, drawn above the dimming.
    """
    if not view.highlights:
        font = ctx.m.font(style, size)
        if has_long_word(ctx, text, font, w):
            fl = flow(ctx.fonts, [(text, None)], max(1, w), font, bold_spans=[0] if style == "bold" else ())
            items.extend(Text(x + p.x, y + p.y, p.text, font, ctx.c(role), 0, "left", p.w, p.h) for p in fl.pieces)
            return fl.width, fl.height, []
        tw, th = ctx.measure(text, font, ctx.c(role), max(1, w))
        items.append(Text(x, y, text, font, ctx.c(role), max(1, w), "left", tw, th))
        return tw, th, []
    spans = split_quotes(text, quotes(view))
    tw, th, rects = rich_text(ctx, items, x, y, w, spans, ctx.c(role), size=size,
                              marked={h.index: h.style for h in view.highlights}, markers=markers(view),
                              lit=out.lit if view.dim else None)
    keys = [int(k) for k in rects]  # type: ignore[call-overload]
    for k, rs in rects.items():
        out.anchors.setdefault(int(k), []).extend(rs)  # type: ignore[call-overload]
    return tw, th, keys


def markers(view: KindView) -> dict[int, str]:
    """The replay's numbers for its red flags, by highlight index."""
    return {h.index: h.marker for h in view.highlights if h.marker}


def fit(ctx: Ctx, view: KindView, w: int, text: str, *, size: Optional[int] = None) -> tuple[int, int]:
    """The width to lay `text` out in (its tightest wrap within w) and the height rich() will then give it."""
    probe: list[Item] = []
    tw, th, _r = rich_text(ctx, probe, 0, 0, w, split_quotes(text, quotes(view)), ctx.c("text"), size=size,
                           marked={h.index: h.style for h in view.highlights}, markers=markers(view))
    tw = min(w, tw + 2)
    if view.highlights:
        return tw, th
    font = ctx.m.font("regular", size)
    if has_long_word(ctx, text, font, tw):
        return tw, th
    h = ctx.measure(text, font, ctx.c("text"), tw)[1]
    if h > th:  # the plain renderer wraps a little differently: give it the whole width
        tw = w
        h = ctx.measure(text, font, ctx.c("text"), w)[1]
    return tw, h


def flag_chips(ctx: Ctx, view: KindView, out: KindOutput, items: list[Item], x: int, y: int, w: int,
               keys: Sequence[int], *, right: bool = False) -> int:
    """Under a text holding highlights: a flag chip naming each one's tactic; returns the height used (0 if none)."""
    m = ctx.m
    hls = [h for h in view.highlights if h.index in keys and h.label]
    if not hls:
        return 0
    dest = out.lit if view.dim else items
    cy = y + m.gap // 2
    for h in hls:
        cw, ch = chip_size(ctx, h.label, icon="flag", max_w=w)
        cx = x + w - cw if right else x
        chip(ctx, dest, cx, cy, h.label, icon="flag", fg="flag", bg="flag_soft", max_w=w, outline=True)
        cy += ch + m.gap // 3
    return cy - y


# ------------------------------------------------------------------ app identity
def app_name(view: KindView) -> str:
    """The fictional app a node shows (the kind's default app when the node names none)."""
    from .registry import kind_default_app  # the registry imports the renderers, which import this module

    return view.node.app or kind_default_app(view.node.screen)


def app_mark(ctx: Ctx, items: list[Item], x: int, y: int, s: int, name: str) -> None:
    """The app's mark: a coloured tile with a glyph (or the first letter for apps without a mark)."""
    key = app_key(name)
    if key == "other":
        items.append(Icon((x, y, s, s), "mark_tile", ctx.c("app_other")))
        letter = (name.strip()[:1] or "?").upper()
        font = ctx.m.font("bold", max(8, round(s * 0.55)))
        tw, th = ctx.measure(letter, font, ctx.c("on_app"))
        items.append(Text(x + (s - tw) // 2, y + (s - th) // 2, letter, font, ctx.c("on_app"), 0, "left", tw, th))
    else:
        items.append(Icon((x, y, s, s), f"mark_{key}", ctx.c(f"app_{key}"), ctx.c("on_app")))
    if ctx.theme.high_contrast:
        items.append(Box((x, y, s, s), ctx.c("border"), max(3, s // 4), max(1, ctx.m.border - 1)))


def app_color(name: str) -> str:
    """Theme role of an app's own colour (its mark and its buttons)."""
    return f"app_{app_key(name)}"


def person(ctx: Ctx, view: KindView, items: list[Item], cx: int, cy: int, r: int, speaker: str) -> None:
    """A speaker's avatar: their art when the pack has it, else initials on a coloured disc."""
    person_avatar(ctx, items, cx, cy, r, view.scenario, speaker, view.asset)


def speaker_name(view: KindView, speaker: str) -> str:
    """Display name of a speaker ('You' for the player)."""
    if speaker == ME:
        return _("You")
    return view.name_of(speaker)


def header_bar(ctx: Ctx, screen: RectT, h: int) -> list[Item]:
    """The app header's background and bottom rule."""
    x, y, w, _h = screen
    return [Box((x, y, w, h), ctx.c("surface")),
            Box((x, y + h - max(1, ctx.m.border // 2), w, max(1, ctx.m.border // 2)),
                ctx.c("border" if ctx.theme.high_contrast else "surface_alt"))]


def app_header(ctx: Ctx, view: KindView, screen: RectT, title: str, *, subtitle: str = "",
               speaker: Optional[str] = None, back: bool = True, icons: Sequence[str] = (),
               mark_right: bool = False) -> tuple[list[Item], int]:
    """A one-row app header: back chevron, mark (or the speaker's avatar), title and subtitle, small icons.

    With `speaker` the avatar leads and the app's mark sits at the right. Returns (items, height).
    """
    m = ctx.m
    x, y, w, _h = screen
    name = app_name(view)
    fg: list[Item] = []
    pad = m.gap
    s = round(m.body * 1.6)
    cx = x + pad
    if back:
        ic = round(m.body * 0.8)
        fg.append(Icon((cx, 0, ic, ic), "chevron_left", ctx.c("muted")))
        cx += ic + pad // 2
    lead = cx
    if speaker is not None:
        cx += s + pad
    elif name and not mark_right:
        cx += s + pad
    right = x + w - pad
    tail: list[tuple[str, int]] = []
    ic = round(m.body * 0.9)
    show_mark_right = bool(name) and (speaker is not None or mark_right)
    if show_mark_right:
        right -= s
        tail.append(("mark", right))
        right -= pad
    for name_ in icons:
        if right - ic - pad < cx + m.body * 6:
            break
        right -= ic
        tail.append((name_, right))
        right -= pad
    tw = max(m.body * 3, right - cx)
    th = ctx.measure(title, m.font("bold"), ctx.c("text"), tw)[1]
    sh = ctx.measure(subtitle, m.font("regular", m.small), ctx.c("muted"), tw)[1] if subtitle else 0
    h = max(s, th + sh) + 2 * pad
    items = header_bar(ctx, screen, h)
    mid = y + h // 2
    for it in fg:
        assert isinstance(it, Icon)
        items.append(it._replace(rect=(it.rect[0], mid - it.rect[3] // 2, it.rect[2], it.rect[3])))
    if speaker is not None:
        person(ctx, view, items, lead + s // 2, mid, s // 2, speaker)
    elif name and not mark_right:
        app_mark(ctx, items, lead, mid - s // 2, s, name)
    ty = mid - (th + sh) // 2
    block(ctx, items, cx, ty, tw, title, style="bold")
    if subtitle:
        block(ctx, items, cx, ty + th, tw, subtitle, role="muted", size=m.small)
    for what, px in tail:
        if what == "mark":
            app_mark(ctx, items, px, mid - s // 2, s, name)
        else:
            items.append(Icon((px, mid - ic // 2, ic, ic), what, ctx.c("muted")))
    return items, h


# ------------------------------------------------------------------ small parts
def notice(ctx: Ctx, view: KindView, out: KindOutput, x: int, y: int, w: int, text: str, *,
           icon: Optional[str] = None, fg: str = "muted", bg: str = "surface_alt") -> int:
    """An app notice (a system message) as a centred rounded pill; returns its height."""
    m = ctx.m
    ic = round(m.small * 1.2) if icon else 0
    tw_max = min(w - 2 * m.gap - (ic + m.gap // 2 if icon else 0), round(m.body * 22))
    tw, th = fit(ctx, view, tw_max, text, size=m.small)
    bw = tw + 2 * m.gap + (ic + m.gap // 2 if icon else 0)
    bh = max(th, ic) + m.gap
    bx = x + (w - bw) // 2
    out.body.append(Box((bx, y, bw, bh), ctx.c(bg), m.small_radius))
    if ctx.theme.high_contrast:
        out.body.append(Box((bx, y, bw, bh), ctx.c("border"), m.small_radius, 1))
    tx = bx + m.gap
    if icon:
        out.body.append(Icon((tx, y + (bh - ic) // 2, ic, ic), icon, ctx.c(fg), ctx.c(bg)))
        tx += ic + m.gap // 2
    _w, _h, keys = rich(ctx, view, out, out.body, tx, y + (bh - th) // 2, tw, text, role=fg, size=m.small)
    return bh + flag_chips(ctx, view, out, out.body, bx, y + bh, max(bw, min(w, m.body * 16)), keys)


def banner(ctx: Ctx, view: KindView, out: KindOutput, x: int, y: int, w: int, msg: Message) -> int:
    """A phone notification for a message that arrives on a non-chat screen; returns its height."""
    m = ctx.m
    if msg.speaker == SYSTEM:
        return notice(ctx, view, out, x, y, w, msg.text, icon="bell")
    r = round(m.body * 0.8)
    inner: list[Item] = []
    ix = x + m.gap + 2 * r + m.gap
    iw = w - (ix - x) - m.gap
    person(ctx, view, inner, x + m.gap + r, y + m.gap + r, r, msg.speaker)
    head = speaker_name(view, msg.speaker) + (f"  \u00b7  {msg.time}" if msg.time else "")
    hy = y + m.gap
    hy += block(ctx, inner, ix, hy, iw, head, style="bold", size=m.small)
    _w, th, keys = rich(ctx, view, out, inner, ix, hy, iw, msg.text)
    hy += th
    hy += flag_chips(ctx, view, out, inner, ix, hy, iw, keys)
    h = max(hy, y + m.gap + 2 * r) + m.gap - y
    out.body.append(Box((x, y, w, h), ctx.c("surface"), m.radius))
    out.body.append(Box((x, y, w, h), ctx.c("border"), m.radius, max(1, m.border // 2 + 1)))
    out.body.extend(inner)
    return h


def card_page(ctx: Ctx, view: KindView, out: KindOutput, screen: RectT,
              draw_card: Callable[[Card, int, int, int], int]) -> KindOutput:
    """A card page's body under `out`'s header: banners, then the node's card (`draw_card(card, x, y, w) -> h`) in a
    centred column; sets `body_h`."""
    m = ctx.m
    x, y, w, _h = screen
    top = y + out.header_h
    cw = min(w - 2 * m.gap, round(m.body * 34))
    cx = x + (w - cw) // 2
    cy = top + m.gap
    for msg in view.messages:
        cy += banner(ctx, view, out, cx, cy, cw, msg) + m.gap
    if view.node.card is not None:
        cy += draw_card(view.node.card, cx, cy, cw) + m.gap
    out.body_h = cy - top + m.gap
    return out


def app_button(ctx: Ctx, items: list[Item], x: int, y: int, w: int, label: str, app: str) -> int:
    """The fake app's own big button (part of the picture, not a game control: no pointer target)."""
    m = ctx.m
    font = m.font("bold")
    tw, th = ctx.measure(label, font, ctx.c("on_app"), max(1, w - 2 * m.pad), "center")
    h = max(round(m.body * 2.1), th + 2 * m.gap)
    role = app_color(app)
    items.append(Box((x, y, w, h), ctx.c(role), h // 2 if th < m.body * 2 else m.radius))
    if ctx.theme.high_contrast:
        items.append(Box((x, y, w, h), ctx.c("border"), h // 2 if th < m.body * 2 else m.radius, m.border))
    items.append(Text(x + (w - tw) // 2, y + (h - th) // 2, label, font, ctx.c("on_app"), max(1, w - 2 * m.pad),
                      "center", tw, th))
    return h


def rule(ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> None:
    """A thin separator line."""
    items.append(Line((x, y), (x + w, y), ctx.c("border" if ctx.theme.high_contrast else "surface_alt"),
                      max(1, ctx.m.border // 2 + 1)))


def label_row(ctx: Ctx, items: list[Item], x: int, y: int, w: int, icon: str, text: str, *, role: str = "muted",
              size: Optional[int] = None) -> int:
    """An icon followed by wrapped text; returns the height."""
    m = ctx.m
    s = size or m.small
    ic = round(s * 1.1)
    items.append(Icon((x, y + max(0, (ctx.fonts.line_height(m.font("regular", s)) - ic) // 2), ic, ic), icon,
                      ctx.c(role), ctx.c("surface")))
    th = block(ctx, items, x + ic + m.gap // 2, y, w - ic - m.gap // 2, text, role=role, size=s)
    return max(th, ic)
