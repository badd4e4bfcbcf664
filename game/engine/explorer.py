"""Explore every reachable (node, variables) state once, and report endings, score ranges and paths."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..content.schema import Scenario
from .conditions import holds, visited_refs
from .scoring import spot_range

MAX_STATES = 10_000
"""The explorer's budget: distinct (node, variables, visited) states it looks at. The largest shipped story has
under 700; at the budget the explorer stops, and the check gives a located error (E324) instead of running for
seconds."""
PATH_CAP = 1_000_000

Key = tuple[str, tuple[tuple[str, Any], ...], frozenset[str]]


@dataclass(frozen=True)
class EndingReport:
    """One ending: whether any path reaches it and the score range of those paths."""

    id: str
    tone: str
    reachable: bool
    min_score: int | None
    max_score: int | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"id": self.id, "tone": self.tone, "reachable": self.reachable,
                "min_score": self.min_score, "max_score": self.max_score}


@dataclass
class Exploration:
    """Everything the path explorer found for one scenario."""

    scenario: str
    endings: list[EndingReport]
    decision_points: list[str]
    unreachable_nodes: list[str]
    dead_ends: list[str]
    paths: int
    paths_capped: bool
    states: int
    states_capped: bool
    point_loops: list[str] = field(default_factory=list)
    states_seen: int = 0
    """States found, the refused ones past the budget included (a lower bound when capped)."""
    never_hold: list[tuple[str, str, int]] = field(default_factory=list)
    """Messages and choices, as (node, 'messages' or 'choices', index), whose `when:` holds in no state that reaches
    their node (empty when the budget stopped the exploration)."""

    @property
    def best_score(self) -> int:
        """The highest score any path can reach."""
        return max((e.max_score for e in self.endings if e.max_score is not None), default=0)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (the `paths` command's output)."""
        return {
            "scenario": self.scenario,
            "endings": [e.to_dict() for e in self.endings],
            "best_score": self.best_score,
            "decision_points": self.decision_points,
            "unreachable_nodes": self.unreachable_nodes,
            "dead_ends": self.dead_ends,
            "paths": self.paths,
            "paths_capped": self.paths_capped,
            "states": self.states,
            "states_capped": self.states_capped,
            "point_loops": self.point_loops,
        }


def _successors(scn: Scenario, key: Key, watched: frozenset[str]) -> list[tuple[Key, int, int]]:
    node_id, var_items, seen = key
    node = scn.nodes[node_id]
    out: list[tuple[Key, int, int]] = []

    def to(target: str, values: dict[str, Any]) -> Key:
        new_seen = seen | {target} if target in watched else seen
        return (target, tuple(sorted(values.items())), new_seen)

    if node.choices is not None:
        variables = dict(var_items)
        for c in node.choices:
            if not holds(c.when, variables, seen):
                continue
            values = dict(variables)
            values.update(c.set)
            for name, delta in c.add.items():
                cur = values.get(name, 0)
                values[name] = (cur if isinstance(cur, int) and not isinstance(cur, bool) else 0) + delta
            if c.goto in scn.nodes:
                out.append((to(c.goto, values), c.points, c.points))
    elif node.spot is not None:
        if node.spot.goto in scn.nodes:
            lo, hi = spot_range(node.spot)
            out.append((to(node.spot.goto, dict(var_items)), lo, hi))
    elif node.next is not None and node.next in scn.nodes:
        out.append((to(node.next, dict(var_items)), 0, 0))
    return out


def _sccs(n: int, adj: list[list[int]]) -> list[int]:
    """Iterative Tarjan: component id per vertex; ids come in reverse topological order."""
    index = [-1] * n
    low = [0] * n
    on = [False] * n
    comp = [-1] * n
    stack: list[int] = []
    counter = 0
    ncomp = 0
    for root in range(n):
        if index[root] != -1:
            continue
        work = [(root, 0)]
        while work:
            v, i = work.pop()
            if i == 0:
                index[v] = low[v] = counter
                counter += 1
                stack.append(v)
                on[v] = True
            recurse = False
            while i < len(adj[v]):
                w = adj[v][i]
                i += 1
                if index[w] == -1:
                    work.append((v, i))
                    work.append((w, 0))
                    recurse = True
                    break
                if on[w]:
                    low[v] = min(low[v], index[w])
            if recurse:
                continue
            if low[v] == index[v]:
                while True:
                    w = stack.pop()
                    on[w] = False
                    comp[w] = ncomp
                    if w == v:
                        break
                ncomp += 1
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[v])
    return comp


def explore(scn: Scenario, start_at: str | None = None, preset: dict[str, Any] | None = None) -> Exploration:
    """Explore the scenario's state graph from its start (or `start_at`)."""
    watched: set[str] = set()
    for node in scn.nodes.values():
        for m in node.messages:
            watched |= visited_refs(m.when)
        for choice in node.choices or []:
            watched |= visited_refs(choice.when)
    watched_f = frozenset(watched)
    start_node = start_at or scn.start
    values = dict(scn.variables)
    values.update(preset or {})
    start: Key = (start_node, tuple(sorted(values.items())),
                  frozenset({start_node}) if start_node in watched_f else frozenset())
    if start_node not in scn.nodes:
        return Exploration(scn.id, [], [], sorted(scn.nodes), [], 0, False, 0, False)

    ids: dict[Key, int] = {start: 0}
    keys: list[Key] = [start]
    edges: list[list[tuple[int, int, int]]] = []
    capped = False
    refused: set[Key] = set()
    i = 0
    while i < len(keys):
        succ = []
        for key2, lo, hi in _successors(scn, keys[i], watched_f):
            j = ids.get(key2)
            if j is None:
                if len(keys) >= MAX_STATES:
                    capped = True
                    refused.add(key2)
                    continue
                j = ids[key2] = len(keys)
                keys.append(key2)
            succ.append((j, lo, hi))
        edges.append(succ)
        i += 1
        if capped:  # over budget: the rest is never looked at (their successors count as refused)
            edges.extend([] for _ in range(len(keys) - i))
            break
    n = len(keys)
    adj = [[j for j, _, _ in e] for e in edges]
    comp = _sccs(n, adj)
    ncomp = max(comp) + 1 if n else 0
    members: list[list[int]] = [[] for _ in range(ncomp)]
    for v, c in enumerate(comp):
        members[c].append(v)

    cyclic = [False] * ncomp
    loops: set[str] = set()
    for v in range(n):
        for j, lo, hi in edges[v]:
            if comp[j] == comp[v]:
                cyclic[comp[v]] = True
                if lo or hi:
                    loops.add(keys[v][0])

    # Forward min/max from the start over the condensation (topological = decreasing comp id).
    INF = float("inf")
    lo_at = [INF] * ncomp
    hi_at = [-INF] * ncomp
    paths_at = [0] * ncomp
    lo_at[comp[0]] = hi_at[comp[0]] = 0
    paths_at[comp[0]] = 1
    infinite = [False] * ncomp
    for c in range(ncomp - 1, -1, -1):
        if lo_at[c] == INF:
            continue
        if cyclic[c]:
            infinite[c] = True
        for v in members[c]:
            for j, lo, hi in edges[v]:
                d = comp[j]
                if d == c:
                    continue
                lo_at[d] = min(lo_at[d], lo_at[c] + lo)
                hi_at[d] = max(hi_at[d], hi_at[c] + hi)
                paths_at[d] = min(PATH_CAP, paths_at[d] + paths_at[c])
                infinite[d] = infinite[d] or infinite[c]

    # Which states can still reach an ending.
    rev: list[list[int]] = [[] for _ in range(n)]
    for v in range(n):
        for j, _, _ in edges[v]:
            rev[j].append(v)
    finishing = [False] * n
    todo = [v for v in range(n) if scn.nodes[keys[v][0]].ending is not None]
    for v in todo:
        finishing[v] = True
    while todo:
        for u in rev[todo.pop()]:
            if not finishing[u]:
                finishing[u] = True
                todo.append(u)

    endings: list[EndingReport] = []
    total_paths = 0
    any_infinite = False
    for nid, node in scn.nodes.items():
        if node.ending is None:
            continue
        comps = {comp[v] for v in range(n) if keys[v][0] == nid}
        reach = [c for c in comps if lo_at[c] != INF]
        if reach:
            endings.append(EndingReport(nid, node.ending.tone.value, True, int(min(lo_at[c] for c in reach)),
                                        int(max(hi_at[c] for c in reach))))
            total_paths = min(PATH_CAP, total_paths + sum(paths_at[c] for c in reach))
            any_infinite = any_infinite or any(infinite[c] for c in reach)
        else:
            endings.append(EndingReport(nid, node.ending.tone.value, False, None, None))

    seen_nodes = {k[0] for k in keys}
    never = [] if capped else _never_holding(scn, keys, seen_nodes)
    # A decision point offers two or more open choices in some reachable state, or a spot task.
    deciding = {keys[v][0] for v in range(n) if len(edges[v]) >= 2 or scn.nodes[keys[v][0]].spot is not None}
    decisions = [nid for nid in scn.nodes if nid in deciding]
    dead = sorted({keys[v][0] for v in range(n) if not finishing[v]})
    return Exploration(
        scenario=scn.id,
        endings=endings,
        decision_points=decisions,
        unreachable_nodes=[nid for nid in scn.nodes if nid not in seen_nodes],
        dead_ends=dead,
        paths=total_paths,
        paths_capped=capped or any_infinite or total_paths >= PATH_CAP,
        states=n,
        states_capped=capped,
        point_loops=sorted(loops),
        states_seen=n + len(refused),
        never_hold=never,
    )


def _never_holding(scn: Scenario, keys: list[Key], reached: set[str]) -> list[tuple[str, str, int]]:
    """The conditional messages and choices of reached nodes whose condition holds in none of the node's states."""
    waiting: dict[str, list[tuple[str, int, Any]]] = {}
    for nid, node in scn.nodes.items():
        if nid in reached:
            items: list[tuple[str, int, Any]] = [
                ("messages", i, m.when) for i, m in enumerate(node.messages) if m.when is not None]
            items += [("choices", i, c.when) for i, c in enumerate(node.choices or []) if c.when is not None]
            if items:
                waiting[nid] = items
    for node_id, var_items, seen in keys:
        left = waiting.get(node_id)
        if left:
            variables = dict(var_items)
            waiting[node_id] = [it for it in left if not holds(it[2], variables, seen)]
    return [(nid, kind, i) for nid, items in waiting.items() for kind, i, _ in items]
