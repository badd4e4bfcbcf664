"""One long soak in a process of its own (the `-m fuzz` soaks): `python tests/ui/soak_child.py intent SCENE N` or
`... raw SCENE N SEED`. The suite's peak memory is then one soak's, not the sum of what 44 soaks left in the C heap.
Exit 0 when the soak passed; otherwise 1 with the failure (and how to replay it) on stderr."""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent


def _make_app(data: Path) -> tuple[Callable[..., Any], list[Any]]:
    """The `make_app` fixture's App factory (strict, headless by default, its own data folder)."""
    from game.ui.app import App, AppOptions

    made: list[Any] = []

    def make(**kw: object) -> Any:
        kw.setdefault("headless", True)
        kw.setdefault("strict", True)
        kw.setdefault("data_dir", data)
        kw.setdefault("size", (1280, 720))
        app = App(AppOptions(**kw))  # type: ignore[arg-type]
        made.append(app)
        return app

    return make, made


def main(argv: list[str]) -> int:
    for key, value in (("SDL_VIDEODRIVER", "dummy"), ("SDL_AUDIODRIVER", "dummy"), ("PYGAME_HIDE_SUPPORT_PROMPT", "1")):
        os.environ.setdefault(key, value)
    sys.path[:0] = [str(HERE), str(HERE.parent), str(HERE.parents[1])]
    import test_ui_soak as soaks

    kind, scene, n = argv[0], argv[1], int(argv[2])
    with tempfile.TemporaryDirectory() as tmp:
        make, made = _make_app(Path(tmp) / "data")
        try:
            if kind == "intent":
                soaks.intent_soak(make, scene, n)
            else:
                monkey = soaks.raw_soak(make, scene, n, seed=int(argv[3]))
                assert monkey.events >= n, f"only {monkey.events} raw events"
        except BaseException:  # noqa: BLE001 - reported to the test in the parent
            traceback.print_exc()
            return 1
        finally:
            for app in made:
                try:
                    app.close()
                except Exception:  # noqa: BLE001
                    pass
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
