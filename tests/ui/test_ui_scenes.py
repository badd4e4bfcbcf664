"""Every scene driven by intents: title, nickname, picker, content note, player beats, help, settings,
pause/confirm, quick exit, diagnostics, error screen, debrief and summary."""

from __future__ import annotations

import shutil
from pathlib import Path

from drive import FileChoice, has_text, names, send, top_name

from game.content.catalog import scenarios_dir
from game.engine.beats import ChoiceBeat, FeedbackBeat, SpotBeat, SpotResultBeat
from game.ui.app import App
from game.ui.intents import (
    Activate,
    Back,
    Choose,
    Erase,
    Focus,
    Fullscreen,
    Help,
    Home,
    Next,
    OpenSettings,
    QuickExit,
    Resize,
    Submit,
    TextInput,
    Toggle,
)
from game.ui.scenes.content_note import ContentNoteScene
from game.ui.scenes.player import PlayerScene

FORMAT_TOUR = scenarios_dir() / "_examples" / "format-tour.yaml"


def start_tour(make_app) -> App:  # type: ignore[no-untyped-def]
    """An App on the format tour's first beat."""
    from game.ui.launch import open_start

    app = make_app(scenario=FORMAT_TOUR)
    assert open_start(app) == 0
    app.step()
    assert top_name(app) == "content-note"
    send(app, Next())
    assert top_name(app) == "player"
    return app


def test_title_play_nickname_picker_content_note(app: App) -> None:
    assert top_name(app) == "title"
    assert has_text(app, "Red Flag Radar")
    send(app, Activate())  # Play is focused first
    assert top_name(app) == "nickname"
    assert has_text(app, "Do not use your real name")
    send(app, TextInput("blue"), TextInput("_fox"), Erase(), TextInput("x"))
    assert app.top.value == "blue_fox"[:-1] + "x"  # type: ignore[union-attr]
    send(app, Next())
    assert app.settings.nickname == "blue_fox"[:-1] + "x"
    assert top_name(app) == "picker"
    assert app.top.items, "the shipped scenarios are listed"  # type: ignore[union-attr]
    first = app.top.items[0]  # type: ignore[union-attr]
    assert first.scenario is not None and first.scenario.theme == "theme.tutorial"
    send(app, Focus(1, 0), Focus(-1, 0), Activate())
    assert top_name(app) == "content-note"
    assert has_text(app, "Content note")
    send(app, Focus(0, 1), Activate())  # "Choose another story"
    assert top_name(app) == "picker"
    send(app, Back())
    assert top_name(app) == "title"


def test_nickname_can_be_skipped_and_is_asked_once(app: App) -> None:
    send(app, Activate())
    assert top_name(app) == "nickname"
    send(app, Next())  # empty: Next means Skip
    assert top_name(app) == "picker" and app.settings.nickname is None
    send(app, Back(), Activate())
    assert top_name(app) == "picker"


def test_player_choice_feedback_spot_result_ending_debrief_summary(make_app) -> None:  # type: ignore[no-untyped-def]
    app = start_tour(make_app)
    scene = app.top
    assert isinstance(scene, PlayerScene)
    assert isinstance(scene.beat, ChoiceBeat)
    send(app, FileChoice(1))  # "Message them right away"
    assert isinstance(scene.beat, FeedbackBeat)
    assert has_text(app, "points")
    send(app, Next())
    assert isinstance(scene.beat, ChoiceBeat) and scene.beat.node_id == "chat"
    send(app, FileChoice(1))  # "Ask why a shop needs a selfie" -> spot
    send(app, Next())
    assert isinstance(scene.beat, SpotBeat)
    send(app, Choose(1), Choose(0), Choose(0), Toggle())  # mark part 2, mark+unmark part 1, space on focused
    assert scene.selected == set() or scene.selected == {1} or scene.selected
    scene.selected = {1, 2}
    scene.invalidate()
    send(app, Submit())
    assert isinstance(scene.beat, SpotResultBeat)
    assert has_text(app, "Red flag - missed") and has_text(app, "Red flag - you spotted it")
    send(app, Next(), FileChoice(0), Next())  # aunt -> report -> ending
    assert app.top.screen_name() == "ending"  # type: ignore[union-attr]
    send(app, Next())
    assert top_name(app) == "debrief"
    assert has_text(app, "Red flag 1 of 2") and has_text(app, "Odd way to pay")
    for _ in range(20):
        if top_name(app) == "summary":
            break
        send(app, Next())
    assert top_name(app) == "summary"
    assert has_text(app, "Score:")
    send(app, Activate())  # Play another
    assert names(app) == ["title", "picker"]


def test_records_are_written_per_decision(make_app) -> None:  # type: ignore[no-untyped-def]
    app = start_tour(make_app)
    send(app, FileChoice(0), Next())
    sessions = app.store.sessions()
    assert len(sessions) == 1
    decisions = app.store.decisions(sessions[0]["id"])
    assert [d["kind"] for d in decisions] == ["choice"] and decisions[0]["chosen"] == 0


def test_help_opens_from_every_screen_and_closes(make_app) -> None:  # type: ignore[no-untyped-def]
    app = start_tour(make_app)
    for opener in ([], [Back()], [Home(), OpenSettings()]):
        send(app, *opener)
        before = top_name(app)
        send(app, Help())
        assert top_name(app) == "help"
        assert has_text(app, "You are not alone")
        send(app, Help())
        assert top_name(app) == before


def test_quick_exit_hides_everything_and_esc_goes_to_title(make_app) -> None:  # type: ignore[no-untyped-def]
    app = start_tour(make_app)
    send(app, QuickExit())
    assert names(app) == ["quick-exit"] and app.muted
    assert not has_text(app, "Format tour") and has_text(app, "Notes")
    send(app, Help(), Choose(0), Next())
    assert names(app) == ["quick-exit"]
    send(app, Back())
    assert names(app) == ["title"]
    send(app, QuickExit(), QuickExit())
    assert not app.running


def test_quick_exit_button_on_the_player(make_app) -> None:  # type: ignore[no-untyped-def]
    app = start_tour(make_app)
    scene = app.top
    assert scene is not None
    scene.activate("quick_exit", Activate())
    app.step()
    assert names(app) == ["quick-exit"]


def test_pause_resume_and_leave_with_confirm(make_app) -> None:  # type: ignore[no-untyped-def]
    app = start_tour(make_app)
    send(app, Back())
    assert top_name(app) == "pause"
    send(app, Next())  # Resume
    assert top_name(app) == "player"
    send(app, Back(), Focus(0, 1), Focus(0, 1), Activate())  # Back to menu
    assert top_name(app) == "confirm"
    send(app, Back())  # Esc = no
    assert top_name(app) == "pause"
    send(app, Activate())
    send(app, Focus(0, 1), Activate())  # Leave
    assert names(app) == ["title"]


def test_settings_apply_persist_and_clear_data(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    app.go_title()
    send(app, OpenSettings())
    assert top_name(app) == "settings"
    send(app, Focus(1, 0), Focus(1, 0))  # text size +2 steps
    assert app.settings.text_scale == 1.5
    send(app, Focus(0, 1), Activate())  # high contrast
    assert app.settings.theme == "high_contrast" and app.theme.high_contrast
    send(app, Focus(0, 1), Activate())  # font
    assert app.settings.font == "dyslexic"
    send(app, Focus(0, 1), Toggle(), Focus(0, 1), Toggle(), Focus(0, 1), Toggle())
    assert app.settings.reduced_motion and not app.settings.typing_animation and not app.settings.sound
    send(app, Fullscreen())
    assert app.settings.fullscreen
    from game.session.settings import load_settings

    saved, _notice = load_settings(tmp_path / "data")
    assert saved.theme == "high_contrast" and saved.text_scale == 1.5 and saved.font == "dyslexic"
    app.store.save_progress("kit", "format-tour", score=3, stars=1, badges=[])
    app.apply_settings(app.settings.replace(nickname="kit"))
    app.top.activate("clear", Activate())  # type: ignore[union-attr]
    app.step()
    assert top_name(app) == "confirm"
    send(app, Focus(0, 1), Activate())
    assert app.store.progress("kit") == {} and app.settings.nickname is None
    assert has_text(app, "All data was cleared.")


def test_broken_scenario_shows_a_wrench_card_and_its_diagnostics(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pack = tmp_path / "pack"
    pack.mkdir()
    shutil.copy(FORMAT_TOUR, pack / "good.yaml")
    (pack / "images").mkdir()
    shutil.copy(FORMAT_TOUR.parent / "images" / "aunt.png", pack / "images" / "aunt.png")
    (pack / "broken.yaml").write_text("schema_version: 1\nid: broken\ntitle: [oops\n", encoding="utf-8")
    app = make_app(pack=pack)
    app.go_title()
    send(app, Activate(), Next())  # play, skip nickname
    assert top_name(app) == "picker"
    items = app.top.items  # type: ignore[union-attr]
    broken = [i for i, it in enumerate(items) if not it.ok]
    assert len(broken) == 1 and len(items) == 2
    send(app, Choose(broken[0]), Activate())
    assert top_name(app) == "diagnostics"
    assert has_text(app, "broken.yaml") and has_text(app, "error[")
    send(app, Back())
    assert top_name(app) == "picker"


def test_a_failing_screen_shows_a_readable_error_not_a_traceback(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(strict=False)
    app.go_title()
    app.step()

    def boom(*_a: object) -> None:
        raise RuntimeError("bad content")

    app.top.build = boom  # type: ignore[method-assign, union-attr]
    app.top.invalidate()  # type: ignore[union-attr]
    app.step()
    assert top_name(app) == "error" and has_text(app, "This screen could not be shown.")
    send(app, Back())
    assert top_name(app) == "title"


def test_resize_relayouts_every_scene(make_app) -> None:  # type: ignore[no-untyped-def]
    app = start_tour(make_app)
    send(app, Resize(1024, 600))
    assert app.ctx.m.w == 1024
    send(app, Resize(800, 900))
    assert not app.ctx.m.wide
    send(app, Choose(0))
    assert has_text(app, "Next")


def test_content_note_choose_another_from_direct_start(make_app) -> None:  # type: ignore[no-untyped-def]
    from game.ui.launch import open_start

    app = make_app(scenario=FORMAT_TOUR)
    open_start(app)
    app.step()
    assert isinstance(app.top, ContentNoteScene)
    send(app, Back())
    assert top_name(app) == "picker"


def test_static_screen_is_not_redrawn(app: App) -> None:
    assert app.render() is False
    send(app, Focus(0, 1))
    assert app.render() is False  # send() already drew the change once


def test_stars_are_kept_per_nickname_and_shown_in_the_picker(make_app) -> None:  # type: ignore[no-untyped-def]
    from game.ui.headless import ScriptRunner
    from game.ui.launch import open_start

    app = make_app(scenario=FORMAT_TOUR)
    app.apply_settings(app.settings.replace(nickname="blue_fox"))
    open_start(app)
    ScriptRunner(app, None).run(["auto:1"])
    assert top_name(app) == "summary"
    progress = app.store.progress("blue_fox")
    assert progress["format-tour"]["stars"] >= 1
    app.apply_settings(app.settings.replace(nickname=None))
    send(app, Home())
    assert app.store.sessions()[-1]["nickname"] == "blue_fox"


def test_without_a_nickname_no_progress_is_kept(make_app) -> None:  # type: ignore[no-untyped-def]
    from game.ui.headless import ScriptRunner
    from game.ui.launch import open_start

    app = make_app(scenario=FORMAT_TOUR)
    open_start(app)
    ScriptRunner(app, None).run(["auto:2"])
    assert top_name(app) == "summary"
    assert app.store.progress(None) == {}
    assert all(s["nickname"] is None for s in app.store.sessions())


def test_an_unreadable_image_becomes_a_placeholder(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from game.ui.display import DisplayList, Image

    app = make_app()
    app.go_title()
    bad = tmp_path / "broken.png"
    bad.write_bytes(b"not a png at all")
    assert app.images.get(bad, 100, 80) is None
    assert app.images.warnings and "placeholder" in app.images.warnings[0]
    app.painter.draw(app.screen, DisplayList([Image((10, 10, 100, 80), str(bad)), Image((0, 0, 50, 50), None)]))
