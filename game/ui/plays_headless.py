"""Everyone plays, headless: open the room from the command line (`--everyone-plays`) and the step
`devices-finish:N` (wait until N devices reached the summary)."""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .headless import ScriptRunner

FINISH_S = 300.0
"""Longest wait for the devices to finish."""
TICK_S = 0.02


def parse_devices_finish(token: str) -> int:
    """'devices-finish:10' -> 10 (devices that must reach the summary)."""
    from .headless import ScriptError

    body = token.split(":", 1)[1].strip()
    if not body.isdigit() or not 1 <= int(body) <= 200:
        raise ScriptError(f"bad devices-finish step '{token}': use devices-finish:N (1 to 200 devices)")
    return int(body)


def devices_finish(runner: ScriptRunner, n: int, wait_s: float = FINISH_S) -> bool:
    """Step the app (it takes in the room's news) until `n` devices reached the summary; False, with a message on
    stderr, when the time ran out or the room closed first."""
    from .headless import ScriptError
    from .plays_room import snapshot_of

    app = runner.app
    if snapshot_of(app) is None:
        raise ScriptError(f"devices-finish:{n}: no room where everyone plays is open "
                          "(use --facilitator --devices --everyone-plays)")
    deadline = time.monotonic() + wait_s
    finished = 0
    while app.running and time.monotonic() < deadline:
        app.step(0.0)
        snap = snapshot_of(app)
        if snap is None:
            break
        finished = snap.finished
        if finished >= n:
            runner.settle(force=True)
            return True
        time.sleep(TICK_S)
    runner.settle(force=True)
    why = "the room closed" if snapshot_of(app) is None else f"{wait_s:.0f} s passed"
    print(f"error: devices-finish:{n}: {why} with {finished} of {n} devices at the summary", file=sys.stderr)
    return False


def open_everyone_plays(app: Any) -> int:
    """`play --facilitator --devices --everyone-plays [--scenario ID]`: the class starts and the room opens with the
    teacher's story (or, without --scenario, every story for students to choose); 0, or 1 when it could not open
    (the reason is on the projector and stderr)."""
    from .plays_room import allowed_stories, open_plays_room
    from .scenes.plays_room import PlaysRoomScene
    from .scenes.title import TitleScene

    app.reset(TitleScene(app))
    app.start_class(app.opts.class_label)
    if app.opts.scenario is not None:
        item = app.library.item_for_path(app.opts.scenario)
        if not item.ok:
            for line in item.diagnostics:
                print(line, file=sys.stderr)
            return 1
        stories, choose = [item], False
    else:
        stories, choose = allowed_stories(app.library.items(), "extended"), True
    notice = open_plays_room(app, stories, choose)
    app.push(PlaysRoomScene(app, stories, choose))
    if notice is not None:
        print(f"error: {notice}", file=sys.stderr)
        return 1
    return 0
