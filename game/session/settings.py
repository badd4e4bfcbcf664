"""Player settings: a frozen dataclass that always holds valid values, kept in settings.json."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from .atomic import atomic_write_text, describe_os_error, move_aside
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


@dataclass(frozen=True)
class Settings:
    """Player settings; construction normalises every field, so an instance is always valid.

    ``lang`` is the language of the UI and the stories ('en', 'es', ... when a catalog exists); None means not
    chosen: the system locale's language when there is a catalog for it, else English. `play --lang` overrides it
    for one run."""

    text_scale: float = 1.0
    theme: str = "default"
    font: str = "default"
    reduced_motion: bool = False
    sound: bool = True
    fullscreen: bool = False
    typing_animation: bool = True
    nickname: Optional[str] = None
    lang: Optional[str] = None
    """UI and story language; None: the system's language when a catalog exists for it, else English."""
    class_text_scale: Optional[float] = None
    """Text size when leading a class; None means 125% or the player's own size if larger."""
    class_theme: str = "default"
    """Theme when leading a class (high contrast is a choice; projectors wash out dark themes)."""
    class_typing_animation: bool = False
    """Typing dots when leading a class: off unless chosen."""
    class_lang: Optional[str] = None
    """Language when leading a class; None means the player's own language."""

    def __post_init__(self) -> None:
        fix = object.__setattr__
        fix(self, "text_scale", _scale(self.text_scale))
        fix(self, "theme", _choice(self.theme, THEMES))
        fix(self, "font", _choice(self.font, FONTS))
        fix(self, "reduced_motion", _flag(self.reduced_motion, False))
        fix(self, "sound", _flag(self.sound, True))
        fix(self, "fullscreen", _flag(self.fullscreen, False))
        fix(self, "typing_animation", _flag(self.typing_animation, True))
        fix(self, "nickname", _nickname(self.nickname))
        fix(self, "lang", normalize(self.lang))
        fix(self, "class_lang", normalize(self.class_lang))
        fix(self, "class_text_scale", _opt_scale(self.class_text_scale))
        fix(self, "class_theme", _choice(self.class_theme, THEMES))
        fix(self, "class_typing_animation", _flag(self.class_typing_animation, False))

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
        """A copy with ``changes`` applied (and normalised)."""
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: Any) -> Settings:
        """Settings from loaded JSON: unknown keys ignored, bad values replaced by defaults, numbers clamped."""
        if not isinstance(data, Mapping):
            return cls()
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if isinstance(k, str) and k in names})


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

    data_dir = Path(data_dir)
    text = json.dumps(s.to_dict(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        atomic_write_text(data_dir / SETTINGS_FILE, text)
    except OSError as exc:
        return _("Settings not saved: {why}").format(why=describe_os_error(exc))
    return None
