"""Settings: language, text size, theme, font, reduced motion, sound, fullscreen, typing animation, nickname,
clear data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Hashable, Optional

from ...session.lang import LANG_NAMES, format_percent, next_language
from ..display import Box, Circle, Hit, Icon, Item, Text
from ..i18n import _
from ..intents import Focus, Intent
from ..layout import Ctx
from ..notices import notice_block, saving_notices
from ..widgets import text_block
from .page import PageScene

if TYPE_CHECKING:  # (a type only: the title's first frame does not load it)
    from ..host import SceneHost

SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)


def step_buttons(ctx: Ctx, items: list[Item], right: int, y: int, bs: int) -> None:
    """The − and + buttons (size bs, top y) of the text size row, ending at `right`; targets ("text", -1 / 1)."""
    m = ctx.m
    for i, (sym, d) in enumerate((("\u2212", -1), ("+", 1))):
        bx = right - (2 - i) * (bs + m.gap // 2)
        items.append(Box((bx, y, bs, bs), ctx.c("primary_soft"), m.small_radius))
        items.append(Box((bx, y, bs, bs), ctx.c("primary"), m.small_radius, m.border))
        f = m.font("bold", m.h2)
        tw, tth = ctx.measure(sym, f, ctx.c("on_primary_soft"))
        items.append(Text(bx + (bs - tw) // 2, y + (bs - tth) // 2, sym, f, ctx.c("on_primary_soft"), 0, "left", tw,
                          tth))
        items.append(Hit((bx, y, bs, bs), ("text", d)))


def switch(ctx: Ctx, items: list[Item], x: int, y: int, on: bool) -> tuple[int, int]:
    """A toggle switch with an On/Off word (never colour alone); returns its size."""
    m = ctx.m
    h = round(m.body * 1.3)
    w = h * 2
    items.append(Box((x, y, w, h), ctx.c("primary" if on else "surface_alt"), h // 2))
    items.append(Box((x, y, w, h), ctx.c("primary" if on else "border"), h // 2, m.border))
    r = h // 2 - max(3, m.border + 1)
    cx = x + w - h // 2 if on else x + h // 2
    items.append(Circle((cx, y + h // 2), r, ctx.c("on_primary" if on else "muted")))
    label = _("On") if on else _("Off")
    font = m.font("bold", m.small)
    tw, th = ctx.measure(label, font, ctx.c("text"))
    items.append(Text(x + w + m.gap, y + (h - th) // 2, label, font, ctx.c("text"), 0, "left", tw, th))
    return w + m.gap + tw, h


class SettingsScene(PageScene):
    """Every change applies at once and is saved; Back returns to where the player was."""

    name = "settings"
    column_chars = 36

    def __init__(self, app: SceneHost) -> None:
        super().__init__(app)
        self.notice = ""

    def page_title(self) -> str:
        return _("Settings")

    def rows(self) -> list[tuple[str, str, str, Optional[bool]]]:
        """(target, label, value text, switch state or None)."""
        s = self.app.shown_settings  # leading a class: the projector's text size, contrast and typing
        fonts = {"default": _("Atkinson Hyperlegible"), "hyperlegible": _("Atkinson Hyperlegible"),
                 "dyslexic": _("Lexend (wider letters)")}
        return [
            ("text", _("Text size"), format_percent(s.text_scale), None),
            ("theme", _("High contrast"), "", s.theme == "high_contrast"),
            ("font", _("Font"), fonts.get(s.font, s.font), None),
            ("motion", _("Reduce motion"), "", s.reduced_motion),
            ("typing", _("Typing animation"), "", s.typing_animation),
            ("sound", _("Sound"), "", s.sound),
            ("fullscreen", _("Fullscreen (F11)"), "", s.fullscreen),
            ("nickname", _("Nickname"), s.nickname or _("none"), None),
            ("lang", _("Language"), LANG_NAMES.get(s.language, s.language), None),
        ]

    def column(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
        m = ctx.m
        y0 = y
        notes = saving_notices(self.app, open_store=True)
        if notes:  # "Progress is not being saved: ..." / "Settings not saved: ..." at the top, where it is seen
            y += notice_block(ctx, items, x, y, w, notes) + m.gap
        for target, label, value, state in self.rows():
            inner: list[Item] = []
            rh = round(m.body * 2.6)
            ty = y
            lw = w // 2
            th = text_block(ctx, inner, x + m.pad, ty + m.gap, lw - m.pad, label, style="bold")
            if state is not None:
                sw, sh = switch(ctx, inner, x + lw, y + m.gap, state)
                ch = sh
            else:
                ch = text_block(ctx, inner, x + lw, y + m.gap, w - lw - m.pad - (0 if target != "text" else
                                round(m.body * 5)), value)
                if target in ("lang", "font", "nickname"):
                    cs = round(m.body * 0.9)
                    inner.append(Icon((x + w - m.pad - cs, y + m.gap + (m.body - cs) // 2 + 2, cs, cs),
                                      "chevron_right", ctx.c("primary")))
                if target == "text":
                    bs = round(m.body * 1.8)
                    step_buttons(ctx, inner, x + w - m.pad, y + m.gap // 2, bs)
                    ch = max(ch, bs)
            rh = max(rh, th + 2 * m.gap, ch + 2 * m.gap)
            rect = (x, y, w, rh)
            self.add_row(ctx, items, inner, rect, target)
            y += rh + m.gap
        y += m.gap
        if self.app.classroom is not None:
            y += text_block(ctx, items, x, y, w, _(
                "Leading a class: language, text size, high contrast and typing animation here are the projector's, "
                "kept apart from your own."), role="muted", size=m.small) + m.gap
        y += text_block(ctx, items, x, y, w, _(
            "Lexend has wider letters and spacing that some readers with dyslexia find easier. "
            "Atkinson Hyperlegible makes similar letters (like I, l and 1) easy to tell apart."),
            role="muted", size=m.small) + m.pad
        r = self.add_button(ctx, items, x, y, w, _("Clear all data"), "clear", style="secondary", icon="cross")
        y += r[3] + m.gap
        if self.notice and self.notice not in notes:
            y += text_block(ctx, items, x, y, w, self.notice, role="caution") + m.gap
        r = self.add_button(ctx, items, x, y, w, _("Back"), "close", icon="chevron_left")
        return y + r[3] - y0

    def handle(self, intent: Intent) -> bool:
        if isinstance(intent, Focus) and intent.dx and not intent.linear:
            if self.focus == "text":
                self.step_text(intent.dx)
                return True
            if self.focus in ("lang", "theme", "font", "motion", "typing", "sound", "fullscreen"):
                self.activate(self.focus, intent)
                return True
        return super().handle(intent)

    def step_text(self, d: int) -> None:
        """Text size one step up or down (100% to 200%)."""
        cur = self.app.shown_settings.text_scale
        i = min(range(len(SCALES)), key=lambda k: abs(SCALES[k] - cur))
        i = max(0, min(len(SCALES) - 1, i + d))
        self.apply(text_scale=SCALES[i])

    def apply(self, **changes: object) -> None:
        """Apply and save a change."""
        notice = self.app.change_settings(**changes)
        self.notice = notice or ""
        self.invalidate()

    def activate(self, target: Hashable, intent: Intent) -> bool:
        s = self.app.shown_settings
        if isinstance(target, tuple) and target[0] == "text":
            self.set_focus("text")
            self.step_text(int(target[1]))
        elif target == "text":
            self.step_text(1 if s.text_scale < SCALES[-1] else -len(SCALES))
        elif target == "lang":
            self.apply(lang=next_language(s.language))
        elif target == "theme":
            self.apply(theme="default" if s.theme == "high_contrast" else "high_contrast")
        elif target == "font":
            self.apply(font="dyslexic" if s.font != "dyslexic" else "default")
        elif target == "motion":
            self.apply(reduced_motion=not s.reduced_motion)
        elif target == "typing":
            self.apply(typing_animation=not s.typing_animation)
        elif target == "sound":
            self.apply(sound=not s.sound)
        elif target == "fullscreen":
            self.apply(fullscreen=not s.fullscreen)
        elif target == "nickname":
            from .nickname import NicknameScene

            self.app.push(NicknameScene(self.app))
        elif target == "clear":
            from .dialog import ConfirmScene

            self.app.push(ConfirmScene(self.app, _("Clear all data?"), _(
                "This deletes every nickname, star, badge and class record on this computer. It cannot be undone."),
                yes=_("Clear all data"), no=_("Keep my data")), self._clear)
        elif target == "close":
            return self.back()
        else:
            return super().activate(target, intent)
        return True

    def _clear(self, yes: object) -> None:
        if yes is not True:
            return
        try:
            self.app.store.clear_all()
            self.notice = _("All data was cleared.")
            for scene in self.app.scenes:  # a story still open below keeps nothing more either
                forget = getattr(getattr(scene, "session", None), "forget", None)
                if callable(forget):
                    forget()
        except Exception:  # noqa: BLE001
            self.notice = _("The data could not be cleared. Please try again.")
        self.app.apply_settings(self.app.settings.replace(nickname=None))
        self.invalidate()

    def back(self) -> bool:
        if len(self.app.scenes) > 1:
            self.dismiss(None)
        else:
            self.app.go_title()
        return True
