"""The room server: aiohttp on its own thread and event loop, talking to the game only through two thread-safe queues
(commands in, snapshots out), so the pygame loop never waits on the network."""

from __future__ import annotations

import asyncio
import queue
import sys
import threading
from typing import Callable, Optional

from aiohttp import web

from .plays import Plays
from .queues import newest
from .room import Question, Result, RoomState, Snapshot
from .web import HUB, Hub, make_app

START_S = 5.0
"""Longest wait for the server to start listening."""
STOP_S = 2.0
"""Longest wait for it to stop (it usually takes a few milliseconds)."""


class RoomError(Exception):
    """The room could not be opened (the address is not this machine's, the port is taken...)."""


class RoomServer:
    """One open room: listens on host:port (port 0 picks a free one) until `stop()`."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, code: Optional[str] = None,
                 plays: Optional[Plays] = None) -> None:
        self.host = host
        self.plays = plays
        """Where everyone plays a story on their own device (game/net/plays.py), else None (class votes)."""
        self.port = port
        self.state = RoomState(code=code) if code else RoomState()
        self.code = self.state.code
        self.snapshot = Snapshot()
        """The latest snapshot the game has taken in (`poll`)."""
        self._events: queue.SimpleQueue[Snapshot] = queue.SimpleQueue()
        self._commands: queue.SimpleQueue[Callable[[RoomState], None]] = queue.SimpleQueue()
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._stop: Optional[asyncio.Event] = None
        self._ready = threading.Event()
        self._error: Optional[BaseException] = None
        self._thread: Optional[threading.Thread] = None
        self._hub: Optional[Hub] = None
        self.running = False

    @property
    def url(self) -> str:
        """The address students type or scan (IPv6 addresses in brackets)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    # ------------------------------------------------------------- life
    def start(self) -> RoomServer:
        """Start listening; raises RoomError when it cannot (within START_S)."""
        self._thread = threading.Thread(target=self._run, name="rfr-room", daemon=True)
        self._thread.start()
        if not self._ready.wait(START_S):
            self.stop()
            raise RoomError("the room server did not start in time")
        if self._error is not None:
            self._thread.join(STOP_S)
            err = self._error
            raise RoomError(getattr(err, "strerror", None) or str(err)) from err
        self.running = True
        return self

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._serve())
        except BaseException as exc:  # noqa: BLE001 - reported to start(); the game never sees a traceback
            self._error = self._error or exc
            self._ready.set()
        finally:
            loop.close()

    async def _serve(self) -> None:
        self._stop = asyncio.Event()
        app = make_app(self.state, self._changed, plays=self.plays)
        self._hub = app[HUB]
        runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await runner.setup()
        try:
            site = web.TCPSite(runner, self.host, self.port, backlog=256)
            await site.start()
        except OSError as exc:
            self._error = exc
            await runner.cleanup()
            self._ready.set()
            return
        self.port = int(runner.addresses[0][1])
        self._ready.set()
        await self._stop.wait()
        if self.plays is not None:
            self.plays.close()  # on this thread: every play ends and the records' connection closes here
        await self._hub.close_all()
        await runner.cleanup()

    def stop(self) -> None:
        """Stop listening at once, close every device's connection and forget the room (tokens and votes)."""
        loop, stop = self._loop, self._stop
        self.running = False
        if loop is not None and stop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(stop.set)
            except RuntimeError:
                pass
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(STOP_S)
        self.state.forget()
        self.snapshot = Snapshot()

    # ------------------------------------------------------------- game -> room (commands)
    def _send(self, command: Callable[[RoomState], None]) -> None:
        if not self.running or self._loop is None:
            return
        self._commands.put(command)
        try:
            self._loop.call_soon_threadsafe(self._drain)
        except RuntimeError:
            pass

    def _drain(self) -> None:
        """On the server thread: apply the queued commands, then update every device."""
        changed = False
        while True:
            try:
                command = self._commands.get_nowait()
            except queue.Empty:
                break
            command(self.state)
            changed = True
        if changed and self._loop is not None:
            self._loop.create_task(self._broadcast())

    async def _broadcast(self) -> None:
        if self._hub is not None:
            await self._hub.broadcast()

    def call(self, fn: Callable[[], None]) -> None:
        """Run `fn` on the server thread soon (e.g. open what must live on that thread before devices need it)."""
        self._send(lambda _state: fn())

    def open_question(self, question: Question) -> None:
        """Open a vote on the devices."""
        self._send(lambda s: s.open(question))

    def reveal(self, result: Result) -> None:
        """Close the vote and show the class result on the devices."""
        self._send(lambda s: s.reveal(result))

    def close_question(self) -> None:
        """Devices go back to 'Watch the screen'."""
        self._send(lambda s: s.close_question())

    # ------------------------------------------------------------- room -> game (snapshots)
    def _changed(self) -> None:
        """On the server thread, after every change: a snapshot for the game."""
        self._events.put(self.state.snapshot())

    def pending(self) -> bool:
        """True when a snapshot waits to be taken in (never blocks)."""
        return not self._events.empty() or (self.plays is not None and self.plays.pending())

    def poll(self) -> bool:
        """Take in every waiting snapshot (never blocks); True when what the projector shows changed."""
        latest = newest(self._events)
        plays = self.plays is not None and self.plays.poll()
        if latest is None or latest == self.snapshot:
            return plays
        self.snapshot = latest
        return True

    def announce(self) -> None:
        """Print the room's address and code on stdout (headless runs too)."""
        print(f"Room open: {self.url} code {self.code}", file=sys.stdout, flush=True)
