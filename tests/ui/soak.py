"""Soak helpers: scene set-ups over every shipped scenario, random intents, and random RAW pygame events."""

from __future__ import annotations

import functools
import random
from typing import Callable, Hashable, Optional

import pygame

from game.content.catalog import find_scenario_files, scenarios_dir
from game.session.catalog import CatalogItem, Library
from game.ui.app import App
from game.ui.intents import (
    Activate,
    Back,
    Choose,
    Erase,
    Focus,
    Fullscreen,
    Help,
    Home,
    Intent,
    Next,
    OpenSettings,
    Pointer,
    QuickExit,
    Resize,
    Scroll,
    Submit,
    TextInput,
    Toggle,
)

FORMAT_TOUR = scenarios_dir() / "_examples" / "format-tour.yaml"
SCENARIOS = sorted(find_scenario_files(scenarios_dir()))
"""Every shipped scenario file (examples included)."""

HOME_PRESSES = 3
"""From any state, this many Home key presses reach the title (one, or two where a story asks to confirm)."""


# ------------------------------------------------------------------------------------------------ intents
def random_intent(rng: random.Random, app: App) -> Intent:
    """A random intent, weighted towards what players do most."""
    w, h = app.screen.get_size()
    x, y = rng.randrange(-5, w + 5), rng.randrange(-5, h + 5)
    roll = rng.random()
    if roll < 0.30:
        return Pointer(x, y, pressed=rng.random() < 0.3, released=rng.random() < 0.3, held=rng.random() < 0.2)
    if roll < 0.40:
        return rng.choice([Focus(rng.choice([-1, 0, 1]), rng.choice([-1, 0, 1])), Focus(0, 1, linear=True),
                           Focus(0, -1, linear=True)])
    if roll < 0.47:
        return Scroll(rng.uniform(-5, 5), page=rng.random() < 0.3)
    if roll < 0.50:
        return Resize(rng.randrange(700, 2000), rng.randrange(450, 1200))
    if roll < 0.56:
        return Choose(rng.randrange(0, 10))
    if roll < 0.58:
        return TextInput(rng.choice(["a", "Z", "7", "é", " ", "long_text_" * 3]))
    pool: list[Intent] = [Next(), Activate(), Toggle(), Submit(), Erase(), Back()]
    rare: list[Intent] = [Help(), OpenSettings(), Home(), QuickExit(), Fullscreen()]
    return rng.choice(pool) if rng.random() < 0.93 else rng.choice(rare)


# ------------------------------------------------------------------------------------------------ scene set-ups
Setup = Callable[[App, random.Random, CatalogItem], None]


@functools.cache
def _library() -> Library:
    return Library()


def share_library(app: App) -> App:
    """Give the App the library checked once for all soaks (checking every shipped file takes a third of a
    second per App); an author reload (F5) still re-checks it."""
    app._library = _library()
    return app


def item_for(app: App, path=FORMAT_TOUR) -> CatalogItem:  # type: ignore[no-untyped-def]
    """The checked catalog item of a scenario file."""
    return app.library.item_for_path(path)


def _title(app: App, rng: random.Random, item: CatalogItem) -> None:
    app.go_title()


def _picker(app: App, rng: random.Random, item: CatalogItem) -> None:
    from game.ui.scenes.picker import PickerScene
    from game.ui.scenes.title import TitleScene

    app.reset(TitleScene(app), PickerScene(app))


def _nickname(app: App, rng: random.Random, item: CatalogItem) -> None:
    from game.ui.scenes.nickname import NicknameScene
    from game.ui.scenes.title import TitleScene

    app.reset(TitleScene(app), NicknameScene(app))


def _content_note(app: App, rng: random.Random, item: CatalogItem) -> None:
    from game.ui.scenes.content_note import ContentNoteScene
    from game.ui.scenes.picker import PickerScene
    from game.ui.scenes.title import TitleScene

    app.reset(TitleScene(app), PickerScene(app), ContentNoteScene(app, item))


def _player(app: App, rng: random.Random, item: CatalogItem, node: Optional[str] = None) -> None:
    """The story at a random node (so every screen kind of every scenario gets its turn); leading a class when
    the App is in facilitator mode."""
    from game.session.play import PlaySession
    from game.ui.scenes.player import PlayerScene
    from game.ui.scenes.title import TitleScene

    scn = item.scenario
    assert scn is not None, item.diagnostics
    node = node or rng.choice([scn.start, *scn.nodes])
    room = app.classroom
    session = PlaySession(item, app.library.shared(item.pack).tags, app.store,
                          None if room is not None else app.settings.nickname, node,
                          mode="facilitator" if room is not None else "solo",
                          class_label=room.label if room is not None else None, seed=rng.randrange(1000))
    app.reset(TitleScene(app), PlayerScene(app, session))


def _settings(app: App, rng: random.Random, item: CatalogItem) -> None:
    _player(app, rng, item)
    app.dispatch(OpenSettings())


def _help(app: App, rng: random.Random, item: CatalogItem) -> None:
    _player(app, rng, item)
    app.dispatch(Help())


def _pause(app: App, rng: random.Random, item: CatalogItem) -> None:
    _player(app, rng, item)
    app.step()
    app.dispatch(Back())


def _confirm(app: App, rng: random.Random, item: CatalogItem) -> None:
    from game.ui.scenes.dialog import ConfirmScene

    _pause(app, rng, item)
    app.push(ConfirmScene(app, "Leave this story?", "You can play it again later.", yes="Leave", no="Stay"))


def _quick_exit(app: App, rng: random.Random, item: CatalogItem) -> None:
    _player(app, rng, item)
    app.dispatch(QuickExit())


def _diagnostics(app: App, rng: random.Random, item: CatalogItem) -> None:
    from game.ui.scenes.diagnostics import DiagnosticsScene

    app.reset(DiagnosticsScene(app, CatalogItem(FORMAT_TOUR, diagnostics=["x.yaml:1:1: error[E104]: oops"] * 30)))


def _error(app: App, rng: random.Random, item: CatalogItem) -> None:
    from game.ui.scenes.error import ErrorScene

    app.reset(ErrorScene(app, "ValueError: a long detail " * 20))


def _play_until(app: App, rng: random.Random, item: CatalogItem, name: str) -> None:
    """Start at a random ending of the story and play on (as the headless auto player does) until `name` shows."""
    from game.ui.headless import ScriptRunner

    scn = item.scenario
    assert scn is not None, item.diagnostics
    _player(app, rng, item, rng.choice([nid for nid, node in scn.nodes.items() if node.ending is not None]))
    app.step()
    runner = ScriptRunner(app, None)
    for _ in range(60):
        top = app.top
        assert top is not None
        if top.name == name:
            return
        for intent in runner.auto_intents(top, rng):
            app.dispatch(intent)
        app.step()
    raise AssertionError(f"{name} not reached in {item.path.name}")


def _debrief(app: App, rng: random.Random, item: CatalogItem) -> None:
    _play_until(app, rng, item, "debrief")


def _summary(app: App, rng: random.Random, item: CatalogItem) -> None:
    _play_until(app, rng, item, "summary")


def _author(app: App, rng: random.Random, item: CatalogItem) -> None:
    """The story with the author tools on (the App is made with author=True: F5 reload, F6 dock, F7 jump)."""
    assert app.author is not None
    _player(app, rng, item)


def _author_jump(app: App, rng: random.Random, item: CatalogItem) -> None:
    """The author's jump list (F7) over the story."""
    from game.ui.intents import Author

    _author(app, rng, item)
    app.step()
    app.dispatch(Author("jump"))


def _lead(app: App) -> None:
    """Facilitator mode (Lead a class) with a class label."""
    if app.classroom is None:
        app.start_class("Period 3")


def _class_setup(app: App, rng: random.Random, item: CatalogItem) -> None:
    from game.ui.scenes.class_setup import ClassSetupScene
    from game.ui.scenes.title import TitleScene

    app.reset(TitleScene(app), ClassSetupScene(app))


def _class_story(app: App, rng: random.Random, item: CatalogItem) -> None:
    _lead(app)
    _player(app, rng, item)


def _vote(app: App, rng: random.Random, item: CatalogItem) -> None:
    """The class vote on a random choice of the story."""
    from game.engine.beats import ChoiceBeat
    from game.ui.scenes.player import PlayerScene

    _lead(app)
    scn = item.scenario
    assert scn is not None
    _player(app, rng, item, rng.choice([nid for nid, node in scn.nodes.items() if node.choices] or [scn.start]))
    app.step()
    top = app.top
    if isinstance(top, PlayerScene) and isinstance(top.beat, ChoiceBeat):
        top.open_vote(rng.randrange(len(top.beat.options)))


def _discussion(app: App, rng: random.Random, item: CatalogItem) -> None:
    from game.ui.intents import Facilitate

    _class_story(app, rng, item)
    app.step()
    app.dispatch(Facilitate("discuss"))


def _teacher_notes(app: App, rng: random.Random, item: CatalogItem) -> None:
    from game.ui.intents import Facilitate

    _class_story(app, rng, item)
    app.step()
    app.dispatch(Facilitate("notes"))


def _class_summary(app: App, rng: random.Random, item: CatalogItem) -> None:
    _lead(app)
    _play_until(app, rng, item, "class-summary")


SCENES: dict[str, Setup] = {
    "title": _title, "picker": _picker, "nickname": _nickname, "content-note": _content_note, "player": _player,
    "settings": _settings, "help": _help, "pause": _pause, "confirm": _confirm, "quick-exit": _quick_exit,
    "diagnostics": _diagnostics, "error": _error, "debrief": _debrief, "summary": _summary, "author": _author,
    "author-jump": _author_jump, "class-setup": _class_setup, "class-story": _class_story, "vote": _vote,
    "discussion": _discussion, "teacher-notes": _teacher_notes, "class-summary": _class_summary,
}
"""Every scene kind, each reached the way a player reaches it (scenario scenes take a scenario and a node)."""
SCENARIO_SCENES = {"content-note", "player", "settings", "help", "pause", "confirm", "quick-exit", "debrief",
                   "summary", "author", "author-jump", "class-story", "vote", "discussion", "teacher-notes",
                   "class-summary"}
"""Scenes set up on a shipped scenario (they rotate through all of them)."""
APP_OPTIONS: dict[str, dict[str, object]] = {"author": {"author": True}, "author-jump": {"author": True}}
"""App options a scene needs from the start."""


# ------------------------------------------------------------------------------------------------ raw events
_KEYS: list[tuple[int, int, str]] = [  # (key, mod, text typed)
    (pygame.K_F11, 0, ""), (pygame.K_F12, 0, ""), (pygame.K_h, 0, "h"), (pygame.K_ESCAPE, 0, ""),
    (pygame.K_TAB, 0, ""), (pygame.K_TAB, pygame.KMOD_LSHIFT, ""), (pygame.K_UP, 0, ""), (pygame.K_DOWN, 0, ""),
    (pygame.K_LEFT, 0, ""), (pygame.K_RIGHT, 0, ""), (pygame.K_RETURN, 0, ""), (pygame.K_KP_ENTER, 0, ""),
    (pygame.K_SPACE, 0, " "), (pygame.K_HOME, 0, ""), (pygame.K_PAGEUP, 0, ""), (pygame.K_PAGEDOWN, 0, ""),
    (pygame.K_s, 0, "s"), (pygame.K_BACKSPACE, 0, ""), (pygame.K_F1, 0, ""), (pygame.K_END, 0, ""),
    (pygame.K_a, 0, "a"), (pygame.K_t, 0, "t"), (pygame.K_n, 0, "n"), (pygame.K_d, 0, "d"),
    (pygame.K_PLUS, 0, "+"), (pygame.K_MINUS, 0, "-"), (pygame.K_EQUALS, 0, "="), (pygame.K_t, pygame.KMOD_LSHIFT, "T"),
    (pygame.K_RETURN, pygame.KMOD_LCTRL, ""), (pygame.K_F5, 0, ""), (pygame.K_F6, 0, ""), (pygame.K_F7, 0, ""),
    (pygame.K_LSHIFT, pygame.KMOD_LSHIFT, ""), (pygame.K_LALT, pygame.KMOD_LALT, ""), (pygame.K_DELETE, 0, ""),
    *((getattr(pygame, f"K_{i}"), 0, str(i)) for i in range(10)),
    *((getattr(pygame, f"K_KP{i}"), 0, str(i)) for i in range(10)),
]
_TEXTS = ["é", "ß", "日本", "🙂", "\u200d", "\u202e", "a\u0301", "x" * 40, "\t", "Zoë"]
_WINDOW_EVENTS = [pygame.WINDOWFOCUSLOST, pygame.WINDOWFOCUSGAINED, pygame.WINDOWENTER, pygame.WINDOWLEAVE,
                  pygame.WINDOWMINIMIZED, pygame.WINDOWRESTORED, pygame.WINDOWMAXIMIZED, pygame.WINDOWEXPOSED,
                  pygame.WINDOWSHOWN, pygame.WINDOWHIDDEN, pygame.WINDOWTAKEFOCUS, pygame.VIDEOEXPOSE,
                  pygame.KEYMAPCHANGED, pygame.CLIPBOARDUPDATE]
SIZES = [(320, 240), (400, 300), (640, 360), (800, 500), (1024, 768), (1280, 720), (1366, 768), (1920, 1080),
         (2560, 1440), (600, 1000), (1500, 400)]


def E(kind: int, **attrs: object) -> pygame.event.Event:  # noqa: N802 - reads like a constructor
    """A pygame event."""
    return pygame.event.Event(kind, **attrs)


def key_events(key: int, mod: int = 0, text: str = "") -> list[pygame.event.Event]:
    """Key down (+ the TEXTINPUT SDL sends for printable keys) + key up, as SDL delivers them."""
    evs = [E(pygame.KEYDOWN, key=key, mod=mod, unicode=text, scancode=0, window=None)]
    if text and not mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
        evs.append(E(pygame.TEXTINPUT, text=text, window=None))
    evs.append(E(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0, window=None))
    return evs


def click_events(x: int, y: int, button: int = 1) -> list[pygame.event.Event]:
    """Move there, press, release."""
    return [E(pygame.MOUSEMOTION, pos=(x, y), rel=(0, 0), buttons=(0, 0, 0), touch=False, window=None),
            E(pygame.MOUSEBUTTONDOWN, pos=(x, y), button=button, touch=False, window=None),
            E(pygame.MOUSEBUTTONUP, pos=(x, y), button=button, touch=False, window=None)]


def drag_events(x0: int, y0: int, x1: int, y1: int, steps: int) -> list[pygame.event.Event]:
    """Press, move with the button held, release."""
    evs = [E(pygame.MOUSEBUTTONDOWN, pos=(x0, y0), button=1, touch=False, window=None)]
    px, py = x0, y0
    for i in range(1, steps + 1):
        x, y = x0 + (x1 - x0) * i // steps, y0 + (y1 - y0) * i // steps
        evs.append(E(pygame.MOUSEMOTION, pos=(x, y), rel=(x - px, y - py), buttons=(1, 0, 0), touch=False,
                     window=None))
        px, py = x, y
    evs.append(E(pygame.MOUSEBUTTONUP, pos=(x1, y1), button=1, touch=False, window=None))
    return evs


def wheel_events(dy: int, precise: float) -> list[pygame.event.Event]:
    """A wheel turn (and the legacy button 4/5 events SDL2 also sends)."""
    return [E(pygame.MOUSEWHEEL, x=0, y=dy, precise_x=0.0, precise_y=precise, flipped=False, touch=False,
              which=0, window=None),
            E(pygame.MOUSEBUTTONDOWN, pos=(1, 1), button=4 if dy > 0 else 5, touch=False, window=None)]


def visible_targets(app: App) -> list[tuple[Hashable, tuple[int, int]]]:
    """Pointer targets on the top scene with a visible point to click (scroll offsets and clips honoured)."""
    top = app.top
    if top is None:
        return []
    w, h = app.screen.get_size()
    out = []
    for it, shift, clip in top.dl.walk(top.offsets()):
        if type(it).__name__ != "Hit":
            continue
        x, y, rw, rh = it.rect  # type: ignore[union-attr]
        y -= shift
        x0, y0, x1, y1 = max(x, 0), max(y, 0), min(x + rw, w), min(y + rh, h)
        if clip is not None:
            x0, y0 = max(x0, clip[0]), max(y0, clip[1])
            x1, y1 = min(x1, clip[0] + clip[2]), min(y1, clip[1] + clip[3])
        if x1 > x0 and y1 > y0:
            point = ((x0 + x1) // 2, (y0 + y1) // 2)
            if top.dl.hit_test(*point, top.offsets()) == it.target:  # not covered by another target
                out.append((it.target, point))
    return out


class RawMonkey:
    """Random but plausible raw input: keys, typing, clicks (random and on real buttons), wheel, drags,
    touches, resizes (the window really changes size), focus and window events, quits and settings changes.

    Events go through the SDL queue (post + get) and then `App.process_events`, the App's own input mapping.
    """

    def __init__(self, app: App, rng: random.Random) -> None:
        self.app = app
        self.rng = rng
        self.events = 0

    # -- feeding
    def feed(self, events: list[pygame.event.Event], dt: Optional[float] = None) -> None:
        """Post the events, pump them through the App, then update and draw like one loop iteration."""
        for ev in events:
            pygame.event.post(ev)
        self.events += len(events)
        self.app.process_events(pygame.event.get())
        if not self.app.running:  # Quit (window close, Ctrl+Q, F12 twice): a real run ends; the soak goes on
            self.app.running = True
        self.app.step(self.rng.choice([0.0, 0.0, 0.016, 0.05, 0.3]) if dt is None else dt)

    def key(self, key: int, mod: int = 0, text: str = "") -> None:
        """Press one key."""
        self.feed(key_events(key, mod, text))

    # -- window
    def resize(self, w: int, h: int) -> None:
        """The OS resizes the window (the display surface really changes), then SDL reports it."""
        pygame.display.set_mode((w, h), pygame.RESIZABLE)
        self.feed([E(pygame.VIDEORESIZE, size=(w, h), w=w, h=h), E(pygame.WINDOWRESIZED, x=w, y=h, window=None)])

    # -- one random action
    def act(self) -> None:
        """One random action (usually a few events)."""
        rng, app = self.rng, self.app
        w, h = app.screen.get_size()
        if app.top is not None and app.top.name == "quick-exit" and rng.random() < 0.4:  # back from the notes page
            self.key(rng.choice([pygame.K_ESCAPE, pygame.K_ESCAPE, pygame.K_F12]))
            return
        roll = rng.random()
        if roll < 0.34:
            key, mod, text = rng.choice(_KEYS)
            if key != pygame.K_HOME:
                self.key(key, mod, text)
            elif rng.random() < 0.3:  # rare, as it ends the exploration: and from here it must reach the title
                self.home_reaches_title()
        elif roll < 0.40:
            self.feed([E(pygame.TEXTINPUT, text=rng.choice(_TEXTS), window=None)])
        elif roll < 0.56:
            targets = [t for t in visible_targets(app) if t[0] != "quick_exit" or rng.random() < 0.2]
            if targets and rng.random() < 0.6:
                _target, (x, y) = rng.choice(targets)
            else:
                x, y = rng.randrange(-5, w + 5), rng.randrange(-5, h + 5)
            self.feed(click_events(x, y, rng.choice([1, 1, 1, 1, 2, 3])))
        elif roll < 0.63:
            dy = rng.choice([-5, -1, -1, 1, 1, 5])
            self.feed([E(pygame.MOUSEMOTION, pos=(rng.randrange(w), rng.randrange(h)), rel=(0, 0),
                         buttons=(0, 0, 0), touch=False, window=None), *wheel_events(dy, dy * rng.uniform(0.2, 1.5))])
        elif roll < 0.70:
            x0, y0 = rng.randrange(w), rng.randrange(h)
            self.feed(drag_events(x0, y0, rng.randrange(-20, w + 20), rng.randrange(-20, h + 20), rng.randrange(1, 8)))
        elif roll < 0.74:
            self.feed([E(pygame.MOUSEMOTION, pos=(rng.randrange(w), rng.randrange(h)), rel=(1, 1),
                         buttons=(0, 0, 0), touch=False, window=None) for _ in range(rng.randrange(1, 6))])
        elif roll < 0.76:
            fx, fy = rng.random(), rng.random()
            self.feed([E(pygame.FINGERDOWN, x=fx, y=fy, dx=0.0, dy=0.0, touch_id=1, finger_id=0, pressure=1.0),
                       E(pygame.FINGERMOTION, x=fx, y=min(1.0, fy + 0.1), dx=0.0, dy=0.1, touch_id=1, finger_id=0,
                         pressure=1.0),
                       E(pygame.FINGERUP, x=fx, y=fy, dx=0.0, dy=0.0, touch_id=1, finger_id=0, pressure=0.0)])
        elif roll < 0.80:
            size = rng.choice(SIZES) if rng.random() < 0.6 else (rng.randrange(320, 2561), rng.randrange(240, 1441))
            self.resize(*size)
        elif roll < 0.85:
            kind = rng.choice(_WINDOW_EVENTS)
            extra = [E(pygame.ACTIVEEVENT, gain=int(kind == pygame.WINDOWFOCUSGAINED), state=2)]
            self.feed([E(kind, window=None), *extra])
        elif roll < 0.87:
            self.feed([E(pygame.WINDOWMOVED, x=rng.randrange(-50, 500), y=rng.randrange(-50, 500), window=None)])
        elif roll < 0.88:
            self.feed([E(pygame.WINDOWCLOSE, window=None), E(pygame.QUIT)])
        elif roll < 0.92:
            self.settings_change()
        elif roll < 0.94:
            self.key(pygame.K_F12)
            self.key(rng.choice([pygame.K_ESCAPE, pygame.K_F12, pygame.K_RETURN, pygame.K_h]))
        else:
            self.feed([], dt=rng.choice([0.0, 0.016, 0.5, 2.0]))  # time passes

    # -- directed sequences (still raw events)
    def press_target(self, target: Hashable, limit: int = 40) -> bool:
        """Reach a control like a keyboard user (Tab until focused, then Enter); False when it is not there."""
        top = self.app.top
        if top is None or target not in [f.target for f in top.focusables]:
            return False
        for _ in range(limit):
            if self.app.top is not top:
                return False
            if top.focus == target:
                self.key(pygame.K_RETURN)
                return True
            self.key(pygame.K_TAB)
        return False

    def open_settings(self) -> bool:
        """From a story (Esc, then Settings in the pause menu) or the title; True when settings are on top."""
        from game.ui.scenes.dialog import PauseScene

        top = self.app.top
        if top is None:
            return False
        if top.name == "player":
            self.key(pygame.K_ESCAPE)
            top = self.app.top
        if isinstance(top, PauseScene):
            index = [b[1] for b in top.buttons].index("settings")
            self.press_target(index)
        elif top is not None and top.name == "title":
            self.press_target("settings")
        return self.app.top is not None and self.app.top.name == "settings"

    def settings_change(self) -> None:
        """Open the settings mid-scenario and change the text size, theme, font or motion, then go back."""
        if not self.open_settings():
            return
        rng = self.rng
        for _ in range(rng.randrange(1, 4)):
            top = self.app.top
            if top is None or top.name != "settings":
                return
            what = rng.choice(["text+", "text-", "text-arrows", "theme", "font", "motion", "typing"])
            if what in ("text+", "text-"):
                spots = [p for t, p in visible_targets(self.app) if t == ("text", 1 if what == "text+" else -1)]
                if spots:
                    self.feed(click_events(*spots[0]))
            elif what == "text-arrows":
                if self.press_target("text"):  # Enter steps the size; arrows step it too
                    self.key(rng.choice([pygame.K_LEFT, pygame.K_RIGHT]))
            else:
                self.press_target(what)
        self.key(pygame.K_ESCAPE)

    # -- the Home promise
    def home_reaches_title(self) -> int:
        """Press the Home key until the title shows; returns the presses needed (fails after HOME_PRESSES)."""
        for n in range(1, HOME_PRESSES + 1):
            self.key(pygame.K_HOME)
            top = self.app.top
            if top is not None and top.name == "title" and len(self.app.scenes) == 1:
                return n
        top = self.app.top
        raise AssertionError(f"Home did not reach the title in {HOME_PRESSES} presses: stack "
                             f"{[s.name for s in self.app.scenes]}, top {top.name if top else None}")
