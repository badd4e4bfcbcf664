"""Progress dots for one play-through: a number fixed at the start, filled by the share of the way done."""

from __future__ import annotations

from collections import deque

from ..content.schema import Scenario

MAX_DOTS = 12
"""More dots than this would be too small to count from the back of a room."""


def _bfs(start: list[str], edges: dict[str, list[str]]) -> dict[str, int]:
    dist = {n: 0 for n in start}
    queue = deque(start)
    while queue:
        cur = queue.popleft()
        for nxt in edges.get(cur, []):
            if nxt not in dist:
                dist[nxt] = dist[cur] + 1
                queue.append(nxt)
    return dist


def steps_to_end(scn: Scenario) -> dict[str, int]:
    """Fewest steps from each node to an ending (conditions ignored)."""
    rev: dict[str, list[str]] = {}
    for nid, node in scn.nodes.items():
        for t in node.targets():
            rev.setdefault(t, []).append(nid)
    return _bfs([nid for nid, n in scn.nodes.items() if n.ending is not None], rev)


def route_length(scn: Scenario, start: str) -> int:
    """Screens on the longest of the shortest routes through any node reachable from `start` (conditions ignored):
    every way through the story fits in about this many steps."""
    fwd: dict[str, list[str]] = {}
    rev: dict[str, list[str]] = {}
    for nid, node in scn.nodes.items():
        for t in node.targets():
            fwd.setdefault(nid, []).append(t)
            rev.setdefault(t, []).append(nid)
    depth = _bfs([start], fwd)
    left = _bfs([nid for nid, n in scn.nodes.items() if n.ending is not None], rev)
    lengths = [depth[n] + left[n] + 1 for n in depth if n in left]
    return max(lengths, default=1)


class ProgressDots:
    """How many dots the top bar shows (fixed for the play-through) and how many are filled (never fewer than
    before; all of them only at an ending)."""

    def __init__(self, scn: Scenario, start: str) -> None:
        self.count = max(1, min(MAX_DOTS, route_length(scn, start)))
        self.filled = 0

    def update(self, seen: int, estimate: int, ended: bool) -> int:
        """Fill for `seen` screens of an estimated `estimate` in all; returns the number filled."""
        if ended:
            self.filled = self.count
            return self.filled
        share = seen / max(1, estimate, seen)
        self.filled = max(self.filled, min(self.count - 1, round(share * self.count)))
        return self.filled
