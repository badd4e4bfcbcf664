"""`play --headless --lang es --scenario ID --script auto:SEED` plays every Spanish story through to its summary,
in Spanish (the trace's messages are the Spanish twin's)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.content.catalog import find_scenario_files, scenarios_dir

ENGLISH = find_scenario_files(scenarios_dir() / "en", include_examples=False)


@pytest.mark.slow  # about 0.7 s of CPU a story
@pytest.mark.parametrize("english", ENGLISH, ids=[p.stem for p in ENGLISH])
def test_the_spanish_twin_plays_to_its_summary(english: Path, tmp_path: Path) -> None:
    from game.cli import main

    twin = scenarios_dir() / "es" / english.name
    assert twin.is_file(), f"every English story has a Spanish twin: scenarios/es/{english.name} is missing"
    trace = tmp_path / "trace.jsonl"
    code = main(["play", "--headless", "--lang", "es", "--scenario", english.stem, "--script", "auto:1",
                 "--data-dir", str(tmp_path / "data"), "--trace", str(trace)])
    assert code == 0
    events = [json.loads(line) for line in trace.read_text(encoding="utf-8").splitlines()]
    assert events[-1]["event"] == "end" and events[-1]["ending"]
    said = " ".join(m["text"] for e in events if e["event"] == "replay" for m in e.get("messages", []))
    first = next(m["text"] for e in events if e["event"] == "replay" for m in e.get("messages", []) if m["text"])
    assert said and first not in english.read_text(encoding="utf-8")  # the Spanish twin was played
