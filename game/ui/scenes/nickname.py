"""Optional nickname screen: says not to use a real name; skipping is always allowed."""

from __future__ import annotations

from typing import Hashable

from ...session.settings import NICKNAME_MAX
from ..display import Box, Item, Text
from ..i18n import _
from ..intents import Erase, Intent, TextInput
from ..layout import Ctx
from ..widgets import focus_ring, text_block
from .page import PageScene


class NicknameScene(PageScene):
    """Type a nickname (kept on this computer for stars and badges) or skip."""

    name = "nickname"
    wants_text = True
    column_chars = 30

    def __init__(self, app, then_picker: bool = False) -> None:  # type: ignore[no-untyped-def]
        super().__init__(app)
        self.then_picker = then_picker
        self.value = app.settings.nickname or ""
        self.notice = ""

    def page_title(self) -> str:
        return _("Pick a nickname")

    def default_focus(self, targets: list[Hashable]) -> Hashable:
        return "field"

    def column(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
        m = ctx.m
        y0 = y
        y += text_block(ctx, items, x, y, w, _("Pick a nickname"), style="bold", size=m.h1) + m.gap
        y += text_block(ctx, items, x, y, w, _(
            "A nickname keeps your stars and badges on this computer. Do not use your real name. "
            "You can skip this.")) + m.pad
        fh = round(m.body * 2.6)
        field = (x, y, w, fh)
        items.append(Box(field, ctx.c("surface"), m.small_radius))
        items.append(Box(field, ctx.c("primary" if self.focus == "field" else "border"), m.small_radius,
                         m.border + (1 if self.focus == "field" else 0)))
        shown = self.value or ""
        font = m.font("regular")
        col = ctx.c("text")
        if shown:
            tw, th = ctx.measure(shown, font, col)
            items.append(Text(x + m.gap, y + (fh - th) // 2, shown, font, col, 0, "left", tw, th))
        else:
            tw = 0
            hint = _("for example: blue_fox")
            hw, th = ctx.measure(hint, font, ctx.c("muted"))
            items.append(Text(x + m.gap + 4, y + (fh - th) // 2, hint, font, ctx.c("muted"), 0, "left", hw, th))
        if self.focus == "field":
            items.append(Box((x + m.gap + tw + 2, y + fh // 5, max(2, m.border), fh * 3 // 5), col))
            focus_ring(ctx, items, field, m.small_radius)
        self.add_focus("field", field, "page")
        from ..display import Hit

        items.append(Hit(field, "field"))
        y += fh + m.gap
        y += text_block(ctx, items, x, y, w, self.notice or _("Up to {n} letters or numbers.").format(n=NICKNAME_MAX),
                        role="muted", size=m.small) + m.pad
        r = self.add_button(ctx, items, x, y, w, _("Save nickname"), "save", icon="check")
        y += r[3] + m.gap
        r = self.add_button(ctx, items, x, y, w, _("Skip"), "skip", style="secondary")
        y += r[3]
        if self.app.settings.nickname:
            y += m.gap
            r = self.add_button(ctx, items, x, y, w, _("Forget my nickname"), "clear", style="secondary")
            y += r[3]
        return y - y0

    def handle(self, intent: Intent) -> bool:
        if isinstance(intent, TextInput):
            text = "".join(ch for ch in intent.text if ch.isprintable())
            if len(self.value) + len(text) <= NICKNAME_MAX:
                self.value += text
            else:
                self.notice = _("That is as long as a nickname can be.")
            self.invalidate()
            return True
        if isinstance(intent, Erase):
            self.value = self.value[:-1]
            self.notice = ""
            self.invalidate()
            return True
        return super().handle(intent)

    def primary(self) -> Hashable:
        return "save" if self.value.strip() else "skip"

    def activate(self, target: Hashable, intent: Intent) -> bool:
        if target == "field":
            return self.activate(self.primary(), intent)
        if target == "save":
            name = " ".join(self.value.split())
            if not name:
                self.notice = _("Type a nickname first, or press Skip.")
                self.invalidate()
                return True
            self.app.apply_settings(self.app.settings.replace(nickname=name))
            self.finish()
            return True
        if target == "clear":
            self.value = ""
            self.app.apply_settings(self.app.settings.replace(nickname=None))
            self.finish()
            return True
        if target == "skip":
            self.finish()
            return True
        return super().activate(target, intent)

    def finish(self) -> None:
        """Leave: on to the picker (from Play) or back (from settings)."""
        if self.then_picker:
            from .picker import PickerScene

            self.app.replace(PickerScene(self.app))
        else:
            self.dismiss(self.app.settings.nickname)

    def back(self) -> bool:
        self.finish() if not self.then_picker else self.dismiss(None)
        return True
