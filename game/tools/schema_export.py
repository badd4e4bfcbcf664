"""The JSON Schema of the scenario format, for editors (yaml-language-server) and docs."""

from __future__ import annotations

from typing import Any

from ..content.schema import SCHEMA_VERSION, Scenario


def scenario_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a scenario file, with author-facing descriptions."""
    schema = Scenario.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"Red Flag Radar scenario (schema_version {SCHEMA_VERSION})"
    return schema
