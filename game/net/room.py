"""A room's state, owned by the server thread: the code, the devices (random tokens, no names), the open question,
one vote per device, and what each device may see (its own vote and aggregates only)."""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field
from typing import Any, Optional

from .limits import ADDRESS_WRONG_CODES, MAX_DEVICES, WRONG_WAIT_S, Clock, RateLimit, WrongCodes

CODE_DIGITS = 4
TEXT_MAX = 400
"""Longest text a question sends to devices (a short form of the message, each option)."""
MAX_OPTIONS = 12
KINDS = ("choice", "radar")


def new_code() -> str:
    """A random 4-digit room code (0000-9999)."""
    return f"{secrets.randbelow(10 ** CODE_DIGITS):0{CODE_DIGITS}d}"


def short(text: str, limit: int = TEXT_MAX) -> str:
    """Text cut to `limit` characters at a word, with an ellipsis when cut; control characters become spaces."""
    clean = " ".join("".join(ch if ch.isprintable() else " " for ch in str(text)).split())
    if len(clean) <= limit:
        return clean
    cut = clean[:limit - 1].rsplit(" ", 1)[0]
    return (cut or clean[:limit - 1]) + "\u2026"


@dataclass(frozen=True)
class Question:
    """What devices answer: a general beat (a short form of the message, a prompt, lettered options)."""

    id: str
    kind: str
    prompt: str
    message: str
    options: tuple[str, ...]
    letters: tuple[str, ...] = ()
    """Labels beside the options (A, B, ...); empty: none (a radar item's Red flag / Looks OK)."""

    def public(self) -> dict[str, Any]:
        """The question as devices receive it (lengths capped)."""
        return {"id": self.id[:80], "kind": self.kind, "prompt": short(self.prompt), "message": short(self.message),
                "options": [{"letter": (self.letters[i] if i < len(self.letters) else ""), "text": short(t, 200)}
                            for i, t in enumerate(self.options[:MAX_OPTIONS])]}


@dataclass(frozen=True)
class Result:
    """What the class decided, for the devices after the reveal: combined counts per option, and their sources."""

    question: str
    counts: tuple[int, ...]
    hands: int
    devices: int


@dataclass(frozen=True)
class Snapshot:
    """What the game sees of the room: how many devices joined and the devices' votes on the current question
    (per option, and per anonymous device number for the records)."""

    devices: int = 0
    question: Optional[str] = None
    phase: str = "wait"
    counts: tuple[int, ...] = ()
    answers: tuple[tuple[int, int], ...] = ()
    """(device number, option) for every device that answered; numbers count joins from 1, never a token."""

    @property
    def answered(self) -> int:
        """Devices that answered the current question."""
        return len(self.answers)


@dataclass
class Device:
    """One joined device: its anonymous number in this room and its token."""

    number: int
    token: str


@dataclass(frozen=True)
class JoinOutcome:
    """The answer to a join: an HTTP status and the JSON body (a token, or why not)."""

    status: int
    body: dict[str, Any]


@dataclass
class RoomState:
    """Everything a room knows; dropped whole when the room closes (tokens and votes are forgotten)."""

    code: str = field(default_factory=new_code)
    clock: Clock = time.monotonic
    phase: str = "wait"
    question: Optional[Question] = None
    result: Optional[Result] = None
    devices: dict[str, Device] = field(default_factory=dict)
    by_key: dict[str, str] = field(default_factory=dict)
    """A device's cookie key -> its token (reloading the page keeps one device, one vote)."""
    votes: dict[str, int] = field(default_factory=dict)
    """token -> option, for the current question only."""

    def __post_init__(self) -> None:
        self.rate = RateLimit(clock=self.clock)
        self.wrong = WrongCodes(clock=self.clock)
        self.wrong_address = WrongCodes(ADDRESS_WRONG_CODES, WRONG_WAIT_S, clock=self.clock)

    # ------------------------------------------------------------- devices
    def join(self, key: str, address: str, code: object) -> JoinOutcome:
        """A device sends a room code: a token when right; a count of tries left, or a wait, when wrong."""
        wait = max(self.wrong.wait(key) or 0.0, self.wrong_address.wait(address) or 0.0)
        if wait:
            return JoinOutcome(429, {"error": "wait", "wait": round(wait + 0.5)})
        if not isinstance(code, str) or len(code) != CODE_DIGITS or not code.isdigit() or \
                not secrets.compare_digest(code, self.code):
            left = self.wrong.wrong(key)
            if self.wrong_address.wrong(address) == 0 or left == 0:
                return JoinOutcome(429, {"error": "wait", "wait": round(WRONG_WAIT_S)})
            return JoinOutcome(403, {"error": "wrong code", "left": left})
        self.wrong.right(key)
        token = self.by_key.get(key)
        if token is not None and token in self.devices:
            return JoinOutcome(200, {"token": token, "device": self.devices[token].number})
        if len(self.devices) >= MAX_DEVICES:
            return JoinOutcome(503, {"error": "full"})
        token = secrets.token_urlsafe(18)
        self.devices[token] = Device(len(self.devices) + 1, token)
        self.by_key[key] = token
        return JoinOutcome(200, {"token": token, "device": self.devices[token].number})

    def known(self, token: object) -> bool:
        """True for a token this room gave out."""
        return isinstance(token, str) and token in self.devices

    # ------------------------------------------------------------- questions (from the game)
    def open(self, question: Question) -> None:
        """Open a question for votes (the same id again keeps its votes: the teacher went back to the counts)."""
        if self.question is None or self.question.id != question.id:
            self.votes = {}
        self.question, self.result, self.phase = question, None, "vote"

    def reveal(self, result: Result) -> None:
        """Close the open question's votes and show the class result."""
        if self.question is not None and self.question.id == result.question:
            self.result, self.phase = result, "result"

    def close_question(self) -> None:
        """No question any more: devices wait for the next one."""
        self.question, self.result, self.phase, self.votes = None, None, "wait", {}

    # ------------------------------------------------------------- votes (from devices)
    def vote(self, token: str, question: object, option: object) -> Optional[str]:
        """One device's vote (a change replaces it); None when taken, else why it was refused."""
        if not self.known(token):
            return "unknown device"
        if self.phase != "vote" or self.question is None:
            return "no vote is open"
        if question != self.question.id:
            return "that vote is closed"
        if isinstance(option, bool) or not isinstance(option, int) or \
                not 0 <= option < min(len(self.question.options), MAX_OPTIONS):
            return "no such option"
        self.votes[token] = option
        return None

    # ------------------------------------------------------------- what each side sees
    def tally(self) -> list[int]:
        """The devices' votes per option on the current question."""
        n = len(self.question.options) if self.question is not None else 0
        counts = [0] * n
        for option in self.votes.values():
            if option < n:
                counts[option] += 1
        return counts

    def snapshot(self) -> Snapshot:
        """The room as the game sees it."""
        answers = tuple(sorted((self.devices[t].number, o) for t, o in self.votes.items() if t in self.devices))
        return Snapshot(len(self.devices), self.question.id if self.question else None, self.phase,
                        tuple(self.tally()), answers)

    def view(self, token: str) -> dict[str, Any]:
        """What one device sees: the phase, the question, its own vote, and aggregates only."""
        out: dict[str, Any] = {"type": "state", "phase": self.phase, "devices": len(self.devices)}
        if self.question is not None:
            out["question"] = self.question.public()
            out["mine"] = self.votes.get(token)
            out["answered"] = len(self.votes)
        if self.result is not None and self.phase == "result":
            out["result"] = {"counts": list(self.result.counts), "hands": self.result.hands,
                             "devices": self.result.devices, "total": sum(self.result.counts)}
        return out

    def forget(self) -> None:
        """The room closes: every token, vote and counter goes."""
        self.devices.clear()
        self.by_key.clear()
        self.votes.clear()
        self.question, self.result, self.phase = None, None, "closed"
        self.__post_init__()
