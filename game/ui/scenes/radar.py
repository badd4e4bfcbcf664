"""The radar check: pick before / after / refresh, then one item at a time ("Red flag" 1 / "Looks OK" 2, optional
"How sure?" 3-5) drawn by the story's screen-kind renderers; no feedback until the end. Leading a class, each item
takes the show of hands instead."""

from __future__ import annotations

from typing import Hashable, Optional

from ...content.radar import Form, RadarItem
from ...content.radar_check import item_scenario, screen_texts
from ...net.room import Question, short
from ...session.radar import RadarRun
from ..display import Box, Item, RectT
from ..frame import device_frame
from ..host import SceneHost
from ..i18n import _, ngettext
from ..intents import Activate, Adjust, Back, Choose, Erase, Intent, Next, QuickExit, Submit
from ..kinds import KindView
from ..kinds import render as render_kind
from ..layout import Ctx
from ..scene import Scene
from ..widgets import button, button_width, text_block
from .page import PageScene, bar_action, bottom_bar, top_bar
from .room import short_address, spaced

MAX_HANDS = 999
DEVICE_TEXT = 240
"""The short form of an item's screen that devices show."""
SURE = {1: lambda: _("Guessing"), 2: lambda: _("Fairly sure"), 3: lambda: _("Very sure")}
PHASE_LABEL = {"before": lambda: _("Before the stories"), "after": lambda: _("After the stories"),
               "refresh": lambda: _("Refresh (a few weeks later)")}


def load_set(app: SceneHost):  # type: ignore[no-untyped-def]
    """The radar items of the pack being played (or the shipped ones), checked."""
    from ...content.radar_check import load_radar_set
    from ...session.radar import radar_folder

    return load_radar_set(radar_folder(app.opts.pack))


class RadarIntroScene(PageScene):
    """What the check is; the phase buttons (or, with a phase given, Start); leading a class, the form order."""

    name = "radar-intro"
    title = ""

    def __init__(self, app: SceneHost, phase: Optional[str] = None, form: Optional[Form] = None) -> None:
        super().__init__(app)
        self.phase = phase
        self.form = form
        self.swap = False
        """Leading a class: B before and A after (counterbalancing between classes)."""
        self.problem = ""

    def page_title(self) -> str:
        return _("Radar check")

    def screen_key(self) -> tuple:
        return (self.name, self.phase, self.swap, self.problem)

    def column(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
        m = ctx.m
        y0 = y
        y += text_block(ctx, items, x, y, w, _("Radar check"), style="bold", size=m.h1) + m.gap
        lines = [_("You will see 16 short screens: messages, posts, job ads and emails. Some have a red flag. "
                   "Some are fine."),
                 _("For each one, choose Red flag (1) or Looks OK (2). You can also say how sure you are."),
                 _("Nothing is marked right or wrong until the end. It takes about 3 minutes.")]
        if self.app.classroom is not None:
            lines[1] = _("Show each screen to the class. Count the hands that say red flag, and the hands counted.")
        for line in lines:
            y += text_block(ctx, items, x, y, w, line) + m.gap
        if self.problem:
            y += text_block(ctx, items, x, y, w, self.problem, role="caution") + m.gap
        y += m.gap
        if self.phase is None:
            y += text_block(ctx, items, x, y, w, _("When is this check?"), style="bold") + m.gap
            for i, phase in enumerate(("before", "after", "refresh")):
                r = self.add_button(ctx, items, x, y, w, PHASE_LABEL[phase](), ("phase", phase),
                                    style="primary" if i == 0 else "secondary", hint=str(i + 1))
                y += r[3] + m.gap
        else:
            r = self.add_button(ctx, items, x, y, w, _("Start: {when}").format(when=PHASE_LABEL[self.phase]()),
                                ("phase", self.phase), icon="play", hint=_("Enter"))
            y += r[3] + m.gap
        if self.app.classroom is not None and self.form is None:
            label = _("Forms: B before, A after") if self.swap else _("Forms: A before, B after")
            r = self.add_button(ctx, items, x, y, w, label, "swap", style="secondary", icon="chevrons")
            y += r[3] + m.gap
        r = self.add_button(ctx, items, x, y, w, _("Back"), "back", style="secondary", icon="chevron_left")
        return y + r[3] - y0

    def handle(self, intent: Intent) -> bool:
        if isinstance(intent, Choose) and self.phase is None and 0 <= intent.index < 3:
            return self.activate(("phase", ("before", "after", "refresh")[intent.index]), Activate())
        return super().handle(intent)

    def activate(self, target: Hashable, intent: Intent) -> bool:
        if isinstance(target, tuple) and target[0] == "phase":
            self.begin(str(target[1]))
            return True
        if target == "swap":
            self.swap = not self.swap
            self.invalidate()
            return True
        if target == "back":
            self.app.go_title() if len(self.app.scenes) <= 1 else self.dismiss(None)
            return True
        return super().activate(target, intent)

    def begin(self, phase: str) -> None:
        """Start the check (or say why it cannot start: the items have errors)."""
        room = self.app.classroom
        form = self.form
        if form is None and room is not None and self.swap and phase != "refresh":
            form = Form.B if phase == "before" else Form.A
        try:
            run = RadarRun.start(load_set(self.app), phase, form, store=None if self.app.opts.playtest else
                                 self.app.store, trace=self.app.opts.trace,
                                 mode="facilitator" if room is not None else "solo",
                                 class_label=room.label if room is not None else None)
        except ValueError as exc:
            self.problem = _("The radar check cannot start: {why}").format(why=str(exc))
            self.invalidate()
            return
        self.app.replace(RadarItemScene(self.app, run))


class RadarItemScene(Scene):
    """One item: the screen on the left (or above), the answer on the right (or below)."""

    name = "radar-item"
    help_theme = None

    def __init__(self, app: SceneHost, run: RadarRun) -> None:
        super().__init__(app)
        self.run = run
        self.said: Optional[bool] = None
        self.sure: Optional[int] = None
        last = run.answers[-1] if run.answers else None  # the hands counted stay (devices are counted anew)
        self.hands = [0, last.hands[1] - len(last.devices) if last is not None and last.hands else 0]
        self.sel = 0
        self.fresh = True
        self.problem = ""
        self.question: Optional[Question] = None
        """Leading a class with an open room: what the students' devices answer for this item."""
        self.handing_on = False
        """The next item's screen takes over the room's question (no 'watch the screen' in between)."""

    # ------------------------------------------------------------- students' devices
    def enter(self) -> None:
        super().enter()
        room = self.app.room
        if self.in_class and room is not None:
            self.question = device_question(self.run, self.item)
            room.open_question(self.question)

    def leave(self) -> None:
        if self.app.room is not None and self.question is not None and not self.handing_on:
            self.app.room.close_question()  # the check ended or was left: devices wait again
        super().leave()

    def device_answers(self) -> tuple[tuple[int, bool], ...]:
        """(anonymous device number, said red flag) for each device that answered this item so far."""
        room = self.app.room
        if room is None or self.question is None:
            return ()
        snap = room.snapshot
        if snap.question != self.question.id:
            return ()
        return tuple((number, option == 0) for number, option in snap.answers)

    @property
    def item(self) -> RadarItem:
        item = self.run.current
        assert item is not None
        return item

    @property
    def in_class(self) -> bool:
        return self.run.mode == "facilitator"

    def screen_key(self) -> tuple:
        return (self.name, self.run.position, self.said, self.sure, tuple(self.hands), self.problem)

    def screen_name(self) -> str:
        return f"radar-{self.run.position:02d}"

    def default_focus(self, targets: list[Hashable]) -> Optional[Hashable]:
        if self.in_class:
            return ("count", self.sel)
        return "next" if "next" in targets else super().default_focus(targets)

    # ------------------------------------------------------------- layout
    def build(self, ctx: Ctx) -> None:
        m = ctx.m
        title = _("Radar check: {n} of {total}").format(n=self.run.position, total=len(self.run.items))
        top = top_bar(self, ctx, title)
        bottom = bottom_bar(self, ctx, _("No answers shown until the end"))
        frame, panel = split_screen(ctx, top, bottom, 0.55)
        draw_item(self, ctx, self.item, frame)
        items: list[Item] = []
        x, w = panel[0] + m.pad, panel[2] - 2 * m.pad
        h = (self.class_panel if self.in_class else self.answer_panel)(ctx, items, x, panel[1] + m.pad, w)
        self.scroll_view("panel", panel, items, h + 2 * m.pad)

    def answer_panel(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
        m = ctx.m
        y0 = y
        y += text_block(ctx, items, x, y, w, _("Red flag, or looks OK?"), style="bold", size=m.h2) + m.gap
        for i, (label, said, icon) in enumerate(((_("Red flag"), True, "flag_outline"),
                                                 (_("Looks OK"), False, "check"))):
            chosen = self.said is said
            text = _("{answer} (your answer)").format(answer=label) if chosen else label
            r = button(ctx, items, x, y, w, text, target=("said", said), focused=self.focus == ("said", said),
                       style="primary" if chosen else "secondary", icon="check_circle" if chosen else icon,
                       hint=str(i + 1), min_h=round(m.body * 2.8))
            self.add_focus(("said", said), r, "panel")
            y += r[3] + m.gap
        y += m.gap
        y += text_block(ctx, items, x, y, w, _("How sure? (you can skip this)"), role="muted") + m.gap // 2
        bw = (w - 2 * m.gap) // 3
        side = max(button_width(ctx, SURE[k](), hint=str(k + 2), size=m.small) for k in (1, 2, 3)) <= bw
        row_h = 0
        for k in (1, 2, 3):  # side by side when the words fit, else one under another (never a broken word)
            chosen = self.sure == k
            bx, by, bwk = (x + (k - 1) * (bw + m.gap), y, bw) if side else (x, y + row_h, w)
            r = button(ctx, items, bx, by, bwk, SURE[k](), target=("sure", k),
                       focused=self.focus == ("sure", k), style="secondary" if not chosen else "primary",
                       hint=str(k + 2), size=m.small)
            self.add_focus(("sure", k), r, "panel")
            row_h = max(row_h, r[3]) if side else row_h + r[3] + m.gap // 2
        y += row_h + m.pad
        if self.said is not None:
            r = button(ctx, items, x, y, w, _("Next screen"), target="next", focused=self.focus == "next",
                       icon="chevron_right", hint=_("Enter"))
            self.add_focus("next", r, "panel")
            y += r[3]
        else:
            y += text_block(ctx, items, x, y, w, _("Choose an answer to go on."), role="muted")
        return y - y0

    def class_panel(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
        m = ctx.m
        y0 = y
        y += text_block(ctx, items, x, y, w, _("Hands up: who sees a red flag?"), style="bold", size=m.h2) + m.gap
        if self.question is not None and self.app.room is not None:
            y += device_panel(self, ctx, items, x, y, w) + m.gap
        for i, label in enumerate((_("Hands for red flag"), _("Hands counted"))):
            target = ("count", i)
            focused = self.focus == target
            text = f"{label}: {self.hands[i]}"
            r = button(ctx, items, x, y, w, text, target=target, focused=focused,
                       style="primary" if focused else "secondary", min_h=round(m.body * 2.8))
            self.add_focus(target, r, "panel")
            y += r[3] + m.gap
        y += text_block(ctx, items, x, y, w, _("Type the number, or use + and −. Tab moves between the two."),
                        role="muted", size=m.small) + m.gap
        if self.problem:
            y += text_block(ctx, items, x, y, w, self.problem, role="caution") + m.gap
        r = button(ctx, items, x, y, w, _("Next screen"), target="next", focused=self.focus == "next",
                   icon="chevron_right", hint=_("Enter"))
        self.add_focus("next", r, "panel")
        return y + r[3] - y0

    # ------------------------------------------------------------- input
    def handle(self, intent: Intent) -> bool:
        if isinstance(intent, QuickExit):
            return False
        if self.in_class:
            if isinstance(intent, Choose):
                self.type_digit((intent.index + 1) % 10)
                return True
            if isinstance(intent, Adjust):
                self.hands[self.sel] = max(0, min(MAX_HANDS, self.hands[self.sel] + intent.delta))
                self.fresh = True
                self.invalidate()
                return True
            if isinstance(intent, Erase):
                self.hands[self.sel] //= 10
                self.invalidate()
                return True
        elif isinstance(intent, Choose):
            if intent.index in (0, 1):
                return self.activate(("said", intent.index == 0), Activate())
            if intent.index in (2, 3, 4):
                return self.activate(("sure", intent.index - 1), Activate())
            return True
        if isinstance(intent, (Next, Submit)):
            return self.activate("next", Activate())
        if isinstance(intent, Back):  # the answers given so far are kept; the check is left unfinished
            self.dismiss(None) if len(self.app.scenes) > 1 else self.app.go_title()
            return True
        return super().handle(intent)

    def set_focus(self, target: Optional[Hashable]) -> None:
        if isinstance(target, tuple) and target[0] == "count" and target != self.focus:
            self.sel = int(target[1])
            self.fresh = True
        super().set_focus(target)

    def type_digit(self, d: int) -> None:
        """A digit for the selected count: the first replaces it, the next ones append."""
        cur = 0 if self.fresh else self.hands[self.sel]
        self.hands[self.sel] = min(MAX_HANDS, cur * 10 + d)
        self.fresh = False
        self.invalidate()

    def set_counts(self, flag: int, counted: int) -> None:
        """Both counts at once (scripts and tests)."""
        self.hands = [max(0, min(MAX_HANDS, flag)), max(0, min(MAX_HANDS, counted))]
        self.invalidate()

    def activate(self, target: Hashable, intent: Intent) -> bool:
        if bar_action(self, target):
            return True
        if isinstance(target, tuple) and target[0] == "said":
            self.said = bool(target[1])
            self.app.play_sound("tap")
            self.set_focus(target)  # the ring and the fill agree on which answer is chosen
            self.invalidate()
            return True
        if isinstance(target, tuple) and target[0] == "sure":
            self.sure = None if self.sure == target[1] else int(target[1])
            self.invalidate()
            return True
        if isinstance(target, tuple) and target[0] == "count":
            nxt = int(target[1]) + 1
            self.set_focus(("count", nxt) if nxt < 2 else "next")
            return True
        if target == "next":
            self.confirm()
            return True
        return False

    def confirm(self) -> None:
        """Record this item's answer and move on (the last one shows the results)."""
        if self.in_class:
            flag, counted = self.hands
            devices = self.device_answers()
            if counted + len(devices) < 1 or flag > counted:
                self.problem = _("Enter how many hands were counted (1 or more), and no more red-flag hands than "
                                 "that.") if self.question is None else _(
                    "Wait for a device to answer, or enter the hands counted (no more red-flag hands than that).")
                self.invalidate()
                return
            self.run.hands(flag, counted, devices)
        else:
            if self.said is None:
                return
            self.run.answer(self.said, self.sure)
        self.app.play_sound("page")
        if self.run.current is None:
            from .radar_review import RadarResultScene

            self.run.finish()
            self.app.replace(RadarResultScene(self.app, self.run))
            return
        self.handing_on = True
        self.app.replace(RadarItemScene(self.app, self.run))


def device_question(run: RadarRun, item: RadarItem) -> Question:
    """The question devices answer for one item (a new id for each check and place): Red flag or Looks OK, with a
    short form of what the screen shows."""
    return Question(f"radar:{run.run_id or id(run)}:{run.position}", "radar", _("Red flag, or looks OK?"),
                    short(" \u00b7 ".join(screen_texts(item)), DEVICE_TEXT), (_("Red flag"), _("Looks OK")))


def device_panel(scene: RadarItemScene, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
    """How many devices answered this item (never which way: no answers until the end) and how to join; hands
    of students without a device are added to theirs. Returns its height."""
    m = ctx.m
    room = scene.app.room
    assert room is not None
    n = len(scene.device_answers())
    y0 = y
    line = ngettext("{n} of {m} device answered", "{n} of {m} devices answered", room.snapshot.devices).format(
        n=n, m=room.snapshot.devices)
    y += text_block(ctx, items, x, y, w, line, style="bold") + m.gap // 2
    y += text_block(ctx, items, x, y, w, _("Join: {address} \u00b7 code {code}. Count only the hands of students "
                                           "without a device.").format(address=short_address(room.url),
                                                                       code=spaced(room.code)),
                    role="muted", size=m.small)
    return y - y0


def split_screen(ctx: Ctx, top: int, bottom: int, narrow_share: float) -> tuple[RectT, RectT]:
    """The item's frame and the answer panel between the bars: side by side on a wide window (the frame 56 %),
    stacked on a narrow one (the frame `narrow_share` of the height)."""
    m = ctx.m
    x, y, w, h = m.pad, top + m.pad, m.w - 2 * m.pad, m.h - top - bottom - 2 * m.pad
    if m.wide:
        fw = round(w * 0.56)
        return (x, y, fw, h), (x + fw + m.pad, y, w - fw - m.pad, h)
    fh = round(h * narrow_share)
    return (x, y, w, fh), (x, y + fh + m.gap, w, h - fh - m.gap)


def draw_item(scene: Scene, ctx: Ctx, item: RadarItem, frame: RectT, dim: bool = False) -> None:
    """The item's screen in its device frame, drawn by the story renderer of its kind."""
    scn, node = item_scenario(item)
    view = KindView(scn, "item", node, tuple(node.messages), dim=False)
    screen = device_frame(ctx, scene.dl.items, frame, node.screen, node.app or "")
    out = render_kind(ctx, view, screen)
    scene.dl.extend(out.header)
    body = (screen[0], screen[1] + out.header_h, screen[2], screen[3] - out.header_h)
    scene.scroll_view("thread", body, out.body, out.body_h)
    if dim:
        scene.dl.add(Box(frame, ctx.c("scrim")))
