"""What the debrief replay shows: each visited node once, as its record says it was shown, and where red flags sat."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..content.schema import Message, Node, Scenario
from ..content.texts import quote_at
from .record import messages_of, spot_message
from .state import Shown


@dataclass(frozen=True)
class Replayed:
    """One node of the replay: its id, the node and the messages its first visit showed (a spot task's text too)."""

    node_id: str
    node: Node
    messages: tuple[Message, ...]


def replay_nodes(scn: Scenario, shown: Iterable[Shown]) -> list[Replayed]:
    """Each visited node once, in the order first visited, with exactly what that first visit showed."""
    out: list[Replayed] = []
    seen: set[str] = set()
    for visit in shown:
        node = scn.nodes.get(visit.node)
        if node is None or visit.node in seen:
            continue
        seen.add(visit.node)
        msgs = messages_of(scn, visit) + spot_message(node)
        if msgs or node.card is not None:
            out.append(Replayed(visit.node, node, msgs))
    return out


def locate_flags(scn: Scenario, shown: Iterable[Shown]) -> tuple[list[Replayed], list[int], list[int]]:
    """The replayed nodes, the debrief's red flags the player saw (indices, in the order they appeared on screen)
    and the indices of those the player did not see."""
    flags = list(scn.debrief.red_flags) if scn.debrief is not None else []
    nodes = replay_nodes(scn, shown)
    order: list[int] = []
    for r in nodes:
        here = [(quote_at(r.node, r.messages, rf.quote), i) for i, rf in enumerate(flags) if rf.at == r.node_id]
        order += [i for at, i in sorted((at, i) for at, i in here if at is not None)]
    return nodes, order, [i for i in range(len(flags)) if i not in order]
