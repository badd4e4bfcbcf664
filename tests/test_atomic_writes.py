"""Every file the game writes is written atomically: only game/session/atomic.py opens files for writing."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from game.session.atomic import atomic_write_bytes

GAME = Path(__file__).resolve().parents[1] / "game"
WRITERS = {"write_text", "write_bytes"}
ALLOWED = {GAME / "session" / "atomic.py"}


def _writes(path: Path) -> list[str]:
    """Calls in a module that write a file directly (open(..., 'w'/'a'/'x'), write_text, write_bytes, image.save
    to a path)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name in WRITERS:
            found.append(f"{path.name}:{node.lineno}: {name}")
        elif name in ("open", "fdopen"):
            modes = [a for a in node.args[1:2]] + [k.value for k in node.keywords if k.arg == "mode"]
            if any(isinstance(m, ast.Constant) and set(str(m.value)) & set("wax+") for m in modes):
                found.append(f"{path.name}:{node.lineno}: open for writing")
        elif name == "save" and isinstance(func, ast.Attribute) and ast.unparse(func.value).endswith("image"):
            target = node.args[1] if len(node.args) > 1 else None
            if not (isinstance(target, ast.Name) and target.id == "buf"):  # saving into memory is fine
                found.append(f"{path.name}:{node.lineno}: image.save to a file")
    return found


def test_only_the_atomic_helpers_write_files() -> None:
    offenders = [w for p in sorted(GAME.rglob("*.py")) if p not in ALLOWED for w in _writes(p)]
    assert offenders == [], "write through game.session.atomic (temp file + fsync + replace)"


def test_a_failed_atomic_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    out = tmp_path / "shot.png"
    out.write_bytes(b"old")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        atomic_write_bytes(out, b"new" * 1000)
    assert out.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["shot.png"]
