"""Data safety in the game: clearing data mid-story, and a data folder that cannot be written (read-only, full,
or not a folder) shows "Progress is not being saved" instead of failing."""

from __future__ import annotations

from drive import send, top_name

from game.content.catalog import scenarios_dir
from game.ui.headless import ScriptRunner
from game.ui.intents import Back, Next
from game.ui.launch import open_start

FORMAT_TOUR = scenarios_dir() / "_examples" / "format-tour.yaml"


def test_clear_all_data_mid_story_keeps_nothing_of_that_story(make_app, caplog) -> None:  # type: ignore[no-untyped-def]
    """Clearing all data from the pause menu: the story carries on, but no decision, session or progress of
    it (or of the cleared nickname) is written afterwards, and nothing fails."""
    from game.ui.scenes.dialog import PauseScene

    app = make_app(scenario=FORMAT_TOUR)
    app.apply_settings(app.settings.replace(nickname="blue_fox"), save=False)
    open_start(app)
    app.step()
    send(app, Next(), Back())
    pause = app.top
    assert isinstance(pause, PauseScene)
    pause.choose("settings")
    app.step()
    settings = app.top
    assert settings is not None and settings.name == "settings"
    settings._clear(True)  # type: ignore[attr-defined]  # what "Clear all data" + "Yes" call
    send(app, Back(), Back())
    assert top_name(app) == "player"
    assert ScriptRunner(app, None).run(["auto:4"]) == 0 and top_name(app) == "summary"
    assert app.store.sessions() == [] and app.store.progress("blue_fox") == {}
    assert "could not" not in caplog.text
