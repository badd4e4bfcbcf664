"""A scenario that needs fixes: its diagnostics as a readable list (file:line:col: error[CODE]: message + hint)."""

from __future__ import annotations

from typing import Hashable

from ...session.catalog import CatalogItem
from ..author_dock import source_excerpt
from ..display import Box, Icon, Item
from ..host import SceneHost
from ..i18n import _
from ..intents import Intent
from ..layout import Ctx
from ..widgets import text_block
from .page import PageScene


class DiagnosticsScene(PageScene):
    """Lists what is wrong with a scenario file so an author can fix it; the rest of the game still plays."""

    name = "diagnostics"
    column_chars = 44

    def __init__(self, app: SceneHost, item: CatalogItem, exit_after: bool = False) -> None:
        super().__init__(app)
        self.item = item
        self.exit_after = exit_after

    def page_title(self) -> str:
        return _("This story needs fixes")

    def column(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
        m = ctx.m
        y0 = y
        ic = round(m.body * 2)
        items.append(Icon((x, y, ic, ic), "wrench", ctx.c("flag")))
        text_block(ctx, items, x + ic + m.gap, y, w - ic - m.gap, str(self.item.path.name), style="bold", size=m.h2)
        y += ic + m.gap
        y += text_block(ctx, items, x, y, w, _(
            "The game found problems in this file, so it cannot be played yet. The other stories still work. "
            "Each line says where the problem is and how to fix it."), role="muted") + m.pad
        diags = self.item.checked.errors + self.item.checked.warnings if self.item.checked else []
        lines = [(d, d.severity.value) for d in diags] or [(t, "error") for t in self.item.diagnostics]
        mono = m.small
        for entry, sev in lines[:200]:
            inner: list[Item] = []
            iy = y + m.gap
            role = "flag" if sev == "error" else "caution"
            if isinstance(entry, str):
                iy += text_block(ctx, inner, x + m.gap * 2, iy, w - m.gap * 3, entry, size=mono, role=role)
            else:  # as validate prints it; a syntax error's line and caret drawn so the caret sits under the place
                shown = entry.format().split("\n")
                iy += text_block(ctx, inner, x + m.gap * 2, iy, w - m.gap * 3, shown[0], size=mono, role=role)
                if entry.source:
                    iy += source_excerpt(ctx, inner, x + m.gap * 3, iy, w - m.gap * 4, entry.source, entry.col)
                if entry.hint:
                    iy += text_block(ctx, inner, x + m.gap * 2, iy, w - m.gap * 3, shown[-1], size=mono,
                                     role=role)
            h = iy - y + m.gap
            items.append(Box((x, y, w, h), ctx.c("surface"), m.small_radius))
            items.append(Box((x, y, max(4, m.gap // 2), h), ctx.c("flag" if sev == "error" else "caution")))
            items.extend(inner)
            y += h + m.gap // 2
        if len(lines) > 200:
            y += text_block(ctx, items, x, y, w, _("...and {n} more.").format(n=len(lines) - 200), role="muted")
        y += m.pad
        r = self.add_button(ctx, items, x, y, w, _("Back"), "close", style="secondary", icon="chevron_left")
        return y + r[3] - y0

    def activate(self, target: Hashable, intent: Intent) -> bool:
        if target == "close":
            return self.back()
        return super().activate(target, intent)

    def back(self) -> bool:
        if self.exit_after:
            self.app.exit_code = 1
            self.app.quit()
        elif len(self.app.scenes) > 1:
            self.dismiss(None)
        else:
            self.app.go_title()
        return True
