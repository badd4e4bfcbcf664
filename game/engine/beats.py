"""Typed beats: the only things the front end reads from the engine."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Union

from ..content.schema import BadgeDef, Choice, Debrief, Ending, Message, Node, Spot, SpotPart, Tone
from .scoring import Credit
from .state import Shown


@dataclass(frozen=True)
class Option:
    """A choice the player can take now, with its index in the node's choice list."""

    index: int
    choice: Choice


@dataclass(frozen=True)
class NodeBeat:
    """A node on screen: its messages (those new on this screen, from the record), the conversation's history
    (earlier messages and the player's sent replies, from earlier screens of the same chat or feed), and what comes
    next."""

    node_id: str
    node: Node
    messages: tuple[Message, ...]
    thread: tuple[Message, ...]


@dataclass(frozen=True)
class MessageBeat(NodeBeat):
    """Messages only; Next continues to `next_node`."""

    next_node: str


@dataclass(frozen=True)
class ChoiceBeat(NodeBeat):
    """Messages then a choice prompt."""

    options: tuple[Option, ...]
    prompt: Optional[str]


@dataclass(frozen=True)
class SpotBeat(NodeBeat):
    """Messages then a spot-the-flags task."""

    spot: Spot
    order: tuple[int, ...] = ()
    """The parts (indices into `spot.parts`) in the message's reading order: number keys mark by this place."""


@dataclass(frozen=True)
class FeedbackBeat:
    """Why a choice mattered."""

    node_id: str
    choice: Choice
    index: int
    points: int
    best_points: int
    is_best: bool
    verdict: str = "best"
    """The feedback mark, relative to the options at that decision: best, partial or risky (scoring.verdict)."""


@dataclass(frozen=True)
class PartResult:
    """How one spot part came out: hit, miss, false_alarm or clear (benign, left alone)."""

    index: int
    part: SpotPart
    selected: bool
    outcome: str
    points: int = 0
    """The points this part gave (a hit, a correct rejection, a miss or a false alarm)."""


@dataclass(frozen=True)
class SpotResultBeat:
    """The result of a spot-the-flags task, every part explained, in the message's reading order."""

    node_id: str
    spot: Spot
    results: tuple[PartResult, ...]
    points: int
    best_points: int


@dataclass(frozen=True)
class EndingBeat:
    """An ending; Next leads to the debrief."""

    node_id: str
    node: Node
    ending: Ending
    score: int
    messages: tuple[Message, ...] = ()
    """The messages the ending screen shows (from the record of this visit)."""
    thread: tuple[Message, ...] = ()
    """The conversation's history when the ending is a chat or feed screen."""


@dataclass(frozen=True)
class DebriefBeat:
    """The debrief, with the nodes the player saw and what each visit showed, for the replay."""

    debrief: Optional[Debrief]
    visited: tuple[str, ...]
    shown: tuple[Shown, ...] = ()


@dataclass(frozen=True)
class SummaryBeat:
    """Score, stars, badges and what was spotted or missed."""

    score: int
    best_score: int
    stars: int
    badges: tuple[BadgeDef, ...]
    hits: int
    misses: int
    false_alarms: int
    tone: Optional[Tone]
    credit: Credit = Credit()
    """Decision by decision: how many choices were the safest one there, how many spot parts were judged right."""


Beat = Union[MessageBeat, ChoiceBeat, SpotBeat, FeedbackBeat, SpotResultBeat, EndingBeat, DebriefBeat, SummaryBeat]
