"""Everyone plays, on the server thread's side (no sockets): the teacher's story starts at once, a choice of stories
stays inside what the teacher allowed, one play per token, hostile actions refused, aggregates only, closing."""

from __future__ import annotations

import json
from typing import Any

import pytest
from play_double import DoublePlay, item, play_to_summary

from game.net.limits import MAX_DEVICES
from game.net.plays import Plays


def _plays(*stories: str, choose: bool = False, **kw: Any) -> Plays:
    return Plays([item(s) for s in stories], lambda it, seed, n: DoublePlay(it, seed), choose=choose, **kw)


def test_the_teachers_story_starts_at_hello_and_a_reload_resumes() -> None:
    plays = _plays("tutorial", seed=7)
    first = plays.greet("tok-a", 1)
    assert first == {"type": "beat", "beat": {"kind": "note", "step": 0}}
    after = plays.handle("tok-a", 1, {"do": "note", "go": True})
    assert after["type"] == "beat" and after["beat"]["kind"] != "note"
    assert plays.greet("tok-a", 1) == after, "a reload shows the same beat"
    assert plays.devices["tok-a"].play.seed == 8, "seed + device number: headless runs repeat"  # type: ignore[attr-defined]
    assert plays.handle("tok-a", 1, {"do": "start", "story": "tutorial"}) == \
        {"type": "error", "error": "the teacher picked the story"}


def test_students_choose_only_among_the_allowed_stories() -> None:
    plays = _plays("tutorial", "gaming", choose=True)
    menu = plays.greet("tok-a", 1)
    assert menu["type"] == "stories"
    assert [s["id"] for s in menu["stories"]] == ["tutorial", "gaming"]
    assert set(menu["stories"][0]) == {"id", "title", "summary", "minutes"}
    assert plays.handle("tok-a", 1, {"do": "next"}) == {"type": "error", "error": "pick a story first"}
    for story in ("loverboy", "../tutorial", "", None, 3, ["tutorial"], {"id": "tutorial"}):
        out = plays.handle("tok-a", 1, {"do": "start", "story": story})
        assert out == {"type": "error", "error": "that story is not open in this room"}, story
    assert plays.handle("tok-a", 1, {"do": "start", "story": "gaming", "x": 1})["type"] == "error"
    assert "tok-a" not in plays.devices
    assert plays.handle("tok-a", 1, {"do": "start", "story": "gaming"})["beat"]["kind"] == "note"
    assert plays.handle("tok-a", 1, {"do": "start", "story": "tutorial"}) == \
        {"type": "error", "error": "you are already playing"}
    plays.handle("tok-a", 1, {"do": "note", "go": False})  # opted out at the note: may pick another story
    assert plays.greet("tok-a", 1)["type"] == "stories"
    assert plays.handle("tok-a", 1, {"do": "start", "story": "tutorial"})["type"] == "beat"
    assert plays.devices["tok-a"].story == "tutorial"


@pytest.mark.parametrize("action", [None, 1, "next", [], ["do", "next"], {}, {"do": 1}, {"do": ""},
                                    {"do": "x" * 200}, {"do": "next", **{f"k{i}": i for i in range(20)}},
                                    {"do": "choose", "option": 99}, {"do": "choose", "option": "1"},
                                    {"do": "spot", "marks": "all"}, {"do": "fly"}, {"do": "note"}])
def test_hostile_actions_are_refused_and_change_nothing(action: object) -> None:
    plays = _plays("tutorial")
    before = plays.greet("tok-a", 1)
    if isinstance(action, dict) and action.get("do") in ("choose", "spot"):
        plays.handle("tok-a", 1, {"do": "note", "go": True})
        before = plays.greet("tok-a", 1)
    out = plays.handle("tok-a", 1, action)
    assert out["type"] == "error" and isinstance(out["error"], str) and len(out["error"]) <= 120
    assert plays.greet("tok-a", 1)["beat"]["kind"] == before["beat"]["kind"]


def test_a_play_that_fails_answers_an_error_and_the_room_goes_on() -> None:
    class Broken(DoublePlay):
        def act(self, action: object) -> None:
            raise KeyError("boom")

    plays = Plays([item("tutorial")], lambda it, seed, n: Broken(it, seed))
    plays.greet("tok-a", 1)
    assert plays.handle("tok-a", 1, {"do": "next"}) == {"type": "error", "error": "something went wrong; try again"}
    assert plays.greet("tok-b", 2)["type"] == "beat"


def test_each_token_has_its_own_play() -> None:
    plays = _plays("tutorial")
    plays.greet("tok-a", 1)
    plays.greet("tok-b", 2)
    plays.handle("tok-a", 1, {"do": "note", "go": True})
    assert plays.greet("tok-b", 2)["beat"]["kind"] == "note", "b is still on its note"
    assert plays.devices["tok-a"].play is not plays.devices["tok-b"].play


def test_the_projector_gets_aggregates_only() -> None:
    ends: list[tuple[str, str, int]] = []
    plays = _plays("tutorial", seed=1, on_end=ends.append)
    for n, pick in ((1, 0), (2, 1), (3, 2)):
        tok = f"secret-token-{n}"
        play_to_summary(lambda a, tok=tok, n=n: plays.handle(tok, n, a), plays.greet(tok, n), pick)
    plays.greet("secret-token-4", 4)
    plays.handle("secret-token-4", 4, {"do": "note", "go": False})
    plays.greet("secret-token-5", 5)
    assert plays.poll()
    snap = plays.snapshot
    assert (snap.started, snap.playing, snap.finished, snap.left) == (5, 1, 3, 1)
    assert sum(e.count for e in snap.endings) == 3 and len(ends) == 3
    assert {e.tone for e in snap.endings} <= {"safe", "risky", "help_sought"}
    assert snap.riskier, "some devices chose a riskier option"
    assert all(0 < c.count <= c.of <= 3 for c in snap.riskier)
    assert snap.missed and all(c.of >= c.count > 0 for c in snap.missed), "no marks: every red flag was missed"
    assert [c.count for c in snap.riskier] == sorted((c.count for c in snap.riskier), reverse=True)
    assert "secret-token" not in json.dumps(repr(snap))
    assert not plays.poll(), "nothing new"


def test_closing_ends_every_play() -> None:
    closed: list[int] = []
    plays = _plays("tutorial", on_close=lambda: closed.append(1))
    plays.greet("tok-a", 1)
    plays.close()
    plays.close()
    assert closed == [1]
    assert plays.devices == {}
    assert plays.greet("tok-a", 1) == {"type": "closed"}
    assert plays.handle("tok-a", 1, {"do": "next"}) == {"type": "closed"}
    plays.poll()
    assert plays.snapshot.closed


def test_the_room_holds_at_most_the_devices_limit() -> None:
    class Tiny:
        finished = left = False
        outcome = None
        session = None

        def __init__(self, it: Any, seed: int, number: int) -> None:
            pass

        def view(self) -> dict[str, Any]:
            return {"kind": "note", "step": 0}

        def act(self, action: object) -> None:
            pass

    plays = Plays([item("tutorial")], Tiny)
    for n in range(MAX_DEVICES):
        assert plays.greet(f"t{n}", n + 1)["type"] == "beat"
    assert plays.greet("one-more", MAX_DEVICES + 1) == {"type": "error", "error": "the room is full"}
    assert plays.greet("t3", 4)["type"] == "beat", "those in the room play on"


def test_only_playable_stories_and_one_when_the_teacher_picks() -> None:
    with pytest.raises(ValueError):
        Plays([], lambda it, seed, n: DoublePlay(it, seed))
    with pytest.raises(ValueError):
        _plays("tutorial", "gaming", choose=False)


def test_a_device_still_reading_its_content_note_is_not_counted_as_playing() -> None:
    class Reading(DoublePlay):
        @property
        def started(self) -> bool:
            return not self.at_note

    plays = Plays([item("tutorial")], lambda it, seed, n: Reading(it, seed))
    plays.greet("tok-a", 1)
    plays.greet("tok-b", 2)
    plays.handle("tok-a", 1, {"do": "note", "go": True})
    snap = plays.current()
    assert (snap.started, snap.playing, snap.finished, snap.left) == (2, 1, 0, 0)
