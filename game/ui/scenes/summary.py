"""Summary (starter version): score, stars, badges, spotted vs missed, Play another / Back to menu."""

from __future__ import annotations

from typing import Hashable

from ...engine.beats import SummaryBeat
from ..display import Icon, Item
from ..i18n import _, ngettext
from ..intents import Intent
from ..layout import Ctx
from ..play import PlaySession
from ..widgets import one_line, text_block
from .page import PageScene


class SummaryScene(PageScene):
    """How it went: never 'failed', always what was learned."""

    name = "summary"

    def __init__(self, app, session: PlaySession) -> None:  # type: ignore[no-untyped-def]
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
            return text_block(ctx, items, x, y, w, _("This story is not finished yet."))
        s = round(m.display * 1.3)
        for i in range(3):
            items.append(Icon((x + i * (s + m.gap), y, s, s), "star" if i < beat.stars else "star_outline",
                              ctx.c("caution" if i < beat.stars else "muted")))
        one_line(ctx, items, x + 3 * (s + m.gap) + m.gap, y + s // 4,
                 ngettext("{n} star", "{n} stars", beat.stars).format(n=beat.stars), style="bold", size=m.h2)
        y += s + m.pad
        y += text_block(ctx, items, x, y, w, _("Score: {score} of {best}").format(score=beat.score,
                        best=beat.best_score), style="bold", size=m.h1) + m.gap
        y += text_block(ctx, items, x, y, w, _(
            "Red flags spotted: {hits}. Missed: {misses}. Safe parts marked as red flags: {fa}.").format(
            hits=beat.hits, misses=beat.misses, fa=beat.false_alarms)) + m.pad
        if beat.badges:
            y += text_block(ctx, items, x, y, w, _("Badges earned"), style="bold", size=m.h2) + m.gap
            ic = round(m.body * 2)
            for b in beat.badges:
                items.append(Icon((x, y, ic, ic), b.shape if b.shape != "circle" else "dot", ctx.c("primary")))
                th = text_block(ctx, items, x + ic + m.gap, y, w - ic - m.gap, b.label, style="bold")
                th += text_block(ctx, items, x + ic + m.gap, y + th, w - ic - m.gap, b.why, role="muted", size=m.small)
                y += max(ic, th) + m.gap
        if self.app.classroom is not None:
            y += text_block(ctx, items, x, y, w, _(
                "The class report keeps the votes and the class label, never names: python main.py report."),
                role="muted", size=m.small) + m.gap
        elif not self.app.settings.nickname:
            y += text_block(ctx, items, x, y, w, _("Without a nickname, nothing about you is kept."), role="muted",
                            size=m.small) + m.gap
        y += m.gap
        r = self.add_button(ctx, items, x, y, w, _("Play another story"), "another", icon="play")
        y += r[3] + m.gap
        r = self.add_button(ctx, items, x, y, w, _("Back to menu"), "menu", style="secondary")
        return y + r[3] - y0

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
