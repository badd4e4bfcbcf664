"""'Students join': the room's QR code, its short address and 4-digit code, large, and how many devices joined."""

from __future__ import annotations

from typing import TYPE_CHECKING, Hashable, Optional

from ..display import Item
from ..i18n import _, ngettext
from ..layout import Ctx
from ..notices import notice_block
from ..qr_draw import draw_qr
from ..widgets import text_block
from .page import PageScene

if TYPE_CHECKING:
    from ..host import SceneHost


def spaced(code: str) -> str:
    """'4812' -> '4 8 1 2' (easier to read from the back of the room)."""
    return " ".join(code)


def short_address(url: str) -> str:
    """The address without 'http://' and the final slash: what students type."""
    return url.removeprefix("http://").rstrip("/")


class RoomScene(PageScene):
    """The join screen of an open room (or, when it could not open, why, and the hand-count fallback)."""

    name = "room"
    column_chars = 60

    def __init__(self, app: SceneHost) -> None:
        super().__init__(app)
        self.help_theme = None

    def page_title(self) -> str:
        return _("Students join")

    def screen_key(self) -> tuple:
        room = self.app.room
        return (self.name, room.url if room else None, room.snapshot.devices if room else -1)

    def status(self) -> str:
        room = self.app.room
        if room is None:
            return ""
        n = room.snapshot.devices
        return ngettext("{n} device joined", "{n} devices joined", n).format(n=n)

    def default_focus(self, targets: list[Hashable]) -> Optional[Hashable]:
        return "continue"

    def primary(self) -> Optional[Hashable]:
        return self.focus or "continue"

    def column(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
        m = ctx.m
        y0 = y
        room = self.app.room
        y += text_block(ctx, items, x, y, w, _("Students join from their own devices"), style="bold", size=m.h1)
        y += m.pad
        if room is None:
            notes = [self.app.room_notice or _("The room is closed: devices cannot join.")]
            y += notice_block(ctx, items, x, y, w, notes) + m.pad
            y += text_block(ctx, items, x, y, w, _("The class can still vote by show of hands: you type the counts."))
            y += m.pad
            r = self.add_button(ctx, items, x, y, w, _("Continue with hands"), "continue", icon="chevron_right",
                                hint=_("Enter"))
            return y + r[3] - y0
        avail_h = m.h - y - round(m.body * 8)
        if m.wide:
            side = max(round(m.body * 5), min(round(w * 0.42), avail_h))
            qr = draw_qr(items, x, y, side, room.url)
            tx, tw, ty = x + qr[2] + m.pad * 2, w - qr[2] - m.pad * 2, y
        else:
            side = max(round(m.body * 8), min(w, round(m.body * 14)))
            qr = draw_qr(items, x + (w - min(side, w)) // 2, y, min(side, w), room.url)
            tx, tw, ty = x, w, y + qr[3] + m.pad
        ty += text_block(ctx, items, tx, ty, tw, _("1. Join the same Wi-Fi as this laptop."), size=m.h2) + m.gap
        ty += text_block(ctx, items, tx, ty, tw, _("2. Scan the code, or open:"), size=m.h2) + m.gap // 2
        ty += text_block(ctx, items, tx, ty, tw, short_address(room.url), style="bold", size=m.h1) + m.gap
        ty += text_block(ctx, items, tx, ty, tw, _("3. Type the room code:"), size=m.h2) + m.gap // 2
        big = round(m.display * 1.4) if m.h >= m.body * 30 else m.display  # short or zoomed: the code still fits
        ty += text_block(ctx, items, tx, ty, tw, spaced(room.code), style="bold", size=big)
        ty += m.pad
        n = room.snapshot.devices
        ty += text_block(ctx, items, tx, ty, tw, ngettext("{n} device has joined", "{n} devices have joined", n)
                         .format(n=n), style="bold", role="muted") + m.gap
        y = max(ty, y + qr[3]) + m.pad
        y += text_block(ctx, items, x, y, w, _(
            "Answers are anonymous: no names, no accounts, and nothing leaves this room's network. Students without "
            "a device raise their hands as usual."), role="muted") + m.pad
        bw = min(w, round(m.body * 22))
        r = self.add_button(ctx, items, x, y, bw, _("Continue"), "continue", icon="chevron_right", hint=_("Enter"))
        r2 = self.add_button(ctx, items, x + bw + m.gap, y, bw, _("Stop letting devices join"), "close",
                             style="secondary") if w >= 2 * bw + m.gap else None
        if r2 is None:
            y += r[3] + m.gap
            r = self.add_button(ctx, items, x, y, bw, _("Stop letting devices join"), "close", style="secondary")
        return y + r[3] - y0

    def activate(self, target: Hashable, intent: object) -> bool:  # type: ignore[override]
        if target == "continue":
            self.dismiss(None)
            return True
        if target == "close":
            from ..devices import close_room

            close_room(self.app)  # type: ignore[arg-type]
            self.app.devices_wanted = False
            self.app.room_notice = _("You closed the room: devices cannot join. Votes use hand counts.")
            self.invalidate()
            return True
        return super().activate(target, intent)  # type: ignore[arg-type]

    def back(self) -> bool:
        self.dismiss(None)
        return True
