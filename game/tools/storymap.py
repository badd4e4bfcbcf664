"""A scenario's story map for the printed guide: labelled boxes and arrows in SVG units (no pygame)."""

from __future__ import annotations

from dataclasses import dataclass

from ..content.graph_layout import layered_layout
from ..content.schema import Scenario
from ..content.storygraph import shorten, story_graph
from .doc_i18n import D_, N_

CHAR_W = 7.2
BOX_H = 40
MIN_W = 96
MAX_CHARS = 24
TONE_WORDS = {"safe": N_("safe"), "help_sought": N_("help sought"), "risky": N_("risky")}
SCREEN_WORDS = {"dm": N_("dm"), "sms": N_("sms"), "feed": N_("feed"), "profile": N_("profile"), "job_ad": N_("job ad"),
                "marketplace": N_("marketplace"), "game_lobby": N_("game lobby"), "email": N_("email"),
                "settings": N_("settings"), "narration": N_("narration")}
"""The screen kind under a node's id in the map (in the document's language)."""


@dataclass(frozen=True)
class MapNode:
    """One box: its top-left corner, size, two lines of text and the classes that style it."""

    id: str
    x: float
    y: float
    w: int
    h: int
    title: str
    sub: str
    classes: str


@dataclass(frozen=True)
class MapEdge:
    """One arrow as an SVG polyline ``points`` string."""

    points: str
    back: bool
    conditional: bool


@dataclass(frozen=True)
class StoryMap:
    """The whole drawing."""

    scenario: str
    width: int
    height: int
    nodes: tuple[MapNode, ...]
    edges: tuple[MapEdge, ...]
    description: str


def _caption(scn: Scenario, node_id: str) -> tuple[str, str, str]:
    """(first line, second line, CSS classes) for a node: endings say their tone in words, not only colour."""
    node = scn.nodes[node_id]
    classes = []
    if node.ending is not None:
        tone = node.ending.tone.value
        sub, classes = D_("ending: {tone}").format(tone=D_(TONE_WORDS.get(tone, tone))), ["ending", tone]
    elif node.spot is not None:
        sub, classes = D_("spot the flags"), ["spot"]
    elif node.choices is not None:
        sub, classes = D_("choice ({n})").format(n=len(node.choices)), ["choice"]
    else:
        sub = D_(SCREEN_WORDS.get(node.screen.value, node.screen.value.replace("_", " ")))
    if node_id == scn.start:
        sub, classes = D_("start · {what}").format(what=sub), [*classes, "start"]
    return shorten(node_id, MAX_CHARS), sub, " ".join(["node", *classes])


def story_map(scn: Scenario) -> StoryMap:
    """Lay out the scenario's node graph top to bottom (cycles drawn as dashed back arrows)."""
    graph = story_graph(scn)
    ids = [n.id for n in graph.nodes]
    captions = {nid: _caption(scn, nid) for nid in ids}
    sizes = {nid: (max(MIN_W, int(CHAR_W * max(len(t), len(s))) + 16), BOX_H) for nid, (t, s, _) in captions.items()}
    # One arrow per pair of screens: several choices leading to the same screen share it (dashed only when
    # every one of them depends on an earlier choice).
    conditional: dict[tuple[str, str], bool] = {}
    for e in graph.edges:
        pair = (e.source, e.target)
        conditional[pair] = conditional.get(pair, True) and e.conditional
    edges = list(conditional)
    layout = layered_layout(ids, edges, sizes, [(0, 0)] * len(edges), start=scn.start)
    nodes = tuple(
        MapNode(nid, round(b.left, 1), round(b.top, 1), b.w, b.h, *captions[nid])
        for nid, b in ((nid, layout.nodes[nid]) for nid in ids)
    )
    drawn: list[MapEdge] = []
    for path in layout.edges:
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in path.points)
        drawn.append(MapEdge(pts, path.reversed or path.self_loop, conditional[edges[path.index]]))
    endings = sum(1 for n in graph.nodes if n.tone)
    description = D_("Story map of {title}: {screens} screens, {arrows} arrows, {endings} endings, starting at "
                     "{start}.").format(title=scn.title, screens=len(ids), arrows=len(edges), endings=endings,
                                        start=scn.start)
    return StoryMap(scn.id, layout.width, layout.height, nodes, tuple(drawn), description)
