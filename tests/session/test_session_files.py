"""Data-folder resolution and the atomic write / move-aside helpers."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from game.session import atomic
from game.session.atomic import atomic_write_text, describe_os_error, move_aside
from game.session.paths import default_data_dir, resolve_data_dir


@pytest.mark.parametrize("xdg", [None, "", "   ", "relative/share", "/tmp/xdg-data", "/tmp/with space/share"])
def test_default_data_dir_is_the_platformdirs_user_folder(xdg: "str | None", monkeypatch: pytest.MonkeyPatch) -> None:
    from platformdirs import user_data_dir

    if xdg is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    assert default_data_dir() == Path(user_data_dir("red-flag-radar", appauthor=False))
    assert default_data_dir().name == "red-flag-radar"


def test_override_wins_and_blank_means_default(tmp_path: Path) -> None:
    assert resolve_data_dir(tmp_path) == tmp_path
    assert resolve_data_dir(str(tmp_path)) == tmp_path
    assert resolve_data_dir("~/rfr") == Path.home() / "rfr"
    assert resolve_data_dir(None) == default_data_dir()
    assert resolve_data_dir("  ") == default_data_dir()


def test_atomic_write_replaces_content_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "f.json"
    atomic_write_text(target, "one")
    atomic_write_text(target, "twö\n")
    assert target.read_bytes() == "twö\n".encode()
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]


def test_atomic_write_failure_keeps_old_content_and_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "f.json"
    atomic_write_text(target, "old")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic_write_text(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]


def test_atomic_write_into_missing_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        atomic_write_text(tmp_path / "missing" / "f.json", "x")


def test_move_aside_renames_with_companions_and_unique_names(tmp_path: Path) -> None:
    main = tmp_path / "records.sqlite3"
    names = []
    for round_ in range(2):
        main.write_bytes(b"db%d" % round_)
        Path(f"{main}-wal").write_bytes(b"wal%d" % round_)
        kept = move_aside(main, "corrupt", ("-wal", "-shm"))
        names.append(kept.name)
        assert kept.read_bytes() == b"db%d" % round_
        assert Path(f"{kept}-wal").read_bytes() == b"wal%d" % round_
        assert not main.exists() and not Path(f"{main}-wal").exists()
    assert names[0] != names[1] and all(n.startswith("records.sqlite3.corrupt-") for n in names)


@pytest.mark.parametrize(
    ("err", "words"),
    [(PermissionError(errno.EACCES, "Permission denied"), "the data folder is read-only"),
     (OSError(errno.EROFS, "Read-only file system"), "the data folder is read-only"),
     (OSError(errno.ENOSPC, "No space left on device"), "the disk is full"),
     (NotADirectoryError(errno.ENOTDIR, "Not a directory"), "the data folder cannot be created"),
     (OSError(errno.EIO, "Input/output error"), "the data folder cannot be used (Input/output error)")],
)
def test_describe_os_error_in_plain_words(err: OSError, words: str) -> None:
    assert describe_os_error(err) == words
