"""Crash-safe file helpers: atomic writes, moving damaged files aside, I/O errors in plain words."""

from __future__ import annotations

import errno
import os
import tempfile
import time
from pathlib import Path
from typing import Optional, TextIO

from .lang import _


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line ends) so that ``path`` holds either the old or the new content, never half.

    See `atomic_write_bytes`. Raises OSError on failure (nothing is left behind).
    """
    atomic_write_bytes(path, text.encode("utf-8"))


class LineLog:
    """A file written one whole line at a time, each flushed to the operating system at once, so a crash leaves
    every line written before it (the trace of a play). The only file the game appends to instead of replacing."""

    def __init__(self, path: Path) -> None:
        self._f: Optional[TextIO] = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115 - see close()

    def write_line(self, line: str) -> None:
        """Write one line (without its line end) and flush it. Raises OSError."""
        if self._f is None:
            raise OSError(errno.EBADF, "the log is closed")
        self._f.write(line.replace("\n", " ") + "\n")
        self._f.flush()

    def close(self) -> None:
        """Close the file (a second close does nothing)."""
        if self._f is not None:
            f, self._f = self._f, None
            f.close()


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` so that ``path`` holds either the old or the new content, never half.

    A temp file in the same folder is written, flushed and fsynced, then renamed over ``path``;
    the folder is fsynced where the platform allows it. Raises OSError on failure (nothing is left behind).
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Make a rename inside ``folder`` durable; a no-op where folders cannot be opened (Windows)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def aside_path(path: Path, reason: str) -> Path:
    """A free name ``<name>.<reason>-<YYYYmmdd-HHMMSS>`` (plus ``-N`` if taken) next to ``path``."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.name}.{reason}-{stamp}")
    n = 1
    while candidate.exists() or Path(f"{candidate}-wal").exists():
        candidate = path.with_name(f"{path.name}.{reason}-{stamp}-{n}")
        n += 1
    return candidate


def move_aside(path: Path, reason: str, companions: tuple[str, ...] = ()) -> Path:
    """Rename ``path`` (and ``path + suffix`` for each companion that exists) aside; never deletes.

    Returns the new name of the main file. Raises OSError when the main file cannot be renamed.
    """
    path = Path(path)
    target = aside_path(path, reason)
    os.replace(path, target)
    for suffix in companions:
        extra = Path(f"{path}{suffix}")
        if extra.exists():
            try:
                os.replace(extra, Path(f"{target}{suffix}"))
            except OSError:
                pass
    fsync_dir(path.parent)
    return target


def describe_os_error(exc: BaseException) -> str:
    """Why a file could not be written, in words a teacher can act on."""
    code = getattr(exc, "errno", None)
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _("the data folder is read-only")
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return _("the disk is full")
    if code in (errno.ENOTDIR, errno.EEXIST, errno.ENOENT):
        return _("the data folder cannot be created")
    detail = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return _("the data folder cannot be used ({detail})").format(detail=detail)
