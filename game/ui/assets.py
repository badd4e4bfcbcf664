"""Caches for fonts, rendered text and images; created by App after the display mode is set."""

from __future__ import annotations

import io
from collections import OrderedDict
from pathlib import Path
from typing import Optional

import pygame

from ..content.safetext import clean
from ..session import log
from .theme import FONT_FILES, Color, art_dir

FontKey = tuple[str, int]
"""(style, pixel size): style is 'regular' or 'bold'."""


FONTS_KEPT = 40
"""Font objects kept at once (each holds its glyph cache, about 0.3 MB): a screen uses a dozen sizes, and a window
resized again and again, or the text scale changed, would otherwise keep every size it ever used."""


class FontCache:
    """pygame Font objects by (style, size) for the chosen font family (the least recently used dropped past
    `capacity`)."""

    def __init__(self, family: str = "default", capacity: int = FONTS_KEPT) -> None:
        self.family = family if family in FONT_FILES else "default"
        self.capacity = capacity
        self._fonts: OrderedDict[FontKey, pygame.font.Font] = OrderedDict()
        self._glyphs: dict[str, bool] = {}
        self.created = 0

    def set_family(self, family: str) -> None:
        """Switch the font family (drops the loaded fonts)."""
        family = family if family in FONT_FILES else "default"
        if family != self.family:
            self.family = family
            self._fonts.clear()
            self._glyphs.clear()

    def get(self, key: FontKey) -> pygame.font.Font:
        """The font for (style, size), loaded once."""
        font = self._fonts.get(key)
        if font is not None:
            self._fonts.move_to_end(key)
        else:
            style, size = key
            regular, bold = FONT_FILES[self.family]
            path = art_dir() / "fonts" / (bold if style == "bold" else regular)
            try:
                font = pygame.font.Font(path, max(6, int(size)))
            except (OSError, pygame.error):  # a broken install still shows text
                log.warning("font %s could not be loaded; using pygame's default font", path)
                font = pygame.font.Font(None, max(6, int(size)))
            if style == "bold" and bold == regular:
                font.bold = True
            self._fonts[key] = font
            self.created += 1
            while len(self._fonts) > self.capacity:
                self._fonts.popitem(last=False)
        return font

    def visible(self, text: str) -> str:
        """`text` without the characters the font cannot draw (emoji would show as empty boxes), control characters
        (a NUL cannot be drawn at all) or bidi overrides (an RLO could show a phone number backwards)."""
        text = clean(text)
        if all(ord(ch) < 0x2000 for ch in text):
            return text
        out = []
        for ch in text:
            ok = self._glyphs.get(ch)
            if ok is None:
                ok = self._has_glyph(ch)
                self._glyphs[ch] = ok
            out.append(ch if ok else "")
        cleaned = "".join(out)
        while "  " in cleaned and len(cleaned) < len(text):
            cleaned = cleaned.replace("  ", " ")
        return cleaned

    def _has_glyph(self, ch: str) -> bool:
        if ord(ch) < 0x2000 or ch.isspace():
            return True
        if ch in ("\u200d", "\ufe0f", "\ufe0e"):  # emoji joiners and variation selectors
            return False
        font = self.get(("regular", 16))
        try:
            missing = pygame.image.tobytes(font.render("\U000f0000", True, (0, 0, 0)), "RGBA")
            return pygame.image.tobytes(font.render(ch, True, (0, 0, 0)), "RGBA") != missing
        except (pygame.error, ValueError):
            return False

    def line_height(self, key: FontKey) -> int:
        """Distance between baselines of wrapped lines."""
        return self.get(key).get_linesize()

    def measure(self, key: FontKey, text: str) -> tuple[int, int]:
        """Width and height of one line of text."""
        return self.get(key).size(self.visible(text))


TextKey = tuple[str, str, int, Color, int, str]
"""(text, style, size, colour, wrap width, align)."""


class TextCache:
    """LRU cache of rendered text surfaces keyed by text, font, colour, wrap width and alignment.

    Bounded by pixel memory (`budget` bytes, 16 MB by default: two or three screens of text at 1080p; 24 MB put the
    peak of playing every story at 146-152 MB against a budget of 150), so long sessions keep a steady footprint.
    """

    def __init__(self, fonts: FontCache, budget: int = 16 * 2**20) -> None:
        self.fonts = fonts
        self.budget = budget
        self.bytes = 0
        self._items: OrderedDict[TextKey, pygame.Surface] = OrderedDict()
        self.renders = 0
        self.hits = 0

    def clear(self) -> None:
        """Drop every rendered surface (after a font or theme change)."""
        self._items.clear()
        self.bytes = 0

    def render(self, text: str, font: FontKey, color: Color, wrap: int = 0, align: str = "left") -> pygame.Surface:
        """The rendered text (from the cache when possible)."""
        key = (text, font[0], font[1], tuple(color), int(wrap), align)
        surf = self._items.get(key)  # type: ignore[arg-type]
        if surf is not None:
            self._items.move_to_end(key)  # type: ignore[arg-type]
            self.hits += 1
            return surf
        f = self.fonts.get(font)
        text = self.fonts.visible(text)
        rgb = tuple(color[:3])
        try:
            if wrap > 0:
                f.align = {"center": pygame.FONT_CENTER, "right": pygame.FONT_RIGHT}.get(align, pygame.FONT_LEFT)
                surf = f.render(text, True, rgb, None, max(1, int(wrap)))
                f.align = pygame.FONT_LEFT
            else:
                surf = f.render(text, True, rgb)
        except (pygame.error, ValueError):  # e.g. text too large for a surface
            surf = f.render(text[:200], True, rgb)
        if len(color) > 3 and color[3] < 255:
            surf.set_alpha(color[3])
        self._items[key] = surf  # type: ignore[index]
        self.renders += 1
        self.bytes += surf.get_width() * surf.get_height() * 4
        while self.bytes > self.budget and len(self._items) > 1:
            _k, old = self._items.popitem(last=False)
            self.bytes -= old.get_width() * old.get_height() * 4
        return surf

    def size(self, text: str, font: FontKey, color: Color, wrap: int = 0, align: str = "left") -> tuple[int, int]:
        """Size of the rendered text. Wrapped text is rendered with its real colour, so the later draw is a cache
        hit; one unwrapped line is only measured (a label is measured to size its button, then drawn wrapped to the
        button's width, so rendering it here would be thrown away)."""
        if wrap <= 0 and "\n" not in text:
            surf = self._items.get((text, font[0], font[1], tuple(color), 0, align))  # type: ignore[arg-type]
            if surf is not None:
                return surf.get_size()
            try:
                return self.fonts.get(font).size(self.fonts.visible(text))
            except (pygame.error, ValueError):
                pass
        return self.render(text, font, color, wrap, align).get_size()


class ImageCache:
    """Images by (path, size): loaded with convert_alpha (after set_mode) and scaled once."""

    def __init__(self, capacity: int = 64) -> None:
        self.capacity = capacity
        self._raw: dict[str, Optional[pygame.Surface]] = {}
        self._scaled: OrderedDict[tuple[str, int, int], pygame.Surface] = OrderedDict()
        self.warnings: list[str] = []

    def raw(self, path: Path | str) -> Optional[pygame.Surface]:
        """The image at its own size, or None (with a logged warning) when it cannot be loaded."""
        key = str(path)
        if key not in self._raw:
            from ..content.images import picture_problem  # the first picture loads it, not the title

            problem = picture_problem(Path(key))  # read the header first: never decode a picture bomb
            if problem is not None:
                msg = f"image '{key}' is not shown ({problem}); a placeholder is shown"
                log.warning(msg)
                self.warnings.append(msg)
                self._raw[key] = None
                return None
            try:
                img = pygame.image.load(key)
                self._raw[key] = img.convert_alpha() if pygame.display.get_surface() else img
            except (OSError, pygame.error, ValueError) as exc:
                msg = f"image '{key}' could not be loaded ({exc}); a placeholder is shown"
                log.warning(msg)
                self.warnings.append(msg)
                self._raw[key] = None
        return self._raw[key]

    def get(self, path: Path | str, w: int, h: int) -> Optional[pygame.Surface]:
        """The image scaled to fit w x h (aspect kept), or None."""
        key = (str(path), int(w), int(h))
        surf = self._scaled.get(key)
        if surf is not None:
            self._scaled.move_to_end(key)
            return surf
        img = self.raw(path)
        if img is None or w <= 0 or h <= 0:
            return None
        iw, ih = img.get_size()
        k = min(w / max(1, iw), h / max(1, ih))
        surf = pygame.transform.smoothscale(img, (max(1, int(iw * k)), max(1, int(ih * k))))
        self._scaled[key] = surf
        if len(self._scaled) > self.capacity:
            self._scaled.popitem(last=False)
        return surf


def save_png(surface: pygame.Surface, out: Path) -> None:
    """Save a surface as PNG atomically (the file holds the old picture or the new one, never half)."""
    from ..session.atomic import atomic_write_bytes

    buf = io.BytesIO()
    pygame.image.save(surface, buf, "picture.png")
    atomic_write_bytes(Path(out), buf.getvalue())
