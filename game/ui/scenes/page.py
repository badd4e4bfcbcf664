"""PageScene: the shared frame of menu-like screens (top bar, scrolling centred column, bottom bar)."""

from __future__ import annotations

from typing import Hashable, Optional

from ..display import Box, Hit, Item, Line, RectT, Text
from ..i18n import _
from ..intents import Activate, Help, Intent, Next, QuickExit
from ..layout import Ctx
from ..scene import Scene
from ..widgets import button, button_width, focus_ring


def bar_height(ctx: Ctx) -> int:
    """Height of the top and bottom bars: a small button plus a margin."""
    m = ctx.m
    return max(round(m.small * 2.2), round(m.small * 1.1) + 2 * max(6, round(m.small * 0.55))) + 2 * max(4, m.gap // 2)


def top_bar(scene: Scene, ctx: Ctx, title: str, *, quick_exit: bool = True, left: Optional[list[Item]] = None,
            back: bool = False) -> int:
    """The top bar: a title on the left (after a Back (Esc) button when `back`), the Quick exit (F12) button on the
    right; returns its height. The buttons' targets are "back" and "quick_exit"."""
    m = ctx.m
    items = scene.dl.items
    h = bar_height(ctx)
    items.append(Box((0, 0, m.w, h), ctx.c("topbar")))
    items.append(Box((0, h - m.border, m.w, m.border), ctx.c("surface_alt" if not ctx.theme.high_contrast
                                                              else "border")))
    right = m.w - m.pad
    if quick_exit:
        label = _("Quick exit")
        bw = min(m.w // 3, button_width(ctx, label, icon="exit", hint="F12", size=m.small))
        bh = h - 2 * max(4, m.gap // 2)
        r = button(ctx, items, right - bw, (h - bh) // 2, bw, label, target="quick_exit", style="secondary",
                   icon="exit", hint="F12", size=m.small, min_h=bh)
        right = r[0] - m.gap
    room = getattr(scene.app, "classroom", None)
    if room is not None:  # leading a class: the discussion timer, small (T)
        from ..class_widgets import timer_chip

        right = timer_chip(ctx, items, room, right, h)
    tx = m.pad
    if back:
        label = _("Back")
        bw = min(m.w // 4, button_width(ctx, label, icon="chevron_left", hint=_("Esc"), size=m.small))
        bh = h - 2 * max(4, m.gap // 2)
        r = button(ctx, items, tx, (h - bh) // 2, bw, label, target="back", style="secondary", icon="chevron_left",
                   hint=_("Esc"), size=m.small, min_h=bh, focused=scene.focus == "back")
        scene.add_focus("back", r)
        tx = r[0] + r[2] + m.gap
    tw = 0
    if title:  # (the title screen's bar has its buttons only)
        font = m.font("bold", m.h2 if m.h2 * 14 < right - tx else m.body)
        tw, th = ctx.measure(title, font, ctx.c("on_topbar"), max(40, right - tx - m.pad))
        if th > h - 4:  # a long title on a narrow window: shrink to one line height budget
            font = m.font("bold", m.small)
            tw, th = ctx.measure(title, font, ctx.c("on_topbar"), max(40, right - tx - m.pad))
        items.append(Text(tx, (h - th) // 2, title, font, ctx.c("on_topbar"), max(40, right - tx - m.pad), "left",
                          tw, th))
    scene.bar_free = (tx + tw + m.pad, right)  # type: ignore[attr-defined]
    if left:
        items.extend(left)
    return h


def bar_action(scene: Scene, target: Hashable) -> bool:
    """The top and bottom bars' own buttons on any scene that draws them: Quick exit and Get help (True when
    `target` was one of them)."""
    if target == "quick_exit":
        scene.app.dispatch(QuickExit())
        return True
    if target == "help":
        scene.app.dispatch(Help())
        return True
    return False


def bottom_bar(scene: Scene, ctx: Ctx, right_text: str = "", *, help_button: bool = True) -> int:
    """The bottom bar: Get help (H) on the left and a status text on the right; returns its height."""
    m = ctx.m
    items = scene.dl.items
    h = bar_height(ctx)
    y = m.h - h
    items.append(Box((0, y, m.w, h), ctx.c("topbar")))
    items.append(Box((0, y, m.w, m.border), ctx.c("surface_alt" if not ctx.theme.high_contrast else "border")))
    x = m.pad
    if help_button:
        label = _("Get help")
        bw = min(m.w // 3, button_width(ctx, label, icon="help", hint="H", size=m.small))
        bh = h - 2 * max(4, m.gap // 2)
        r = button(ctx, items, x, y + (h - bh) // 2, bw, label, target="help", style="soft", icon="help",
                   hint="H", size=m.small, min_h=bh)
        x = r[0] + r[2] + m.gap
    if right_text:
        font = m.font("bold", m.body)
        tw, th = ctx.measure(right_text, font, ctx.c("on_topbar"), max(40, m.w - x - 2 * m.pad), "right")
        items.append(Text(m.w - m.pad - tw, y + (h - th) // 2, right_text, font, ctx.c("on_topbar"),
                          max(40, m.w - x - 2 * m.pad), "right", tw, th))
    return h


class PageScene(Scene):
    """A screen with bars and a centred, scrolling column. Subclasses fill `column()` and `activate()`."""

    title = ""
    quick_exit_button = True
    back_button = False
    """A Back (Esc) button at the left of the top bar."""
    help_button = True
    column_chars = 38
    """Column width in body-text ems (about 60-70 characters of text)."""

    def page_title(self) -> str:
        """Title in the top bar."""
        return self.title or _("Red Flag Radar")

    def status(self) -> str:
        """Text at the right of the bottom bar."""
        return ""

    def build(self, ctx: Ctx) -> None:
        m = ctx.m
        top = top_bar(self, ctx, self.page_title(), quick_exit=self.quick_exit_button, back=self.back_button)
        bottom = bottom_bar(self, ctx, self.status(), help_button=self.help_button)
        col_w = min(m.w - 2 * m.pad, round(m.body * self.column_chars))
        x = (m.w - col_w) // 2
        items: list[Item] = []
        y0 = top + m.pad
        self._sticky: list[tuple[str, Hashable, str, Optional[str], Optional[str]]] = []
        h = self.column(ctx, items, x, y0, col_w) + m.pad
        bar = self._sticky_bar(ctx, x, col_w, m.h - bottom)
        area: RectT = (0, top, m.w, m.h - top - bottom - bar)
        self.scroll_view("page", area, items, h + y0 - top)

    def _sticky_bar(self, ctx: Ctx, x: int, w: int, bottom_y: int) -> int:
        """The page's main actions pinned above the bottom bar, side by side when they fit (the content scrolls
        above them, so Next is never off screen); returns the bar's height (0 without sticky buttons)."""
        if not self._sticky:
            return 0
        m = ctx.m
        n = len(self._sticky)
        side = n > 1 and w >= m.body * 16
        bw = (w - (n - 1) * m.gap) // n if side else w
        heights = [button(ctx, [], 0, 0, bw, label, target=t, icon=icon, hint=hint)[3]  # measured, not drawn
                   for label, t, _s, icon, hint in self._sticky]
        bar = (max(heights) if side else sum(heights) + (n - 1) * m.gap) + 2 * m.gap
        y = bottom_y - bar
        self.dl.add(Box((0, y, m.w, bar), ctx.c("bg")))
        self.dl.add(Line((0, y), (m.w, y), ctx.c("border" if ctx.theme.high_contrast else "surface_alt"),
                         max(1, m.border)))
        by = y + m.gap
        order = list(reversed(self._sticky)) if side else self._sticky  # the main action at the right, as dialogs
        for k, (label, target, style, icon, hint) in enumerate(order):
            bx = x + k * (bw + m.gap) if side else x
            r = button(ctx, self.dl.items, bx, by, bw, label, target=target, focused=self.focus == target, style=style,
                       icon=icon, hint=hint)
            self.add_focus(target, r)
            if not side:
                by += r[3] + m.gap
        return bar

    def column(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
        """Lay out the page content from (x, y) in width w; returns the height used."""
        return 0

    def add_button(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int, label: str, target: Hashable, *,
                   style: str = "primary", icon: Optional[str] = None, hint: Optional[str] = None,
                   sticky: bool = False) -> RectT:
        """A focusable button inside the page column; `sticky` pins it in the action bar above the bottom bar
        instead (it takes no room in the column: the returned rectangle has no height)."""
        if sticky:
            self._sticky.append((label, target, style, icon, hint))
            return (x, y, w, -ctx.m.gap)
        r = button(ctx, items, x, y, w, label, target=target, focused=self.focus == target, style=style, icon=icon,
                   hint=hint)
        self.add_focus(target, r, "page")
        return r

    def add_row(self, ctx: Ctx, items: list[Item], inner: list[Item], rect: RectT, target: Hashable) -> None:
        """A focusable settings row: its background (tinted when focused), pointer target, `inner`, focus ring."""
        focused = self.focus == target
        items.append(Box(rect, ctx.c("primary_soft" if focused else "surface"), ctx.m.radius))
        items.append(Hit(rect, target))
        items.extend(inner)
        if focused:
            focus_ring(ctx, items, rect)
        self.add_focus(target, rect, "page")

    def handle(self, intent: Intent) -> bool:
        if isinstance(intent, Next):
            target = self.primary()
            if target is not None:
                return self.activate(target, Activate())
            return False
        return super().handle(intent)

    def primary(self) -> Optional[Hashable]:
        """What Next presses on this page (the focused control by default)."""
        return self.focus

    def activate(self, target: Hashable, intent: Intent) -> bool:
        """Bar buttons: quick exit, help and back."""
        if bar_action(self, target):
            return True
        if target == "back":
            return self.back()
        return False


def hit(items: list[Item], rect: RectT, target: Hashable) -> None:
    """Add a pointer target."""
    items.append(Hit(rect, target))
