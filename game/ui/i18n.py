"""gettext for every UI string: `_()` and `ngettext()` (the active language lives in game/session/lang.py)."""

from __future__ import annotations

from ..session.lang import DOMAIN, LOCALE_DIR, _, current_language, ngettext, set_language

__all__ = ["DOMAIN", "LOCALE_DIR", "_", "current_language", "ngettext", "set_language"]
