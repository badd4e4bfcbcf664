"""Author jump list (F7 with --author): every node of the scenario, filtered as you type; pick one to play from it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Hashable, Optional

from ..display import Box, Hit, Item, Text
from ..host import SceneHost
from ..i18n import _
from ..intents import Activate, Author, Erase, Intent, Next, TextInput
from ..layout import Ctx
from ..scene import Scene
from ..widgets import focus_ring, panel, text_block

if TYPE_CHECKING:
    from ...content.schema import Node, Scenario
    from ...session.play import PlaySession

SNIPPET = 70
"""Characters of a node's first message shown under its id."""


def _first_words(node: Node) -> str:
    """The opening of the node's first message or card, on one line."""
    text = ""
    if node.ending is not None:
        text = node.ending.title
    elif node.card is not None:
        text = node.card.title or node.card.body or ""
    elif node.messages:
        text = node.messages[0].text
    elif node.spot is not None:
        text = node.spot.text
    text = " ".join(str(text or node.title or "").split())
    return text if len(text) <= SNIPPET else text[:SNIPPET - 1].rstrip() + "…"


def matches(scn: Scenario, query: str) -> list[str]:
    """Node ids whose id or screen kind contain `query` (first), then those whose texts do; file order."""
    q = query.strip().lower()
    if not q:
        return list(scn.nodes)
    by_id, by_text = [], []
    for nid, node in scn.nodes.items():
        if q in nid.lower() or q in node.screen.value:
            by_id.append(nid)
        elif any(q in m.text.lower() for m in node.messages) or q in _first_words(node).lower():
            by_text.append(nid)
    return by_id + by_text


class JumpScene(Scene):
    """A card over the dimmed story: a filter field and the list of nodes (keys, mouse and wheel)."""

    name = "author-jump"
    opaque = False
    wants_text = True
    quick_exit_safe = False

    def __init__(self, app: SceneHost) -> None:
        super().__init__(app)
        self.query = ""
        self.shown: list[str] = []

    def session(self) -> Optional[PlaySession]:
        """The play-through to jump in (looked up each time: a reload swaps it)."""
        return self.app.author.session() if self.app.author is not None else None

    def screen_key(self) -> tuple:
        return (self.name, self.query)

    def default_focus(self, targets: list[Hashable]) -> Optional[Hashable]:
        session = self.session()
        here = ("node", session.state.node) if session is not None else None
        if not self.query and here in targets:
            return here
        return targets[0] if targets else None

    def build(self, ctx: Ctx) -> None:
        m = ctx.m
        session = self.session()
        self.dl.add(Box((0, 0, m.w, m.h), ctx.c("scrim")))
        if session is None:
            return
        scn = session.scn
        self.shown = matches(scn, self.query)
        w = min(m.w - 2 * m.pad, round(m.body * 30))
        x = (m.w - w) // 2
        top = m.pad
        head: list[Item] = []
        ix, iw = x + m.pad, w - 2 * m.pad
        y = top + m.pad
        y += text_block(ctx, head, ix, y, iw, _("Jump to a node"), style="bold", size=m.h2) + m.gap // 2
        y += text_block(ctx, head, ix, y, iw, _(
            "Type to filter. Arrows and Enter, or click. Variables and score are kept. Esc closes."),
            role="muted", size=m.small) + m.gap
        y += self._field(ctx, head, ix, y, iw) + m.gap // 2
        count = _("{n} of {total} nodes").format(n=len(self.shown), total=len(scn.nodes))
        y += text_block(ctx, head, ix, y, iw, count, role="muted", size=m.small) + m.gap // 2
        items: list[Item] = []
        ly = y + m.focus_w + m.focus_gap  # room for the focus ring of the first row
        for nid in self.shown:
            ly += self._row(ctx, items, ix, ly, iw, scn, nid, session.state.node) + m.gap // 2
        if not self.shown:
            ly += text_block(ctx, items, ix, ly, iw, _("No node matches '{q}'.").format(q=self.query), role="muted")
        list_h = ly - y + m.gap
        h = min(m.h - 2 * m.pad, y - top + list_h + m.pad)  # the card ends under the last row
        panel(ctx, self.dl.items, (x, top, w, h))
        self.dl.extend(head)
        self.scroll_view("jump", (x + 2, y, w - 4, top + h - y - m.gap), items, list_h)

    def _field(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
        m = ctx.m
        fh = round(m.body * 2.2)
        items.append(Box((x, y, w, fh), ctx.c("bg"), m.small_radius))
        items.append(Box((x, y, w, fh), ctx.c("primary"), m.small_radius, m.border + 1))
        font = m.font("regular")
        text, role = (self.query, "text") if self.query else (_("node id, screen kind or words"), "muted")
        tw, th = ctx.measure(text, font, ctx.c(role))
        tx = x + m.gap + (0 if self.query else 2 * max(2, m.border) + 2)  # the caret stands before a hint
        items.append(Text(tx, y + (fh - th) // 2, text, font, ctx.c(role), 0, "left", tw, th))
        caret_x = x + m.gap + (tw if self.query else 0) + 2
        items.append(Box((caret_x, y + fh // 5, max(2, m.border), fh * 3 // 5), ctx.c("text")))
        return fh

    def _row(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int, scn: Scenario, nid: str, here: str) -> int:
        m = ctx.m
        node = scn.nodes[nid]
        target = ("node", nid)
        focused = self.focus == target
        tags = [node.screen.value]
        if nid == scn.start:
            tags.append(_("start"))
        if node.ending is not None:
            tags.append(_("ending: {tone}").format(tone=node.ending.tone.value))
        if nid == here:
            tags.append(_("you are here"))
        inner: list[Item] = []
        iy = y + m.gap // 2 + 2
        head = "  ·  ".join([nid, *tags])
        iy += text_block(ctx, inner, x + m.gap, iy, w - 2 * m.gap, head, style="bold", size=m.small)
        words = _first_words(node)
        if words:
            iy += text_block(ctx, inner, x + m.gap, iy, w - 2 * m.gap, words, size=m.small,
                             role="text" if focused else "muted")
        rect = (x, y, w, iy - y + m.gap // 2 + 2)
        items.append(Box(rect, ctx.c("primary_soft" if focused else "surface"), m.small_radius))
        items.append(Box(rect, ctx.c("primary" if focused else "border"), m.small_radius, m.border if focused else 1))
        items.extend(inner)
        if focused:
            focus_ring(ctx, items, rect, m.small_radius)
        items.append(Hit(rect, target))
        self.add_focus(target, rect, "jump")
        return rect[3]

    def handle(self, intent: Intent) -> bool:
        if isinstance(intent, TextInput):
            self.query += "".join(ch for ch in intent.text if ch.isprintable())
            self._refilter()
            return True
        if isinstance(intent, Erase):
            self.query = self.query[:-1]
            self._refilter()
            return True
        if isinstance(intent, Author) and intent.action == "jump":
            self.dismiss(None)
            return True
        if isinstance(intent, Next) and self.focus is not None:
            return self.activate(self.focus, Activate())
        return super().handle(intent)

    def _refilter(self) -> None:
        self.focus = None  # the first match takes the focus
        self.scrolls.pop("jump", None)
        self.invalidate()

    def activate(self, target: Hashable, intent: Intent) -> bool:
        if isinstance(target, tuple) and target[0] == "node":
            tools = self.app.author
            self.dismiss(None)
            if tools is not None:
                tools.jump(str(target[1]))
            return True
        return False

    def back(self) -> bool:
        self.dismiss(None)
        return True
