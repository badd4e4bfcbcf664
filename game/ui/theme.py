"""Theme tokens by role, loaded from art/themes/*.yaml into a frozen Theme; WCAG contrast helpers."""

from __future__ import annotations

import functools
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping, NamedTuple, Optional

Color = tuple[int, int, int, int]

THEMES = ("default", "high_contrast")
"""Theme names a player can pick (files in art/themes)."""

AVATAR_COUNT = 6
"""Avatar disc colours per theme (`avatar_1` ... `avatar_6`)."""

TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("text", "bg"), ("text", "surface"), ("text", "surface_alt"), ("muted", "surface"), ("muted", "bg"),
    ("muted", "surface_alt"), ("on_primary", "primary"), ("primary", "surface"), ("primary", "bg"),
    ("on_primary_soft", "primary_soft"), ("text", "primary_soft"),
    ("on_bubble_them", "bubble_them"), ("on_bubble_me", "bubble_me"),
    ("flag", "surface"), ("flag", "flag_soft"), ("text", "flag_soft"), ("flag", "bg"),
    ("safe", "surface"), ("safe", "safe_soft"), ("text", "safe_soft"), ("safe", "bg"),
    ("caution", "surface"), ("caution", "caution_soft"), ("text", "caution_soft"),
    ("on_topbar", "topbar"), ("on_disabled", "disabled"), ("on_frame", "frame"), ("on_notes", "notes_bg"),
    *(("on_app", f"app_{k}") for k in ("chattr", "picstream", "gigboard", "swapspot", "questline", "hush", "mailbox",
                                       "messages", "settings", "other")),
    *(("on_avatar", f"avatar_{k}") for k in range(1, AVATAR_COUNT + 1)), ("on_flag", "flag"),
    ("muted", "safe_soft"), ("muted", "caution_soft"), ("muted", "primary_soft"),
)
"""Every (text role, background role) pair the UI draws; tests check each for contrast."""

GRAPHIC_PAIRS: tuple[tuple[str, str], ...] = (
    ("star_edge", "surface"), ("star_edge", "bg"), ("star_edge", "safe_soft"), ("star_edge", "caution_soft"),
    ("radar", "surface"), ("radar", "bg"), ("flag", "flag_soft"),
)
"""Shapes that must read without text (a star's outline, the radar's rings): WCAG 1.4.11 asks 3:1."""

FONT_FILES: Mapping[str, tuple[str, str]] = MappingProxyType({
    "default": ("AtkinsonHyperlegible-Regular.ttf", "AtkinsonHyperlegible-Bold.ttf"),
    "hyperlegible": ("AtkinsonHyperlegible-Regular.ttf", "AtkinsonHyperlegible-Bold.ttf"),
    "dyslexic": ("Lexend-Variable.ttf", "Lexend-Variable.ttf"),
})
"""Settings font name -> (regular file, bold file) in art/fonts. Lexend has one variable file (bold is synthetic)."""


def parse_color(value: str) -> Color:
    """'#RRGGBB' or '#RRGGBBAA' to an RGBA tuple."""
    s = str(value).strip().lstrip("#")
    if len(s) not in (6, 8) or any(ch not in "0123456789abcdefABCDEF" for ch in s):
        raise ValueError(f"not a colour: {value!r}")
    r, g, b = int(s[0:2], 16), int(s[2:4], 16), int(s[4:6], 16)
    a = int(s[6:8], 16) if len(s) == 8 else 255
    return (r, g, b, a)


def luminance(c: Color) -> float:
    """WCAG relative luminance of an sRGB colour."""
    def chan(v: int) -> float:
        x = v / 255
        return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4
    return 0.2126 * chan(c[0]) + 0.7152 * chan(c[1]) + 0.0722 * chan(c[2])


def contrast(a: Color, b: Color) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    la, lb = luminance(a), luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


class Theme(NamedTuple):
    """Colours by role and base sizes (pixels at 1920x1080), read from a theme file."""

    name: str
    colors: Mapping[str, Color]
    sizes: Mapping[str, int] = MappingProxyType({})

    def c(self, role: str) -> Color:
        """The colour for a role; an unknown role is a loud magenta in development, never a crash."""
        return self.colors.get(role, (255, 0, 255, 255))

    def size(self, name: str, default: int = 0) -> int:
        """A base size in pixels at 1080p."""
        return int(self.sizes.get(name, default))

    @property
    def high_contrast(self) -> bool:
        """True for the high-contrast theme (thicker outlines, bordered bubbles)."""
        return self.name == "high_contrast"


@functools.cache
def art_dir() -> Path:
    """Shipped art (fonts, themes): inside an installed wheel, else the checkout (as game.content.catalog does,
    without importing the content model, so the first frame comes fast)."""
    inside = Path(__file__).resolve().parent.parent / "art"
    return inside if inside.is_dir() else Path(__file__).resolve().parent.parent.parent / "art"


def theme_path(name: str) -> Path:
    """The file of a named theme."""
    return art_dir() / "themes" / f"{name}.yaml"


def read_flat_yaml(text: str) -> Optional[dict[str, Any]]:
    """Read the simple form theme files use (top-level `key: value` and one level of `key: value` sections,
    `#` comments) without importing PyYAML; None when the text is anything else."""
    out: dict[str, Any] = {}
    section: Optional[dict[str, Any]] = None
    for raw in text.splitlines():
        line = raw.split(" #", 1)[0].rstrip() if not raw.lstrip().startswith("#") else ""
        if not line.strip():
            continue
        indented = line[0] in " \t"
        key, sep, value = line.strip().partition(":")
        if not sep or not key.replace("_", "").isalnum():
            return None
        value = value.strip()
        if value[:1] in ('"', "'"):
            if len(value) < 2 or value[-1] != value[0]:
                return None
            value = value[1:-1]
        elif value and not value.replace("_", "").replace(".", "").replace("-", "").isalnum():
            return None
        if indented:
            if section is None or not value:
                return None
            section[key] = value
        elif value:
            out[key] = value
            section = None
        else:
            section = out[key] = {}
    return out


def load_theme(name: str) -> Theme:
    """Load a theme by name; an unknown name falls back to the default theme."""
    path = theme_path(name if name in THEMES else "default")
    text = path.read_text(encoding="utf-8")
    data = read_flat_yaml(text)
    if data is None:  # not the simple form: use the full YAML reader
        import yaml

        data = yaml.safe_load(text) or {}
    colors = {str(k): parse_color(v) for k, v in (data.get("colors") or {}).items()}
    sizes = {str(k): int(v) for k, v in (data.get("sizes") or {}).items()}
    return Theme(str(data.get("name", name)), MappingProxyType(colors), MappingProxyType(sizes))
