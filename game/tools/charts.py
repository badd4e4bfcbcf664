"""Geometry for small inline-SVG charts: bars of counts, and d′ / c per radar check (the template draws them)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..session.radar_words import num
from .doc_i18n import D_

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
    description = D_("Bar chart of {what}: {bars}").format(
        what=what, bars=", ".join(f"{b.label} {b.value}" for b in bars))
    return BarChart(width, max(ROW, ROW * len(bars)), LABEL_WIDTH, plot, bars, description)


@dataclass(frozen=True)
class Mark:
    """One bar of a score panel, drawn from the zero line to the value (clipped to the panel's range)."""

    label: str
    value: float
    text: str
    y: int
    x: float
    width: float
    css: str = ""
    """The CSS class of the bar (the phase: before, after, refresh), whatever language the label is in."""


@dataclass(frozen=True)
class Panel:
    """One measure (d′ or c) on its own axis: a zero line, tick labels and one mark per check."""

    title: str
    x: int
    width: int
    zero: float
    ticks: tuple[tuple[float, str], ...]
    ends: tuple[str, str]
    """Words under the two ends of the axis, e.g. ("suspicious", "trusting")."""
    marks: tuple[Mark, ...]


@dataclass(frozen=True)
class ScoreChart:
    """d′ and c of each check (before, after, refresh) side by side, in SVG user units."""

    width: int
    height: int
    top: int
    axis_y: int
    label_width: int
    panels: tuple[Panel, ...]
    description: str


SCORE_ROW = 28
SCORE_LABEL = 78
SCORE_GAP = 56
SCORE_RIGHT = 30


def _panel(title: str, x: int, width: int, lo: float, hi: float, values: Sequence[tuple[str, float, int, str]],
           ends: tuple[str, str]) -> Panel:
    """Lay out one measure between `lo` and `hi` (values outside are drawn to the edge; the text says the value)."""

    def at(v: float) -> float:
        return round(x + width * (min(max(v, lo), hi) - lo) / (hi - lo), 1)

    zero = at(0.0)
    marks = tuple(Mark(label, v, num(v), y, min(zero, at(v)), round(abs(at(v) - zero), 1), css)
                  for label, v, y, css in values)
    ticks = tuple((at(t), f"{t:g}".replace("-", "−")) for t in range(int(lo), int(hi) + 1))
    return Panel(title, x, width, zero, ticks, ends, marks)


def score_chart(rows: Sequence[tuple[str, float, float]], *, width: int = 680,
                classes: Sequence[str] = ()) -> ScoreChart:
    """Lay out `(check, d′, c)` rows: d′ on −1…4 (0 = chance), c on −2…2 (negative = suspicious); `classes` are
    the bars' CSS classes (the phases), else the lower-case labels."""
    top = 22
    panel = (width - SCORE_LABEL - SCORE_GAP - SCORE_RIGHT) // 2
    css = [classes[i] if i < len(classes) else label.lower() for i, (label, _, _) in enumerate(rows)]
    d_values = [(label, d, top + i * SCORE_ROW + 4, css[i]) for i, (label, d, _) in enumerate(rows)]
    c_values = [(label, c, top + i * SCORE_ROW + 4, css[i]) for i, (label, _, c) in enumerate(rows)]
    axis_y = top + SCORE_ROW * len(rows)
    panels = (
        _panel(D_("d′, telling them apart (0 = chance)"), SCORE_LABEL, panel, -1.0, 4.0, d_values,
               ("", D_("better →"))),
        _panel(D_("c, which way answers lean"), SCORE_LABEL + panel + SCORE_GAP, panel, -2.0, 2.0, c_values,
               (D_("← suspicious"), D_("trusting →"))),
    )
    description = D_("Chart of d′ and c per check: {rows}").format(rows=", ".join(
        f"{label} d′ {num(d)}, c {num(c)}" for label, d, c in rows))
    return ScoreChart(width, axis_y + 40, top, axis_y, SCORE_LABEL, panels, description)
