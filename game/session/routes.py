"""One shortest playtest script per ending: the steps `play --headless --script` takes to reach it."""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import Any, Optional

from ..content.schema import Scenario
from ..engine import runner
from ..engine.conditions import visited_refs
from ..engine.explorer import MAX_STATES
from ..engine.state import Phase, PlayState

HEADLESS_SEED = 0
"""The option order headless runs use when no --seed is given: routes number the options as they show then."""


@dataclass(frozen=True)
class Route:
    """The steps from the content note to one ending (ending with `expect:ending=ID`), and the score on the way."""

    ending: str
    steps: tuple[str, ...]
    score: int

    def script(self) -> str:
        """The steps as one --script string."""
        return " ".join(self.steps)


def _watched(scn: Scenario) -> frozenset[str]:
    out: set[str] = set()
    for node in scn.nodes.values():
        for m in node.messages:
            out |= visited_refs(m.when)
        for c in node.choices or []:
            out |= visited_refs(c.when)
    return frozenset(out)


def _moves(scn: Scenario, st: PlayState) -> list[tuple[tuple[str, ...], PlayState]]:
    """Every way on from a node: the script steps and the state at the next node (after its feedback)."""
    node = scn.nodes[st.node]
    if node.choices is not None:
        return [((str(shown + 1), "next"), runner.advance(scn, runner.choose(scn, st, opt.index)))
                for shown, opt in enumerate(runner.options(scn, st))]
    if node.spot is not None:  # the best answer: every red flag marked, numbered as the parts are shown
        order = (st.visit.parts if st.visit is not None and st.visit.parts else None) or runner.part_order(node)
        flags = [str(k + 1) for k, i in enumerate(order) if node.spot.parts[i].flag]
        step = "spot:" + "+".join(flags) if flags else "submit"
        picked = [i for i in order if node.spot.parts[i].flag]
        return [((step, "next"), runner.advance(scn, runner.submit_spot(scn, st, picked)))]
    if node.next is not None and node.next in scn.nodes:
        return [(("next",), runner.advance(scn, st))]
    return []


def shortest_routes(scn: Scenario, seed: int = HEADLESS_SEED) -> tuple[list[Route], bool]:
    """The route with the fewest script steps to each reachable ending (in the file's order of endings), and
    whether the state budget stopped the search first. Options are numbered as they are shown with `seed`."""
    watched = _watched(scn)
    start = runner.start(scn, seed=seed)

    def key(st: PlayState) -> Any:
        return (st.node, st.variables, frozenset(v for v in st.visited if v in watched))

    done: set[Any] = set()
    queued = 0
    heap: list[tuple[int, int, PlayState, tuple[str, ...]]] = [(1, 0, start, ("next",))]  # Start on the content note
    found: dict[str, Route] = {}
    capped = False
    while heap:  # cheapest first: a choice costs two steps (the option, then Next on its feedback), a Next one
        _cost, _n, st, steps = heapq.heappop(heap)
        k = key(st)
        if k in done:
            continue
        done.add(k)
        if st.phase is Phase.ENDING:
            if st.node not in found:
                found[st.node] = Route(st.node, (*steps, f"expect:ending={st.node}"), st.score)
            continue
        for more, nxt in _moves(scn, st):
            if key(nxt) in done:
                continue
            if len(done) + len(heap) >= MAX_STATES:
                capped = True
                continue
            queued += 1
            heapq.heappush(heap, (len(steps) + len(more), queued, nxt, (*steps, *more)))
    order = [nid for nid, n in scn.nodes.items() if n.ending is not None]
    return [found[nid] for nid in order if nid in found], capped


def route_for(scn: Scenario, ending: str, seed: int = HEADLESS_SEED) -> Optional[Route]:
    """The shortest route to one ending, if any path reaches it."""
    return next((r for r in shortest_routes(scn, seed)[0] if r.ending == ending), None)
