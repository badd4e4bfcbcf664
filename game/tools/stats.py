"""Structure and content statistics of a scenario, used by tests and by `python -m game.tools.stats`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from ..content.readability import fk_grade, max_grade, student_texts
from ..content.rules import blame_hits, is_fictional_number, phone_numbers
from ..content.schema import Scenario
from ..engine.explorer import Exploration
from ..session.check import check_file


def scenario_stats(scn: Scenario, ex: Exploration) -> dict[str, Any]:
    """Counts that the content rules ask for: decisions, endings, spots, variables, grade, rule hits."""
    texts = list(student_texts(scn))
    spots = [n.spot for n in scn.nodes.values() if n.spot is not None]
    used_vars = set()
    for node in scn.nodes.values():
        for m in node.messages:
            if m.when is not None:
                used_vars.add("message")
        for c in node.choices or []:
            if c.when is not None:
                used_vars.add("choice")
    phones = [p for t in texts for p in phone_numbers(t) if not is_fictional_number(p)]
    return {
        "id": scn.id,
        "age_tier": scn.age_tier.value,
        "minutes": scn.minutes,
        "decision_points": len(ex.decision_points),
        "endings": {e.id: e.tone for e in ex.endings if e.reachable},
        "tones": sorted({e.tone for e in ex.endings if e.reachable}),
        "unreachable_endings": [e.id for e in ex.endings if not e.reachable],
        "spot_tasks": len(spots),
        "spot_benign_parts": [sum(1 for p in s.parts if not p.flag) for s in spots],
        "variables": len(scn.variables),
        "conditional": sorted(used_vars),
        "screens": sorted({n.screen.value for n in scn.nodes.values()}),
        "choices_without_feedback": sum(1 for n in scn.nodes.values() for c in n.choices or [] if not c.feedback),
        "questions": len(scn.debrief.questions) if scn.debrief else 0,
        "resources": list(scn.debrief.resources) if scn.debrief else [],
        "grade": round(fk_grade(texts), 2),
        "grade_target": max_grade(scn.age_tier.value),
        "rule_hits": [f"{h.rule}: '{h.phrase}' in: {h.text[:60]}" for h in blame_hits(texts)],
        "real_phone_numbers": phones,
        "words": sum(len(t.split()) for t in texts),
        "best_score": ex.best_score,
        "paths": ex.paths,
    }


def main(argv: list[str] | None = None) -> int:
    """Print stats for scenario files as JSON."""
    args = sys.argv[1:] if argv is None else argv
    rc = 0
    for a in args:
        checked = check_file(Path(a))
        for d in checked.diagnostics:
            print(d.format())
        if checked.entry.scenario is None or checked.exploration is None:
            rc = 1
            continue
        print(json.dumps(scenario_stats(checked.entry.scenario, checked.exploration), indent=2))
    return rc


if __name__ == "__main__":
    raise SystemExit(main())
