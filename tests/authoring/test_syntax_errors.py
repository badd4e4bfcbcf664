"""YAML syntax errors read like a compiler's: plain words for the common cases, located where the mistake is,
with the source line and a caret under the column (both YAML parsers word it the same)."""

from __future__ import annotations

from pathlib import Path

import pytest
from story_edit import TUTORIAL, edited, line_of

from game.content.diagnostics import DiagnosticBag
from game.content.loader import load_text_bytes
from game.content.schema import Scenario
from game.content.yamlread import read_yaml

CASES = [  # (id, the edit, the text on the line reported, column of the mistake on it, message, hint)
    ("colon", ("text: I would not. Let's see what they say next.", "text: Mia says: I would not."),
     "text: Mia says: I would not.", ": I would", "this text contains ': '",
     "text containing ': ' needs quotes: text: \"Mia says: I would not.\""),
    ("quote", ("text: Hey! I love your drawings. What school do you go to?",
               'text: "Hey! I love your drawings. What school do you go to?'),
     '"Hey! I love', '"Hey', "the quote opened here is never closed", "end the text with \""),
    ("dash", ("      - from: mia\n        text: I would not.", "        from: mia\n        text: I would not."),
     "        from: mia", "from", "this looks like a list item that lost its '- '", "start this line with '- '"),
    ("dash-dedented", ("      - from: mia\n        text: I would not.", "      from: mia\n        text: I would not."),
     "      from: mia", "from", "this looks like a list item that lost its '- '", "start the line with '- '"),
    ("less", ("    prompt: What now?", "   prompt: What now?"), "   prompt: What now?", "prompt",
     "this line is indented less than the block it belongs to",
     "line it up with the other keys of its block (4 spaces)"),
    ("tab", ("    prompt: What now?", "\tprompt: What now?"), "\tprompt: What now?", "\t",
     "a tab is used for indentation", "indent with spaces"),
]


@pytest.mark.parametrize("fast", [True, False], ids=["C parser", "pure parser"])
@pytest.mark.parametrize(("edit", "line_text", "at", "message", "hint"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_common_syntax_errors_in_plain_words_at_the_mistake(edit: tuple[str, str], line_text: str, at: str,
                                                             message: str, hint: str, fast: bool) -> None:
    text = edited(edit)
    bag = DiagnosticBag("story.yaml")
    assert read_yaml(text, bag, fast=fast) is None
    assert len(bag.items) == 1, [d.format() for d in bag.items]
    d = bag.items[0]
    line = line_of(text, line_text)
    row = text.split("\n")[line - 1]
    assert (d.code, d.line, d.col) == ("E104", line, row.index(at) + 1), d.format()
    assert message in d.message and hint in d.hint, d.format()
    shown = d.format().split("\n")
    assert shown[1].startswith(f"  {line} | ") and shown[2].index("^") == shown[1].index("|") + 2 + row.index(at) \
        + (row[:row.index(at)].count("\t")), d.format()


def test_an_unclosed_quote_is_found_where_it_opens_not_lines_later() -> None:
    """The issue's case: the parser itself stops nine lines later at the next quote."""
    text = TUTORIAL.replace("        time: \"4:02 PM\"", "        time: \"4:02 PM", 1)
    bag = DiagnosticBag("story.yaml")
    read_yaml(text, bag)
    d = bag.items[0]
    line = line_of(text, 'time: "4:02 PM')
    assert (d.line, d.col, d.message) == (line, text.split("\n")[line - 1].index('"') + 1,
                                          "the quote opened here is never closed")


def test_a_quote_that_spans_lines_on_purpose_is_not_blamed() -> None:
    text = TUTORIAL.replace("summary: Someone new sends", 'summary: "Someone new\n  sends', 1).replace(
        "go to school.\n", 'go to school."\n', 1) + "\nbroken: [1\n"
    assert read_yaml(text.rsplit("broken", 1)[0], DiagnosticBag("ok.yaml")) is not None
    bag = DiagnosticBag("story.yaml")
    read_yaml(text, bag)
    assert [d.code for d in bag.items] == ["E104"] and "quote" not in bag.items[0].message


def test_other_errors_keep_the_parser_words_with_the_source_line() -> None:
    bag = DiagnosticBag("story.yaml")
    read_yaml("title: [My first story\nid: x\n", bag)
    d = bag.items[0]
    assert d.code == "E104" and d.source and d.format().count("\n") >= 3


def test_the_loader_and_json_carry_the_source_line() -> None:
    loaded = load_text_bytes(edited(CASES[0][1]).encode(), Scenario, "story.yaml")
    d = loaded.diagnostics[0]
    assert d.to_dict()["source"] == d.source and "Mia says: I would not." in d.source


def test_a_duplicate_key_elsewhere_is_still_e111(tmp_path: Path) -> None:
    bag = DiagnosticBag("story.yaml")
    read_yaml(TUTORIAL.replace("title: My first story", "title: My first story\ntitle: Again", 1), bag)
    assert [d.code for d in bag.items] == ["E111"] and bag.items[0].source == "title: Again"


@pytest.mark.parametrize(("old", "new"), [
    ("  - Pause before you share details with someone new.", "  - Pause: then share details with someone new."),
    ("        text: I would not. Let's see what they say next.", "        text:\n          Mia: I would not."),
])
def test_a_text_read_as_key_value_says_it_needs_quotes(old: str, new: str) -> None:
    """Valid YAML, so not a syntax error: a list item or an indented text with ': ' becomes a mapping."""
    text = edited((old, new))
    (d,) = load_text_bytes(text.encode(), Scenario, "story.yaml").diagnostics
    words = new.strip().removeprefix("- ").removeprefix("text:").strip()
    assert d.code == "E203" and "this text contains ': '" in d.message
    assert d.hint == f"text containing ': ' needs quotes: \"{words}\""
    assert d.line == line_of(text, words)
