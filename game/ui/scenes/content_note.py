"""Content note before a scenario, with a real choice: Start, or Choose another."""

from __future__ import annotations

from typing import Hashable

from ...session.catalog import CatalogItem
from ..display import Icon, Item
from ..host import SceneHost
from ..i18n import _
from ..intents import Intent
from ..layout import Ctx
from ..widgets import chip, text_block
from .page import PageScene
from .picker import age_label


class ContentNoteScene(PageScene):
    """What the story is about, what it covers, and the choice to start or pick another."""

    name = "content-note"
    quick_exit_button = True
    column_chars = 34

    def __init__(self, app: SceneHost, item: CatalogItem) -> None:
        super().__init__(app)
        self.item = item
        scn = item.scenario
        self.help_theme = scn.theme if scn else None

    def page_title(self) -> str:
        scn = self.item.scenario
        return scn.title if scn else self.item.title

    def default_focus(self, targets: list[Hashable]) -> Hashable:
        return "start" if "start" in targets else (targets[0] if targets else None)

    def column(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
        m = ctx.m
        scn = self.item.scenario
        y0 = y
        if scn is None:
            return 0
        y += text_block(ctx, items, x, y, w, scn.title, style="bold", size=m.h1) + m.gap
        cw, ch = chip(ctx, items, x, y, self.app.library.tag_label(scn.theme, self.item.pack), max_w=w)
        y += ch + m.gap
        meta = _("About {n} minutes").format(n=scn.minutes) + "  ·  " + age_label(scn.age_tier.value)
        y += text_block(ctx, items, x, y, w, meta, role="muted", size=m.small) + m.gap
        y += text_block(ctx, items, x, y, w, scn.summary) + m.pad
        ic = round(m.body * 1.4)
        box_y = y
        inner: list[Item] = []
        iy = y + m.pad
        inner.append(Icon((x + m.pad, iy, ic, ic), "lightbulb", ctx.c("caution")))
        tx = x + m.pad + ic + m.gap
        tw = w - (tx - x) - m.pad
        iy += text_block(ctx, inner, tx, iy, tw, _("Content note"), style="bold") + m.gap // 2
        iy += text_block(ctx, inner, tx, iy, tw, scn.content_note) + m.gap
        iy += text_block(ctx, inner, tx, iy, tw, _(
            "You can stop at any time: F12 hides the story at once, and H shows people who can help."),
            role="muted", size=m.small)
        from ..display import Box

        items.append(Box((x, box_y, w, iy + m.pad - box_y), ctx.c("caution_soft"), m.radius))
        items.extend(inner)
        y = iy + m.pad + m.pad
        r = self.add_button(ctx, items, x, y, w, _("Start"), "start", icon="play")
        y += r[3] + m.gap
        r = self.add_button(ctx, items, x, y, w, _("Choose another story"), "another", style="secondary")
        y += r[3]
        return y - y0

    def primary(self) -> Hashable:
        return self.focus or "start"

    def activate(self, target: Hashable, intent: Intent) -> bool:
        if target == "start":
            self.start()
            return True
        if target == "another":
            self.choose_another()
            return True
        return super().activate(target, intent)

    def choose_another(self) -> None:
        """Back to the picker."""
        from .picker import PickerScene

        below = self.app.scenes.below(self)
        if isinstance(below, PickerScene):
            self.dismiss(None)
        else:
            self.app.replace(PickerScene(self.app))

    def start(self) -> None:
        """Begin the play-through."""
        from ...session.play import PlaySession
        from .player import PlayerScene

        app = self.app
        chosen = app.opts.scenario is not None and app.opts.scenario.resolve() == self.item.path.resolve()
        room = app.classroom  # leading a class: a class session (the label only, never a nickname)
        session = PlaySession(self.item, app.library.shared(self.item.pack).tags,
                              None if app.opts.playtest else app.store,
                              None if room is not None else app.settings.nickname,
                              app.opts.start_at if chosen else None, app.opts.preset if chosen else None,
                              mode="facilitator" if room is not None else "solo",
                              class_label=room.label if room is not None else None, trace=app.opts.trace,
                              seed=app.seed, shuffle=app.opts.shuffle)
        app.replace(PlayerScene(app, session))

    def back(self) -> bool:
        self.choose_another()
        return True
