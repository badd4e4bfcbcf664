"""Simulated students' devices (aiohttp clients on loopback) for the room benchmarks and tests: join by code, follow
the live state over the WebSocket, vote and change votes."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any, Callable, Optional

import aiohttp

State = dict[str, Any]


class SimDevice:
    """One device: its own cookie jar (so its own device key), a token once joined, and the latest state seen."""

    def __init__(self, base: str) -> None:
        self.base = base.rstrip("/") + "/"
        self.http: Optional[aiohttp.ClientSession] = None
        self.ws: Optional[aiohttp.ClientWebSocketResponse] = None
        self.token: Optional[str] = None
        self.state: State = {}
        self.errors: list[str] = []
        self.changed = asyncio.Event()
        self._reader: Optional[asyncio.Task[None]] = None

    async def open(self) -> None:
        """Load the page (which gives the device its cookie)."""
        self.http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        async with self.http.get(self.base) as r:
            await r.read()

    async def join(self, code: str) -> tuple[int, dict[str, Any]]:
        """Send a room code; on success keep the token."""
        assert self.http is not None
        async with self.http.post(self.base + "join", data=json.dumps({"code": code})) as r:
            body = await r.json()
            if r.status == 200:
                self.token = body["token"]
            return r.status, body

    async def connect(self) -> None:
        """Open the live WebSocket and say hello."""
        assert self.http is not None and self.token is not None
        self.ws = await self.http.ws_connect(self.base + "live")
        await self.ws.send_str(json.dumps({"hello": self.token}))
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        assert self.ws is not None
        async for msg in self.ws:
            if msg.type != aiohttp.WSMsgType.TEXT:
                break
            data = json.loads(msg.data)
            if data.get("type") == "state":
                self.state = data
            elif data.get("type") == "error":
                self.errors.append(data.get("error", ""))
            elif data.get("type") == "closed":
                self.state = {"phase": "closed"}
            self.changed.set()

    async def wait_for(self, pred: Callable[[State], bool], timeout: float = 10.0) -> State:
        """Wait (bounded) until the state satisfies `pred`."""
        deadline = time.monotonic() + timeout
        while not pred(self.state):
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"device state never matched: {self.state}")
            self.changed.clear()
            try:
                await asyncio.wait_for(self.changed.wait(), min(left, 0.5))
            except asyncio.TimeoutError:
                pass
        return self.state

    async def vote(self, option: int) -> None:
        """Vote on the open question."""
        assert self.ws is not None
        await self.ws.send_str(json.dumps({"vote": self.state["question"]["id"], "option": option}))

    async def close(self) -> None:
        """Close the socket and the session."""
        if self.ws is not None:
            await self.ws.close()
        if self._reader is not None:
            self._reader.cancel()
        if self.http is not None:
            await self.http.close()


async def join_class(base: str, code: str, n: int) -> list[SimDevice]:
    """n devices that loaded the page, joined with the code and connected."""
    devices = [SimDevice(base) for _ in range(n)]
    for d in devices:
        await d.open()
        status, body = await d.join(code)
        if status != 200:
            raise RuntimeError(f"join failed: {status} {body}")
        await d.connect()
    return devices


def voting(phase: str = "vote") -> Callable[[State], bool]:
    """A predicate: a question is open for votes."""
    return lambda s: s.get("phase") == phase and "question" in s


def run_class_votes(base: str, code: str, votes: list[int], timeout: float = 60.0) -> list[State]:
    """Blocking helper for tests of a headless game: len(votes) devices join, wait for a vote, cast `votes`, and wait
    for the result; returns each device's last state."""

    async def main() -> list[State]:
        devices = await join_class(base, code, len(votes))
        try:
            for d, option in zip(devices, votes, strict=True):
                await d.wait_for(voting(), timeout)
                await d.vote(option)
            for d in devices:
                await d.wait_for(lambda s: s.get("phase") in ("result", "closed"), timeout)
            return [d.state for d in devices]
        finally:
            for d in devices:
                await d.close()

    return asyncio.run(main())


def run_radar_answers(base: str, code: str, answers: list[list[int]], timeout: float = 60.0) -> list[list[str]]:
    """Blocking helper for tests of a radar check led with devices: len(answers) devices join; device i answers the
    k-th radar item it is shown with option answers[i][k] (0 red flag, 1 looks OK), each as soon as that item opens;
    returns the question ids each device answered."""

    async def answer_all(d: SimDevice, mine: list[int]) -> list[str]:
        seen: list[str] = []
        for option in mine:
            state = await d.wait_for(lambda s: s.get("phase") == "vote" and s.get("question", {}).get("kind") ==
                                     "radar" and s["question"]["id"] not in seen, timeout)
            seen.append(state["question"]["id"])
            await d.vote(option)
            await d.wait_for(lambda s, o=option: s.get("mine") == o or s.get("question", {}).get("id") != seen[-1],
                             timeout)
        return seen

    async def main() -> list[list[str]]:
        devices = await join_class(base, code, len(answers))
        try:
            return list(await asyncio.gather(*(answer_all(d, mine) for d, mine in zip(devices, answers,
                                                                                        strict=True))))
        finally:
            for d in devices:
                await d.close()

    return asyncio.run(main())
