"""'Everyone plays' on the projector: how to join, then the class's totals only (joined, playing, finished; endings;
the decisions to talk about first; the red flags most often missed), and ending the room at any moment."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Hashable, Optional, Sequence

from ...net.room import short
from ..display import Box, Icon, Item
from ..i18n import _, ngettext
from ..layout import Ctx
from ..qr_draw import draw_qr
from ..widgets import panel, text_block
from .page import PageScene
from .room import short_address, spaced

if TYPE_CHECKING:
    from ...net.plays import Count, PlaysSnapshot
    from ...session.catalog import CatalogItem
    from ..host import SceneHost



def tone_words(tone: str) -> str:
    """How an ending felt, in words (a hard ending is never 'failed')."""
    return {"safe": _("a safe ending"), "help_sought": _("reached out for help"),
            "risky": _("a hard ending")}.get(tone, tone)


class PlaysRoomScene(PageScene):
    """The projector while every student plays their own path on their own device (aggregates only)."""

    name = "plays-room"
    column_chars = 64

    def __init__(self, app: SceneHost, stories: Sequence[CatalogItem], choose: bool) -> None:
        super().__init__(app)
        self.stories = {s.id: s for s in stories}
        self.choose = choose
        self.help_theme = None
        self.last: Optional[PlaysSnapshot] = None
        """The totals as they were when the room closed (they stay on screen for the talk)."""

    # ------------------------------------------------------------- reading
    def snapshot(self) -> Optional[PlaysSnapshot]:
        """The live totals, or the last ones once the room closed."""
        room = self.app.room
        plays = room.plays if room is not None else None
        if plays is not None:
            self.last = plays.snapshot
        return self.last

    def joined(self) -> int:
        room = self.app.room
        return room.snapshot.devices if room is not None and room.plays is not None else 0

    @property
    def open(self) -> bool:
        """True while the room is open."""
        return self.app.room is not None and self.app.room.plays is not None

    def page_title(self) -> str:
        return _("Everyone plays")

    def screen_key(self) -> tuple:
        room = self.app.room
        return (self.name, room.url if room else None, self.joined(), self.snapshot())

    def status(self) -> str:
        snap = self.snapshot()
        finished = snap.finished if snap is not None else 0
        return ngettext("{n} device finished", "{n} devices finished", finished).format(n=finished)

    def default_focus(self, targets: list[Hashable]) -> Optional[Hashable]:
        return "end" if "end" in targets else ("done" if "done" in targets else None)

    # ------------------------------------------------------------- drawing
    def column(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
        m = ctx.m
        y0 = y
        side = m.wide and w >= m.body * 48  # a projector: how to join and the counts left, the lists right
        y += text_block(ctx, items, x, y, w, self.heading(), style="bold", size=m.h1 if side else m.h2) + m.gap
        lw = round(w * 0.42) if side else w
        room = self.app.room
        ly = y
        if room is not None and self.open:
            ly = self.join_block(ctx, items, x, ly, lw, room.url, room.code) + m.pad
        else:
            notes = self.app.room_notice or _("The room is closed. Devices show \u201cThe lesson has ended\u201d.")
            ly += text_block(ctx, items, x, ly, lw, notes, role="muted") + m.pad
        snap = self.snapshot()
        ly = self.counts_block(ctx, items, x, ly, lw, snap) + m.pad
        ly += text_block(ctx, items, x, ly, lw, _(
            "Only totals are shown here, never one device's path. No names are kept."), role="muted") + m.pad
        rx, rw, ry = (x + lw + m.pad * 2, w - lw - m.pad * 2, y) if side else (x, w, ly)
        if snap is not None:
            ry = self.list_block(ctx, items, rx, ry, rw, _("Talk about these first"), "lightbulb", [
                (self.decision_text(c), ngettext("{n} of {of} chose a riskier option",
                                                 "{n} of {of} chose a riskier option", c.count)
                 .format(n=c.count, of=c.of), c.count / c.of) for c in snap.riskier],
                _("No riskier choices yet."))
            ry = self.list_block(ctx, items, rx, ry, rw, _("Red flags most often missed"), "flag_outline", [
                (self.flag_text(c), ngettext("missed by {n} of {of}", "missed by {n} of {of}", c.count)
                 .format(n=c.count, of=c.of), c.count / c.of) for c in snap.missed],
                _("No missed red flags yet."))
            total = max(1, sum(e.count for e in snap.endings))
            ry = self.list_block(ctx, items, rx, ry, rw, _("Endings reached"), "chart", [
                (self.ending_text(e.story, e.ending), ngettext("{n} device \u00b7 {tone}", "{n} devices \u00b7 {tone}",
                                                               e.count).format(n=e.count, tone=tone_words(e.tone)),
                 e.count / total) for e in snap.endings], _("No endings reached yet."))
        if self.open:
            self.add_button(ctx, items, x, 0, w, _("End the lesson on devices"), "end", icon="exit",
                            style="secondary", sticky=True)
        else:
            self.add_button(ctx, items, x, 0, w, _("Done"), "done", icon="chevron_right", hint=_("Enter"),
                            sticky=True)
        return max(ly, ry) - y0

    def heading(self) -> str:
        if self.choose:
            return _("Students choose a story on their own devices")
        story = next(iter(self.stories.values()), None)
        return _("Everyone plays \u201c{title}\u201d on their own device").format(
            title=story.title if story is not None else "")

    def join_block(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int, url: str, code: str) -> int:
        """A QR code, the short address and the room code, side by side; returns the bottom."""
        m = ctx.m
        side = max(round(m.body * 5), min(round(w * 0.42), round(m.body * 11)))  # readable from the back
        qr = draw_qr(items, x, y, side, url)
        tx, tw = x + qr[2] + m.pad, w - qr[2] - m.pad
        ty = y + text_block(ctx, items, tx, y, tw, _("Room code:"), size=m.h2) + m.gap // 2  # the code first: it must
        ty += text_block(ctx, items, tx, ty, tw, spaced(code), style="bold", size=m.display) + m.gap  # stay in view
        ty += text_block(ctx, items, tx, ty, tw, _("Same Wi-Fi, then scan the code or open:"), size=m.h2)
        ty += m.gap // 2
        ty += text_block(ctx, items, tx, ty, tw, short_address(url), style="bold", size=m.h2)
        return max(ty, y + qr[3])

    def counts_block(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int,
                     snap: Optional[PlaysSnapshot]) -> int:
        """Three cards: joined, playing, finished (big numbers with words); returns the bottom."""
        m = ctx.m
        cells = [(self.joined(), _("joined"), "people"), (snap.playing if snap else 0, _("playing"), "chat"),
                 (snap.finished if snap else 0, _("finished"), "check")]
        cw = (w - 2 * m.gap) // 3
        heights = []
        for k, (n, words, _icon) in enumerate(cells):
            cx = x + k * (cw + m.gap)
            inner: list[Item] = []
            h = text_block(ctx, inner, cx + m.gap, y + m.gap, cw - 2 * m.gap, str(n), style="bold", size=m.display)
            h += text_block(ctx, inner, cx + m.gap, y + m.gap + h, cw - 2 * m.gap, words, role="muted")
            heights.append((cx, h + 2 * m.gap, inner))
        ch = max(h for _cx, h, _i in heights)
        for cx, _h, inner in heights:
            panel(ctx, items, (cx, y, cw, ch))
            items.extend(inner)
        y += ch
        if snap is not None and snap.left:
            y += m.gap + text_block(ctx, items, x, y + m.gap, w, ngettext(
                "{n} student chose not to play or left the story (that is always fine)",
                "{n} students chose not to play or left the story (that is always fine)", snap.left)
                .format(n=snap.left), role="muted")
        return y

    def list_block(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int, title: str, icon: str,
                   rows: list[tuple[str, str, float]], empty: str) -> int:
        """A heading with an icon, then one row per line: the words, the count in words and a bar; returns the
        bottom."""
        m = ctx.m
        ic = round(m.h2 * 1.2)
        items.append(Icon((x, y, ic, ic), icon, ctx.c("primary")))
        y += max(ic, text_block(ctx, items, x + ic + m.gap, y, w - ic - m.gap, title, style="bold", size=m.h2))
        y += m.gap
        if not rows:
            return y + text_block(ctx, items, x, y, w, empty, role="muted") + m.pad
        bar_h = max(8, round(m.body * 0.5))
        for text, count, share in rows:
            y += text_block(ctx, items, x, y, w, text) + m.gap // 3
            y += text_block(ctx, items, x, y, w, count, style="bold", role="muted") + m.gap // 3
            items.append(Box((x, y, w, bar_h), ctx.c("surface_alt"), bar_h // 2))
            items.append(Box((x, y, max(bar_h, round(w * max(0.0, min(1.0, share)))), bar_h), ctx.c("primary"),
                             bar_h // 2))
            y += bar_h + m.gap
        return y + m.pad

    # ------------------------------------------------------------- words for the rows
    def _story(self, story: str) -> Any:
        it = self.stories.get(story)
        return it.scenario if it is not None else None

    def _prefix(self, story: str) -> str:
        scn = self._story(story)
        return f"{scn.title}: " if self.choose and scn is not None else ""

    def decision_text(self, c: Count) -> str:
        """The decision's prompt (or, without one, the last message before it), with the story when students
        chose."""
        text = c.text
        scn = self._story(c.story)
        node = scn.nodes.get(c.node) if scn is not None else None
        if not text and node is not None and node.messages:
            text = "\u201c" + short(node.messages[-1].text, 120) + "\u201d"
        return self._prefix(c.story) + (text or _("A decision"))

    def flag_text(self, c: Count) -> str:
        return self._prefix(c.story) + "\u201c" + c.text + "\u201d"

    def ending_text(self, story: str, ending: str) -> str:
        scn = self._story(story)
        node = scn.nodes.get(ending) if scn is not None else None
        title = node.ending.title if node is not None and node.ending is not None else ending
        return self._prefix(story) + title

    # ------------------------------------------------------------- acting
    def end(self) -> None:
        """End the room now: every play ends, devices show that the lesson has ended."""
        from ..devices import close_room

        self.snapshot()
        close_room(self.app)  # type: ignore[arg-type]
        self.app.room_notice = None
        self.invalidate()

    def activate(self, target: Hashable, intent: object) -> bool:  # type: ignore[override]
        if target == "end":
            self.end()
            return True
        if target == "done":
            self.dismiss(None)
            return True
        return super().activate(target, intent)  # type: ignore[arg-type]

    def back(self) -> bool:
        if self.open:  # Esc never ends a lesson by accident: it moves to the End button
            self.set_focus("end")
            self.invalidate()
            return True
        self.dismiss(None)
        return True
