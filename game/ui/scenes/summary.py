"""Summary: how the story ended, stars, spotted vs missed, badges with why, Play another / Back to menu."""

from __future__ import annotations

from typing import Hashable

from ...content.schema import BadgeDef, Tone
from ...engine.beats import SummaryBeat
from ...session.play import PlaySession
from ...session.words import headline
from ..display import Box, Icon, Item, shifted
from ..host import SceneHost
from ..i18n import _, ngettext
from ..intents import Intent
from ..kinds.common import block
from ..layout import Ctx
from .page import PageScene

HEADLINES = {
    Tone.SAFE: ("shield", "safe"),
    Tone.HELP_SOUGHT: ("reach_out", "safe"),
    Tone.RISKY: ("lightbulb", "caution"),
}


def warm_line(beat: SummaryBeat) -> str:
    """A warm word to end on, by what the player did (never a grade)."""
    found = beat.hits
    if found:
        return ngettext("You spotted {n} red flag. Each one you can see, you can point out to a friend.",
                        "You spotted {n} red flags. Each one you can see, you can point out to a friend.",
                        found).format(n=found)
    return _("Thank you for playing. What you practised here helps you and your friends.")


def why_line(beat: SummaryBeat) -> str:
    """The one line that says where the stars came from: the decisions, not the length of the path."""
    c = beat.credit
    parts = []
    if c.choices:
        parts.append(ngettext("{n} of {total} choice was the safest one there.",
                              "{n} of {total} choices were the safest one there.", c.choices)
                     .format(n=c.best_choices, total=c.choices))
    if c.parts:
        parts.append(ngettext("You judged {n} of {total} message part right.",
                              "You judged {n} of {total} message parts right.", c.parts)
                     .format(n=c.parts_right, total=c.parts))
    return " ".join(parts)


class SummaryScene(PageScene):
    """How it went: never 'failed', always what was learned."""

    name = "summary"
    column_chars = 40

    def __init__(self, app: SceneHost, session: PlaySession) -> None:
        super().__init__(app)
        self.session = session
        self.help_theme = session.scn.theme

    def page_title(self) -> str:
        if self.app.classroom is not None:
            return _("Class results: {title}").format(title=self.session.scn.title)
        return _("Your results: {title}").format(title=self.session.scn.title)

    def default_focus(self, targets: list[Hashable]) -> Hashable:
        return "another" if "another" in targets else (targets[0] if targets else None)

    def column(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
        m = ctx.m
        y0 = y
        beat = self.session.beat()
        if not isinstance(beat, SummaryBeat):
            return block(ctx, items, x, y, w, _("This story is not finished yet."))
        hero: list[Item] = []
        iy = y + m.pad
        iy += self._headline(ctx, hero, beat, x + m.pad, iy, w - 2 * m.pad) + m.pad
        iy += self._stars(ctx, hero, beat, x + m.pad, iy, w - 2 * m.pad) + m.pad
        iy += block(ctx, hero, x + m.pad, iy, w - 2 * m.pad, warm_line(beat), style="bold") + m.pad
        _icon, role = HEADLINES.get(beat.tone, ("", "safe")) if beat.tone else ("", "safe")
        items.append(Box((x, y, w, iy - y), ctx.c(f"{role}_soft"), m.radius))  # a warm card in the ending's tint
        items.append(Box((x, y, w, iy - y), ctx.c("border" if ctx.theme.high_contrast else "surface_alt"), m.radius,
                         m.border))
        items.append(Box((x, y, max(4, m.gap // 2), iy - y), ctx.c(role)))
        items.extend(hero)
        y = iy + m.pad
        y += self._counts(ctx, items, beat, x, y, w) + m.pad
        y += self._badges(ctx, items, list(beat.badges), x, y, w) + m.gap
        if self.app.classroom is not None:
            y += block(ctx, items, x, y, w, _(
                "The class report keeps the votes and the class label, never names: python main.py report."),
                role="muted", size=m.small) + m.gap
        elif not self.app.settings.nickname:
            y += block(ctx, items, x, y, w, _("Without a nickname, nothing about you is kept."), role="muted",
                            size=m.small) + m.gap
        y += m.gap
        r = self.add_button(ctx, items, x, y, w, _("Play another story"), "another", icon="play")
        y += r[3] + m.gap
        r = self.add_button(ctx, items, x, y, w, _("Back to menu"), "menu", style="secondary")
        return y + r[3] - y0

    def _headline(self, ctx: Ctx, items: list[Item], beat: SummaryBeat, x: int, y: int, w: int) -> int:
        m = ctx.m
        icon, role = HEADLINES.get(beat.tone, ("check_circle", "safe")) if beat.tone else ("check_circle", "safe")
        title, line = headline(beat.tone)
        ic = round(m.body * 2.6)
        items.append(Box((x, y, ic, ic), ctx.c(f"{role}_soft"), ic // 2))
        s = round(ic * 0.62)
        items.append(Icon((x + (ic - s) // 2, y + (ic - s) // 2, s, s), icon, ctx.c(role), ctx.c(f"{role}_soft")))
        tx, tw = x + ic + m.gap, w - ic - m.gap
        th = block(ctx, items, tx, y, tw, title, style="bold", size=m.h1)
        if line:
            th += block(ctx, items, tx, y + th + 2, tw, line, role="muted") + 2
        return max(ic, th)

    def _stars(self, ctx: Ctx, items: list[Item], beat: SummaryBeat, x: int, y: int, w: int) -> int:
        m = ctx.m
        s = min(round(m.display * 1.2), (w - 2 * m.gap) // 5)
        for i in range(3):
            got = i < beat.stars
            items.append(Icon((x + i * (s + m.gap), y, s, s), "star_gold" if got else "star_outline",
                              ctx.c("star_edge" if got else "muted"), ctx.c("star") if got else None))
        tx = x + 3 * (s + m.gap) + m.gap
        tw = x + w - tx
        label = ngettext("{n} of 3 stars", "{n} of 3 stars", beat.stars).format(n=beat.stars)
        score = why_line(beat) + " " + _("Score: {score} of {best}.").format(score=beat.score, best=beat.best_score)
        if tw >= m.body * 7:
            lh = block(ctx, items, tx, y, tw, label, style="bold", size=m.h2)
            lh += block(ctx, items, tx, y + lh, tw, score, role="muted")
            return max(s, lh)
        y2 = y + s + m.gap // 2
        y2 += block(ctx, items, x, y2, w, label, style="bold", size=m.h2)
        y2 += block(ctx, items, x, y2, w, score, role="muted")
        return y2 - y

    def _counts(self, ctx: Ctx, items: list[Item], beat: SummaryBeat, x: int, y: int, w: int) -> int:
        """Spotted, missed and false alarms as tiles (a number, an icon and words each), one row when they fit."""
        m = ctx.m
        tiles = [
            (str(beat.hits), _("Red flags spotted"), "flag", "flag"),
            (str(beat.misses), _("Red flags missed"), "flag_outline", "flag"),
            (str(beat.false_alarms), _("Safe parts marked as red flags"), "shield", "muted"),
        ]
        cols = 3 if w >= m.body * 24 else 1
        tw = (w - (cols - 1) * m.gap) // cols
        ic = round(m.body * 1.2)
        laid: list[tuple[int, int, list[Item]]] = []
        for i, (num, label, icon, role) in enumerate(tiles):
            cx = x + (i % cols) * (tw + m.gap)
            inner: list[Item] = []
            inner.append(Icon((cx + m.gap, m.gap + (m.display - ic) // 2, ic, ic), icon, ctx.c(role),
                              ctx.c("surface")))
            iy = m.gap + block(ctx, inner, cx + 2 * m.gap + ic, m.gap, tw - 3 * m.gap - ic, num, style="bold",
                                    size=m.display)
            iy += block(ctx, inner, cx + m.gap, iy, tw - 2 * m.gap, label, size=m.small)
            laid.append((cx, iy + m.gap, inner))
        ry = y
        for r0 in range(0, len(laid), cols):
            row = laid[r0:r0 + cols]
            rh = max(h for _x, h, _i in row)
            for cx, _h, inner in row:
                items.append(Box((cx, ry, tw, rh), ctx.c("surface"), m.radius))
                items.append(Box((cx, ry, tw, rh), ctx.c("border" if ctx.theme.high_contrast else "surface_alt"),
                                 m.radius, m.border))
                items.extend(shifted(it, ry) for it in inner)
            ry += rh + m.gap
        return ry - m.gap - y

    def _badges(self, ctx: Ctx, items: list[Item], badges: list[BadgeDef], x: int, y: int, w: int) -> int:
        """Badges earned: a geometric badge, its name and a one-line why."""
        m = ctx.m
        y0 = y
        y += block(ctx, items, x, y, w, _("Badges earned"), style="bold", size=m.h2) + m.gap
        if not badges:
            return y - y0 + block(ctx, items, x, y, w, _(
                "No badges this time. Each story has more to find: try another path or another story."),
                role="muted")
        cols = 2 if w >= m.body * 30 and len(badges) > 1 else 1
        cw = (w - (cols - 1) * m.gap) // cols
        ic = round(m.body * 2.6)
        row_h, cx = 0, x
        for i, b in enumerate(badges):
            items.append(Icon((cx, y, ic, ic), badge_icon(b.shape), ctx.c("primary"), ctx.c("on_primary")))
            tx, tw = cx + ic + m.gap, cw - ic - m.gap
            th = block(ctx, items, tx, y, tw, b.label, style="bold")
            th += block(ctx, items, tx, y + th, tw, b.why, role="muted", size=m.small)
            row_h = max(row_h, ic, th)
            if (i + 1) % cols == 0 or i == len(badges) - 1:
                y += row_h + m.gap
                row_h, cx = 0, x
            else:
                cx += cw + m.gap
        return y - y0 - m.gap

    def activate(self, target: Hashable, intent: Intent) -> bool:
        if target == "another":
            from .picker import PickerScene
            from .title import TitleScene

            self.app.reset(TitleScene(self.app), PickerScene(self.app))
            return True
        if target == "menu":
            self.app.go_title()
            return True
        return super().activate(target, intent)

    def back(self) -> bool:
        self.app.go_title()
        return True


def badge_icon(shape: str) -> str:
    """The drawn badge for a tags.yaml badge shape (shield, star, circle, hexagon, diamond)."""
    return f"badge_{shape}" if shape in ("shield", "star", "circle", "hexagon", "diamond") else "badge_circle"
