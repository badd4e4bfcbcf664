"""W420: a TODO left from `import-twee` (a placeholder text, score, tone, condition or theme) is still there."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from .diagnostics import DiagnosticBag
from .schema import Scenario
from .yamlread import Marks

MARK = re.compile(r"\bTODO(?: review)?:")
"""How the importer marks what a person still has to do (`# TODO: ...`, `"TODO: ..."`, `# TODO review: ...`)."""
PLACEHOLDER_THEME = "theme.tutorial"
"""The theme an import starts with; it marks the practice round, so a real story must choose its own."""
IMPORTED = "# Imported from Twine"
MAX_READ = 1_000_000


def leftover_todos(scn: Scenario, marks: Marks, bag: DiagnosticBag, file_path: Optional[Path]) -> None:
    """Warn (W420) at every line that still holds an import TODO, and at a theme left as the placeholder."""
    if file_path is None:
        return
    try:
        text = file_path.read_bytes()[:MAX_READ].decode("utf-8-sig", errors="replace")
    except OSError:
        return
    theme_line = marks.at(("theme",))[0]
    theme_flagged = False
    for lineno, line in enumerate(text.splitlines(), start=1):
        m = MARK.search(line)
        if m is None:
            continue
        if lineno == theme_line and scn.theme == PLACEHOLDER_THEME:
            theme_flagged = True
            _theme(bag, marks)
            continue
        said = " ".join(line[m.end():].split()).strip("\"' ")
        said = said if len(said) <= 80 else said[:79] + "…"
        bag.warning("W420", f"a TODO from the import is still here: {said or 'fill this in'}", (lineno, m.start() + 1),
                    hint="do what it says, then delete the TODO (validate --strict fails while any is left)")
    if not theme_flagged and scn.theme == PLACEHOLDER_THEME and IMPORTED in text[:4000]:
        _theme(bag, marks)


def _theme(bag: DiagnosticBag, marks: Marks) -> None:
    bag.warning("W420", f"the theme is still the import's placeholder '{PLACEHOLDER_THEME}', the practice "
                "round's theme", marks.at(("theme",)),
                hint="choose the theme.* tag from scenarios/tags.yaml that says what this story is about")
