"""Where the game keeps its data: the per-user folder, or the folder given with --data-dir."""

from __future__ import annotations

from pathlib import Path
from typing import Union

from platformdirs import user_data_dir

APP_NAME = "red-flag-radar"


def default_data_dir() -> Path:
    """The per-user data folder chosen by platformdirs (not created here)."""
    return Path(user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(override: Union[str, Path, None]) -> Path:
    """The --data-dir option when given (``~`` expanded), else the per-user default."""
    if override is None or (isinstance(override, str) and not override.strip()):
        return default_data_dir()
    return Path(override).expanduser()
