"""Title screen: the game's name, one line of what it is, and big buttons (Play, Lead a class, Settings, ...)."""

from __future__ import annotations

from typing import Hashable

from ..display import Icon, Item
from ..i18n import _
from ..intents import Intent, OpenSettings, Quit
from ..layout import Ctx
from ..notices import notice_block, saving_notices
from ..widgets import text_block
from .page import PageScene


class TitleScene(PageScene):
    """Play / Lead a class / Settings / Get help / Quit."""

    name = "title"
    column_chars = 24

    def page_title(self) -> str:
        return _("Red Flag Radar")

    def status(self) -> str:
        nick = self.app.settings.nickname
        return _("Playing as {name}").format(name=nick) if nick else ""

    def column(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
        m = ctx.m
        y0 = y
        logo = round(m.display * 1.6)
        items.append(Icon((x + (w - logo) // 2, y, logo, logo), "flag", ctx.c("flag")))
        y += logo + m.gap
        y += text_block(ctx, items, x, y, w, _("Red Flag Radar"), style="bold", size=m.display, align="center")
        y += m.gap
        y += text_block(ctx, items, x, y, w, _("Spot the warning signs online, and learn what helps."),
                        role="muted", align="center") + m.pad
        for label, target, style, icon in (
            (_("Play"), "play", "primary", "play"),
            (_("Radar check"), "radar", "secondary", "search"),
            (_("Lead a class"), "lead", "secondary", "people"),
            (_("Settings"), "settings", "secondary", "gear"),
            (_("Get help"), "help_page", "secondary", "help"),
            (_("Quit"), "quit", "secondary", "exit"),
        ):
            r = self.add_button(ctx, items, x, y, w, label, target, style=style, icon=icon)
            y += r[3] + m.gap
        notes = saving_notices(self.app)
        if notes:
            y += notice_block(ctx, items, x, y, w, notes)
        return y - y0 - m.gap

    def activate(self, target: Hashable, intent: Intent) -> bool:
        if target == "play":
            self.app_play()
            return True
        if target == "settings":
            self.app.dispatch(OpenSettings())
            return True
        if target == "help_page":
            from .help import HelpScene

            self.app.push(HelpScene(self.app, None))
            return True
        if target == "quit":
            self.app.dispatch(Quit())
            return True
        if target == "radar":
            from .radar import RadarIntroScene

            self.app.push(RadarIntroScene(self.app))
            return True
        if target == "lead":
            from .class_setup import ClassSetupScene

            self.app.push(ClassSetupScene(self.app))
            return True
        return super().activate(target, intent)

    def app_play(self) -> None:
        """Play: ask for a nickname once per run (skippable), then the picker."""
        from .nickname import NicknameScene
        from .picker import PickerScene

        if not self.app.asked_nickname and not self.app.settings.nickname:
            self.app.asked_nickname = True
            self.app.push(NicknameScene(self.app, then_picker=True))
        else:
            self.app.push(PickerScene(self.app))

    def back(self) -> bool:
        return True  # Esc on the title does nothing (Quit is a button)
