"""gettext for every UI string: `_()` and `ngettext()`; catalogs live in game/ui/locale/<lang>/LC_MESSAGES."""

from __future__ import annotations

import gettext as _gettext
from pathlib import Path

DOMAIN = "red_flag_radar"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"


class _Translator:
    """Holds the active translation; `use()` swaps it (English falls back to the source strings)."""

    def __init__(self) -> None:
        self.tr: _gettext.NullTranslations = _gettext.NullTranslations()
        self.lang = "en"

    def use(self, lang: str) -> None:
        self.lang = lang
        self.tr = _gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


_active = _Translator()


def set_language(lang: str) -> None:
    """Switch the UI language; missing catalogs fall back to English."""
    _active.use(lang)


def _(message: str) -> str:
    """Translate a UI string."""
    return _active.tr.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a UI string with a count."""
    return _active.tr.ngettext(singular, plural, n)
