"""The App: pygame init, the single event pump, the clock, the scene stack, settings and shutdown."""

from __future__ import annotations

import time
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Callable, Mapping, NamedTuple, Optional

import pygame

from ..session import log
from ..session.paths import resolve_data_dir
from ..session.settings import Settings, load_settings, save_settings
from .assets import FontCache, ImageCache, TextCache
from .display import Painter
from .i18n import _, current_language, set_language
from .intents import Adjust, Author, Facilitate, Fullscreen, Help, Home, Intent, OpenSettings, QuickExit, Quit, Resize
from .layout import Ctx, Metrics
from .scene import Scene
from .scene_stack import SceneStack
from .theme import load_theme

if TYPE_CHECKING:  # opened on first use, so the first frame does not wait for them
    from ..net.server import RoomServer
    from ..session.catalog import Library
    from ..session.classroom import Classroom
    from ..session.store import Store
    from ..session.trace import Trace
    from .author_tools import AuthorTools
    from .sound import Sounds

MIN_SIZE = (800, 500)
IDLE_WAIT_MS = 1000
_REPAINT_EVENTS = {pygame.WINDOWEXPOSED, pygame.VIDEOEXPOSE, pygame.WINDOWRESTORED, pygame.WINDOWSHOWN}
"""After these the window's picture may be gone: the idle loop (which never redraws a still screen) draws once."""
IDLE_POLL_S = 0.01
"""While idle, input is looked for every 10 ms (quick enough not to be felt)."""


class AppOptions(NamedTuple):
    """How the App starts (from the `play` command line, or from tests). A NamedTuple, not a dataclass: it is made
    in a tenth of the time at import, before the title's first frame."""

    size: tuple[int, int] = (1280, 720)
    headless: bool = False
    data_dir: Optional[Path] = None
    pack: Optional[Path] = None
    lang: Optional[str] = None
    """The UI and story language for this run (`--lang`); None: the settings' (or the system's) language."""
    theme: Optional[str] = None
    text_scale: Optional[float] = None
    fullscreen: Optional[bool] = None
    scenario: Optional[Path] = None
    start_at: Optional[str] = None
    preset: Mapping[str, Any] = MappingProxyType({})
    strict: bool = False
    """Re-raise scene errors instead of showing the error screen (tests)."""
    animate: Optional[bool] = None
    """Force animations on/off (headless runs turn them off)."""
    facilitator: bool = False
    class_label: Optional[str] = None
    author: bool = False
    """Author tools: F5 reload the scenario file, F6 show the play state, F7 jump to a node."""
    trace: Optional[Trace] = None
    """Every play-through of this run reports its events here (`--trace FILE`, or kept in memory for tests)."""
    seed: Optional[int] = None
    """Orders the options of every story played (`--seed N`): the same seed, the same order. None: a new order
    every play, except in headless runs, which use 0 so scripts, screenshots and traces repeat exactly."""
    shuffle: bool = True
    """False (`--file-order`): options are shown in the order written (an author reviewing a draft)."""
    devices: bool = False
    """Leading a class, let students answer on their own devices (`--devices`): a room opens with the class."""
    devices_host: Optional[str] = None
    """The address the room listens on (`--devices-host`); None: this machine's on the local network."""
    devices_port: int = 0
    """The room's port (`--devices-port`); 0 picks a free one."""
    everyone_plays: bool = False
    """The room lets every student play the story on their own device (`--everyone-plays`), instead of votes."""

    @property
    def playtest(self) -> bool:
        """True for an author's playtest (--author, --start-at or --set): its plays are not recorded."""
        return self.author or self.start_at is not None or bool(self.preset)


class App:
    """Owns pygame, the window, the caches, the stack of scenes, settings and the record store."""

    def __init__(self, opts: AppOptions) -> None:
        self.opts = opts
        self.seed: Optional[int] = opts.seed if opts.seed is not None else (0 if opts.headless else None)
        """The seed each play-through's option order comes from (None: a new order every play)."""
        self.running = True
        self.exit_code = 0
        self.errors: list[str] = []
        self.notices: list[str] = []
        self.muted = False
        self.asked_nickname = False
        self.data_dir = resolve_data_dir(opts.data_dir)
        settings, notice = load_settings(self.data_dir)
        if notice:
            self.notices.append(notice)
        overrides: dict[str, Any] = {}
        if opts.theme:
            overrides["theme"] = opts.theme
        if opts.text_scale is not None:
            overrides["text_scale"] = opts.text_scale
        if opts.fullscreen:
            overrides["fullscreen"] = True
        if opts.lang:
            overrides["lang"] = opts.lang
        self.settings: Settings = settings.replace(**overrides) if overrides else settings
        set_language(self.settings.language)
        self._store: Optional[Store] = None
        self._library: Optional[Library] = None
        self.author: Optional[AuthorTools] = None
        """Author tools (`author_tools.AuthorTools`) with --author, else None."""
        if opts.author:
            from .author_tools import AuthorTools

            self.author = AuthorTools(self)
        self.classroom: Optional[Classroom] = None
        """Facilitator mode (`classroom.Classroom`) while leading a class, else None."""
        self._class_overrides: dict[str, Any] = {}
        self.last_class_label: Optional[str] = None
        self.room: Optional[RoomServer] = None
        """The open room students' devices join (`devices.open_room`), else None."""
        self.room_notice: Optional[str] = None
        """Why the room could not open, when it could not."""
        self.devices_wanted = opts.devices
        """'Let students join' is on for the next class."""
        pygame.display.init()
        pygame.font.init()
        self.window_size = (max(MIN_SIZE[0], opts.size[0]), max(MIN_SIZE[1], opts.size[1]))
        self._set_window_icon()  # before the window exists: pygame then skips loading its own icon (a few ms)
        self.screen = self._set_mode(self.settings.fullscreen and not opts.headless)
        pygame.display.set_caption(_("Red Flag Radar"))
        pygame.key.set_repeat(400, 40)
        self.fonts = FontCache(self.settings.font)
        self.text = TextCache(self.fonts)
        self.images = ImageCache()
        self.theme = load_theme(self.settings.theme)
        self.painter = Painter(self.text, self.images, self.theme)
        self.ctx = self._make_ctx()
        self.scenes = SceneStack(self._guard, self.go_title)
        self.clock = pygame.time.Clock()
        self._static: Optional[pygame.Surface] = None
        self._static_key: tuple = ()
        self.frames_drawn = 0
        self.text_mode = False
        self._animating = False
        self._sounds: Optional[Sounds] = None

    # ------------------------------------------------------------- services (opened on first use)
    @property
    def store(self) -> Store:
        """The record store (opened on first use, so the first frame is not kept waiting)."""
        if self._store is None:
            from ..session.store import Store

            self._store = Store.open(self.data_dir)
            if self._store.notice:
                self.notices.append(self._store.notice)
                for s in self.scenes:
                    s.invalidate()
        return self._store

    @property
    def open_store(self) -> Optional[Store]:
        """The record store if it is open already (never opens it: screens that only show notices use this)."""
        return self._store

    @property
    def library(self) -> Library:
        """The scenarios on offer and the help resources (loaded on first use)."""
        if self._library is None:
            from ..session.catalog import Library

            self._library = Library(self.opts.pack, current_language())
        return self._library

    # ------------------------------------------------------------- window and context
    def _set_mode(self, fullscreen: bool) -> pygame.Surface:
        flags = pygame.RESIZABLE
        if fullscreen:
            flags = pygame.FULLSCREEN
            size = (0, 0)
        else:
            size = self.window_size
        try:
            screen = pygame.display.set_mode(size, flags)
        except pygame.error:
            screen = pygame.display.set_mode(self.window_size, pygame.RESIZABLE)
        return screen

    def _set_window_icon(self) -> None:
        """The game's flag as the window icon (drawn in code, like every icon)."""
        try:
            from .icons import render_icon

            pygame.display.set_icon(render_icon("flag", 32, 32, (179, 38, 30, 255)))
        except pygame.error:
            pass

    @property
    def animate(self) -> bool:
        """True when eases and reveals animate (off in headless runs and with reduced motion)."""
        if self.opts.animate is not None:
            return self.opts.animate and not self.settings.reduced_motion
        return not self.opts.headless and not self.settings.reduced_motion

    def _make_ctx(self) -> Ctx:
        w, h = self.screen.get_size()
        shown = self.shown_settings
        m = Metrics.compute(w, h, shown.text_scale, self.theme)
        if self.author is not None:  # the open author dock takes the right side
            m = self.author.fit(m)
        return Ctx(self.theme, m, self.fonts, self.text, self.images, reduced_motion=not self.animate,
                   typing_animation=shown.typing_animation and self.animate)

    @property
    def shown_settings(self) -> Settings:
        """The settings on screen: the player's, or the projector's ones while leading a class."""
        if self.classroom is None:
            return self.settings
        shown = self.settings.for_class()
        return shown.replace(**self._class_overrides) if self._class_overrides else shown

    def change_settings(self, **changes: Any) -> Optional[str]:
        """Change settings from the settings screen; while leading a class, text size, theme and typing
        animation change the class's projector settings instead of the player's."""
        if self.classroom is not None:
            routed = {"text_scale": "class_text_scale", "theme": "class_theme",
                      "typing_animation": "class_typing_animation", "lang": "class_lang"}
            for key in [k for k in changes if k in routed]:
                self._class_overrides.pop(key, None)
            changes = {routed.get(k, k): v for k, v in changes.items()}
        return self.apply_settings(self.settings.replace(**changes))

    def start_class(self, label: Optional[str]) -> None:
        """Enter facilitator mode (projector look, timer, notes, votes) with an optional class label."""
        from ..session.classroom import Classroom, clean_label

        old = self.shown_settings
        self.classroom = Classroom(clean_label(label))
        self.last_class_label = self.classroom.label
        self._class_overrides = {k: v for k, v in (("theme", self.opts.theme), ("text_scale", self.opts.text_scale),
                                                   ("lang", self.opts.lang)) if v is not None}
        self._apply_look(old)

    def end_class(self) -> None:
        """Leave facilitator mode (back to the player's own settings)."""
        if self.room is not None:  # (the title's first frame has no room, and need not load the room's code)
            from .devices import close_room

            close_room(self)
        if self.classroom is None:
            return
        old = self.shown_settings
        self.classroom = None
        self._class_overrides = {}
        self._apply_look(old)

    def relayout_all(self) -> None:
        """The window, theme, font or text size changed: rebuild every scene's layout."""
        self.ctx = self._make_ctx()
        self._static_key = ()
        for s in self.scenes:
            s.invalidate()

    def resize(self, w: int, h: int) -> None:
        """Follow a window resize."""
        if (w, h) == self.screen.get_size() and (w, h) == self.window_size:
            return
        if not self.settings.fullscreen:
            self.window_size = (max(MIN_SIZE[0], w), max(MIN_SIZE[1], h))
        if self.opts.headless and (w, h) != self.screen.get_size():
            self.screen = pygame.display.set_mode((max(MIN_SIZE[0], w), max(MIN_SIZE[1], h)), pygame.RESIZABLE)
        else:
            self.screen = pygame.display.get_surface() or self.screen
        self.relayout_all()

    def apply_settings(self, new: Settings, save: bool = True) -> Optional[str]:
        """Use new settings now (theme, font, text size, fullscreen) and save them; returns a notice or None."""
        old = self.shown_settings
        self.settings = new
        self._apply_look(old)
        if save:
            notice = save_settings(self.data_dir, new)
            if notice:
                self.notices.append(notice)
            return notice
        return None

    def _apply_look(self, old: Settings) -> None:
        """Follow a change of the shown settings (font, theme, fullscreen, sound) and lay everything out again."""
        new = self.shown_settings
        if new.font != old.font:
            self.fonts.set_family(new.font)
            self.text.clear()
        if new.theme != old.theme:
            self.theme = load_theme(new.theme)
            self.painter.theme = self.theme
        if new.fullscreen != old.fullscreen and not self.opts.headless:
            self.screen = self._set_mode(new.fullscreen)
        if not new.sound and self._sounds is not None:
            self._sounds.stop()
        if new.language != old.language:  # UI strings, the stories on offer (scenarios/<lang>) and the radar items
            set_language(new.language)
            self.text.clear()
            pygame.display.set_caption(_("Red Flag Radar"))
            if self.opts.pack is None:  # a --pack folder is one language already
                self._library = None
        self.relayout_all()

    # ------------------------------------------------------------- scene stack (see scene_stack.SceneStack)
    @property
    def top(self) -> Optional[Scene]:
        """The scene that receives intents."""
        return self.scenes.top

    def push(self, scene: Scene, on_result: Optional[Callable[[Any], None]] = None) -> None:
        """Put a scene on top; `on_result` receives what it dismisses with."""
        self.scenes.push(scene, on_result)

    def pop(self, scene: Optional[Scene] = None, result: Any = None) -> None:
        """Remove the top scene (or `scene` if given and on top) and resume the one below with the result; an empty
        stack goes back to the title."""
        self.scenes.pop(scene, result)

    def replace(self, scene: Scene) -> None:
        """Swap the top scene for another."""
        self.scenes.replace(scene)

    def reset(self, *scenes: Scene) -> None:
        """Clear the stack and start over with these scenes."""
        self.scenes.reset(*scenes)

    def go_title(self) -> None:
        """Back to the title screen, dropping everything else."""
        from .scenes.title import TitleScene

        self.end_class()
        self.reset(TitleScene(self))
        self.set_caption()
        self.muted = False  # back in the game on purpose: sound (if on) may play again

    # ------------------------------------------------------------- intents
    def dispatch(self, intent: Intent) -> None:
        """Give an intent to the top scene first, then handle the app-wide ones."""
        if isinstance(intent, Resize):
            self.resize(intent.w, intent.h)
            return
        if isinstance(intent, QuickExit) and not (self.top and self.top.name == "quick-exit"):
            self.quick_exit()
            return
        if self.author is not None and self.author.pointer(intent):  # the wheel over the author dock
            return
        top = self.top
        if top is None:
            self.go_title()
            return
        if top.dirty:
            self._guard(top, lambda: top.layout(self.ctx))
        consumed = self._guard(top, lambda: top.handle(intent))
        if consumed:
            return
        if isinstance(intent, Help) and not top.quick_exit_safe:
            from .scenes.help import HelpScene

            self.push(HelpScene(self, getattr(top, "help_theme", None)))
        elif isinstance(intent, Fullscreen):
            self.apply_settings(self.settings.replace(fullscreen=not self.settings.fullscreen))
        elif isinstance(intent, Quit):
            self.quit()
        elif isinstance(intent, Home):
            self.go_title()
        elif isinstance(intent, OpenSettings):
            from .scenes.settings import SettingsScene

            self.push(SettingsScene(self))
        elif isinstance(intent, QuickExit):
            self.quit()
        elif isinstance(intent, (Facilitate, Adjust)) and self.classroom is not None:
            from .scenes.discussion import class_action

            self._guard(top, lambda: class_action(self, intent))
        elif isinstance(intent, Author) and self.author is not None:
            self._guard(top, lambda: self.author.action(intent.action))

    def play_sound(self, name: str) -> None:
        """A soft interface sound, when sound is on (never in headless runs or after a quick exit)."""
        if self.opts.headless or self.muted or not self.settings.sound:
            return
        if self._sounds is None:
            from .sound import Sounds

            self._sounds = Sounds()
        self._sounds.play(name)

    def set_caption(self, text: Optional[str] = None) -> None:
        """The window title (the quick-exit page shows a neutral one)."""
        pygame.display.set_caption(text or _("Red Flag Radar"))

    def quick_exit(self) -> None:
        """Replace everything with the neutral screen at once and silence sound."""
        from .devices import close_room
        from .scenes.quick_exit import QuickExitScene

        close_room(self)  # the server stops before anything else: no device sees the story any more
        self.muted = True
        if self._sounds is not None:
            self._sounds.stop()
        try:
            if pygame.mixer.get_init():
                pygame.mixer.stop()
        except pygame.error:
            pass
        self.reset(QuickExitScene(self))
        self.set_caption(_("Notes"))
        self.render(force=True)

    def quit(self) -> None:
        """Stop the loop (records are already written per decision)."""
        self.running = False

    # ------------------------------------------------------------- frame
    def _guard(self, scene: Scene, fn: Callable[[], Any]) -> Any:
        """Run scene code; an exception shows a readable error screen instead of a traceback."""
        try:
            return fn()
        except Exception as exc:
            if self.opts.strict:
                raise
            import traceback

            detail = traceback.format_exc()
            log.error("scene %s failed:\n%s", scene.name, detail)
            self.errors.append(f"{scene.name}: {type(exc).__name__}: {exc}")
            from .scenes.error import ErrorScene

            if not isinstance(scene, ErrorScene):
                self.reset(ErrorScene(self, f"{type(exc).__name__}: {exc}"))
            return True

    def visible(self) -> list[Scene]:
        """Scenes to draw: from the lowest opaque one up to the top."""
        return self.scenes.visible()

    def update(self, dt: float, real_dt: Optional[float] = None) -> bool:
        """Animate the top scene; True while it animates. The class timer counts real time (`real_dt`, else dt)."""
        top = self.top
        if self.classroom is not None and self.classroom.update(dt if real_dt is None else real_dt):
            for s in self.visible():
                s.invalidate()
            if self.classroom.tone_due():
                self.play_sound("end")
        if self.room is not None and self.room.poll() and top is not None:  # the devices' votes (never waits)
            top.invalidate()
        if top is None:
            return False
        if self.author is not None:  # watches the scenario file a few times a second (may reload the scene)
            self._guard(top, lambda: self.author.tick(dt if real_dt is None else real_dt))
            top = self.top
            if top is None:
                return False
        return bool(self._guard(top, lambda: top.update(dt)) is True)

    def layout(self) -> None:
        """Lay out every visible scene that needs it (and the author layer)."""
        if self.author is not None and self.top is not None:
            self._guard(self.top, self.author.layout)
        for _round in range(3):  # a failing layout may swap in the error scene, which then needs one too
            dirty = [s for s in self.visible() if s.dirty]
            if not dirty:
                return
            for s in dirty:
                self._guard(s, lambda s=s: s.layout(self.ctx))

    def render(self, force: bool = False) -> bool:
        """Draw when something changed; True when a new frame was drawn (and flipped)."""
        self.layout()
        vis = self.visible()
        key = (self.screen.get_size(), id(self.theme), self.author.version if self.author else 0,
               *((id(s), s.version) for s in vis))
        if not force and key == self._static_key and not self._animating:
            return False
        if self._static is None and self.frames_drawn == 0:  # the very first frame: straight to the screen
            self.screen.fill(self.theme.c("bg"))
            for s in vis:
                self._guard(s, lambda s=s: s.draw_static(self.screen))
            if self.author is not None:
                self.author.draw(self.screen)
            self._static_key = key
            pygame.display.flip()
            self.frames_drawn += 1
            return True
        if key != self._static_key or self._static is None or self._static.get_size() != self.screen.get_size():
            if self._static is None or self._static.get_size() != self.screen.get_size():
                self._static = pygame.Surface(self.screen.get_size()).convert()
            self._static.fill(self.theme.c("bg"))
            for s in vis:
                self._guard(s, lambda s=s: s.draw_static(self._static))
            if self.author is not None:
                self.author.draw(self._static)
            self._static_key = key
        self.screen.blit(self._static, (0, 0))
        top = self.top
        if top is not None:
            self._guard(top, lambda: top.draw_dynamic(self.screen))
        pygame.display.flip()
        self.frames_drawn += 1
        return True

    def step(self, dt: float = 0.0) -> bool:
        """Update, lay out and draw once (no event pumping); used by tests and headless runs. As in `run`, the
        very first frame is drawn before anything updates, so it never waits for work a scene defers."""
        if self.frames_drawn == 0:
            self.render(force=True)
        self._animating = self.update(dt)
        return self.render()

    def process_events(self, events: list[pygame.event.Event]) -> None:
        """Turn raw events into intents and dispatch them."""
        from .input import map_event  # loaded with the first events, after the first frame

        for ev in events:
            text_mode = bool(self.top and self.top.wants_text)
            if text_mode != self.text_mode:
                self.text_mode = text_mode
                (pygame.key.start_text_input if text_mode else pygame.key.stop_text_input)()
            if ev.type in _REPAINT_EVENTS:  # the window was uncovered or restored: show the picture again
                self._static_key = ()
            intent = map_event(ev, text_mode)
            if intent is not None:
                self.dispatch(intent)
            if not self.running:
                break

    def run(self, max_seconds: Optional[float] = None, close: bool = True) -> int:
        """The window loop: one event pump, dt timing, no redraw while nothing changes.

        Args:
            max_seconds: stop after this long (benchmarks); None runs until Quit.
            close: shut pygame down at the end.
        """
        if not self.scenes:
            self.go_title()
        start = time.perf_counter()
        self.render(force=True)
        self.store  # noqa: B018 - open the records right after the first frame (notices show on the title)
        animating = True  # a prompt update after the first frame: scenes finish what they deferred (the radar)
        while self.running:
            if max_seconds is not None and time.perf_counter() - start > max_seconds:
                break
            if animating:
                dt = real = self.clock.tick(60) / 1000.0
                events = pygame.event.get()
            else:
                events = self._wait_events(self._idle_wait_ms())
                real = self.clock.tick() / 1000.0
                dt = 0.0
            self.process_events(events)
            if not self.running:
                break
            animating = self.update(min(dt, 0.1), real)
            self._animating = animating
            self.render()
        if close:
            self.close()
        return self.exit_code

    def _wait_events(self, timeout_ms: int) -> list[pygame.event.Event]:
        """Sleep until input arrives or `timeout_ms` pass, looking every IDLE_POLL_S (pygame's event.wait looks
        every millisecond, which kept a core about 2% busy on a screen nobody touched)."""
        deadline = time.perf_counter() + timeout_ms / 1000.0
        while True:
            events = pygame.event.get()
            left = deadline - time.perf_counter()
            if events or left <= 0 or (self.room is not None and self.room.pending()):
                return events
            time.sleep(min(IDLE_POLL_S, left))

    def _idle_wait_ms(self) -> int:
        """How long the idle loop may sleep: up to a second, or until the class timer shows a new second."""
        wait = self.classroom.timer.wait_s() if self.classroom is not None else None
        if self.author is not None:
            from .author_tools import POLL_S

            wait = POLL_S if wait is None else min(wait, POLL_S)
        if self.room is not None:
            from .devices import IDLE_WAIT_MS as ROOM_WAIT_MS

            wait = ROOM_WAIT_MS / 1000 if wait is None else min(wait, ROOM_WAIT_MS / 1000)
        return IDLE_WAIT_MS if wait is None else max(10, min(IDLE_WAIT_MS, round(wait * 1000)))

    def close(self) -> None:
        """Shut down: close the room, the store (records are flushed per decision) and pygame."""
        from .devices import close_room

        close_room(self)
        try:
            if self._store is not None:
                self._store.close()
        except Exception:  # noqa: BLE001
            log.exception("closing the record store failed")
        if self.opts.trace is not None:
            self.opts.trace.close()
        pygame.display.quit()
        pygame.font.quit()
        try:
            pygame.mixer.quit()
        except pygame.error:
            pass
