"""The one small, serialisable play state; the scenario itself is never mutated."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum
from typing import Any, Mapping, Optional, Union

STATE_VERSION = 1
"""Version of the saved-state format. Older versions stay readable; newer ones are refused."""

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

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"node": self.node, "kind": self.kind, "points": self.points, "choice": self.choice,
                "selected": list(self.selected), "best": self.best}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Step:
        """Rebuild from `to_dict` output."""
        return cls(str(d["node"]), str(d["kind"]), int(d["points"]),
                   None if d.get("choice") is None else int(d["choice"]),
                   tuple(int(x) for x in d.get("selected", ())), int(d.get("best", 0)))


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
    version: int = STATE_VERSION

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
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> PlayState:
        """Rebuild from `to_dict` output; refuses states from a newer game."""
        version = int(d.get("version", 0))
        if version < 1 or version > STATE_VERSION:
            raise ValueError(f"saved state version {version} is not readable by this game (reads 1..{STATE_VERSION})")
        variables = d.get("variables", {})
        if not isinstance(variables, Mapping):
            raise ValueError("variables must be a mapping")
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
            version=version,
        )
