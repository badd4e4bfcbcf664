"""The player's panel in class mode: lettered options, 'Take the class vote', discussion offer, class split."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ...engine.beats import ChoiceBeat
from ...session.classroom import ClassDecision, letter
from ..class_widgets import Mark, vote_chart
from ..display import Box, Hit, Icon, Item, Text
from ..i18n import _
from ..layout import Ctx
from ..widgets import focus_ring, text_block

if TYPE_CHECKING:
    from .player import PlayerScene


def in_class(scene: object) -> bool:
    """True while leading a class."""
    app = getattr(scene, "app", None)
    return getattr(app, "classroom", None) is not None


def letter_row(ctx: Ctx, items: list[Item], x: int, y: int, w: int, i: int, text: str, *, focused: bool) -> int:
    """An option as the class sees it before the vote: a big letter and the text; returns its height."""
    m = ctx.m
    badge = round(m.body * 1.7)
    font = m.font("regular")
    tw, th = ctx.measure(text, font, ctx.c("text"), w - badge - 3 * m.gap)
    h = max(badge, th) + 2 * m.gap
    rect = (x, y, w, h)
    items.append(Box(rect, ctx.c("primary_soft" if focused else "surface"), m.radius))
    items.append(Box(rect, ctx.c("primary" if focused else "border"), m.radius, m.border + (2 if focused else 0)))
    bx, by = x + m.gap, y + (h - badge) // 2
    items.append(Box((bx, by, badge, badge), ctx.c("primary"), m.small_radius))
    lf = m.font("bold", m.h2)
    lw, lh = ctx.measure(letter(i), lf, ctx.c("on_primary"))
    items.append(Text(bx + (badge - lw) // 2, by + (badge - lh) // 2, letter(i), lf, ctx.c("on_primary"), 0, "left",
                      lw, lh))
    items.append(Text(bx + badge + m.gap, y + (h - th) // 2, text, font, ctx.c("text"), w - badge - 3 * m.gap,
                      "left", tw, th))
    if focused:
        focus_ring(ctx, items, rect)
    return h


def class_choice_panel(scene: PlayerScene, ctx: Ctx, items: list[Item], beat: ChoiceBeat, x: int, y: int,
                       w: int) -> int:
    """Before the vote: the prompt, the options lettered A, B, C..., the discussion offer and the vote button."""
    m = ctx.m
    y0 = y
    if scene.revealing:
        return text_block(ctx, items, x, y, w, _("Reading... press Enter to show everything."), role="muted")
    y += text_block(ctx, items, x, y, w, beat.prompt or _("What do you do?"), style="bold", size=m.h2) + m.pad
    for pos, opt in enumerate(beat.options):
        target = ("vote_card", pos)
        h = letter_row(ctx, items, x, y, w, pos, opt.choice.text, focused=scene.focus == target)
        items.append(Hit((x, y, w, h), target))
        scene.add_focus(target, (x, y, w, h), "panel")
        y += h + m.gap
    y += text_block(ctx, items, x, y, w, _("Read the options together, then take a show of hands for each."),
                    role="muted", size=m.small) + m.gap
    if beat.node.discussion:
        y += discussion_offer(scene, ctx, items, x, y, w, beat.node.discussion) + m.gap
    r = scene.focus_button(ctx, items, x, y, w, _("Take the class vote"), "vote", icon="people", hint=_("Enter"),
                           footer=True)
    return r[1] + r[3] - y0


def discussion_offer(scene: PlayerScene, ctx: Ctx, items: list[Item], x: int, y: int, w: int, prompt: str) -> int:
    """A node with a discussion question offers a pause to talk (D); returns the height used."""
    m = ctx.m
    inner: list[Item] = []
    ic = round(m.body * 1.3)
    iy = y + m.gap
    inner.append(Icon((x + m.gap, iy, ic, ic), "chat", ctx.c("primary")))
    th = text_block(ctx, inner, x + 2 * m.gap + ic, iy, w - 3 * m.gap - ic, _("A question to talk about here"),
                    style="bold")
    iy += max(ic, th) + m.gap // 2
    iy += text_block(ctx, inner, x + m.gap, iy, w - 2 * m.gap, prompt) + m.gap
    r = scene.focus_button(ctx, inner, x + m.gap, iy, w - 2 * m.gap, _("Pause for discussion"), "discuss",
                           style="soft", icon="chat", hint="D")
    iy += r[3] + m.gap
    items.append(Box((x, y, w, iy - y), ctx.c("surface"), m.radius))
    items.append(Box((x, y, w, iy - y), ctx.c("primary_soft" if not ctx.theme.high_contrast else "border"),
                     m.radius, m.border))
    items.extend(inner)
    return iy - y


def class_decision(scene: PlayerScene, node_id: str) -> Optional[ClassDecision]:
    """The class's latest confirmed vote at this node, if any."""
    for d in reversed(scene.session.log):
        if d.node_id == node_id and d.kind == "choice":
            return d if d.votes is not None else None
    return None


def chosen_word(d: ClassDecision) -> str:
    """Who decided: the class (majority), the teacher on a tie, or the teacher against the vote."""
    if d.how == "tie":
        return _("Teacher's pick (tie)")
    if d.how == "override":
        return _("Teacher's choice")
    return _("Class choice")


def class_chose(scene: PlayerScene, node_id: str) -> str:
    """'The class chose: {text}' (or who decided on a tie or an override), with {text} left to fill."""
    d = class_decision(scene, node_id)
    how = d.how if d is not None else "majority"
    if how == "tie":
        return _("A tie; the teacher picked: {text}")
    if how == "override":
        return _("The teacher chose: {text}")
    return _("The class chose: {text}")


def split_marks(d: ClassDecision) -> dict[int, list[Mark]]:
    """Words beside the bars: the way the story went, and the safest choice (icon and label, never colour alone)."""
    marks: dict[int, list[Mark]] = {}
    if d.chosen is not None:
        marks.setdefault(d.chosen, []).append((chosen_word(d), "people", "on_primary_soft", "primary_soft"))
    if 0 < len(d.safest) < len(d.options):  # when every option scores the same, none is "safest"
        for i in d.safest:
            marks.setdefault(i, []).append((_("Safest choice"), "shield", "safe", "safe_soft"))
    return marks


def split_sentence(d: ClassDecision) -> str:
    """One kind sentence about the split: it names the safest choice and invites talk; it never blames."""
    votes = d.votes or []
    total = sum(votes)
    if not d.safest:
        return ""
    if len(d.safest) == len(d.options):
        return _("Every option here was a fine choice.")
    safest = _(" and ").join(letter(i) for i in d.safest)
    with_safer = sum(votes[i] for i in d.safest if i < len(votes))
    if d.chosen in d.safest:
        if total and with_safer == total:
            return _("Everyone chose the safest option ({letters}). What made it safer?").format(letters=safest)
        return _("The story went with the safest option ({letters}). What made it safer?").format(letters=safest)
    if with_safer:
        return _("{n} of {total} chose the safest option ({letters}). Ask them what they noticed.").format(
            n=with_safer, total=total, letters=safest)
    return _("The safest option here was {letters}. Lots of people would choose like the class did: "
             "talk about what makes {letters} safer.").format(letters=safest)


def class_split(scene: PlayerScene, ctx: Ctx, items: list[Item], x: int, y: int, w: int, d: ClassDecision, *,
                size: Optional[int] = None) -> int:
    """'How the class voted': the bars with counts and percentages beside the safest choice; returns the height."""
    m = ctx.m
    inner: list[Item] = []
    iy = y + m.pad
    ic = round(m.body * 1.3)
    inner.append(Icon((x + m.pad, iy, ic, ic), "chart", ctx.c("primary")))
    th = text_block(ctx, inner, x + m.pad + ic + m.gap, iy, w - 2 * m.pad - ic - m.gap, _("How the class voted"),
                    style="bold", size=m.h2 if size and size >= m.body else None)
    iy += max(ic, th) + m.gap // 2
    sentence = split_sentence(d)  # first, so it shows without scrolling on a small screen
    if sentence:
        iy += text_block(ctx, inner, x + m.pad, iy, w - 2 * m.pad, sentence) + m.gap
    iy += vote_chart(ctx, inner, x + m.pad, iy, w - 2 * m.pad, d.options, d.votes or [0] * len(d.options),
                     marks=split_marks(d), size=size or m.small) + m.gap
    items.append(Box((x, y, w, iy - y), ctx.c("surface"), m.radius))
    items.append(Box((x, y, w, iy - y), ctx.c("border" if ctx.theme.high_contrast else "surface_alt"), m.radius,
                     m.border))
    items.extend(inner)
    return iy - y
