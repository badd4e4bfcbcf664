"""Shared test setup: SDL's dummy video and audio drivers so UI tests run headless anywhere; English by default."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# The UI language defaults to the system locale's when a catalog exists: tests start in English wherever they run
# (a test that wants Spanish asks for it, e.g. make_app(lang="es")), and no test leaves another language active.
os.environ["LANGUAGE"] = "en"

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _english_after_each_test():  # type: ignore[no-untyped-def]
    yield
    from game.session.lang import set_language

    set_language("en")


@pytest.fixture()
def spanish():  # type: ignore[no-untyped-def]
    """The UI (and the student pages' words) in Spanish for one test."""
    from game.session.lang import set_language

    set_language("es")
    try:
        yield
    finally:
        set_language("en")
