"""Optional nickname screen: says not to use a real name; skipping is always allowed."""

from __future__ import annotations

from typing import Hashable

from ...session.settings import NICKNAME_MAX
from ..display import Item
from ..host import SceneHost
from ..i18n import _
from ..intents import Intent
from ..layout import Ctx
from ..text_field import TextField
from ..widgets import text_block
from .page import PageScene


class NicknameScene(PageScene):
    """Type a nickname (kept on this computer for stars and badges) or skip."""

    name = "nickname"
    wants_text = True
    column_chars = 30

    def __init__(self, app: SceneHost, then_picker: bool = False) -> None:
        super().__init__(app)
        self.then_picker = then_picker
        self.entry = TextField(NICKNAME_MAX, app.settings.nickname or "")
        self.notice = ""

    @property
    def value(self) -> str:
        """The nickname typed so far."""
        return self.entry.value

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
        field = self.entry.draw(ctx, items, x, y, w, self.focus == "field", _("for example: blue_fox"))
        self.add_focus("field", field, "page")
        y += field[3] + m.gap
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
        edit = self.entry.handle(intent)  # typing goes to the field wherever the focus is
        if edit is not None:
            if edit == "full":
                self.notice = _("That is as long as a nickname can be.")
            elif edit == "erased":
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
            self.entry.value = ""
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
