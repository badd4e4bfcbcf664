"""The real-browser tests' shared pieces: the system Chromium (never a downloaded one) and a browser per test module
that skips with the reason when Playwright or Chromium is missing."""

from __future__ import annotations

import os
import shutil
from typing import Any, Iterator

import pytest

CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")


def chromium_path() -> str | None:
    """The system Chromium ($RFR_CHROMIUM, else a usual place), or None."""
    for path in (os.environ.get("RFR_CHROMIUM"), *CANDIDATES, shutil.which("chromium")):
        if path and os.path.exists(path):
            return path
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless system Chromium driven by Playwright, for one test module."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright is not installed: pip install -e '.[browser]' (the browser itself comes from apt)")
    path = chromium_path()
    if path is None:
        pytest.skip("no system Chromium found: apt-get install -y chromium (or set RFR_CHROMIUM)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=["--no-sandbox", "--disable-gpu"])
        try:
            yield b
        finally:
            b.close()
