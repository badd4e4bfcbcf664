"""UI catalogs: every message of the code translated (nothing fuzzy, no empty plural slot, same placeholders), the
compiled .mo built from the .po, and the Spanish catalog used at run time."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from game.session import lang
from game.tools import i18n


@pytest.fixture(scope="module")
def template() -> Catalog:
    return i18n.extract()


def test_the_code_has_messages_to_translate(template: Catalog) -> None:
    ids = {m.id for m in template if m.id}
    assert len(ids) > 400 and "Get help" in ids and ("{n} point", "{n} points") in ids


@pytest.mark.parametrize("code", i18n.languages())
def test_every_catalog_is_complete(code: str, template: Catalog) -> None:
    assert i18n.problems(code, template) == []


def test_spanish_has_cldr_plural_slots_and_every_one_is_filled() -> None:
    cat = i18n.read_catalog(i18n.po_path("es"), "es")
    assert cat.num_plurals == len(Locale.parse("es").plural_form.tags | {"other"}) == 3  # one, many, other
    plurals = [m for m in cat if m.id and m.pluralizable]
    assert len(plurals) > 20
    assert all(len(m.string) == 3 and all(m.string) for m in plurals)


def _damaged(tmp_path: Path, how: str) -> Path:
    """A copy of the Spanish catalog with one entry broken in the way ``how`` says."""
    cat = i18n.read_catalog(i18n.po_path("es"), "es")
    plural = next(m for m in cat if m.id and m.pluralizable)
    single = cat["Get help"]
    if how == "fuzzy":
        single.flags.add("fuzzy")
    elif how == "untranslated":
        single.string = ""
    elif how == "empty_plural_slot":
        plural.string = (plural.string[0], "", plural.string[2])
    elif how == "placeholder":
        cat["Page {n} of {total}"].string = "Página {n} de {todo}"
    buf = io.BytesIO()
    write_po(buf, cat)
    out = tmp_path / "es" / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
    out.parent.mkdir(parents=True)
    out.write_bytes(buf.getvalue())
    return tmp_path


@pytest.mark.parametrize("how", ["fuzzy", "untranslated", "empty_plural_slot", "placeholder"])
def test_the_check_fails_on_a_damaged_catalog(how: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "LOCALE_DIR", _damaged(tmp_path, how))
    found = i18n.problems("es")
    assert len(found) == 1, found
    assert {"fuzzy": "fuzzy", "untranslated": "untranslated", "empty_plural_slot": "plural slot 1",
            "placeholder": "placeholders"}[how] in found[0]


def test_a_message_missing_from_the_catalog_is_reported(template: Catalog, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    bigger = Catalog()
    for m in template:
        if m.id:
            bigger.add(m.id)
    bigger.add("A brand new button")
    assert i18n.problems("es", bigger) == ["missing (run update): 'A brand new button'"]


def test_the_compiled_catalog_is_built_from_the_po() -> None:
    """`pip install` (hatch_build.py) or `python -m game.tools.i18n compile` wrote it; it must match the .po."""
    for code in i18n.languages():
        mo = i18n.mo_path(code)
        assert mo.is_file(), f"{mo} missing: run `pip install -e .` or `python -m game.tools.i18n compile`"
        assert mo.read_bytes() == i18n.compile_bytes(i18n.po_path(code), code), \
            f"{mo} is out of date: run `python -m game.tools.i18n compile`"


def test_the_build_hook_compiles_and_ships_every_catalog(tmp_path: Path) -> None:
    """hatch_build.py loads game/tools/i18n.py by path and compiles each .po of that tree."""
    import importlib.util

    root = Path(__file__).resolve().parents[2]
    (tmp_path / "game" / "tools").mkdir(parents=True)
    (tmp_path / "game" / "tools" / "i18n.py").write_bytes((root / "game" / "tools" / "i18n.py").read_bytes())
    po = tmp_path / "game" / "ui" / "locale" / "es" / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
    po.parent.mkdir(parents=True)
    po.write_bytes(i18n.po_path("es").read_bytes())
    spec = importlib.util.spec_from_file_location("_rfr_hatch_build", root / "hatch_build.py")
    assert spec is not None and spec.loader is not None
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    build_data: dict[str, list[str]] = {"artifacts": []}
    hook.CatalogBuildHook.initialize(SimpleNamespace(root=str(tmp_path)), "standard", build_data)
    written = sorted(tmp_path.rglob("*.mo"))
    assert build_data["artifacts"] == [f"game/ui/locale/es/LC_MESSAGES/{i18n.DOMAIN}.mo"]
    assert [p.relative_to(tmp_path).as_posix() for p in written] == [
        f"game/ui/locale/es/LC_MESSAGES/{i18n.DOMAIN}.mo"]
    assert written[0].read_bytes() == i18n.compile_bytes(i18n.po_path("es"), "es")


def test_spanish_is_used_at_run_time_with_its_plural_rules() -> None:
    try:
        assert lang.set_language("es-MX") == "es"
        assert lang._("Get help") == "Pedir ayuda"
        assert lang.ngettext("{n} point", "{n} points", 1).format(n=1) == "1 punto"
        assert lang.ngettext("{n} point", "{n} points", 2).format(n=2) == "2 puntos"
        assert lang.ngettext("{n} point", "{n} points", 1_000_000).format(n=1_000_000) == "1000000 puntos"
        assert lang.format_number(1234.5, 1) == "1,234.5"  # Latin American Spanish (es_419) groups like en_US
        assert lang.format_percent(0.75) == "75%"  # es_419 writes no space (Spain's es does)
        import datetime

        assert lang.format_date(datetime.date(2026, 12, 3)) == "3 dic 2026"
    finally:
        lang.set_language("en")
    assert lang._("Get help") == "Get help" and lang.format_percent(0.75) == "75%"


def test_the_po_compiles_in_memory_when_newer_than_the_mo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A translator who edits the .po sees the change at once, before any rebuild."""
    cat = read_po(i18n.po_path("es").open("rb"), locale="es")
    cat["Get help"].string = "Busca ayuda"
    po = tmp_path / "es" / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
    po.parent.mkdir(parents=True)
    buf = io.BytesIO()
    write_po(buf, cat)
    po.write_bytes(buf.getvalue())
    monkeypatch.setattr(lang, "LOCALE_DIR", tmp_path)
    assert lang._load("es").gettext("Get help") == "Busca ayuda"
    assert lang.available_languages() == ["en", "es"]


def test_the_system_locale_is_the_default_when_a_catalog_exists(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "es_US.UTF-8")
    assert lang.system_language() == "es"
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert lang.system_language() == "en"  # no French catalog
    monkeypatch.setenv("LANGUAGE", "es_MX:en")
    assert lang.system_language() == "es"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux reads LC_CTYPE itself")
def test_with_no_language_variable_linux_reads_lc_ctype_as_python_does(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "LC_CTYPE"):
        monkeypatch.delenv(var, raising=False)
    assert lang.system_language() == "en"
    monkeypatch.setenv("LC_CTYPE", "es_ES.UTF-8")
    assert lang.system_language() == "es"
    for plain in ("C", "POSIX", "C.UTF-8"):
        monkeypatch.setenv("LC_CTYPE", plain)
        assert lang.system_language() == "en"
