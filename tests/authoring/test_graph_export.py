"""`graph`: Mermaid, DOT and PNG name every node and edge of every shipped scenario; the layout is sane."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import pytest

from game.cli import main
from game.content.catalog import find_scenario_files, scenarios_dir
from game.content.graph_layout import Box, layered_layout
from game.content.loader import load_scenario
from game.content.schema import Scenario
from game.content.storygraph import StoryGraph, shorten, story_graph
from game.tools.graph import mermaid_ids, to_dot, to_mermaid

SHIPPED = find_scenario_files(scenarios_dir())
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _scenario(path: Path) -> Scenario:
    loaded = load_scenario(path)
    assert loaded.model is not None, [d.format() for d in loaded.diagnostics]
    return loaded.model


def _edge_multiset(graph: StoryGraph) -> Counter[tuple[str, str, str, bool]]:
    return Counter((e.source, e.target, e.label, e.conditional) for e in graph.edges)


def _unescape(label: str) -> str:
    for code, char in (("#124;", "|"), ("#gt;", ">"), ("#lt;", "<"), ("#quot;", '"'), ("#amp;", "&"), ("#35;", "#")):
        label = label.replace(code, char)
    return label


def test_labels_are_escaped() -> None:
    from game.content.storygraph import GraphEdge, GraphNode

    graph = StoryGraph("s", 'A "quoted" title', (GraphNode("a", "dm", start=True), GraphNode("b", "sms", "safe")),
                       (GraphEdge("a", "b", "choice", 'Say "no" | #1 <b> & (+2)'),))
    mer = to_mermaid(graph)
    assert '-->|"Say #quot;no#quot; #124; #35;1 #lt;b#gt; #amp; (+2)"|' in mer
    assert _unescape("Say #quot;no#quot; #124; #35;1 #lt;b#gt; #amp; (+2)") == 'Say "no" | #1 <b> & (+2)'
    assert '"a" -> "b" [label="Say \\"no\\" | #1 <b> & (+2)"];' in to_dot(graph)


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_mermaid_and_dot_name_every_node_and_edge(path: Path) -> None:
    scn = _scenario(path)
    graph = story_graph(scn)
    assert {n.id for n in graph.nodes} == set(scn.nodes)
    assert len(graph.edges) == sum(len(n.targets()) for n in scn.nodes.values())

    mer = to_mermaid(graph)
    ids = mermaid_ids(graph)
    back = {v: k for k, v in ids.items()}
    declared = dict(re.findall(r'^  (n\d+)\(?\["([^<]+)<br/>', mer, re.M))
    assert {back[k]: v for k, v in declared.items()} == {nid: nid for nid in scn.nodes}
    found = Counter()
    for src, arrow, label, dst in re.findall(r'^  (n\d+) (-->|-\.->)(?:\|"([^"]*)"\|)? (n\d+)$', mer, re.M):
        found[(back[src], back[dst], _unescape(label), arrow == "-.->")] += 1
    assert found == _edge_multiset(graph)

    dot = to_dot(graph)
    assert dot.startswith("digraph ") and dot.rstrip().endswith("}")
    for nid in scn.nodes:
        assert re.search(rf'^  "{re.escape(nid)}" \[label="{re.escape(nid)}\\n', dot, re.M), nid
    dot_edges = Counter()
    for src, dst, attrs in re.findall(r'^  "([^"]+)" -> "([^"]+)"(?: \[(.*)\])?;$', dot, re.M):
        label = re.search(r'label="((?:[^"\\]|\\.)*)"', attrs or "")
        dot_edges[(src, dst, label.group(1).replace('\\"', '"') if label else "", "style=dashed" in (attrs or ""))] += 1
    assert dot_edges == _edge_multiset(graph)


def test_endings_are_coloured_by_tone_and_conditions_dashed() -> None:
    graph = story_graph(_scenario(scenarios_dir() / "_examples" / "format-tour.yaml"))
    mer, dot = to_mermaid(graph), to_dot(graph)
    ids = mermaid_ids(graph)
    assert f"class {ids['end_safe']} safe" in mer and f"class {ids['end_risky']} risky" in mer
    assert '"end_help" [label="end_help\\nnarration · ending: help_sought", color="#4B3FD1"' in dot
    assert f'{ids["chat"]} -.->|"Ask why a shop needs a… (+2)"| {ids["spot"]}' in mer
    assert '"spot" -> "aunt" [label="spot task (-1..+6)"];' in dot
    assert '"search" -> "chat";' in dot


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_png_decodes_at_a_sane_size(path: Path, tmp_path: Path) -> None:
    import pygame

    out = tmp_path / "g.png"
    assert main(["graph", str(path), "--format", "png", "-o", str(out)]) == 0
    img = pygame.image.load(str(out))
    w, h = img.get_size()
    assert 300 <= w <= 8000 and 300 <= h <= 8000


def test_cli_writes_text_formats_and_reports_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "t.mmd"
    assert main(["graph", "format-tour", "--format", "mermaid", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("%% Format tour")
    assert main(["graph", "format-tour", "--format", "dot", "-o", str(tmp_path / "t.dot")]) == 0
    assert "wrote" in capsys.readouterr().out
    assert main(["graph", str(FIXTURES / "diagnostics" / "E203.yaml"), "--format", "dot", "-o", str(out)]) == 1
    assert "error[E203]" in capsys.readouterr().err
    assert main(["graph", "no-such-story", "--format", "dot", "-o", str(out)]) == 2
    assert main(["graph", "format-tour", "--format", "svg", "-o", str(out)]) == 2


def test_shorten_cuts_at_a_word() -> None:
    assert shorten("Short") == "Short"
    assert shorten("Look up the shop before I reply to them") == "Look up the shop before I…"
    assert len(shorten("x" * 100)) == 28


def _overlap(a: Box, b: Box) -> bool:
    return abs(a.cx - b.cx) * 2 < a.w + b.w and abs(a.cy - b.cy) * 2 < a.h + b.h


def _random_story(n: int, seed: int) -> tuple[list[str], list[tuple[str, str]]]:
    rng = random.Random(seed)
    ids = [f"node_{i}" for i in range(n)]
    edges = []
    ends = n - n // 6
    for i in range(ends):
        for _ in range(rng.choice([1, 2, 2, 3])):
            edges.append((ids[i], ids[rng.randrange(i + 1, min(n, i + 8))]))
    targets = {t for _, t in edges}
    for j in range(1, n):
        if ids[j] not in targets:
            edges.append((ids[rng.randrange(max(0, min(j, ends) - 8), min(j, ends))], ids[j]))
    edges += [(ids[n // 2], ids[n // 4]), (ids[3], ids[3])]  # a loop back and a self-loop
    return ids, edges


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_layout_of_60_nodes_has_no_overlaps_and_stays_in_bounds(seed: int) -> None:
    ids, edges = _random_story(60, seed)
    labels = [(160, 18)] * len(edges)
    lay = layered_layout(ids, edges, {i: (110, 44) for i in ids}, labels, start=ids[0])
    boxes = list(lay.nodes.values()) + [e.label for e in lay.edges if e.label is not None and not e.self_loop]
    for i, a in enumerate(boxes):
        assert 0 <= a.left and a.left + a.w <= lay.width and 0 <= a.top and a.top + a.h <= lay.height
        for b in boxes[i + 1:]:
            assert not _overlap(a, b)
    assert lay.width <= 8000 and lay.height <= 8000
    assert len(lay.edges) == len(edges)
    for e in lay.edges:
        src, dst = edges[e.index]
        if not e.self_loop:  # from the source's bottom to the target's top; a loop back goes bottom-up
            side = -22 if e.reversed else 22
            assert e.points[0] == (lay.nodes[src].cx, lay.nodes[src].cy + side)
            assert e.points[-1] == (lay.nodes[dst].cx, lay.nodes[dst].cy - side)
    assert lay.nodes[ids[0]].cy == min(b.cy for b in lay.nodes.values())
