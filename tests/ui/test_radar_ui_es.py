"""The radar check played in Spanish: the Spanish screens (same items as English), and the review names each
red flag's tactics with the Spanish tag names."""

from __future__ import annotations

from typing import Callable

from drive import has_text, send, top_name

from game.content.catalog import load_shared, scenarios_dir
from game.content.radar_check import load_radar_set
from game.ui.app import App
from game.ui.intents import Choose, Next
from game.ui.scenes.radar import RadarIntroScene
from game.ui.scenes.radar_review import RadarReviewScene

ES = load_radar_set(scenarios_dir() / "radar" / "es")
TAGS_ES = load_shared(scenarios_dir(), "es").tags


def test_the_radar_check_in_spanish_names_tactics_in_spanish(make_app: Callable[..., App]) -> None:
    app = make_app(lang="es")
    app.go_title()
    app.push(RadarIntroScene(app, "before"))
    send(app, Next())
    assert top_name(app) == "radar-item"
    spanish = {i.id: i for i in ES.items}
    first = app.top.item  # type: ignore[union-attr]
    assert first.explain == spanish[first.id].explain
    for _ in range(16):
        send(app, Choose(0), Next())
    assert top_name(app) == "radar-result"
    send(app, Next())
    seen = 0
    while isinstance(app.top, RadarReviewScene):
        item = app.top.answer.item
        assert item.explain == spanish[item.id].explain and has_text(app, item.explain)
        if item.tags:
            tag = TAGS_ES.get(item.tags[0]) if TAGS_ES else None
            assert tag is not None and has_text(app, tag.label), (item.id, tag)
            seen += 1
        send(app, Next())
    assert seen == 8
