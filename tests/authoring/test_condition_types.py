"""Every condition is type-checked against the declared variable: a wrong-typed test is one E322 at its value."""

from __future__ import annotations

from pathlib import Path

import pytest
from story_edit import check_text, edited, line_of

SHOWN = "when: {var: asked_friend, equals: true}    # shown"
OFFERED = "when: {var: asked_friend, equals: true}    # offered"
TRUST = ("asked_friend: false", "asked_friend: false\n  trust: 0\n  code: \"0042\"")
USE_ALL = ("set: {asked_friend: true}", "set: {asked_friend: true, trust: 1, code: \"7\"}")


@pytest.mark.parametrize(("when", "value", "words", "hint"), [
    ("{var: asked_friend, equals: yes}", "yes", "holds true/false (it starts as false), but this tests it against "
     "text ('yes')", "`equals: true` or `equals: false`"),
    ("{var: asked_friend, equals: 'true'}", "'true'", "against text ('true')", "without quotes"),
    ("{var: asked_friend, equals: 1}", "1", "against a number (1)", "`equals: true`"),
    ('{var: trust, equals: "2"}', '"2"', "holds a number (it starts as 0), but this tests it against text ('2')",
     "write the number without quotes: `equals: 2`"),
    ("{var: code, equals: 42}", "42", "holds text (it starts as '0042')", 'put the text in quotes: `equals: "42"`'),
    ("{all: [{var: trust, at_least: 1}, {not: {var: asked_friend, equals: no}}]}", "no", "against text ('no')",
     "`equals: false`"),
    ("{any: [{visited: chat}, {var: code, at_most: 3}]}", "3", "holds text, so at_most cannot test it",
     "declare it as a number"),
])
def test_a_wrong_typed_condition_is_one_located_error(when: str, value: str, words: str, hint: str,
                                                      tmp_path: Path) -> None:
    text = edited(TRUST, USE_ALL, (OFFERED, f"when: {when}  # offered"))
    errors = [d for d in check_text(text, tmp_path) if d.severity.value == "error"]
    assert len(errors) == 1, [d.format() for d in errors]
    d = errors[0]
    line = line_of(text, f"when: {when}")
    assert (d.code, d.line) == ("E322", line), d.format()
    row = text.split("\n")[line - 1]
    assert row[d.col - 1:].startswith(value), (row, d.col)
    assert words in d.message and hint in d.hint, d.format()


def test_a_message_condition_is_checked_too(tmp_path: Path) -> None:
    text = edited((SHOWN, "when: {var: asked_friend, equals: on}    # shown"))
    errors = [d for d in check_text(text, tmp_path) if d.severity.value == "error"]
    assert [(d.code, d.line) for d in errors] == [("E322", line_of(text, "equals: on"))]


@pytest.mark.parametrize("when", ["{var: asked_friend, equals: false}", "{var: trust, equals: 2}",
                                  "{var: code, equals: \"7\"}", "{var: trust, at_most: 0}"])
def test_right_typed_conditions_pass(when: str, tmp_path: Path) -> None:
    text = edited(TRUST, USE_ALL, (OFFERED, f"when: {when}  # offered"))
    assert [d.format() for d in check_text(text, tmp_path) if d.severity.value == "error"] == []


def test_an_undeclared_variable_is_located_at_its_name(tmp_path: Path) -> None:
    text = edited((OFFERED, "when: {not: {var: asked_mia, equals: true}}  # offered"))
    errors = [d for d in check_text(text, tmp_path) if d.severity.value == "error"]
    assert [(d.code, d.line) for d in errors] == [("E310", line_of(text, "asked_mia"))]
    assert text.split("\n")[errors[0].line - 1][errors[0].col - 1:].startswith("asked_mia")
