"""Quick exit (F12): a plain, neutral notes page. Esc goes to the title, never back into the story; F12 quits."""

from __future__ import annotations

from ..display import Box, Icon, Line
from ..i18n import _
from ..intents import Help, Intent, QuickExit
from ..layout import Ctx
from ..scene import Scene
from ..widgets import text_block


class QuickExitScene(Scene):
    """Looks like a simple notes app; nothing about the game or the story shows."""

    name = "quick-exit"
    quick_exit_safe = True

    def build(self, ctx: Ctx) -> None:
        m = ctx.m
        items = self.dl.items
        items.append(Box((0, 0, m.w, m.h), ctx.c("notes_bg")))
        bar = round(m.body * 2.4)
        items.append(Box((0, 0, m.w, bar), ctx.c("surface_alt")))
        ic = round(m.body * 1.2)
        items.append(Icon((m.pad, (bar - ic) // 2, ic, ic), "notes", ctx.c("on_notes")))
        text_block(ctx, items, m.pad + ic + m.gap, (bar - m.body) // 2 - 2, m.w // 2, _("Notes"), style="bold",
                   color=ctx.c("on_notes"))
        w = min(m.w - 2 * m.pad, round(m.body * 30))
        x = (m.w - w) // 2
        y = bar + m.pad * 2
        y += text_block(ctx, items, x, y, w, _("Weekend"), style="bold", size=m.h1, color=ctx.c("on_notes")) + m.pad
        lines = [_("Return library books"), _("Buy milk, bread and apples"), _("Finish science homework"),
                 _("Practice at 4"), _("Call Grandma on Sunday")]
        lh = round(m.body * 2.0)
        for line in lines:
            text_block(ctx, items, x, y, w, "•  " + line, color=ctx.c("on_notes"))
            y += lh
            items.append(Line((x, y - lh // 5), (x + w, y - lh // 5), ctx.c("notes_line"), 1))

    def handle(self, intent: Intent) -> bool:
        from ..intents import Back, Home

        if isinstance(intent, QuickExit):
            self.app.quit()
            return True
        if isinstance(intent, (Back, Home)):
            self.app.go_title()
            return True
        if isinstance(intent, Help):
            return True  # stay neutral: nothing opens from here
        return True  # every other key or click keeps the neutral page
