"""The headless step `devices-wait:N`: on to the next decision, open the class vote, wait for N devices, reveal."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from .intents import Choose, Next, Submit

if TYPE_CHECKING:
    from .headless import ScriptRunner

WAIT_S = 120.0
"""Longest wait for the devices."""
STEP_LIMIT = 200
"""Most Next presses on the way to the decision."""
TICK_S = 0.02


def devices_wait(runner: ScriptRunner, n: int, wait_s: float = WAIT_S) -> int:
    """Go to the next choice, open its class vote, wait until `n` devices voted (at most `wait_s`), reveal and follow
    the majority (on a tie, the first tied option); returns how many devices had voted."""
    from ..engine.beats import ChoiceBeat, SpotBeat
    from .headless import ScriptError
    from .scenes.vote import VoteScene

    app = runner.app
    if app.room is None:
        raise ScriptError(f"devices-wait:{n}: no room is open (use --facilitator --devices)")
    for _ in range(STEP_LIMIT):
        top = app.top
        if top is None or not app.running or isinstance(top, VoteScene):
            break
        if top.name == "player" and isinstance(getattr(top, "beat", None), ChoiceBeat):
            break
        if top.name == "player" and isinstance(getattr(top, "beat", None), SpotBeat):
            raise ScriptError(f"devices-wait:{n}: a spot task comes first (answer it with spot:...)")
        if top.name == "summary":
            raise ScriptError(f"devices-wait:{n}: the story ended before another decision")
        runner.send(Next())
    scene = runner.vote_scene(f"devices-wait:{n}")
    deadline = time.monotonic() + wait_s
    answered = 0
    while app.running and app.room is not None and time.monotonic() < deadline:
        app.step(0.0)  # takes in the room's news
        snap = app.room.snapshot
        answered = snap.answered if scene.question is not None and snap.question == scene.question.id else 0
        if answered >= n:
            break
        time.sleep(TICK_S)
    runner.settle(force=True)
    runner.send(Submit())
    runner.send(Choose(scene.leaders[0]) if scene.tied else Next())
    return answered
