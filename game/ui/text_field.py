"""A one-line text entry (the nickname and the class label): its text, length limit, typing, Erase and drawing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Hashable, Literal, Optional

from .display import Box, Hit, Item, RectT, Text
from .intents import Erase, Intent, TextInput
from .layout import Ctx
from .widgets import focus_ring

Edit = Literal["typed", "full", "erased"]
"""What an intent did to a field: text was added, the text was too long to add (nothing changed), or the last
character was erased (also when there was none)."""


@dataclass
class TextField:
    """The text typed so far, at most `max_len` characters. The scene owning it decides what a change means (a
    notice, the cleaning rules) and which intents reach it."""

    max_len: int
    value: str = ""
    target: Hashable = "field"
    """The focus and pointer target the field registers under."""

    def type(self, text: str) -> bool:
        """Add typed text (characters that do not print are dropped); False, adding nothing, when the result would
        be longer than `max_len`."""
        text = "".join(ch for ch in text if ch.isprintable())
        if len(self.value) + len(text) > self.max_len:
            return False
        self.value += text
        return True

    def erase(self) -> None:
        """Remove the last character (Backspace)."""
        self.value = self.value[:-1]

    def handle(self, intent: Intent) -> Optional[Edit]:
        """Apply a TextInput or Erase; None for any other intent (the field ignores it)."""
        if isinstance(intent, TextInput):
            return "typed" if self.type(intent.text) else "full"
        if isinstance(intent, Erase):
            self.erase()
            return "erased"
        return None

    def draw(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int, focused: bool, hint: str) -> RectT:
        """The field at (x, y), w wide: its box, the text (or `hint` in muted type while empty), a caret and focus
        ring when focused, and a pointer target; returns its rectangle (the scene registers it for focus)."""
        m = ctx.m
        fh = round(m.body * 2.6)
        rect = (x, y, w, fh)
        items.append(Box(rect, ctx.c("surface"), m.small_radius))
        items.append(Box(rect, ctx.c("primary" if focused else "border"), m.small_radius,
                         m.border + (1 if focused else 0)))
        font = m.font("regular")
        tw = 0
        if self.value:
            tw, th = ctx.measure(self.value, font, ctx.c("text"))
            items.append(Text(x + m.gap, y + (fh - th) // 2, self.value, font, ctx.c("text"), 0, "left", tw, th))
        else:
            hw, th = ctx.measure(hint, font, ctx.c("muted"))
            items.append(Text(x + m.gap + 4, y + (fh - th) // 2, hint, font, ctx.c("muted"), 0, "left", hw, th))
        if focused:
            items.append(Box((x + m.gap + tw + 2, y + fh // 5, max(2, m.border), fh * 3 // 5), ctx.c("text")))
            focus_ring(ctx, items, rect, m.small_radius)
        items.append(Hit(rect, self.target))
        return rect
