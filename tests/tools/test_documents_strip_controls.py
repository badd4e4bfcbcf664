"""Generated documents (guide, report HTML and CSV) never copy a NUL, escape or bidi override from their inputs,
and the stylesheet isolates each element's text direction (an RLO could show a phone number backwards)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from game.content.catalog import load_shared, scenarios_dir
from game.content.loader import load_scenario
from game.tools.guide import build_guide, render_guide
from game.tools.report_csv import cell

BAD = "\x00\x1b[2J\u202e\u2066\x9b"
BAD_CHARS = "\x00\x1b\u202e\u2066\x9b"


def test_the_guide_strips_control_and_bidi_characters() -> None:
    scn = load_scenario(scenarios_dir() / "en" / "tutorial.yaml").model
    assert scn is not None
    shared = load_shared(scenarios_dir())
    assert shared.resources is not None
    line = shared.resources.resources[0]
    hostile_line = line.model_copy(update={"name": "Help" + BAD, "contacts": [
        line.contacts[0].model_copy(update={"value": "\u202e1-800-555-0100"})]})
    shared = replace(shared, resources=shared.resources.model_copy(update={"resources": [
        hostile_line, *shared.resources.resources[1:]]}))  # a copy: the cached one stays as it is
    hostile = scn.model_copy(update={"title": "Story" + BAD, "summary": "A\x00 summary \u202e0100-555"})
    html = render_guide(build_guide([hostile], shared, date(2026, 1, 1)))
    assert not any(ch in html for ch in BAD_CHARS), [hex(ord(ch)) for ch in BAD_CHARS if ch in html]
    assert "Story[2J" in html and "1-800-555-0100" in html
    assert "unicode-bidi: isolate" in html


def test_csv_cells_strip_control_and_bidi_characters() -> None:
    assert cell("Period\x00 3\u202e") == "Period 3"
    assert cell("=\x1bcmd") == "'=cmd"
