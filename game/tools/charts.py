"""Geometry for small inline-SVG bar charts (the template draws them; no pygame, no scripts)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

ROW = 30
BAR = 20
LABEL_WIDTH = 36
VALUE_WIDTH = 150


@dataclass(frozen=True)
class Bar:
    """One bar: its row, length and the words drawn beside it."""

    label: str
    value: int
    text: str
    y: int
    length: float
    tone: str
    """CSS class of the bar: "" (plain), "safer" or "flag"; the text beside it says the same in words."""


@dataclass(frozen=True)
class BarChart:
    """A horizontal bar chart laid out in SVG user units."""

    width: int
    height: int
    label_width: int
    plot_width: int
    bars: tuple[Bar, ...]
    description: str


def bar_chart(items: Sequence[tuple[str, int, str, str]], *, width: int = 560, what: str = "votes") -> BarChart:
    """Lay out ``(label, value, text beside the bar, tone)`` rows; bar lengths scale to the largest value."""
    plot = width - LABEL_WIDTH - VALUE_WIDTH
    top = max((value for _, value, _, _ in items), default=0)
    bars = tuple(
        Bar(label, value, text, i * ROW + (ROW - BAR) // 2, round(plot * value / top, 1) if top > 0 else 0.0, tone)
        for i, (label, value, text, tone) in enumerate(items)
    )
    description = f"Bar chart of {what}: " + ", ".join(f"{b.label} {b.value}" for b in bars)
    return BarChart(width, max(ROW, ROW * len(bars)), LABEL_WIDTH, plot, bars, description)
