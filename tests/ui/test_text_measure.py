"""Measuring one line of text without rendering it gives the size its render has, in every font family."""

from __future__ import annotations

import pytest

from game.session.settings import FONTS
from game.ui.app import App

LINES = ["Quick exit", "Red Flag Radar", "Español ñ ü", "", "  spaces  ", "tab\there", "emoji \U0001f600 gone",
         "x" * 400, "fi fl ffi"]


@pytest.mark.parametrize("family", FONTS)
def test_measured_size_is_the_rendered_size(app: App, family: str) -> None:
    app.fonts.set_family(family)
    app.text.clear()
    for style in ("regular", "bold"):
        for size in (12, 20, 33, 55):
            for line in LINES:
                measured = app.text.size(line, (style, size), (0, 0, 0, 255))
                assert measured == app.text.render(line, (style, size), (0, 0, 0, 255)).get_size(), (style, size, line)


def test_measuring_a_line_renders_nothing_and_a_wrapped_text_is_kept(app: App) -> None:
    app.text.clear()
    before = app.text.renders
    app.text.size("Quick exit", ("bold", 16), (0, 0, 0, 255))
    assert app.text.renders == before
    app.text.size("Two words that wrap", ("regular", 16), (0, 0, 0, 255), wrap=60)
    assert app.text.renders == before + 1
    app.text.render("Two words that wrap", ("regular", 16), (0, 0, 0, 255), wrap=60)
    assert app.text.renders == before + 1  # the draw after a wrapped measure is a cache hit
