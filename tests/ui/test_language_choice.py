"""Choosing the language: the title's button, the Settings row (kept in settings.json), the class's own language, and
`--lang es` switching the UI strings, the stories on offer and the story looked up by id."""

from __future__ import annotations

import json
from pathlib import Path

from game.content.catalog import scenarios_dir
from game.session.catalog import resolve_scenario
from game.session.lang import current_language
from game.session.settings import SETTINGS_FILE
from game.ui.display import Text
from game.ui.intents import Activate


def texts(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [it.text for it, _, _ in app.top.dl.walk(app.top.offsets()) if isinstance(it, Text)]


def saved(app) -> dict:  # type: ignore[no-untyped-def, type-arg]
    return json.loads((app.data_dir / SETTINGS_FILE).read_text(encoding="utf-8"))


def test_the_title_offers_the_other_language_in_its_own_words_and_keeps_the_choice(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    app.go_title()
    app.step()
    assert "Play" in texts(app) and "Español" in texts(app)
    app.top.activate("lang", Activate())
    app.step()
    assert current_language() == "es" and app.settings.lang == "es" and saved(app)["lang"] == "es"
    assert "Jugar" in texts(app) and "English" in texts(app) and "Play" not in texts(app)
    assert app.library.folder == scenarios_dir() / "es"  # the stories on offer follow
    again = make_app()  # the next start remembers it
    assert again.settings.language == "es" and current_language() == "es"


def test_the_settings_row_switches_the_language_and_back(make_app) -> None:  # type: ignore[no-untyped-def]
    from game.ui.scenes.settings import SettingsScene

    app = make_app()
    app.go_title()
    app.push(SettingsScene(app))
    app.step()
    assert "Language" in texts(app) and "English" in texts(app)
    app.top.activate("lang", Activate())
    app.step()
    assert app.settings.lang == "es" and "Idioma (Language)" in texts(app) and "Ajustes" in texts(app)
    assert "Tamaño del texto" in texts(app)
    app.top.activate("lang", Activate())
    app.step()
    assert app.settings.lang == "en" and "Settings" in texts(app) and saved(app)["lang"] == "en"


def test_lang_on_the_command_line_overrides_the_setting_for_the_run(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(lang="es")
    app.go_title()
    app.step()
    assert current_language() == "es" and "Jugar" in texts(app)


def test_the_class_has_its_own_language(make_app) -> None:  # type: ignore[no-untyped-def]
    from game.ui.scenes.class_setup import ClassSetupScene

    app = make_app()
    app.go_title()
    app.push(ClassSetupScene(app))
    app.step()
    assert "Language" in texts(app)
    app.top.activate("lang", Activate())
    app.step()
    assert app.settings.class_lang == "es" and app.settings.lang is None and current_language() == "en"
    assert "Español" in texts(app)
    app.start_class("Period 3")
    assert current_language() == "es" and app.shown_settings.language == "es"
    app.end_class()
    assert current_language() == "en"


def test_a_story_id_finds_the_spanish_twin_first(tmp_path: Path) -> None:
    es = scenarios_dir() / "es" / "tutorial.yaml"
    assert resolve_scenario("tutorial", None, "es") == es
    assert resolve_scenario("tutorial", None, "en") == scenarios_dir() / "en" / "tutorial.yaml"
    assert resolve_scenario("tutorial") == scenarios_dir() / "en" / "tutorial.yaml"


def test_an_unknown_language_is_a_usage_error(capsys) -> None:  # type: ignore[no-untyped-def]
    from game.cli import main

    assert main(["play", "--headless", "--lang", "xx", "--script", "auto:1"]) == 2
    assert "--lang xx: no such language" in capsys.readouterr().err


def test_the_title_in_spanish_reaches_the_picker_in_spanish(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(lang="es")
    app.go_title()
    app.asked_nickname = True
    app.step()
    app.top.activate("play", Activate())
    app.step()
    assert app.top.name == "picker" and "Elige una historia" in texts(app)


def test_the_saved_language_picks_the_story_and_a_damaged_file_is_left_for_the_app(tmp_path: Path) -> None:
    import argparse

    from game.session.settings import saved_language
    from game.ui.launch import run_language

    data = tmp_path / "data"
    data.mkdir()
    (data / SETTINGS_FILE).write_text(json.dumps({"lang": "es"}), encoding="utf-8")
    ns = argparse.Namespace(lang=None, data_dir=str(data))
    assert run_language(ns) == "es"
    assert resolve_scenario("tutorial", None, run_language(ns)) == scenarios_dir() / "es" / "tutorial.yaml"
    assert run_language(argparse.Namespace(lang="en", data_dir=str(data))) == "en"
    (data / SETTINGS_FILE).write_text("{not json", encoding="utf-8")
    assert saved_language(data) == "en"
    assert (data / SETTINGS_FILE).read_text(encoding="utf-8") == "{not json"  # load_settings reports it later
