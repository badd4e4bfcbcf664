"""Simulated students who each play a whole story on their own device (aiohttp clients on loopback), for the
everyone-plays benchmarks and tests: join by code, then answer every beat the server sends, one action at a time."""

from __future__ import annotations

import asyncio
import json
import random
import time
from typing import Any, Optional

import aiohttp

from .devices_sim import SimDevice

View = dict[str, Any]
STEP_LIMIT = 400
PAUSE_S = 0.06
"""Between two moves of one device: under the room's 20 messages a second (a real student takes seconds)."""


def action_for(view: View, rng: random.Random) -> Optional[dict[str, Any]]:
    """What a student does on this view (a random option, random marks), or None at the summary or after leaving."""
    kind = view.get("kind")
    step = view.get("step")
    if kind in ("summary", "left"):
        return None
    if kind == "note":
        return {"do": "note", "go": True, "step": step}
    if kind == "help":
        return {"do": "help", "open": False, "step": step}
    if kind == "node" and view.get("beat") == "choice":
        options = view["choice"]["options"]
        return {"do": "choose", "option": rng.choice(options)["index"], "step": step}
    if kind == "node" and view.get("beat") == "spot":
        ids = [p["id"] for p in view["spot"]["parts"]]
        return {"do": "spot", "marks": [i for i in ids if rng.random() < 0.5], "step": step}
    return {"do": "next", "step": step}


class SimPlayer(SimDevice):
    """One device that plays: each message it sends is answered (to it alone) with its next view."""

    def __init__(self, base: str, seed: int = 0) -> None:
        super().__init__(base)
        self.rng = random.Random(seed)
        self.view: View = {}
        self.kind = ""
        """The last message's type: beat, stories, error or closed."""
        self.times: list[float] = []
        """Seconds from each action sent to its answer."""
        self.stories: list[str] = []
        """The story ids offered, when students choose."""

    async def connect(self) -> None:
        """Open the live WebSocket, say hello and read the first answer (a beat or the stories)."""
        assert self.http is not None and self.token is not None
        self.ws = await self.http.ws_connect(self.base + "live")
        await self.ws.send_str(json.dumps({"hello": self.token}))
        await self._answer()

    async def _answer(self, timeout: float = 30.0) -> View:
        assert self.ws is not None
        msg = await self.ws.receive(timeout=timeout)
        if msg.type != aiohttp.WSMsgType.TEXT:
            self.kind = "closed"
            return {}
        data = json.loads(msg.data)
        self.kind = data.get("type", "")
        if self.kind == "beat":
            self.view = data["beat"]
        elif self.kind == "stories":
            self.stories = [str(st["id"]) for st in data["stories"]]
        elif self.kind == "error":
            self.errors.append(data.get("error", ""))
        return dict(data)

    async def act(self, action: dict[str, Any]) -> View:  # type: ignore[override]
        """Send one action; wait for the answer (timed)."""
        assert self.ws is not None
        t0 = time.perf_counter()
        await self.ws.send_str(json.dumps({"play": action}))
        out = await self._answer()
        self.times.append(time.perf_counter() - t0)
        return out

    async def start(self, story: Optional[str] = None) -> None:
        """When students choose: pick `story` (or the first one offered)."""
        if self.kind == "stories":
            await self.act({"do": "start", "story": story or self.stories[0]})

    async def step(self) -> bool:
        """One move; False at the summary (or when the room closed)."""
        if self.kind == "closed":
            return False
        action = action_for(self.view, self.rng)
        if action is None:
            return False
        await self.act(action)
        return True

    async def play(self, limit: int = STEP_LIMIT, pause: float = PAUSE_S) -> View:
        """Play to the summary (each move after `pause` seconds; an error answer ends the play: it is a bug)."""
        for _ in range(limit):
            if not await self.step():
                break
            if self.kind == "error":
                raise RuntimeError(f"the room refused a move: {self.errors[-1]} (on {self.view.get('kind')})")
            if pause:
                await asyncio.sleep(pause)
        return self.view


async def join_players(base: str, code: str, n: int, seed: int = 0) -> list[SimPlayer]:
    """n devices that loaded the page, joined with the code, connected and got their first answer."""
    players = [SimPlayer(base, seed + k) for k in range(n)]
    for p in players:
        await p.open()
        status, body = await p.join(code)
        if status != 200:
            raise RuntimeError(f"join failed: {status} {body}")
        await p.connect()
    return players


def run_players(base: str, code: str, n: int, story: Optional[str] = None, seed: int = 0) -> list[View]:
    """Blocking helper for tests of a headless game: n devices join and each plays to the summary, all at once;
    returns each device's last view."""

    async def main() -> list[View]:
        players = await join_players(base, code, n, seed)
        try:
            for p in players:
                await p.start(story)
            return list(await asyncio.gather(*(p.play() for p in players)))
        finally:
            for p in players:
                await p.close()

    return asyncio.run(main())
