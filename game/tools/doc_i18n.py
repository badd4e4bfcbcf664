"""The printed documents (guide, report, CSV) in the teacher's language: a gettext catalog of their own (domain
'documents', game/tools/locale/<lang>/LC_MESSAGES/documents.po), from the templates' {% trans %} / _() and
D_() in game/tools. `python -m game.tools.doc_i18n extract|check [LANG]` (see docs/authoring.md)."""

from __future__ import annotations

import argparse
import gettext
import io
import sys
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Optional

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from ..session.atomic import atomic_write_bytes

DOMAIN = "documents"
TOOLS_DIR = Path(__file__).resolve().parent
LOCALE_DIR = TOOLS_DIR / "locale"
POT_FILE = LOCALE_DIR / f"{DOMAIN}.pot"
SOURCE_LANG = "en"
METHODS = [("templates/**.j2", "jinja2.ext:babel_extract"), ("**.py", "python")]
OPTIONS = {"templates/**.j2": {"extensions": "jinja2.ext.i18n", "trimmed": "true", "newstyle_gettext": "true"}}
KEYWORDS = {"D_": None, "N_": None, "DP_": ((1, "c"), 2), "NP_": ((1, "c"), 2), "_": None, "gettext": None,
            "ngettext": (1, 2)}
"""D_() in the tools' Python (the UI's _() is another catalog: the tools never call it), N_() to mark a word
translated later; _() in the templates."""


def base_language(lang: Optional[str]) -> str:
    """'es' for 'es', 'es-MX', 'es_419'; English for None."""
    return (lang or SOURCE_LANG).replace("_", "-").split("-")[0].lower()


def po_path(lang: str) -> Path:
    """The documents catalog of a language."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages() -> list[str]:
    """English and every language with a documents catalog."""
    found = sorted(d.name for d in LOCALE_DIR.iterdir() if po_path(d.name).is_file()) if LOCALE_DIR.is_dir() else []
    return [SOURCE_LANG, *found]


@lru_cache(maxsize=8)
def translations(lang: Optional[str]) -> gettext.NullTranslations:
    """The compiled documents catalog (built in memory from the .po); the source words for English or a language
    without a catalog."""
    base = base_language(lang)
    po = po_path(base)
    if base == SOURCE_LANG or not po.is_file():
        return gettext.NullTranslations()
    with po.open("rb") as fh:
        catalog = read_po(fh, locale=base, domain=DOMAIN)
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return gettext.GNUTranslations(buf)


class _Active:
    lang: str = SOURCE_LANG


_active = _Active()


@contextmanager
def documents_in(lang: Optional[str]) -> Iterator[str]:
    """Write documents in ``lang`` (English when it has no catalog) inside the block; yields the language used."""
    before = _active.lang
    base = base_language(lang)
    _active.lang = base if base in languages() else SOURCE_LANG
    try:
        yield _active.lang
    finally:
        _active.lang = before


def document_language() -> str:
    """The language documents are being written in."""
    return _active.lang


def D_(message: str) -> str:
    """A document word in the active document language."""
    return translations(_active.lang).gettext(message)


def DP_(context: str, message: str) -> str:
    """A document word with a context (e.g. "csv column"), in the active document language."""
    return translations(_active.lang).pgettext(context, message)


def NP_(context: str, message: str) -> str:
    """Mark a word with a context for the catalog without translating it (translated later by DP_())."""
    return message


def N_(message: str) -> str:
    """Mark a document word for the catalog without translating it yet (a table's values, translated by D_())."""
    return message


def extract() -> Catalog:
    """Every message of the templates and every D_() string in game/tools."""
    cat = Catalog(project="Red Flag Radar documents", domain=DOMAIN, charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
            str(TOOLS_DIR), method_map=METHODS, options_map=OPTIONS, keywords=KEYWORDS,
            comment_tags=("Translators:",), strip_comment_tags=True):
        if filename.endswith(".py") and Path(filename).name == "doc_i18n.py":
            continue
        cat.add(message, None, [(f"game/tools/{filename}", lineno)], auto_comments=comments, context=context)
    return cat


def problems(lang: str) -> list[str]:
    """Messages of the documents that the language's catalog lacks, leaves empty or marks fuzzy."""
    with po_path(lang).open("rb") as fh:
        cat = read_po(fh, locale=lang, domain=DOMAIN)
    out = []
    for msg in extract():
        if not msg.id:
            continue
        found = cat.get(msg.id, context=msg.context)
        if found is None:
            out.append(f"missing: {msg.id!r}")
        elif found.fuzzy:
            out.append(f"fuzzy: {msg.id!r}")
        elif not (found.string if isinstance(found.string, str) else all(found.string)):
            out.append(f"untranslated: {msg.id!r}")
    return out


def update(lang: str) -> None:
    """Write the .pot and merge it into the language's .po (new messages empty, gone ones dropped)."""
    template = extract()
    LOCALE_DIR.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    write_po(buf, template, sort_output=True, width=120, include_lineno=False)
    atomic_write_bytes(POT_FILE, buf.getvalue())
    path = po_path(lang)
    if path.is_file():
        with path.open("rb") as fh:
            cat = read_po(fh, locale=lang, domain=DOMAIN)
    else:
        cat = Catalog(locale=lang, domain=DOMAIN, project="Red Flag Radar documents")
    cat.update(template, no_fuzzy_matching=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    write_po(buf, cat, sort_output=True, width=120, include_lineno=False, ignore_obsolete=True)
    atomic_write_bytes(path, buf.getvalue())


def main(argv: Optional[list[str]] = None) -> int:
    """`update LANG` merges new document messages into LANG's catalog; `check LANG` exits 1 on a gap."""
    ap = argparse.ArgumentParser(prog="python -m game.tools.doc_i18n", description=__doc__)
    ap.add_argument("action", choices=["update", "check"])
    ap.add_argument("lang", nargs="?", default="es")
    ns = ap.parse_args(argv)
    if ns.action == "update":
        update(ns.lang)
        print(f"updated {po_path(ns.lang)}")
        return 0
    found = problems(ns.lang)
    for p in found:
        print(p)
    print(f"{ns.lang}: {len(found)} problem(s)")
    return 1 if found else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
