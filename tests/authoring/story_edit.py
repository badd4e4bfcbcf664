"""Test helper: the tutorial story that `new` writes, edited by exact text replacement and checked like validate."""

from __future__ import annotations

from pathlib import Path

from game.content.diagnostics import Diagnostic
from game.session.check import check_file
from game.tools.scaffold import scaffold

TUTORIAL = scaffold("my-first-story", Path("scenarios/en/my-first-story.yaml"))


def edited(*pairs: tuple[str, str]) -> str:
    """The tutorial with each (old, new) replaced once; a pair whose old text is missing fails loudly."""
    text = TUTORIAL
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def check_text(text: str, folder: Path, name: str = "story.yaml") -> list[Diagnostic]:
    """Write `text` as <folder>/en/<name> and return what validate reports for it."""
    path = folder / "en" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return check_file(path, name).diagnostics


def line_of(text: str, needle: str) -> int:
    """The 1-based line where `needle` first appears."""
    return text[: text.index(needle)].count("\n") + 1
