"""The JSON Schema of the scenario format, for editors (yaml-language-server) and docs."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..content.catalog import data_dir
from ..content.schema import SCHEMA_VERSION, Scenario


def scenario_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a scenario file, with author-facing descriptions."""
    schema = Scenario.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"Red Flag Radar scenario (schema_version {SCHEMA_VERSION})"
    return schema


def schema_file() -> Path:
    """The committed JSON Schema file (schema/scenario.schema.json, or its copy in an installed wheel)."""
    return data_dir("schema") / "scenario.schema.json"


def schema_ref(out: Path) -> str:
    """The `$schema=` reference for a scenario written to `out`: relative to its folder, else a file URI."""
    target = schema_file().resolve()
    try:
        return os.path.relpath(target, out.resolve().parent).replace(os.sep, "/")
    except ValueError:  # another drive on Windows
        return target.as_uri()


def schema_line(out: Path) -> str:
    """The first line of a scenario file, so editors with the YAML language server check it as you type."""
    return f"# yaml-language-server: $schema={schema_ref(out)}"
