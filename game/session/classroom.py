"""Facilitator (class) mode state: the class label, the discussion timer, teacher-notes visibility and vote maths."""

from __future__ import annotations

import math
import string
from dataclasses import dataclass, field
from typing import Optional, Sequence

TIMER_PRESETS: tuple[int, ...] = (60, 120, 180, 300)
"""Discussion timer lengths in seconds (T starts/pauses; Shift+T or the discussion screen's -/+ change it)."""

LABEL_MAX = 40
"""Longest class label (it names a lesson, never a student)."""


def letter(i: int) -> str:
    """The card letter for option i: A, B, C, ... (then A2, B2 after Z, which no scenario reaches)."""
    n = len(string.ascii_uppercase)
    return string.ascii_uppercase[i % n] + (str(i // n + 1) if i >= n else "")


def clean_label(text: Optional[str]) -> Optional[str]:
    """A class label with spaces folded (control characters count as spaces), cut to LABEL_MAX; None if empty."""
    if not text:
        return None
    folded = " ".join("".join(ch if ch.isprintable() else " " for ch in str(text)).split())
    return folded[:LABEL_MAX] or None


def percents(votes: Sequence[int]) -> list[int]:
    """Each count as a whole percentage of the total (rounded like the class report; all 0 with no votes)."""
    total = sum(votes)
    return [round(100 * v / total) if total else 0 for v in votes]


def leaders(votes: Sequence[int]) -> list[int]:
    """Positions with the most votes (several on a tie; every position when nobody voted)."""
    if not votes:
        return []
    top = max(votes)
    return [i for i, v in enumerate(votes) if v == top]


class DiscussionTimer:
    """A discussion timer driven by dt (seconds), never by frame counts.

    States: ``idle`` (set to a length, not started), ``running``, ``paused`` and ``done`` (the gentle end cue
    shows until the timer is started again or its length changes).
    """

    def __init__(self, preset: int = 1) -> None:
        self.preset = max(0, min(len(TIMER_PRESETS) - 1, preset))
        self.remaining = float(self.length)
        self.state = "idle"
        self.finished_events = 0
        """How many times the timer ran out (the App plays the soft tone once per event)."""

    @property
    def length(self) -> int:
        """The chosen length in seconds."""
        return TIMER_PRESETS[self.preset]

    @property
    def running(self) -> bool:
        """True while counting down."""
        return self.state == "running"

    def toggle(self) -> None:
        """T: start (from idle or after it ran out), pause, or resume."""
        if self.state in ("idle", "done"):
            self.remaining = float(self.length)
            self.state = "running"
        elif self.state == "running":
            self.state = "paused"
        else:
            self.state = "running"

    def cycle(self, step: int = 1) -> None:
        """Next (or previous) preset length; the timer is reset to it and waits for T."""
        self.preset = (self.preset + step) % len(TIMER_PRESETS)
        self.remaining = float(self.length)
        self.state = "idle"

    def reset(self) -> None:
        """Back to the full length, not running."""
        self.remaining = float(self.length)
        self.state = "idle"

    def update(self, dt: float) -> bool:
        """Count down by dt seconds; True when what the timer shows changed (a new second, or it ran out)."""
        if self.state != "running" or dt <= 0:
            return False
        before = self.shown()
        self.remaining = max(0.0, self.remaining - dt)
        if self.remaining <= 0.0:
            self.state = "done"
            self.finished_events += 1
            return True
        return self.shown() != before

    def shown(self) -> str:
        """What the timer shows: minutes and seconds left, rounded up (2:00, 1:59, ..., 0:01, 0:00)."""
        secs = max(0, math.ceil(self.remaining - 1e-9))
        return f"{secs // 60}:{secs % 60:02d}"

    def wait_s(self) -> Optional[float]:
        """Seconds until the shown time next changes (None when not running): the window loop sleeps that long."""
        if self.state != "running":
            return None
        frac = self.remaining - math.floor(self.remaining)
        return (frac if frac > 1e-6 else 1.0) + 0.002


@dataclass
class ClassDecision:
    """One confirmed class decision, kept in memory for the class summary screen."""

    node_id: str
    kind: str
    prompt: str
    options: list[str]
    votes: Optional[list[int]] = None
    chosen: Optional[int] = None
    safer: Optional[int] = None
    how: str = "majority"
    """'majority', 'tie' (the teacher picked among tied options) or 'override' (the teacher chose another)."""
    points: int = 0
    hits: int = 0
    misses: int = 0
    false_alarms: int = 0
    selected: list[int] = field(default_factory=list)
    flags: list[bool] = field(default_factory=list)
    safest: list[int] = field(default_factory=list)
    """Positions of the options with the most points (all of them when every option scores the same)."""


@dataclass
class Classroom:
    """Facilitator mode on the App: the optional class label, the timer and whether teacher notes show."""

    label: Optional[str] = None
    timer: DiscussionTimer = field(default_factory=DiscussionTimer)
    notes_open: bool = False
    """Teacher notes are hidden by default: the projector is public."""
    sounded: int = 0
    """Timer end events already answered with the soft tone."""

    def update(self, dt: float) -> bool:
        """Advance the timer by dt seconds; True when the top bar must show a new time."""
        return self.timer.update(dt)

    def tone_due(self) -> bool:
        """True once for each time the timer ran out (the App plays one soft tone)."""
        if self.timer.finished_events > self.sounded:
            self.sounded = self.timer.finished_events
            return True
        return False
