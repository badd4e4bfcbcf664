"""Facilitator keys (T timer, N teacher notes, D discussion), the teacher-notes overlay and the discussion screen."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Hashable, Optional

from ...session.classroom import TIMER_PRESETS
from ..display import Box, Icon, Item, shifted
from ..i18n import _, ngettext
from ..intents import Activate, Adjust, Facilitate, Intent, Next
from ..layout import Ctx
from ..scene import Scene
from ..widgets import button, panel, text_block
from .page import PageScene

if TYPE_CHECKING:
    from ..host import SceneHost

def class_action(app: SceneHost, intent: Intent) -> None:
    """A facilitator key nobody on screen used: T starts/pauses the timer, Shift+T changes its length, N shows or
    hides the teacher notes, D opens or closes the discussion screen."""
    room = app.classroom
    if room is None or not isinstance(intent, Facilitate):
        return
    top = app.top
    if intent.action == "timer":
        room.timer.toggle()
    elif intent.action == "timer_length":
        room.timer.cycle(1)
    elif intent.action in ("notes", "discuss"):
        kind = NotesScene if intent.action == "notes" else DiscussionScene
        if isinstance(top, kind):
            top.dismiss(None)
        elif app.scenes.find(kind) is None:  # one of each at most (help may sit on top)
            app.push(NotesScene(app) if kind is NotesScene else DiscussionScene(app, context_for(app)[0]))
        return
    for s in app.scenes.visible():
        s.invalidate()


def context_for(app: SceneHost) -> tuple[Optional[str], list[str]]:
    """The discussion prompt and teacher notes of what is on screen (the topmost scene that shows a story)."""
    for scene in reversed(list(app.scenes)):
        ctx = getattr(scene, "class_context", None)
        if callable(ctx):
            return ctx()  # type: ignore[no-any-return]
        session = getattr(scene, "session", None)
        if session is None:
            continue
        scn = session.scn
        if scene.name == "player":
            node = scn.nodes.get(_beat_node(scene))
            return (node.discussion if node else None), ([node.teacher_note] if node and node.teacher_note else [])
        if scn.debrief is not None:
            return None, [scn.debrief.teacher_notes] if scn.debrief.teacher_notes else []
        return None, []
    return None, []


def _beat_node(scene: Any) -> str:
    """The node the player scene is showing (feedback and results belong to the node decided on)."""
    beat = scene.beat
    node_id = getattr(beat, "node_id", None)
    return str(node_id) if node_id else str(scene.session.state.node)


class NotesScene(Scene):
    """Teacher notes for the screen below, over a dimmed screen; hidden until N, closed by N, Esc or Enter."""

    name = "teacher-notes"
    opaque = False

    def __init__(self, app: SceneHost) -> None:
        super().__init__(app)
        self.prompt, self.notes = context_for(app)

    def enter(self) -> None:
        if self.app.classroom is not None:
            self.app.classroom.notes_open = True

    def leave(self) -> None:
        if self.app.classroom is not None:
            self.app.classroom.notes_open = False

    def build(self, ctx: Ctx) -> None:
        m = ctx.m
        self.dl.add(Box((0, 0, m.w, m.h), ctx.c("scrim")))
        w = min(m.w - 2 * m.pad, round(m.body * 34))
        x = (m.w - w) // 2
        iw = w - 2 * m.pad
        inner: list[Item] = []
        y = m.pad
        ic = round(m.body * 1.6)
        inner.append(Icon((x + m.pad, y, ic, ic), "notes", ctx.c("primary")))
        th = text_block(ctx, inner, x + m.pad + ic + m.gap, y, iw - ic - m.gap, _("Teacher notes"), style="bold",
                        size=m.h1)
        y += max(ic, th) + m.gap
        y += text_block(ctx, inner, x + m.pad, y, iw, _(
            "For you, not the class: the projector shows this too. Press N again to hide it."), role="muted",
            size=m.small) + m.pad
        if self.notes:
            for note in self.notes:
                y += text_block(ctx, inner, x + m.pad, y, iw, note) + m.gap
        else:
            y += text_block(ctx, inner, x + m.pad, y, iw, _("There is no teacher note for this screen.")) + m.gap
        if self.prompt:
            y += m.gap
            y += text_block(ctx, inner, x + m.pad, y, iw, _("Discussion question here (D shows it large):"),
                            style="bold", size=m.small) + m.gap // 2
            y += text_block(ctx, inner, x + m.pad, y, iw, self.prompt) + m.gap
        y += m.gap
        r = button(ctx, inner, x + m.pad, y, iw, _("Hide the notes"), target="close", focused=self.focus == "close",
                   icon="cross", hint="N")
        self.add_focus("close", r, "notes")
        y += r[3] + m.pad
        top = max(m.pad, (m.h - y) // 2)
        card = (x, top, w, min(y, m.h - 2 * m.pad))
        panel(ctx, self.dl.items, card)
        self.focusables = [type(f)(f.target, (f.rect[0], f.rect[1] + top, f.rect[2], f.rect[3]), f.group)
                           for f in self.focusables]
        self.scroll_view("notes", card, [shifted(it, top) for it in inner], y)

    def handle(self, intent: Intent) -> bool:
        if isinstance(intent, Next):
            self.dismiss(None)
            return True
        if isinstance(intent, Facilitate) and intent.action == "notes":
            self.dismiss(None)
            return True
        return super().handle(intent)

    def activate(self, target: Hashable, intent: Intent) -> bool:
        if target == "close":
            self.dismiss(None)
            return True
        return False


class DiscussionScene(PageScene):
    """'Pause for discussion': the node's question in large type and the discussion timer with big controls."""

    name = "discussion"
    column_chars = 34

    def __init__(self, app: SceneHost, prompt: Optional[str]) -> None:
        super().__init__(app)
        self.prompt = prompt or _("What do you notice on this screen? What could each person do next, and why?")
        self.generic = not prompt

    def page_title(self) -> str:
        return _("Pause for discussion")

    def status(self) -> str:
        return _("T timer \u00b7 N notes \u00b7 Esc back to the story")

    def default_focus(self, targets: list[Hashable]) -> Hashable:
        return "timer" if "timer" in targets else (targets[0] if targets else None)

    def column(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
        m = ctx.m
        y0 = y
        ic = round(m.body * 1.6)
        items.append(Icon((x, y, ic, ic), "chat", ctx.c("primary")))
        text_block(ctx, items, x + ic + m.gap, y + (ic - m.body) // 2 - 2, w - ic - m.gap, _("Talk about it"),
                   style="bold", role="muted")
        y += ic + m.pad
        size = m.display if len(self.prompt) <= 90 else m.h1
        y += text_block(ctx, items, x, y, w, self.prompt, style="bold", size=size) + m.pad * 2
        y += self.timer_block(ctx, items, x, y, w) + m.pad
        r = self.add_button(ctx, items, x, y, w, _("Back to the story"), "close", style="secondary",
                            icon="chevron_left", hint="Esc")
        return y + r[3] - y0

    def timer_block(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
        """The timer large, with Start/Pause and shorter/longer buttons."""
        m = ctx.m
        room = self.app.classroom
        if room is None:
            return 0
        t = room.timer
        inner: list[Item] = []
        iy = y + m.pad
        done = t.state == "done"
        big = m.font("bold", round(m.display * 1.3))
        shown = _("Time's up") if done else t.shown()
        role = "caution" if done else "text"
        tw, th = ctx.measure(shown, big, ctx.c(role))
        ic = round(th * 0.7)
        icon = "bell" if done else ("pause" if t.state == "paused" else "timer")
        inner.append(Icon((x + m.pad, iy + (th - ic) // 2, ic, ic), icon, ctx.c(role)))
        text_block(ctx, inner, x + m.pad + ic + m.gap, iy, w - 2 * m.pad - ic - m.gap, shown, style="bold",
                   size=big[1], role=role)
        iy += th + m.gap // 2
        state = {"idle": _("Ready"), "running": _("Running"), "paused": _("Paused"),
                 "done": _("The time is up. Finish the thought you are on.")}[t.state]
        mins = t.length // 60
        length = ngettext("{n} minute", "{n} minutes", mins).format(n=mins)
        iy += text_block(ctx, inner, x + m.pad, iy, w - 2 * m.pad, _("{state} \u00b7 length {length}").format(
            state=state, length=length), role="text" if done else "muted") + m.pad
        label = _("Pause the timer") if t.running else (_("Resume the timer") if t.state == "paused" else
                                                        _("Start again") if done else _("Start the timer"))
        bw = (w - 2 * m.pad - 2 * m.gap) // 4
        r = button(ctx, inner, x + m.pad, iy, w - 2 * m.pad - 2 * (bw + m.gap), label, target="timer",
                   focused=self.focus == "timer", icon="pause" if t.running else "play", hint="T")
        self.add_focus("timer", r, "page")
        for k, (sym, target) in enumerate(((_("Shorter"), "shorter"), (_("Longer"), "longer"))):
            bx = x + w - m.pad - (2 - k) * bw - (1 - k) * m.gap
            rr = button(ctx, inner, bx, iy, bw, sym, target=target, focused=self.focus == target, style="secondary",
                        hint="-" if target == "shorter" else "+", min_h=r[3])
            self.add_focus(target, rr, "page")
        iy += r[3] + m.pad
        h = iy - y
        panel(ctx, items, (x, y, w, h), role="caution_soft" if done else "surface")
        items.extend(inner)
        return h

    def handle(self, intent: Intent) -> bool:
        if isinstance(intent, Adjust):
            self.change_length(intent.delta)
            return True
        if isinstance(intent, Next):
            return self.activate(self.focus or "close", Activate())
        return super().handle(intent)

    def change_length(self, step: int) -> None:
        """Shorter or longer (1, 2, 3 or 5 minutes); the timer waits for T again."""
        room = self.app.classroom
        if room is None:
            return
        t = room.timer
        t.preset = max(0, min(len(TIMER_PRESETS) - 1, t.preset + step))
        t.reset()
        self.invalidate()

    def activate(self, target: Hashable, intent: Intent) -> bool:
        if target == "timer":
            self.app.dispatch(Facilitate("timer"))
            return True
        if target in ("shorter", "longer"):
            self.change_length(-1 if target == "shorter" else 1)
            return True
        if target == "close":
            self.dismiss(None)
            return True
        return super().activate(target, intent)

    def back(self) -> bool:
        self.dismiss(None)
        return True
