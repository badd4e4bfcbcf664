"""The one small, serialisable play state; the scenario itself is never mutated."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum
from typing import Any, Mapping, Optional, Union

STATE_VERSION = 2
"""Version of the saved-state format. Older versions stay readable; newer ones are refused.

- 1: node, phase, variables, visited, steps, score, tags, spot counts, pending.
- 2: adds `shown`, the record of what each visit put on screen (options in the order shown, and what the player
  sent), the `seed` that orders them, and each choice's feedback `verdict`. A version-1 state has no record; the
  runner's `restore(scn, state)` rebuilds it by replaying the steps from the scenario's start (exact for every
  play that did not start from a preset).
"""


class StateVersionError(ValueError):
    """A saved state this game cannot read (made by a newer game, or not a state at all)."""

Value = Union[bool, int, str]


class Phase(str, Enum):
    """Where the player is within the flow of a scenario."""

    NODE = "node"  # reading a node's messages and its prompt
    FEEDBACK = "feedback"  # seeing why a choice or spot answer mattered
    ENDING = "ending"
    DEBRIEF = "debrief"
    SUMMARY = "summary"


@dataclass(frozen=True)
class Step:
    """One decision the player made."""

    node: str
    kind: str  # "choice" | "spot"
    points: int
    choice: Optional[int] = None
    selected: tuple[int, ...] = ()
    best: int = 0  # the most points any open option offered here
    verdict: str = ""  # a choice's feedback mark: best, partial or risky (scoring.verdict)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"node": self.node, "kind": self.kind, "points": self.points, "choice": self.choice,
                "selected": list(self.selected), "best": self.best, "verdict": self.verdict}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Step:
        """Rebuild from `to_dict` output."""
        return cls(str(d["node"]), str(d["kind"]), int(d["points"]),
                   None if d.get("choice") is None else int(d["choice"]),
                   tuple(int(x) for x in d.get("selected", ())), int(d.get("best", 0)), str(d.get("verdict", "")))


@dataclass(frozen=True)
class Shown:
    """What one visit to a node put on screen, in the order shown: indices into the node's messages, choices and
    spot parts. The debrief replay, feedback, summaries, reports and the trace read this record; nothing
    re-evaluates a condition after the moment it was shown."""

    node: str
    messages: tuple[int, ...] = ()
    options: tuple[int, ...] = ()
    parts: tuple[int, ...] = ()
    sent: Optional[str] = None
    """What the player sent in this conversation by the choice made here (the choice's `says:`), if anything."""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"node": self.node, "messages": list(self.messages), "options": list(self.options),
                "parts": list(self.parts), "sent": self.sent}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Shown:
        """Rebuild from `to_dict` output."""
        def ints(key: str) -> tuple[int, ...]:
            return tuple(int(x) for x in d.get(key, ()))

        return cls(str(d["node"]), ints("messages"), ints("options"), ints("parts"),
                   None if d.get("sent") is None else str(d["sent"]))


@dataclass(frozen=True)
class PlayState:
    """Everything that changes while playing one scenario."""

    scenario_id: str
    node: str
    phase: Phase = Phase.NODE
    variables: tuple[tuple[str, Value], ...] = ()
    visited: tuple[str, ...] = ()
    steps: tuple[Step, ...] = ()
    score: int = 0
    tags: tuple[str, ...] = ()
    hits: int = 0
    misses: int = 0
    false_alarms: int = 0
    pending: Optional[str] = None  # node to enter after feedback
    shown: tuple[Shown, ...] = ()
    """One record per entry of `visited`: what that visit showed."""
    seed: Optional[int] = None
    """Orders the options of each visit (the same seed, the same order); None shows them in file order."""
    version: int = STATE_VERSION

    @property
    def visit(self) -> Optional[Shown]:
        """What the current visit shows (None for a version-1 state not yet restored)."""
        if self.shown and len(self.shown) == len(self.visited) and self.shown[-1].node == self.node:
            return self.shown[-1]
        return None

    @property
    def recorded(self) -> bool:
        """True when every visit has its record (a version-1 state needs `runner.restore` first)."""
        return tuple(v.node for v in self.shown) == self.visited

    @property
    def vars(self) -> dict[str, Value]:
        """Variables as a fresh dict."""
        return dict(self.variables)

    def with_vars(self, values: Mapping[str, Value]) -> PlayState:
        """A copy with these variables."""
        return replace(self, variables=tuple(sorted(values.items())))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form with a version."""
        return {
            "version": self.version,
            "scenario_id": self.scenario_id,
            "node": self.node,
            "phase": self.phase.value,
            "variables": dict(self.variables),
            "visited": list(self.visited),
            "steps": [s.to_dict() for s in self.steps],
            "score": self.score,
            "tags": list(self.tags),
            "hits": self.hits,
            "misses": self.misses,
            "false_alarms": self.false_alarms,
            "pending": self.pending,
            "shown": [v.to_dict() for v in self.shown],
            "seed": self.seed,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> PlayState:
        """Rebuild from `to_dict` output; refuses states from a newer game (`StateVersionError`, a ValueError).

        A version-1 state comes back without its record of what was shown and with `version` 1: pass it through
        `runner.restore(scn, state)` to rebuild the record before playing on."""
        if not isinstance(d, Mapping):
            raise StateVersionError("a saved state must be a mapping")
        try:
            version = int(d.get("version", 0))
        except (TypeError, ValueError):
            raise StateVersionError(f"saved state version {d.get('version')!r} is not a number") from None
        if version < 1 or version > STATE_VERSION:
            raise StateVersionError(f"saved state version {version} is not readable by this game "
                                    f"(reads 1..{STATE_VERSION}); it was made by a newer Red Flag Radar")
        variables = d.get("variables", {})
        if not isinstance(variables, Mapping):
            raise StateVersionError("variables must be a mapping")
        try:
            return cls._build(d, variables, version)
        except (KeyError, TypeError, ValueError) as exc:
            raise StateVersionError(f"saved state is damaged: {type(exc).__name__}: {exc}") from None

    @classmethod
    def _build(cls, d: Mapping[str, Any], variables: Mapping[str, Any], version: int) -> PlayState:
        return cls(
            scenario_id=str(d["scenario_id"]),
            node=str(d["node"]),
            phase=Phase(d.get("phase", "node")),
            variables=tuple(sorted((str(k), v) for k, v in variables.items())),
            visited=tuple(str(x) for x in d.get("visited", ())),
            steps=tuple(Step.from_dict(s) for s in d.get("steps", ())),
            score=int(d.get("score", 0)),
            tags=tuple(str(t) for t in d.get("tags", ())),
            hits=int(d.get("hits", 0)),
            misses=int(d.get("misses", 0)),
            false_alarms=int(d.get("false_alarms", 0)),
            pending=None if d.get("pending") is None else str(d["pending"]),
            shown=tuple(Shown.from_dict(v) for v in d.get("shown", ())) if version >= 2 else (),
            seed=None if d.get("seed") is None else int(d["seed"]),
            version=version,
        )
