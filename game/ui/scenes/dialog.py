"""Modal dialogs: ConfirmScene (yes/no with a typed bool result) and PauseScene (resume, settings, menu, quit)."""

from __future__ import annotations

from typing import Hashable, Optional

from ..display import Box, Item, shifted
from ..host import SceneHost
from ..i18n import _
from ..intents import Activate, Intent, Next, OpenSettings, QuickExit
from ..layout import Ctx
from ..scene import Scene
from ..widgets import button, panel, text_block


class DialogScene(Scene):
    """A centred card over a dimmed screen; buttons are (label, result, style)."""

    name = "dialog"
    opaque = False

    def __init__(self, app: SceneHost, title: str, text: str, buttons: list[tuple[str, object, str]]) -> None:
        super().__init__(app)
        self.title = title
        self.text = text
        self.buttons = buttons

    def build(self, ctx: Ctx) -> None:
        m = ctx.m
        self.dl.add(Box((0, 0, m.w, m.h), ctx.c("scrim")))
        w = min(m.w - 2 * m.pad, round(m.body * 26))
        x = (m.w - w) // 2
        inner: list[Item] = []
        y = m.pad
        iw = w - 2 * m.pad
        y += text_block(ctx, inner, x + m.pad, y, iw, self.title, style="bold", size=m.h2) + m.gap
        if self.text:
            y += text_block(ctx, inner, x + m.pad, y, iw, self.text) + m.pad
        for i, (label, _result, style) in enumerate(self.buttons):
            r = button(ctx, inner, x + m.pad, y, iw, label, target=i, focused=self.focus == i, style=style)
            self.add_focus(i, r, "dialog")
            y += r[3] + m.gap
        h = y + m.pad - m.gap
        top = max(m.pad, (m.h - h) // 2)
        moved = [shifted(it, top) for it in inner]
        self.focusables = [type(f)(f.target, (f.rect[0], f.rect[1] + top, f.rect[2], f.rect[3]), f.group)
                           for f in self.focusables]
        card = (x, top, w, min(h, m.h - 2 * m.pad))
        panel(ctx, self.dl.items, card)
        self.scroll_view("dialog", card, moved, h)

    def activate(self, target: Hashable, intent: Intent) -> bool:
        if isinstance(target, int) and 0 <= target < len(self.buttons):
            self.choose(self.buttons[target][1])
            return True
        return False

    def choose(self, result: object) -> None:
        """Close with this result."""
        self.dismiss(result)

    def handle(self, intent: Intent) -> bool:
        if isinstance(intent, Next) and self.focus is not None:
            return self.activate(self.focus, Activate())
        return super().handle(intent)

    def back(self) -> bool:
        self.dismiss(None)
        return True


class ConfirmScene(DialogScene):
    """Yes/No question; the result is True (yes) or False (no, Esc)."""

    name = "confirm"

    def __init__(self, app: SceneHost, title: str, text: str = "", yes: Optional[str] = None,
                 no: Optional[str] = None) -> None:
        super().__init__(app, title, text, [(no or _("Cancel"), False, "secondary"),
                                            (yes or _("Yes"), True, "primary")])

    def back(self) -> bool:
        self.dismiss(False)
        return True


class PauseScene(DialogScene):
    """Esc during a story: Resume, Settings, Back to menu (with confirm) or Quit."""

    name = "pause"

    def __init__(self, app: SceneHost) -> None:
        super().__init__(app, _("Paused"), _("Take your time. Your place in the story is kept while you are here."), [
            (_("Resume"), "resume", "primary"), (_("Settings"), "settings", "secondary"),
            (_("Back to menu"), "menu", "secondary"), (_("Quit the game"), "quit", "secondary")])

    def choose(self, result: object) -> None:
        if result == "resume":
            self.dismiss(None)
        elif result == "settings":
            self.app.dispatch(OpenSettings())
        elif result == "menu":
            confirm_leave(self.app)
        elif result == "quit":
            self.app.push(ConfirmScene(self.app, _("Quit Red Flag Radar?"), "", yes=_("Quit"), no=_("Stay")),
                          self._quit)

    def _quit(self, yes: object) -> None:
        if yes is True:
            self.app.quit()

    def handle(self, intent: Intent) -> bool:
        if isinstance(intent, QuickExit):
            return False
        return super().handle(intent)


def confirm_leave(app) -> None:  # type: ignore[no-untyped-def]
    """Ask "Leave this story?"; Leave goes to the title (so does Home, pressed again), Stay or Esc stays."""

    def leave(yes: object) -> None:
        if yes is True:
            app.go_title()

    app.push(ConfirmScene(app, _("Leave this story?"), _("You can play it again from the start later."),
                          yes=_("Leave"), no=_("Stay")), leave)
