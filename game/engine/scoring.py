"""Pure scoring: feedback verdicts, spot-task results, fair stars from the decisions made, badges."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from ..content.schema import BadgeDef, Spot, TagVocabulary, Tone

BEST, PARTIAL, RISKY = "best", "partial", "risky"
"""Feedback verdicts, relative to the options at that decision: the most points offered there (a tick), between
(a neutral half mark), or the fewest / none (the caution mark)."""


def verdict(points: int, offered: Sequence[int]) -> str:
    """The verdict of a choice worth `points` among options worth `offered` (the chosen one included)."""
    if not offered or points >= max(offered):
        return BEST
    if points <= 0 or points <= min(offered):
        return RISKY
    return PARTIAL


def spot_outcomes(spot: Spot, selected: Iterable[int]) -> list[str]:
    """Outcome per part: 'hit', 'miss', 'false_alarm' or 'clear'."""
    chosen = set(selected)
    out = []
    for i, part in enumerate(spot.parts):
        if part.flag:
            out.append("hit" if i in chosen else "miss")
        else:
            out.append("false_alarm" if i in chosen else "clear")
    return out


def outcome_points(spot: Spot, outcome: str) -> int:
    """The points one part's outcome gives ('hit', 'miss', 'false_alarm' or 'clear')."""
    s = spot.scoring
    return {"hit": s.hit, "miss": s.miss, "false_alarm": s.false_alarm, "clear": s.clear}[outcome]


def spot_points(spot: Spot, outcomes: Iterable[str]) -> int:
    """Points for a set of outcomes."""
    return sum(outcome_points(spot, o) for o in outcomes)


def spot_range(spot: Spot) -> tuple[int, int]:
    """The lowest and highest points a spot task can give."""
    flags = sum(1 for p in spot.parts if p.flag)
    benign = len(spot.parts) - flags
    s = spot.scoring
    best = flags * max(s.hit, s.miss) + benign * max(s.clear, s.false_alarm)
    worst = flags * min(s.hit, s.miss) + benign * min(s.false_alarm, s.clear)
    return worst, best


@dataclass(frozen=True)
class Credit:
    """How a play-through went, decision by decision: the stars come from this, not from the path's length."""

    choices: int = 0
    best_choices: int = 0
    """Choices that were the safest one offered there."""
    choice_credit: float = 0.0
    """Sum over choices of points chosen / best points offered there (0 to 1 each)."""
    parts: int = 0
    parts_right: int = 0
    """Spot-task parts judged right: red flags marked (hits) and harmless parts left alone (correct rejections)."""
    spots: int = 0
    spot_credit: float = 0.0
    """Sum over spot tasks of parts judged right / parts (0 to 1 each)."""

    @property
    def decisions(self) -> int:
        """Choices and spot tasks together."""
        return self.choices + self.spots

    @property
    def ratio(self) -> float:
        """The mean credit over every decision (1.0 when there were none)."""
        if not self.decisions:
            return 1.0
        return (self.choice_credit + self.spot_credit) / self.decisions


def choice_credit(points: int, best: int) -> float:
    """A choice's credit: its points against the best offered at that decision, from 0 to 1."""
    if best <= 0:
        return 1.0 if points >= best else 0.0
    return max(0.0, min(1.0, points / best))


def add_choice(c: Credit, points: int, best: int) -> Credit:
    """`c` with one more choice."""
    return Credit(c.choices + 1, c.best_choices + (points >= best), c.choice_credit + choice_credit(points, best),
                  c.parts, c.parts_right, c.spots, c.spot_credit)


def add_spot(c: Credit, outcomes: Sequence[str]) -> Credit:
    """`c` with one more spot task (its outcomes, one per part)."""
    right = sum(1 for o in outcomes if o in ("hit", "clear"))
    n = len(outcomes)
    return Credit(c.choices, c.best_choices, c.choice_credit, c.parts + n, c.parts_right + right, c.spots + 1,
                  c.spot_credit + (right / n if n else 1.0))


def stars(credit: Credit, tone: Optional[Tone]) -> int:
    """1 to 3 stars from the decisions: 3 at a mean credit of 0.8, 2 at 0.5, else 1; an ending where the player was
    safe or sought help is never fewer than 2."""
    ratio = credit.ratio
    earned = 3 if ratio >= 0.8 else 2 if ratio >= 0.5 else 1
    if tone in (Tone.SAFE, Tone.HELP_SOUGHT):
        earned = max(2, earned)
    return earned


def badges(tags: Iterable[str], vocab: Optional[TagVocabulary]) -> tuple[BadgeDef, ...]:
    """Badges earned: each badge needs any one of its skill tags."""
    if vocab is None:
        return ()
    earned = set(tags)
    return tuple(b for b in vocab.badges if earned.intersection(b.needs))
