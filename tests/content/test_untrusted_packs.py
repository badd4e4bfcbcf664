"""Untrusted scenario packs cannot reach files outside the pack, and get located diagnostics."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from game.content.catalog import pack_root, resolve_asset, scenarios_dir
from game.tools.check import check_file
from game.tools.cli import main

MINI = (Path(__file__).resolve().parent.parent / "fixtures" / "mini.yaml").read_text(encoding="utf-8")


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    root = tmp_path / "pack"
    (root / "en" / "images").mkdir(parents=True)
    shutil.copy(scenarios_dir() / "tags.yaml", root / "tags.yaml")
    shutil.copy(scenarios_dir() / "resources.yaml", root / "resources.yaml")
    (root / "en" / "images" / "ok.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "secret.txt").write_text("teacher's private file")
    return root


def with_avatar(pack: Path, avatar: str) -> Path:
    path = pack / "en" / "story.yaml"
    path.write_text(MINI.replace("    role: recruiter\n", f"    role: recruiter\n    avatar: '{avatar}'\n"),
                    encoding="utf-8")
    return path


def codes(path: Path) -> list[str]:
    return [d.code for d in check_file(path).diagnostics]


def test_pack_root_is_the_folder_with_tags(pack: Path) -> None:
    assert pack_root(pack / "en" / "story.yaml") == pack.resolve()


def test_asset_inside_the_pack_is_fine(pack: Path) -> None:
    assert codes(with_avatar(pack, "images/ok.png")) == []


@pytest.mark.parametrize("avatar", ["../../secret.txt", "/etc/passwd", "images/../../../secret.txt",
                                    "C:\\Windows\\win.ini", "\\\\server\\share\\x.png"])
def test_paths_escaping_the_pack_are_refused(pack: Path, avatar: str) -> None:
    assert "E312" in codes(with_avatar(pack, avatar))


def test_symlink_pointing_outside_is_refused(pack: Path) -> None:
    link = pack / "en" / "images" / "sneaky.png"
    os.symlink(pack.parent / "secret.txt", link)
    assert "E312" in codes(with_avatar(pack, "images/sneaky.png"))
    assert resolve_asset(pack, pack / "en", "images/sneaky.png") == (None, "E312")


def test_symlinked_folder_inside_the_pack_is_fine(pack: Path) -> None:
    os.symlink(pack / "en" / "images", pack / "en" / "pics")
    assert codes(with_avatar(pack, "pics/ok.png")) == []


def test_validate_a_whole_pack(pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with_avatar(pack, "../../secret.txt")
    assert main(["validate", str(pack)]) == 1
    out = capsys.readouterr().out
    assert "error[E312]" in out and "teacher's private file" not in out
