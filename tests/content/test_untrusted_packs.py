"""Untrusted scenario packs cannot reach files outside the pack, and get located diagnostics."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.content.catalog import pack_root, resolve_asset, scenarios_dir
from game.session.check import check_file

MINI = (Path(__file__).resolve().parent.parent / "fixtures" / "mini.yaml").read_text(encoding="utf-8")


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    root = tmp_path / "pack"
    (root / "en" / "images").mkdir(parents=True)
    shutil.copy(scenarios_dir() / "tags.yaml", root / "tags.yaml")
    shutil.copy(scenarios_dir() / "resources.yaml", root / "resources.yaml")
    shutil.copy(scenarios_dir() / "_examples" / "images" / "aunt.png", root / "en" / "images" / "ok.png")
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


def test_scenario_file_linking_out_of_the_pack_is_not_read(pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from game.session.catalog import load_pack

    (pack.parent / "notes.yaml").write_text("title: teacher's private file\nid: [oops\n", encoding="utf-8")
    os.symlink(pack.parent / "notes.yaml", pack / "en" / "linked.yaml")
    checked = check_file(pack / "en" / "linked.yaml")
    assert [(d.code, d.line) for d in checked.diagnostics] == [("E312", 1)]
    assert checked.entry.scenario is None and checked.entry.pack == pack.resolve()
    assert main(["validate", str(pack)]) == 1
    out = capsys.readouterr().out
    assert "linked.yaml:1:1: error[E312]" in out and "private" not in out and "E104" not in out
    assert [d.code for d in load_pack(pack).problems] == ["E312"]  # the facilitator guide skips it too


def test_links_that_stay_inside_the_pack_are_fine(pack: Path) -> None:
    os.symlink(pack / "en" / "images", pack / "en" / "pics")
    story = with_avatar(pack, "pics/ok.png")
    os.symlink(story, pack / "en" / "same-story.yaml")
    assert codes(pack / "en" / "same-story.yaml") == []


@pytest.mark.parametrize(("data", "words"), [
    (b"not a picture at all", "not a PNG, JPEG, GIF, BMP or WebP picture"),
    (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x9c\x40\0\0\x9c\x40", "40000 x 40000 pixels"),
    (b"GIF89a\x40\x9c\x01\0", "40000 x 1 pixels"),
])
def test_pictures_that_cannot_be_shown_are_refused(pack: Path, data: bytes, words: str) -> None:
    (pack / "en" / "images" / "bad.png").write_bytes(data)
    checked = check_file(with_avatar(pack, "images/bad.png"))
    assert [d.code for d in checked.diagnostics] == ["E323"] and words in checked.diagnostics[0].message


def test_picture_headers_give_kind_and_size() -> None:
    from game.content.images import picture_size

    assert picture_size(b"GIF87a\x02\x00\x03\x00") == ("GIF", 2, 3)
    assert picture_size(b"BM" + b"\0" * 16 + (5).to_bytes(4, "little") + (-7).to_bytes(4, "little", signed=True)) \
        == ("BMP", 5, 7)
    jpeg = b"\xff\xd8\xff\xe0\x00\x04ab\xff\xc0\x00\x11\x08\x00\x09\x00\x0a" + b"\0" * 12
    assert picture_size(jpeg) == ("JPEG", 10, 9)
    vp8l = b"RIFF\0\0\0\0WEBPVP8L\0\0\0\0\x2f" + ((11 - 1) | ((6 - 1) << 14)).to_bytes(4, "little")
    assert picture_size(vp8l) == ("WebP", 11, 6)
    assert picture_size(b"<svg width='99999'>") is None


@pytest.mark.parametrize("broken", ["resources.yaml", "tags.yaml"])
def test_a_broken_shared_file_in_a_pack_never_removes_the_help_lines(pack: Path, broken: str) -> None:
    from game.content.catalog import load_shared

    (pack / broken).write_text("a: &a [x]\nb: *a\n", encoding="utf-8")
    shared = load_shared(pack)
    assert shared.resources is not None and any(r.verified for r in shared.resources.resources)
    assert shared.tags is not None and "theme.fake_job" in shared.tags.ids()
    assert [d.code for d in shared.diagnostics] == ["E105"]  # still reported


@pytest.mark.parametrize("avatar", ["images/bad\0name.png", "/".join(["a"] * 3000) + "/x.png",
                                    "x" * 5000 + ".png"])
def test_hostile_asset_paths_give_located_errors_not_a_traceback(pack: Path, avatar: str) -> None:
    path = pack / "en" / "story.yaml"
    quoted = avatar.replace("\0", "\\0")
    path.write_text(MINI.replace("    role: recruiter\n", f'    role: recruiter\n    avatar: "{quoted}"\n'),
                    encoding="utf-8")
    found = [(d.code, d.line) for d in check_file(path).diagnostics if d.code in ("E311", "E312")]
    assert found and found[0][1] == 17, check_file(path).diagnostics
    assert resolve_asset(pack, pack / "en", avatar)[0] is None


@pytest.mark.parametrize("name", ["tags.yaml", "resources.yaml"])
def test_shared_files_linking_out_of_the_pack_are_not_read(pack: Path, name: str,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    from game.content.catalog import load_shared

    outside = pack.parent / "secret.yaml"
    outside.write_text((pack / name).read_text(encoding="utf-8").replace("name: ", "name: TOKEN-1234 ", 1)
                       .replace("label: ", "label: TOKEN-1234 ", 1) + "\nsecret: TOKEN-1234\n", encoding="utf-8")
    (pack / name).unlink()
    os.symlink(outside, pack / name)
    shared = load_shared(pack)
    assert [(d.code, d.line) for d in shared.diagnostics] == [("E312", 1)]
    assert shared.tags is not None and shared.resources is not None  # the shipped files stand in
    assert "TOKEN" not in repr(shared.tags) + repr(shared.resources)
    assert main(["validate", str(pack)]) == 1
    out = capsys.readouterr().out
    assert f"{name}:1:1: error[E312]" in out and "TOKEN" not in out


def _gif(width: int, height: int, frames: list[tuple[int, int]]) -> bytes:
    head = b"GIF89a" + width.to_bytes(2, "little") + height.to_bytes(2, "little") + b"\x00\x00\x00"
    body = b""
    for fw, fh in frames:
        body += b"\x2c" + b"\0\0\0\0" + fw.to_bytes(2, "little") + fh.to_bytes(2, "little") + b"\x00"
        body += b"\x02\x02\x4c\x01\x00"  # LZW min code size, one small data block, block terminator
    return head + body + b"\x3b"


def test_a_gif_frame_larger_than_the_limit_is_refused_with_its_number(pack: Path) -> None:
    bomb = _gif(16, 16, [(16, 16), (65535, 65535)])
    assert len(bomb) < 60
    (pack / "en" / "images" / "bomb.gif").write_bytes(bomb)
    checked = check_file(with_avatar(pack, "images/bomb.gif"))
    assert [d.code for d in checked.diagnostics] == ["E323"]
    assert "frame 2" in checked.diagnostics[0].message and "65535 x 65535" in checked.diagnostics[0].message


def test_a_gif_with_too_many_frames_is_refused(pack: Path) -> None:
    from game.content.images import MAX_FRAMES

    (pack / "en" / "images" / "many.gif").write_bytes(_gif(4, 4, [(4, 4)] * (MAX_FRAMES + 1)))
    checked = check_file(with_avatar(pack, "images/many.gif"))
    assert [d.code for d in checked.diagnostics] == ["E323"] and "frames" in checked.diagnostics[0].message


def test_a_small_animated_gif_is_fine(pack: Path) -> None:
    (pack / "en" / "images" / "ok.gif").write_bytes(_gif(8, 8, [(8, 8), (4, 4)]))
    assert codes(with_avatar(pack, "images/ok.gif")) == []


def test_decoded_size_is_capped_for_every_format() -> None:
    from game.content.images import MAX_PIXELS, picture_problem_bytes

    png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + (4096).to_bytes(4, "big") + (4096).to_bytes(4, "big")
    assert picture_problem_bytes(png) is None or MAX_PIXELS >= 4096 * 4096
    gif = _gif(4000, 4000, [(4000, 4000)] * 8)  # 8 frames of 16 Mpx: 512 MB decoded
    problem = picture_problem_bytes(gif)
    assert problem is not None and "decoded" in problem
