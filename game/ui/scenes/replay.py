"""The debrief replay: the screens the player saw, dimmed, stacked, with each red flag lit up where it appeared."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

from ...content.schema import RedFlag, Scenario
from ...engine.replay import Replayed
from ..display import Box, Circle, FocusRing, Icon, Image, Item, Line, Poly, RectT, Text
from ..kinds import Highlight, KindView
from ..kinds import render as render_kind
from ..kinds.registry import kind_label
from ..kinds.rich import lead_width, phrase_rows, phrase_shapes
from ..layout import Ctx
from ..widgets import text_block

Located3 = tuple[list[Replayed], list[int], list[int]]
"""The replayed nodes, the red flags seen (in order) and those not seen."""


@dataclass(frozen=True)
class Located:
    """A red flag the player saw: its debrief index, display number, node and chip label."""

    index: int
    number: int
    flag: RedFlag
    tactic: str


@dataclass
class Replay:
    """The laid-out replay: items (content coordinates), anchors by red-flag index, each flag's number, height."""

    items: list[Item] = field(default_factory=list)
    anchors: dict[int, list[RectT]] = field(default_factory=dict)
    height: int = 0
    seen: list[Located] = field(default_factory=list)
    unseen: list[int] = field(default_factory=list)
    captions: list[tuple[int, int]] = field(default_factory=list)
    """Each screen's caption ("4. Chat · Chattr") as (top, bottom): scrolling never leaves one cut in half."""

    def scroll_to(self, rects: list[RectT], view_top: int, view_h: int, gap: int) -> int:
        """The scroll offset that shows these rectangles (a red flag) a third of the way down, with the caption of
        their screen in view when it fits, and never a caption cut by the view's top edge."""
        top = min(r[1] for r in rects)
        bottom = max(r[1] + r[3] for r in rects)
        off = top - view_top - view_h // 3
        own = [c for c in self.captions if c[0] <= top]
        if own and bottom - own[-1][0] + gap <= view_h:
            off = min(off, own[-1][0] - gap - view_top)
        for ct, cb in self.captions:
            if ct < view_top + off < cb:  # a caption straddles the edge: show it whole, or not at all
                off = ct - gap - view_top if bottom - (ct - gap) <= view_h else cb - view_top
        return off


def _bottom(items: list[Item]) -> int:
    """The lowest pixel any item reaches."""
    low = 0
    for it in items:
        if isinstance(it, Text):
            low = max(low, it.y + it.h)
        elif isinstance(it, Circle):
            low = max(low, it.center[1] + it.radius)
        elif isinstance(it, Line):
            low = max(low, it.start[1], it.end[1])
        elif isinstance(it, (Box, Icon, Image, FocusRing, Poly)):
            low = max(low, it.rect[1] + it.rect[3])
    return low


def build_replay(ctx: Ctx, scn: Scenario, located: Located3, x: int, y: int, w: int, view_h: int,
                 tactic_of: Callable[[RedFlag], str], asset: Callable[[Optional[str]], Optional[str]],
                 current: Optional[int] = None) -> Replay:
    """Lay out the replay (`located`: the nodes as the record says each first visit showed them, the red flags seen
    and those not seen, from `engine.replay.locate_flags`) from (x, y) in width w; `current` (a red-flag index)
    gets a ring."""
    m = ctx.m
    d = scn.debrief
    flags = list(d.red_flags) if d is not None else []
    nodes, order, unseen = located
    rep = Replay()
    rep.seen = [Located(i, n + 1, flags[i], tactic_of(flags[i])) for n, i in enumerate(order)]
    rep.unseen = unseen
    by_index = {loc.index: loc for loc in rep.seen}
    bg = ctx.c("bg")
    scrim = (bg[0], bg[1], bg[2], 150 if not ctx.theme.high_contrast else 120)
    cy = y
    for k, r in enumerate(nodes):
        nid, node, msgs = r.node_id, r.node, r.messages
        cap = f"{k + 1}. {kind_label(node.screen)}" + (f" \u00b7 {node.app}" if node.app else "")
        ch = text_block(ctx, rep.items, x, cy, w, cap, role="muted", size=m.small, style="bold")
        rep.captions.append((cy, cy + ch))
        cy += ch + m.gap // 2
        hls = tuple(Highlight(i, flags[i].quote, f"{by_index[i].number}. {by_index[i].tactic}", tuple(flags[i].tags),
                              marker=str(by_index[i].number))
                    for i in order if flags[i].at == nid)
        view = KindView(scn, nid, node, msgs, highlights=hls, asset=asset, dim=True)
        screen = (x, cy, w, max(m.body * 12, min(view_h, m.body * 18)))
        out = render_kind(ctx, view, screen)
        block = list(out.header) + list(out.body)
        bh = max(out.header_h + out.body_h, _bottom(block) - cy + m.gap)
        rect = (x, cy, w, bh)
        rep.items.append(Box(rect, ctx.c("bg"), m.radius))
        rep.items.extend(block)
        rep.items.append(Box(rect, scrim, m.radius))
        rep.items.extend(out.lit)
        rep.items.append(Box(rect, ctx.c("frame"), m.radius, max(2, m.border)))
        for i, rs in out.anchors.items():
            rep.anchors.setdefault(i, []).extend(rs)
            if i == current and rs:  # the red flag being discussed: one ring around the phrase, its number included
                lead = lead_width(ctx, str(by_index[i].number), rs[0][3]) if i in by_index else 0
                rows = [(rs[0][0] - lead, rs[0][1], rs[0][2] + lead, rs[0][3]), *rs[1:]]
                rad = max(3, min(r[3] for r in rs) // 5)
                rep.items.extend(phrase_shapes(phrase_rows(rows, 3), ctx.c("flag"), radius=rad,
                                               width=max(3, m.focus_w)))
        cy += bh + m.pad
    rep.height = cy - y
    return rep
