"""A small test double of one device's play (game/session/device_play.DevicePlay's interface) over a real
PlaySession, for the room's tests only: a content note, then the engine's beats, with the same actions."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from game.engine.beats import ChoiceBeat, SpotBeat, SummaryBeat
from game.session.catalog import CatalogItem, check_item
from game.session.play import PlaySession

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios" / "en"


def item(story: str) -> CatalogItem:
    """A shipped story, checked."""
    it = check_item(SCENARIOS / f"{story}.yaml")
    assert it.ok, it.diagnostics
    return it


class DoublePlay:
    """Note first; choose / spot / next on the engine's beats; leave."""

    def __init__(self, it: CatalogItem, seed: int, store: Any = None) -> None:
        self.session = PlaySession(it, None, store, seed=seed)
        self.seed = seed
        self.at_note = True
        self.left = False
        self.step = 0

    def view(self) -> dict[str, Any]:
        if self.at_note:
            return {"kind": "note", "step": self.step}
        beat = self.session.beat()
        out: dict[str, Any] = {"kind": type(beat).__name__, "step": self.step}
        if isinstance(beat, ChoiceBeat):
            out["options"] = [o.choice.text for o in beat.options]
        if isinstance(beat, SpotBeat):
            out["parts"] = len(beat.spot.parts)
        return out

    def act(self, action: object) -> None:
        assert isinstance(action, dict)
        do = action.get("do")
        self.step += 1
        if do == "leave":
            self.left = True
            return
        if self.at_note:
            if do != "note" or not isinstance(action.get("go"), bool):
                raise ValueError("read the note first")
            self.at_note = False
            self.left = not action["go"]
            return
        beat = self.session.beat()
        if do == "choose" and isinstance(beat, ChoiceBeat):
            n = action.get("option")
            if not isinstance(n, int) or isinstance(n, bool) or not 0 <= n < len(beat.options):
                raise ValueError("no such option")
            self.session.choose(beat.options[n].index)
        elif do == "spot" and isinstance(beat, SpotBeat):
            marks = action.get("marks")
            if not isinstance(marks, list) or not all(isinstance(m, int) for m in marks):
                raise ValueError("bad marks")
            self.session.submit_spot([m for m in marks if 0 <= m < len(beat.spot.parts)])
        elif do == "next" and not isinstance(beat, (ChoiceBeat, SpotBeat, SummaryBeat)):
            self.session.advance()
        else:
            raise ValueError("that does not fit here")

    @property
    def finished(self) -> bool:
        return self.session.finished

    @property
    def outcome(self) -> Optional[tuple[str, str, int]]:
        beat = self.session.beat()
        if not isinstance(beat, SummaryBeat):
            return None
        return self.session.state.node, beat.tone.value if beat.tone else "", beat.score


def next_action(beat: dict[str, Any], pick: int = 0) -> Optional[dict[str, Any]]:
    """What a device does on this beat (option `pick`, or the last, at every choice; no marks on spot tasks), or
    None at the summary."""
    kind = beat["kind"]
    if kind == "SummaryBeat":
        return None
    if kind == "note":
        return {"do": "note", "go": True}
    if kind == "ChoiceBeat":
        return {"do": "choose", "option": min(pick, len(beat["options"]) - 1)}
    if kind == "SpotBeat":
        return {"do": "spot", "marks": []}
    return {"do": "next"}


def play_to_summary(send: Any, view: dict[str, Any], pick: int = 0) -> dict[str, Any]:
    """Drive a device to the summary: `send(action)` returns the next answer."""
    for _ in range(300):
        assert view.get("type") == "beat", view
        action = next_action(view["beat"], pick)
        if action is None:
            return view
        view = send(action)
    raise AssertionError("the story did not end")
