"""The room's web application through aiohttp's own test client (loopback, no browser): the page and nothing else,
joining, live state, votes, size and rate limits, the origin check, escaping."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import re
from typing import Any, Awaitable, Callable

from aiohttp import WSMsgType
from aiohttp.test_utils import TestClient, TestServer

from game.net.limits import MAX_BODY, RATE_PER_S
from game.net.room import Question, Result, RoomState
from game.net.web import COOKIE, PAGE, make_app, page_text

Q = Question("s:n:0", "choice", "What <b>now</b>?", "<script>alert(1)</script>", ("<img src=x onerror=alert(1)>",
             "Tell a trusted adult"), ("A", "B"))


def _run(test: Callable[[TestClient, RoomState], Awaitable[None]]) -> None:
    async def main() -> None:
        room = RoomState(code="4812")
        changes: list[int] = []
        app = make_app(room, lambda: changes.append(1))
        async with TestClient(TestServer(app, host="127.0.0.1")) as client:
            await test(client, room)

    asyncio.run(asyncio.wait_for(main(), 60))


async def _joined(client: TestClient) -> str:
    await client.get("/")
    r = await client.post("/join", data=json.dumps({"code": "4812"}))
    assert r.status == 200
    return str((await r.json())["token"])


async def _state(ws: Any) -> dict[str, Any]:
    msg = await ws.receive(timeout=5)
    assert msg.type == WSMsgType.TEXT
    return dict(json.loads(msg.data))


def test_the_page_is_served_with_a_strict_policy_and_a_device_cookie() -> None:
    async def t(client: TestClient, room: RoomState) -> None:
        r = await client.get("/")
        body = await r.text()
        assert r.status == 200 and r.headers["Content-Type"].startswith("text/html")
        csp = r.headers["Content-Security-Policy"]
        assert "default-src 'none'" in csp and "connect-src 'self'" in csp and "unsafe-inline" not in csp
        assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+'", csp)
        assert r.headers["Cache-Control"] == "no-store" and r.headers["X-Content-Type-Options"] == "nosniff"
        assert COOKIE in r.cookies and "Join your class" in body
    _run(t)


def test_nothing_but_the_page_is_served() -> None:
    async def t(client: TestClient, room: RoomState) -> None:
        for path in ("/index.html", "/static/index.html", "/../pyproject.toml", "/%2e%2e/%2e%2e/etc/passwd",
                     "/game/net/web.py", "/favicon.ico", "/join/x", "/records.sqlite3"):
            r = await client.get(path)
            assert r.status in (404, 405), path
            assert "import" not in await r.text()
        assert (await client.post("/")).status == 405
        assert (await client.get("/join")).status == 405
    _run(t)


def test_join_by_code_then_live_state_and_a_vote() -> None:
    async def t(client: TestClient, room: RoomState) -> None:
        token = await _joined(client)
        ws = await client.ws_connect("/live")
        await ws.send_str(json.dumps({"hello": token}))
        assert (await _state(ws))["phase"] == "wait"
        await ws.send_str(json.dumps({"vote": Q.id, "option": 0}))
        assert (await _state(ws))["error"] == "no vote is open", "refused when no vote is open"
        room.open(Q)
        await ws.send_str(json.dumps({"vote": Q.id, "option": 1}))
        s = await _state(ws)
        assert s["phase"] == "vote" and s["mine"] == 1 and s["answered"] == 1
        assert s["question"]["message"] == "<script>alert(1)</script>", "text travels as data, never as markup"
        await ws.send_str(json.dumps({"vote": Q.id, "option": 0}))
        assert (await _state(ws))["mine"] == 0 and room.tally() == [1, 0], "a change replaces the vote"
        await ws.close()
    _run(t)


def test_wrong_codes_and_bad_bodies() -> None:
    async def t(client: TestClient, room: RoomState) -> None:
        await client.get("/")
        for body in ("not json", "[]", json.dumps({"code": "4812", "name": "Sam"}), json.dumps({})):
            assert (await client.post("/join", data=body)).status == 400
        r = await client.post("/join", data=json.dumps({"code": "1111"}))
        assert r.status == 403 and (await r.json()) == {"error": "wrong code", "left": 4}
        big = json.dumps({"code": "4812", "pad": "x" * MAX_BODY})
        assert (await client.post("/join", data=big)).status == 413
        for _ in range(3):
            assert (await client.post("/join", data=json.dumps({"code": "2222"}))).status == 403
        r = await client.post("/join", data=json.dumps({"code": "3333"}))
        assert r.status == 429 and (await r.json())["wait"] == 30, "the 5th wrong code starts the wait"
        assert (await client.post("/join", data=json.dumps({"code": "4812"}))).status == 429
    _run(t)


def test_websocket_needs_a_known_token_and_limits_size() -> None:
    async def t(client: TestClient, room: RoomState) -> None:
        ws = await client.ws_connect("/live")
        await ws.send_str(json.dumps({"hello": "made-up-token"}))
        assert (await _state(ws))["error"] == "unknown device"
        token = await _joined(client)
        ws = await client.ws_connect("/live")
        await ws.send_str(json.dumps({"hello": token}))
        await _state(ws)
        await ws.send_str("x" * (MAX_BODY + 1))
        msg = await ws.receive(timeout=5)
        assert msg.type in (WSMsgType.CLOSE, WSMsgType.CLOSED, WSMsgType.CLOSING), "a message over 4 KB closes it"
    _run(t)


def test_another_site_cannot_open_the_socket() -> None:
    async def t(client: TestClient, room: RoomState) -> None:
        r = await client.get("/live", headers={"Origin": "http://evil.example", "Connection": "Upgrade",
                                               "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
                                               "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="})
        assert r.status == 403
    _run(t)


def test_more_than_20_messages_a_second_are_refused() -> None:
    async def t(client: TestClient, room: RoomState) -> None:
        token = await _joined(client)
        room.open(Q)
        ws = await client.ws_connect("/live")
        await ws.send_str(json.dumps({"hello": token}))
        await _state(ws)
        for i in range(RATE_PER_S + 10):
            await ws.send_str(json.dumps({"vote": Q.id, "option": i % 2}))
        replies = [await _state(ws) for _ in range(RATE_PER_S + 10)]
        refused = [r for r in replies if r.get("error") == "too many requests"]
        assert len(refused) >= 10
        await ws.close()
    _run(t)


def test_each_device_gets_aggregates_only() -> None:
    async def t(client: TestClient, room: RoomState) -> None:
        tokens = []
        for _ in range(3):
            client.session.cookie_jar.clear()
            tokens.append(await _joined(client))
        room.open(Q)
        for token, option in zip(tokens, (0, 1, 1), strict=True):
            assert room.vote(token, Q.id, option) is None
        room.reveal(Result(Q.id, (2, 5), 1, 3))
        ws = await client.ws_connect("/live")
        await ws.send_str(json.dumps({"hello": tokens[0]}))
        text = json.dumps(await _state(ws))
        assert tokens[1] not in text and tokens[2] not in text and '"mine": 0' in text
        assert '"counts": [2, 5]' in text and "device\": 2" not in text
        await ws.close()
    _run(t)


def test_the_page_is_small_self_contained_and_never_writes_markup() -> None:
    html = page_text(PAGE)
    assert len(html.encode()) <= 100_000
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", html), "nothing from another server"
    assert "@import" not in html and "url(" not in html, "no external fonts or pictures"
    script = re.search(r"<script>(.*?)</script>", html, re.S)
    assert script is not None
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script.group(1), f"the page must only set textContent ({sink})"
    assert 'aria-live="polite"' in html and 'role="alert"' in html and "<button" in html


def test_both_pages_take_their_words_joining_and_connection_from_the_shared_scripts() -> None:
    from game.net.web import PLAY_PAGE, page_and_policy

    shared = [(PAGE.parent / name).read_text(encoding="utf-8").rstrip("\n") for name in ("page.js", "join.js")]
    for path in (PAGE, PLAY_PAGE):
        raw, served = path.read_text(encoding="utf-8"), page_text(path)
        assert "/*@page.js*/" in raw and "/*@join.js*/" in raw, path.name
        assert "function saveToken" not in raw and "function tn(" not in raw, path.name
        assert "/*@" not in served and all(served.count(s) == 1 for s in shared), path.name
        assert served.count("function saveToken(") == 1 and served.count('fetch("/join"') == 1, path.name
        assert served.count("function tn(") == 1 and served.count('var TOKEN_KEY = "rfr-token"') == 1, path.name
        html, policy = page_and_policy(path)
        script = re.search(r"<script>(.*?)</script>", html.decode("utf-8"), re.S)
        assert script is not None and all(s in script.group(1) for s in shared)  # the hash covers the whole script
        digest = base64.b64encode(hashlib.sha256(script.group(1).encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy
