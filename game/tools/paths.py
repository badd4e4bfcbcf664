"""`python main.py paths`: endings, score ranges, decision points, and with --routes one shortest script per ending."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..session.catalog import resolve_scenario
from ..session.check import check_file
from ..session.routes import HEADLESS_SEED, shortest_routes


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def cmd_paths(ns: argparse.Namespace) -> int:
    """Print the report; exit 1 when the file has errors or an ending is UNREACHABLE (the report still prints
    when the story could be explored)."""
    path = resolve_scenario(ns.scenario)
    checked = check_file(path, _display(path))
    for d in checked.errors:
        print(d.format(), file=sys.stderr)
    ex = checked.exploration
    scn = checked.entry.scenario
    if ex is None or scn is None:
        if not checked.errors:  # pragma: no cover - a file without errors is always explored
            print("error: the story could not be explored", file=sys.stderr)
        return 1
    routes, capped = shortest_routes(scn) if getattr(ns, "routes", False) else ([], False)
    failed = bool(checked.errors) or any(not e.reachable for e in ex.endings)
    if ns.format == "json":
        out = ex.to_dict()
        if getattr(ns, "routes", False):
            out["routes"] = [{"ending": r.ending, "script": r.script(), "score": r.score} for r in routes]
            out["routes_capped"] = capped
        print(json.dumps(out, indent=2))
        return 1 if failed else 0
    print(f"scenario {ex.scenario}: {ex.states} state(s), "
          f"{ex.paths}{'+' if ex.paths_capped else ''} path(s){' (capped)' if ex.paths_capped else ''}")
    print("endings:")
    for e in ex.endings:
        if e.reachable:
            print(f"  {e.id:24} {e.tone:12} score {e.min_score}..{e.max_score}")
        else:
            print(f"  {e.id:24} {e.tone:12} UNREACHABLE")
    print(f"best score: {ex.best_score}")
    print(f"decision points ({len(ex.decision_points)}): {', '.join(ex.decision_points) or '-'}")
    print(f"unreachable nodes: {', '.join(ex.unreachable_nodes) or '-'}")
    print(f"dead ends: {', '.join(ex.dead_ends) or '-'}")
    if getattr(ns, "routes", False):
        print(f"routes (the fewest steps to each ending, options numbered as shown with --seed {HEADLESS_SEED}; "
              "replay one with play --headless --scenario ID --script \"STEPS\"):")
        for r in routes:
            print(f"  {r.ending:24} {r.script()}")
        if capped:
            print("  (the search stopped at the state budget: some endings may have no route here)")
    return 1 if failed else 0
