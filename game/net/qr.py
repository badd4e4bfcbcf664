"""The QR code of the room's address as a matrix of dark modules (the projector draws it with rectangles)."""

from __future__ import annotations

import segno

QUIET = 4
"""Light modules around the code (the standard quiet zone)."""


def qr_matrix(text: str) -> list[list[bool]]:
    """Rows of modules, True for dark, quiet zone included (error correction M: readable on a washed-out projector)."""
    code = segno.make_qr(text, error="m", boost_error=False)
    return [[bool(v) for v in row] for row in code.matrix_iter(scale=1, border=QUIET)]


def dark_runs(matrix: list[list[bool]]) -> list[tuple[int, int, int]]:
    """(row, first column, length) for each run of dark modules in a row: few rectangles to draw."""
    runs = []
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                runs.append((y, start, x - start))
            else:
                x += 1
    return runs
