"""Checked stories are kept for the run: a second library (the other language, a new App) takes them as they are
while nothing they depend on changed; a changed file, pack vocabulary or an author's reload checks again; a link
out of its pack is refused whatever its target's check said."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from game.content.catalog import scenarios_dir
from game.session import catalog
from game.session.catalog import KEPT_ITEMS, Library, kept_item

MINI = (Path(__file__).resolve().parent.parent / "fixtures" / "mini.yaml").read_text(encoding="utf-8")


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    root = tmp_path / "pack"
    (root / "en").mkdir(parents=True)
    shutil.copy(scenarios_dir() / "tags.yaml", root / "tags.yaml")
    for k in range(2):
        (root / "en" / f"story-{k}.yaml").write_text(MINI.replace("id: mini", f"id: story-{k}"), encoding="utf-8")
    return root


def _count_checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    seen: list[Path] = []
    real = catalog.check_item

    def counting(path: Path) -> catalog.CatalogItem:
        seen.append(path)
        return real(path)

    monkeypatch.setattr(catalog, "check_item", counting)
    return seen


def test_a_second_library_takes_the_stories_already_checked(pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _count_checks(monkeypatch)
    first = Library(pack / "en").items()
    assert len(seen) == 2 and all(it.ok for it in first)
    second = Library(pack / "en").items()
    assert len(seen) == 2 and [a is b for a, b in zip(first, second, strict=True)] == [True, True]


def test_a_changed_file_or_vocabulary_is_checked_again(pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _count_checks(monkeypatch)
    Library(pack / "en").items()
    story = pack / "en" / "story-0.yaml"
    story.write_text(MINI.replace("id: mini", "id: story-0").replace("title: Mini story", "title: ["),
                     encoding="utf-8")
    items = {it.path.name: it for it in Library(pack / "en").items()}
    assert [p.name for p in seen[2:]] == ["story-0.yaml"] and not items["story-0.yaml"].ok
    (pack / "tags.yaml").write_text((pack / "tags.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    Library(pack / "en").items()
    assert sorted(p.name for p in seen[3:]) == ["story-0.yaml", "story-1.yaml"]  # the pack's words changed


def test_an_authors_reload_checks_every_file_again(pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _count_checks(monkeypatch)
    lib = Library(pack / "en")
    lib.items()
    lib.reload()
    lib.items()
    assert len(seen) == 4
    lib.refresh(pack / "en" / "story-1.yaml")
    assert Library(pack / "en").items()[1] is lib.items()[1]  # the refreshed check is the one kept


def test_a_link_out_of_its_pack_is_refused_after_its_target_was_checked(pack: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    shutil.copy(scenarios_dir() / "tags.yaml", outside / "tags.yaml")
    target = outside / "story.yaml"
    target.write_text(MINI, encoding="utf-8")
    assert kept_item(target).ok
    link = pack / "en" / "linked.yaml"
    os.symlink(target, link)
    item = kept_item(link)
    assert not item.ok and any("E312" in d for d in item.diagnostics)


def test_what_is_kept_stays_bounded(pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalog, "KEPT_ITEMS", 1)
    monkeypatch.setattr(catalog, "_kept", type(catalog._kept)())
    Library(pack / "en").items()
    assert len(catalog._kept) == 1 and KEPT_ITEMS > 1
