"""Session-test helpers: run a snippet as root *without* the permission override, so chmod really bites."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

ROOT = Path(__file__).resolve().parents[2]
DROP = "-dac_override,-dac_read_search"


@pytest.fixture
def run_unprivileged() -> Callable[..., str]:
    """Run ``python -c code args...`` with file-permission overrides dropped; its stdout. Skips when impossible."""

    def run(code: str, *args: object) -> str:
        setpriv = shutil.which("setpriv")
        if setpriv is None or not hasattr(os, "geteuid") or os.geteuid() != 0:
            pytest.skip("chmod does not stop writes here and setpriv is not available to drop root's override")
        env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
                   PYTHONDONTWRITEBYTECODE="1")
        proc = subprocess.run([setpriv, "--bounding-set", DROP, sys.executable, "-c", code, *map(str, args)],
                              capture_output=True, text=True, cwd=ROOT, env=env, timeout=30)
        if proc.returncode == 126 or "setpriv:" in proc.stderr:
            pytest.skip(f"setpriv cannot drop capabilities here: {proc.stderr.strip()}")
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    return run
