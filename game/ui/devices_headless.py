"""The headless step `devices-wait:N`: on to the next decision, open the class vote, wait for N devices, reveal; on a
radar check item led for a class, wait for N devices' answers and go on."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Callable, Optional

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
    top = app.top
    below = app.scenes.below(top) if top is not None else None
    if top is not None and top.name == "room" and below is not None and below.name == "radar-intro":
        runner.send(Next())  # past the join screen
        top = app.top
    if top is not None and top.name == "radar-intro":
        runner.send(Next())  # start the check first
        top = app.top
    if top is not None and top.name == "radar-item" and getattr(top, "in_class", False):
        return radar_devices_wait(runner, n, wait_s)
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
    answered = _wait(runner, n, wait_s, lambda: scene.question.id if scene.question is not None else None)
    runner.settle(force=True)
    runner.send(Submit())
    runner.send(Choose(scene.leaders[0]) if scene.tied else Next())
    return answered


def radar_devices_wait(runner: ScriptRunner, n: int, wait_s: float = WAIT_S) -> int:
    """A radar check item for a class: wait until `n` devices answered it (at most `wait_s`), then go on with their
    answers and the hands entered so far; returns how many devices had answered."""
    scene = runner.app.top
    question = getattr(scene, "question", None)
    answered = _wait(runner, n, wait_s, lambda: question.id if question is not None else None)
    runner.settle(force=True)
    runner.send(Next())
    return answered


def _wait(runner: ScriptRunner, n: int, wait_s: float, question_id: Callable[[], Optional[str]]) -> int:
    """Step the app (taking in the room's news) until `n` devices answered the question, or the time is up."""
    app = runner.app
    deadline = time.monotonic() + wait_s
    answered = 0
    while app.running and app.room is not None and time.monotonic() < deadline:
        app.step(0.0)
        snap = app.room.snapshot
        qid = question_id()
        answered = snap.answered if qid is not None and snap.question == qid else 0
        if answered >= n:
            break
        time.sleep(TICK_S)
    return answered
