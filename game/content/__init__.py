"""Scenario content: YAML reading with marks, the pydantic model, the catalog and the lint pass."""
