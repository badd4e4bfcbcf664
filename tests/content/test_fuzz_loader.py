"""Loader fuzzing: mutated shipped scenarios never raise; every rejection has a code and a location.

A 500-case slice runs by default; `pytest -m fuzz` runs 10,000 mutation cases plus more hypothesis examples.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content.catalog import find_scenario_files, scenarios_dir
from game.content.diagnostics import CODES
from game.session.check import check_file

SOURCES = [p.read_bytes() for p in find_scenario_files(scenarios_dir())]
_MINI = (Path(__file__).resolve().parent.parent / "fixtures" / "mini.yaml").read_text(encoding="utf-8")
HOSTILE = [  # the red team's inputs (issue 17), mutated like the shipped files
    _MINI.replace("title: Mini story", 'title: "Mini\\0 story"').encode(),
    _MINI.replace("  end_safe:\n", '  "end_safe\\e]0;PWNED\\a":\n').replace("  checked: false\n",
                                                                           '  "chk\\e[2J": false\n').encode(),
    _MINI.replace("    role: recruiter\n",
                  '    role: recruiter\n    avatar: "a\\0/' + "b/" * 3000 + 'x.png"\n').encode(),
    _MINI.replace("      price: $900 a week\n", "      price: $900 a week\n      body: '" + "." * 60_000
                  + "'\n").encode(),
    _MINI.replace("learning_goals: [Check an offer before you answer.]",
                  "learning_goals: [" + ",".join(["{}"] * 100_000) + "]").encode(),
    _MINI.replace("summary: A tiny story used by the tests.", 'summary: "Call \\u202e0100-555-1"').encode(),
]
SOURCES += HOSTILE
ODD = ["\u202e", "\u200d", "\U0001f6a9", "e\u0301", "\x00", "\ufeff", "\u2028", "\t", "\r", "'", '"', "&a", "*a",
       "!!python/object:os.system", "{", "[", "- ", ": ", "#", "%", "@", "`", "\\", "~", "null", "yes", "12:30"]


def mutate(data: bytes, rng: random.Random) -> bytes:
    """Apply 1-4 random mutations: byte flips, line deletes/duplicates/swaps, odd text, huge strings."""
    lines = data.split(b"\n")
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(9)
        i = rng.randrange(len(lines))
        if op == 0 and lines[i]:
            j = rng.randrange(len(lines[i]))
            lines[i] = lines[i][:j] + bytes([rng.randrange(256)]) + lines[i][j + 1:]
        elif op == 1:
            del lines[i]
            if not lines:
                lines = [b""]
        elif op == 2:
            lines.insert(i, lines[i])
        elif op == 3:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 4:
            pos = rng.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:pos] + rng.choice(ODD).encode("utf-8") + lines[i][pos:]
        elif op == 5:
            lines[i] = lines[i] + b" " + b"x" * rng.choice([1000, 50_000])
        elif op == 6 and b":" in lines[i]:
            key, _, _ = lines[i].partition(b":")
            lines[i] = key + b": " + rng.choice([b"[1, 2]", b"{a: b}", b"-5", b"true", b"''", b"~", b"999999999999"])
        elif op == 7:
            lines[i] = b" " * rng.randrange(12) + lines[i].lstrip()
        else:
            lines.insert(i, rng.choice([b"---", b"...", b"%YAML 1.1", b"? complex", b"<<: {a: 1}"]))
    return b"\n".join(lines)


def check_bytes(tmp: Path, data: bytes) -> None:
    path = tmp / "fuzz.yaml"
    path.write_bytes(data)
    checked = check_file(path)
    for d in checked.diagnostics:
        assert d.code in CODES, d.code
        assert d.line >= 1 and d.col >= 1 and d.message
        assert d.format().startswith(f"{path}:{d.line}:{d.col}: ")
    if checked.entry.scenario is None:
        assert checked.errors, "a refused file always says why"


def run_cases(tmp: Path, seed: int, count: int) -> None:
    rng = random.Random(seed)
    for _ in range(count):
        check_bytes(tmp, mutate(rng.choice(SOURCES), rng))


def test_mutation_slice(tmp_path: Path) -> None:
    run_cases(tmp_path, seed=20261128, count=500)


@pytest.mark.fuzz
@pytest.mark.parametrize("block", range(20))
def test_mutation_long_run(tmp_path: Path, block: int) -> None:
    run_cases(tmp_path, seed=block * 7919 + 1, count=500)


scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=40))
trees = st.recursive(scalars, lambda children: st.one_of(
    st.lists(children, max_size=4), st.dictionaries(st.text(max_size=12), children, max_size=5)), max_leaves=30)
KEYS = ["schema_version", "id", "title", "summary", "theme", "age_tier", "minutes", "content_note",
        "learning_goals", "variables", "characters", "start", "nodes", "debrief"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(doc=st.dictionaries(st.sampled_from(KEYS), trees, max_size=len(KEYS)))
def test_structured_documents(tmp_path: Path, doc: dict) -> None:
    check_bytes(tmp_path, yaml.safe_dump(doc, allow_unicode=True).encode("utf-8"))
