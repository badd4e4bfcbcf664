"""Build hook: compile the UI catalogs (game/ui/locale/*/LC_MESSAGES/*.po -> .mo) into every wheel and editable
install, so no compiled catalog is ever committed or edited by hand."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def _i18n_tool(root: Path) -> Any:
    """game/tools/i18n.py, loaded by path (the build environment has Babel, not the game's dependencies)."""
    spec = importlib.util.spec_from_file_location("_rfr_i18n", root / "game" / "tools" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class CatalogBuildHook(BuildHookInterface):  # type: ignore[misc]
    """Writes each .mo next to its .po and ships it in the wheel (the .mo files are git-ignored)."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        tool = _i18n_tool(Path(self.root))
        for mo, data in tool.compiled().items():
            if not mo.is_file() or mo.read_bytes() != data:
                mo.write_bytes(data)  # build output next to its .po (git-ignored), not a player's data
            build_data["artifacts"].append(mo.relative_to(self.root).as_posix())
