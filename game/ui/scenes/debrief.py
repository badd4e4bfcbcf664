"""Debrief (starter version): red flags named where they appeared, questions one per page, help a friend, help lines."""

from __future__ import annotations

from typing import Hashable, Optional

from ...engine.beats import DebriefBeat
from ..display import Box, Icon, Item
from ..i18n import _
from ..intents import Intent, Next
from ..layout import Ctx
from ..play import PlaySession
from ..widgets import text_block
from .help import resource_card
from .page import PageScene
from .panel import tag_chips


class DebriefScene(PageScene):
    """Pages: red flags, each discussion question, help a friend, this theme's help lines."""

    name = "debrief"

    def __init__(self, app, session: PlaySession) -> None:  # type: ignore[no-untyped-def]
        super().__init__(app)
        self.session = session
        scn = session.scn
        self.help_theme = scn.theme
        self.help_ids = list(scn.debrief.resources) if scn.debrief else []
        self.page = 0
        d = scn.debrief
        self.pages: list[tuple[str, int]] = []
        if d is not None:
            self.pages.append(("flags", 0))
            self.pages.extend(("question", i) for i in range(len(d.questions)))
            self.pages.append(("friend", 0))
            self.pages.append(("resources", 0))

    def enter(self) -> None:
        if not self.pages:
            self.finish()

    def page_title(self) -> str:
        return _("Debrief: {title}").format(title=self.session.scn.title)

    def status(self) -> str:
        return _("Page {n} of {total}").format(n=self.page + 1, total=max(1, len(self.pages)))

    def screen_key(self) -> tuple:
        return (self.name, self.page)

    def screen_name(self) -> str:
        kind = self.pages[self.page][0] if self.pages else "end"
        return f"debrief-{kind}"

    def default_focus(self, targets: list[Hashable]) -> Hashable:
        return "next" if "next" in targets else (targets[0] if targets else None)

    def class_context(self) -> tuple[Optional[str], list[str]]:
        """Leading a class: D shows this page's question large; N shows the debrief's teacher notes."""
        d = self.session.scn.debrief
        if d is None:
            return None, []
        kind, idx = self.pages[self.page] if self.pages else ("", 0)
        return (d.questions[idx] if kind == "question" else None), [d.teacher_notes] if d.teacher_notes else []

    def column(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
        m = ctx.m
        y0 = y
        d = self.session.scn.debrief
        if d is None or not self.pages:
            return 0
        kind, idx = self.pages[self.page]
        pack = self.session.item.pack
        if kind == "flags":
            y += text_block(ctx, items, x, y, w, _("The red flags in this story"), style="bold", size=m.h1) + m.pad
            for rf in d.red_flags:
                inner: list[Item] = []
                iy = y + m.gap
                ic = round(m.body * 1.3)
                inner.append(Icon((x + m.gap, iy, ic, ic), "flag", ctx.c("flag")))
                iy += text_block(ctx, inner, x + m.gap + ic + m.gap, iy, w - 3 * m.gap - ic,
                                 _("Red flag: {label}").format(label=rf.label), style="bold", role="flag") + 4
                iy += text_block(ctx, inner, x + m.gap, iy, w - 2 * m.gap, f"\u201c{rf.quote}\u201d") + 4
                iy += text_block(ctx, inner, x + m.gap, iy, w - 2 * m.gap, rf.explain, role="muted")
                if rf.tags:
                    iy += m.gap // 2
                    iy += tag_chips(self, ctx, inner, x + m.gap, iy, w - 2 * m.gap, list(rf.tags),  # type: ignore[arg-type]
                                    tactic_word=True)
                hh = iy - y + m.gap
                items.append(Box((x, y, w, hh), ctx.c("surface"), m.small_radius))
                items.append(Box((x, y, max(4, m.gap // 2), hh), ctx.c("flag")))
                items.extend(inner)
                y += hh + m.gap
        elif kind == "question":
            y += text_block(ctx, items, x, y, w, _("Question {n} of {total}").format(n=idx + 1, total=len(d.questions)),
                            role="muted") + m.pad
            y += text_block(ctx, items, x, y, w, d.questions[idx], style="bold", size=m.display) + m.pad
        elif kind == "friend":
            ic = round(m.body * 2.2)
            items.append(Icon((x, y, ic, ic), "people", ctx.c("safe")))
            y += ic + m.gap
            y += text_block(ctx, items, x, y, w, _("If this happens to a friend"), style="bold", size=m.h1) + m.gap
            y += text_block(ctx, items, x, y, w, d.help_a_friend, size=m.h2) + m.pad
        else:
            y += text_block(ctx, items, x, y, w, _("Who can help"), style="bold", size=m.h1) + m.pad
            for r in self.app.library.resources(self.session.scn.theme, list(d.resources), pack)[:4]:
                y += resource_card(ctx, items, r, x, y, w) + m.gap
        y += m.gap
        label = _("Next") if self.page < len(self.pages) - 1 else _("See my results")
        r = self.add_button(ctx, items, x, y, w, label, "next", icon="chevron_right", hint=_("Enter"))
        y += r[3] + m.gap
        if self.page > 0:
            r = self.add_button(ctx, items, x, y, w, _("Back"), "prev", style="secondary", icon="chevron_left")
            y += r[3]
        return y - y0

    def handle(self, intent: Intent) -> bool:
        if isinstance(intent, Next):
            return self.activate("next", intent)
        return super().handle(intent)

    def activate(self, target: Hashable, intent: Intent) -> bool:
        if target == "next":
            if self.page < len(self.pages) - 1:
                self.page += 1
                self.scrolls = {}
                self.focus = None
                self.invalidate()
                self._reached()
            else:
                self.finish()
            return True
        if target == "prev":
            return self.back()
        return super().activate(target, intent)

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
            self.page -= 1
            self.scrolls = {}
            self.focus = None
            self.invalidate()
        return True

    def finish(self) -> None:
        """On to the summary."""
        from .summary import SummaryScene

        if isinstance(self.session.beat(), DebriefBeat):
            self.session.advance()
        self.app.replace(SummaryScene(self.app, self.session))
