"""The aiohttp application: the student page, joining by room code, and one WebSocket per device for live updates
and votes. Every request is checked, size-limited and rate-limited; nothing else is served."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import re
import secrets
from pathlib import Path
from typing import Any, Callable, Optional

from aiohttp import WSMsgType, web

from ..session.lang import current_language
from .limits import MAX_BODY, RateLimit
from .page_words import localize
from .plays import Plays
from .room import RoomState

PAGE = Path(__file__).resolve().parent / "static" / "index.html"
PLAY_PAGE = PAGE.with_name("play.html")
"""The page of a room where everyone plays a whole story on their own device."""
COOKIE = "rfr_device"
HELLO_S = 5.0
"""A WebSocket must say which device it is within this many seconds."""
ADDRESS_RATE = 100
"""Requests a second from one network address before its devices have a cookie (page loads)."""
_KEY = re.compile(r"^[A-Za-z0-9_-]{8,64}$")

ROOM: web.AppKey[RoomState] = web.AppKey("room", RoomState)
HUB: web.AppKey[Hub] = web.AppKey("hub", object)  # type: ignore[arg-type]


_SHARED = re.compile(r"/\*@([a-z_]+\.js)\*/")
"""Where a page's script takes a shared script of the static folder: `/*@join.js*/`."""


def page_text(path: Path = PAGE) -> str:
    """A student page as served: its script with the shared scripts it names put in (both pages join and connect
    the same way, from one file)."""
    html = path.read_text(encoding="utf-8")
    return _SHARED.sub(lambda m: (path.parent / m.group(1)).read_text(encoding="utf-8").rstrip("\n"), html)


def page_and_policy(path: Path = PAGE) -> tuple[bytes, str]:
    """The student page (in English; `page_words.localize` puts it in the room's language) and a
    Content-Security-Policy that allows only its own inline script and style (the words block is JSON, never run)."""
    html = page_text(path)

    def hashes(tag: str) -> str:
        found = re.findall(rf"<{tag}>(.*?)</{tag}>", html, flags=re.S)
        return " ".join("'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
                        for s in found)

    policy = (f"default-src 'none'; script-src {hashes('script')}; style-src {hashes('style')}; "
              "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
    return html.encode("utf-8"), policy


class Hub:
    """The devices' open WebSockets; sends each one its own view after every change."""

    def __init__(self, room: RoomState, on_change: Callable[[], None]) -> None:
        self.room = room
        self.on_change = on_change
        self.sockets: dict[web.WebSocketResponse, str] = {}
        self.quiet = False
        """True where everyone plays: each device hears only answers to its own messages (no broadcast)."""

    async def send(self, ws: web.WebSocketResponse, token: str) -> None:
        """One device's view (a closed socket is dropped)."""
        try:
            await ws.send_str(json.dumps(self.room.view(token), ensure_ascii=False))
        except (ConnectionError, RuntimeError):
            self.sockets.pop(ws, None)

    async def broadcast(self) -> None:
        """Every device gets its view; the game gets a snapshot."""
        self.on_change()
        if self.quiet:
            return
        await asyncio.gather(*(self.send(ws, t) for ws, t in list(self.sockets.items())))

    async def close_all(self) -> None:
        """Tell every device the room closed and close its socket."""
        for ws in list(self.sockets):
            try:
                await ws.send_str(json.dumps({"type": "closed"}))
                await ws.close()
            except (ConnectionError, RuntimeError):
                pass
        self.sockets.clear()


def _address(request: web.Request) -> str:
    return request.remote or "?"


def _device_key(request: web.Request) -> Optional[str]:
    key = request.cookies.get(COOKIE, "")
    return key if _KEY.match(key) else None


def _headers(policy: Optional[str] = None) -> dict[str, str]:
    h = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
         "X-Frame-Options": "DENY"}
    if policy:
        h["Content-Security-Policy"] = policy
    return h


def _json(status: int, body: dict[str, Any]) -> web.Response:
    return web.json_response(body, status=status, headers=_headers())


def make_app(room: RoomState, on_change: Callable[[], None], page: Optional[Path] = None,
             plays: Optional[Plays] = None) -> web.Application:
    """The web application for one room (`on_change` runs on the server thread after every change); with `plays`,
    everyone plays a story on their own device (game/net/plays.py) and the page is play.html."""
    html, policy = page_and_policy(page or (PAGE if plays is None else PLAY_PAGE))
    template = html.decode("utf-8")
    pages: dict[str, bytes] = {}
    """The page in each language it has been served in (the room follows the laptop's language)."""
    rate = RateLimit()
    address_rate = RateLimit(ADDRESS_RATE)
    hub = Hub(room, on_change)
    hub.quiet = plays is not None

    def allowed(request: web.Request) -> bool:
        key = _device_key(request)
        return rate.allow(key) if key else address_rate.allow(_address(request))

    async def index(request: web.Request) -> web.StreamResponse:
        if not allowed(request):
            return _json(429, {"error": "too many requests"})
        lang = current_language()
        if lang not in pages:
            pages[lang] = localize(template).encode("utf-8")
        resp = web.Response(body=pages[lang], content_type="text/html", charset="utf-8", headers=_headers(policy))
        if _device_key(request) is None:
            resp.set_cookie(COOKIE, secrets.token_urlsafe(18), httponly=True, samesite="Strict", path="/")
        return resp

    async def join(request: web.Request) -> web.StreamResponse:
        if not allowed(request):
            return _json(429, {"error": "too many requests"})
        try:
            data = json.loads(await request.read())
        except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: arrays nested thousands deep
            return _json(400, {"error": "bad request"})
        if not isinstance(data, dict) or set(data) != {"code"}:
            return _json(400, {"error": "bad request"})
        key = _device_key(request) or ("address:" + _address(request))
        out = room.join(key, _address(request), data["code"])
        if out.status == 200:
            await hub.broadcast()
        return _json(out.status, out.body)

    async def live(request: web.Request) -> web.StreamResponse:
        origin, host = request.headers.get("Origin"), request.headers.get("Host", "")
        if origin is not None and origin not in (f"http://{host}", f"https://{host}"):
            return _json(403, {"error": "wrong origin"})
        if not allowed(request):
            return _json(429, {"error": "too many requests"})
        ws = web.WebSocketResponse(max_msg_size=MAX_BODY, heartbeat=None)
        await ws.prepare(request)
        try:
            first = await ws.receive(timeout=HELLO_S)
        except asyncio.TimeoutError:
            await ws.close()
            return ws
        token = _hello(first)
        if token is None or not room.known(token):
            await ws.send_str(json.dumps({"type": "error", "error": "unknown device"}))
            await ws.close()
            return ws
        if plays is not None and room.by_key.get(_device_key(request) or "address:" + _address(request)) != token:
            await ws.send_str(json.dumps({"type": "error", "error": "unknown device"}))  # a token from elsewhere
            await ws.close()
            return ws
        hub.sockets[ws] = token
        if plays is not None:
            await _answer(ws, await plays.hello(token, room.devices[token].number))
        else:
            await hub.send(ws, token)
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                break
            if not rate.allow("token:" + token):
                await ws.send_str(json.dumps({"type": "error", "error": "too many requests"}))
                continue
            await _on_message(ws, token, msg.data)
        hub.sockets.pop(ws, None)
        return ws

    async def _on_message(ws: web.WebSocketResponse, token: str, text: str) -> None:
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):  # RecursionError: arrays nested thousands deep
            data = None
        if plays is not None and isinstance(data, dict) and set(data) == {"play"}:
            await _answer(ws, await plays.answer(token, room.devices[token].number, data["play"]))
            return
        if not isinstance(data, dict) or set(data) != {"vote", "option"}:
            await ws.send_str(json.dumps({"type": "error", "error": "bad request"}))
            return
        why = room.vote(token, data["vote"], data["option"])
        if why is not None:
            await ws.send_str(json.dumps({"type": "error", "error": why}))
            return
        await hub.broadcast()

    app = web.Application(client_max_size=MAX_BODY)
    app[ROOM] = room
    app[HUB] = hub
    app.router.add_get("/", index)
    app.router.add_post("/join", join)
    app.router.add_get("/live", live)
    return app


async def _answer(ws: web.WebSocketResponse, message: dict[str, Any]) -> None:
    """Send one device its answer (a closed socket is let go)."""
    try:
        await ws.send_str(json.dumps(message, ensure_ascii=False))
    except (ConnectionError, RuntimeError):
        pass


def _hello(msg: Any) -> Optional[str]:
    """The token from a device's first WebSocket message ({"hello": TOKEN}), or None."""
    if msg.type != WSMsgType.TEXT or len(msg.data) > 200:
        return None
    try:
        data = json.loads(msg.data)
    except (ValueError, RecursionError):
        return None
    token = data.get("hello") if isinstance(data, dict) and set(data) == {"hello"} else None
    return token if isinstance(token, str) else None
