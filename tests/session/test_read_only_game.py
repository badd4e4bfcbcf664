"""The whole game on a read-only data folder: "Progress is not being saved" on the picker, the settings and the title,
a story plays to the end, and nothing in the folder changes (run without root's permission override)."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Callable

import pytest

from game.session.settings import SETTINGS_FILE
from game.session.store import Store

GAME = """
import os, sys
os.environ["SDL_VIDEODRIVER"] = os.environ["SDL_AUDIODRIVER"] = "dummy"
from pathlib import Path
from game.content.catalog import scenarios_dir
from game.ui.app import App, AppOptions
from game.ui.headless import ScriptRunner
from game.ui.intents import Back, Focus, Next, OpenSettings
from game.ui.scenes.content_note import ContentNoteScene

app = App(AppOptions(headless=True, strict=True, data_dir=Path(sys.argv[1])))
app.go_title()
app.step()
app.asked_nickname = True
def shown(name):
    app.step()
    texts = " | ".join(app.top.dl.texts())
    print(name, app.top.name, "Progress is not being saved: the data folder is read-only." in texts,
          "Settings not saved: the data folder is read-only" in texts)
app.dispatch(Next()); shown("picker")
app.dispatch(Back()); app.dispatch(OpenSettings()); app.dispatch(Focus(1, 0)); shown("settings")
app.dispatch(Back()); shown("title")
app.reset(ContentNoteScene(app, app.library.item_for_path(scenarios_dir() / "_examples" / "format-tour.yaml")))
print("summary", ScriptRunner(app, None).run(["next", "auto:1"]), app.top.name, app.store.persistent)
app.close()
"""


@pytest.mark.parametrize("existing", [False, True], ids=["empty-folder", "existing-records"])
def test_read_only_data_folder_shows_the_notice_and_the_game_plays(tmp_path: Path, existing: bool,
                                                                  run_unprivileged: Callable[..., str]) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    if existing:
        with Store.open(folder) as s:
            s.start_session("kept")
        (folder / SETTINGS_FILE).write_text('{"text_scale": 1.5}\n', encoding="utf-8")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    os.chmod(folder, stat.S_IRUSR | stat.S_IXUSR)  # 0o500
    try:
        out = run_unprivileged(GAME, folder).splitlines()
    finally:
        os.chmod(folder, 0o700)
    assert out == ["picker picker True False", "settings settings True True", "title title True True",
                   "summary 0 summary False"]
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
