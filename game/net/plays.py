"""Everyone plays: the stories the teacher allows, one play-through per device token (run on the server thread),
and the class's aggregates for the projector (counts only, never a device's path)."""

from __future__ import annotations

import asyncio
import queue
import secrets
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Optional, Protocol, Sequence

from ..session import log
from ..session.catalog import CatalogItem
from ..session.classroom import ClassDecision
from .limits import MAX_DEVICES
from .queues import newest
from .room import short

MAX_STORIES = 60
"""Most stories one room offers."""
ACTION_KEYS = 8
"""Most keys one action may carry."""
DO_MAX = 24
"""Longest action name."""
TOP = 5
"""How many flags and decisions the projector lists."""
PUBLISH_S = 0.25
"""At most this often a new snapshot goes to the game (the projector redraws a few times a second, not once per
device's tap, so the game's drawing does not slow the devices' answers)."""


class Play(Protocol):
    """What the room needs of one device's play-through (game/session/device_play.DevicePlay)."""

    def view(self) -> dict[str, Any]: ...

    def act(self, action: object) -> None: ...

    @property
    def finished(self) -> bool: ...

    @property
    def left(self) -> bool: ...

    @property
    def outcome(self) -> Optional[tuple[str, str, int]]: ...

    @property
    def session(self) -> Any: ...


PlayFactory = Callable[[CatalogItem, int, int], Play]
"""Builds one device's play of a story from (story, seed, the device's anonymous number in the room); the UI layer
passes DevicePlay with the records and vocab."""


@dataclass(frozen=True)
class Count:
    """One line of the dashboard: a story's node, what it shows (a red flag's words, a decision's prompt), how many
    devices did it (missed the flag, chose the riskier option) out of how many that met it."""

    story: str
    node: str
    text: str
    count: int
    of: int


@dataclass(frozen=True)
class Ending:
    """How many devices reached one ending."""

    story: str
    ending: str
    tone: str
    count: int


@dataclass(frozen=True)
class PlaysSnapshot:
    """What the projector shows while everyone plays (aggregates only)."""

    started: int = 0
    """Devices that opened a story (at its content note or further)."""
    playing: int = 0
    """Devices past the content note, neither finished nor gone."""
    finished: int = 0
    """Devices that reached the summary."""
    left: int = 0
    """Devices that opted out at the content note or left the story."""
    endings: tuple[Ending, ...] = ()
    missed: tuple[Count, ...] = ()
    """The red flags most often missed in spot tasks, most missed first."""
    riskier: tuple[Count, ...] = ()
    """The decisions where the class most often chose a riskier option: talk about these first."""
    closed: bool = False


class ActionRefused(ValueError):
    """A device's message that does not fit (str(e) is short and safe to show)."""


@dataclass
class _Tally:
    text: str
    count: int = 0
    of: int = 0


@dataclass
class _Device:
    play: Play
    story: str
    logged: int = 0
    ended: bool = False


@dataclass
class Plays:
    """One room's plays; everything runs on the server thread except `pending`, `poll` and `snapshot` (the game's
    side)."""

    stories: Sequence[CatalogItem]
    factory: PlayFactory
    choose: bool = False
    """True: students pick from `stories`; False: the teacher picked one story and it starts at once."""
    seed: Optional[int] = None
    """Devices' option orders come from seed + device number (headless runs repeat); None: a random seed each."""
    on_end: Optional[Callable[[tuple[str, str, int]], None]] = None
    """Called (server thread) with (ending, tone, score) once per device that reaches the summary."""
    on_close: Optional[Callable[[], None]] = None
    """Called (server thread) when the room closes: the records' connection is closed there."""
    on_settle: Optional[Callable[[], None]] = None
    """Called (server thread) before devices are answered: the records of the actions handled together are
    committed at once (one disk sync), so nobody sees the next screen before their decision is on disk."""
    devices: dict[str, _Device] = field(default_factory=dict)
    closed: bool = False

    def __post_init__(self) -> None:
        ok = [s for s in self.stories if s.ok][:MAX_STORIES]
        if not ok:
            raise ValueError("no story can be played")
        if not self.choose and len(ok) != 1:
            raise ValueError("the teacher picks exactly one story, or lets students choose")
        self.stories = ok
        self._by_id = {s.id: s for s in ok}
        self._missed: dict[tuple[str, str, str], _Tally] = {}
        self._riskier: dict[tuple[str, str], _Tally] = {}
        self._endings: dict[tuple[str, str, str], int] = {}
        self._events: queue.SimpleQueue[PlaysSnapshot] = queue.SimpleQueue()
        self._published = float("-inf")
        self._due: Optional[asyncio.TimerHandle] = None
        self._settled: Optional[asyncio.Future[None]] = None
        self.snapshot = PlaysSnapshot()
        """The latest snapshot the game has taken in (`poll`)."""

    # ------------------------------------------------------------- devices (server thread)
    def menu(self) -> dict[str, Any]:
        """The stories a device may pick from."""
        out = []
        for s in self.stories:
            scn = s.scenario
            assert scn is not None
            out.append({"id": s.id, "title": short(scn.title, 120), "summary": short(scn.summary),
                        "minutes": int(scn.minutes)})
        return {"type": "stories", "stories": out}

    def greet(self, token: str, number: int) -> dict[str, Any]:
        """What a device gets right after hello: its beat (a reload resumes), else the stories, else its first beat
        of the teacher's story."""
        if self.closed:
            return {"type": "closed"}
        dev = self.devices.get(token)
        if dev is not None and not (self.choose and dev.play.left):
            return self._beat(dev)
        if self.choose:
            return self.menu()
        try:
            return self._start(token, number, self.stories[0].id)
        except Exception:  # noqa: BLE001 - one device's trouble never stops the room
            log.exception("a device's play could not start")
            return {"type": "error", "error": "the story could not start"}

    def handle(self, token: str, number: int, action: object) -> dict[str, Any]:
        """One `{"play": ACTION}` from a device (hostile input): the answer for that device only."""
        if self.closed:
            return {"type": "closed"}
        try:
            do = _kind(action)
            assert isinstance(action, dict)
            dev = self.devices.get(token)
            if do == "start":
                return self._start_asked(token, number, dev, action)
            if dev is None:
                raise ActionRefused("pick a story first")
            try:
                dev.play.act(action)
            except ValueError as exc:  # ActionError, or the engine refusing a move
                raise ActionRefused(short(str(exc), 120) or "that does not fit here") from exc
            finally:
                self._take_in(dev)
            return self._beat(dev)
        except ActionRefused as exc:
            return {"type": "error", "error": str(exc)}
        except Exception:  # noqa: BLE001 - one device's trouble never stops the room
            log.exception("a device's play failed")
            return {"type": "error", "error": "something went wrong; try again"}

    async def hello(self, token: str, number: int) -> dict[str, Any]:
        """`greet`, answered once its records are on disk (on the server's loop)."""
        out = self.greet(token, number)
        await self._settle()
        return out

    async def answer(self, token: str, number: int, action: object) -> dict[str, Any]:
        """`handle`, answered once its records are on disk: the actions that arrive together share one commit."""
        out = self.handle(token, number, action)
        await self._settle()
        return out

    async def _settle(self) -> None:
        if self.on_settle is None:
            return
        if self._settled is None:
            loop = asyncio.get_running_loop()
            self._settled = loop.create_future()
            loop.call_soon(self._commit)  # after the other devices' messages that arrived together
        await asyncio.shield(self._settled)

    def _commit(self) -> None:
        done, self._settled = self._settled, None
        try:
            if self.on_settle is not None:
                self.on_settle()
        except Exception:  # noqa: BLE001 - the records never stop the room
            log.exception("the device records could not be committed")
        if done is not None and not done.done():
            done.set_result(None)

    def _start_asked(self, token: str, number: int, dev: Optional[_Device], action: dict[Any, Any]) -> dict[str, Any]:
        if not self.choose:
            raise ActionRefused("the teacher picked the story")
        if dev is not None and not dev.play.left:
            raise ActionRefused("you are already playing")
        story = action.get("story")
        if set(action) != {"do", "story"} or not isinstance(story, str) or story not in self._by_id:
            raise ActionRefused("that story is not open in this room")
        return self._start(token, number, story)

    def _start(self, token: str, number: int, story: str) -> dict[str, Any]:
        if token not in self.devices and len(self.devices) >= MAX_DEVICES:
            return {"type": "error", "error": "the room is full"}
        seed = secrets.randbelow(2 ** 31) if self.seed is None else (self.seed + number) % 2 ** 31
        dev = _Device(self.factory(self._by_id[story], seed, number), story)
        self.devices[token] = dev
        self._take_in(dev)
        return self._beat(dev)

    def _beat(self, dev: _Device) -> dict[str, Any]:
        return {"type": "beat", "beat": dev.play.view()}

    # ------------------------------------------------------------- aggregates (server thread)
    def _take_in(self, dev: _Device) -> None:
        """Count what is new in one device's play (its new decisions, its ending), then publish a snapshot."""
        log: list[ClassDecision] = list(getattr(dev.play.session, "log", []))
        for d in log[dev.logged:]:
            self._count(dev.story, d)
        dev.logged = len(log)
        if not dev.ended and dev.play.finished:
            dev.ended = True
            out = dev.play.outcome
            if out is not None:
                key = (dev.story, out[0], out[1])
                self._endings[key] = self._endings.get(key, 0) + 1
                if self.on_end is not None:
                    self.on_end(out)
        self._changed()

    def _changed(self) -> None:
        """Publish now, or (on the server's loop) once PUBLISH_S has passed since the last snapshot."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no loop (direct calls): at once
            self.publish()
            return
        wait = self._published + PUBLISH_S - time.monotonic()
        if wait <= 0:
            self.publish()
        elif self._due is None:
            self._due = loop.call_later(wait, self.publish)

    def _count(self, story: str, d: ClassDecision) -> None:
        if d.kind == "choice" and d.chosen is not None and d.safest:
            t = self._riskier.get((story, d.node_id)) or self._riskier.setdefault((story, d.node_id),
                                                                                  _Tally(short(d.prompt, 160)))
            t.of += 1
            t.count += d.chosen not in d.safest
        elif d.kind == "spot":
            for i, flag in enumerate(d.flags):
                if flag and i < len(d.options):
                    key = (story, d.node_id, d.options[i])
                    t = self._missed.get(key) or self._missed.setdefault(key, _Tally(short(d.options[i], 160)))
                    t.of += 1
                    t.count += i not in d.selected

    def current(self) -> PlaysSnapshot:
        """The aggregates now."""
        devs = list(self.devices.values())
        finished = sum(1 for d in devs if d.play.finished)
        left = sum(1 for d in devs if d.play.left and not d.play.finished)
        reading = sum(1 for d in devs if not getattr(d.play, "started", True) and not d.play.left)

        def top(tallies: dict[Any, _Tally]) -> tuple[Count, ...]:
            rows = [Count(k[0], k[1], t.text, t.count, t.of) for k, t in tallies.items() if t.count]
            rows.sort(key=lambda c: (-c.count, -c.count / c.of, c.story, c.node, c.text))
            return tuple(rows[:TOP])

        endings = tuple(sorted((Ending(s, e, tone, n) for (s, e, tone), n in self._endings.items()),
                               key=lambda x: (-x.count, x.story, x.ending)))
        return PlaysSnapshot(len(devs), len(devs) - finished - left - reading, finished, left, endings,
                             top(self._missed), top(self._riskier), self.closed)

    def publish(self) -> None:
        """Queue a snapshot for the game."""
        if self._due is not None:
            self._due.cancel()
            self._due = None
        self._published = time.monotonic()
        self._events.put(self.current())

    def close(self) -> None:
        """The room closes: every play ends (nothing more is recorded), the records' connection closes."""
        if self.closed:
            return
        self.closed = True
        self.publish()
        self.devices.clear()
        if self.on_close is not None:
            self.on_close()

    # ------------------------------------------------------------- the game's side
    def pending(self) -> bool:
        """True when a snapshot waits to be taken in (never blocks)."""
        return not self._events.empty()

    def poll(self) -> bool:
        """Take in every waiting snapshot (never blocks); True when what the projector shows changed."""
        latest = newest(self._events)
        if latest is None or latest == self.snapshot:
            return False
        self.snapshot = latest
        return True


def _kind(action: object) -> str:
    """The action's name, after the checks every action passes (an object of a few short keys)."""
    if not isinstance(action, dict) or not 1 <= len(action) <= ACTION_KEYS or \
            not all(isinstance(k, str) and len(k) <= DO_MAX for k in action):
        raise ActionRefused("bad request")
    do = action.get("do")
    if not isinstance(do, str) or not 1 <= len(do) <= DO_MAX:
        raise ActionRefused("bad request")
    return do
