"""Scenario picker: a keyboard- and mouse-navigable grid of cards; a broken scenario shows a wrench."""

from __future__ import annotations

from typing import Hashable

from ...content.schema import Scenario
from ...session import log
from ...session.catalog import CatalogItem
from ..display import Box, Hit, Icon, Item
from ..host import SceneHost
from ..i18n import _
from ..intents import Intent
from ..kinds.common import app_mark
from ..layout import Ctx
from ..notices import notice_block, saving_notices
from ..people import person_avatar
from ..scene import Scene
from ..widgets import chip, chip_size, focus_ring, one_line, text_block
from .page import bottom_bar, top_bar


def main_app(scn: Scenario) -> str:
    """The app a story mostly happens in (its nodes' apps, the screen kinds' default apps where they name none)."""
    from collections import Counter

    from ..kinds.common import app_key
    from ..kinds.registry import kind_default_app

    names = [n.app or kind_default_app(n.screen) for n in scn.nodes.values() if n.ending is None]
    counts = Counter(name.split("\u00b7")[0].strip() for name in names if name)
    marked = [(c, name) for name, c in counts.items() if app_key(name) != "other"]
    if marked:
        return max(marked)[1]
    return counts.most_common(1)[0][0] if counts else ""


def age_label(tier: str) -> str:
    """Ages for an age tier."""
    return _("Ages 12-14") if tier == "core" else _("Ages 15-18")


class PickerScene(Scene):
    """Cards: title, theme chip, minutes, age tier and stars earned; tutorial first."""

    name = "picker"

    def __init__(self, app: SceneHost) -> None:
        super().__init__(app)
        self.items = app.library.items()
        self.failed: dict[int, CatalogItem] = {}  # cards that could not be drawn: shown as wrench cards
        self.progress: dict[str, dict] = {}
        self.load_progress()

    def load_progress(self) -> None:
        """Stars per scenario for the current nickname (nothing without one); the records are opened here, so a
        data folder that cannot be written says so on this screen."""
        try:
            saving_notices(self.app, open_store=True)
            self.progress = self.app.store.progress(self.app.settings.nickname) if self.app.settings.nickname else {}
        except Exception:  # noqa: BLE001 - progress is a nicety; never block the picker
            self.progress = {}

    def resume(self, result: object = None) -> None:
        self.load_progress()
        super().resume(result)

    def build(self, ctx: Ctx) -> None:
        m = ctx.m
        self.failed = {}
        top = top_bar(self, ctx, _("Choose a story"))
        nick = self.app.settings.nickname
        room = self.app.classroom
        if room is not None:  # leading a class: no nickname, the class label if any
            status = _("Leading a class: {label}").format(label=room.label) if room.label else _("Leading a class")
        else:
            status = _("Playing as {name}").format(name=nick) if nick else ""
        bottom = bottom_bar(self, ctx, status)
        area = (0, top, m.w, m.h - top - bottom)
        items: list[Item] = []
        y = top + m.pad
        avail = m.w - 2 * m.pad
        notes = saving_notices(self.app)
        if notes:  # e.g. "Progress is not being saved: the data folder is read-only."
            y += notice_block(ctx, items, m.pad, y, min(avail, round(m.body * 48)), notes) + m.gap
        card_min = round(m.body * 15)
        cols = max(1, min(4, (avail + m.pad) // (card_min + m.pad)))
        card_w = (avail - (cols - 1) * m.pad) // cols
        if not self.items:
            y += text_block(ctx, items, m.pad, y, avail, _("No stories were found in {folder}.").format(
                folder=str(self.app.library.folder)), role="muted")
        rows = [self.items[i:i + cols] for i in range(0, len(self.items), cols)]
        for r, row in enumerate(rows):
            built = []
            for c, item in enumerate(row):
                content: list[Item] = []
                x = m.pad + c * (card_w + m.pad)
                try:
                    h = self.card(ctx, content, item, x + m.pad, y + m.pad, card_w - 2 * m.pad) + 2 * m.pad
                except Exception as exc:  # noqa: BLE001 - one file can never take the rest of the pack with it
                    log.exception("the card for %s could not be drawn", item.path)
                    self.failed[r * cols + c] = CatalogItem(item.path, problem=f"{type(exc).__name__}: {exc}",
                                                            diagnostics=[f"{item.path.name}: error: this story "
                                                                         f"could not be shown ({exc})"])
                    content = []
                    h = self.wrench_card(ctx, content, item, x + m.pad, y + m.pad, card_w - 2 * m.pad, 1)
                    h += 2 * m.pad
                built.append((x, content, h, item, r * cols + c))
            row_h = max(b[2] for b in built)
            for x, content, _h, item, idx in built:
                rect = (x, y, card_w, row_h)
                focused = self.focus == idx
                items.append(Box(rect, ctx.c("surface"), m.radius))
                broken = not item.ok or idx in self.failed
                items.append(Box(rect, ctx.c("primary" if focused else ("flag" if broken else "border")),
                                 m.radius, m.border + (2 if focused else 0)))
                items.extend(content)
                if focused:
                    focus_ring(ctx, items, rect)
                items.append(Hit(rect, idx))
                self.add_focus(idx, rect, "grid")
            y += row_h + m.pad
        self.scroll_view("grid", area, items, y - top)

    def card(self, ctx: Ctx, items: list[Item], item: CatalogItem, x: int, y: int, w: int) -> int:
        """One card's content; returns its height."""
        m = ctx.m
        y0 = y
        scn = item.scenario
        if scn is None:
            return self.wrench_card(ctx, items, item, x, y, w, len(item.checked.errors) if item.checked else 1)
        app = main_app(scn)
        s = round(m.body * 1.9)
        if app:  # the app the story happens in: its mark beside the title
            app_mark(ctx, items, x, y, s, app)
        tx = x + s + m.gap if app else x
        th = text_block(ctx, items, tx, y, w - (tx - x), scn.title, style="bold", size=m.h2)
        y += max(s if app else 0, th) + m.gap
        cx = x  # chips: the age tier, the minutes and the app (not the theme: the title says what it is about)
        for label, icon in ((age_label(scn.age_tier.value), "person"), (_("{n} min").format(n=scn.minutes), "timer"),
                            (app, "phone")):
            if not label:
                continue
            cw, chh = chip_size(ctx, label, icon=icon, max_w=w)
            if cx > x and cx + cw > x + w:
                cx, y = x, y + chh + m.gap // 2
            chip(ctx, items, cx, y, label, icon=icon, max_w=w)
            cx += cw + m.gap // 2
        y += chh + m.gap
        y += text_block(ctx, items, x, y, w, scn.summary, size=m.small) + m.gap
        cast = [c for c in scn.characters][:5]
        if cast:  # who is in it: one avatar each, the same as in the story
            r = round(m.body * 0.75)
            for k, c in enumerate(cast):
                person_avatar(ctx, items, x + r + k * (2 * r + m.gap // 2), y + r, r, scn, c.id, None)
            y += 2 * r + m.gap
        stars = int(self.progress.get(scn.id, {}).get("stars", 0) or 0)
        s = round(m.body * 1.2)
        for i in range(3):
            items.append(Icon((x + i * (s + 4), y, s, s), "star_gold" if i < stars else "star_outline",
                              ctx.c("star_edge" if i < stars else "muted"), ctx.c("star") if i < stars else None))
        label = _("{n} of 3 stars").format(n=stars) if stars else _("Not played yet")
        one_line(ctx, items, x + 3 * (s + 4) + m.gap, y + (s - m.small) // 2 - 2, label, size=m.small, role="muted")
        y += s
        return y - y0

    def wrench_card(self, ctx: Ctx, items: list[Item], item: CatalogItem, x: int, y: int, w: int, n: int) -> int:
        """A broken story's card: a wrench, its title (and file), how many problems; returns its height."""
        m = ctx.m
        y0 = y
        ic = round(m.body * 1.8)
        items.append(Icon((x, y, ic, ic), "wrench", ctx.c("flag")))
        y += ic + m.gap // 2
        title = item.path.name
        try:
            title = item.title
        except Exception:  # noqa: BLE001 - the file name always names it
            pass
        y += text_block(ctx, items, x, y, w, title, style="bold", size=m.h2) + m.gap
        if title != item.path.name:  # several broken copies of one story: the file tells them apart
            y += text_block(ctx, items, x, y, w, item.path.name, role="muted", size=m.small) + m.gap
        cw, ch = chip(ctx, items, x, y, _("Needs fixes: {n} problem(s)").format(n=n), icon="wrench", fg="flag",
                      bg="flag_soft", max_w=w)
        y += ch + m.gap
        y += text_block(ctx, items, x, y, w, _("Press Enter to see what to fix."), role="muted", size=m.small)
        return y - y0

    def activate(self, target: Hashable, intent: Intent) -> bool:
        if target == "help":
            from ..intents import Help

            self.app.dispatch(Help())
            return True
        if target == "quick_exit":
            from ..intents import QuickExit

            self.app.dispatch(QuickExit())
            return True
        if isinstance(target, int) and 0 <= target < len(self.items):
            self.open(self.failed.get(target, self.items[target]))
            return True
        return False

    def open(self, item: CatalogItem) -> None:
        """A playable card opens its content note; a broken one opens its diagnostics."""
        if item.ok:
            from .content_note import ContentNoteScene

            self.app.push(ContentNoteScene(self.app, item))
        else:
            from .diagnostics import DiagnosticsScene

            self.app.push(DiagnosticsScene(self.app, item))

    def handle(self, intent: Intent) -> bool:
        from ..intents import Choose, Next

        if isinstance(intent, Next) and self.focus is not None:
            return self.activate(self.focus, intent)
        if isinstance(intent, Choose) and 0 <= intent.index < len(self.items):
            self.set_focus(intent.index)
            return True
        return super().handle(intent)

    def back(self) -> bool:
        self.app.go_title()
        return True
