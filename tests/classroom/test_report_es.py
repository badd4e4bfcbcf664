"""`report --lang es`: the class report's words, charts, CSV header and the stories' titles in Spanish, with the
same numbers as the English report; the radar section with the Spanish screens and tactic names."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from test_radar_report import take_class_checks

from game.cli import main
from game.content.catalog import scenarios_dir
from game.content.loader import load_scenario
from game.tools.report_csv import COLUMNS


def _write(data: Path, out: Path, *lang: str) -> str:
    assert main(["report", "--data-dir", str(data), "-o", str(out), *lang]) == 0
    return out.read_text(encoding="utf-8-sig")


def _numbers(html: str) -> list[str]:
    """The figures of the page's tables and bars in order (counts, shares, bar lengths)."""
    cells = re.findall(r'<td class="num">([^<]*)', html)
    bars = re.findall(r'<rect class="bar[^"]*" x="[^"]*" y="([^"]*)" width="([^"]*)"', html)
    return [c.replace("%", "").strip() for c in cells] + [f"{y}/{w}" for y, w in bars]


def test_the_html_report_in_spanish(records: Path, tmp_path: Path) -> None:
    es = _write(records, tmp_path / "es.html", "--lang", "es")
    en = _write(records, tmp_path / "en.html")
    assert '<html lang="es">' in es and "Red Flag Radar: informe de la clase" in es
    for words in ("Sesiones de clase", "Resumen", "Opción más segura:", "Parte del mensaje"):
        assert words in es, words
    for words in ("Class sessions", "Summary", "Safer choice:", "story went this way"):
        assert words not in es and words in en, words
    spanish = load_scenario(scenarios_dir() / "es" / "gaming.yaml").model
    assert spanish is not None and spanish.title in es
    assert len(_numbers(en)) > 20 and _numbers(es) == _numbers(en)


def test_the_csv_header_and_words_in_spanish(records: Path, tmp_path: Path) -> None:
    es = list(csv.reader(io.StringIO(_write(records, tmp_path / "es.csv", "--lang", "es"))))
    en = list(csv.reader(io.StringIO(_write(records, tmp_path / "en.csv"))))
    assert tuple(en[0]) == COLUMNS and len(es[0]) == len(COLUMNS)
    assert es[0][:4] == ["registro", "modo", "sesion", "nombre_clase"] and es[0][-4:] == [
        "tasa_aciertos", "tasa_rechazos_correctos", "d_prima", "c"]
    assert len(es) == len(en)
    safer = COLUMNS.index("safer")
    assert {r[safer] for r in es[1:]} >= {"sí", "no"} and {r[safer] for r in en[1:]} >= {"yes", "no"}
    record = COLUMNS.index("record")
    assert [r[record] for r in es] [1:] == [r[record] for r in en][1:]  # the codes stay as they are


@pytest.fixture(scope="module")
def class_checks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("radar_es") / "data"
    take_class_checks(data)
    return data


def test_the_radar_section_in_spanish(class_checks: Path, tmp_path: Path) -> None:
    es = _write(class_checks, tmp_path / "radar.html", "--lang", "es")
    section = es[es.index('id="radar"'):]
    for words in ("Tasa de aciertos", "Antes", "Después", "Antes → después:", "Pantallas más falladas"):
        assert words in section, words
    assert "Hit rate" not in section and "Most missed screens" not in section
    spanish_tactics = ("Ganarse tu confianza rápido", "Dejarte a solas", "El gran pedido", "Amenazas")
    assert any(t in section for t in spanish_tactics)
