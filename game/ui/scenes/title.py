"""Title screen: a radar sweeping for red flags, the game's name large, one line of what it is, and big buttons."""

from __future__ import annotations

from typing import TYPE_CHECKING, Hashable, Optional

import pygame

from ...session.lang import LANG_NAMES, next_language
from ..display import Item, RectT, shifted
from ..i18n import _
from ..intents import Intent, OpenSettings, Quit
from ..layout import Ctx
from ..notices import notice_block, saving_notices
from ..radar_art import ACTIVE_S, REST_DEG, SWEEP_S, RadarArt
from ..widgets import text_block
from .page import PageScene, bottom_bar, top_bar

if TYPE_CHECKING:  # (a type only: the title's first frame does not load it)
    from ..host import SceneHost


class TitleScene(PageScene):
    """Play / Radar check / Lead a class / Settings / Get help / Quit / the other language, beside the radar motif."""

    name = "title"
    column_chars = 22

    def __init__(self, app: SceneHost) -> None:
        super().__init__(app)
        self.art = RadarArt()
        self.angle = float(REST_DEG)
        self.idle = 0.0
        self.radar_at: Optional[tuple[int, int, int]] = None
        """Where the motif sits: centre x, centre y (unscrolled) and size; None when there is no room."""
        self.radar_in_page = False
        """True when the motif sits in the scrolling column (narrow windows) rather than beside it."""
        self._art_due: Optional[tuple] = None
        """The motif's size and colours, to draw into its cached layers on the next update."""
        self.focus = "play"  # focused from the start: the first layout is built once, not twice

    # ------------------------------------------------------------- layout
    def build(self, ctx: Ctx) -> None:
        m = ctx.m
        top = top_bar(self, ctx, "")
        bottom = bottom_bar(self, ctx, self.status())
        area: RectT = (0, top, m.w, m.h - top - bottom)
        self.radar_at = None
        col_w = min(m.w - 2 * m.pad, round(m.body * self.column_chars))
        radar_min = max(round(m.body * 9), round(m.w * 0.3))
        side = m.w - 3 * m.pad - radar_min >= m.body * 15 and area[3] >= m.body * 9
        if side:  # beside the radar the column may be narrower (large text), never under 15 ems
            col_w = min(col_w, m.w - 3 * m.pad - radar_min)
        items: list[Item] = []
        if side:  # the radar on the left, the name and buttons on the right
            left_w = m.w - col_w - 3 * m.pad
            size = min(left_w - 2 * m.pad, area[3] - 2 * m.pad, round(m.h * 0.62))
            gap_x = max(m.pad, (m.w - size - col_w) // 3)
            x = gap_x * 2 + size
            first = len(self.focusables)
            h = self.column(ctx, items, x, top + m.pad, col_w) + m.pad
            if h + m.pad < area[3]:  # centre the column in the window's height when it fits: move it down
                dy = (area[3] - h - m.pad) // 2
                items = [shifted(it, dy) for it in items]
                self.focusables[first:] = [f._replace(rect=(f.rect[0], f.rect[1] + dy, f.rect[2], f.rect[3]))
                                           for f in self.focusables[first:]]
                h += dy
            self.radar_at = (gap_x + size // 2, top + area[3] // 2, size)
            self.radar_in_page = False
        else:  # narrow: a smaller radar above the name, in the scrolling column
            x = (m.w - col_w) // 2
            size = min(col_w, round(area[3] * 0.3))
            y0 = top + m.pad
            if size >= m.body * 4:
                self.radar_at = (m.w // 2, y0 + size // 2, size)
                self.radar_in_page = True
                y0 += size + m.gap
            h = self.column(ctx, items, x, y0, col_w) + m.pad + (y0 - top - m.pad)
        self.scroll_view("page", area, items, h + m.pad)
        self._art_due = None
        if self.radar_at is not None:  # drawn on the next update: the title's first frame never waits for it
            self._art_due = (self.radar_at[2], ctx.c("radar"), ctx.c("radar_soft"), ctx.c("flag"), ctx.c("muted"),
                             ctx.c("surface"))

    # ------------------------------------------------------------- motion
    @property
    def sweeping(self) -> bool:
        """True while the sweep turns: animation on, and less than ACTIVE_S since the title appeared or input."""
        return self.app.animate and self.idle < ACTIVE_S

    def update(self, dt: float) -> bool:
        if self._art_due is not None:  # the motif's layers, once per size and theme (after the first frame)
            self.art.prepare(*self._art_due)
            self.art.turn(self.angle)
            self._art_due = None
            self.touch()  # one more frame with the motif; nothing animates because of it
        if not self.sweeping:
            return False
        self.idle += dt
        self.angle = (self.angle + 360.0 * dt / SWEEP_S) % 360.0
        self.art.turn(self.angle)
        return True

    def handle(self, intent: Intent) -> bool:
        self.idle = 0.0  # any input wakes the sweep again for a while
        return super().handle(intent)

    def resume(self, result: object = None) -> None:
        self.idle = 0.0
        super().resume(result)

    def _radar_center(self) -> Optional[tuple[int, int]]:
        if self.radar_at is None:
            return None
        cx, cy, _s = self.radar_at
        if self.radar_in_page:
            cy -= self.scrolls["page"].offset if "page" in self.scrolls else 0
        return cx, cy

    def _clip(self, surface: pygame.Surface) -> Optional[pygame.Rect]:
        sv = self.scrolls.get("page")
        return pygame.Rect(sv.rect) if (self.radar_in_page and sv is not None) else None

    def draw_static(self, surface: pygame.Surface) -> None:
        """The page, then the radar's base from its cached layer (and its sweep at rest when nothing moves)."""
        super().draw_static(surface)
        center = self._radar_center()
        if center is None:
            return
        old = surface.get_clip()
        clip = self._clip(surface)
        if clip is not None:
            surface.set_clip(clip.clip(old))
        self.art.blit(surface, center, sweep=not self.app.animate)
        surface.set_clip(old)

    def draw_dynamic(self, surface: pygame.Surface) -> None:
        """The sweep at its current angle, from its cached picture (only while animation is on)."""
        center = self._radar_center()
        if center is None or not self.app.animate:
            return
        old = surface.get_clip()
        clip = self._clip(surface)
        if clip is not None:
            surface.set_clip(clip.clip(old))
        self.art.blit(surface, center, base=False)
        surface.set_clip(old)

    def page_title(self) -> str:
        return _("Red Flag Radar")

    def status(self) -> str:
        nick = self.app.settings.nickname
        return _("Playing as {name}").format(name=nick) if nick else ""

    def column(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
        m = ctx.m
        y0 = y
        name = _("Red Flag Radar")
        size = round(m.display * 1.25)
        if ctx.measure(name, m.font("bold", size), ctx.c("text"))[0] > w:  # one line when it can be
            size = m.display
        y += text_block(ctx, items, x, y, w, name, style="bold", size=size, align="center")
        y += m.gap
        y += text_block(ctx, items, x, y, w, _("Spot the warning signs online, and learn what helps."),
                        role="muted", align="center") + m.pad
        for label, target, style, icon in (
            (_("Play"), "play", "primary", "play"),
            (_("Radar check"), "radar", "secondary", "search"),
            (_("Lead a class"), "lead", "secondary", "people"),
            (_("Settings"), "settings", "secondary", "gear"),
            (_("Get help"), "help_page", "secondary", "help"),
            (_("Quit"), "quit", "secondary", "exit"),
        ):
            r = self.add_button(ctx, items, x, y, w, label, target, style=style, icon=icon)
            y += r[3] + m.gap
        other = next_language(self.app.settings.language)
        if other != self.app.settings.language:  # each language's own name: found by those who need it
            r = self.add_button(ctx, items, x, y, w, LANG_NAMES.get(other, other), "lang", style="secondary",
                                icon="globe")
            y += r[3] + m.gap
        notes = saving_notices(self.app)
        if notes:
            y += notice_block(ctx, items, x, y, w, notes)
        return y - y0 - m.gap

    def activate(self, target: Hashable, intent: Intent) -> bool:
        if target == "play":
            self.app_play()
            return True
        if target == "lang":
            self.app.change_settings(lang=next_language(self.app.settings.language))
            self.focus = "lang"
            return True
        if target == "settings":
            self.app.dispatch(OpenSettings())
            return True
        if target == "help_page":
            from .help import HelpScene

            self.app.push(HelpScene(self.app, None))
            return True
        if target == "quit":
            self.app.dispatch(Quit())
            return True
        if target == "radar":
            from .radar import RadarIntroScene

            self.app.push(RadarIntroScene(self.app))
            return True
        if target == "lead":
            from .class_setup import ClassSetupScene

            self.app.push(ClassSetupScene(self.app))
            return True
        return super().activate(target, intent)

    def app_play(self) -> None:
        """Play: ask for a nickname once per run (skippable), then the picker."""
        from .nickname import NicknameScene
        from .picker import PickerScene

        if not self.app.asked_nickname and not self.app.settings.nickname:
            self.app.asked_nickname = True
            self.app.push(NicknameScene(self.app, then_picker=True))
        else:
            self.app.push(PickerScene(self.app))

    def back(self) -> bool:
        return True  # Esc on the title does nothing (Quit is a button)
