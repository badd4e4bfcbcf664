"""Replay highlights (issue 12 item 6): one rounded shape per phrase across its lines, a number at its start matching
its chip, and no screen caption cut by the replay view's top edge."""

from __future__ import annotations

from typing import Callable

import pytest
from drive import send

from game.content.catalog import scenarios_dir
from game.ui.app import App
from game.ui.display import Poly
from game.ui.headless import ScriptRunner
from game.ui.intents import Next
from game.ui.kinds.rich import phrase_rows, phrase_shapes
from game.ui.launch import open_start
from game.ui.scenes.debrief import DebriefScene

EN = scenarios_dir() / "en"


def test_a_wrapped_phrase_is_one_shape_inside_its_lines() -> None:
    rects = [(200, 10, 100, 20), (0, 30, 300, 20), (0, 50, 80, 20)]  # ends a line, fills one, starts the next
    rows = phrase_rows(rects, 3)
    assert rows[0][3] == rows[1][1] and rows[1][3] == rows[2][1], "the rows meet"
    shapes = phrase_shapes(rows, (1, 2, 3, 255), radius=4)
    assert len(shapes) == 1 and isinstance(shapes[0], Poly)
    x, y, w, h = shapes[0].rect
    assert (x, y) == (-3, 10) and x + w == 303 and y + h == 70, "never above its first line or below its last"


def test_a_phrase_wrapped_without_a_common_column_is_two_shapes() -> None:
    rows = phrase_rows([(250, 10, 50, 20), (0, 30, 100, 20)], 2)
    assert len(phrase_shapes(rows, (1, 2, 3, 255), radius=4)) == 2


def _to_replay(make_app: Callable[..., App], stem: str, **kw: object) -> DebriefScene:
    app = make_app(scenario=EN / f"{stem}.yaml", **kw)
    assert open_start(app) == 0
    app.step()
    runner = ScriptRunner(app, None)
    for _ in range(200):
        if app.top is not None and app.top.name == "debrief":
            break
        beat = type(getattr(app.top, "beat", None)).__name__
        runner.run(["2" if beat == "ChoiceBeat" else ("spot:1+2" if beat == "SpotBeat" else "next")])
    scene = app.top
    assert isinstance(scene, DebriefScene) and scene.kind == "replay"
    return scene


@pytest.mark.parametrize("stem,size,scale", [("grooming-dms", (1280, 720), 1.0), ("gaming", (1280, 720), 2.0),
                                             ("fake-job", (1920, 1080), 1.0)])
def test_stepping_through_the_flags_never_cuts_a_caption(make_app: Callable[..., App], stem: str,
                                                         size: tuple[int, int], scale: float) -> None:
    scene = _to_replay(make_app, stem, size=size, text_scale=scale)
    app = scene.app
    for _ in range(len(scene.seen)):
        sv = scene.scrolls["replay"]
        rep = scene.replay
        assert rep is not None
        edge = sv.rect[1] + sv.offset
        assert not [c for c in rep.captions if c[0] < edge < c[1]], "a caption cut by the header"
        rs = rep.anchors[scene.current_flag]  # type: ignore[index]
        assert edge <= min(r[1] for r in rs) and max(r[1] + r[3] for r in rs) <= edge + sv.view_h or \
            max(r[3] for r in rs) * len(rs) > sv.view_h, "the current red flag is in view"
        rings = [it for it in rep.items if isinstance(it, Poly) and it.width > 0 and it.color == app.ctx.c("flag")]
        assert len(rings) >= 1, "the current flag is ringed once"
        if scene.kind != "replay":
            break
        send(app, Next())  # type: ignore[arg-type]
        if scene.kind != "replay":
            break
