"""The records as the room's thread writes them for students' devices: the writes of actions that arrive together
share one transaction, committed (one sync to disk) before any of those devices is answered, so a class tapping at
once costs one disk sync, and no device sees its next screen before its decision is on disk."""

from __future__ import annotations

import sqlite3
from typing import Callable, TypeVar

from . import log
from .store import Store

T = TypeVar("T")
SAVEPOINT = "device_write"


class BatchStore(Store):
    """A Store whose writes wait in one open transaction until `commit()` (each write still all or nothing)."""

    def _write(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        def tx(conn: sqlite3.Connection) -> T:
            if not conn.in_transaction:
                conn.execute("BEGIN IMMEDIATE")
            conn.execute(f"SAVEPOINT {SAVEPOINT}")
            try:
                result = fn(conn)
            except BaseException:
                try:
                    conn.execute(f"ROLLBACK TO {SAVEPOINT}")  # this write only; the others of the batch stay
                    conn.execute(f"RELEASE {SAVEPOINT}")
                except sqlite3.Error:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                raise
            conn.execute(f"RELEASE {SAVEPOINT}")
            return result

        return self._run(tx)

    @property
    def pending(self) -> bool:
        """True while written records wait for `commit()`."""
        return self._conn.in_transaction

    def commit(self) -> None:
        """Put every waiting write on disk now (never raises: trouble is logged, records carry on in memory)."""
        def done(conn: sqlite3.Connection) -> None:
            if conn.in_transaction:
                conn.execute("COMMIT")

        try:
            self._run(done)
            self._check_still_there()
        except sqlite3.Error:
            log.exception("device records could not be committed")

    def close(self) -> None:
        """Commit what waits, then close."""
        self.commit()
        super().close()
