"""The data folder deleted while the game runs: the next confirmed decision notices it, and the title and the
picker say "Progress is not being saved" as they do for a read-only folder; the story plays on."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable

from game.content.catalog import scenarios_dir
from game.ui.app import App
from game.ui.headless import ScriptRunner
from game.ui.intents import Next
from game.ui.scenes.content_note import ContentNoteScene

GONE = "Progress is not being saved: the data folder was deleted or moved."


def test_deleting_the_data_folder_mid_story_shows_the_notice(make_app: Callable[..., App], tmp_path: Path) -> None:
    app = make_app(data_dir=tmp_path / "data")
    app.go_title()
    app.step()
    app.asked_nickname = True
    app.reset(ContentNoteScene(app, app.library.item_for_path(scenarios_dir() / "_examples" / "format-tour.yaml")))
    assert app.store.persistent
    shutil.rmtree(tmp_path / "data")
    assert ScriptRunner(app, None).run(["next", "auto:1"]) == 0
    assert app.top.name == "summary" and app.store.persistent is False  # type: ignore[union-attr]
    app.go_title()
    app.step()
    assert GONE in " | ".join(app.top.dl.texts())  # type: ignore[union-attr]
    app.dispatch(Next())
    app.step()
    assert app.top.name == "picker" and GONE in " | ".join(app.top.dl.texts())  # type: ignore[union-attr]
    assert not (tmp_path / "data" / "records.sqlite3").exists()
