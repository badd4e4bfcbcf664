"""The room's QR code drawn as rectangles from the module matrix (no image library), dark on white for any theme."""

from __future__ import annotations

from ..net.qr import dark_runs, qr_matrix
from .display import Box, Item, RectT

LIGHT = (255, 255, 255, 255)
DARK = (0, 0, 0, 255)
"""Phone cameras read dark modules on light best, so the code keeps these colours in high contrast too."""

_CACHE: dict[str, list[list[bool]]] = {}


def matrix_for(text: str) -> list[list[bool]]:
    """The module matrix for `text` (cached: the address does not change while a room is open)."""
    if text not in _CACHE:
        _CACHE.clear()
        _CACHE[text] = qr_matrix(text)
    return _CACHE[text]


def draw_qr(items: list[Item], x: int, y: int, size: int, text: str) -> RectT:
    """The QR code of `text` in a square of at most `size` px at (x, y), whole pixels per module; returns its rect."""
    matrix = matrix_for(text)
    n = len(matrix)
    px = max(1, size // n)
    side = px * n
    items.append(Box((x, y, side, side), LIGHT))
    for row, col, length in dark_runs(matrix):
        items.append(Box((x + col * px, y + row * px, length * px, px), DARK))
    return (x, y, side, side)
