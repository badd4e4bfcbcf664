"""Pydantic errors deep inside conditions and odd keys map to exact places with readable paths."""

from __future__ import annotations

from pathlib import Path

from game.session.check import check_file

MINI = (Path(__file__).resolve().parent.parent / "fixtures" / "mini.yaml").read_text(encoding="utf-8")


def diags(tmp_path: Path, text: str) -> list[str]:
    p = tmp_path / "s.yaml"
    p.write_text(text, encoding="utf-8")
    return [d.format()[len(str(p)) + 1:] for d in check_file(p).diagnostics]


def test_error_inside_nested_condition(tmp_path: Path) -> None:
    text = MINI.replace("        when: {var: checked, equals: true}",
                        "        when: {all: [{not: {var: checked, equls: true}}]}")
    out = diags(tmp_path, text)
    assert out[0].startswith("42:28: error[E203]: nodes.chat.messages[1].when.all[0].not: a condition needs one of")
    assert out[0].endswith("hint: 'equls': did you mean 'equals'?")


def test_unknown_top_level_key_named_like_a_condition(tmp_path: Path) -> None:
    out = diags(tmp_path, MINI.replace("minutes: 5", "minutes: 5\nnot: 1"))
    assert any(o.startswith("9:1: error[E201]: unknown key 'not' in file") for o in out), out


def test_condition_without_a_known_test(tmp_path: Path) -> None:
    text = MINI.replace("        when: {var: checked, equals: true}", "        when: {var: checked}")
    out = diags(tmp_path, text)
    assert any(o.startswith("42:15: error[E203]: nodes.chat.messages[1].when: a condition needs one of") for o in out)
