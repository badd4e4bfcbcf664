"""Radar check scoring: hit and correct-rejection rates, discernment d′ and criterion c (signal detection), pure."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import NormalDist
from typing import Iterable, Optional

_Z = NormalDist()


@dataclass(frozen=True)
class Counts:
    """Answers sorted by truth: red flags called flags (hits) or OK (misses); genuine called OK or flags."""

    hits: int = 0
    misses: int = 0
    false_alarms: int = 0
    correct_rejections: int = 0

    def __post_init__(self) -> None:
        if min(self.hits, self.misses, self.false_alarms, self.correct_rejections) < 0:
            raise ValueError("counts cannot be negative")

    @property
    def flags(self) -> int:
        """Red-flag items answered."""
        return self.hits + self.misses

    @property
    def genuine(self) -> int:
        """Genuine items answered."""
        return self.false_alarms + self.correct_rejections

    @property
    def answered(self) -> int:
        """All answers."""
        return self.flags + self.genuine

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.hits + other.hits, self.misses + other.misses, self.false_alarms + other.false_alarms,
                      self.correct_rejections + other.correct_rejections)

    def add(self, truth: bool, said_flag: bool, n: int = 1) -> Counts:
        """These counts with `n` more answers of one kind (truth: the item is a red flag)."""
        if truth:
            return Counts(self.hits + (n if said_flag else 0), self.misses + (0 if said_flag else n),
                          self.false_alarms, self.correct_rejections)
        return Counts(self.hits, self.misses, self.false_alarms + (n if said_flag else 0),
                      self.correct_rejections + (0 if said_flag else n))


def counts_of(answers: Iterable[tuple[bool, bool]]) -> Counts:
    """Counts from (truth, said_flag) pairs."""
    out = Counts()
    for truth, said in answers:
        out = out.add(bool(truth), bool(said))
    return out


def hand_counts(truth: bool, said_flag: int, counted: int) -> Counts:
    """A show of hands for one item: `said_flag` of `counted` hands said "red flag"."""
    if not 0 <= said_flag <= counted:
        raise ValueError("the red-flag hands must be between 0 and the hands counted")
    return Counts().add(truth, True, said_flag).add(truth, False, counted - said_flag)


def corrected(k: int, n: int) -> float:
    """The log-linear rate (Hautus 1995): add 0.5 to the count and 1 to the total, so 0 and 1 never occur."""
    return (k + 0.5) / (n + 1)


def d_prime(hit_rate: float, fa_rate: float) -> float:
    """Discernment: z(H) − z(F). 0 = cannot tell them apart; higher = better at telling them apart."""
    return _Z.inv_cdf(hit_rate) - _Z.inv_cdf(fa_rate)


def criterion(hit_rate: float, fa_rate: float) -> float:
    """Criterion c = −(z(H) + z(F)) / 2. Negative = calls "red flag" readily (suspicious); positive = trusting."""
    return -(_Z.inv_cdf(hit_rate) + _Z.inv_cdf(fa_rate)) / 2


@dataclass(frozen=True)
class Score:
    """One respondent's (or one class's pooled) result."""

    counts: Counts
    hit_rate: Optional[float]
    """Red flags called red flags, raw (None with no red-flag item)."""
    cr_rate: Optional[float]
    """Genuine items called OK, raw (None with no genuine item)."""
    d_prime: float
    c: float


def score(counts: Counts) -> Score:
    """Rates, d′ and c from counts; d′ and c use the log-linear correction on both rates, always (so a perfect
    16 of 16 gives a finite d′ and short forms are not over-rewarded)."""
    h = corrected(counts.hits, counts.flags)
    f = corrected(counts.false_alarms, counts.genuine)
    return Score(counts,
                 counts.hits / counts.flags if counts.flags else None,
                 counts.correct_rejections / counts.genuine if counts.genuine else None,
                 d_prime(h, f), criterion(h, f))


def pooled(all_counts: Iterable[Counts]) -> Counts:
    """Every respondent's counts added up (a class; also what hand counts give)."""
    out = Counts()
    for c in all_counts:
        out = out + c
    return out


def mean_scores(scores: Iterable[Score]) -> Optional[tuple[float, float]]:
    """The mean d′ and mean c of several respondents (None for none)."""
    items = list(scores)
    if not items:
        return None
    return (sum(s.d_prime for s in items) / len(items), sum(s.c for s in items) / len(items))
