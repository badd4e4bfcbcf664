"""Fixtures for the classroom tests: a data folder with a known set of class and solo records."""

from __future__ import annotations

from pathlib import Path

import pytest
from classroom_data import write_known_records


@pytest.fixture
def records(tmp_path: Path) -> Path:
    """A data folder holding the known records."""
    folder = tmp_path / "data"
    write_known_records(folder)
    return folder
