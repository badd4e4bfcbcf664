"""Reading the record of what each visit showed: its messages, a spot task's message, and living threads (each
conversation keeps its history through the play-through, the player's sent replies included)."""

from __future__ import annotations

from typing import Optional, Sequence, Union

from ..content.schema import CHAT_KINDS, ME, Message, Node, Scenario, ScreenKind
from .state import Shown

FEED_KINDS = frozenset({ScreenKind.FEED})
"""Screens that are one feed: earlier posts stay below the new ones."""

Key = tuple[Union[str, None], ...]


def messages_of(scn: Scenario, visit: Shown) -> tuple[Message, ...]:
    """The messages a visit showed, in order (indices a re-checked file no longer has are left out)."""
    node = scn.nodes.get(visit.node)
    if node is None:
        return ()
    return tuple(node.messages[i] for i in visit.messages if i < len(node.messages))


def spot_message(node: Node) -> tuple[Message, ...]:
    """The spot task's text as messages, where the screen shows it as such (an email with no body shows it as the
    body instead). In a chat, each line of the text is a bubble of its own: a burst of short messages, as people
    really send them; elsewhere (a post, a listing) the text is one message."""
    if node.spot is None or (node.screen == ScreenKind.EMAIL and node.card is not None and not node.card.body):
        return ()
    lines = [ln.strip() for ln in node.spot.text.splitlines() if ln.strip()] if node.screen in CHAT_KINDS else []
    texts = lines if len(lines) > 1 else [node.spot.text]
    return tuple(Message.model_validate({"from": node.spot.speaker, "text": t}) for t in texts)


def sent_message(text: str) -> Message:
    """What the player sent, as a bubble of theirs."""
    return Message.model_validate({"from": ME, "text": text})


def conversation(node: Node) -> Optional[Key]:
    """Which conversation a screen belongs to: the same kind of chat in the same app with the same person (or the
    same feed in the same app); None for screens that stand alone."""
    if node.screen in CHAT_KINDS:
        return ("chat", node.screen.value, node.app, node.with_)
    if node.screen in FEED_KINDS:
        return ("feed", node.app)
    return None


def visit_bubbles(scn: Scenario, visit: Shown) -> tuple[Message, ...]:
    """Everything one visit added to its conversation: its messages, a spot task's message, the player's reply."""
    node = scn.nodes.get(visit.node)
    if node is None:
        return ()
    sent = (sent_message(visit.sent),) if visit.sent else ()
    return messages_of(scn, visit) + spot_message(node) + sent


def history(scn: Scenario, shown: Sequence[Shown], k: int) -> tuple[Message, ...]:
    """What the conversation of visit `k` showed before it, oldest first (for a feed: newest first, as a feed
    lists them), with the player's sent replies; () when visit k stands alone."""
    if not 0 <= k < len(shown):
        return ()
    node = scn.nodes.get(shown[k].node)
    key = conversation(node) if node is not None else None
    if key is None:
        return ()
    earlier: list[tuple[Message, ...]] = []
    for visit in shown[:k]:
        other = scn.nodes.get(visit.node)
        if other is not None and conversation(other) == key:
            earlier.append(visit_bubbles(scn, visit))
    if key[0] == "feed":
        return tuple(m for block in reversed(earlier) for m in block)
    return tuple(m for block in earlier for m in block)


def thread(scn: Scenario, shown: Sequence[Shown], k: int) -> tuple[Message, ...]:
    """Every bubble or post the screen of visit `k` shows for its conversation, in screen order: the history then
    the new messages for a chat, the new posts then the history for a feed."""
    node = scn.nodes.get(shown[k].node) if 0 <= k < len(shown) else None
    if node is None:
        return ()
    new = messages_of(scn, shown[k])
    past = history(scn, shown, k)
    return new + past if node.screen in FEED_KINDS else past + new
