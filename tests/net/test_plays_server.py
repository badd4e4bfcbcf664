"""Everyone plays through the real room server (its own thread and loop, loopback): the game reads the totals from
the snapshot queue without waiting, and stopping the room ends every play on the server thread (its records close
there) before every device hears {"type":"closed"}."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from play_double import DoublePlay, item

import game.net.web as web
from benchmarks.plays_sim import join_players
from game.net.plays import Plays
from game.net.server import RoomServer


@pytest.fixture(autouse=True)
def play_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not web.PLAY_PAGE.is_file():
        page = tmp_path / "play.html"
        page.write_text("<!doctype html><title>Play</title><p>Everyone plays</p>", encoding="utf-8")
        monkeypatch.setattr(web, "PLAY_PAGE", page)


def test_stopping_the_room_ends_every_play_on_its_thread_and_tells_every_device() -> None:
    closed_on: list[int] = []
    plays = Plays([item("tutorial")], lambda it, seed, n: DoublePlay(it, seed),
                  on_close=lambda: closed_on.append(threading.get_ident()))
    server = RoomServer("127.0.0.1", 0, plays=plays).start()
    heard: list[str] = []

    async def devices() -> None:
        players = await join_players(server.url, server.code, 3)
        for p in players:
            assert p.kind == "beat" and p.view["kind"] == "note"
        await players[0].act({"do": "note", "go": True})
        for _ in range(100):  # the game's side: never blocks, sees the totals soon
            if server.poll() and plays.snapshot.started == 3:
                break
            await asyncio.sleep(0.02)
        assert plays.snapshot.started == 3 and plays.snapshot.playing == 3
        await asyncio.get_running_loop().run_in_executor(None, server.stop)
        for p in players:
            await p._answer(timeout=5)
            heard.append(p.kind)
            await p.close()

    asyncio.run(asyncio.wait_for(devices(), 60))
    assert heard == ["closed"] * 3
    assert plays.closed and plays.devices == {}
    assert closed_on and closed_on[0] != threading.get_ident(), "the records close on the room's own thread"
    assert not server.running and server.state.devices == {}
