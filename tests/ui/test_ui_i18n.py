"""Every UI string goes through gettext with a literal message (so catalogs can be extracted)."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "game" / "ui"


def test_gettext_calls_take_literal_strings() -> None:
    bad = []
    count = 0
    for path in UI.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
                count += 1
                args = node.args[:2] if node.func.id == "ngettext" else node.args[:1]
                if not all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args):
                    bad.append(f"{path.name}:{node.lineno}")
    assert count > 150
    assert bad == []


def test_english_falls_back_to_the_source_strings() -> None:
    from game.ui.i18n import _, ngettext, set_language

    set_language("xx")
    assert _("Get help") == "Get help"
    assert ngettext("{n} point", "{n} points", 2) == "{n} points"
    set_language("en")
