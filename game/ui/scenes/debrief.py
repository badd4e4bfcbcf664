"""Debrief: the replay with each red flag lit up in place, questions one per page, help a friend, help lines."""

from __future__ import annotations

from typing import Hashable, Optional

from ...content.schema import RedFlag
from ...engine.beats import DebriefBeat
from ...session.play import PlaySession
from ..display import Box, Icon, Item, RectT
from ..host import SceneHost
from ..i18n import _
from ..intents import Focus, Intent, Next
from ..kinds.common import block
from ..layout import Ctx
from .help import pack_lines_block, resource_card
from .page import PageScene, bottom_bar, top_bar
from .panel import tag_chips
from .replay import Replay, build_replay


class DebriefScene(PageScene):
    """Pages: the replay (arrows step through the red flags), other red flags, each discussion question, help a
    friend, this theme's help lines."""

    name = "debrief"

    def __init__(self, app: SceneHost, session: PlaySession) -> None:
        super().__init__(app)
        self.session = session
        scn = session.scn
        self.help_theme = scn.theme
        self.help_ids = session.help_ids()
        self.page = 0
        self.flag = 0
        """Position of the current red flag among those the player saw (replay page)."""
        self._scroll_to: Optional[int] = None
        self.replay: Optional[Replay] = None
        d = scn.debrief
        _nodes, self.seen, self.unseen = session.replay()
        self.pages: list[tuple[str, int]] = []
        if d is not None:
            if self.seen:
                self.pages.append(("replay", 0))
            if self.unseen:
                self.pages.append(("others", 0))
            self.pages.extend(("question", i) for i in range(len(d.questions)))
            self.pages.append(("friend", 0))
            self.pages.append(("resources", 0))

    def enter(self) -> None:
        if not self.pages:
            self.finish()
            return
        if self.kind == "replay":
            self._scroll_to = self.current_flag
        self._reached()  # a first page that is a question is reached too (as on the devices)

    @property
    def kind(self) -> str:
        """The kind of the current page."""
        return self.pages[self.page][0] if self.pages else ""

    @property
    def current_flag(self) -> Optional[int]:
        """The debrief index of the red flag the replay is on."""
        return self.seen[self.flag] if self.seen else None

    def page_title(self) -> str:
        return _("Debrief: {title}").format(title=self.session.scn.title)

    def status(self) -> str:
        return _("Page {n} of {total}").format(n=self.page + 1, total=max(1, len(self.pages)))

    def screen_key(self) -> tuple:
        return (self.name, self.page)

    def screen_name(self) -> str:
        return f"debrief-{self.kind or 'end'}"

    def default_focus(self, targets: list[Hashable]) -> Hashable:
        return "next" if "next" in targets else (targets[0] if targets else None)

    def class_context(self) -> tuple[Optional[str], list[str]]:
        """Leading a class: D shows this page's question large; N shows the debrief's teacher notes."""
        d = self.session.scn.debrief
        if d is None:
            return None, []
        kind, idx = self.pages[self.page] if self.pages else ("", 0)
        return (d.questions[idx] if kind == "question" else None), [d.teacher_notes] if d.teacher_notes else []

    def tactic_of(self, rf: RedFlag) -> str:
        """The chip's name for a red flag: its first tactic's label from tags.yaml, else its own label."""
        lib = self.app.library
        for t in rf.tags:
            tag = lib.tag(t, self.session.item.pack)
            if tag is not None and tag.on_screen:
                return tag.label
        return rf.label

    # ------------------------------------------------------------- the replay page
    def build(self, ctx: Ctx) -> None:
        if self.kind != "replay":
            self.replay = None
            super().build(ctx)
            return
        m = ctx.m
        top = top_bar(self, ctx, self.page_title())
        bottom = bottom_bar(self, ctx, self.status())
        mid_y, mid_h = top + m.pad, m.h - top - bottom - 2 * m.pad
        if m.wide:
            fw = round(m.w * 0.55) - m.pad
            area: RectT = (m.pad, mid_y, fw - m.pad, mid_h)
            panel: RectT = (fw + m.pad, top, m.w - fw - m.pad, m.h - top - bottom)
        else:
            fh = round(mid_h * 0.55)
            area = (m.pad, mid_y, m.w - 2 * m.pad, fh)
            panel = (0, mid_y + fh + m.gap, m.w, mid_h - fh - m.gap + m.pad)
        self._replay_area(ctx, area)
        items: list[Item] = []
        x, w = panel[0] + m.pad, panel[2] - 2 * m.pad
        h = self._flag_card(ctx, items, x, panel[1] + m.pad, w)
        self.scroll_view("page", panel, items, h + 2 * m.pad)
        self.main_scroll = "replay"

    def _replay_area(self, ctx: Ctx, area: RectT) -> None:
        m = ctx.m
        x, y, w, h = area
        self.dl.add(Box(area, ctx.c("surface"), m.radius))
        self.dl.add(Box(area, ctx.c("border" if ctx.theme.high_contrast else "surface_alt"), m.radius, m.border))
        ic = round(m.body * 1.1)
        hx, hw = x + m.pad, w - 2 * m.pad
        self.dl.add(Icon((hx, y + m.gap, ic, ic), "flag", ctx.c("flag")))
        hh = block(ctx, self.dl.items, hx + ic + m.gap, y + m.gap, hw - ic - m.gap, _("Replay: what you saw"),
                        style="bold")
        hh = max(hh, ic)
        sh = block(ctx, self.dl.items, hx, y + m.gap + hh, hw,
                        _("Each red flag is lit up where it appeared."), role="muted", size=m.small)
        head = m.gap + hh + sh + m.gap
        view: RectT = (x + m.border, y + head, w - 2 * m.border, h - head - m.border)
        bw = min(view[2] - 2 * m.gap, round(m.body * 26))
        bx = view[0] + (view[2] - bw) // 2
        rep = build_replay(ctx, self.session.scn, self.session.replay(), bx, view[1] + m.gap, bw, view[3],
                           self.tactic_of, self.session.asset, self.current_flag)
        self.replay = rep
        self.scroll_view("replay", view, rep.items, rep.height + 2 * m.gap)

    def _flag_card(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
        """The current red flag: number, name, the words, why it matters, the tactic; step buttons."""
        m = ctx.m
        y0 = y
        idx = self.current_flag
        d = self.session.scn.debrief
        if idx is None or d is None:
            return 0
        rf = d.red_flags[idx]
        ic = round(m.body * 1.2)
        items.append(Icon((x, y, ic, ic), "flag", ctx.c("flag")))
        th = block(ctx, items, x + ic + m.gap, y, w - ic - m.gap,
                        _("Red flag {n} of {total}").format(n=self.flag + 1, total=len(self.seen)), style="bold",
                        role="flag")
        y += max(ic, th) + m.gap // 2
        y += block(ctx, items, x, y, w, rf.label, style="bold", size=m.h1) + m.gap
        inner: list[Item] = []
        qh = block(ctx, inner, x + m.pad, y + m.gap, w - m.pad - m.gap, f"\u201c{rf.quote}\u201d", style="bold")
        items.append(Box((x, y, w, qh + 2 * m.gap), ctx.c("flag_soft"), m.small_radius))
        items.append(Box((x, y, max(4, m.gap // 2), qh + 2 * m.gap), ctx.c("flag")))
        items.extend(inner)
        y += qh + 2 * m.gap + m.gap
        y += block(ctx, items, x, y, w, rf.explain) + m.gap
        if rf.tags:
            y += tag_chips(self, ctx, items, x, y, w, list(rf.tags), tactic_word=True) + m.gap  # type: ignore[arg-type]
        y += m.gap
        last = self.flag >= len(self.seen) - 1
        label = _("Next red flag") if not last else _("Continue")
        r = self.add_button(ctx, items, x, y, w, label, "next", icon="chevron_right", hint=_("Enter"))
        y += r[3] + m.gap
        if self.flag > 0:
            r = self.add_button(ctx, items, x, y, w, _("Previous red flag"), "prev", style="secondary",
                                icon="chevron_left")
            y += r[3] + m.gap
        y += block(ctx, items, x, y, w, _("Left and right arrows step through the red flags."), role="muted",
                        size=m.small)
        return y - y0

    def layout(self, ctx: Ctx) -> None:
        super().layout(ctx)
        target, self._scroll_to = self._scroll_to, None
        sv = self.scrolls.get("replay")
        if target is None or sv is None or self.replay is None or not self.replay.anchors.get(target):
            return
        sv.offset = int(self.replay.scroll_to(self.replay.anchors[target], sv.rect[1], sv.view_h, ctx.m.gap))
        sv.clamp()

    def step_flag(self, delta: int) -> bool:
        """Move to the next or previous red flag in the replay; False at either end."""
        n = self.flag + delta
        if not 0 <= n < len(self.seen):
            return False
        self.flag = n
        self._scroll_to = self.current_flag
        self.invalidate()
        return True

    # ------------------------------------------------------------- the other pages
    def column(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
        m = ctx.m
        y0 = y
        d = self.session.scn.debrief
        if d is None or not self.pages:
            return 0
        kind, idx = self.pages[self.page]
        pack = self.session.item.pack
        if kind == "others":
            title = _("Other red flags in this story") if self.seen else _("The red flags in this story")
            y += block(ctx, items, x, y, w, title, style="bold", size=m.h1) + m.gap
            if self.seen:
                y += block(ctx, items, x, y, w, _("These were on screens your path did not show."),
                                role="muted") + m.pad
            for i in self.unseen:
                y += self._flag_block(ctx, items, d.red_flags[i], x, y, w) + m.gap
        elif kind == "question":
            ic = round(m.body * 2)
            items.append(Icon((x, y, ic, ic), "chat", ctx.c("primary"), ctx.c("surface")))
            block(ctx, items, x + ic + m.gap, y + (ic - m.body) // 2 - 2, w - ic - m.gap,
                       _("Question {n} of {total}").format(n=idx + 1, total=len(d.questions)), role="muted")
            y += ic + m.pad
            y += block(ctx, items, x, y, w, d.questions[idx], style="bold", size=m.display) + m.pad
            y += block(ctx, items, x, y, w, _("Talk it over before you go on."), role="muted") + m.pad
        elif kind == "friend":
            ic = round(m.body * 2.2)
            items.append(Icon((x, y, ic, ic), "people", ctx.c("safe")))
            y += ic + m.gap
            y += block(ctx, items, x, y, w, _("If this happens to a friend"), style="bold", size=m.h1) + m.gap
            y += block(ctx, items, x, y, w, d.help_a_friend, size=m.h2) + m.pad
        else:
            y += block(ctx, items, x, y, w, _("Who can help"), style="bold", size=m.h1) + m.pad
            for r in self.app.library.resources(self.session.scn.theme, list(d.resources), pack)[:4]:
                y += resource_card(ctx, items, r, x, y, w) + m.gap
            y += pack_lines_block(ctx, items, *self.app.library.pack_resources(pack), x, y, w)
        y += m.gap
        label = _("Next") if self.page < len(self.pages) - 1 else _("See my results")
        r = self.add_button(ctx, items, x, y, w, label, "next", icon="chevron_right", hint=_("Enter"), sticky=True)
        y += r[3] + m.gap
        if self.page > 0:
            r = self.add_button(ctx, items, x, y, w, _("Back"), "prev", style="secondary", icon="chevron_left",
                                sticky=True)
            y += r[3]
        return y - y0

    def _flag_block(self, ctx: Ctx, items: list[Item], rf: RedFlag, x: int, y: int, w: int) -> int:
        """A red flag the player did not see, as a card: name, the words, why, the tactic."""
        m = ctx.m
        inner: list[Item] = []
        iy = y + m.gap
        ic = round(m.body * 1.3)
        inner.append(Icon((x + m.gap, iy, ic, ic), "flag", ctx.c("flag")))
        iy += max(ic, block(ctx, inner, x + m.gap + ic + m.gap, iy, w - 3 * m.gap - ic,
                                 _("Red flag: {label}").format(label=rf.label), style="bold", role="flag")) + 4
        iy += block(ctx, inner, x + m.gap, iy, w - 2 * m.gap, f"\u201c{rf.quote}\u201d") + 4
        iy += block(ctx, inner, x + m.gap, iy, w - 2 * m.gap, rf.explain, role="muted")
        if rf.tags:
            iy += m.gap // 2
            iy += tag_chips(self, ctx, inner, x + m.gap, iy, w - 2 * m.gap, list(rf.tags),  # type: ignore[arg-type]
                            tactic_word=True)
        hh = iy - y + m.gap
        items.append(Box((x, y, w, hh), ctx.c("surface"), m.small_radius))
        items.append(Box((x, y, max(4, m.gap // 2), hh), ctx.c("flag")))
        items.extend(inner)
        return hh

    # ------------------------------------------------------------- input
    def handle(self, intent: Intent) -> bool:
        if isinstance(intent, Next):
            return self.activate("next", intent)
        if self.kind == "replay" and isinstance(intent, Focus) and intent.dx and not intent.linear:
            self.step_flag(1 if intent.dx > 0 else -1)
            return True
        return super().handle(intent)

    def activate(self, target: Hashable, intent: Intent) -> bool:
        if target == "next":
            if self.kind == "replay" and self.step_flag(1):
                return True
            if self.page < len(self.pages) - 1:
                self.turn(1)
            else:
                self.finish()
            return True
        if target == "prev":
            if self.kind == "replay" and self.step_flag(-1):
                return True
            return self.back()
        return super().activate(target, intent)

    def turn(self, delta: int) -> None:
        """Go to the next or previous page."""
        self.page = max(0, min(len(self.pages) - 1, self.page + delta))
        self.scrolls = {}
        self.focus = None
        if self.kind == "replay":
            self._scroll_to = self.current_flag
        self.invalidate()
        if delta > 0:
            self._reached()

    def _reached(self) -> None:
        """Record how many questions were reached (for class reports)."""
        kind, idx = self.pages[self.page]
        if kind == "question":
            self.session.questions_reached = max(getattr(self.session, "questions_reached", 0), idx + 1)
        if kind == "question" and self.session.store is not None and self.session.session_id is not None:
            try:
                self.session.store.set_questions_reached(self.session.session_id, idx + 1)
            except Exception:  # noqa: BLE001
                pass

    def back(self) -> bool:
        if self.page > 0:
            self.turn(-1)
        return True

    def finish(self) -> None:
        """On to the summary."""
        from .summary import SummaryScene

        if isinstance(self.session.beat(), DebriefBeat):
            self.session.advance()
        self.app.replace(SummaryScene(self.app, self.session))
