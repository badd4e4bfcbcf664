"""Everyone plays, for the App: which stories the teacher allows, and the room that runs one play per device (its
records on the server thread's own SQLite connection, a device_end trace event per finished device)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Sequence

from ..session import log
from .i18n import _

if TYPE_CHECKING:
    from ..net.plays import Play
    from ..session.batch_store import BatchStore
    from ..session.catalog import CatalogItem
    from ..session.trace import Trace
    from .app import App

TIERS = ("core", "extended")
"""What the teacher may let students choose from: core (12-14) stories, or every story (extended: 15-18 too)."""


def allowed_stories(items: Sequence[CatalogItem], tier: str) -> list[CatalogItem]:
    """The playable stories of a tier, tutorial first: 'core' gives the core tier only, 'extended' every tier."""
    if tier not in TIERS:
        raise ValueError(f"the tier is core or extended, not '{tier}'")
    out = [it for it in items if it.scenario is not None
           and (tier == "extended" or it.scenario.age_tier.value == "core")]
    return sorted(out, key=lambda it: it.sort_key())


class ThreadRecords:
    """The class's records as the room's thread writes them: a Store opened on first use, on that thread (SQLite
    connections stay on the thread that opened them), and closed there when the room closes."""

    def __init__(self, data_dir: Optional[Path]) -> None:
        self.data_dir = data_dir
        self._store: Optional[BatchStore] = None
        self._thread: Optional[int] = None

    def get(self) -> Optional[BatchStore]:
        """The store (None for a playtest or when it cannot open on this thread)."""
        if self.data_dir is None:
            return None
        if self._store is None:
            from ..session.batch_store import BatchStore

            self._store, self._thread = BatchStore.open(self.data_dir), threading.get_ident()
        if self._thread != threading.get_ident():
            log.warning("device records were asked for on another thread; not recorded")
            return None
        return self._store

    def open(self) -> None:
        """Open the store now (on the calling thread, which must be the room's)."""
        self.get()

    def commit(self) -> None:
        """Put the waiting records on disk (on the thread that opened the store)."""
        if self._store is not None and self._thread == threading.get_ident():
            self._store.commit()

    def close(self) -> None:
        """Commit and close the store (on the thread that opened it)."""
        store, self._store = self._store, None
        if store is not None:
            try:
                store.close()
            except Exception:  # noqa: BLE001 - closing must never stop the game
                log.exception("closing the device records failed")


def device_end(trace: Trace, outcome: tuple[str, str, int]) -> None:
    """One device reached the summary: its ending, tone and score (nothing that names the device)."""
    ending, tone, score = outcome
    trace.emit({"event": "device_end", "ending": ending, "tone": tone, "score": int(score)})


def open_plays_room(app: App, stories: Sequence[CatalogItem], choose: bool) -> Optional[str]:
    """Open a room where every device plays its own path of `stories` (one picked by the teacher, or a choice);
    returns a notice when it could not open, else None. An open room is closed first."""
    from ..net.address import lan_address
    from ..net.plays import Plays
    from ..net.server import RoomError, RoomServer
    from ..session.device_play import DevicePlay, load_vocab
    from .devices import close_room

    close_room(app)
    host = app.opts.devices_host or lan_address()
    if host is None:
        app.room_notice = _("This laptop is not on a network, so devices cannot join. Connect to the school Wi-Fi "
                            "or a phone hotspot, or play the story together on the projector.")
        return app.room_notice
    from ..session.device_plays import DeviceSessions, new_room

    records = ThreadRecords(None if app.opts.playtest else app.data_dir)
    room = new_room()
    vocabs = {it.id: load_vocab(it) for it in stories if it.ok}
    label = app.classroom.label if app.classroom is not None else None
    trace = app.opts.trace

    def make(item: CatalogItem, seed: int, number: int) -> Play:
        store = records.get()
        return DevicePlay(item, vocabs.get(item.id), seed=seed, class_label=label,
                          store=DeviceSessions(store, room, number, label) if store is not None else None)

    def ended(outcome: tuple[str, str, int]) -> None:
        if trace is not None:
            device_end(trace, outcome)

    try:
        plays = Plays(list(stories), make, choose=choose, seed=app.seed, on_end=ended, on_close=records.close,
                      on_settle=records.commit)
        app.room = RoomServer(host, app.opts.devices_port, plays=plays).start()
    except (RoomError, ValueError) as exc:
        log.warning("the room could not open on %s:%s: %s", host, app.opts.devices_port, exc)
        app.room_notice = _("The room could not open on {host} ({why}). Play the story together on the projector "
                            "instead, or try another address or port.").format(host=host, why=str(exc))
        return app.room_notice
    app.room_notice = None
    app.room.call(records.open)  # the records open (and are checked) now, on the room's thread, not at the first tap
    app.room.announce()
    return None


def snapshot_of(app: App) -> Any:
    """The open room's everyone-plays aggregates (net.plays.PlaysSnapshot), or None."""
    room = app.room
    plays = room.plays if room is not None else None
    return plays.snapshot if plays is not None else None
