"""Layering: only game/ui imports pygame; nothing under game/ uses the network, eval, exec or pickle."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

GAME = Path(__file__).resolve().parents[1] / "game"
PURE = ["game.content", "game.engine", "game.session", "game.tools"]


def _modules(package: str) -> list[str]:
    folder = GAME.parent / package.replace(".", "/")
    return [package + "." + ".".join(p.relative_to(folder).with_suffix("").parts)
            for p in sorted(folder.rglob("*.py")) if p.name != "__init__.py" and p.name != "__main__.py"]


def test_pure_packages_import_without_pygame() -> None:
    mods = [m for pkg in PURE for m in [pkg, *_modules(pkg)] if (GAME.parent / pkg.replace(".", "/")).exists()]
    code = "import sys\nsys.modules['pygame'] = None\n" + "".join(f"import {m}\n" for m in mods)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=GAME.parent, timeout=120)
    assert proc.returncode == 0, proc.stderr


FORBIDDEN_MODULES = {"socket", "http", "urllib", "requests", "ftplib", "smtplib", "telnetlib", "xmlrpc",
                     "asyncio", "ssl", "pickle", "marshal", "shelve"}
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}


def test_no_network_eval_exec_or_pickle_under_game() -> None:
    problems = []
    for path in GAME.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                if name.split(".")[0] in FORBIDDEN_MODULES:
                    problems.append(f"{path}:{node.lineno} imports {name}")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FORBIDDEN_CALLS:
                problems.append(f"{path}:{node.lineno} calls {node.func.id}")
            if isinstance(node, ast.Attribute) and node.attr in ("load", "unsafe_load", "full_load") and \
                    isinstance(node.value, ast.Name) and node.value.id == "yaml":
                problems.append(f"{path}:{node.lineno} uses yaml.{node.attr}")
    assert problems == []


def test_only_ui_imports_pygame() -> None:
    offenders = []
    for path in GAME.rglob("*.py"):
        if "ui" in path.relative_to(GAME).parts[:1]:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "pygame" for a in node.names):
                offenders.append(f"{path}:{node.lineno}")
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "pygame":
                offenders.append(f"{path}:{node.lineno}")
    assert offenders == []
