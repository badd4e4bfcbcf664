"""Taking in what the server thread hands the game: the newest of the waiting snapshots, never blocking."""

from __future__ import annotations

import queue
from typing import Optional, TypeVar

T = TypeVar("T")


def newest(q: queue.SimpleQueue[T]) -> Optional[T]:
    """Empty the queue without waiting; the last item put in, or None when nothing was waiting."""
    latest: Optional[T] = None
    while True:
        try:
            latest = q.get_nowait()
        except queue.Empty:
            return latest
