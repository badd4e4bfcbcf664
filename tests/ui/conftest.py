"""Fixtures for headless UI tests: a strict App (scene errors raise) with its own data folder."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterator

import pytest
from browser_tools import browser  # noqa: F401 - the real-browser tests' fixture
from memory import give_back

from game.content.catalog import scenarios_dir
from game.ui.app import App, AppOptions

FORMAT_TOUR = scenarios_dir() / "_examples" / "format-tour.yaml"


@pytest.fixture
def make_app(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Callable[..., App]]:
    """Build Apps (closed after the test); keyword arguments go to AppOptions."""
    made: list[App] = []

    def make(**kw: object) -> App:
        kw.setdefault("headless", True)
        kw.setdefault("strict", True)
        kw.setdefault("data_dir", tmp_path / "data")
        kw.setdefault("size", (1280, 720))
        app = App(AppOptions(**kw))  # type: ignore[arg-type]
        made.append(app)
        return app

    yield make
    for app in made:
        try:
            app.close()
        except Exception:  # noqa: BLE001
            pass
    made.clear()
    if request.node.get_closest_marker("fuzz") is not None:  # the long soaks: the closed Apps' surfaces and fonts
        give_back()  # go back to the system, so the run peaks at one soak's need, not the sum of them all


@pytest.fixture
def app(make_app: Callable[..., App]) -> App:
    """An App at the title screen."""
    a = make_app()
    a.go_title()
    a.step()
    return a
