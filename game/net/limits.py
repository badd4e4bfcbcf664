"""The room's limits (body size, devices, request rate, wrong codes) and the small counters that enforce them."""

from __future__ import annotations

import time
from collections import deque
from typing import Callable, Optional

MAX_BODY = 4096
"""Largest request body or WebSocket message, in bytes."""
MAX_DEVICES = 200
"""Most devices one room takes."""
RATE_PER_S = 20
"""Most requests (and WebSocket messages) one device may send in a second; more are refused."""
WRONG_CODES = 5
"""Wrong room codes one device may try before it must wait."""
WRONG_WAIT_S = 30.0
"""How long a device waits after WRONG_CODES wrong codes."""
ADDRESS_WRONG_CODES = 20
"""Wrong room codes from one network address (whatever devices it claims to be) before it must wait too."""
MAX_KEYS = 2000
"""Most counters kept (the oldest are dropped first), so nobody can fill memory with made-up devices."""

Clock = Callable[[], float]


class RateLimit:
    """At most `per_s` events per key in any one-second window (a sliding window of timestamps)."""

    def __init__(self, per_s: int = RATE_PER_S, clock: Clock = time.monotonic) -> None:
        self.per_s = per_s
        self.clock = clock
        self._seen: dict[str, deque[float]] = {}

    def allow(self, key: str) -> bool:
        """Count one event for `key`; False when it is over the limit (the event is refused, not counted)."""
        now = self.clock()
        q = self._seen.get(key)
        if q is None:
            if len(self._seen) >= MAX_KEYS:
                self._seen.pop(next(iter(self._seen)))
            q = self._seen[key] = deque()
        while q and now - q[0] >= 1.0:
            q.popleft()
        if len(q) >= self.per_s:
            return False
        q.append(now)
        return True


class WrongCodes:
    """Counts wrong room codes per key; `limit` of them means a wait of `wait_s` seconds (then the count restarts)."""

    def __init__(self, limit: int = WRONG_CODES, wait_s: float = WRONG_WAIT_S, clock: Clock = time.monotonic) -> None:
        self.limit = limit
        self.wait_s = wait_s
        self.clock = clock
        self._wrong: dict[str, int] = {}
        self._until: dict[str, float] = {}

    def wait(self, key: str) -> Optional[float]:
        """Seconds `key` must still wait, or None when it may try a code."""
        until = self._until.get(key)
        if until is None:
            return None
        left = until - self.clock()
        if left <= 0:
            del self._until[key]
            return None
        return left

    def wrong(self, key: str) -> int:
        """Count a wrong code; returns how many tries are left before the wait (0: the wait starts now)."""
        if len(self._wrong) >= MAX_KEYS and key not in self._wrong:
            self._wrong.pop(next(iter(self._wrong)))
        n = self._wrong.get(key, 0) + 1
        if n >= self.limit:
            self._wrong.pop(key, None)
            self._until[key] = self.clock() + self.wait_s
            return 0
        self._wrong[key] = n
        return self.limit - n

    def right(self, key: str) -> None:
        """A right code: forget the wrong ones."""
        self._wrong.pop(key, None)
