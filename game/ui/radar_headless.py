"""Headless radar check: the random but valid moves of `auto:SEED` on the radar screens."""

from __future__ import annotations

import random
from typing import Any

from .intents import Choose, Intent, Next


def radar_auto_intents(runner: Any, top: Any, rng: random.Random) -> list[Intent]:
    """Start the check, answer each item at random (sometimes with how sure), then read the results and review.
    Leading a class: a random show of hands for each item."""
    name = top.name
    if name == "radar-intro":
        if top.phase is None:
            top.set_focus(("phase", "before"))
        return [Next()]
    if name == "radar-item":
        if top.in_class:
            counted = rng.randrange(12, 31)
            runner.hands(rng.randrange(0, counted + 1), counted)
            return []
        sure = [Choose(2 + rng.randrange(3))] if rng.random() < 0.6 else []
        return [Choose(rng.randrange(2)), *sure, Next()]
    if name == "radar-result":
        top.set_focus("review")
        return [Next()]
    return [Next()]
