"""A readable message when a screen fails (never a traceback in front of a class)."""

from __future__ import annotations

from typing import Hashable

from ..display import Icon, Item
from ..host import SceneHost
from ..i18n import _
from ..intents import Intent
from ..layout import Ctx
from ..widgets import text_block
from .page import PageScene


class ErrorScene(PageScene):
    """Something went wrong on a screen: say so calmly and offer the way back."""

    name = "error"
    column_chars = 30

    def __init__(self, app: SceneHost, detail: str) -> None:
        super().__init__(app)
        self.detail = detail

    def page_title(self) -> str:
        return _("Something went wrong")

    def column(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
        m = ctx.m
        y0 = y
        ic = round(m.body * 2.2)
        items.append(Icon((x + (w - ic) // 2, y, ic, ic), "wrench", ctx.c("muted")))
        y += ic + m.gap
        y += text_block(ctx, items, x, y, w, _("This screen could not be shown."), style="bold", size=m.h2,
                        align="center") + m.gap
        y += text_block(ctx, items, x, y, w, _(
            "This is a problem with the game or the story file, not with anything you did. "
            "You can go back to the menu and pick another story."), align="center") + m.gap
        y += text_block(ctx, items, x, y, w, _("Details for your teacher: {detail}").format(detail=self.detail[:300]),
                        role="muted", size=m.small, align="center") + m.pad
        r = self.add_button(ctx, items, x, y, w, _("Back to menu"), "menu")
        return y + r[3] - y0

    def activate(self, target: Hashable, intent: Intent) -> bool:
        if target == "menu":
            self.app.go_title()
            return True
        return super().activate(target, intent)

    def back(self) -> bool:
        self.app.go_title()
        return True
