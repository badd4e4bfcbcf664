"""Seeded random play: pick a valid action for any beat (used by tests and `--script auto:SEED`)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Optional

from ..content.schema import Scenario
from . import runner
from .beats import Beat, ChoiceBeat, SpotBeat, SummaryBeat
from .state import Phase, PlayState


@dataclass(frozen=True)
class Action:
    """One player action: 'choose' (index), 'spot' (selected parts) or 'next'."""

    kind: str
    index: int = -1
    selected: tuple[int, ...] = ()


def pick(beat: Beat, rng: random.Random) -> Optional[Action]:
    """A random valid action for a beat; None at the summary (the end)."""
    if isinstance(beat, SummaryBeat):
        return None
    if isinstance(beat, ChoiceBeat):
        if not beat.options:
            return None
        return Action("choose", rng.choice(beat.options).index)
    if isinstance(beat, SpotBeat):
        n = len(beat.spot.parts)
        return Action("spot", selected=tuple(i for i in range(n) if rng.random() < 0.5))
    return Action("next")


def apply(scn: Scenario, st: PlayState, action: Action) -> PlayState:
    """Apply an action to a state."""
    if action.kind == "choose":
        return runner.choose(scn, st, action.index)
    if action.kind == "spot":
        return runner.submit_spot(scn, st, action.selected)
    return runner.advance(scn, st)


def play_random(scn: Scenario, seed: int, *, start_at: Optional[str] = None,
                max_steps: int = 10_000) -> tuple[PlayState, list[Action]]:
    """Play a seeded random path to the summary; returns the final state and the actions taken."""
    rng = random.Random(seed)
    st = runner.start(scn, start_at=start_at)
    actions: list[Action] = []
    for _ in range(max_steps):
        if st.phase is Phase.SUMMARY:
            break
        action = pick(runner.current_beat(scn, st), rng)
        if action is None:
            break
        actions.append(action)
        st = apply(scn, st, action)
    return st, actions
