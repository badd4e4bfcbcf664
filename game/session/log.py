"""Logging without importing `logging` at start-up (the first frame should not wait for it)."""

from __future__ import annotations

from typing import Any

NAME = "game"


_configured = False


def _logger() -> Any:
    global _configured
    import logging

    if not _configured:  # what `play` used to set up at start: "LEVEL: message" on stderr, warnings and up
        _configured = True
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    return logging.getLogger(NAME)


def warning(msg: str, *args: object) -> None:
    """Log a warning (a missing image, an unreadable font)."""
    _logger().warning(msg, *args)


def error(msg: str, *args: object) -> None:
    """Log an error (a screen that failed, a file that could not be checked)."""
    _logger().error(msg, *args)


def exception(msg: str, *args: object) -> None:
    """Log an error with the current traceback."""
    _logger().exception(msg, *args)
