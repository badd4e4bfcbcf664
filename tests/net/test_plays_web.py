"""A room where everyone plays, through aiohttp's own test client (loopback, no browser): the play page, a beat right
after hello, a device acts only on its own play (token bound to its cookie), hostile, oversized and too many
messages refused, and closing the room ends every play and tells every device."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any, Awaitable, Callable

from aiohttp import WSMsgType
from aiohttp.test_utils import TestClient, TestServer
from play_double import DoublePlay, item, next_action

from game.net.limits import MAX_BODY, RATE_PER_S
from game.net.plays import Plays
from game.net.room import RoomState
from game.net.web import HUB, make_app

PAGE = "<!doctype html><title>Play</title><style>p{}</style><p>Everyone plays</p><script>1</script>"


def _run(test: Callable[[TestClient, Plays], Awaitable[None]], tmp: Path, choose: bool = False) -> None:
    page = tmp / "play.html"
    page.write_text(PAGE, encoding="utf-8")
    stories = [item("tutorial"), item("gaming")] if choose else [item("tutorial")]
    plays = Plays(stories, lambda it, seed, n: DoublePlay(it, seed), choose=choose, seed=0)

    async def main() -> None:
        room = RoomState(code="4812")
        app = make_app(room, lambda: None, page=page, plays=plays)
        async with TestClient(TestServer(app, host="127.0.0.1")) as client:
            await test(client, plays)

    asyncio.run(asyncio.wait_for(main(), 60))


async def _device(client: TestClient) -> tuple[str, Any]:
    """A device joins (its own cookie) and says hello; returns its token and socket."""
    await client.get("/")
    r = await client.post("/join", data=json.dumps({"code": "4812"}))
    token = str((await r.json())["token"])
    ws = await client.ws_connect("/live")
    await ws.send_str(json.dumps({"hello": token}))
    return token, ws


async def _msg(ws: Any) -> dict[str, Any]:
    msg = await ws.receive(timeout=5)
    assert msg.type == WSMsgType.TEXT, msg
    return dict(json.loads(msg.data))


async def _act(ws: Any, action: object) -> dict[str, Any]:
    await ws.send_str(json.dumps({"play": action}))
    return await _msg(ws)


def test_the_play_page_then_a_beat_at_hello_and_a_whole_story(tmp_path: Path) -> None:
    async def t(client: TestClient, plays: Plays) -> None:
        r = await client.get("/")
        assert r.status == 200 and "Everyone plays" in await r.text()
        assert "default-src 'none'" in r.headers["Content-Security-Policy"]
        token, ws = await _device(client)
        first = await _msg(ws)
        assert first == {"type": "beat", "beat": {"kind": "note", "step": 0}}
        view = first
        for _ in range(300):
            action = next_action(view["beat"])
            if action is None:
                break
            view = await _act(ws, action)
        assert view["beat"]["kind"] == "SummaryBeat"
        assert plays.devices[token].play.finished
        await ws.close()
        client.session.cookie_jar.clear()
        _t2, ws2 = await _device(client)
        assert (await _msg(ws2))["beat"]["kind"] == "note", "a new device starts its own play"
        await ws2.close()
    _run(t, tmp_path)


def test_a_reload_resumes_and_another_cookie_cannot_use_the_token(tmp_path: Path) -> None:
    async def t(client: TestClient, plays: Plays) -> None:
        token, ws = await _device(client)
        await _msg(ws)
        moved = await _act(ws, {"do": "note", "go": True})
        await ws.close()
        ws = await client.ws_connect("/live")  # a reload: same cookie, same token
        await ws.send_str(json.dumps({"hello": token}))
        assert await _msg(ws) == moved
        await ws.close()
        client.session.cookie_jar.clear()  # another device that learned the token
        ws = await client.ws_connect("/live")
        await ws.send_str(json.dumps({"hello": token}))
        assert await _msg(ws) == {"type": "error", "error": "unknown device"}
        assert (await ws.receive(timeout=5)).type in (WSMsgType.CLOSE, WSMsgType.CLOSED, WSMsgType.CLOSING)
        assert plays.devices[token].play.view() == moved["beat"], "nothing happened to the owner's play"
    _run(t, tmp_path)


def test_a_device_sees_only_its_own_play(tmp_path: Path) -> None:
    async def t(client: TestClient, plays: Plays) -> None:
        a, ws_a = await _device(client)
        await _msg(ws_a)
        client.session.cookie_jar.clear()
        b, ws_b = await _device(client)
        await _msg(ws_b)
        moved = await _act(ws_a, {"do": "note", "go": True})
        assert moved["beat"]["kind"] != "note"
        assert plays.devices[b].play.view()["kind"] == "note", "b's play did not move"
        with_b = await _act(ws_b, {"do": "next"})
        assert with_b == {"type": "error", "error": "read the note first"}
        await ws_a.send_str(json.dumps({"play": {"do": "next"}, "token": b}))
        assert (await _msg(ws_a))["type"] == "error", "naming another token is a bad request"
        assert a in plays.devices and plays.devices[b].play.view()["kind"] == "note"
        for ws in (ws_a, ws_b):
            await ws.close()
    _run(t, tmp_path)


def test_choosing_a_story_outside_the_allowed_ones_is_refused(tmp_path: Path) -> None:
    async def t(client: TestClient, plays: Plays) -> None:
        token, ws = await _device(client)
        menu = await _msg(ws)
        assert menu["type"] == "stories" and {s["id"] for s in menu["stories"]} == {"tutorial", "gaming"}
        assert (await _act(ws, {"do": "start", "story": "loverboy"}))["error"] == \
            "that story is not open in this room"
        assert (await _act(ws, {"do": "start", "story": "gaming"}))["beat"]["kind"] == "note"
        assert plays.devices[token].story == "gaming"
        await ws.close()
    _run(t, tmp_path, choose=True)


def test_hostile_malformed_and_oversized_messages(tmp_path: Path) -> None:
    async def t(client: TestClient, plays: Plays) -> None:
        token, ws = await _device(client)
        await _msg(ws)
        for bad in ("not json", "[]", "[" * 4000, '{"play":' + "[" * 3000, json.dumps({"play": None}),
                    json.dumps({"play": "next"}),
                    json.dumps({"play": {"do": "<script>"}}), json.dumps({"play": {"do": "next"}, "x": 1}),
                    json.dumps({"play": {"do": "choose", "option": 10 ** 30}})):
            await ws.send_str(bad)
            out = await _msg(ws)
            assert out["type"] == "error", bad
            assert "<script>" not in out["error"]
        assert plays.devices[token].play.view()["kind"] == "note"
        await ws.send_str(json.dumps({"play": {"do": "spot", "marks": [1] * MAX_BODY}}))
        assert (await ws.receive(timeout=5)).type in (WSMsgType.CLOSE, WSMsgType.CLOSED, WSMsgType.ERROR)
    _run(t, tmp_path)


def test_too_many_messages_are_refused(tmp_path: Path) -> None:
    async def t(client: TestClient, plays: Plays) -> None:
        token, ws = await _device(client)
        await _msg(ws)
        for _ in range(RATE_PER_S * 2):
            await ws.send_str(json.dumps({"play": {"do": "next"}}))
        errors = [(await _msg(ws))["error"] for _ in range(RATE_PER_S * 2)]
        assert "too many requests" in errors
        assert plays.devices[token].play.step <= RATE_PER_S  # type: ignore[attr-defined]
        await ws.close()
    _run(t, tmp_path)


def test_closing_the_room_ends_every_play_and_tells_every_device(tmp_path: Path) -> None:
    async def t(client: TestClient, plays: Plays) -> None:
        sockets = []
        for _ in range(3):
            client.session.cookie_jar.clear()
            _tok, ws = await _device(client)
            await _msg(ws)
            sockets.append(ws)
        plays.close()
        await client.server.app[HUB].close_all()
        for ws in sockets:
            assert await _msg(ws) == {"type": "closed"}
        assert plays.devices == {}
    _run(t, tmp_path)


def test_arrays_nested_thousands_deep_are_a_bad_request_not_a_crash(tmp_path: Path) -> None:
    async def main() -> None:
        room = RoomState(code="4812")
        async with TestClient(TestServer(make_app(room, lambda: None), host="127.0.0.1")) as client:
            await client.get("/")
            r = await client.post("/join", data="[" * 4000)
            assert r.status == 400 and await r.json() == {"error": "bad request"}
            _token, ws = await _device(client)
            await _msg(ws)
            await ws.send_str("[" * 4000)
            assert await _msg(ws) == {"type": "error", "error": "bad request"}
            await ws.send_str(json.dumps({"vote": "q", "option": 0}))
            assert (await _msg(ws))["error"] == "no vote is open", "the device's socket is still open"
            await ws.close()

    asyncio.run(asyncio.wait_for(main(), 60))


def test_a_decision_is_on_disk_before_the_device_sees_its_next_screen(tmp_path: Path) -> None:
    import sqlite3

    from game.session.batch_store import BatchStore
    from game.session.store import DB_FILE

    page = tmp_path / "play.html"
    page.write_text(PAGE, encoding="utf-8")
    store = BatchStore.open(tmp_path)
    plays = Plays([item("tutorial")], lambda it, seed, n: DoublePlay(it, seed, store), on_settle=store.commit)

    def on_disk() -> tuple[int, int]:
        conn = sqlite3.connect(tmp_path / DB_FILE)
        try:
            return (int(conn.execute("SELECT COUNT(*) FROM sessions").fetchone()[0]),
                    int(conn.execute("SELECT COUNT(*) FROM decisions").fetchone()[0]))
        finally:
            conn.close()

    async def main() -> None:
        app = make_app(RoomState(code="4812"), lambda: None, page=page, plays=plays)
        async with TestClient(TestServer(app, host="127.0.0.1")) as client:
            _token, ws = await _device(client)
            view = await _msg(ws)
            assert on_disk() == (1, 0), "the session is on disk when its first screen shows"
            decided = 0
            for _ in range(300):
                action = next_action(view["beat"])
                if action is None:
                    break
                view = await _act(ws, action)
                decided += action["do"] in ("choose", "spot")
                assert on_disk() == (1, decided), action
            assert decided and view["beat"]["kind"] == "SummaryBeat"
            await ws.close()

    asyncio.run(asyncio.wait_for(main(), 60))
    store.close()
