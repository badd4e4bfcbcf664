"""One avatar per person: who a speaker or poster is, and the one picture or initials disc that stands for them."""

from __future__ import annotations

from typing import Callable, NamedTuple, Optional

from ..content.schema import ME, Scenario
from .display import Image, Item
from .i18n import _
from .layout import Ctx
from .widgets import avatar


class Who(NamedTuple):
    """A person as the avatar shows them: the colour key, the name the initials come from, their art (if any)."""

    key: str
    name: str
    art: Optional[str]


def who_is(scn: Optional[Scenario], who: str) -> Who:
    """The person behind a speaker id or a poster's name: a character by id, else by name, else the name itself.

    Every avatar is keyed by the character's id, so the phone's header, the bubbles, a post, a listing and the side
    panel all show the same initials on the same colour.
    """
    if who == ME:
        return Who(ME, _("You"), None)
    chars = scn.characters if scn is not None else []
    ch = next((c for c in chars if c.id == who), None)
    if ch is None:
        low = who.strip().lower()
        ch = next((c for c in chars if c.name.strip().lower() == low), None)
    if ch is None:
        return Who(who, who or "?", None)
    return Who(ch.id, ch.name, ch.avatar)


def person_avatar(ctx: Ctx, items: list[Item], cx: int, cy: int, r: int, scn: Optional[Scenario], who: str,
                  asset: Optional[Callable[[Optional[str]], Optional[str]]] = None) -> None:
    """The avatar of a speaker id or poster name: their art when the pack has it, else initials on their colour."""
    p = who_is(scn, who)
    path = asset(p.art) if asset is not None and p.art else None
    if path:
        items.append(Image((cx - r, cy - r, 2 * r, 2 * r), path, ctx.c("surface_alt")))
        return
    avatar(ctx, items, cx, cy, r, p.name, p.key)
