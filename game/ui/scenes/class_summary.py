"""The class summary after the ending: a bar chart for every vote and the class's spot-the-flags results."""

from __future__ import annotations

from typing import TYPE_CHECKING, Hashable, Optional

from ...session.classroom import ClassDecision
from ..class_widgets import vote_chart
from ..display import Box, Icon, Item
from ..i18n import _, ngettext
from ..intents import Intent, Next
from ..layout import Ctx
from ..widgets import chip, text_block
from .class_panel import split_marks, split_sentence
from .page import PageScene

if TYPE_CHECKING:
    from ...session.play import PlaySession
    from ..host import SceneHost

SPOT_OUTCOMES = {
    "hit": ("flag", "flag", "flag_soft"),
    "miss": ("flag_outline", "flag", "flag_soft"),
    "false_alarm": ("shield", "safe", "safe_soft"),
    "clear": ("check", "safe", "safe_soft"),
}


def spot_outcome(flag: bool, marked: bool) -> str:
    """hit, miss, false_alarm or clear."""
    if flag:
        return "hit" if marked else "miss"
    return "false_alarm" if marked else "clear"


def spot_words(outcome: str) -> str:
    """Words for a part's outcome (the class's view, never colour alone)."""
    return {"hit": _("Red flag - the class spotted it"), "miss": _("Red flag - missed"),
            "false_alarm": _("Not a red flag - marked"), "clear": _("Not a red flag - left alone")}[outcome]


class ClassSummaryScene(PageScene):
    """'How the class voted': every decision of the session, scrollable, before the debrief (a bridge into it)."""

    name = "class-summary"
    column_chars = 44

    def __init__(self, app: SceneHost, session: PlaySession) -> None:
        super().__init__(app)
        self.session = session
        self.help_theme = session.scn.theme
        self.help_ids = session.help_ids()

    def class_context(self) -> tuple[Optional[str], list[str]]:
        """N here shows the debrief's teacher notes (what to watch for in the talk that follows)."""
        d = self.session.scn.debrief
        return None, [d.teacher_notes] if d is not None and d.teacher_notes else []

    def page_title(self) -> str:
        return _("How the class voted: {title}").format(title=self.session.scn.title)

    def status(self) -> str:
        return _("T timer \u00b7 N notes")

    def default_focus(self, targets: list[Hashable]) -> Hashable:
        return "next" if "next" in targets else (targets[0] if targets else None)

    def column(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
        m = ctx.m
        y0 = y
        log = self.session.log
        ic = round(m.body * 1.8)
        items.append(Icon((x, y, ic, ic), "chart", ctx.c("primary")))
        th = text_block(ctx, items, x + ic + m.gap, y, w - ic - m.gap, _("How the class voted"), style="bold",
                        size=m.h1)
        y += max(ic, th) + m.gap
        label = self.app.classroom.label if self.app.classroom is not None else None
        intro = ngettext("The class made {n} decision in this story.", "The class made {n} decisions in this story.",
                         len(log)).format(n=len(log))
        if label:
            intro = _("{label}: {intro}").format(label=label, intro=intro)
        y += text_block(ctx, items, x, y, w, intro + " " + _("Look back together, then go on to the debrief."),
                        role="muted") + m.pad
        if not log:
            y += text_block(ctx, items, x, y, w, _("No votes were taken in this story.")) + m.pad
        for step, d in enumerate(log, 1):
            y += self.decision_card(ctx, items, x, y, w, step, d) + m.pad
        r = self.add_button(ctx, items, x, y, w, _("On to the debrief"), "next", icon="chevron_right",
                            hint=_("Enter"))
        y += r[3] + m.gap
        r = self.add_button(ctx, items, x, y, w, _("Radar check after the last story"), "radar", style="secondary",
                            icon="search")
        return y + r[3] - y0

    def decision_card(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int, step: int, d: ClassDecision) -> int:
        """One decision: its step and question, then the bars (a vote) or the parts (spot-the-flags)."""
        m = ctx.m
        inner: list[Item] = []
        ix, iw = x + m.pad, w - 2 * m.pad
        iy = y + m.pad
        kind = _("Vote") if d.kind == "choice" else _("Spot the red flags")
        iy += text_block(ctx, inner, ix, iy, iw, _("Step {n} \u00b7 {kind}").format(n=step, kind=kind), role="muted",
                         size=m.small) + m.gap // 2
        if d.prompt:
            iy += text_block(ctx, inner, ix, iy, iw, d.prompt, style="bold") + m.gap
        if d.kind == "choice":
            votes = d.votes if d.votes is not None else [1 if i == d.chosen else 0 for i in range(len(d.options))]
            iy += vote_chart(ctx, inner, ix, iy, iw, d.options, votes, marks=split_marks(d)) + m.gap
            sentence = split_sentence(d)
            if sentence:
                iy += text_block(ctx, inner, ix, iy, iw, sentence) + m.gap
        else:
            flags = sum(1 for f in d.flags if f)
            iy += text_block(ctx, inner, ix, iy, iw, _(
                "Red flags found: {hits} of {flags}. Missed: {misses}. Safe parts marked: {fa}.").format(
                hits=d.hits, flags=flags, misses=d.misses, fa=d.false_alarms), style="bold") + m.gap
            for i, text in enumerate(d.options):
                outcome = spot_outcome(d.flags[i] if i < len(d.flags) else False, i in d.selected)
                icon, fg, bg = SPOT_OUTCOMES[outcome]
                cw, ch = chip(ctx, inner, ix, iy, spot_words(outcome), icon=icon, fg=fg, bg=bg, max_w=iw)
                iy += ch + m.gap // 2
                iy += text_block(ctx, inner, ix, iy, iw, f"\u201c{text}\u201d", size=m.small) + m.gap
        iy += m.gap
        h = iy - y
        items.append(Box((x, y, w, h), ctx.c("surface"), m.radius))
        items.append(Box((x, y, w, h), ctx.c("border" if ctx.theme.high_contrast else "surface_alt"), m.radius,
                         m.border))
        items.extend(inner)
        return h

    def handle(self, intent: Intent) -> bool:
        if isinstance(intent, Next):
            return self.activate("next", intent)
        return super().handle(intent)

    def activate(self, target: Hashable, intent: Intent) -> bool:
        if target == "radar":  # after the check, the class comes back here and goes on to the debrief
            from .radar import RadarIntroScene

            self.app.push(RadarIntroScene(self.app, "after"))
            return True
        if target == "next":
            from .debrief import DebriefScene

            self.app.replace(DebriefScene(self.app, self.session))
            return True
        return super().activate(target, intent)

    def back(self) -> bool:
        return True  # the story has ended; Next goes on to the debrief
