"""The Spanish tags and help lines (scenarios/tags.es.yaml, scenarios/resources.es.yaml): the same ids as English,
translated words, and only lines whose Spanish service is confirmed shown to students; loaded by language."""

from __future__ import annotations

from pathlib import Path

from game.content.catalog import find_scenario_files, load_shared, scenarios_dir
from game.content.language import wording_hits
from game.content.loader import load_model
from game.content.schema import ResourceList, TagVocabulary
from game.session.catalog import Library
from game.session.check import check_shared_file, is_shared_file

SHOWN_IN_SPANISH = {"emergency", "lifeline_988", "trafficking_hotline", "report_in_app"}
"""988 and the trafficking hotline: Spanish confirmed on the operator's page (content brief); 911 and reporting in
the app make no language claim."""


def _load(name: str, model: type) -> object:
    loaded = load_model(scenarios_dir() / name, model)
    assert loaded.model is not None, [d.format() for d in loaded.diagnostics]
    return loaded.model


def test_spanish_tags_have_the_english_ids_and_spanish_words() -> None:
    en = _load("tags.yaml", TagVocabulary)
    es = _load("tags.es.yaml", TagVocabulary)
    assert isinstance(en, TagVocabulary) and isinstance(es, TagVocabulary)
    assert [(t.id, t.on_screen) for t in es.tags] == [(t.id, t.on_screen) for t in en.tags]
    assert [(b.id, b.needs, b.shape) for b in es.badges] == [(b.id, b.needs, b.shape) for b in en.badges]
    same = [t.id for t, e in zip(es.tags, en.tags, strict=True) if t.label == e.label or t.explain == e.explain]
    assert same == []
    assert es.get("skill.tell_trusted_adult") is not None
    assert es.get("skill.tell_trusted_adult").label == "Cuéntale a un adulto de confianza"  # type: ignore[union-attr]


def test_spanish_help_lines_keep_every_number_and_show_only_confirmed_spanish_services() -> None:
    en = _load("resources.yaml", ResourceList)
    es = _load("resources.es.yaml", ResourceList)
    assert isinstance(en, ResourceList) and isinstance(es, ResourceList)
    assert [r.id for r in es.resources] == [r.id for r in en.resources]
    for r_es, r_en in zip(es.resources, en.resources, strict=True):
        assert r_es.themes == r_en.themes, r_es.id
        assert [(c.kind, c.value if c.kind != "app" else "") for c in r_es.contacts] == \
            [(c.kind, c.value if c.kind != "app" else "") for c in r_en.contacts], r_es.id
        assert r_es.name != r_en.name or r_es.id in ("loveisrespect", "stopncii", "crisis_text_line", "fbi",
                                                     "identity_theft_gov"), r_es.id
        assert r_es.what_happens != r_en.what_happens, r_es.id
        if r_es.verified:
            assert r_en.verified, f"{r_es.id} is shown in Spanish but not checked in English"
        else:
            assert r_es.note, f"{r_es.id}: say what to re-check"
        assert wording_hits([r_es.for_, r_es.what_happens, r_es.hours], "es") == [], r_es.id
    assert {r.id for r in es.resources if r.verified} == SHOWN_IN_SPANISH
    line_988 = es.get("lifeline_988")
    assert line_988 is not None
    labels = " ".join(c.label or "" for c in line_988.contacts)
    assert "AYUDA" in labels and "marca 2" in labels


def test_the_library_loads_tags_and_help_lines_by_language() -> None:
    es, en = Library(lang="es"), Library()
    assert es.tag_label("skill.pause") == "Pausa y piensa" and en.tag_label("skill.pause") == "Pause and think"
    shown = es.resources("theme.fake_job")
    assert {r.id for r in shown} == SHOWN_IN_SPANISH and shown[0].id == "emergency"
    assert shown[0].name == "Emergencias (911)"
    assert {r.id for r in en.resources("theme.fake_job")} > SHOWN_IN_SPANISH
    assert load_shared(scenarios_dir(), "es-MX").tags is not None
    assert load_shared(scenarios_dir(), "es-MX").tags.get("skill.pause").label == "Pausa y piensa"  # type: ignore
    assert load_shared(scenarios_dir(), "vi").tags.get("skill.pause").label == "Pause and think"  # type: ignore


def test_a_pack_can_bring_its_own_language_version(tmp_path: Path) -> None:
    src = (scenarios_dir() / "tags.yaml").read_text(encoding="utf-8")
    (tmp_path / "tags.yaml").write_text(src, encoding="utf-8")
    (tmp_path / "tags.es.yaml").write_text(src.replace("label: Pause and think", "label: Pausa, de este paquete"),
                                           encoding="utf-8")
    assert load_shared(tmp_path, "es").tags.get("skill.pause").label == "Pausa, de este paquete"  # type: ignore
    assert load_shared(tmp_path).tags.get("skill.pause").label == "Pause and think"  # type: ignore


def test_language_versions_are_shared_files_not_stories() -> None:
    names = {p.name for p in find_scenario_files(scenarios_dir())}
    assert "tags.es.yaml" not in names and "resources.es.yaml" not in names
    for name in ("tags.es.yaml", "resources.es.yaml"):
        path = scenarios_dir() / name
        assert is_shared_file(path) and check_shared_file(path) == []
