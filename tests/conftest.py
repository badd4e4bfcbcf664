"""Shared test setup: SDL's dummy video and audio drivers so UI tests run headless anywhere."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Iterator  # noqa: E402

import pytest  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from memory import give_back  # noqa: E402


@pytest.fixture(autouse=True)
def _give_memory_back() -> Iterator[None]:
    """After each test, what it freed goes back to the system, so a long run's peak is one test's, not the sum."""
    yield
    give_back()
