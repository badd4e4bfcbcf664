"""The one walker for "what text a node shows": every student-visible text of a node, with its path and place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator, Optional, Union

from .schema import Message, Node, ScreenKind

P = tuple[Union[str, int], ...]

MESSAGES_FIRST = frozenset({ScreenKind.JOB_AD, ScreenKind.MARKETPLACE, ScreenKind.EMAIL, ScreenKind.SETTINGS})
"""Screen kinds that show a node's messages (notifications) above its card; the others show the card first."""


@dataclass(frozen=True)
class NodeText:
    """One text a student can see at a node.

    `screen`: drawn on the device (a message, the card, the spot task's text), where a red flag can be quoted;
    otherwise in the panel beside it (title, prompt, choices, feedback, explanations, ending, discussion).
    `prose`: counts for the reading level (labels such as a price, a poster's name, an address or a profile
    field do not)."""

    path: P
    text: str
    screen: bool
    prose: bool = True


def _card_texts(base: P, node: Node) -> Iterator[NodeText]:
    """The card's texts in the order the card shows them."""
    c = node.card
    if c is None:
        return
    at: P = (*base, "card")
    if c.title:
        yield NodeText((*at, "title"), c.title, True)
    for key in ("price", "poster", "poster_note", "address"):
        value = getattr(c, key)
        if value:
            yield NodeText((*at, key), value, True, prose=False)
    if c.body:
        yield NodeText((*at, "body"), c.body, True)
    for k, v in c.bio.items():
        yield NodeText((*at, "bio", k), f"{k}: {v}", True, prose=False)
    for i, d in enumerate(c.details):
        yield NodeText((*at, "details", i), d, True)
    for i, t in enumerate(c.toggles):
        yield NodeText((*at, "toggles", i, "label"), t.label, True)
        if t.help:
            yield NodeText((*at, "toggles", i, "help"), t.help, True)
    if c.button:
        yield NodeText((*at, "button"), c.button, True)


def node_texts(nid: str, node: Node) -> Iterator[NodeText]:
    """Every student-visible text of a node (every message, whatever its condition), in a fixed order."""
    base: P = ("nodes", nid)
    if node.title:
        yield NodeText((*base, "title"), node.title, False)
    for i, m in enumerate(node.messages):
        yield NodeText((*base, "messages", i, "text"), m.text, True)
    yield from _card_texts(base, node)
    if node.prompt:
        yield NodeText((*base, "prompt"), node.prompt, False)
    for i, ch in enumerate(node.choices or []):
        yield NodeText((*base, "choices", i, "text"), ch.text, False)
        if ch.headline:
            yield NodeText((*base, "choices", i, "headline"), ch.headline, False)
        if ch.feedback:
            yield NodeText((*base, "choices", i, "feedback"), ch.feedback, False)
    if node.spot is not None:
        yield NodeText((*base, "spot", "prompt"), node.spot.prompt, False)
        yield NodeText((*base, "spot", "text"), node.spot.text, True)
        for i, p in enumerate(node.spot.parts):
            yield NodeText((*base, "spot", "parts", i, "explain"), p.explain, False)
    if node.ending is not None:
        yield NodeText((*base, "ending", "title"), node.ending.title, False)
        yield NodeText((*base, "ending", "text"), node.ending.text, False)
        if node.ending.still_helps:
            yield NodeText((*base, "ending", "still_helps"), node.ending.still_helps, False)
    if node.discussion:
        yield NodeText((*base, "discussion"), node.discussion, False)


def screen_texts(node: Node, messages: Optional[Iterable[Message]] = None) -> list[str]:
    """The texts on the device screen in reading order: the card and the messages shown (`messages`, default every
    message of the node) in the order the node's screen kind draws them, then the spot task's text if it is not
    already one of them. A red flag's quote is looked for here."""
    card = [t.text for t in _card_texts(("nodes", ""), node)]
    said = [m.text for m in (node.messages if messages is None else messages)]
    texts = said + card if node.screen in MESSAGES_FIRST else card + said
    if node.spot is not None and node.spot.text not in texts:
        texts.append(node.spot.text)
    return texts


def quote_at(node: Node, messages: Iterable[Message], quote: str) -> Optional[tuple[int, int]]:
    """Where a quote appears on the screen a node showed, in reading order: (text number, offset), or None."""
    low = quote.lower()
    for n, t in enumerate(screen_texts(node, messages)):
        k = t.lower().find(low)
        if k >= 0:
            return (n, k)
    return None
