"""`python main.py graph`: the story graph as Mermaid, Graphviz DOT or a PNG picture."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from ..content.storygraph import BROKEN_COLOUR, TONE_COLOURS, GraphEdge, StoryGraph, node_caption
from ..session.atomic import atomic_write_text

FORMATS = ("mermaid", "dot", "png")


def _mermaid_text(text: str) -> str:
    """Text safe inside a Mermaid double-quoted label."""
    out = text.replace("#", "#35;").replace("&", "#amp;").replace('"', "#quot;")
    return out.replace("<", "#lt;").replace(">", "#gt;").replace("|", "#124;")


def mermaid_ids(graph: StoryGraph) -> dict[str, str]:
    """Mermaid-safe ids for the story's node ids (n0, n1, ... keep every id legal)."""
    return {n.id: f"n{i}" for i, n in enumerate(graph.nodes)}


def to_mermaid(graph: StoryGraph) -> str:
    """A Mermaid flowchart: solid arrows for choices, dashed for choices with a condition, dashed red for a link to
    a node the file does not have (drawn as a 'missing' node)."""
    ids = mermaid_ids(graph)
    lines = [f"%% {_mermaid_text(graph.title)} ({graph.scenario})", "flowchart TD"]
    for node in graph.nodes:
        top, bottom = node_caption(node)
        shape = ('(["', '"])') if node.tone else ('["', '"]')
        lines.append(f"  {ids[node.id]}{shape[0]}{_mermaid_text(top)}<br/><small>{_mermaid_text(bottom)}</small>"
                     f"{shape[1]}")
    for edge in graph.edges:
        arrow = "-.->" if edge.conditional or edge.broken else "-->"
        label = f'|"{_mermaid_text(edge.label)}"|' if edge.label else ""
        lines.append(f"  {ids[edge.source]} {arrow}{label} {ids[edge.target]}")
    for k, edge in enumerate(graph.edges):  # a link to a node that does not exist: dashed red
        if edge.broken:
            lines.append(f"  linkStyle {k} stroke:{BROKEN_COLOUR},stroke-width:2px,stroke-dasharray:5 5")
    missing = [ids[n.id] for n in graph.nodes if n.missing]
    if missing:
        lines.append(f"  classDef missing fill:#FFFFFF,stroke:{BROKEN_COLOUR},stroke-width:2px,"
                     "stroke-dasharray:5 5,color:#1E1B2E")
        lines.append(f"  class {','.join(missing)} missing")
    for tone, (border, fill) in TONE_COLOURS.items():
        lines.append(f"  classDef {tone} fill:{fill},stroke:{border},stroke-width:2px,color:#1E1B2E")
        members = [ids[n.id] for n in graph.nodes if n.tone == tone]
        if members:
            lines.append(f"  class {','.join(members)} {tone}")
    start = [ids[n.id] for n in graph.nodes if n.start]
    if start:
        lines.append("  classDef start stroke-width:4px")
        lines.append(f"  class {start[0]} start")
    return "\n".join(lines) + "\n"


def _dot_text(text: str) -> str:
    """A DOT double-quoted string (quotes and backslashes escaped)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _dot_edge(edge: GraphEdge) -> str:
    attrs = []
    if edge.label:
        attrs.append(f"label={_dot_text(edge.label)}")
    if edge.conditional or edge.broken:
        attrs.append("style=dashed")
    if edge.broken:
        attrs.append(f'color="{BROKEN_COLOUR}"')
    tail = f" [{', '.join(attrs)}]" if attrs else ""
    return f"  {_dot_text(edge.source)} -> {_dot_text(edge.target)}{tail};"


def to_dot(graph: StoryGraph) -> str:
    """A Graphviz digraph: rounded boxes, endings filled by tone, dashed conditional edges."""
    lines = [
        f"digraph {_dot_text(graph.scenario)} {{",
        f"  label={_dot_text(graph.title)}; labelloc=t; rankdir=TB;",
        '  node [shape=box, style="rounded,filled", fillcolor="#FFFFFF", color="#464060", fontname="Helvetica"];',
        '  edge [color="#464060", fontname="Helvetica", fontsize=10];',
    ]
    for node in graph.nodes:
        top, bottom = node_caption(node)
        attrs = [f"label={_dot_text(top + chr(10) + bottom)}"]
        if node.tone in TONE_COLOURS:
            border, fill = TONE_COLOURS[node.tone]
            attrs += [f'color="{border}"', f'fillcolor="{fill}"']
        if node.start:
            attrs.append("penwidth=3")
        if node.missing:
            attrs.append(f'color="{BROKEN_COLOUR}"')
        if not node.reachable:
            attrs.append('style="rounded,filled,dashed"')
        lines.append(f"  {_dot_text(node.id)} [{', '.join(attrs)}];")
    lines += [_dot_edge(e) for e in graph.edges]
    lines.append("}")
    return "\n".join(lines) + "\n"


PictureRenderer = Callable[[StoryGraph, Path], tuple[int, int]]
"""Draws a graph into a picture file and returns its size: the command table passes the front end's PNG renderer
(only game/ui may import pygame, and tools never import ui)."""


def write_graph(graph: StoryGraph, fmt: str, out: Path, picture: Optional[PictureRenderer] = None) -> str:
    """Write the graph in a format to `out`; returns a one-line summary. `png` needs a `picture` renderer."""
    if fmt == "png":
        if picture is None:
            raise ValueError("drawing a PNG needs the front end's picture renderer")
        w, h = picture(graph, out)
        size = f", {w}x{h} px"
    else:
        text = to_mermaid(graph) if fmt == "mermaid" else to_dot(graph)
        atomic_write_text(out, text)
        size = ""
    return f"wrote {out}: {len(graph.nodes)} node(s), {len(graph.edges)} edge(s){size}"
