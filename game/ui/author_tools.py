"""Author mode (--author): watch the played scenario file, reload it in place, and keep the author dock's state."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Optional

from .display import DisplayList
from .i18n import _, ngettext
from .intents import Intent, Pointer, Scroll
from .layout import Metrics

if TYPE_CHECKING:
    import pygame

    from ..session.play import PlaySession
    from .host import SceneHost
    from .scene import Scene

POLL_S = 0.25
"""How often the file's size and modification time are read (seconds of real time)."""
NOTICE_S = 10.0
"""How long a reload notice stays on screen."""


class Problem(NamedTuple):
    """One diagnostic of a file that no longer validates, as the dock shows it."""

    where: str
    severity: str
    code: str
    message: str
    hint: str
    source: str = ""
    """The file's line for a syntax error (the dock shows it with a caret under `col`)."""
    col: int = 0


def file_signature(path: Path) -> Optional[tuple[int, int]]:
    """(modification time in ns, size) of a file, or None when it cannot be read."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


class AuthorTools:
    """The author tools of one App: F5 reload, F6 the dock (play state and problems), F7 jump; hot reload.

    The App calls `tick(dt)` each update (real seconds), `layout()` before drawing, `draw(surface)` after the
    scenes, and `fit(metrics)` so the game leaves room for the dock while it is open.
    """

    def __init__(self, app: SceneHost) -> None:
        self.app = app
        self.dock_open = False
        self.auto_opened = False
        self.problems: list[Problem] = []
        self.problem_file = ""
        self.notice = ""
        self.notice_left = 0.0
        self.reloads = 0
        self.version = 0
        self.dl = DisplayList()
        self.full: Optional[Metrics] = None
        self._shown = False
        self._key: tuple = ()
        self._rev = 0
        self._path: Optional[Path] = None
        self._sig: Optional[tuple[int, int]] = None
        self._seen: Optional[tuple[int, int]] = None
        self._since = 0.0
        self.offset = 0
        self.content_h = 0
        self._pointer = (-1, -1)

    # ------------------------------------------------------------- the play-through being authored
    def session_scene(self) -> Optional[Scene]:
        """The topmost scene that shows a play-through (player, debrief or summary), or None."""
        from ..session.play import PlaySession

        for s in reversed(list(self.app.scenes)):
            if isinstance(getattr(s, "session", None), PlaySession):
                return s
        return None

    def session(self) -> Optional[PlaySession]:
        """The play-through being authored, or None (title, picker, quick exit)."""
        scene = self.session_scene()
        return getattr(scene, "session", None) if scene is not None else None

    # ------------------------------------------------------------- keys
    def action(self, name: str) -> None:
        """F5 'reload', F6 'state' (show or hide the dock), F7 'jump'."""
        if self.session() is None:
            return
        if name == "reload":
            self.reload()
        elif name == "state":
            self.dock_open = not self.dock_open
            self.auto_opened = False
            self.changed()
        elif name == "jump":
            from .scenes.author import JumpScene

            if not isinstance(self.app.top, JumpScene):
                self.app.push(JumpScene(self.app))

    def changed(self) -> None:
        """Something the dock shows changed: lay it out again."""
        self._rev += 1

    def pointer(self, intent: Intent) -> bool:
        """The mouse wheel over the open dock scrolls it (True: consumed); pointer moves are only noted."""
        if isinstance(intent, Pointer):
            self._pointer = (intent.x, intent.y)
            return False
        if not isinstance(intent, Scroll) or not self._shown or self.full is None:
            return False
        if self._pointer[0] < self.full.w - dock_width(self.full):
            return False
        from .scenes.page import bar_height

        view = self.full.h - bar_height(self.app.ctx)
        step = view * 0.85 if intent.page else self.full.body * 2.2
        offset = max(0, min(self.content_h - view, int(self.offset + intent.dy * step)))
        if offset != self.offset:
            self.offset = offset
            self.version += 1
        return True

    def say(self, text: str) -> None:
        """Show a notice for a while."""
        self.notice, self.notice_left = text, NOTICE_S
        self.changed()

    # ------------------------------------------------------------- watching the file
    def tick(self, dt: float) -> None:
        """Count real time; a few times a second compare the file's size and time, and reload after a save."""
        if self.notice_left > 0:
            self.notice_left -= dt
            if self.notice_left <= 0:
                self.notice = ""
                self.changed()
        session = self.session()
        if session is None:
            return
        path = session.item.path
        if path != self._path:
            self._path, self._since = path, 0.0
            self._sig = self._seen = file_signature(path)
            return
        self._since += dt
        if self._since < POLL_S:
            return
        self._since = 0.0
        sig = file_signature(path)
        if sig == self._sig:
            self._seen = sig
            return
        if sig != self._seen:  # still being written: wait until it holds still for one poll
            self._seen = sig
            return
        self.reload()

    # ------------------------------------------------------------- reloading
    def reload(self) -> None:
        """Check the file again; play on at the same node (or from the start), or list its problems."""
        from ..session.playtest import carry_over

        scene = self.session_scene()
        session = self.session()
        if scene is None or session is None:
            return
        path = session.item.path
        self._sig = self._seen = file_signature(path)
        self._since = 0.0
        if not path.is_file():  # deleted or moved away: say so, and keep playing what was loaded
            self.problems = [Problem(path.name, "error", "E100", _("file missing"),
                                     _("put the file back (or save it again) and it reloads by itself"))]
            self.problem_file = path.name
            if not self.dock_open:
                self.dock_open = self.auto_opened = True
            self.say(_("{file} is missing: the last good version keeps playing.").format(file=path.name))
            return
        item = self.app.library.refresh(path)
        scn = item.scenario
        if scn is None:
            self._show_problems(item)
            return
        had_problems = any(p.severity == "error" for p in self.problems)
        warnings = item.checked.warnings if item.checked is not None else []
        self.problems = [self._problem(d) for d in warnings]  # hot reload lists warnings too (they do not stop play)
        self.problem_file = path.name
        if self.auto_opened and not warnings:
            self.dock_open = self.auto_opened = False
        old_node = session.state.node
        state = carry_over(session.state, scn)
        if state is None:
            from ..engine import runner

            state = runner.start(scn)
            self.say(_("Node '{node}' is gone from the file, so the story started again at '{start}'.").format(
                node=old_node, start=scn.start))
        elif had_problems:
            self.say(_("Fixed. Reloaded at '{node}'.").format(node=state.node))
        else:
            self.say(_("Reloaded at '{node}'.").format(node=state.node))
        if warnings:
            self.say(self.notice + " " + ngettext("{n} warning: see the author panel (F6).",
                                                  "{n} warnings: see the author panel (F6).",
                                                  len(warnings)).format(n=len(warnings)))
        session.reload(item, state)
        self.reloads += 1
        self.replace_scene(scene, session)

    def jump(self, node_id: str) -> None:
        """Play on from another node with the same variables, score and path."""
        from ..session.playtest import jump

        scene = self.session_scene()
        session = self.session()
        if scene is None or session is None:
            return
        session.set_state(jump(session.state, session.scn, node_id))
        self.replace_scene(scene, session)

    @staticmethod
    def _problem(d: Any) -> Problem:
        return Problem(f"{Path(d.path).name}:{d.line}:{d.col}", d.severity.value, d.code, d.message, d.hint,
                       d.source, d.col)

    def _show_problems(self, item: Any) -> None:
        diags = (item.checked.errors + item.checked.warnings) if item.checked is not None else []
        self.problems = [self._problem(d) for d in diags]
        if not self.problems:
            self.problems = [Problem(item.path.name, "error", "", text, "") for text in item.diagnostics]
        self.problem_file = item.path.name
        if not self.dock_open:
            self.dock_open = self.auto_opened = True
        errors = sum(1 for p in self.problems if p.severity == "error")
        self.say(ngettext("Saved with {n} error: the last good version keeps playing.",
                          "Saved with {n} errors: the last good version keeps playing.", errors).format(n=errors))

    def replace_scene(self, old: Scene, session: PlaySession) -> None:
        """Show the session's current beat in a fresh scene, where `old` stood in the stack (a jump list or help
        open above it stays)."""
        from .scenes.class_summary import ClassSummaryScene
        from .scenes.debrief import DebriefScene
        from .scenes.for_beat import scene_for_beat
        from .scenes.player import PlayerScene

        app = self.app
        new = scene_for_beat(app, session, class_summary=isinstance(old, ClassSummaryScene))
        if isinstance(new, DebriefScene) and isinstance(old, DebriefScene) and new.pages:
            new.page = min(old.page, len(new.pages) - 1)
        if isinstance(new, PlayerScene):
            new.reveal_all()  # an author reload shows the whole thread at once
        if not app.scenes.swap(old, new):
            return
        for s in app.scenes:
            s.invalidate()
        self.changed()

    # ------------------------------------------------------------- the dock
    @property
    def shown(self) -> bool:
        """True while the dock takes the right side of the window."""
        return self.dock_open and self.session_scene() is not None

    def fit(self, m: Metrics) -> Metrics:
        """The game's metrics: the whole window, or the part left of the open dock."""
        self.full = m
        self._shown = self.shown
        if not self._shown:
            return m
        return m._replace(w=m.w - dock_width(m))

    def layout(self) -> None:
        """Before drawing: follow the dock opening or closing, and lay the dock out again when its content changed."""
        if self.shown != self._shown:
            self.app.relayout_all()  # calls fit()
        session = self.session()
        m = self.full
        if m is None:
            return
        scene = self.session_scene()
        badge = scene is not None and scene is self.app.top  # no badge over the jump list, help or a dialog
        key = (self._rev, self._shown, badge, session is not None, session.state if session else None,
               id(session.scn) if session else 0, m, id(self.app.theme))
        if key == self._key:
            return
        self._key = key
        from .author_dock import build

        self.dl = DisplayList()
        if session is not None and (self._shown or badge):
            self.content_h = build(self, self.app.ctx, m, session, self.dl.items)
            if self.offset > self.content_h:
                self.offset = 0
        self.version += 1

    def draw(self, surface: pygame.Surface) -> None:
        """Blit the dock (or the small author badge) over the scenes."""
        if self.dl.items:
            self.app.painter.draw(surface, self.dl, {"author-dock": self.offset})

    def screen_key(self) -> tuple:
        """What makes the author layer distinct in headless screenshots."""
        return (self.shown, len(self.problems), self.reloads)


def dock_width(m: Metrics) -> int:
    """Width of the open dock: about a quarter of the window, wider with bigger text."""
    want = round(m.w * 0.25 * (1 + (m.text_scale - 1) * 0.5))
    return max(260, min(want, 560, round(m.w * 0.35)))
