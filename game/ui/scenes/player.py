"""The scenario player: top bar with progress, the device frame with the story, the panel for each beat."""

from __future__ import annotations

import math
from typing import Hashable, Optional

import pygame

from ...content.schema import ME, SYSTEM, Message
from ...engine.beats import (
    ChoiceBeat,
    DebriefBeat,
    EndingBeat,
    FeedbackBeat,
    MessageBeat,
    NodeBeat,
    SpotBeat,
    SpotResultBeat,
    SummaryBeat,
)
from ...engine.record import FEED_KINDS, spot_message
from ...session.play import PlaySession
from ...session.progress import ProgressDots
from ..display import Box, Circle, FocusRing, Hit, Item, RectT
from ..frame import DEFAULT_CLOCK, device_frame, story_clock
from ..host import SceneHost
from ..i18n import _
from ..intents import (
    Activate,
    Back,
    Choose,
    Facilitate,
    Help,
    Home,
    Intent,
    Next,
    Pointer,
    QuickExit,
    Scroll,
    Submit,
    Toggle,
)
from ..kinds import Highlight, KindView
from ..kinds import render as render_kind
from ..kinds.registry import spec_for
from ..layout import Ctx
from ..scene import Scene
from ..widgets import button
from . import class_panel as CP
from . import panel as P
from .class_panel import in_class
from .page import bottom_bar, top_bar

EASE_S = 0.2


class PlayerScene(Scene):
    """Shows the current beat; turns choices, spot answers and Next into engine calls."""

    name = "player"

    def __init__(self, app: SceneHost, session: PlaySession) -> None:
        super().__init__(app)
        self.session = session
        scn = session.scn
        self.help_theme = scn.theme
        self.help_ids = session.help_ids()
        self.selected: set[int] = set()
        self.toggles: dict[str, bool] = {}
        self.changed_toggle: Optional[str] = None
        self.messages: tuple[Message, ...] = ()
        self.history: tuple[Message, ...] = ()
        """The conversation's earlier bubbles (living threads), shown at once; only `messages` are revealed."""
        self.revealed = 0
        self.timer = 0.0
        self.typing_who: Optional[str] = None
        self.typing_rect: Optional[RectT] = None
        self.ease = 1.0
        self.clock = 0.0
        self.on_beat()

    # ------------------------------------------------------------- beats
    @property
    def beat(self):  # type: ignore[no-untyped-def]
        """The current beat."""
        return self.session.beat()

    def on_beat(self) -> None:
        """A new beat: reset per-beat state; debrief and summary get their own scenes."""
        beat = self.beat
        if isinstance(beat, (DebriefBeat, SummaryBeat)):
            self.leave_for(beat)
            return
        self.focus = None
        self.scrolls = {} if isinstance(beat, NodeBeat) or isinstance(beat, EndingBeat) else self.scrolls
        self.scrolls.pop("panel", None)
        if isinstance(beat, NodeBeat):
            self.selected = set()
            self.changed_toggle = None
            node = beat.node
            self.toggles = {t.id: t.enabled for t in (node.card.toggles if node.card else [])}
            self.messages = beat.messages
            self.history = beat.thread
            animate = self.app.ctx.typing_animation and spec_for(node.screen).animated and len(self.messages) > 0
            self.revealed = 0 if animate else len(self.messages)
            self.typing_who = None
            self.timer = 0.0
            if animate:
                self._schedule()
        elif isinstance(beat, EndingBeat):
            self.messages = beat.messages
            self.history = beat.thread
            self.revealed = len(self.messages)
        self.ease = 0.0 if (self.app.animate and isinstance(beat, (FeedbackBeat, SpotResultBeat))) else 1.0
        self.invalidate()

    def leave_for(self, beat: object) -> None:
        """Hand over to the scene for the debrief or summary beat (at once, or as soon as this scene enters)."""
        from .for_beat import scene_for_beat

        self.hand_over(scene_for_beat(self.app, self.session))

    @property
    def revealing(self) -> bool:
        """True while chat messages are still appearing."""
        return self.revealed < len(self.messages)

    def _schedule(self) -> None:
        """Time until the next message appears; others 'type' first."""
        if not self.revealing:
            self.typing_who = None
            return
        msg = self.messages[self.revealed]
        if msg.speaker in (ME, SYSTEM) or self.revealed == 0:
            self.typing_who = None
            self.timer = 0.35 if self.revealed else 0.15
        else:
            self.typing_who = msg.speaker
            self.timer = min(1.4, max(0.5, 0.3 + len(msg.text) * 0.012))

    def reveal_all(self) -> None:
        """Skip the reveal: show every message now."""
        self.revealed = len(self.messages)
        self.typing_who = None
        self.invalidate()

    def update(self, dt: float) -> bool:
        self.clock += dt
        animating = False
        if self.revealing:
            self.timer -= dt
            if self.timer <= 0:
                self.revealed += 1
                self._schedule()
                self.invalidate()
            animating = True
        if self.ease < 1.0:
            self.ease = min(1.0, self.ease + dt / EASE_S)
            self.invalidate()
            animating = True
        return animating

    # ------------------------------------------------------------- screens
    def screen_key(self) -> tuple:
        st = self.session.state
        return (self.name, st.node, st.phase.value, len(st.steps), self.revealing)

    def screen_name(self) -> str:
        beat = self.beat
        if isinstance(beat, FeedbackBeat):
            return "feedback"
        if isinstance(beat, SpotResultBeat):
            return "spot-result"
        if isinstance(beat, SpotBeat):
            return "spot"
        if isinstance(beat, EndingBeat):
            return "ending"
        if isinstance(beat, NodeBeat):
            return beat.node.screen.value.replace("_", "-")
        return self.name

    # ------------------------------------------------------------- layout
    def build(self, ctx: Ctx) -> None:
        m = ctx.m
        seen, total = self.session.progress()
        top = top_bar(self, ctx, self.session.scn.title, left=None)
        self._dots(ctx, top, seen, total)
        score = _("Score {n}").format(n=self.session.state.score)
        bottom = bottom_bar(self, ctx, _("T timer \u00b7 N notes \u00b7 D discuss \u00b7 {score}").format(score=score)
                            if in_class(self) else score)
        mid_y, mid_h = top + m.pad, m.h - top - bottom - 2 * m.pad
        if m.wide:
            fw = round(m.w * 0.55) - m.pad
            frame_area = (m.pad, mid_y, fw - m.pad, mid_h)
            panel_rect = (fw + m.pad, top, m.w - fw - 2 * m.pad + m.pad, m.h - top - bottom)
        else:
            fh = round(mid_h * 0.55)
            frame_area = (m.pad, mid_y, m.w - 2 * m.pad, fh)
            panel_rect = (0, mid_y + fh + m.gap, m.w, mid_h - fh - m.gap + m.pad)
        self._frame(ctx, frame_area)
        self._panel(ctx, panel_rect)
        panel_sv = self.scrolls.get("panel")
        self.main_scroll = "panel" if panel_sv is not None and panel_sv.max_offset > 0 else "thread"

    def _dots(self, ctx: Ctx, bar_h: int, seen: int, total: int) -> None:
        """Progress dots: as many as the play-through's longest route (fixed at its start), filled by the share
        of the way done (never fewer than before; all at the ending)."""
        m = ctx.m
        dots = getattr(self, "_progress", None)
        if dots is None:
            dots = self._progress = ProgressDots(self.session.scn, self.session.scn.start)
        filled = dots.update(seen, total, isinstance(self.beat, EndingBeat))
        n = dots.count
        r = max(4, round(m.small * 0.3))
        gap = r * 3
        w = n * gap
        left, right = getattr(self, "bar_free", (0, m.w))
        x0 = max(left, (m.w - w) // 2)
        if x0 + w > right:  # no room beside the title: skip the dots (the title matters more)
            return
        for i in range(n):
            cx = x0 + i * gap + r
            if i < filled:
                self.dl.add(Circle((cx, bar_h // 2), r, ctx.c("primary")))
            else:
                self.dl.add(Circle((cx, bar_h // 2), r, ctx.c("muted"), max(1, r // 3)))

    def _status_clock(self) -> str:
        """The phone's clock: the latest time among the messages shown on this screen, else the last one seen."""
        t = story_clock(self.messages[:self.revealed]) or story_clock(getattr(self, "history", ()))
        if t:
            self._clock_seen = t
        return t or getattr(self, "_clock_seen", DEFAULT_CLOCK)

    def _view(self) -> KindView:
        beat = self.beat
        node = beat.node if isinstance(beat, (NodeBeat, EndingBeat)) else self.session.scn.nodes[
            self.session.state.node]
        node_id = self.session.state.node
        messages = self.messages[:self.revealed]
        highlights: tuple[Highlight, ...] = ()
        if isinstance(beat, (SpotBeat, SpotResultBeat)) and node.spot is not None and not self.revealing:
            messages += spot_message(node)  # the task's message, in the real bubble, its parts marked in place
            highlights = self._part_highlights(beat)
        past = self.history
        earlier = 0
        if past and node.screen in FEED_KINDS:  # a feed keeps its earlier posts below the new ones
            messages = messages + past
        elif past:  # a chat keeps its history above the new messages
            messages, earlier = past + messages, len(past)
        return KindView(self.session.scn, node_id, node, messages,
                        typing=self.typing_who if self.revealing else None, toggles=dict(self.toggles),
                        changed_toggle=self.changed_toggle, asset=self.session.asset, highlights=highlights,
                        earlier=earlier)

    def _part_highlights(self, beat: object) -> tuple[Highlight, ...]:
        """The spot task's parts as highlights in the bubble: selectable while marking, by outcome after."""
        if isinstance(beat, SpotResultBeat):
            style = {"hit": "flag", "miss": "missed", "false_alarm": "false_alarm", "clear": "plain"}
            return tuple(Highlight(r.index, r.part.text, "", style=style[r.outcome]) for r in beat.results)
        assert isinstance(beat, SpotBeat)
        return tuple(Highlight(i, beat.spot.parts[i].text, "", style="selected" if i in self.selected else "select")
                     for i in beat.order)

    def _frame(self, ctx: Ctx, area: RectT) -> None:
        m = ctx.m
        view = self._view()
        beat = self.beat
        if isinstance(beat, EndingBeat) and not view.messages and view.node.card is None:
            self._ending_art(ctx, area, beat)
            self.typing_rect = None
            return
        split = CP.class_decision(self, beat.node_id) if isinstance(beat, FeedbackBeat) and in_class(self) else None
        if split is not None:  # leading a class: the vote, large, beside the feedback card
            items: list[Item] = []
            h = CP.class_split(self, ctx, items, area[0], area[1], area[2], split, size=m.h2 if m.wide else m.body)
            self.scroll_view("thread", area, items, h)
            self.typing_rect = None
            return
        screen = device_frame(ctx, self.dl.items, area, view.node.screen, view.node.app or "",
                              clock=self._status_clock())
        out = render_kind(ctx, view, screen)
        self.dl.extend(out.header)
        body_rect = (screen[0], screen[1] + out.header_h, screen[2], screen[3] - out.header_h)
        chat = spec_for(view.node.screen).animated  # chats follow the newest message; cards and feeds start at the top
        if isinstance(beat, SpotBeat):  # mark the parts right in the bubble, by mouse or touch (keys: the panel)
            for i, rects in out.anchors.items():
                for r in rects:
                    out.body.append(Hit((r[0] - 4, r[1] - 2, r[2] + 8, r[3] + 4), ("part", i)))
                    if self.focus == ("part", i):
                        out.body.append(FocusRing((r[0] - 3, r[1], r[2] + 6, r[3]), 4, m.focus_w, m.focus_gap,
                                                  ctx.c("focus"), ctx.c("focus_gap")))
        self.scroll_view("thread", body_rect, out.body, out.body_h, stick_bottom=chat)
        self.typing_rect = out.typing_at
        del m

    def _ending_art(self, ctx: Ctx, area: RectT, beat: EndingBeat) -> None:
        P.ending_art(ctx, self.dl.items, area, beat)

    def _panel(self, ctx: Ctx, rect: RectT) -> None:
        m = ctx.m
        items: list[Item] = []
        x, w = rect[0] + m.pad, rect[2] - 2 * m.pad
        y = rect[1] + m.pad
        if self.ease < 1.0:
            y += round((1 - (1 - (1 - self.ease) ** 3)) * m.body * 4)
        beat = self.beat
        builder = {MessageBeat: P.message_panel, ChoiceBeat: P.choice_panel, FeedbackBeat: P.feedback_panel,
                   SpotBeat: P.spot_panel, SpotResultBeat: P.spot_result_panel, EndingBeat: P.ending_panel}.get(
            type(beat))
        if builder is P.choice_panel and in_class(self):
            builder = CP.class_choice_panel
        self._footer: list[tuple] = []
        h = builder(self, ctx, items, beat, x, y, w) if builder else 0  # type: ignore[operator]
        if (in_class(self) and isinstance(beat, (MessageBeat, SpotBeat)) and beat.node.discussion
                and not self.revealing):
            h += m.gap + CP.discussion_offer(self, ctx, items, x, y + h + m.gap, w, beat.node.discussion)
        if not self._footer:
            self.scroll_view("panel", rect, items, h + 2 * m.pad)
            return
        # the main buttons stay in view below the scrolling content
        probe: list[Item] = []
        heights = [button(ctx, probe, 0, 0, w, spec[0], target=spec[1], style=spec[2], icon=spec[3],
                          hint=spec[4])[3] for spec in self._footer]
        foot_h = sum(heights) + m.gap * (len(heights) - 1) + 2 * m.pad
        foot_h = min(foot_h, rect[3] // 2 + m.pad)
        content_h = h + 2 * m.pad
        if content_h + foot_h <= rect[3]:  # everything fits: the buttons follow the content
            self.scroll_view("panel", (rect[0], rect[1], rect[2], content_h), items, content_h)
            fy = rect[1] + content_h - m.pad
        else:  # pinned below the scrolling content
            self.scroll_view("panel", (rect[0], rect[1], rect[2], rect[3] - foot_h), items, content_h)
            fy = rect[1] + rect[3] - foot_h
        if content_h + foot_h > rect[3]:
            self.dl.add(Box((rect[0], fy, rect[2], foot_h), ctx.c("bg")))
            self.dl.add(Box((rect[0] + m.pad, fy, rect[2] - 2 * m.pad, max(1, m.border // 2 + 1)),
                            ctx.c("surface_alt") if not ctx.theme.high_contrast else ctx.c("border")))
        by = fy + m.pad
        for label, target, style, icon, hint in self._footer:
            r = button(ctx, self.dl.items, x, by, w, label, target=target, focused=self.focus == target, style=style,
                       icon=icon, hint=hint)
            self.add_focus(target, r)
            by += r[3] + m.gap

    def focus_button(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int, label: str, target: Hashable, *,
                     style: str = "primary", icon: Optional[str] = None, hint: Optional[str] = None,
                     footer: bool = False) -> RectT:
        """A focusable button in the panel; footer=True pins it below the scrolling content (returns (x, y, w, 0))."""
        if footer:
            self._footer.append((label, target, style, icon, hint))
            return (x, y - ctx.m.pad, w, 0)
        r = button(ctx, items, x, y, w, label, target=target, focused=self.focus == target, style=style, icon=icon,
                   hint=hint)
        self.add_focus(target, r, "panel")
        return r

    def default_focus(self, targets: list[Hashable]) -> Optional[Hashable]:
        if "vote" in targets:  # leading a class: Enter takes the vote
            return "vote"
        if "next" in targets and not isinstance(self.beat, EndingBeat):
            return "next"
        if isinstance(self.beat, EndingBeat) and "next" in targets:
            return "next"
        return targets[0] if targets else None

    # ------------------------------------------------------------- drawing
    def draw_dynamic(self, surface: pygame.Surface) -> None:
        """Typing dots bounce while someone is typing (dt-based)."""
        if self.typing_rect is None or not self.revealing or self.typing_who is None:
            return
        sv = self.scrolls.get("thread")
        off = sv.offset if sv else 0
        x, y, w, h = self.typing_rect
        y -= off
        if sv is not None and (y < sv.rect[1] or y + h > sv.rect[1] + sv.rect[3]):
            return
        r = max(3, h // 8)
        for i in range(3):
            phase = self.clock * 6 - i * 0.8
            dy = 0 if self.app.settings.reduced_motion else round(math.sin(phase) * r * 0.8)
            pygame.draw.circle(surface, self.app.ctx.c("muted"), (x + w // 4 + i * w // 4, y + h // 2 + dy), r)

    # ------------------------------------------------------------- input
    def handle(self, intent: Intent) -> bool:
        if self.revealing and (isinstance(intent, (Next, Activate, Toggle, Choose, Submit))
                               or (isinstance(intent, Pointer) and intent.pressed)):
            if isinstance(intent, Pointer) and self.dl.hit_test(intent.x, intent.y, self.offsets()) in (
                    "quick_exit", "help"):
                return super().handle(intent)
            self.reveal_all()
            return True
        beat = self.beat
        if isinstance(beat, ChoiceBeat) and in_class(self) and isinstance(intent, (Choose, Next)):
            pos = intent.index if isinstance(intent, Choose) else 0
            if 0 <= pos < len(beat.options):
                self.open_vote(pos)
            return True
        if isinstance(intent, Choose):
            if isinstance(beat, ChoiceBeat) and 0 <= intent.index < len(beat.options):
                self.choose(intent.index)
                return True
            if isinstance(beat, SpotBeat) and 0 <= intent.index < len(beat.order):
                self.toggle_part(beat.order[intent.index])  # number keys mark by place in the message
                return True
            return True  # a number with no option here does nothing
        if isinstance(intent, Next):
            if isinstance(beat, (MessageBeat, FeedbackBeat, SpotResultBeat, EndingBeat)):
                self.next()
                return True
            if isinstance(beat, SpotBeat):
                self.submit()
                return True
            return False
        if isinstance(intent, Submit):
            if isinstance(beat, SpotBeat):
                self.submit()
                return True
            return False
        if isinstance(intent, Help):
            from .help import HelpScene

            self.app.push(HelpScene(self.app, self.help_theme, self.help_ids))
            return True
        if isinstance(intent, Back):
            from .dialog import PauseScene

            self.app.push(PauseScene(self.app))
            return True
        if isinstance(intent, Home):  # a stray Home key never drops the story: ask first (Home again leaves)
            from .dialog import confirm_leave

            confirm_leave(self.app)
            return True
        if isinstance(intent, Toggle) and isinstance(self.focus, tuple) and self.focus[0] == "part":
            self.toggle_part(int(self.focus[1]))
            return True
        return super().handle(intent)

    def activate(self, target: Hashable, intent: Intent) -> bool:
        if isinstance(target, tuple) and target[0] == "vote_card":
            self.open_vote(int(target[1]))
            return True
        if target == "vote":
            self.open_vote(0)
            return True
        if target == "discuss":
            self.app.dispatch(Facilitate("discuss"))
            return True
        if isinstance(target, tuple) and target[0] == "choice":
            self.choose(int(target[1]))
            return True
        if isinstance(target, tuple) and target[0] == "part":
            self.toggle_part(int(target[1]))
            return True
        if target == "submit":
            self.submit()
            return True
        if target == "nothing":
            self.submit_nothing()
            return True
        if target == "next":
            self.next()
            return True
        if target in ("gethelp", "help"):
            return self.handle(Help())
        if target == "quick_exit":
            self.app.dispatch(QuickExit())
            return True
        return False

    def open_vote(self, card: int) -> None:
        """Leading a class: the vote screen for this choice (the story follows what it decides)."""
        from .vote import VoteScene

        beat = self.beat
        if isinstance(beat, ChoiceBeat):
            self.app.push(VoteScene(self.app, self.session, beat, card), self._voted)

    def _voted(self, result: object) -> None:
        from .vote import VoteResult

        if isinstance(result, VoteResult):
            self.choose(result.position, votes=result.votes, how=result.how, split=result.split)

    def choose(self, pos: int, votes: Optional[list[int]] = None, how: str = "majority",
               split: Optional[object] = None) -> None:
        """Take the visible option at this position (with the class's votes when leading a class)."""
        beat = self.beat
        if not isinstance(beat, ChoiceBeat) or not 0 <= pos < len(beat.options):
            return
        opt = beat.options[pos]
        if opt.choice.toggle and opt.choice.toggle in self.toggles:
            self.toggles[opt.choice.toggle] = not self.toggles[opt.choice.toggle]
            self.changed_toggle = opt.choice.toggle
        self.session.choose(opt.index, votes=votes, how=how, split=split)  # type: ignore[arg-type]
        beat2 = self.beat
        self.app.play_sound("good" if isinstance(beat2, FeedbackBeat) and beat2.verdict == "best" else "tap")
        self.on_beat()

    def toggle_part(self, i: int) -> None:
        """Mark or unmark a spot part."""
        if not isinstance(self.beat, SpotBeat):
            return
        self.selected ^= {i}
        self.set_focus(("part", i))
        self.invalidate()

    def submit(self) -> None:
        """Submit the spot answer."""
        if isinstance(self.beat, SpotBeat):
            self.session.submit_spot(sorted(self.selected))
            self.app.play_sound("tap")
            self.on_beat()

    def submit_nothing(self) -> None:
        """'Nothing looks wrong': the answer that no part is a red flag (any marks are cleared first)."""
        if isinstance(self.beat, SpotBeat):
            self.selected = set()
            self.submit()

    def next(self) -> None:
        """Move on from a beat that needs only Next."""
        if isinstance(self.beat, (MessageBeat, FeedbackBeat, SpotResultBeat, EndingBeat)):
            self.session.advance()
            self.on_beat()

    def back(self) -> bool:
        return self.handle(Back())

    def scroll_by(self, intent: Scroll) -> bool:
        """Wheel and drag scroll the view under the pointer; PgUp/PgDn scroll the story, arrows the panel."""
        if self._view_at(*self._pointer):
            return super().scroll_by(intent)
        return self.scroll_view_by("thread" if intent.page else "panel", intent) or super().scroll_by(intent)
