"""The class vote: lettered cards take show-of-hands counts; Reveal shows the chart; majority, tie pick, override."""

from __future__ import annotations

from typing import TYPE_CHECKING, Hashable, NamedTuple, Optional

from ...content.schema import ME, SYSTEM
from ...engine.beats import ChoiceBeat
from ...session.classroom import leaders, letter
from ..class_widgets import Mark, vote_chart
from ..display import Box, Hit, Item, RectT, Text
from ..i18n import _, ngettext
from ..intents import Activate, Adjust, Choose, Erase, Intent, Submit
from ..layout import Ctx
from ..widgets import focus_ring, text_block
from .page import PageScene
from .vote_devices import device_counts, device_panel, question_for, result_for, sources_line, split_of

if TYPE_CHECKING:
    from ...net.room import Question
    from ...session.device_store import VoteSplit
    from ...session.play import PlaySession
    from ..host import SceneHost

MAX_COUNT = 999


class VoteResult(NamedTuple):
    """What the vote decided: the option position (among those shown), the counts and how it was decided."""

    position: int
    votes: list[int]
    how: str
    """'majority', 'tie' (the teacher picked among tied options) or 'override'."""
    split: Optional[VoteSplit] = None
    """With students' devices: which votes came from hands and which from devices."""


class VoteScene(PageScene):
    """Count phase (cards with counts), reveal phase (bar chart and the decision) and override phase."""

    name = "vote"
    column_chars = 64

    def __init__(self, app: SceneHost, session: PlaySession, beat: ChoiceBeat, start: int = 0) -> None:
        super().__init__(app)
        self.session = session
        self.beat = beat
        self.node_id = beat.node_id
        self.options = [o.choice.text for o in beat.options]
        self.votes = [0] * len(self.options)
        self.sel = max(0, min(len(self.options) - 1, start))
        self.fresh = True
        """The next digit typed replaces the count (after moving to a card or pressing +/-)."""
        self.phase = "count"
        self.focus = ("card", self.sel)
        self.help_theme = session.scn.theme
        self.help_ids = session.help_ids()
        self.question: Optional[Question] = None
        """What the students' devices answer (with an open room), else None."""
        self.split: Optional[VoteSplit] = None
        """The devices' votes as they stood at the reveal, beside the hands."""

    # ------------------------------------------------------------- students' devices
    def enter(self) -> None:
        super().enter()
        if self.app.room is not None:
            self.question = question_for(self)
            self.app.room.open_question(self.question)

    def leave(self) -> None:
        if self.app.room is not None and self.question is not None and self.phase == "count":
            self.app.room.close_question()  # back to the story without a decision: devices wait again
        super().leave()

    def totals(self) -> list[int]:
        """Hands plus devices per option (the devices' votes as they stood at the reveal)."""
        return self.split.totals if self.split is not None else list(self.votes)

    # ------------------------------------------------------------- state
    @property
    def leaders(self) -> list[int]:
        """Options with the most votes (all of them when nobody voted)."""
        return leaders(self.totals())

    @property
    def tied(self) -> bool:
        """True when the teacher must pick among several leaders."""
        return len(self.leaders) > 1

    def class_context(self) -> tuple[Optional[str], list[str]]:
        """The node's discussion question and teacher note (for D and N over the vote)."""
        node = self.session.scn.nodes.get(self.node_id)
        if node is None:
            return None, []
        return node.discussion, [node.teacher_note] if node.teacher_note else []

    def screen_key(self) -> tuple:
        return (self.name, self.node_id, self.phase)

    def screen_name(self) -> str:
        return {"count": "vote", "reveal": "vote-reveal", "override": "vote-override"}[self.phase]

    def page_title(self) -> str:
        return _("Class vote")

    def status(self) -> str:
        total = sum(self.votes)
        hands = ngettext("{n} hand counted", "{n} hands counted", total).format(n=total)
        if self.app.room is None:
            return hands
        answered = sum(device_counts(self.app.room.snapshot, self.question) if self.split is None
                       else self.split.devices)
        return hands + " \u00b7 " + ngettext("{n} device vote", "{n} device votes", answered).format(n=answered)

    def default_focus(self, targets: list[Hashable]) -> Optional[Hashable]:
        want = self.primary()
        return want if want in targets else (targets[0] if targets else None)

    def primary(self) -> Optional[Hashable]:
        if self.phase == "count":
            return "reveal"
        if self.phase == "reveal":
            return ("go", self.leaders[0]) if self.leaders else None
        return self.focus

    # ------------------------------------------------------------- layout
    def column(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
        if self.phase == "count":
            return self.count_column(ctx, items, x, y, w)
        cw = min(w, round(ctx.m.body * 46))
        return self.result_column(ctx, items, x + (w - cw) // 2, y, cw)

    def voted_on(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
        """The message or post being voted on (the last one the screen showed), quoted with who sent it, so the
        class sees what it answers while the cards are up; returns the height used (0 when there is none)."""
        m = ctx.m
        said = [msg for msg in self.beat.messages if msg.speaker not in (ME, SYSTEM)]
        if not said:
            return 0
        msg = said[-1]
        who = self.session.scn.character(msg.speaker)
        pad = m.gap
        inner: list[Item] = []
        iy = y + pad
        iy += text_block(ctx, inner, x + m.pad, iy, w - 2 * m.pad, who.name if who else msg.speaker, style="bold",
                         size=m.small, role="muted") + 2
        iy += text_block(ctx, inner, x + m.pad, iy, w - 2 * m.pad, f"\u201c{msg.text}\u201d", size=m.h2)
        h = iy - y + pad
        items.append(Box((x, y, w, h), ctx.c("surface"), m.radius))
        items.append(Box((x, y, max(4, m.gap // 2), h), ctx.c("primary"), m.radius))
        items.extend(inner)
        return h + m.pad

    def count_column(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
        m = ctx.m
        y0 = y
        y += self.voted_on(ctx, items, x, y, w)
        y += text_block(ctx, items, x, y, w, self.beat.prompt or _("What do you do?"), style="bold", size=m.h1)
        y += m.gap
        y += text_block(ctx, items, x, y, w, _(
            "Ask for a show of hands for each option and type the count on its card (or use + and -). "
            "Arrows or Tab move between the cards. Press S to reveal."), role="muted") + m.pad
        if self.app.room is not None:
            y += device_panel(self, ctx, items, x, y, w) + m.pad
        n = len(self.options)
        fit = max(1, (w + m.pad) // (round(m.body * 15) + m.pad))  # cards stay wide enough to read at 200%
        cols = 1 if not m.wide else min(fit, n if n <= 3 else 2)
        cw = (w - (cols - 1) * m.pad) // cols
        for r0 in range(0, n, cols):
            row = list(range(r0, min(n, r0 + cols)))
            top_h = max(self.card_top(ctx, i, cw) for i in row)
            for c, i in enumerate(row):
                rect = self.card(ctx, items, i, x + c * (cw + m.pad), y, cw, top_h)
                self.add_focus(("card", i), rect, "page")
            y += rect[3] + m.pad
        bw = min(w, round(m.body * 22))
        r = self.add_button(ctx, items, x + (w - bw) // 2, y, bw, _("Reveal the vote"), "reveal", icon="chart",
                            hint="S", sticky=True)  # pinned: the counts scroll, Reveal never falls off
        y += r[3] + m.gap
        r = self.add_button(ctx, items, x + (w - bw) // 2, y, bw, _("Back to the story"), "back",
                            style="secondary", icon="chevron_left", hint="Esc", sticky=True)
        return y + r[3] - y0

    def card_top(self, ctx: Ctx, i: int, w: int) -> int:
        """Height of a card's letter and text (cards in one row share the tallest)."""
        m = ctx.m
        badge = round(m.display * 1.25)
        tw = w - 2 * m.pad - badge - m.gap
        return max(badge, ctx.measure(self.options[i], m.font("bold", m.h2), ctx.c("text"), max(20, tw))[1])

    def card(self, ctx: Ctx, items: list[Item], i: int, x: int, y: int, w: int, top_h: int) -> RectT:
        """One option card: a big letter, the text, and the count between - and + buttons; returns its rectangle."""
        m = ctx.m
        focused = self.focus == ("card", i)
        bs = round(m.body * 2.4)
        cf = m.font("bold", m.display)
        count = str(self.votes[i])
        cwid, chh = ctx.measure(count, cf, ctx.c("text"))
        row_h = max(bs, chh)
        rect = (x, y, w, m.pad + top_h + m.gap + row_h + m.pad)
        items.append(Box(rect, ctx.c("primary_soft" if focused else "surface"), m.radius))
        items.append(Box(rect, ctx.c("primary" if focused else "border"), m.radius, m.border + (2 if focused else 0)))
        items.append(Hit(rect, ("card", i)))
        badge = round(m.display * 1.25)
        bx, by = x + m.pad, y + m.pad
        items.append(Box((bx, by, badge, badge), ctx.c("primary"), m.small_radius))
        lf = m.font("bold", m.display)
        lw, lh = ctx.measure(letter(i), lf, ctx.c("on_primary"))
        items.append(Text(bx + (badge - lw) // 2, by + (badge - lh) // 2, letter(i), lf, ctx.c("on_primary"), 0,
                          "left", lw, lh))
        tx = bx + badge + m.gap
        text_block(ctx, items, tx, by, max(20, x + w - m.pad - tx), self.options[i], size=m.h2, style="bold")
        cy = by + top_h + m.gap
        field_w = max(cwid + 2 * m.gap, round(m.display * 2.2))
        fx = x + m.pad + bs + m.gap
        items.append(Box((fx, cy, field_w, row_h), ctx.c("surface"), m.small_radius))
        items.append(Box((fx, cy, field_w, row_h), ctx.c("primary" if focused else "border"), m.small_radius,
                         m.border + (1 if focused else 0)))
        items.append(Text(fx + (field_w - cwid) // 2, cy + (row_h - chh) // 2, count, cf, ctx.c("text"), 0, "left",
                          cwid, chh))
        sf = m.font("bold", m.h1)
        for k, (sym, target) in enumerate((("\u2212", ("minus", i)), ("+", ("plus", i)))):
            sx = x + m.pad if k == 0 else fx + field_w + m.gap
            sy = cy + (row_h - bs) // 2
            items.append(Box((sx, sy, bs, bs), ctx.c("surface"), m.small_radius))
            items.append(Box((sx, sy, bs, bs), ctx.c("primary"), m.small_radius, m.border))
            sw, sh = ctx.measure(sym, sf, ctx.c("primary"))
            items.append(Text(sx + (bs - sw) // 2, sy + (bs - sh) // 2, sym, sf, ctx.c("primary"), 0, "left", sw, sh))
            items.append(Hit((sx, sy, bs, bs), target))
        wx = fx + field_w + m.gap + bs + m.gap
        word = ngettext("vote", "votes", self.votes[i]) if self.app.room is None else \
            ngettext("hand", "hands", self.votes[i])  # with devices, the cards count the hands
        if ctx.measure(word, m.font("regular"), ctx.c("muted"))[0] <= x + w - m.pad - wx:  # only when it fits
            text_block(ctx, items, wx, cy + (row_h - m.body) // 2 - 2, x + w - m.pad - wx, word, role="muted")
        if focused:
            focus_ring(ctx, items, rect)
        return rect

    def result_column(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
        m = ctx.m
        y0 = y
        y += text_block(ctx, items, x, y, w, self.beat.prompt or _("What do you do?"), role="muted") + m.gap // 2
        title = _("How the class voted") if self.phase == "reveal" else _("Choose another option")
        y += text_block(ctx, items, x, y, w, title, style="bold", size=m.h1) + m.pad
        lead = self.leaders
        marks: dict[int, list[Mark]] = {}
        shown = self.totals()
        total = sum(shown)
        for i in lead:
            if total:
                marks[i] = [(_("Tied for most votes") if len(lead) > 1 else _("Most votes"), "people",
                             "on_primary_soft", "primary_soft")]
        y += vote_chart(ctx, items, x, y, w, self.options, shown, marks=marks, size=m.h2) + m.pad
        in_all = ngettext("{n} vote in all", "{n} votes in all", total).format(n=total) + ": " + sources_line(
            sum(self.votes), sum(self.split.devices)) if self.split is not None else \
            ngettext("{n} hand in all", "{n} hands in all", total).format(n=total)
        y += text_block(ctx, items, x, y, w, in_all, role="muted") + m.gap
        if self.phase == "override":
            y += text_block(ctx, items, x, y, w, _(
                "The class report keeps the vote and shows the option you chose."), size=m.body) + m.pad
            for i, text in enumerate(self.options):
                if i in lead and not self.tied:
                    continue
                label = _("Go with {letter}: {text}").format(letter=letter(i), text=text)
                r = self.add_button(ctx, items, x, y, w, label, ("override_to", i), style="secondary")
                y += r[3] + m.gap
            r = self.add_button(ctx, items, x, y, w, _("Back to the vote"), "reveal_back", style="secondary",
                                icon="chevron_left", hint="Esc")
            return y + r[3] - y0
        if not total and self.split is not None:
            sentence = _("Nobody has voted yet. Choose the way the story goes, or go back to the vote.")
        elif not total:
            sentence = _("No hands were counted. Choose the way the story goes, or change the counts.")
        elif len(lead) > 1:
            sentence = _("It's a tie between {letters}. You decide which way the story goes.").format(
                letters=_(" and ").join(letter(i) for i in lead))
        else:
            sentence = _("Most of the class chose {letter}. The story goes that way.").format(letter=letter(lead[0]))
        y += text_block(ctx, items, x, y, w, sentence, style="bold") + m.pad
        for i in lead:
            label = _("Go with {letter}: {text}").format(letter=letter(i), text=self.options[i])
            r = self.add_button(ctx, items, x, y, w, label, ("go", i), icon="chevron_right",
                                hint=str(i + 1) if len(lead) > 1 else _("Enter"))
            y += r[3] + m.gap
        if len(lead) == 1:
            r = self.add_button(ctx, items, x, y, w, _("Choose another option"), "override", style="secondary")
            y += r[3] + m.gap
        r = self.add_button(ctx, items, x, y, w, _("Change the counts"), "recount", style="secondary",
                            icon="chevron_left", hint="Esc")
        return y + r[3] - y0

    # ------------------------------------------------------------- input
    def handle(self, intent: Intent) -> bool:
        if self.phase == "count":
            if isinstance(intent, Choose):
                self.type_digit((intent.index + 1) % 10)
                return True
            if isinstance(intent, Adjust):
                self.adjust(self.sel, intent.delta)
                return True
            if isinstance(intent, Erase):
                self.votes[self.sel] //= 10
                self.fresh = False
                self.invalidate()
                return True
            if isinstance(intent, Submit):
                self.show_result()
                return True
            if isinstance(intent, Activate) and isinstance(self.focus, tuple) and self.focus[0] == "card":
                nxt = int(self.focus[1]) + 1
                self.set_focus(("card", nxt) if nxt < len(self.options) else "reveal")
                return True
        elif isinstance(intent, Choose) and 0 <= intent.index < len(self.options):
            self.pick(intent.index)
            return True
        return super().handle(intent)

    def set_focus(self, target: Optional[Hashable]) -> None:
        if isinstance(target, tuple) and target[0] == "card" and target != self.focus:
            self.sel = int(target[1])
            self.fresh = True
        super().set_focus(target)

    def pointer(self, p):  # type: ignore[no-untyped-def]
        if p.pressed or p.released or p.held:
            return super().pointer(p)
        return False  # hovering does not move the selected card (the teacher may be typing)

    def type_digit(self, d: int) -> None:
        """A digit for the selected card: the first replaces the count, the next ones append (up to 999)."""
        cur = 0 if self.fresh else self.votes[self.sel]
        self.votes[self.sel] = min(MAX_COUNT, cur * 10 + d)
        self.fresh = False
        self.invalidate()

    def adjust(self, i: int, delta: int) -> None:
        """+1 / -1 on a card (never below 0)."""
        self.votes[i] = max(0, min(MAX_COUNT, self.votes[i] + delta))
        self.fresh = True
        self.invalidate()

    def set_counts(self, counts: list[int]) -> None:
        """All counts at once (scripts and tests)."""
        for i in range(len(self.votes)):
            self.votes[i] = max(0, min(MAX_COUNT, int(counts[i]) if i < len(counts) else 0))
        self.invalidate()

    def show_result(self) -> None:
        """Show the bar chart and what it decides (devices' votes close now and the devices show the result)."""
        room = self.app.room
        if room is not None and self.question is not None:
            room.poll()
            self.split = split_of(list(self.votes), room.snapshot, self.question)
            room.reveal(result_for(self.question, self.split))
        self.phase = "reveal"
        self.focus = None
        self.scrolls = {}
        self.invalidate()
        self.app.play_sound("page")

    def pick(self, i: int) -> None:
        """A number key or button after the reveal: follow a leader, pick on a tie, or override (with a confirm)."""
        lead = self.leaders
        if i in lead:
            self.decide(i, "majority" if len(lead) == 1 else "tie")
        else:
            self.confirm_override(i)

    def confirm_override(self, i: int) -> None:
        """Ask before going against the class vote."""
        from .dialog import ConfirmScene

        L = letter(i)
        self.app.push(ConfirmScene(
            self.app, _("Go with {letter} instead of the class vote?").format(letter=L),
            _("The story will follow {letter}. The class report keeps the vote too.").format(letter=L),
            yes=_("Go with {letter}").format(letter=L), no=_("Keep the class vote")),
            lambda yes: self.decide(i, "override") if yes is True else None)

    def decide(self, i: int, how: str) -> None:
        """Close with the result; the player scene takes the choice and records it."""
        self.dismiss(VoteResult(i, self.totals(), how, self.split))

    def activate(self, target: Hashable, intent: Intent) -> bool:
        if isinstance(target, tuple):
            kind, i = target[0], int(target[1])
            if kind == "card":
                self.set_focus(target)
            elif kind in ("minus", "plus"):
                self.set_focus(("card", i))
                self.adjust(i, -1 if kind == "minus" else 1)
            elif kind == "go":
                self.pick(i)
            elif kind == "override_to":
                self.confirm_override(i)
            else:
                return super().activate(target, intent)
            return True
        if target == "reveal":
            self.show_result()
        elif target == "back":
            self.dismiss(None)
        elif target == "override":
            self.phase = "override"
            self.focus = None
            self.invalidate()
        elif target in ("recount", "reveal_back"):
            return self.back()
        else:
            return super().activate(target, intent)
        return True

    def back(self) -> bool:
        if self.phase == "override":
            self.phase = "reveal"
        elif self.phase == "reveal":
            self.phase = "count"
            self.fresh = True
            if self.app.room is not None and self.question is not None:  # devices may change their votes again
                self.split = None
                self.app.room.open_question(self.question)
        else:
            self.dismiss(None)
            return True
        self.focus = None
        self.scrolls = {}
        self.invalidate()
        return True
