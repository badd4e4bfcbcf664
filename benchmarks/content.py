"""Content figures: validating generated scenarios vs a bare PyYAML C load of the same files."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import yaml

from game.content.catalog import load_shared, pack_root
from game.content.diagnostics import DiagnosticBag
from game.content.lint import lint
from game.content.loader import load_scenario

from .common import Figure, interleaved


def scenario_yaml(index: int, nodes: int = 20, seed: int = 0) -> str:
    """A valid generated scenario of `nodes` nodes with choices, a spot task and three endings."""
    rng = random.Random(seed * 100_003 + index)
    lines = [
        "schema_version: 1",
        f"id: gen-{index}",
        "title: Generated story",
        "summary: A generated story used to measure the validator.",
        "theme: theme.fake_job",
        "age_tier: core",
        "minutes: 5",
        "content_note: A generated story about a job offer.",
        "learning_goals: [Check an offer before you answer.]",
        "variables:",
        "  checked: false",
        "characters:",
        "  - {id: sam, name: Sam, role: recruiter}",
        "start: n0",
        "nodes:",
    ]
    body = nodes - 3
    for i in range(body):
        nxt = f"n{i + 1}" if i + 1 < body else "end_safe"
        lines += [f"  n{i}:", "    screen: dm", "    with: sam", "    messages:"]
        for j in range(3):
            who = "sam" if j % 2 == 0 else "me"
            lines.append(f"      - {{from: {who}, text: 'Message {j} of node {i}, number {rng.randint(1, 999)}.',"
                         f" time: '9:4{j} PM'}}")
        if i == 2:
            lines += [
                "    spot:",
                "      prompt: Tap what worries you.",
                "      from: sam",
                "      text: We are small. Decide tonight. Pay is in gift cards.",
                "      parts:",
                "        - {text: We are small., flag: false, explain: Small shops are normal.}",
                "        - {text: Decide tonight., flag: true, explain: Rushing you is a trick., tags: [stage.ask]}",
                "        - {text: Pay is in gift cards., flag: true, explain: Real jobs pay properly.}",
                f"      goto: {nxt}",
            ]
            continue
        lines += [
            "    choices:",
            f"      - text: Check first\n        goto: {nxt}\n        points: 2\n        feedback: Checking helps.\n"
            "        tags: [skill.verify]\n        set: {checked: true}",
            f"      - text: Tell an adult\n        goto: {'end_help' if i % 4 == 1 else nxt}\n        points: 2\n"
            "        feedback: Telling someone helps.\n        tags: [skill.tell_trusted_adult]",
            f"      - text: Go along\n        goto: {'end_risky' if i % 5 == 3 else nxt}\n"
            "        feedback: This is on Sam. Telling someone still helps.\n"
            "        when: {var: checked, equals: false}",
        ]
    lines += [
        "  end_safe:\n    screen: narration\n    ending: {tone: safe, title: Safe, text: You stayed safe.}",
        "  end_help:\n    screen: narration\n    ending: {tone: help_sought, title: Help, text: You got help.}",
        "  end_risky:\n    screen: narration\n    ending: {tone: risky, title: Hard, text: It got hard.,"
        " still_helps: Tell someone.}",
        "debrief:",
        "  red_flags:",
        "    - {at: n2, quote: Decide tonight., label: Rush, explain: Rushing is a trick., tags: [stage.ask]}",
        "  tactics: [stage.ask]",
        "  questions: [What was odd?, Who could help?, What could you check?]",
        "  help_a_friend: Help them check the offer.",
        "  resources: [ftc_reportfraud]",
    ]
    return "\n".join(lines) + "\n"


def write_corpus(folder: Path, count: int = 1000) -> list[Path]:
    """Write `count` generated scenario files and return their paths."""
    paths = []
    for i in range(count):
        p = folder / f"gen-{i:04d}.yaml"
        p.write_text(scenario_yaml(i), encoding="utf-8")
        paths.append(p)
    return paths


def validate_all(paths: list[Path]) -> int:
    """Load + schema + lint every file; returns the number of diagnostics (expected 0)."""
    count = 0
    for p in paths:
        loaded = load_scenario(p)
        if loaded.model is None:
            count += len(loaded.diagnostics) or 1
            continue
        bag = DiagnosticBag(str(p))
        pack = pack_root(p)
        lint(loaded.model, loaded.marks, bag, load_shared(pack), pack, p)
        count += len(bag.items)
    return count


def bare_load_all(paths: list[Path]) -> int:
    """The baseline: yaml.load with the C safe loader, nothing else."""
    n = 0
    for p in paths:
        with p.open("rb") as fh:
            data = yaml.load(fh, Loader=yaml.CSafeLoader)  # noqa: S506 - CSafeLoader is the safe loader
        n += len(data)
    return n


def validate_figure() -> Figure:
    """Validate 1,000 generated ~20-node scenarios vs a bare CSafeLoader load: target <= 1.5x."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_corpus(Path(tmp))
        problems = validate_all(paths)
        if problems:
            raise RuntimeError(f"generated scenarios should validate cleanly; got {problems} diagnostics")
        ours, bare = interleaved(lambda: validate_all(paths), lambda: bare_load_all(paths), repeats=3)
    return Figure("validate 1000 scenarios vs yaml.load", ours, bare, 1.5)


def explorer_figure() -> Figure:
    """Explorer time on a generated 500-node scenario vs a 50-node one: near-linear, ratio <= 15."""

    from game.content.loader import load_text_bytes
    from game.content.schema import Scenario
    from game.engine.explorer import explore

    def build(nodes: int) -> Scenario:
        loaded = load_text_bytes(scenario_yaml(0, nodes=nodes).encode(), Scenario, "gen.yaml")
        assert loaded.model is not None, [d.format() for d in loaded.diagnostics]
        return loaded.model

    small, large = build(50), build(500)
    explore(small)
    explore(large)
    # alternated, best of 25 each: both sides see the same machine load (a few-millisecond figure is noisy)
    big, little = interleaved(lambda: explore(large), lambda: explore(small), repeats=25)
    return Figure("explore 500 nodes vs 50 nodes", big, little, 15.0)


def huge_file_figure() -> Figure:
    """Validating one 100,000-node file: refused or done within 2 s (baseline = the 2 s budget)."""
    import time

    from game.session.check import check_file

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "huge.yaml"
        path.write_text(scenario_yaml(0, nodes=100_000), encoding="utf-8")
        start = time.perf_counter()
        checked = check_file(path)
        elapsed = time.perf_counter() - start
        if checked.entry.scenario is not None and not checked.diagnostics:
            raise RuntimeError("a 100,000-node file should be refused by the size limit")
    return Figure("validate a 100,000-node file (2 s)", elapsed, 2.0, 1.0)


def figures() -> list[Figure]:
    """Every content figure."""
    return [validate_figure(), explorer_figure(), huge_file_figure()]
