"""Living threads: a conversation keeps its history through the play-through, the player's sent replies included."""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

from game.content.catalog import find_scenario_files, scenarios_dir
from game.content.loader import load_scenario
from game.content.schema import ME, Scenario
from game.engine import autoplay, runner
from game.engine.beats import ChoiceBeat, NodeBeat
from game.engine.record import conversation, history, messages_of, thread
from game.engine.state import Phase, PlayState

TOUR = scenarios_dir() / "_examples" / "format-tour.yaml"


@cache
def shipped() -> tuple[Scenario, ...]:
    return tuple(m for m in (load_scenario(p).model for p in find_scenario_files(scenarios_dir() / "en",
                                                                               include_examples=False)) if m)


def _says(tmp_path: Path) -> Scenario:
    text = TOUR.read_text(encoding="utf-8").replace(
        "      - text: Ask why a shop needs a selfie\n        goto: spot\n",
        "      - text: Ask why a shop needs a selfie\n        goto: spot\n"
        "        says: why does a shop need a selfie?\n", 1)
    path = tmp_path / "tour.yaml"
    path.write_text(text, encoding="utf-8")
    model = load_scenario(path).model
    assert model is not None
    return model


def test_a_chat_keeps_what_it_showed_and_what_the_player_sent(tmp_path: Path) -> None:
    scn = _says(tmp_path)
    st = runner.enter(scn, runner.start(scn, seed=None), "chat")
    chat = runner.current_beat(scn, st)
    assert isinstance(chat, ChoiceBeat)
    asked = next(o.index for o in chat.options if o.choice.text == "Ask why a shop needs a selfie")
    st = runner.advance(scn, runner.choose(scn, st, asked))  # -> the spot task, the same chat with sam
    assert st.node == "spot" and conversation(scn.nodes["spot"]) == conversation(scn.nodes["chat"])
    beat = runner.current_beat(scn, st)
    assert isinstance(beat, NodeBeat)
    assert beat.thread[:len(chat.messages)] == chat.messages  # the earlier messages stay, oldest first
    assert beat.thread[-1].speaker == ME and beat.thread[-1].text == "why does a shop need a selfie?"
    assert st.shown[-2].sent == "why does a shop need a selfie?"
    again = PlayState.from_dict(st.to_dict())
    assert again == st and history(scn, again.shown, len(again.shown) - 1) == beat.thread


def test_a_screen_of_another_conversation_starts_fresh(tmp_path: Path) -> None:
    scn = _says(tmp_path)
    st = runner.enter(scn, runner.start(scn), "chat")
    st = runner.enter(scn, st, "aunt")  # a text from Aunt Rosa: another conversation
    beat = runner.current_beat(scn, st)
    assert isinstance(beat, NodeBeat) and beat.thread == ()


def test_every_thread_of_every_shipped_story_grows_and_never_reorders() -> None:
    """Over seeded random plays: each chat screen's thread starts with everything its conversation showed before,
    and ends with the messages new on it."""
    for scn in shipped():
        for seed in range(12):
            st = runner.start(scn, seed=seed)
            rng = random.Random(seed)
            while st.phase is not Phase.SUMMARY:
                beat = runner.current_beat(scn, st)
                action = autoplay.pick(beat, rng)
                if action is None:
                    break
                st = autoplay.apply(scn, st, action)
            seen: dict[object, tuple] = {}
            for k, visit in enumerate(st.shown):
                key = conversation(scn.nodes[visit.node])
                full = thread(scn, st.shown, k)
                if key is None:
                    assert full == messages_of(scn, visit)
                    continue
                if key[0] == "chat":
                    before = seen.get(key, ())
                    assert full[:len(before)] == before, (scn.id, visit.node)
                    assert full[len(full) - len(messages_of(scn, visit)):] == messages_of(scn, visit)
                    seen[key] = full
