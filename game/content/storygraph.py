"""The story graph of a scenario as plain data: nodes with screen kind and tone, labelled edges."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional

from .lint import reachable
from .schema import Scenario

LABEL_CHARS = 28
"""Choice text longer than this is cut at a word boundary and ends with '…' in edge labels."""

TONE_COLOURS: dict[str, tuple[str, str]] = {
    "safe": ("#1B7A43", "#E3F4EA"),
    "help_sought": ("#4B3FD1", "#E6E3FB"),
    "risky": ("#8A5A00", "#FFF4D9"),
}
"""Ending tone -> (border, fill) colours of its node in every story graph format (Mermaid, DOT, PNG); they match
the roles of the default theme: safe, primary, caution."""
BROKEN_COLOUR = "#C62828"
"""A link to a node that does not exist, and the 'missing' node it points at, in every format (dashed red)."""
MISSING = "missing"
"""The screen kind shown for a node that a link names but the file does not have."""


def rgb(colour: str) -> tuple[int, int, int]:
    """'#1B7A43' -> (27, 122, 67)."""
    h = colour.lstrip("#")
    return (int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16))


@dataclass(frozen=True)
class GraphNode:
    """One node of the story graph."""

    id: str
    screen: str
    tone: Optional[str] = None
    """The ending tone (safe, risky, help_sought), or None for a node that is not an ending."""
    start: bool = False
    reachable: bool = True
    missing: bool = False
    """True for a node a link names that the file does not have (drawn red, its edges dashed red)."""


@dataclass(frozen=True)
class GraphEdge:
    """One way from a node to another: a choice, a spot task or `next`."""

    source: str
    target: str
    kind: str
    """'choice', 'spot' or 'next'."""
    label: str = ""
    conditional: bool = False
    """True when the choice has a `when:` condition (drawn dashed)."""
    index: int = 0
    """Position of the choice in its node's list (0 for spot and next)."""
    broken: bool = False
    """True when the target is not a node of the file (E301): drawn as a dashed red edge to a 'missing' node."""


@dataclass(frozen=True)
class StoryGraph:
    """Every node and edge of one scenario, in file order."""

    scenario: str
    title: str
    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]


def shorten(text: str, limit: int = LABEL_CHARS) -> str:
    """Cut text to at most `limit` characters at a word boundary, ending with '…' when cut."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:!?-") + "…"


def points_text(points: int) -> str:
    """Points as an author reads them: '+3', '0' or '-2'."""
    return f"+{points}" if points > 0 else str(points)


def node_caption(node: GraphNode) -> tuple[str, str]:
    """The two lines a node shows: its id, and its screen kind (plus start, ending tone, unreachable)."""
    if node.missing:
        return node.id, "missing: no such node"
    kind = node.screen if node.tone is None else f"{node.screen} · ending: {node.tone}"
    if node.start:
        kind = f"start · {kind}"
    if not node.reachable:
        kind += " · unreachable"
    return node.id, kind


def story_graph(scn: Scenario) -> StoryGraph:
    """Build the story graph of a loaded scenario; a target that does not exist gets a 'missing' node, after the
    file's nodes, and the edges to it are marked broken."""
    live = reachable(scn)
    nodes = tuple(
        GraphNode(nid, n.screen.value, n.ending.tone.value if n.ending is not None else None,
                  nid == scn.start, nid in live)
        for nid, n in scn.nodes.items()
    )
    edges: list[GraphEdge] = []
    for nid, node in scn.nodes.items():
        for i, c in enumerate(node.choices or []):
            label = f"{shorten(c.text)} ({points_text(c.points)})"
            edges.append(GraphEdge(nid, c.goto, "choice", label, c.when is not None, i))
        if node.spot is not None:
            s = node.spot
            flags = sum(1 for p in s.parts if p.flag)
            lo = flags * s.scoring.miss + (len(s.parts) - flags) * s.scoring.false_alarm
            edges.append(GraphEdge(nid, s.goto, "spot", f"spot task ({lo}..{points_text(flags * s.scoring.hit)})"))
        if node.next is not None:
            edges.append(GraphEdge(nid, node.next, "next"))
    missing = list(dict.fromkeys(e.target for e in edges if e.target not in scn.nodes))
    nodes += tuple(GraphNode(t, MISSING, reachable=False, missing=True) for t in missing)
    marked = tuple(e if e.target in scn.nodes else replace(e, broken=True) for e in edges)
    return StoryGraph(scn.id, scn.title, nodes, marked)
