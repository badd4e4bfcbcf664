"""Where the game keeps its data: the per-user folder, or the folder given with --data-dir."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Union

APP_NAME = "red-flag-radar"


def default_data_dir() -> Path:
    """The per-user data folder (not created here): on Linux the XDG rule (an absolute $XDG_DATA_HOME, else
    ~/.local/share), worked out here so the title does not wait for platformdirs to import (a test keeps it equal to
    platformdirs' answer); elsewhere platformdirs' choice."""
    if sys.platform.startswith("linux"):
        xdg = os.environ.get("XDG_DATA_HOME", "")
        base = xdg if os.path.isabs(xdg) else os.path.expanduser("~/.local/share")
        return Path(base) / APP_NAME
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(override: Union[str, Path, None]) -> Path:
    """The --data-dir option when given (``~`` expanded), else the per-user default."""
    if override is None or (isinstance(override, str) and not override.strip()):
        return default_data_dir()
    return Path(override).expanduser()
