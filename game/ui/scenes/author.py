"""Author tools (--author): F5 reloads the scenario file in place, F6 shows the play state, F7 jumps to a node."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Hashable, Optional

from ..display import Item
from ..i18n import _
from ..intents import Intent
from ..layout import Ctx
from ..widgets import text_block
from .page import PageScene

if TYPE_CHECKING:
    from ..app import App
    from .player import PlayerScene


def _player(app: App) -> Optional[PlayerScene]:
    from .player import PlayerScene

    for s in reversed(app.stack):
        if isinstance(s, PlayerScene):
            return s
    return None


def restart_at(app: App, node: Optional[str], keep_vars: bool = True) -> bool:
    """Re-check the scenario file and play again from `node` with the current variables (when still valid)."""
    from ..play import PlaySession
    from .diagnostics import DiagnosticsScene
    from .player import PlayerScene

    player = _player(app)
    if player is None:
        return False
    old = player.session
    app.library.reload()
    item = app.library.item_for_path(old.item.path)
    scn = item.scenario
    if scn is None:
        app.push(DiagnosticsScene(app, item))
        return True
    preset: dict[str, Any] = {}
    if keep_vars:
        preset = {k: v for k, v in old.state.variables if k in scn.variables}
    start = node if node in scn.nodes else None
    session = PlaySession(item, app.library.shared(item.pack).tags, app.store, app.settings.nickname, start, preset)
    app.reset(PlayerScene(app, session))
    return True


def author_action(app: App, action: str) -> None:
    """Run one author tool."""
    player = _player(app)
    if player is None:
        return
    if action == "reload":
        restart_at(app, player.session.state.node)
    elif action == "state":
        app.push(AuthorStateScene(app, player))
    elif action == "jump":
        app.push(JumpScene(app, player))


class AuthorStateScene(PageScene):
    """The play state as text: node, phase, score, variables, visited nodes, decisions."""

    name = "author-state"
    column_chars = 44

    def __init__(self, app: App, player: PlayerScene) -> None:
        super().__init__(app)
        self.player = player

    def page_title(self) -> str:
        return _("Author: play state")

    def column(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
        m = ctx.m
        st = self.player.session.state
        y0 = y
        lines = [
            _("Scenario: {id}").format(id=st.scenario_id),
            _("Node: {node} ({phase})").format(node=st.node, phase=st.phase.value),
            _("Score: {score} (best reachable {best})").format(score=st.score, best=self.player.session.best_score),
            _("Variables: {v}").format(v=", ".join(f"{k}={v!r}" for k, v in st.variables) or "-"),
            _("Visited: {v}").format(v=" > ".join(st.visited)),
            _("Tags: {t}").format(t=", ".join(st.tags) or "-"),
            _("Spot: {h} hits, {m} misses, {f} false alarms").format(h=st.hits, m=st.misses, f=st.false_alarms),
        ]
        for line in lines:
            y += text_block(ctx, items, x, y, w, line, size=m.small) + m.gap // 2
        y += m.pad
        r = self.add_button(ctx, items, x, y, w, _("Back"), "close", style="secondary")
        return y + r[3] - y0

    def activate(self, target: Hashable, intent: Intent) -> bool:
        if target == "close":
            self.dismiss(None)
            return True
        return super().activate(target, intent)


class JumpScene(PageScene):
    """Pick a node to play from (variables kept)."""

    name = "author-jump"
    column_chars = 30

    def __init__(self, app: App, player: PlayerScene) -> None:
        super().__init__(app)
        self.player = player
        self.nodes = list(player.session.scn.nodes)

    def page_title(self) -> str:
        return _("Author: jump to a node")

    def column(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
        m = ctx.m
        y0 = y
        for i, nid in enumerate(self.nodes):
            node = self.player.session.scn.nodes[nid]
            r = self.add_button(ctx, items, x, y, w, f"{nid}  ({node.screen.value})", i, style="secondary")
            y += r[3] + m.gap // 2
        return y - y0

    def activate(self, target: Hashable, intent: Intent) -> bool:
        if isinstance(target, int) and 0 <= target < len(self.nodes):
            restart_at(self.app, self.nodes[target])
            return True
        return super().activate(target, intent)
