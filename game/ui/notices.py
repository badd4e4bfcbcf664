"""What the player must know about saving ("Progress is not being saved", "Settings not saved"), one list for all
the screens that show it (title, picker, settings)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .display import Icon, Item
from .layout import Ctx
from .widgets import text_block

if TYPE_CHECKING:  # (a type only: the title's first frame does not load it)
    from .host import SceneHost


def saving_notices(app: SceneHost, open_store: bool = False, limit: int = 2) -> list[str]:
    """The newest distinct notices: the record store's (it may have switched to memory at any time, e.g. a full
    disk mid-story) and those from loading or saving settings. `open_store` opens the records first."""
    store = app.store if open_store else app.open_store
    notes = list(app.notices)
    if store is not None and store.notice:
        notes.append(store.notice)
    return list(dict.fromkeys(notes))[-limit:]


def notice_block(ctx: Ctx, items: list[Item], x: int, y: int, w: int, notes: list[str], align: str = "left") -> int:
    """Each notice with a caution icon beside it (never colour alone); returns the height used."""
    m = ctx.m
    y0 = y
    ic = round(m.small * 1.2)
    for note in notes:
        if align == "center":
            y += text_block(ctx, items, x, y, w, note, role="caution", size=m.small, align="center") + m.gap // 2
            continue
        items.append(Icon((x, y + 2, ic, ic), "bell", ctx.c("caution")))
        y += max(ic, text_block(ctx, items, x + ic + m.gap // 2, y, w - ic - m.gap // 2, note, role="caution",
                                size=m.small, style="bold")) + m.gap // 2
    return y - y0
