"""Radar check items: located errors (one fixture per code), validate support, and the shipped forms matched."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game.cli import main
from game.content.catalog import find_scenario_files, scenarios_dir
from game.content.loader import load_scenario
from game.content.radar import ITEMS_PER_FORM, RADAR_CODES, Form
from game.content.radar_check import item_scenario, item_texts, load_radar_set, words
from game.content.readability import fk_grade
from game.content.rules import blame_hits, is_fictional_number, phone_numbers
from game.tools.radar_schema import radar_schema

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "radar"
CASES = sorted(p for p in FIXTURES.iterdir() if p.is_dir() and p.name != "ok")
SHIPPED = load_radar_set(scenarios_dir() / "radar")
READ_WPM = 200
ANSWER_S = 3.0
"""Seconds to decide and press a key for one item (generous: MIST-style checks take about 2 s an item)."""


def _expected(folder: Path) -> tuple[Path, str, int, int]:
    for path in sorted(folder.glob("*.yaml")):
        m = re.fullmatch(r"# expect: (\w+) (\d+):(\d+)", path.read_text(encoding="utf-8").splitlines()[0])
        if m:
            return path, m.group(1), int(m.group(2)), int(m.group(3))
    raise AssertionError(f"{folder} needs a file starting with '# expect: CODE LINE:COL'")


@pytest.mark.parametrize("folder", CASES, ids=[p.name for p in CASES])
def test_fixture_reports_its_code_at_the_exact_place(folder: Path) -> None:
    path, code, line, col = _expected(folder)
    assert code == folder.name
    rs = load_radar_set(folder)
    found = [d for d in rs.diagnostics[str(path)] if d.code == code]
    assert (line, col) in [(d.line, d.col) for d in found], [d.format() for d in rs.all_diagnostics()]
    diag = next(d for d in found if (d.line, d.col) == (line, col))
    assert diag.hint
    assert diag.format().startswith(f"{path}:{line}:{col}: {diag.severity.value}[{code}]: ")
    if diag.severity.value == "error":
        assert rs.errors, "an error stops the check from starting"


def test_every_radar_code_has_a_fixture_and_the_base_is_clean() -> None:
    assert set(RADAR_CODES) <= {p.name for p in CASES}
    assert load_radar_set(FIXTURES / "ok").all_diagnostics() == []


def test_the_three_bad_inputs_of_the_issue(tmp_path: Path) -> None:
    """A missing flag (E202), an odd share of flags (R503) and a duplicate id across forms (R502)."""
    assert {d.code for d in load_radar_set(FIXTURES / "E202").errors} >= {"E202"}
    assert {d.code for d in load_radar_set(FIXTURES / "R503").errors} == {"R503"}
    assert {d.code for d in load_radar_set(FIXTURES / "R502").errors} == {"R502"}


def test_validate_checks_radar_folders_and_files(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--strict", str(scenarios_dir() / "radar")]) == 0
    shipped = len(list((scenarios_dir() / "radar").rglob("*.yaml")))  # English and every language folder (es/)
    assert shipped >= 6 and f" {shipped} file(s) checked, 0 error(s), 0 warning(s)" in capsys.readouterr().out
    assert main(["validate", str(FIXTURES / "R502" / "form-b.yaml")]) == 1
    out = capsys.readouterr().out
    assert "form-b.yaml:18:9: error[R502]: item id 't2' is used twice" in out and "hint: " in out
    assert main(["validate", "--format", "json", str(FIXTURES / "E202")]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["files"][0]["diagnostics"][0]["code"] == "E202"


def test_committed_schema_matches_the_model() -> None:
    committed = json.loads((ROOT / "schema" / "radar.schema.json").read_text(encoding="utf-8"))
    assert committed == radar_schema(), "run: python main.py schema --radar > schema/radar.schema.json"


# ---------------------------------------------------------------- the shipped set


def test_shipped_set_is_clean_and_complete() -> None:
    assert SHIPPED.all_diagnostics() == []
    for form in (Form.A, Form.B):
        items = SHIPPED.form(form)
        assert len(items) == ITEMS_PER_FORM and sum(i.flag for i in items) == ITEMS_PER_FORM // 2
    refresh = SHIPPED.form(Form.REFRESH)
    assert 6 <= len(refresh) <= 10 and 2 * sum(i.flag for i in refresh) == len(refresh)
    for item in SHIPPED.items:
        scn, node = item_scenario(item)
        assert node.screen == item.kind and scn.nodes["item"] is node


def test_every_red_flag_has_a_genuine_look_alike_on_the_same_kind_of_screen() -> None:
    for form in Form:
        items = SHIPPED.form(form)
        for kind in {i.kind for i in items}:
            same = [i for i in items if i.kind == kind]
            assert 2 * sum(i.flag for i in same) == len(same), (form, kind)


def _tactics(form: Form) -> dict[str, int]:
    out: dict[str, int] = {}
    for item in SHIPPED.form(form):
        for t in item.tags:
            out[t] = out.get(t, 0) + 1
    return out


def test_forms_are_matched() -> None:
    a, b = SHIPPED.form(Form.A), SHIPPED.form(Form.B)
    assert sorted(i.kind.value for i in a if i.flag) == sorted(i.kind.value for i in b if i.flag)
    assert sorted(i.kind.value for i in a) == sorted(i.kind.value for i in b), "same kinds of screen"
    mean = {f: sum(fk_grade(item_texts(i)) for i in SHIPPED.form(f)) / ITEMS_PER_FORM for f in (Form.A, Form.B)}
    pooled = {f: fk_grade(t for i in SHIPPED.form(f) for t in item_texts(i)) for f in (Form.A, Form.B)}
    assert abs(mean[Form.A] - mean[Form.B]) <= 1.0 and abs(pooled[Form.A] - pooled[Form.B]) <= 1.0
    assert max(pooled.values()) <= 8.0
    ta, tb = _tactics(Form.A), _tactics(Form.B)
    assert len(ta) >= 6 and len(tb) >= 6, "flags spread over the tactics"
    share = {f: sum(n for t, n in tags.items() if t.startswith("stage.")) / sum(tags.values())
             for f, tags in ((Form.A, ta), (Form.B, tb))}
    assert abs(share[Form.A] - share[Form.B]) <= 0.25, share
    shared = sum(min(ta.get(t, 0), tb.get(t, 0)) for t in set(ta) | set(tb))
    assert shared / max(sum(ta.values()), sum(tb.values())) >= 0.5, (ta, tb)
    themes = {f: {i.theme for i in SHIPPED.form(f)} for f in (Form.A, Form.B)}
    assert len(themes[Form.A]) >= 6 and len(themes[Form.B]) >= 6


def test_each_form_fits_in_three_minutes(capsys: pytest.CaptureFixture[str]) -> None:
    for form in Form:
        items = SHIPPED.form(form)
        n = sum(words(i) for i in items)
        seconds = n / READ_WPM * 60 + ANSWER_S * len(items)
        with capsys.disabled():
            print(f"\nradar form {form.value}: {len(items)} items, {n} words, about {seconds:.0f} s "
                  f"({n / READ_WPM * 60:.0f} s reading at {READ_WPM} wpm + {ANSWER_S:.0f} s an answer)")
        assert seconds <= 180, (form, n, seconds)


def _runs(text: str, n: int = 6) -> set[tuple[str, ...]]:
    w = re.findall(r"[a-z0-9']+", text.lower().replace("’", "'"))
    return {tuple(w[i:i + n]) for i in range(len(w) - n + 1)}


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings(v)]
    return []


def test_no_item_reuses_six_words_in_a_row_from_a_shipped_scenario() -> None:
    story: set[tuple[str, ...]] = set()
    for path in find_scenario_files(scenarios_dir()):
        model = load_scenario(path).model
        assert model is not None, path
        for text in _strings(model.model_dump()):
            story |= _runs(text)
    assert len(story) > 1000
    for item in SHIPPED.items:
        for text in item_texts(item):
            assert not _runs(text) & story, (item.id, sorted(_runs(text) & story)[:3])


def test_items_follow_the_writing_rules() -> None:
    texts = [t for i in SHIPPED.items for t in item_texts(i)]
    assert blame_hits(texts) == []
    assert [n for t in texts for n in phone_numbers(t) if not is_fictional_number(n)] == []
    for item in SHIPPED.items:
        assert len(item.explain.split()) <= 30, item.id
        assert all(re.search(r"\.example\b", c.card.address) for c in [item.content] if c.card and c.card.address)


def test_the_authoring_guide_documents_every_radar_code_and_its_example(tmp_path: Path, monkeypatch,
                                                                      capsys) -> None:  # type: ignore[no-untyped-def]
    text = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    assert set(re.findall(r"^#### (R\d{3}) — ", text, re.M)) == set(RADAR_CODES)
    [(cmd, shown)] = re.findall(r"^```console\n\$ (python main\.py validate [^\n]+)\n(.*?)^```", text, re.M | re.S)
    folder = tmp_path / "scenarios" / "radar"
    folder.mkdir(parents=True)
    (folder / "items.yaml").write_bytes((FIXTURES / "R503" / "set.yaml").read_bytes())
    monkeypatch.chdir(tmp_path)
    assert main(cmd.split()[2:]) == 1
    assert capsys.readouterr().out == shown
