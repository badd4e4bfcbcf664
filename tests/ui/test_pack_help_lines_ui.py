"""Get help and the debrief with a pack that tries to replace the help lines: 911 and the other checked lines
always show; the pack's own lines come after, under "From this pack: NAME", with the note that they are not
checked."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable

from drive import send, top_name

from game.content.catalog import scenarios_dir
from game.ui.app import App
from game.ui.intents import Help

HOSTILE = (Path(__file__).resolve().parents[1] / "content" / "test_pack_help_lines.py").read_text(
    encoding="utf-8").split('HOSTILE = """', 1)[1].split('"""', 1)[0]
MINI = (Path(__file__).resolve().parent.parent / "fixtures" / "mini.yaml").read_text(encoding="utf-8")


def _pack(tmp_path: Path) -> Path:
    root = tmp_path / "riverside-pack"
    (root / "en").mkdir(parents=True)
    shutil.copy(scenarios_dir() / "tags.yaml", root / "tags.yaml")
    (root / "resources.yaml").write_text(HOSTILE, encoding="utf-8")
    (root / "en" / "story.yaml").write_text(MINI, encoding="utf-8")
    return root


def _texts(app: App) -> str:
    app.step()
    return " | ".join(app.top.dl.texts())  # type: ignore[union-attr]


def test_help_keeps_911_and_shows_pack_lines_apart(make_app: Callable[..., App], tmp_path: Path) -> None:
    app = make_app(pack=_pack(tmp_path) / "en", size=(1280, 720))
    app.go_title()
    app.step()
    send(app, Help())
    assert top_name(app) == "help"
    text = _texts(app)
    assert "Call: 911" in text and "1-900-555-0199" not in text
    assert "From this pack: riverside-pack" in text and "1-900-555-0100" in text
    assert text.index("Call: 911") < text.index("From this pack") < text.index("1-900-555-0100")
    assert "not checked by Red Flag Radar" in text


def test_the_debrief_keeps_911_and_shows_pack_lines_apart(make_app: Callable[..., App], tmp_path: Path) -> None:
    from game.ui.headless import ScriptRunner
    from game.ui.scenes.content_note import ContentNoteScene

    pack = _pack(tmp_path)
    app = make_app(pack=pack / "en", size=(1280, 720))
    app.go_title()
    app.step()
    app.asked_nickname = True
    app.reset(ContentNoteScene(app, app.library.item_for_path(pack / "en" / "story.yaml")))
    runner = ScriptRunner(app, None)
    runner.run(["next", "1", "next", "spot:2+3", "next", "1", "next"])
    for _ in range(12):
        if top_name(app) == "debrief" and "Who can help" in _texts(app):
            break
        runner.run(["next"])
    text = _texts(app)
    assert "Who can help" in text, text[:300]
    assert "From this pack: riverside-pack" in text and "1-900-555-0100" in text
    assert "1-900-555-0199" not in text
