"""Students' devices for the App: open the room (printing its address and code), take in its news each frame, close
it at once when the class ends, on a quick exit and on quit. The network itself lives in game/net."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ..session import log
from .i18n import _

if TYPE_CHECKING:
    from ..net.server import RoomServer
    from .app import App

IDLE_WAIT_MS = 100
"""While a room is open the idle loop wakes at least this often (and at once when a device's vote arrives)."""


def open_room(app: App) -> Optional[str]:
    """Open the room for this class (the address from --devices-host, else this machine's on the local network);
    returns a notice to show when it could not be opened, else None. Opening an open room does nothing."""
    if app.room is not None:
        return None
    from ..net.address import lan_address
    from ..net.server import RoomError, RoomServer

    host = app.opts.devices_host or lan_address()
    if host is None:
        app.room_notice = _("This laptop is not on a network, so devices cannot join. Connect to the school Wi-Fi "
                            "or a phone hotspot, or count hands.")
        return app.room_notice
    try:
        app.room = RoomServer(host, app.opts.devices_port).start()
    except RoomError as exc:
        log.warning("the room could not open on %s:%s: %s", host, app.opts.devices_port, exc)
        app.room_notice = _("The room could not open on {host} ({why}). Count hands instead, or try another "
                            "address or port.").format(host=host, why=str(exc))
        return app.room_notice
    app.room_notice = None
    app.room.announce()
    return None


def close_room(app: App) -> None:
    """Stop the server at once; every token and vote of the room is forgotten."""
    room: Optional[RoomServer] = app.room
    app.room = None
    if room is not None:
        try:
            room.stop()
        except Exception:  # noqa: BLE001 - closing must never stop the game
            log.exception("closing the room failed")
        print("Room closed", flush=True)


def poll_room(app: App) -> bool:
    """Take in the devices' news (never waits); True when the screen must show it."""
    return app.room is not None and app.room.poll()
