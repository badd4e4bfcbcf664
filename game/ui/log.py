"""Logging without importing `logging` at start-up (the first frame should not wait for it)."""

from __future__ import annotations

from typing import Any

NAME = "game.ui"


def _logger() -> Any:
    import logging

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
