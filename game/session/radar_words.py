"""Plain words beside the radar check's numbers: what d′ and c say, and what changed between two checks."""

from __future__ import annotations

from typing import Optional

from ..engine.radar_score import Score
from .lang import _

CHANGE = 0.25
"""A change in d′ or c smaller than this is read as "about the same" (one item either way moves d′ about 0.3)."""


def num(x: float, ascii_only: bool = False) -> str:
    """A signed number for people: 1.5, −0.2 (a real minus sign, or '-' with `ascii_only`), 0.0."""
    text = f"{x:.1f}"
    return "0.0" if text in ("-0.0", "0.0") else text if ascii_only else text.replace("-", "−")


def level(s: Score) -> str:
    """How well one check told red flags from genuine messages."""
    if s.d_prime < 0.5:
        return _("found it hard to tell red flags from genuine messages")
    if s.d_prime < 1.5:
        return _("told red flags from genuine messages fairly well")
    return _("told red flags from genuine messages well")


def lean(s: Score) -> str:
    """Which way the answers leaned."""
    if s.c <= -CHANGE:
        return _("leaned towards calling things red flags (suspicious)")
    if s.c >= CHANGE:
        return _("leaned towards 'looks OK' (trusting)")
    return _("did not lean either way")


def describe(s: Score, ascii_only: bool = False) -> str:
    """One sentence on one check, with its numbers (`ascii_only`: d' and '-' for fonts without ′ and −)."""
    d = "d'" if ascii_only else "d′"
    return _("{level} ({d} {dv}) and {lean} (c {c}).").format(
        level=level(s).capitalize(), d=d, dv=num(s.d_prime, ascii_only), lean=lean(s), c=num(s.c, ascii_only))


def describe_change(before: Score, after: Score) -> str:
    """One sentence on the change from one check to the next, e.g. "Better at telling them apart (d′ 0.8 → 1.5),
    not more suspicious (c −0.1 → −0.2)"."""
    dd, dc = after.d_prime - before.d_prime, after.c - before.c
    if dd >= CHANGE:
        apart = _("Better at telling them apart")
    elif dd <= -CHANGE:
        apart = _("Less able to tell them apart")
    else:
        apart = _("About as good at telling them apart")
    if dc <= -CHANGE:
        sus = _("more suspicious")
    elif dc >= CHANGE:
        sus = _("more trusting")
    else:
        sus = _("not more suspicious")
    return _("{apart} (d′ {d0} → {d1}), {sus} (c {c0} → {c1})").format(
        apart=apart, d0=num(before.d_prime), d1=num(after.d_prime), sus=sus, c0=num(before.c), c1=num(after.c))


def rate(k: int, n: int) -> Optional[int]:
    """k of n as a whole percentage, or None for n = 0."""
    return round(100 * k / n) if n else None
