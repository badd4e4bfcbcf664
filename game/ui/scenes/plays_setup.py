"""'Everyone plays on their own device': the teacher picks the story every device plays, or lets students choose
from a tier, and the room opens (its projector screen is scenes/plays_room)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Hashable, Optional

from ..display import Item
from ..i18n import _
from ..layout import Ctx
from ..notices import notice_block
from ..widgets import text_block
from .page import PageScene

if TYPE_CHECKING:
    from ...session.catalog import CatalogItem
    from ..host import SceneHost


def age_words(item: CatalogItem) -> str:
    """'ages 12-14' or 'ages 15-18'."""
    scn = item.scenario
    return _("ages 12-14") if scn is not None and scn.age_tier.value == "core" else _("ages 15-18")


class PlaysSetupScene(PageScene):
    """One story for every device, or a tier students choose from; then the room opens."""

    name = "plays-setup"
    column_chars = 40
    back_button = True

    def __init__(self, app: SceneHost) -> None:
        super().__init__(app)
        self.help_theme = None
        self.notice: Optional[str] = None

    def stories(self) -> list[CatalogItem]:
        """Every playable story, in picker order."""
        from ..plays_room import allowed_stories

        return allowed_stories(self.app.library.items(), "extended")

    def page_title(self) -> str:
        return _("Everyone plays")

    def default_focus(self, targets: list[Hashable]) -> Optional[Hashable]:
        return ("tier", "core")

    def column(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
        m = ctx.m
        y0 = y
        y += text_block(ctx, items, x, y, w, _("Everyone plays on their own device"), style="bold", size=m.h1)
        y += m.gap
        y += text_block(ctx, items, x, y, w, _(
            "Each student plays the whole story at their own pace on a phone or Chromebook, through this laptop's "
            "room. The projector shows only the class's totals, for the talk afterwards.")) + m.pad
        if self.notice:
            y += notice_block(ctx, items, x, y, w, [self.notice]) + m.pad
        y += text_block(ctx, items, x, y, w, _("Let students choose"), style="bold", size=m.h2) + m.gap
        for tier, label in (("core", _("Students choose a story for ages 12-14")),
                            ("extended", _("Students choose any story (ages 12-18)"))):
            r = self.add_button(ctx, items, x, y, w, label, ("tier", tier), icon="chevron_right")
            y += r[3] + m.gap
        y += m.pad
        y += text_block(ctx, items, x, y, w, _("Or pick the story everyone plays"), style="bold", size=m.h2) + m.gap
        for it in self.stories():
            scn = it.scenario
            assert scn is not None
            label = _("{title} \u00b7 {ages} \u00b7 {n} min").format(title=scn.title, ages=age_words(it),
                                                                     n=scn.minutes)
            r = self.add_button(ctx, items, x, y, w, label, ("story", it.id), style="secondary")
            y += r[3] + m.gap
        return y - y0

    def activate(self, target: Hashable, intent: object) -> bool:  # type: ignore[override]
        if isinstance(target, tuple) and target[0] in ("tier", "story"):
            from ..plays_room import allowed_stories

            if target[0] == "tier":
                self.open_room(allowed_stories(self.app.library.items(), str(target[1])), True)
            else:
                chosen = [it for it in self.stories() if it.id == target[1]]
                self.open_room(chosen, False)
            return True
        return super().activate(target, intent)  # type: ignore[arg-type]

    def open_room(self, stories: list[CatalogItem], choose: bool) -> None:
        """Open the room with these stories; on trouble, say why here."""
        from ..plays_room import open_plays_room
        from .plays_room import PlaysRoomScene

        if not stories:
            return
        if self.app.classroom is None:
            self.app.start_class(None)
        notice = open_plays_room(self.app, stories, choose)  # type: ignore[arg-type]
        if notice is not None:
            self.notice = notice
            self.invalidate()
            return
        self.app.replace(PlaysRoomScene(self.app, stories, choose))

    def back(self) -> bool:
        self.dismiss(None)
        return True
