"""`graph` draws a link to a node the file does not have as a dashed red edge to a 'missing' node (Mermaid, DOT,
PNG), instead of leaving it out."""

from __future__ import annotations

from pathlib import Path

import pytest
from story_edit import edited

from game.cli import main
from game.content.loader import load_text_bytes
from game.content.schema import Scenario
from game.content.storygraph import BROKEN_COLOUR, story_graph
from game.tools.graph import mermaid_ids, to_dot, to_mermaid

BROKEN = edited(("goto: end_safe", "goto: end_saf"))


def _graph():  # type: ignore[no-untyped-def]
    loaded = load_text_bytes(BROKEN.encode(), Scenario, "story.yaml")
    assert loaded.model is not None
    return story_graph(loaded.model)


def test_the_broken_link_is_kept_and_points_at_a_missing_node() -> None:
    g = _graph()
    (missing,) = [n for n in g.nodes if n.missing]
    assert missing.id == "end_saf" and g.nodes[-1] == missing
    (edge,) = [e for e in g.edges if e.broken]
    assert (edge.source, edge.target, edge.label) == ("decide", "end_saf", "Say no and block them (+3)")
    assert all(not e.broken for e in g.edges if e is not edge)


def test_mermaid_draws_it_dashed_red() -> None:
    g = _graph()
    text = to_mermaid(g)
    ids = mermaid_ids(g)
    k = next(i for i, e in enumerate(g.edges) if e.broken)
    assert f'{ids["decide"]} -.->|"Say no and block them (+3)"| {ids["end_saf"]}' in text
    assert f"linkStyle {k} stroke:{BROKEN_COLOUR}" in text and "stroke-dasharray" in text
    assert f'{ids["end_saf"]}["end_saf<br/><small>missing: no such node</small>"]' in text
    assert f"class {ids['end_saf']} missing" in text


def test_dot_draws_it_dashed_red() -> None:
    text = to_dot(_graph())
    assert f'"decide" -> "end_saf" [label="Say no and block them (+3)", style=dashed, color="{BROKEN_COLOUR}"];' \
        in text
    assert '"end_saf" [label="end_saf\\nmissing: no such node", color="#C62828"' in text


def test_png_draws_the_missing_node_in_red(tmp_path: Path) -> None:
    import pygame

    story = tmp_path / "en" / "story.yaml"
    story.parent.mkdir()
    story.write_text(BROKEN, encoding="utf-8")
    out = tmp_path / "g.png"
    assert main(["graph", str(story), "--format", "png", "-o", str(out)]) == 0
    img = pygame.image.load(str(out))
    red = pygame.Color(BROKEN_COLOUR)
    w, h = img.get_size()
    hits = sum(1 for x in range(0, w, 2) for y in range(0, h, 2) if img.get_at((x, y))[:3] == (red.r, red.g, red.b))
    assert hits > 50


@pytest.mark.parametrize("fmt", ["mermaid", "dot"])
def test_the_cli_counts_the_missing_node(fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "en" / "story.yaml"
    story.parent.mkdir()
    story.write_text(BROKEN, encoding="utf-8")
    assert main(["graph", str(story), "--format", fmt, "-o", str(tmp_path / "g")]) == 0
    assert "8 node(s), 8 edge(s)" in capsys.readouterr().out
