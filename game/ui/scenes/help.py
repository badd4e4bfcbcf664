"""Help lines (H from every screen): the verified resources from scenarios/resources.yaml, then a pack's own."""

from __future__ import annotations

from typing import Hashable, Optional

from ...content.schema import Resource
from ...session.words import contact_line
from ..display import Box, Icon, Item
from ..host import SceneHost
from ..i18n import _
from ..intents import Help, Intent
from ..layout import Ctx
from ..widgets import text_block
from .page import PageScene

CONTACT_ICONS = {"call": "phone", "text": "chat", "chat": "chat", "web": "globe", "email": "mail", "tty": "phone",
                 "app": "phone"}


def resource_card(ctx: Ctx, items: list[Item], r: Resource, x: int, y: int, w: int) -> int:
    """One help resource as a card; returns its height."""
    m = ctx.m
    inner: list[Item] = []
    iy = y + m.pad
    ix, iw = x + m.pad, w - 2 * m.pad
    iy += text_block(ctx, inner, ix, iy, iw, r.name, style="bold", size=m.h2) + m.gap // 2
    iy += text_block(ctx, inner, ix, iy, iw, r.for_) + m.gap
    ic = round(m.body * 1.1)
    for c in r.contacts:
        label = contact_line(c.kind, c.label, c.value)
        inner.append(Icon((ix, iy + 2, ic, ic), CONTACT_ICONS.get(c.kind, "phone"), ctx.c("primary")))
        iy += text_block(ctx, inner, ix + ic + m.gap, iy, iw - ic - m.gap, label, style="bold") + m.gap // 2
    iy += text_block(ctx, inner, ix, iy, iw, _("Hours: {hours}").format(hours=r.hours), role="muted",
                     size=m.small) + m.gap // 2
    iy += text_block(ctx, inner, ix, iy, iw, r.what_happens, role="muted", size=m.small)
    h = iy + m.pad - y
    items.append(Box((x, y, w, h), ctx.c("surface"), m.radius))
    items.append(Box((x, y, w, h), ctx.c("border" if ctx.theme.high_contrast else "surface_alt"), m.radius,
                     m.border))
    items.extend(inner)
    return h


def pack_lines_block(ctx: Ctx, items: list[Item], name: str, lines: list[Resource], x: int, y: int, w: int) -> int:
    """The help lines a story pack adds, under their own heading with the pack's name and a note that they are not
    the game's checked lines (the checked ones are always shown above); returns the height."""
    if not lines:
        return 0
    m = ctx.m
    y0 = y
    y += m.gap
    y += text_block(ctx, items, x, y, w, _("From this pack: {name}").format(name=name), style="bold",
                    size=m.h2) + m.gap // 2
    y += text_block(ctx, items, x, y, w, _("These were added by the people who made this story pack. They are not "
                                           "checked by Red Flag Radar. Ask your teacher before you use one."),
                    role="muted", size=m.small) + m.gap
    for r in lines:
        y += resource_card(ctx, items, r, x, y, w) + m.gap
    return y - y0


class HelpScene(PageScene):
    """People who can help, for this story's theme first. H or Esc closes it."""

    name = "help"
    quick_exit_button = True
    back_button = True
    help_button = False
    column_chars = 36

    def __init__(self, app: SceneHost, theme: Optional[str] = None, ids: Optional[list[str]] = None) -> None:
        super().__init__(app)
        self.theme_tag = theme
        self.ids = ids or []

    def page_title(self) -> str:
        return _("Get help")

    def status(self) -> str:
        return _("Esc or H to go back")

    def column(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
        m = ctx.m
        y0 = y
        y += text_block(ctx, items, x, y, w, _("You are not alone"), style="bold", size=m.h1) + m.gap
        y += text_block(ctx, items, x, y, w, _(
            "If something online worries you, tell an adult you trust, like a parent, a teacher or a school "
            "counselor. These services are free and they will listen:")) + m.pad
        res = self.app.library.resources(self.theme_tag, self.ids)
        if not res:
            y += text_block(ctx, items, x, y, w, _("No help lines are listed here yet. Please ask your teacher."),
                            role="muted") + m.pad
        for r in res:
            y += resource_card(ctx, items, r, x, y, w) + m.gap
        y += pack_lines_block(ctx, items, *self.app.library.pack_resources(), x, y, w)
        y += m.gap
        rr = self.add_button(ctx, items, x, y, w, _("Back"), "close", style="secondary", icon="chevron_left")
        return y + rr[3] - y0

    def default_focus(self, targets: list[Hashable]) -> Hashable:
        return "close"

    def handle(self, intent: Intent) -> bool:
        if isinstance(intent, Help):
            self.close()
            return True
        return super().handle(intent)

    def activate(self, target: Hashable, intent: Intent) -> bool:
        if target == "close":
            self.close()
            return True
        return super().activate(target, intent)

    def close(self) -> None:
        """Back to where the player was (or the title if help was the only screen)."""
        if len(self.app.scenes) > 1:
            self.dismiss(None)
        else:
            self.app.go_title()

    def back(self) -> bool:
        self.close()
        return True
