"""Hot reload, second edition: warnings are listed too, a deleted file reads "file missing", and a syntax error is
shown in the dock as validate prints it: the line with a caret under the column."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any, Callable

import pytest
from drive import FileChoice, send, top_name

from game.content.catalog import scenarios_dir
from game.ui.app import App
from game.ui.intents import Next
from game.ui.launch import open_start


@pytest.fixture
def tour_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "pack" / "en"
    shutil.copytree(scenarios_dir() / "_examples", folder)
    return folder / "format-tour.yaml"


def _app(make_app: Callable[..., App], path: Path, **kw: Any) -> App:
    app = make_app(scenario=path, author=True, **kw)
    open_start(app)
    send(app, Next())
    assert top_name(app) == "player"
    return app


def _reload(app: App) -> None:
    for _ in range(3):
        app.step(0.3)


def _dock(app: App) -> str:
    assert app.author is not None
    return " | ".join(app.author.dl.texts())


def test_a_reload_with_warnings_lists_them(make_app: Callable[..., App], tour_copy: Path) -> None:
    app = _app(make_app, tour_copy)
    send(app, FileChoice(0), Next())
    node = app.top.session.state.node  # type: ignore[union-attr]
    text = tour_copy.read_text(encoding="utf-8")
    tour_copy.write_text(text + "\n", encoding="utf-8")  # same story: no warnings, plain notice
    _reload(app)
    assert app.author is not None and app.author.problems == [] and f"Reloaded at '{node}'" in _dock(app)
    extra = "  spare:\n    screen: narration\n    next: " + node + "\n"
    tour_copy.write_text(text.replace("\nnodes:\n", "\nnodes:\n" + extra, 1), encoding="utf-8")
    _reload(app)
    assert app.top.session.state.node == node  # type: ignore[union-attr]
    assert [p.code for p in app.author.problems] == ["W302"]
    assert "1 warning: see the author panel (F6)." in _dock(app)
    app.author.dock_open = True
    app.step(0.0)
    shown = _dock(app)
    assert "Warnings in format-tour.yaml" in shown and "warning[W302]" in shown and "node 'spare'" in shown


def test_a_deleted_file_reads_file_missing(make_app: Callable[..., App], tour_copy: Path) -> None:
    app = _app(make_app, tour_copy)
    tour_copy.unlink()
    _reload(app)
    assert app.author is not None
    shown = _dock(app)
    assert app.author.notice == "format-tour.yaml is missing: the last good version keeps playing."
    assert "Saved with" not in shown and "format-tour.yaml  error[E100] | file missing" in shown
    assert top_name(app) == "player"


def test_a_syntax_error_shows_the_line_and_a_caret_in_the_dock(make_app: Callable[..., App],
                                                                tour_copy: Path) -> None:
    app = _app(make_app, tour_copy)
    text = tour_copy.read_text(encoding="utf-8")
    broken = text.replace("title: ", "title: \"Unclosed ", 1)
    tour_copy.write_text(broken, encoding="utf-8")
    _reload(app)
    assert app.author is not None
    (p,) = [p for p in app.author.problems if p.code == "E104"]
    assert p.message == "the quote opened here is never closed" and p.source.startswith("title: \"Unclosed")
    assert p.col == len("title: ") + 1
    shown = _dock(app)
    assert p.source in shown and "^" in shown and "hint: end the text with" in shown


def test_the_story_needs_fixes_screen_shows_the_line_and_a_caret(make_app: Callable[..., App], tmp_path: Path) -> None:
    from drive import has_text

    src = (scenarios_dir() / "_examples" / "format-tour.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "pack" / "en" / "broken.yaml"
    broken.parent.mkdir(parents=True)
    broken.write_text(src.replace("title: ", "title: \"Unclosed ", 1), encoding="utf-8")
    app = make_app(scenario=broken)
    assert open_start(app) == 1
    app.step(0.0)
    assert top_name(app) == "diagnostics"
    line = next(row for row in broken.read_text(encoding="utf-8").split("\n") if row.startswith("title: \"Unclosed"))
    assert has_text(app, "error[E104]: the quote opened here is never closed") and has_text(app, line)
    assert has_text(app, "^") and has_text(app, "hint: end the text with")
