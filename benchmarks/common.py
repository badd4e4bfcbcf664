"""The Figure type, timing helpers and the line format every benchmark prints."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Figure:
    """One benchmark result: measured vs baseline, and the ratio target it must meet."""

    name: str
    measured: float
    baseline: float
    target: float
    unit: str = "s"

    @property
    def ratio(self) -> float:
        """measured / baseline (inf when the baseline is zero)."""
        return self.measured / self.baseline if self.baseline else float("inf")

    @property
    def passed(self) -> bool:
        """True when the ratio meets the target."""
        return self.ratio <= self.target

    def line(self) -> str:
        """`name  measured  baseline  ratio  target  PASS|FAIL`."""
        return (f"{self.name:<36} {self.measured:>10.4f}{self.unit:<3} {self.baseline:>10.4f}{self.unit:<3} "
                f"{self.ratio:>7.2f}  <= {self.target:<6g} {'PASS' if self.passed else 'FAIL'}")


def best_of(fn: Callable[[], object], repeats: int = 5) -> float:
    """The fastest of several timed runs (the least disturbed by other work on the machine)."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def interleaved(a: Callable[[], object], b: Callable[[], object], repeats: int = 5) -> tuple[float, float]:
    """Time two functions alternately and return each one's best, so both see the same machine load."""
    ta: list[float] = []
    tb: list[float] = []
    for _ in range(repeats):
        for fn, out in ((a, ta), (b, tb)):
            start = time.perf_counter()
            fn()
            out.append(time.perf_counter() - start)
    return min(ta), min(tb)


def median(values: list[float]) -> float:
    """Median of a non-empty list."""
    return statistics.median(values)
