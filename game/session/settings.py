"""Player settings: an immutable value that always holds valid values, kept in settings.json."""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Optional

from .lang import _, normalize, system_language

SETTINGS_FILE = "settings.json"
TEXT_SCALE_MIN = 1.0
TEXT_SCALE_MAX = 2.0
THEMES = ("default", "high_contrast")
FONTS = ("default", "hyperlegible", "dyslexic")
NICKNAME_MAX = 24


def _scale(value: Any) -> float:
    """A text scale clamped to 1.0..2.0; anything that is not a finite number gives 1.0."""
    if isinstance(value, bool):
        return 1.0
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            return 1.0
    if not isinstance(value, (int, float)):
        return 1.0
    try:
        number = float(value)
    except (OverflowError, ValueError):
        number = math.inf if value > 0 else -math.inf
    if math.isnan(number):
        return 1.0
    return min(TEXT_SCALE_MAX, max(TEXT_SCALE_MIN, number))


def _opt_scale(value: Any) -> Optional[float]:
    """A text scale, or None for "not chosen" (None, or anything that is not a number)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return _scale(value)


def _choice(value: Any, allowed: tuple[str, ...]) -> str:
    """``value`` when it is one of ``allowed``, else the first (default) one."""
    return value if isinstance(value, str) and value in allowed else allowed[0]


def _flag(value: Any, default: bool) -> bool:
    """A real bool, or ``default`` for anything else."""
    return value if isinstance(value, bool) else default


def _nickname(value: Any) -> Optional[str]:
    """A short printable nickname, or None (empty, too long, not text, control characters)."""
    if not isinstance(value, str):
        return None
    name = " ".join(value.split())
    if not name or len(name) > NICKNAME_MAX or not name.isprintable():
        return None
    return name


FIELDS = ("text_scale", "theme", "font", "reduced_motion", "sound", "fullscreen", "typing_animation", "nickname",
          "lang", "class_text_scale", "class_theme", "class_typing_animation", "class_lang")
"""The settings, in the order they are shown and saved."""


class FrozenSettingsError(AttributeError):
    """A Settings field was assigned to: settings change only by `replace`, which normalises the new values."""


class Settings:
    """Player settings; construction normalises every field, so an instance is always valid, and it never changes
    (`replace` makes a changed copy). Written out rather than a frozen dataclass: making that class costs about a
    millisecond at import, before the title's first frame.

    ``lang`` is the language of the UI and the stories ('en', 'es', ... when a catalog exists); None means not
    chosen: the system locale's language when there is a catalog for it, else English. `play --lang` overrides it
    for one run. ``class_text_scale`` is the text size when leading a class (None: 125 % or the player's own size if
    larger); ``class_theme`` the theme then (high contrast is a choice; projectors wash out dark themes);
    ``class_typing_animation`` typing dots then (off unless chosen); ``class_lang`` the language then (None: the
    player's own)."""

    __slots__ = FIELDS
    text_scale: float
    theme: str
    font: str
    reduced_motion: bool
    sound: bool
    fullscreen: bool
    typing_animation: bool
    nickname: Optional[str]
    lang: Optional[str]
    class_text_scale: Optional[float]
    class_theme: str
    class_typing_animation: bool
    class_lang: Optional[str]

    def __init__(self, text_scale: Any = 1.0, theme: Any = "default", font: Any = "default",
                 reduced_motion: Any = False, sound: Any = True, fullscreen: Any = False, typing_animation: Any = True,
                 nickname: Any = None, lang: Any = None, class_text_scale: Any = None, class_theme: Any = "default",
                 class_typing_animation: Any = False, class_lang: Any = None) -> None:
        fix = object.__setattr__
        fix(self, "text_scale", _scale(text_scale))
        fix(self, "theme", _choice(theme, THEMES))
        fix(self, "font", _choice(font, FONTS))
        fix(self, "reduced_motion", _flag(reduced_motion, False))
        fix(self, "sound", _flag(sound, True))
        fix(self, "fullscreen", _flag(fullscreen, False))
        fix(self, "typing_animation", _flag(typing_animation, True))
        fix(self, "nickname", _nickname(nickname))
        fix(self, "lang", normalize(lang))
        fix(self, "class_text_scale", _opt_scale(class_text_scale))
        fix(self, "class_theme", _choice(class_theme, THEMES))
        fix(self, "class_typing_animation", _flag(class_typing_animation, False))
        fix(self, "class_lang", normalize(class_lang))

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenSettingsError(f"cannot assign to field '{name}' (use replace)")

    def __delattr__(self, name: str) -> None:
        raise FrozenSettingsError(f"cannot delete field '{name}'")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in FIELDS)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return "Settings(" + ", ".join(f"{name}={getattr(self, name)!r}" for name in FIELDS) + ")"

    def for_class(self) -> Settings:
        """The settings a class sees on the projector: large type, the class theme, no typing dots unless chosen."""
        scale = self.class_text_scale if self.class_text_scale is not None else max(1.25, self.text_scale)
        return self.replace(text_scale=scale, theme=self.class_theme, typing_animation=self.class_typing_animation,
                            lang=self.class_lang or self.lang)

    @property
    def language(self) -> str:
        """The language in use: the chosen one, else the system's (when a catalog exists), else English."""
        return self.lang or system_language()

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied (and normalised); an unknown name raises TypeError."""
        return Settings(**{**self.to_dict(), **changes})

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {name: getattr(self, name) for name in FIELDS}

    @classmethod
    def from_dict(cls, data: Any) -> Settings:
        """Settings from loaded JSON: unknown keys ignored, bad values replaced by defaults, numbers clamped."""
        if not isinstance(data, Mapping):
            return cls()
        return cls(**{k: v for k, v in data.items() if isinstance(k, str) and k in FIELDS})


def load_settings(data_dir: Path) -> tuple[Settings, Optional[str]]:
    """Settings from ``data_dir/settings.json`` and a notice for the player, or None when all went well.

    Missing file: defaults, no notice. Damaged file: defaults, a notice, and the file kept as
    ``settings.json.bad-<timestamp>``. Unreadable file: defaults and a notice.
    """
    path = Path(data_dir) / SETTINGS_FILE
    try:
        raw = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):  # no file yet, or no folder to hold one
        return Settings(), None
    except OSError as exc:
        from .atomic import describe_os_error

        return Settings(), _("Settings could not be read ({why}), so the defaults are in use.").format(
            why=describe_os_error(exc)
        )
    import json  # only when there is a file to read (the first start has none)

    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        data = None
    if isinstance(data, dict):
        return Settings.from_dict(data), None
    from .atomic import move_aside  # (the file helpers load when a file is damaged or saved, not at start)

    try:
        kept = move_aside(path, "bad")
    except OSError:
        return Settings(), _("The settings file was damaged, so the defaults are in use.")
    notice = _("The settings file was damaged, so the defaults are in use. The old file was kept as {name}.")
    return Settings(), notice.format(name=kept.name)


def saved_language(data_dir: Path) -> str:
    """The language the saved settings say (else the system's), read without touching the file: a damaged one is
    left for `load_settings` to set aside and report."""
    import json

    try:
        data = json.loads((Path(data_dir) / SETTINGS_FILE).read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        data = None
    return Settings.from_dict(data).language


def save_settings(data_dir: Path, s: Settings) -> Optional[str]:
    """Write settings atomically; a notice such as "Settings not saved: ..." instead of raising."""
    import json

    from .atomic import atomic_write_text, describe_os_error

    data_dir = Path(data_dir)
    text = json.dumps(s.to_dict(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        atomic_write_text(data_dir / SETTINGS_FILE, text)
    except OSError as exc:
        return _("Settings not saved: {why}").format(why=describe_os_error(exc))
    return None
