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
