"""UI catalogs with Babel: `python -m game.tools.i18n extract|update|compile|check [LANG]` (see README)."""

from __future__ import annotations

import argparse
import io
import string
import sys
from pathlib import Path
from typing import Iterable, Optional

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

DOMAIN = "red_flag_radar"
GAME_DIR = Path(__file__).resolve().parent.parent
LOCALE_DIR = GAME_DIR / "ui" / "locale"
POT_FILE = LOCALE_DIR / f"{DOMAIN}.pot"
KEYWORDS = {"_": None, "ngettext": (1, 2)}
"""The two translation functions of game/session/lang.py (re-exported by game/ui/i18n.py)."""


def po_path(lang: str) -> Path:
    """The catalog source of ``lang``."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(lang: str) -> Path:
    """The compiled catalog of ``lang`` (built, never committed)."""
    return po_path(lang).with_suffix(".mo")


def languages() -> list[str]:
    """Every language with a .po catalog."""
    if not LOCALE_DIR.is_dir():
        return []
    return sorted(d.name for d in LOCALE_DIR.iterdir() if po_path(d.name).is_file())


def extract() -> Catalog:
    """Every `_()` / `ngettext()` string in game/ (file and line kept as locations)."""
    cat = Catalog(project="Red Flag Radar", domain=DOMAIN, charset="utf-8")
    method_map = [("**/__pycache__/**", "ignore"), ("**.py", "python")]
    for filename, lineno, message, comments, context in extract_from_dir(
            str(GAME_DIR), method_map=method_map, keywords=KEYWORDS, comment_tags=("Translators:",),
            strip_comment_tags=True):
        cat.add(message, None, [(f"game/{filename}", lineno)], auto_comments=comments, context=context)
    return cat


def write_template(cat: Catalog, path: Path = POT_FILE) -> None:
    """Write the .pot template (sorted by message, so a diff shows only real changes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    write_po(buf, cat, sort_output=True, omit_header=False, width=120, include_lineno=False)
    _write(path, buf.getvalue())


def read_catalog(path: Path, lang: str) -> Catalog:
    """A .po file as a Babel catalog."""
    with path.open("rb") as fh:
        return read_po(fh, locale=lang, domain=DOMAIN)


def update(lang: str, template: Catalog) -> Catalog:
    """Merge the template into ``lang``'s catalog (new strings empty, changed ones fuzzy, gone ones obsolete)."""
    path = po_path(lang)
    if path.is_file():
        cat = read_catalog(path, lang)
    else:
        cat = Catalog(locale=lang, domain=DOMAIN, project="Red Flag Radar", charset="utf-8")
    cat.update(template, no_fuzzy_matching=False)
    cat.obsolete.clear()
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    write_po(buf, cat, sort_output=True, width=120, include_lineno=False)
    _write(path, buf.getvalue())
    return cat


def compile_bytes(po: Path, lang: str) -> bytes:
    """The .mo bytes of one .po (fuzzy entries left out, as gettext does)."""
    buf = io.BytesIO()
    write_mo(buf, read_catalog(po, lang), use_fuzzy=False)
    return buf.getvalue()


def compiled(langs: Optional[Iterable[str]] = None) -> dict[Path, bytes]:
    """The .mo bytes of every (or the named) language, by the path each belongs at (next to its .po); the build
    hook, which loads this file on its own, writes them itself."""
    return {mo_path(lang): compile_bytes(po_path(lang), lang) for lang in langs or languages()}


def compile_all(langs: Optional[Iterable[str]] = None) -> list[Path]:
    """Build the .mo of every (or the named) language next to its .po; returns the files written."""
    written = []
    for out, data in compiled(langs).items():
        if not out.is_file() or out.read_bytes() != data:
            _write(out, data)
        written.append(out)
    return written


def _write(path: Path, data: bytes) -> None:
    """Write through the game's atomic helper (imported here: the build hook loads this module without the
    package, and never writes through it)."""
    from ..session.atomic import atomic_write_bytes

    atomic_write_bytes(path, data)


def _fields(text: str) -> set[str]:
    """The {name} placeholders of a message."""
    try:
        return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return {"<unbalanced braces>"}


def problems(lang: str, template: Optional[Catalog] = None) -> list[str]:
    """What keeps ``lang``'s catalog from being complete: untranslated, fuzzy, empty plural slots, a wrong
    number of plural forms, placeholders that differ from the English, and (with a template) missing or stale
    messages."""
    cat = read_catalog(po_path(lang), lang)
    out: list[str] = []
    forms = cat.num_plurals
    for msg in cat:
        if not msg.id:
            continue
        key = msg.id if isinstance(msg.id, str) else msg.id[0]
        if msg.fuzzy:
            out.append(f"fuzzy: {key!r}")
        strings = list(msg.string) if isinstance(msg.string, (tuple, list)) else [msg.string]
        if msg.pluralizable and len(strings) != forms:
            out.append(f"{len(strings)} plural forms, {forms} wanted: {key!r}")
        for i, s in enumerate(strings):
            if not s:
                out.append(f"untranslated{f' (plural slot {i})' if msg.pluralizable else ''}: {key!r}")
        for err in msg.check(cat):
            out.append(f"{err}: {key!r}")
        ids = list(msg.id) if isinstance(msg.id, (tuple, list)) else [msg.id]
        want_fields = set().union(*(_fields(i) for i in ids))
        for s in strings:
            if s and _fields(s) != want_fields:
                out.append(f"placeholders {sorted(_fields(s))} differ from {sorted(want_fields)}: {key!r}")
    if template is not None:
        have = {m.id for m in cat if m.id}
        want = {m.id for m in template if m.id}
        out += [f"missing (run update): {m!r}" for m in sorted(map(str, want - have))]
        out += [f"no longer in the code (run update): {m!r}" for m in sorted(map(str, have - want))]
    return out


def main(argv: Optional[list[str]] = None) -> int:
    """The command line."""
    ap = argparse.ArgumentParser(prog="python -m game.tools.i18n", description=__doc__)
    ap.add_argument("action", choices=("extract", "update", "compile", "check"))
    ap.add_argument("lang", nargs="*", help="languages (default: every catalog)")
    ns = ap.parse_args(argv)
    if ns.action == "extract":
        write_template(extract())
        print(f"wrote {POT_FILE}")
        return 0
    if ns.action == "update":
        template = extract()
        write_template(template)
        for lang in ns.lang or languages():
            cat = update(lang, template)
            todo = sum(1 for m in cat if m.id and (m.fuzzy or not all(m.string if m.pluralizable else [m.string])))
            print(f"{po_path(lang)}: {todo} to translate")
        return 0
    if ns.action == "compile":
        for path in compile_all(ns.lang or None):
            print(f"wrote {path}")
        return 0
    template = extract()
    bad = 0
    for lang in ns.lang or languages():
        found = problems(lang, template)
        bad += len(found)
        for p in found:
            print(f"{po_path(lang)}: {p}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
