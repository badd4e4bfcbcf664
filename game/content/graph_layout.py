"""A layered (Sugiyama-lite) top-to-bottom layout of a directed graph, in pixels, as plain data.

Steps: break cycles by reversing DFS back edges; rank nodes by longest path; give every
edge its own label slot on the row below its source (ranks are doubled, so labels never
overlap nodes); fill long edges with dummy points; reduce crossings with barycenter
sweeps (keeping the best order seen); then place rows and pull each vertex towards the
mean of its neighbours while keeping the order and the gaps. The caller measures text;
this module only does geometry, so it is pure and testable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Sequence

Size = tuple[int, int]
Point = tuple[float, float]

GAP_X = 28
"""Smallest horizontal gap between two boxes in a row."""
GAP_Y = 34
"""Vertical gap between rows."""
MARGIN = 24
SWEEPS = 12


@dataclass(frozen=True)
class Box:
    """A rectangle by its centre and size."""

    cx: float
    cy: float
    w: int
    h: int

    @property
    def left(self) -> float:
        """Left edge."""
        return self.cx - self.w / 2

    @property
    def top(self) -> float:
        """Top edge."""
        return self.cy - self.h / 2


@dataclass(frozen=True)
class EdgePath:
    """How one edge is drawn: a polyline from source to target, and where its label sits."""

    index: int
    points: tuple[Point, ...]
    label: Optional[Box]
    reversed: bool = False
    """True for an edge that goes back up (a loop in the story)."""
    self_loop: bool = False


@dataclass
class GraphLayout:
    """Positions of every node and edge, and the size of the picture."""

    width: int
    height: int
    nodes: dict[str, Box] = field(default_factory=dict)
    edges: list[EdgePath] = field(default_factory=list)
    rows: int = 0


def _back_edges(n: int, adj: list[list[int]], order: Sequence[int]) -> set[tuple[int, int]]:
    """Edges that close a cycle in an iterative DFS visiting roots in `order`."""
    state = [0] * n  # 0 new, 1 on stack, 2 done
    back: set[tuple[int, int]] = set()
    for root in order:
        if state[root]:
            continue
        state[root] = 1
        stack = [(root, 0)]
        while stack:
            v, i = stack.pop()
            if i < len(adj[v]):
                stack.append((v, i + 1))
                w = adj[v][i]
                if state[w] == 1:
                    back.add((v, w))
                elif state[w] == 0:
                    state[w] = 1
                    stack.append((w, 0))
            else:
                state[v] = 2
    return back


def _ranks(n: int, dag: list[tuple[int, int]]) -> list[int]:
    """Longest-path rank of every vertex of a DAG (sources at 0)."""
    indeg = [0] * n
    out: list[list[int]] = [[] for _ in range(n)]
    for u, v in dag:
        out[u].append(v)
        indeg[v] += 1
    rank = [0] * n
    todo = [v for v in range(n) if indeg[v] == 0]
    while todo:
        u = todo.pop()
        for v in out[u]:
            rank[v] = max(rank[v], rank[u] + 1)
            indeg[v] -= 1
            if indeg[v] == 0:
                todo.append(v)
    return rank


def _crossings(upper: list[int], lower: list[int], links: list[tuple[int, int]]) -> int:
    pos_u = {v: i for i, v in enumerate(upper)}
    pos_l = {v: i for i, v in enumerate(lower)}
    pairs = sorted((pos_u[a], pos_l[b]) for a, b in links if a in pos_u and b in pos_l)
    count = 0
    for i in range(len(pairs)):
        for j in range(i + 1, len(pairs)):
            if pairs[i][0] < pairs[j][0] and pairs[i][1] > pairs[j][1]:
                count += 1
    return count


def _total_crossings(rows: list[list[int]], down: dict[int, list[int]]) -> int:
    total = 0
    for r in range(len(rows) - 1):
        lower = set(rows[r + 1])
        links = [(a, b) for a in rows[r] for b in down.get(a, []) if b in lower]
        total += _crossings(rows[r], rows[r + 1], links)
    return total


def _reduce_crossings(rows: list[list[int]], down: dict[int, list[int]], up: dict[int, list[int]]) -> list[list[int]]:
    best = [list(r) for r in rows]
    best_count = _total_crossings(best, down)
    cur = [list(r) for r in rows]
    for sweep in range(SWEEPS):
        if best_count == 0:
            break
        indices = range(1, len(cur)) if sweep % 2 == 0 else range(len(cur) - 2, -1, -1)
        for r in indices:
            ref = cur[r - 1] if sweep % 2 == 0 else cur[r + 1]
            pos = {v: i for i, v in enumerate(ref)}
            links = up if sweep % 2 == 0 else down
            old = {v: i for i, v in enumerate(cur[r])}

            def bary(v: int, pos: dict[int, int] = pos, links: dict[int, list[int]] = links,
                     old: dict[int, int] = old) -> float:
                near = [pos[w] for w in links.get(v, []) if w in pos]
                return sum(near) / len(near) if near else float(old[v])

            cur[r].sort(key=lambda v: (bary(v), old[v]))
        count = _total_crossings(cur, down)
        if count < best_count:
            best, best_count = [list(r) for r in cur], count
    return best


def _place_row(row: list[int], want: dict[int, float], widths: list[int]) -> dict[int, float]:
    """X centres for one row in order: as close to `want` as the gaps allow."""
    xs: list[float] = []
    for i, v in enumerate(row):
        x = want[v]
        if i:
            x = max(x, xs[-1] + (widths[row[i - 1]] + widths[v]) / 2 + GAP_X)
        xs.append(x)
    shift = sum(want[v] - x for v, x in zip(row, xs, strict=True)) / len(row) if row else 0.0
    return {v: x + shift for v, x in zip(row, xs, strict=True)}


def layered_layout(node_ids: Sequence[str], edges: Sequence[tuple[str, str]], node_sizes: dict[str, Size],
                   label_sizes: Sequence[Size], start: Optional[str] = None) -> GraphLayout:
    """Lay out a graph top to bottom.

    Args:
        node_ids: every node, in a stable order (the first one, or `start`, is placed first).
        edges: (source, target) pairs; their positions index `label_sizes` and the result's edges.
        node_sizes: the box size of each node.
        label_sizes: the label box size of each edge; (0, 0) for an edge without a label.
        start: the node to begin the cycle-breaking search from.

    Returns:
        The layout, with every coordinate inside (0, 0, width, height).
    """
    index = {nid: i for i, nid in enumerate(node_ids)}
    n = len(node_ids)
    adj: list[list[int]] = [[] for _ in range(n)]
    real = [(k, index[s], index[t]) for k, (s, t) in enumerate(edges) if s in index and t in index]
    for _, u, v in real:
        if u != v:
            adj[u].append(v)
    roots = ([index[start]] if start in index else []) + list(range(n))
    back = _back_edges(n, adj, roots)
    oriented = [(k, v, u, True) if (u, v) in back else (k, u, v, False) for k, u, v in real if u != v]
    plain = _ranks(n, [(u, v) for _, u, v, _ in oriented])
    has_in = {v for _, _, v, _ in oriented}
    for v in range(n):  # pull other sources (unreachable nodes) down next to what they lead to
        succ = [plain[w] for _, u, w, _ in oriented if u == v]
        if v not in has_in and roots and v != roots[0] and succ:
            plain[v] = max(0, min(succ) - 1)
    rank = [2 * r for r in plain]

    # Vertices: 0..n-1 are nodes; then one label slot per edge and dummies for long edges.
    widths = [node_sizes[nid][0] for nid in node_ids]
    heights = [node_sizes[nid][1] for nid in node_ids]
    vrank = list(rank)
    chains: dict[int, list[int]] = {}
    down: dict[int, list[int]] = {}
    up: dict[int, list[int]] = {}

    def link(a: int, b: int) -> None:
        down.setdefault(a, []).append(b)
        up.setdefault(b, []).append(a)

    for k, u, v, _ in oriented:
        chain = [u]
        for r in range(rank[u] + 1, rank[v]):
            vid = len(widths)
            lw, lh = label_sizes[k] if r == rank[u] + 1 else (0, 0)
            widths.append(max(lw, 8))
            heights.append(max(lh, 8))
            vrank.append(r)
            chain.append(vid)
        chain.append(v)
        for a, b in zip(chain, chain[1:], strict=False):
            link(a, b)
        chains[k] = chain

    nrows = max(vrank, default=0) + 1
    rows: list[list[int]] = [[] for _ in range(nrows)]
    seen: set[int] = set()
    # Initial order: breadth-first from the roots, so related vertices start close together.
    queue = [r for r in dict.fromkeys(roots) if vrank[r] == 0]
    while queue:
        nxt: list[int] = []
        for v in queue:
            if v not in seen:
                seen.add(v)
                rows[vrank[v]].append(v)
                nxt.extend(down.get(v, []))
        queue = nxt
        if not queue:
            queue = [v for v in range(len(vrank)) if v not in seen][:1]
    rows = _reduce_crossings(rows, down, up)

    row_h = [max((heights[v] for v in row), default=0) for row in rows]
    ys: list[float] = []
    y = float(MARGIN)
    for h in row_h:
        ys.append(y + h / 2)
        y += h + (GAP_Y if h else 0)
    x: dict[int, float] = {}
    for row in rows:
        acc = 0.0
        for v in row:
            x[v] = acc + widths[v] / 2
            acc += widths[v] + GAP_X
    for it in range(8):
        order = range(nrows) if it % 2 == 0 else range(nrows - 1, -1, -1)
        for r in order:
            want = {}
            for v in rows[r]:
                near = [x[w] for w in up.get(v, []) + down.get(v, [])]
                want[v] = sum(near) / len(near) if near else x[v]
            x.update(_place_row(rows[r], want, widths))
    left = min((x[v] - widths[v] / 2 for v in x), default=0.0)
    for v in x:
        x[v] += MARGIN - left
    width = int(max((x[v] + widths[v] / 2 for v in x), default=0.0) + MARGIN)
    height = int(y - GAP_Y + MARGIN) if nrows else 2 * MARGIN

    def box(v: int) -> Box:
        return Box(x[v], ys[vrank[v]], widths[v], heights[v])

    out = GraphLayout(max(width, 2 * MARGIN), max(height, 2 * MARGIN), rows=nrows)
    for i, nid in enumerate(node_ids):
        out.nodes[nid] = box(i)
    for k, _u, _v, rev in oriented:
        chain = chains[k]
        pts = [(box(c).cx, box(c).cy) for c in chain]
        su, sv = box(chain[0]), box(chain[-1])
        pts[0] = (su.cx, su.cy + su.h / 2)
        pts[-1] = (sv.cx, sv.cy - sv.h / 2)
        if rev:
            pts.reverse()
        label = box(chain[1]) if label_sizes[k] != (0, 0) else None
        out.edges.append(EdgePath(k, tuple(pts), label, rev))
    for k, u, v in real:
        if u == v:
            nb = box(u)
            lw, lh = label_sizes[k]
            loop_pts = ((nb.cx + nb.w / 2, nb.cy - 6), (nb.cx + nb.w / 2 + 18, nb.cy), (nb.cx + nb.w / 2, nb.cy + 6))
            label = Box(nb.cx + nb.w / 2 + 24 + lw / 2, nb.cy, lw, lh) if (lw, lh) != (0, 0) else None
            out.edges.append(EdgePath(k, loop_pts, label, False, True))
            if label is not None:
                out.width = max(out.width, int(label.cx + lw / 2 + MARGIN))
    out.edges.sort(key=lambda e: e.index)
    return out
