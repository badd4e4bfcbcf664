"""Settings: round trip, clamping and defaults, damaged files kept aside, unwritable folders, fuzzed input."""

from __future__ import annotations

import json
import math
import os
import stat
from pathlib import Path
from typing import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.session.settings import (
    FIELDS,
    FONTS,
    NICKNAME_MAX,
    SETTINGS_FILE,
    TEXT_SCALE_MAX,
    TEXT_SCALE_MIN,
    THEMES,
    Settings,
    load_settings,
    save_settings,
)

CUSTOM = Settings(text_scale=1.5, theme="high_contrast", font="dyslexic", reduced_motion=True, sound=False,
                  fullscreen=True, typing_animation=False, nickname="Sky")


def _bad_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(SETTINGS_FILE + ".bad-*"))


# -- round trip ------------------------------------------------------------------------------------------------


def test_defaults() -> None:
    s = Settings()
    assert (s.text_scale, s.theme, s.font, s.reduced_motion, s.sound, s.fullscreen, s.typing_animation,
            s.nickname) == (1.0, "default", "default", False, True, False, True, None)


def test_save_then_load_round_trip(tmp_path: Path) -> None:
    assert save_settings(tmp_path, CUSTOM) is None
    assert load_settings(tmp_path) == (CUSTOM, None)
    on_disk = json.loads((tmp_path / SETTINGS_FILE).read_text(encoding="utf-8"))
    assert on_disk == CUSTOM.to_dict()
    assert on_disk["nickname"] == "Sky" and on_disk["text_scale"] == 1.5


def test_a_language_without_a_catalog_loads_as_not_chosen(tmp_path: Path) -> None:
    """`lang` holds a language with a UI catalog ('es'), else None (not chosen: the system's language, or English)."""
    old = {**CUSTOM.to_dict(), "lang": "pt_BR", "class_lang": "klingon"}
    (tmp_path / SETTINGS_FILE).write_text(json.dumps(old), encoding="utf-8")
    assert load_settings(tmp_path) == (CUSTOM, None)
    assert save_settings(tmp_path, load_settings(tmp_path)[0]) is None
    on_disk = json.loads((tmp_path / SETTINGS_FILE).read_text(encoding="utf-8"))
    assert on_disk["lang"] is None and on_disk["class_lang"] is None
    assert Settings(lang="es-MX").lang == "es" and Settings(lang="ES").lang == "es" and Settings(lang=7).lang is None


def test_the_class_language_is_the_players_unless_chosen() -> None:
    assert Settings(lang="es").for_class().lang == "es"
    assert Settings(lang="es", class_lang="en").for_class().lang == "en"
    assert Settings(lang="es").language == "es"


def test_save_creates_missing_folders_and_leaves_no_temp_files(tmp_path: Path) -> None:
    folder = tmp_path / "a" / "b"
    assert save_settings(folder, Settings()) is None
    assert save_settings(folder, CUSTOM) is None
    assert [p.name for p in folder.iterdir()] == [SETTINGS_FILE]
    assert load_settings(folder)[0] == CUSTOM


def test_missing_file_gives_defaults_and_no_notice(tmp_path: Path) -> None:
    assert load_settings(tmp_path) == (Settings(), None)
    assert load_settings(tmp_path / "does-not-exist") == (Settings(), None)


def test_to_dict_from_dict_round_trip() -> None:
    assert Settings.from_dict(CUSTOM.to_dict()) == CUSTOM
    assert Settings.from_dict(json.loads(json.dumps(CUSTOM.to_dict()))) == CUSTOM


def test_replace_normalises_and_instances_are_frozen() -> None:
    s = Settings().replace(text_scale=9, theme="high_contrast")
    assert (s.text_scale, s.theme) == (2.0, "high_contrast")
    assert Settings().replace(theme="neon").theme == "default"
    with pytest.raises(AttributeError):
        s.theme = "default"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del s.sound
    with pytest.raises(TypeError):
        Settings().replace(volume=11)
    same = Settings(text_scale=2, theme="high_contrast")
    assert s == same and hash(s) == hash(same)
    assert s != Settings() and s != s.to_dict() and "theme='high_contrast'" in repr(s)
    assert list(s.to_dict()) == list(FIELDS)


# -- bad values --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(5, 2.0), (2.0, 2.0), (0.2, 1.0), (-3, 1.0), (1.25, 1.25), ("1.5", 1.5), ("big", 1.0), (None, 1.0),
     (True, 1.0), (float("nan"), 1.0), (float("inf"), 2.0), (float("-inf"), 1.0), (10**400, 2.0), ([1.5], 1.0)],
)
def test_text_scale_is_clamped_or_defaulted(raw: object, expected: float) -> None:
    assert Settings.from_dict({"text_scale": raw}).text_scale == expected


@pytest.mark.parametrize(
    ("field", "raw", "expected"),
    [
        ("theme", "neon", "default"), ("theme", 3, "default"), ("theme", "high_contrast", "high_contrast"),
        ("font", "comic", "default"), ("font", None, "default"), ("font", "hyperlegible", "hyperlegible"),
        ("reduced_motion", "yes", False), ("reduced_motion", 1, False), ("sound", 0, True), ("sound", False, False),
        ("fullscreen", "true", False), ("typing_animation", None, True),
        ("nickname", "", None), ("nickname", "   ", None), ("nickname", "x" * (NICKNAME_MAX + 1), None),
        ("nickname", "a\x00b", None), ("nickname", 42, None), ("nickname", "  Blue   Fox ", "Blue Fox"),
    ],
)
def test_bad_values_fall_back_per_field(field: str, raw: object, expected: object) -> None:
    s = Settings.from_dict({field: raw, "theme": "high_contrast"} if field != "theme" else {field: raw})
    assert getattr(s, field) == expected
    if field != "theme":
        assert s.theme == "high_contrast"  # one bad field does not reset the others


def test_unknown_keys_and_non_dicts_are_tolerated() -> None:
    assert Settings.from_dict({"volume": 11, 3: "x", "sound": False}) == Settings(sound=False)
    for junk in (None, [], "settings", 7, [("sound", False)]):
        assert Settings.from_dict(junk) == Settings()


def test_bad_values_in_file_are_fixed_without_a_notice(tmp_path: Path) -> None:
    (tmp_path / SETTINGS_FILE).write_text(json.dumps({"text_scale": 7, "font": "dyslexic", "sound": "loud"}))
    s, notice = load_settings(tmp_path)
    assert notice is None
    assert (s.text_scale, s.font, s.sound) == (2.0, "dyslexic", True)
    assert _bad_files(tmp_path) == []


# -- damaged or unreadable file ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [b'{"text_scale": 1.5, "theme":', b"\xff\xfe\x00garbage", b"[1, 2, 3]", b"", b'"just a string"', b"{" * 5000],
    ids=["truncated", "not-utf8", "list", "empty", "string", "deep"],
)
def test_corrupt_file_gives_defaults_notice_and_is_kept_aside(tmp_path: Path, content: bytes) -> None:
    (tmp_path / SETTINGS_FILE).write_bytes(content)
    s, notice = load_settings(tmp_path)
    assert s == Settings()
    kept = _bad_files(tmp_path)
    assert len(kept) == 1
    assert kept[0].read_bytes() == content
    assert notice is not None and "damaged" in notice and kept[0].name in notice
    assert not (tmp_path / SETTINGS_FILE).exists()
    assert load_settings(tmp_path) == (Settings(), None)  # the next start is quiet
    assert save_settings(tmp_path, CUSTOM) is None and load_settings(tmp_path) == (CUSTOM, None)


def test_two_corruptions_in_the_same_second_are_both_kept(tmp_path: Path) -> None:
    for content in (b"{bad one", b"{bad two"):
        (tmp_path / SETTINGS_FILE).write_bytes(content)
        assert load_settings(tmp_path)[1] is not None
    assert sorted(p.read_bytes() for p in _bad_files(tmp_path)) == [b"{bad one", b"{bad two"]


def test_unreadable_file_gives_defaults_and_notice(tmp_path: Path) -> None:
    (tmp_path / SETTINGS_FILE).mkdir()  # a folder where the file should be
    s, notice = load_settings(tmp_path)
    assert s == Settings()
    assert notice is not None and notice.startswith("Settings could not be read")
    assert (tmp_path / SETTINGS_FILE).is_dir()  # left alone


# -- unwritable data folder -----------------------------------------------------------------------------------


def _chmod_stops_writes(folder: Path) -> bool:
    probe = folder / ".probe"
    try:
        probe.write_text("x")
    except OSError:
        return True
    probe.unlink()
    return False  # root (or a filesystem ignoring modes): chmod does not protect the folder


READ_ONLY_SNIPPET = """
import sys
from pathlib import Path
from game.session.settings import Settings, load_settings, save_settings
folder = Path(sys.argv[1])
print(save_settings(folder, Settings(theme="high_contrast", text_scale=1.5)))
print(load_settings(folder) == (Settings(), None))
"""


def test_read_only_folder_chmod_returns_notice(tmp_path: Path, run_unprivileged: Callable[..., str]) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    assert save_settings(folder, Settings()) is None
    os.chmod(folder, stat.S_IRUSR | stat.S_IXUSR)  # 0o500
    try:
        if _chmod_stops_writes(folder):
            notice = save_settings(folder, CUSTOM)
            unchanged = load_settings(folder) == (Settings(), None)
        else:  # root: chmod does not bite, so run the same steps with root's override dropped
            notice, unchanged_text = run_unprivileged(READ_ONLY_SNIPPET, folder).splitlines()
            unchanged = unchanged_text == "True"
        assert notice == "Settings not saved: the data folder is read-only"
        assert unchanged  # the old file is intact
        assert [p.name for p in folder.iterdir()] == [SETTINGS_FILE]  # no temp file left behind
    finally:
        os.chmod(folder, 0o700)


def test_folder_that_cannot_be_created_returns_notice(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    notice = save_settings(blocker / "data", CUSTOM)
    assert notice == "Settings not saved: the data folder cannot be created"
    assert blocker.read_text() == "not a folder"
    assert load_settings(blocker / "data") == (Settings(), None)


def test_data_dir_that_is_a_file_returns_notice(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    notice = save_settings(blocker, CUSTOM)
    assert notice is not None and notice.startswith("Settings not saved: ")
    assert blocker.read_text() == "not a folder"


# -- fuzzing ----------------------------------------------------------------------------------------------------

JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
KEYS = st.sampled_from(FIELDS) | st.text(max_size=12)


def _in_range(s: Settings) -> None:
    assert isinstance(s.text_scale, float) and not math.isnan(s.text_scale)
    assert TEXT_SCALE_MIN <= s.text_scale <= TEXT_SCALE_MAX
    assert s.theme in THEMES and s.font in FONTS
    for flag in (s.reduced_motion, s.sound, s.fullscreen, s.typing_animation):
        assert type(flag) is bool
    assert s.nickname is None or (isinstance(s.nickname, str) and 0 < len(s.nickname) <= NICKNAME_MAX
                                  and s.nickname.isprintable() and s.nickname == s.nickname.strip())


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(KEYS, JSONISH, max_size=12))
def test_from_dict_never_raises_and_stays_in_range(data: dict) -> None:
    s = Settings.from_dict(data)
    _in_range(s)
    again = Settings.from_dict(json.loads(json.dumps(s.to_dict())))
    assert again == s  # normalised values survive the file round trip unchanged


@settings(max_examples=100, deadline=None)
@given(JSONISH)
def test_from_dict_tolerates_any_top_level_json(data: object) -> None:
    _in_range(Settings.from_dict(data))
