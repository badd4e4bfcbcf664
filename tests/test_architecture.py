"""Layering: imports point down the floors, only game/ui imports pygame, only game/net uses the network (and it
never connects out), nothing uses eval, exec or pickle."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

GAME = Path(__file__).resolve().parents[1] / "game"
PURE = ["game.content", "game.engine", "game.session", "game.tools", "game.usage", "game.cli"]

ALLOWED = {
    "content": set(),
    "engine": {"content"},
    "session": {"content", "engine", "usage"},
    "net": {"content", "engine", "session", "usage"},  # the classroom network layer, when it lands
    "ui": {"content", "engine", "session", "usage", "net"},
    "tools": {"content", "engine", "session", "usage"},
    "usage": set(),
    "cli": {"content", "engine", "session", "usage", "net", "ui", "tools"},
    "__main__": {"cli"},
}
"""Which top-level parts of `game` each part may import (imports inside functions and TYPE_CHECKING blocks count
too). content is the floor; engine stands on it, session on both; ui and tools on those and never on each other;
only the command table (game/cli.py) imports both front ends; usage.py (UsageError) is a leaf anyone may raise."""


def _modules(package: str) -> list[str]:
    folder = GAME.parent / package.replace(".", "/")
    return [package + "." + ".".join(p.relative_to(folder).with_suffix("").parts)
            for p in sorted(folder.rglob("*.py")) if p.name != "__init__.py" and p.name != "__main__.py"]


def test_pure_packages_import_without_pygame() -> None:
    mods = [m for pkg in PURE for m in [pkg, *_modules(pkg)] if (GAME.parent / pkg.replace(".", "/")).exists()]
    code = "import sys\nsys.modules['pygame'] = None\n" + "".join(f"import {m}\n" for m in mods)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=GAME.parent, timeout=120)
    assert proc.returncode == 0, proc.stderr


NETWORK_MODULES = {"socket", "http", "urllib", "requests", "ftplib", "smtplib", "telnetlib", "xmlrpc", "asyncio",
                   "ssl", "selectors", "socketserver", "aiohttp", "websockets", "uvicorn", "starlette", "httpx",
                   "urllib3"}
"""Only game/net may import these (the room students' devices join)."""
FORBIDDEN_MODULES = {"pickle", "marshal", "shelve"}
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}
NET = GAME / "net"


def _imports(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, module) for every absolute import in a tree."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.extend((node.lineno, a.name) for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append((node.lineno, node.module))
    return out


def test_only_game_net_imports_networking() -> None:
    offenders = [f"{path.relative_to(GAME.parent)}:{line} imports {name}"
                 for path in sorted(GAME.rglob("*.py")) if NET not in path.parents
                 for line, name in _imports(ast.parse(path.read_text(encoding="utf-8")))
                 if name.split(".")[0] in NETWORK_MODULES]
    assert offenders == []


def test_game_net_only_listens_and_never_connects_out() -> None:
    """No client: no ClientSession, urlopen, connect or create_connection anywhere in the network layer."""
    client_names = {"ClientSession", "urlopen", "connect", "connect_ex", "create_connection", "open_connection",
                    "ws_connect", "TCPConnector", "ClientRequest", "sendto"}
    found = []
    for path in sorted(NET.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else None
            if name in client_names:
                found.append(f"{path.relative_to(GAME.parent)}:{node.lineno} {name}")
    assert found == []
    assert {n.split(".")[0] for path in NET.rglob("*.py")
            for _l, n in _imports(ast.parse(path.read_text(encoding="utf-8")))} & NETWORK_MODULES, \
        "the checker looks at the package that does use the network"


def test_no_eval_exec_or_pickle_under_game() -> None:
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


def _part(path: Path) -> str:
    """The top-level part of game/ a file belongs to: a package name, or a module name for game/*.py."""
    rel = path.relative_to(GAME)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def _imported_parts(path: Path, root: Path = GAME.parent) -> list[tuple[int, str]]:
    """(line, part of game) for every import of another part of the game in a file, relative ones resolved."""
    pkg = list(path.relative_to(root).with_suffix("").parts[:-1])
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = pkg[:len(pkg) - (node.level - 1)]
                mod = ".".join(base + ([node.module] if node.module else []))
                targets = [mod] if node.module else [f"{mod}.{a.name}" for a in node.names]
            elif node.module:
                targets = [node.module]
        for t in targets:
            bits = t.split(".")
            if bits[0] == "game" and len(bits) > 1:
                out.append((node.lineno, bits[1]))
    return out


def _import_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in sorted(GAME.rglob("*.py")):
        me = _part(path)
        if me == "__init__":
            continue
        graph.setdefault(me, set()).update(p for _line, p in _imported_parts(path) if p != me)
    return graph


def test_imports_point_down_the_floors() -> None:
    problems = []
    for path in sorted(GAME.rglob("*.py")):
        me = _part(path)
        if me == "__init__":
            continue
        assert me in ALLOWED, f"{path}: a new top-level part of game/ needs a line in ALLOWED"
        for line, other in _imported_parts(path):
            if other != me and other not in ALLOWED[me]:
                problems.append(f"{path.relative_to(GAME.parent)}:{line}: {me} imports {other}")
    assert problems == []


def test_ui_and_tools_never_import_each_other_and_only_the_command_table_imports_both() -> None:
    graph = _import_graph()
    assert "tools" not in graph.get("ui", set()) and "ui" not in graph.get("tools", set())
    both = [part for part, deps in graph.items() if {"ui", "tools"} <= deps]
    assert both == ["cli"]


def test_no_import_cycles_between_parts() -> None:
    graph = _import_graph()
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            assert state.get(nxt) != 1, f"import cycle: {' -> '.join([*trail, node, nxt])}"
            if nxt not in state:
                visit(nxt, [*trail, node])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [])


def test_the_floor_checker_sees_relative_late_and_type_checking_imports(tmp_path: Path) -> None:
    """The checker itself finds a late relative import, a TYPE_CHECKING one and an absolute one."""
    bad = tmp_path / "game" / "tools" / "sub" / "x.py"
    bad.parent.mkdir(parents=True)
    bad.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ...cli import main\n"
                   "def f():\n    from ...ui import app\n    import game.net.room\nfrom .. import graph\n",
                   encoding="utf-8")
    assert sorted(_imported_parts(bad, tmp_path)) == [(3, "cli"), (5, "ui"), (6, "net"), (7, "tools")]
    player = GAME / "ui" / "scenes" / "player.py"
    assert {"content", "engine", "session"} <= {p for _line, p in _imported_parts(player)}


def test_nothing_under_ui_evaluates_a_condition() -> None:
    """Screens show what the engine recorded at the moment it was shown; the UI never re-evaluates `when`."""
    offenders = []
    for path in sorted((GAME / "ui").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        tree = ast.parse(text)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("conditions"):
                offenders.append(f"{path.relative_to(GAME.parent)}:{node.lineno}")
            if isinstance(node, ast.Import) and any(a.name.endswith(".conditions") for a in node.names):
                offenders.append(f"{path.relative_to(GAME.parent)}:{node.lineno}")
    assert offenders == []
