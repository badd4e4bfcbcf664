"""`python -m benchmarks`: print every figure as `name measured baseline ratio target PASS|FAIL`."""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Callable

from .common import Figure

# Each module exposes figures() -> list[Figure]. Modules that need a display import pygame themselves.
MODULES = ["benchmarks.content", "benchmarks.ui", "benchmarks.classroom", "benchmarks.devices", "benchmarks.plays"]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark modules (optionally only those whose name contains --only)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--only", help="run only modules whose name contains this text")
    ns = parser.parse_args(argv)
    print(f"{'name':<36} {'measured':>13} {'baseline':>13} {'ratio':>7}  target    result")
    failed = 0
    for name in MODULES:
        if ns.only and ns.only not in name:
            continue
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue  # not written yet
            raise
        run: Callable[[], list[Figure]] = module.figures
        for fig in run():
            print(fig.line(), flush=True)
            failed += not fig.passed
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
