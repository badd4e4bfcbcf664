"""'Lead a class': an optional class label (never a student's name) and the projector settings, then the picker."""

from __future__ import annotations

from typing import TYPE_CHECKING, Hashable, Optional

from ...session.classroom import LABEL_MAX, clean_label
from ...session.lang import LANG_NAMES, available_languages, format_percent, next_language
from ..display import Icon, Item
from ..i18n import _
from ..intents import Focus, Intent, TextInput
from ..layout import Ctx
from ..text_field import TextField
from ..widgets import text_block
from .page import PageScene
from .settings import SCALES, step_buttons, switch

if TYPE_CHECKING:
    from ..host import SceneHost

class ClassSetupScene(PageScene):
    """Type a class label (optional), check the projector settings, and go on to choose a story."""

    name = "class-setup"
    wants_text = True
    column_chars = 34

    def __init__(self, app: SceneHost) -> None:
        super().__init__(app)
        label = app.opts.class_label or app.last_class_label or ""
        self.entry = TextField(LABEL_MAX, clean_label(label) or "")
        self.notice = ""

    @property
    def value(self) -> str:
        """The class label typed so far."""
        return self.entry.value

    def page_title(self) -> str:
        return _("Lead a class")

    def default_focus(self, targets: list[Hashable]) -> Hashable:
        return "field"

    def class_scale(self) -> float:
        """The text size the projector will use."""
        s = self.app.settings
        return s.class_text_scale if s.class_text_scale is not None else max(1.25, s.text_scale)

    def class_language(self) -> str:
        """The language the projector will use."""
        s = self.app.settings
        return s.class_lang or s.language

    def column(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
        m = ctx.m
        y0 = y
        y += text_block(ctx, items, x, y, w, _("Lead a class"), style="bold", size=m.h1) + m.gap
        y += text_block(ctx, items, x, y, w, _(
            "The class reads the story together and votes by show of hands. You enter the counts, and the vote "
            "decides where the story goes.")) + m.pad
        y += text_block(ctx, items, x, y, w, _("Class label (optional)"), style="bold") + m.gap // 2
        y += self.field(ctx, items, x, y, w) + m.gap
        y += text_block(ctx, items, x, y, w, self.notice or _(
            "For example \u201cPeriod 3\u201d. It helps you find this lesson in the class report. "
            "Never type a student's name."), role="caution" if self.notice else "muted", size=m.small) + m.pad
        y += text_block(ctx, items, x, y, w, _("On the projector"), style="bold") + m.gap // 2
        s = self.app.settings
        rows: list[tuple[str, str, Optional[bool], str]] = [
            ("contrast", _("High contrast"), s.class_theme == "high_contrast", ""),
            ("typing", _("Typing animation"), s.class_typing_animation, ""),
            ("devices", _("Let students join"), self.app.devices_wanted, ""),
            ("text", _("Text size"), None, format_percent(self.class_scale())),
        ]
        if len(available_languages()) > 1:
            rows.insert(0, ("lang", _("Language"), None, LANG_NAMES.get(self.class_language(), self.class_language())))
        for target, label, state, value in rows:
            rh = round(m.body * 2.4)
            inner: list[Item] = []
            text_block(ctx, inner, x + m.pad, y + (rh - m.body) // 2 - 2, w // 2 - m.pad, label, style="bold")
            if state is not None:
                sw, sh = switch(ctx, inner, x + w // 2, y + (rh - round(m.body * 1.3)) // 2, state)
            else:
                text_block(ctx, inner, x + w // 2, y + (rh - m.body) // 2 - 2, w // 4 if target == "text" else
                           w // 2 - m.pad - m.body, value)
                if target == "text":
                    bs = round(m.body * 1.7)
                    step_buttons(ctx, inner, x + w - m.pad, y + (rh - bs) // 2, bs)
                else:
                    cs = round(m.body * 0.9)
                    inner.append(Icon((x + w - m.pad - cs, y + (rh - cs) // 2, cs, cs), "chevron_right",
                                      ctx.c("primary")))
            rect = (x, y, w, rh)
            self.add_row(ctx, items, inner, rect, target)
            y += rh + m.gap
        y += m.gap
        r = self.add_button(ctx, items, x, y, w, _("Choose a story"), "start", icon="chevron_right", hint=_("Enter"))
        y += r[3] + m.gap
        r = self.add_button(ctx, items, x, y, w, _("Radar check first (before the first story)"), "radar",
                            style="secondary", icon="search")
        y += r[3] + m.gap
        r = self.add_button(ctx, items, x, y, w, _("Everyone plays on their own device"), "everyone",
                            style="secondary", icon="phone")
        y += r[3] + m.gap
        r = self.add_button(ctx, items, x, y, w, _("Back"), "back", style="secondary", icon="chevron_left",
                            hint="Esc")
        return y + r[3] - y0

    def field(self, ctx: Ctx, items: list[Item], x: int, y: int, w: int) -> int:
        """The label field with its caret; returns its height."""
        rect = self.entry.draw(ctx, items, x, y, w, self.focus == "field", _("for example: Period 3"))
        self.add_focus("field", rect, "page")
        return rect[3]

    def handle(self, intent: Intent) -> bool:
        if isinstance(intent, TextInput) and self.focus != "field":
            if intent.text == " " and self.focus is not None:
                return self.activate(self.focus, intent)
            if intent.text in ("+", "-", "=") and self.focus == "text":
                self.step_text(-1 if intent.text == "-" else 1)
            return True
        edit = self.entry.handle(intent)  # typing in the field, or Backspace wherever the focus is
        if edit is not None:
            self.notice = _("That is as long as a class label can be.") if edit == "full" else ""
            self.invalidate()
            return True
        if isinstance(intent, Focus) and intent.dx and not intent.linear and self.focus == "text":
            self.step_text(intent.dx)
            return True
        return super().handle(intent)

    def primary(self) -> Hashable:
        return "start" if self.focus in (None, "field") else self.focus

    def step_text(self, d: int) -> None:
        """The projector's text size one step up or down."""
        cur = self.class_scale()
        i = min(range(len(SCALES)), key=lambda k: abs(SCALES[k] - cur))
        i = max(0, min(len(SCALES) - 1, i + d))
        self.app.apply_settings(self.app.settings.replace(class_text_scale=SCALES[i]))
        self.invalidate()

    def activate(self, target: Hashable, intent: Intent) -> bool:
        s = self.app.settings
        if target in ("field", "start"):
            self.start()
        elif target == "contrast":
            self.app.apply_settings(s.replace(class_theme="default" if s.class_theme == "high_contrast"
                                              else "high_contrast"))
        elif target == "typing":
            self.app.apply_settings(s.replace(class_typing_animation=not s.class_typing_animation))
        elif target == "lang":
            self.app.apply_settings(s.replace(class_lang=next_language(self.class_language())))
        elif target == "devices":
            self.app.devices_wanted = not self.app.devices_wanted
        elif isinstance(target, tuple) and target[0] == "text":
            self.set_focus("text")
            self.step_text(int(target[1]))
        elif target == "text":
            self.step_text(1 if self.class_scale() < SCALES[-1] else -len(SCALES))
        elif target == "radar":
            from .radar import RadarIntroScene

            self.start()
            self.app.push(RadarIntroScene(self.app, "before"))
            return True
        elif target == "everyone":  # every student plays the story on a phone or Chromebook
            from .picker import PickerScene
            from .plays_setup import PlaysSetupScene

            self.app.start_class(self.value)
            self.app.replace(PickerScene(self.app))
            self.app.push(PlaysSetupScene(self.app))
            return True
        elif target == "back":
            return self.back()
        else:
            return super().activate(target, intent)
        self.invalidate()
        return True

    def start(self) -> None:
        """Enter class mode with the label and go on to the picker."""
        from .picker import PickerScene

        self.app.start_class(self.value)
        self.app.replace(PickerScene(self.app))
        if self.app.devices_wanted:  # the room opens with the class; its join screen comes first
            from ..devices import open_room
            from .room import RoomScene

            open_room(self.app)  # type: ignore[arg-type]
            self.app.push(RoomScene(self.app))

    def back(self) -> bool:
        self.dismiss(None)
        return True
