"""Data safety in the game: clearing data mid-story, and a data folder that cannot be written (read-only, full,
or not a folder) shows "Progress is not being saved" instead of failing."""

from __future__ import annotations

from drive import has_text, send, top_name

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


NOT_SAVED = "Progress is not being saved"


def _play_to_summary(app) -> None:  # type: ignore[no-untyped-def]
    from game.ui.scenes.content_note import ContentNoteScene
    from game.ui.scenes.picker import PickerScene
    from game.ui.scenes.title import TitleScene

    item = app.library.item_for_path(FORMAT_TOUR)
    app.reset(TitleScene(app), PickerScene(app), ContentNoteScene(app, item))
    assert ScriptRunner(app, None).run(["next", "auto:2"]) == 0 and top_name(app) == "summary"


def test_a_data_folder_that_cannot_be_created_says_so_and_the_game_plays(make_app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from game.ui.intents import Focus, OpenSettings

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    app = make_app(data_dir=blocker / "data")
    app.go_title()
    app.step()
    app.asked_nickname = True
    send(app, Next())
    assert top_name(app) == "picker" and has_text(app, NOT_SAVED)
    send(app, Back(), OpenSettings())
    assert top_name(app) == "settings" and has_text(app, NOT_SAVED)
    send(app, Focus(1, 0))  # text size up: the change applies, and says it was not saved
    assert app.settings.text_scale == 1.25 and has_text(app, "Settings not saved")
    send(app, Back())
    assert top_name(app) == "title" and has_text(app, NOT_SAVED)
    _play_to_summary(app)
    assert not blocker.with_name("data").exists() and blocker.read_text() == "not a folder"


class _DiskFull:
    """A connection whose write transactions fail as on a full disk."""

    def __init__(self, conn) -> None:  # type: ignore[no-untyped-def]
        self.conn = conn

    def execute(self, sql: str, *args: object):  # type: ignore[no-untyped-def]
        if sql.startswith("BEGIN"):
            import sqlite3

            raise sqlite3.OperationalError("database or disk is full")
        return self.conn.execute(sql, *args)

    def __getattr__(self, name: str) -> object:
        return getattr(self.conn, name)


def test_a_disk_that_fills_up_mid_story_says_so_and_the_story_goes_on(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    app.go_title()
    app.step()
    assert not has_text(app, NOT_SAVED)
    app.store._conn = _DiskFull(app.store._conn)  # the disk fills up after the records were opened
    _play_to_summary(app)
    assert app.store.persistent is False
    app.go_title()
    app.step()
    assert has_text(app, NOT_SAVED) and has_text(app, "the disk is full")


def test_headless_screenshots_into_a_folder_that_cannot_be_made_is_a_usage_error(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from game.cli import main

    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    code = main(["play", "--headless", "--scenario", "tutorial", "--data-dir", str(tmp_path / "data"),
                 "--script", "next", "--screenshots", str(blocker / "shots")])
    assert code == 2 and "cannot write screenshots" in capsys.readouterr().err
