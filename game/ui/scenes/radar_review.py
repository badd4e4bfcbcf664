"""After the radar check: the result in plain words, then each item again with the truth and its explanation."""

from __future__ import annotations

from typing import Hashable, Optional

from ...session.radar import Answer, RadarRun
from ...session.radar_words import describe, rate
from ..display import Item
from ..host import SceneHost
from ..i18n import _
from ..intents import Activate, Back, Focus, Intent, Next
from ..layout import Ctx
from ..scene import Scene
from ..widgets import button, chip, text_block
from .page import PageScene, bar_action, bottom_bar, top_bar
from .radar import draw_item, split_screen


class RadarResultScene(PageScene):
    """How the check went: red flags spotted, genuine screens called OK, and d′ / c in plain words."""

    name = "radar-result"

    def __init__(self, app: SceneHost, run: RadarRun) -> None:
        super().__init__(app)
        self.run = run

    def page_title(self) -> str:
        return _("Radar check: done")

    def default_focus(self, targets: list[Hashable]) -> Optional[Hashable]:
        return "review" if "review" in targets else super().default_focus(targets)

    def column(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
        m = ctx.m
        y0 = y
        s = self.run.score()
        c = s.counts
        head = _("How the class did") if self.run.mode == "facilitator" else _("Your radar")
        y += text_block(ctx, items, x, y, w, head, style="bold", size=m.h1) + m.gap
        if self.run.mode == "facilitator":
            lines = [_("Hands for red flag on the red-flag screens: {k} of {n} ({p}%).").format(
                         k=c.hits, n=c.flags, p=rate(c.hits, c.flags)),
                     _("Hands for 'looks OK' on the genuine screens: {k} of {n} ({p}%).").format(
                         k=c.correct_rejections, n=c.genuine, p=rate(c.correct_rejections, c.genuine))]
        else:
            lines = [_("You spotted {k} of {n} red flags.").format(k=c.hits, n=c.flags),
                     _("You said 'looks OK' to {k} of {n} genuine screens.").format(k=c.correct_rejections,
                                                                                    n=c.genuine)]
        for line in lines:
            y += text_block(ctx, items, x, y, w, line, size=m.h2) + m.gap
        y += text_block(ctx, items, x, y, w, describe(s, ascii_only=True), role="muted") + m.gap
        y += text_block(ctx, items, x, y, w, _("Spotting red flags matters, and so does trusting what is genuine. "
                                               "Next, see each screen again with what to notice."), role="muted")
        y += m.pad
        r = self.add_button(ctx, items, x, y, w, _("See each screen again"), "review", icon="chevron_right",
                            hint=_("Enter"))
        y += r[3] + m.gap
        r = self.add_button(ctx, items, x, y, w, _("Done"), "done", style="secondary")
        return y + r[3] - y0

    def activate(self, target: Hashable, intent: Intent) -> bool:
        if target == "review":
            self.app.replace(RadarReviewScene(self.app, self.run, 0))
            return True
        if target == "done":
            leave(self)
            return True
        return super().activate(target, intent)

    def back(self) -> bool:
        leave(self)
        return True


def leave(scene: Scene) -> None:
    """Back to where the check was opened from (the title, or leading a class the picker or class summary)."""
    if len(scene.app.scenes) > 1:
        scene.dismiss(None)
    else:
        scene.app.go_title()


class RadarReviewScene(Scene):
    """Item `index` again: the screen, whether it carried a red flag, the answer given, and why."""

    name = "radar-review"
    help_theme = None

    def __init__(self, app: SceneHost, run: RadarRun, index: int) -> None:
        super().__init__(app)
        self.run = run
        self.index = max(0, min(index, len(run.answers) - 1))

    @property
    def answer(self) -> Answer:
        return self.run.answers[self.index]

    def screen_key(self) -> tuple:
        return (self.name, self.index)

    def screen_name(self) -> str:
        return f"radar-review-{self.index + 1:02d}"

    def default_focus(self, targets: list[Hashable]) -> Optional[Hashable]:
        return "next" if "next" in targets else super().default_focus(targets)

    def build(self, ctx: Ctx) -> None:
        m = ctx.m
        total = len(self.run.answers)
        top = top_bar(self, ctx, _("What to notice: {n} of {total}").format(n=self.index + 1, total=total))
        bottom = bottom_bar(self, ctx)
        frame, panel = split_screen(ctx, top, bottom, 0.5)
        a = self.answer
        draw_item(self, ctx, a.item, frame)
        items: list[Item] = []
        x, w = panel[0] + m.pad, panel[2] - 2 * m.pad
        y = panel[1] + m.pad
        y0 = y
        if a.item.flag:
            cw, chh = chip(ctx, items, x, y, _("Red flag"), icon="flag", fg="flag", bg="flag_soft", size=m.body,
                           outline=True)
        else:
            cw, chh = chip(ctx, items, x, y, _("Genuine: looks OK"), icon="shield", fg="safe", bg="safe_soft",
                           size=m.body, outline=True)
        y += chh + m.gap
        if a.hands is not None:
            said = _("{k} of {n} hands said red flag.").format(k=a.hands[0], n=a.hands[1])
        else:
            said = _("You said: {answer}.").format(answer=_("Red flag") if a.said_flag else _("Looks OK"))
        y += text_block(ctx, items, x, y, w, said, style="bold") + m.gap
        y += text_block(ctx, items, x, y, w, a.item.explain, size=round(m.body * 1.1)) + m.gap
        labels = [t.label for t in (self._tag(t) for t in a.item.tags) if t is not None]
        if labels:
            y += text_block(ctx, items, x, y, w, _("Tactic: {names}").format(names=", ".join(labels)),
                            role="muted", size=m.small) + m.gap
        y += m.gap
        last = self.index + 1 >= total
        r = button(ctx, items, x, y, w, _("Done") if last else _("Next screen"), target="next",
                   focused=self.focus == "next", icon=None if last else "chevron_right", hint=_("Enter"))
        self.add_focus("next", r, "panel")
        y += r[3] + m.gap
        if self.index > 0:
            r = button(ctx, items, x, y, w, _("Previous screen"), target="prev", focused=self.focus == "prev",
                       style="secondary", icon="chevron_left")
            self.add_focus("prev", r, "panel")
            y += r[3]
        self.scroll_view("panel", panel, items, y - y0 + 2 * m.pad)
        del cw

    def _tag(self, tag_id: str):  # type: ignore[no-untyped-def]
        """The tag's entry in the pack's tags.yaml (its student-friendly label), or None."""
        from ...content.catalog import load_shared
        from ...session.lang import current_language
        from ...session.radar import radar_folder

        # The pack holds radar/ (its language folders below it) and the tags, in the language played.
        vocab = load_shared(radar_folder(self.app.opts.pack, "en").parent, current_language()).tags
        return vocab.get(tag_id) if vocab is not None else None

    def handle(self, intent: Intent) -> bool:
        if isinstance(intent, Focus) and intent.dx and not intent.linear:
            return self.activate("next" if intent.dx > 0 else "prev", Activate())
        if isinstance(intent, Next):
            return self.activate("next", Activate())
        if isinstance(intent, Back):
            return self.activate("prev", Activate()) if self.index > 0 else self._done()
        return super().handle(intent)

    def _done(self) -> bool:
        leave(self)
        return True

    def activate(self, target: Hashable, intent: Intent) -> bool:
        if bar_action(self, target):
            return True
        if target == "next":
            if self.index + 1 >= len(self.run.answers):
                return self._done()
            self.app.replace(RadarReviewScene(self.app, self.run, self.index + 1))
            return True
        if target == "prev" and self.index > 0:
            self.app.replace(RadarReviewScene(self.app, self.run, self.index - 1))
            return True
        return False
