"""The painter's caches stay within their memory budgets however many different translucent panels are drawn."""

from __future__ import annotations

import pygame

from game.ui.display import ALPHA_BUDGET, Box


def test_translucent_layers_stay_within_their_budget(app) -> None:  # type: ignore[no-untyped-def]
    painter = app.painter
    target = pygame.Surface((1920, 1200))
    for h in range(200, 1200, 20):  # tall debrief panels of every height, and full-screen scrims
        painter.draw(target, [Box((10, 0, 650, h), (246, 244, 251, 150), 12), Box((0, 0, 1920, 1080),
                                                                                 (30, 27, 46, 153))])
    assert painter.alpha_bytes <= ALPHA_BUDGET
    assert painter.alpha_bytes == sum(s.get_width() * s.get_height() * 4 for s in painter._alpha.values())
    assert (1920, 1080, (30, 27, 46, 153), 0) in painter._alpha  # the scrim drawn every time is still cached
    assert target.get_at((5, 5)) != pygame.Color(0, 0, 0)  # and drawing still blends


def test_the_font_cache_keeps_the_sizes_used_last(app) -> None:  # type: ignore[no-untyped-def]
    from game.ui.assets import FONTS_KEPT, FontCache

    fonts = FontCache(capacity=3)
    for size in (10, 12, 14, 16):
        fonts.get(("regular", size))
    fonts.get(("regular", 12))  # used again: kept
    fonts.get(("bold", 20))
    assert list(fonts._fonts) == [("regular", 16), ("regular", 12), ("bold", 20)]
    made = fonts.created
    fonts.get(("regular", 10))  # dropped earlier: loaded again
    assert fonts.created == made + 1 and len(fonts._fonts) == 3
    assert app.fonts.capacity == FONTS_KEPT >= 24, "a screen's dozen sizes, both styles, stay loaded"
