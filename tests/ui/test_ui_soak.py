"""Random soak: 2,000 mixed intents and resizes per scene must raise nothing (scene errors raise in tests)."""

from __future__ import annotations

import random
from typing import Callable

import pytest

from game.content.catalog import scenarios_dir
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
from game.ui.launch import open_start

FORMAT_TOUR = scenarios_dir() / "_examples" / "format-tour.yaml"
N = 2000


def random_intent(rng: random.Random, app: App) -> Intent:
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


def _title(app: App) -> None:
    app.go_title()


def _picker(app: App) -> None:
    from game.ui.scenes.picker import PickerScene
    from game.ui.scenes.title import TitleScene

    app.reset(TitleScene(app), PickerScene(app))


def _nickname(app: App) -> None:
    from game.ui.scenes.nickname import NicknameScene
    from game.ui.scenes.title import TitleScene

    app.reset(TitleScene(app), NicknameScene(app))


def _content_note(app: App) -> None:
    open_start(app)


def _player(app: App) -> None:
    open_start(app)
    app.dispatch(Next())


def _settings(app: App) -> None:
    _title(app)
    app.dispatch(OpenSettings())


def _help(app: App) -> None:
    _player(app)
    app.dispatch(Help())


def _pause(app: App) -> None:
    _player(app)
    app.dispatch(Back())


def _quick_exit(app: App) -> None:
    _player(app)
    app.dispatch(QuickExit())


def _diagnostics(app: App) -> None:
    from game.ui.library import CatalogItem
    from game.ui.scenes.diagnostics import DiagnosticsScene

    app.reset(DiagnosticsScene(app, CatalogItem(FORMAT_TOUR, diagnostics=["x.yaml:1:1: error[E104]: oops"] * 30)))


def _debrief(app: App) -> None:
    from game.ui.headless import ScriptRunner

    open_start(app)
    runner = ScriptRunner(app, None)
    runner.run(["next", "1", "next", "next", "1", "next", "1", "next", "next"])


def _summary(app: App) -> None:
    from game.ui.headless import ScriptRunner

    open_start(app)
    ScriptRunner(app, None).run(["auto:7"])


SCENES: dict[str, Callable[[App], None]] = {
    "title": _title, "picker": _picker, "nickname": _nickname, "content-note": _content_note, "player": _player,
    "settings": _settings, "help": _help, "pause": _pause, "quick-exit": _quick_exit, "diagnostics": _diagnostics,
    "debrief": _debrief, "summary": _summary,
}


@pytest.mark.parametrize("scene", list(SCENES))
def test_random_soak_raises_nothing(make_app, scene: str) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(hash(scene) & 0xFFFF)
    app = make_app(scenario=FORMAT_TOUR, size=(900, 560))
    setup = SCENES[scene]
    setup(app)
    app.step()
    for i in range(N):
        if not app.running:
            app.running = True
        if i % 250 == 0 and i:
            setup(app)
        app.dispatch(random_intent(rng, app))
        if i % 3 == 0:
            app.step(rng.choice([0.0, 0.016, 0.3]))
    app.step()
