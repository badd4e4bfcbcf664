"""The JSON Schema of the radar item format (schema/radar.schema.json), for editors and docs."""

from __future__ import annotations

from typing import Any

from ..content.radar import RadarFile
from ..content.schema import SCHEMA_VERSION


def radar_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a radar item file, with author-facing descriptions."""
    schema = RadarFile.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"Red Flag Radar radar check items (schema_version {SCHEMA_VERSION})"
    return schema
