"""Pure scoring: spot-task results, stars relative to the best reachable score, badges."""

from __future__ import annotations

from typing import Iterable, Optional

from ..content.schema import BadgeDef, Spot, TagVocabulary


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


def spot_points(spot: Spot, outcomes: Iterable[str]) -> int:
    """Points for a set of outcomes."""
    table = {"hit": spot.scoring.hit, "miss": spot.scoring.miss, "false_alarm": spot.scoring.false_alarm, "clear": 0}
    return sum(table[o] for o in outcomes)


def spot_range(spot: Spot) -> tuple[int, int]:
    """The lowest and highest points a spot task can give."""
    flags = sum(1 for p in spot.parts if p.flag)
    benign = len(spot.parts) - flags
    s = spot.scoring
    best = flags * max(s.hit, s.miss)
    worst = flags * min(s.hit, s.miss) + benign * min(s.false_alarm, 0)
    return worst, best


def stars(score: int, best: int) -> int:
    """1 to 3 stars: 3 at 80% of the best reachable score, 2 at 50%; never zero."""
    if best <= 0:
        return 3 if score >= best else 1
    ratio = score / best
    if ratio >= 0.8:
        return 3
    if ratio >= 0.5:
        return 2
    return 1


def badges(tags: Iterable[str], vocab: Optional[TagVocabulary]) -> tuple[BadgeDef, ...]:
    """Badges earned: each badge needs any one of its skill tags."""
    if vocab is None:
        return ()
    earned = set(tags)
    return tuple(b for b in vocab.badges if earned.intersection(b.needs))
