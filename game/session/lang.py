"""The active UI language: gettext catalogs from game/ui/locale, the system default, numbers and dates for it."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Protocol

if TYPE_CHECKING:
    import datetime as _dt

DOMAIN = "red_flag_radar"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "ui" / "locale"
SOURCE_LANG = "en"
LANG_NAMES = {"en": "English", "es": "Español"}
"""Each language's name in its own language (the language choice shows these, never translated)."""


def catalog_paths(lang: str) -> tuple[Path, Path]:
    """The .po source and the compiled .mo of ``lang``."""
    folder = LOCALE_DIR / lang / "LC_MESSAGES"
    return folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"


_FOUND: dict[Path, tuple[str, ...]] = {}
"""The languages found in each catalog folder (looked up once a run: every language check asks)."""


def available_languages() -> list[str]:
    """English and every language with a catalog, English first."""
    found = _FOUND.get(LOCALE_DIR)
    if found is None:
        names = []
        if LOCALE_DIR.is_dir():
            for d in sorted(LOCALE_DIR.iterdir()):
                po, mo = catalog_paths(d.name)
                if d.name != SOURCE_LANG and (po.is_file() or mo.is_file()):
                    names.append(d.name)
        found = _FOUND[LOCALE_DIR] = tuple(names)
    return [SOURCE_LANG, *found]


def next_language(current: str) -> str:
    """The language after ``current`` among those with a catalog (English first), round and round."""
    langs = available_languages()
    return langs[(langs.index(current) + 1) % len(langs)] if current in langs else langs[0]


def normalize(lang: Optional[str]) -> Optional[str]:
    """'es_MX.UTF-8' / 'es-419' / 'ES' -> 'es' when that language is available, else None."""
    if not lang or not isinstance(lang, str):
        return None
    base = lang.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return base if base in available_languages() else None


def system_language() -> str:
    """The system locale's language when a catalog exists for it, else English (LANGUAGE, LC_ALL, LC_MESSAGES,
    LANG, then the OS's own setting: on Linux that is LC_CTYPE, read here without importing `locale`)."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for part in os.environ.get(var, "").split(":"):
            if part and part not in ("C", "POSIX"):
                return normalize(part) or SOURCE_LANG
    if sys.platform.startswith("linux"):  # Python's own locale there comes from these variables and no other place
        ctype = os.environ.get("LC_CTYPE", "")
        return normalize(ctype if ctype not in ("C", "POSIX", "C.UTF-8") else None) or SOURCE_LANG
    import locale as _locale  # only when no variable says (the OS's own setting: Windows, macOS apps)

    try:
        guess = _locale.getlocale()[0]
    except ValueError:
        guess = None
    return normalize(guess) or SOURCE_LANG


class Translations(Protocol):
    """What the UI asks of a catalog (gettext's translations, or the source strings as they are)."""

    def gettext(self, message: str) -> str: ...

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str: ...


class SourceStrings:
    """The source (English) strings as written: what gettext's NullTranslations does, without importing gettext
    before the first frame."""

    def gettext(self, message: str) -> str:
        return message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return msgid1 if n == 1 else msgid2


def _load(lang: str) -> Translations:
    """The compiled catalog of ``lang``; a .po newer than its .mo (or with no .mo, in a source checkout) is
    compiled in memory; English or a missing catalog gives the source strings."""
    if lang == SOURCE_LANG:
        return SourceStrings()
    import gettext as _gettext  # loads only for a language with a catalog

    po, mo = catalog_paths(lang)
    try:
        stale = po.is_file() and (not mo.is_file() or po.stat().st_mtime > mo.stat().st_mtime)
        if not stale and mo.is_file():
            with mo.open("rb") as fh:
                return _gettext.GNUTranslations(fh)
        if stale:
            from babel.messages.mofile import write_mo  # Babel loads only when a catalog must be built
            from babel.messages.pofile import read_po

            with po.open("rb") as fh:
                catalog = read_po(fh, locale=lang)
            buf = io.BytesIO()
            write_mo(buf, catalog)
            buf.seek(0)
            return _gettext.GNUTranslations(buf)
    except (OSError, ValueError):
        pass
    return SourceStrings()


class _Active:
    """The active language and its translation."""

    def __init__(self) -> None:
        self.lang = SOURCE_LANG
        self.tr: Translations = SourceStrings()


_active = _Active()


def set_language(lang: Optional[str]) -> str:
    """Switch the UI language (an unknown one gives English); returns the language now in use."""
    chosen = normalize(lang) or SOURCE_LANG
    if chosen != _active.lang:
        _active.tr = _load(chosen)
        _active.lang = chosen
    return chosen


def current_language() -> str:
    """The language in use ('en', 'es', ...)."""
    return _active.lang


def _(message: str) -> str:
    """Translate a UI string."""
    return _active.tr.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a UI string with a count."""
    return _active.tr.ngettext(singular, plural, n)


def format_number(value: float, digits: int = 0) -> str:
    """A number for the active language, grouped and with the decimal mark its locale uses."""
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    from babel.numbers import format_decimal

    return str(format_decimal(value, format=pattern, locale=_babel_locale()))


def format_percent(fraction: float) -> str:
    """A share as a whole percent for the active language ('75%'; '75 %' where the locale spaces it)."""
    from babel.numbers import format_percent as babel_percent

    return str(babel_percent(fraction, locale=_babel_locale()))


def format_date(day: _dt.date, style: str = "medium") -> str:
    """A date for the active language ('Dec 3, 2026' / '3 dic 2026')."""
    from babel.dates import format_date as babel_date

    return str(babel_date(day, format=style, locale=_babel_locale()))


def _babel_locale() -> str:
    """Babel's locale for the active language (Latin American Spanish for 'es')."""
    return {"en": "en_US", "es": "es_419"}.get(_active.lang, _active.lang)
