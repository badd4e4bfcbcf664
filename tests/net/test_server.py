"""The room server on its own thread: it listens on loopback only while open, reports through a queue the game polls
without waiting, and closing stops it at once and forgets the room."""

from __future__ import annotations

import asyncio
import socket
import time

import pytest

from benchmarks.devices_sim import SimDevice, join_class, voting
from game.net.room import Question, Result
from game.net.server import RoomError, RoomServer

Q = Question("s:n:0", "choice", "What now?", "hi", ("Block", "Reply"), ("A", "B"))


def _refused(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1.0)
        return s.connect_ex(("127.0.0.1", port)) != 0


def _poll_until(room: RoomServer, pred, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not pred(room.snapshot):
        assert time.monotonic() < deadline, room.snapshot
        room.poll()
        time.sleep(0.01)


def test_open_vote_reveal_and_close() -> None:
    room = RoomServer("127.0.0.1", 0).start()
    try:
        assert room.port > 0 and room.url == f"http://127.0.0.1:{room.port}/" and len(room.code) == 4

        async def students() -> list[dict]:
            devices = await join_class(room.url, room.code, 3)
            room.open_question(Q)
            for d, option in zip(devices, (1, 0, 1), strict=True):
                await d.wait_for(voting())
                await d.vote(option)
            await devices[1].wait_for(lambda s: s.get("answered") == 3)
            await devices[1].vote(1)  # a change replaces the vote
            await devices[1].wait_for(lambda s: s.get("mine") == 1)
            room.poll()
            room.reveal(Result(Q.id, (2, 5), 2, 3))
            states = [await d.wait_for(lambda s: s.get("phase") == "result") for d in devices]
            for d in devices:
                await d.close()
            return states

        states = asyncio.run(asyncio.wait_for(students(), 30))
        _poll_until(room, lambda s: s.counts == (0, 3))
        assert room.snapshot.devices == 3 and room.snapshot.answers == ((1, 1), (2, 1), (3, 1))
        assert all(s["result"]["counts"] == [2, 5] for s in states)
        assert [s["mine"] for s in states] == [1, 1, 1]
    finally:
        room.stop()
    assert _refused(room.port), "closing stops the server at once"
    assert room.state.devices == {} and room.snapshot.devices == 0, "tokens are forgotten"


def test_poll_never_waits() -> None:
    room = RoomServer("127.0.0.1", 0).start()
    try:
        start = time.perf_counter()
        for _ in range(1000):
            room.poll()
            room.pending()
        assert time.perf_counter() - start < 0.5
    finally:
        room.stop()


def test_closing_tells_connected_devices_and_a_port_in_use_is_an_error() -> None:
    room = RoomServer("127.0.0.1", 0).start()
    try:
        with pytest.raises(RoomError):
            RoomServer("127.0.0.1", room.port).start()

        async def one() -> dict:
            [d] = await join_class(room.url, room.code, 1)
            await d.wait_for(lambda s: s.get("phase") == "wait")
            await asyncio.get_running_loop().run_in_executor(None, room.stop)
            state = await d.wait_for(lambda s: s.get("phase") == "closed", 5)
            await d.close()
            return state

        assert asyncio.run(asyncio.wait_for(one(), 30))["phase"] == "closed"
    finally:
        room.stop()


def test_a_token_from_a_closed_room_is_not_known_in_the_next() -> None:
    first = RoomServer("127.0.0.1", 0).start()

    async def token_of(room: RoomServer) -> SimDevice:
        d = SimDevice(room.url)
        await d.open()
        await d.join(room.code)
        return d

    try:
        d = asyncio.run(token_of(first))
        old = d.token
        asyncio.run(d.http.close())  # type: ignore[union-attr]
    finally:
        first.stop()
    second = RoomServer("127.0.0.1", 0).start()
    try:
        assert not second.state.known(old)
    finally:
        second.stop()
