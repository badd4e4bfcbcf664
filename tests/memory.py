"""Give freed native memory back between tests: the soaks build dozens of Apps, and the C heap (SDL surfaces,
FreeType faces) kept what each one freed, so the long suite's peak grew with every test."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from typing import Any, Optional


def _libc() -> Optional[Any]:
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        libc = ctypes.CDLL(name)
        libc.malloc_trim  # noqa: B018 - glibc only (musl, macOS and Windows have no malloc_trim)
        return libc
    except (OSError, AttributeError):
        return None


LIBC = _libc()


def give_back() -> None:
    """Collect Python garbage (a closed App's surfaces and fonts go with it), then return free C heap pages."""
    gc.collect()
    if LIBC is not None:
        LIBC.malloc_trim(0)


def rss_mb() -> float:
    """This process's resident memory now, in MB (Linux), else 0."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * 4096 / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0
