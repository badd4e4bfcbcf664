"""Scene base class: lifecycle, focus, scroll views, pointer handling (the stack is in scene_stack.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Hashable, NamedTuple, Optional

import pygame

from .display import DisplayList, Group, Item, RectT
from .intents import Activate, Back, Focus, Intent, Pointer, Scroll, Submit, Toggle
from .layout import Ctx

if TYPE_CHECKING:
    from .host import SceneHost


class Focusable(NamedTuple):
    """A control the keyboard can reach: its target id, rectangle, and the scroll view it sits in."""

    target: Hashable
    rect: RectT
    group: str = ""


class ScrollView:
    """One scrollable region: offset (pixels), content and view heights."""

    __slots__ = ("offset", "content_h", "view_h", "rect", "stick_bottom")

    def __init__(self, offset: int = 0, content_h: int = 0, view_h: int = 0, rect: RectT = (0, 0, 0, 0),
                 stick_bottom: bool = False) -> None:
        self.offset = offset
        self.content_h = content_h
        self.view_h = view_h
        self.rect = rect
        self.stick_bottom = stick_bottom

    @property
    def max_offset(self) -> int:
        """How far it can scroll."""
        return max(0, self.content_h - self.view_h)

    def clamp(self) -> None:
        """Keep the offset in range."""
        self.offset = max(0, min(self.max_offset, int(self.offset)))


class Scene:
    """A screen. Lifecycle, in order:

    - `enter()`: once, when pushed (the App lays the scene out right after).
    - `build(ctx)`: whenever the scene is invalidated (new beat, focus, window size or a setting changed); fills
      `self.dl` with display items and registers focusables and scroll views. Never draws.
    - `handle(intent) -> bool`: for every intent while on top; True when consumed.
    - `update(dt) -> bool`: each frame while on top; True while something animates (the App keeps drawing).
    - `draw_static(surface)` / `draw_dynamic(surface)`: blit only; no state changes.
    - `pause()` / `resume(result)`: another scene was pushed over it / popped (with its result).
    - `leave()`: popped or replaced.
    A modal scene finishes with `self.dismiss(result)`; the pusher's callback receives the result.
    """

    name = "scene"
    """Short name used in screenshot file names."""
    opaque = True
    """False for overlays: the scenes below are drawn first."""
    wants_text = False
    """True while a text field takes typed letters (H and number keys then type)."""
    quick_exit_safe = False
    """True for scenes that show no scenario content and may stay on top of a quick exit."""

    def __init__(self, app: SceneHost) -> None:
        self.app: SceneHost = app
        self.dl = DisplayList()
        self.version = 0
        self.dirty = True
        self.focus: Optional[Hashable] = None
        self.focusables: list[Focusable] = []
        self.scrolls: dict[str, ScrollView] = {}
        self.main_scroll = ""
        self.on_result: Optional[Callable[[Any], None]] = None
        self._press: Optional[tuple[Hashable, int, int]] = None
        self._drag_from: Optional[tuple[int, int, str]] = None
        self._dragged = False
        self._pointer = (-1, -1)
        self._pending_reveal: Optional[Hashable] = None
        self._hand_over: Optional[Scene] = None

    # ------------------------------------------------------------- lifecycle
    def enter(self) -> None:
        """Called once when the scene is pushed."""

    def leave(self) -> None:
        """Called when the scene is popped or replaced."""

    def pause(self) -> None:
        """Called when another scene is pushed over this one."""

    def resume(self, result: Any = None) -> None:
        """Called when the scene above was popped."""
        self.invalidate()

    def dismiss(self, result: Any = None) -> None:
        """Close this (modal) scene and hand `result` to whoever pushed it."""
        self.app.pop(self, result)

    def hand_over(self, scene: Scene) -> None:
        """Let `scene` take this scene's place: at once when this one is on the stack (wherever it is), else as
        soon as it enters (a scene may learn while it is being built that another should show instead)."""
        if not self.app.scenes.swap(self, scene):
            self._hand_over = scene

    def take_hand_over(self) -> Optional[Scene]:
        """The scene waiting to take this one's place, if any (the stack asks right after `enter`)."""
        scene, self._hand_over = self._hand_over, None
        return scene

    def screen_key(self) -> tuple:
        """What makes this screen distinct for screenshots (focus changes do not count)."""
        return (self.name,)

    def screen_name(self) -> str:
        """Name for the screenshot file."""
        return self.name

    # ------------------------------------------------------------- layout
    def invalidate(self) -> None:
        """Ask for a new layout before the next draw."""
        self.dirty = True

    def touch(self) -> None:
        """The picture changed without a new layout (scroll): draw again."""
        self.version += 1

    def layout(self, ctx: Ctx) -> None:
        """Rebuild the display list now (the App calls this when dirty)."""
        self.dl = DisplayList()
        self.focusables = []
        old = self.scrolls
        self.scrolls = {}
        self.build(ctx)
        self._restore_scrolls(old)
        targets = [f.target for f in self.focusables]
        if self.focus not in targets:
            self.focus = self.default_focus(targets)
            if self.focus is not None:  # draw the ring on the default control: lay out once more
                self.dl = DisplayList()
                self.focusables = []
                self.scrolls = {}
                self.build(ctx)
                self._restore_scrolls(old)
        if self._pending_reveal is not None:
            self.reveal(self._pending_reveal)
            self._pending_reveal = None
        self.dirty = False
        self.version += 1

    def _restore_scrolls(self, old: dict[str, ScrollView]) -> None:
        """Keep scroll positions across layouts; chat views follow new content at the bottom."""
        for key, sv in self.scrolls.items():
            prev = old.get(key)
            if sv.stick_bottom and (prev is None or prev.offset >= prev.max_offset - 2):
                sv.offset = sv.max_offset
            elif prev is not None:
                sv.offset = prev.offset
            sv.clamp()

    def build(self, ctx: Ctx) -> None:
        """Fill self.dl (subclasses)."""

    def default_focus(self, targets: list[Hashable]) -> Optional[Hashable]:
        """The focus when nothing valid is focused: the first control."""
        return targets[0] if targets else None

    def add_focus(self, target: Hashable, rect: RectT, group: str = "") -> None:
        """Register a keyboard-reachable control (in reading order)."""
        self.focusables.append(Focusable(target, rect, group))

    def scroll_view(self, key: str, rect: RectT, items: list[Item], content_h: int, *,
                    stick_bottom: bool = False) -> Group:
        """Put items (laid out at unscrolled positions) in a clipped, scrollable region; returns the added Group.

        With stick_bottom the view follows new content at the bottom unless the player scrolled up.
        """
        self.scrolls[key] = ScrollView(0, int(content_h), rect[3], rect, stick_bottom)
        if not self.main_scroll or self.main_scroll not in self.scrolls:
            self.main_scroll = key
        group = Group(rect, tuple(items), key, int(content_h))
        self.dl.add(group)
        return group

    def offsets(self) -> dict[str, int]:
        """Current scroll offsets by view key."""
        return {k: v.offset for k, v in self.scrolls.items()}

    # ------------------------------------------------------------- drawing
    def draw_static(self, surface: pygame.Surface) -> None:
        """Blit the display list (cached by the App between changes), then a thumb on each scrolled view."""
        self.app.painter.draw(surface, self.dl, self.offsets())
        ctx = self.app.ctx
        for sv in self.scrolls.values():
            if sv.max_offset <= 0 or sv.view_h <= 0:
                continue
            x, y, w, h = sv.rect
            bar_w = max(4, ctx.m.gap // 2)
            thumb_h = max(ctx.m.body * 2, h * h // max(1, sv.content_h))
            ty = y + (h - thumb_h) * sv.offset // max(1, sv.max_offset)
            pygame.draw.rect(surface, ctx.c("surface_alt"), (x + w - bar_w - 2, y + 2, bar_w, h - 4), 0, bar_w // 2)
            pygame.draw.rect(surface, ctx.c("muted"), (x + w - bar_w - 2, ty, bar_w, thumb_h), 0, bar_w // 2)

    def draw_dynamic(self, surface: pygame.Surface) -> None:
        """Blit animated items over the static picture (typing dots, eases)."""

    def update(self, dt: float) -> bool:
        """Advance animations by dt seconds; True while animating."""
        return False

    # ------------------------------------------------------------- input
    def handle(self, intent: Intent) -> bool:
        """Default handling: focus moves, pointer, scroll, activate; Back calls back()."""
        if isinstance(intent, Focus):
            return self.move_focus(intent)
        if isinstance(intent, (Activate, Toggle)):
            if self.focus is not None:
                return self.activate(self.focus, intent)
            return False
        if isinstance(intent, Pointer):
            return self.pointer(intent)
        if isinstance(intent, Scroll):
            return self.scroll_by(intent)
        if isinstance(intent, Back):
            return self.back()
        if isinstance(intent, Submit):
            return False
        return False

    def activate(self, target: Hashable, intent: Intent) -> bool:
        """Press a control (subclasses)."""
        return False

    def back(self) -> bool:
        """Esc: close this scene when it was pushed over another (subclasses may differ)."""
        if len(self.app.scenes) > 1 and self.app.scenes.is_top(self):
            self.dismiss(None)
            return True
        return False

    def set_focus(self, target: Optional[Hashable]) -> None:
        """Focus a control, bring it into view and redraw."""
        if target != self.focus:
            self.focus = target
            self.invalidate()
            self._pending_reveal = target
        elif target is not None:
            self.reveal(target)

    def reveal(self, target: Hashable) -> None:
        """Scroll so the control is visible."""
        for f in self.focusables:
            if f.target == target and f.group in self.scrolls:
                sv = self.scrolls[f.group]
                top = f.rect[1] - sv.rect[1]
                margin = 12
                if top - margin < sv.offset:
                    sv.offset = top - margin
                elif top + f.rect[3] + margin > sv.offset + sv.view_h:
                    sv.offset = top + f.rect[3] + margin - sv.view_h
                sv.clamp()
                self.touch()
                return

    def move_focus(self, intent: Focus) -> bool:
        """Arrow keys move spatially; Tab moves in reading order. At an edge, arrows scroll."""
        if not self.focusables:
            if intent.dy:
                return self.scroll_by(Scroll(float(intent.dy) * 3))
            return False
        targets = [f.target for f in self.focusables]
        if self.focus not in targets:
            self.set_focus(targets[0])
            return True
        i = targets.index(self.focus)
        if intent.linear:
            self.set_focus(targets[(i + (1 if intent.dy >= 0 else -1)) % len(targets)])
            return True
        cur = self.focusables[i]
        cx, cy = cur.rect[0] + cur.rect[2] / 2, cur.rect[1] + cur.rect[3] / 2
        best: Optional[tuple[float, Hashable]] = None
        for f in self.focusables:
            if f.target == cur.target:
                continue
            fx, fy = f.rect[0] + f.rect[2] / 2, f.rect[1] + f.rect[3] / 2
            ddx, ddy = fx - cx, fy - cy
            along = ddx * intent.dx + ddy * intent.dy
            if along <= 1:
                continue
            across = abs(ddy) if intent.dx else abs(ddx)
            score = along + across * 2
            if best is None or score < best[0]:
                best = (score, f.target)
        if best is None:
            if intent.dy and self.scroll_by(Scroll(float(intent.dy) * 3)):
                return True
            return intent.dy != 0 or intent.dx != 0
        self.set_focus(best[1])
        return True

    def scroll_by(self, intent: Scroll) -> bool:
        """Scroll the view under the pointer (or the main view)."""
        return self.scroll_view_by(self._view_at(*self._pointer) or self.main_scroll, intent)

    def scroll_view_by(self, key: str, intent: Scroll) -> bool:
        """Scroll one view by a wheel step or a page; False when it has nothing to scroll."""
        sv = self.scrolls.get(key)
        if sv is None or sv.max_offset <= 0:
            return False
        step = sv.view_h * 0.85 if intent.page else self.app.ctx.m.body * 2.2
        old = sv.offset
        sv.offset = int(sv.offset + intent.dy * step)
        sv.clamp()
        if sv.offset != old:
            self.touch()
        return True

    def _view_at(self, x: int, y: int) -> str:
        for key, sv in self.scrolls.items():
            r = sv.rect
            if r[0] <= x < r[0] + r[2] and r[1] <= y < r[1] + r[3] and sv.max_offset > 0:
                return key
        return ""

    def pointer(self, p: Pointer) -> bool:
        """Hover focuses, press+release activates, drag scrolls."""
        self._pointer = (p.x, p.y)
        target = self.dl.hit_test(p.x, p.y, self.offsets())
        if p.pressed:
            self._press = (target, p.x, p.y) if target is not None else None
            view = self._view_at(p.x, p.y)
            self._drag_from = (p.x, p.y, view) if view else None
            self._dragged = False
            if target is not None and target in [f.target for f in self.focusables]:
                self.set_focus(target)
            return target is not None or bool(view)
        if p.held and self._drag_from is not None:
            x0, y0, key = self._drag_from
            if self._dragged or abs(p.y - y0) > 10:
                self._dragged = True
                sv = self.scrolls.get(key)
                if sv is not None:
                    sv.offset -= p.y - y0
                    sv.clamp()
                    self._drag_from = (p.x, p.y, key)
                    self.touch()
            return True
        if p.released:
            press, self._press = self._press, None
            dragged, self._dragged = self._dragged, False
            self._drag_from = None
            if press is not None and not dragged and target is not None and target == press[0]:
                return self.activate(target, Activate())
            return press is not None
        if target is not None and target != self.focus and target in [f.target for f in self.focusables]:
            self.focus = target
            self.invalidate()
            return True
        return False
