"""Control characters (C0 but newline and tab, DEL, C1) and bidi overrides are refused in every text, key and
value with their place (E112); file-derived text in diagnostics is escaped, so a pack cannot drive a terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli import main
from game.content.safetext import clean, escape
from game.session.check import check_file

MINI = (Path(__file__).resolve().parent.parent / "fixtures" / "mini.yaml").read_text(encoding="utf-8")


def _story(tmp_path: Path, old: str, new: str) -> Path:
    assert old in MINI
    path = tmp_path / "story.yaml"
    path.write_text(MINI.replace(old, new, 1), encoding="utf-8")
    return path


def _line(old: str) -> int:
    return MINI.split(old, 1)[0].count("\n") + 1


@pytest.mark.parametrize(("old", "new", "char"), [
    ("title: Mini story", 'title: "Mini\\0 story"', "NUL"),
    ("summary: A tiny story used by the tests.", 'summary: "A tiny\\e]0;PWNED\\a story"', "U+001B"),
    ("text: Send a selfie to start.", 'text: "Send a \\x85selfie"', "U+0085"),
    ("text: Send a selfie to start.", 'text: "Call \\u202e5551234"', "U+202E"),
    ("      - text: Look it up first", '      - text: "Look\\x7f it up"', "U+007F"),
])
def test_control_characters_in_text_are_refused_with_their_place(tmp_path: Path, old: str, new: str,
                                                                   char: str) -> None:
    line = _line(old)
    checked = check_file(_story(tmp_path, old, new))
    found = [d for d in checked.diagnostics if d.code == "E112"]
    assert [d.line for d in found] == [line], [d.format() for d in checked.diagnostics]
    assert char in found[0].message and "character" in found[0].message
    assert found[0].col > 1


def test_newlines_and_tabs_stay_allowed(tmp_path: Path) -> None:
    checked = check_file(_story(tmp_path, "text: Send a selfie to start.", 'text: "Send a\\tselfie\\nto start."'))
    assert [d.code for d in checked.diagnostics] == []


def test_a_control_character_in_a_key_is_refused(tmp_path: Path) -> None:
    path = _story(tmp_path, "  end_safe:\n", '  "end_safe\\e[2J":\n')
    checked = check_file(path)
    assert "E112" in {d.code for d in checked.diagnostics}


@pytest.mark.parametrize(("old", "new"), [
    ("  end_safe:\n", '  "End Safe!":\n'),
    ("  checked: false\n", '  "Checked Var": false\n'),
    ("        set: {checked: true}", '        set: {"checked now": true}'),
])
def test_keys_that_are_ids_follow_the_id_pattern(tmp_path: Path, old: str, new: str) -> None:
    checked = check_file(_story(tmp_path, old, new))
    bad = [d for d in checked.diagnostics if d.code == "E203" and "id" in d.hint]
    assert bad, [d.format() for d in checked.diagnostics]
    assert bad[0].line == _line(old)


def test_validate_never_prints_a_terminal_escape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = MINI.replace("  end_safe:\n", '  "end_safe\\e]0;PWNED\\a\\r\\nok: 0 file(s)":\n', 1)
    text = text.replace("  checked: false\n", '  "chk\\e[2J\\x9b": false\n', 1)
    text = text.replace("        set: {checked: true}", '        set: {"x\\0\\e[1;1H": true}', 1)
    text = text.replace("    role: recruiter\n", '    role: recruiter\n    "rol\\e]2;PWNED\\a": x\n', 1)
    (tmp_path / "story.yaml").write_text(text, encoding="utf-8")
    assert main(["validate", str(tmp_path / "story.yaml")]) == 1
    out = capsys.readouterr().out
    assert not any(ch in out for ch in "\x00\x07\x1b\x9b\r"), repr(out)
    assert not any(line.startswith("ok:") for line in out.splitlines())
    assert "\\x1b" in out
    assert main(["validate", "--format", "json", str(tmp_path / "story.yaml")]) == 1
    raw = capsys.readouterr().out
    assert "\x1b" not in raw and json.loads(raw)["errors"] > 0


def test_clean_and_escape() -> None:
    assert clean("a\0b\x1b[2Jc\u202e911\nd\te") == "ab[2Jc911\nd\te"
    assert escape("a\x1b]0;X\a\nb") == "a\\x1b]0;X\\x07\\nb"
    assert escape("plain words") == "plain words"


def test_diagnostics_escape_every_piece_of_file_derived_text() -> None:
    from game.content.diagnostics import DiagnosticBag

    bag = DiagnosticBag("pack/\x1b[2Jstory.yaml")
    bag.error("E201", "unknown key 'a\x1b]0;PWNED\x07'", hint="did you mean 'b\rok: fine'?")
    text = bag.items[0].format()
    assert not any(ch in text for ch in "\x1b\x07\r") and "\\x1b]0;PWNED\\x07" in text
    assert text.count("\n") == 1  # the hint line only: a text cannot forge a line of its own
    assert all("\x1b" not in str(v) for v in bag.items[0].to_dict().values())


def test_printable_text_skips_the_patterns_safely() -> None:
    """clean/escape/bad_character return at once for printable text: no character Python calls printable is one the
    patterns would strip or escape (checked over every code point)."""
    import sys

    from game.content.safetext import _bad_re, _escape_re

    printable = "".join(ch for ch in map(chr, range(sys.maxunicode + 1)) if ch.isprintable())
    assert _bad_re().search(printable) is None
    assert _escape_re().search(printable) is None
    assert clean("a\u202eb\n\x00") == "ab\n"
    assert escape("a\x1b\n") == "a\\x1b\\n"
