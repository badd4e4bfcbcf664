"""Random soaks (scene errors raise in tests): intents, and RAW pygame events through the App's input mapping.

Every scene kind is soaked; scenes that show a story rotate through every shipped scenario, starting at random
nodes. After each chunk of events, and whenever the random stream presses Home, the Home key must reach the
title within a few presses. `pytest -m fuzz` runs the long version (50,000+ raw events).
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from soak import (
    APP_OPTIONS,
    FORMAT_TOUR,
    SCENARIO_SCENES,
    SCENARIOS,
    SCENES,
    RawMonkey,
    item_for,
    random_intent,
    share_library,
)

N = 150
"""Intents per scene in the default suite (the long soak under `-m fuzz` sends FUZZ_INTENTS)."""
RAW_N = 170
"""Raw pygame events per scene in the default suite."""
RAW_CHUNK = 10
"""In the default suite, at most this many raw actions between fresh set-ups, so every shipped scenario still gets
its turn in every scene kind that shows one."""
CHUNK = 200
"""Under `-m fuzz`, at most this many raw actions between fresh set-ups (each one preceded by the Home check)."""
FUZZ_INTENTS = 5000
"""Intents per scene under `-m fuzz`."""
PATIENCE = 12
"""Actions allowed away from the scene under test before a fresh set-up."""
FUZZ_N = 5000
"""Raw events per scene under `-m fuzz` (at least 50,000 in all)."""
FIRST_LANGUAGE = [p for p in SCENARIOS if p.parent.name != "es"]
"""The default soak gives every English story (and the format tour) its turn; the long soak under `-m fuzz` every
story in every language (the Spanish screens are also checked for clipping and played to the end by default)."""


def intent_soak(make_app, scene: str, intents: int) -> None:  # type: ignore[no-untyped-def]
    """Send `intents` random intents to one scene kind, setting it up afresh every 250."""
    rng = random.Random(sum(map(ord, scene)))  # the same every run (str hashes change per process)
    app = share_library(make_app(scenario=FORMAT_TOUR, size=(900, 560), **APP_OPTIONS.get(scene, {})))
    setup = SCENES[scene]
    item = item_for(app)
    setup(app, rng, item)
    app.step()
    for i in range(intents):
        if not app.running:
            app.running = True
        if i % 250 == 0 and i:
            setup(app, rng, item)
        app.dispatch(random_intent(rng, app))
        if i % 3 == 0:
            app.step(rng.choice([0.0, 0.016, 0.3]))
    app.step()


@pytest.mark.parametrize("scene", list(SCENES))
def test_random_intent_soak_raises_nothing(make_app, scene: str) -> None:  # type: ignore[no-untyped-def]
    intent_soak(make_app, scene, N)


def isolated(*args: object) -> None:
    """Run one long soak in its own process (tests/ui/soak_child.py), so the suite's peak memory is one soak's."""
    proc = subprocess.run([sys.executable, str(Path(__file__).with_name("soak_child.py")), *map(str, args)],
                          capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, f"soak {args} failed:\n{proc.stderr[-4000:]}"


@pytest.mark.fuzz
@pytest.mark.parametrize("scene", list(SCENES))
def test_random_intent_soak_long(scene: str) -> None:
    isolated("intent", scene, FUZZ_INTENTS)


def raw_soak(make_app, scene: str, events: int, seed: int, chunk: int = CHUNK,  # type: ignore[no-untyped-def]
             scenarios: list[Path] = SCENARIOS) -> RawMonkey:
    """Soak one scene kind with at least `events` raw events, and for scenes that show a story at least one set-up
    per shipped scenario. A fresh set-up (next scenario, random node) follows every `chunk` actions, or sooner when
    the player wandered off that scene for PATIENCE actions; each one is preceded by the Home check from wherever
    the player got to."""
    rng = random.Random(seed)
    app = share_library(make_app(headless=False, size=(1280, 720), **APP_OPTIONS.get(scene, {})))  # real window
    monkey = RawMonkey(app, rng)
    setup = SCENES[scene]
    n_setups = first = list(SCENES).index(scene) * 5
    turns = len(scenarios) if scene in SCENARIO_SCENES else 0
    try:
        while monkey.events < events or n_setups - first < turns:
            setup(app, rng, item_for(app, scenarios[n_setups % len(scenarios)]))
            n_setups += 1
            app.step()
            name, away = app.top.name, 0  # type: ignore[union-attr]
            for _ in range(chunk):
                if monkey.events >= events and n_setups - first >= turns:
                    break
                monkey.act()
                assert app.scenes and not app.top.dirty  # type: ignore[union-attr]
                away = 0 if app.top.name == name else away + 1  # type: ignore[union-attr]
                if away > PATIENCE:
                    break
            monkey.home_reaches_title()
    except Exception as exc:  # say how to replay it
        raise AssertionError(f"raw soak of '{scene}' failed with seed {seed} after {monkey.events} events "
                             f"(scenario {scenarios[(n_setups - 1) % len(scenarios)].name}): {exc!r}") from exc
    monkey.setups = n_setups - list(SCENES).index(scene) * 5  # type: ignore[attr-defined]
    return monkey


@pytest.mark.parametrize("scene", list(SCENES))
def test_raw_event_soak_raises_nothing_and_home_reaches_the_title(make_app, scene: str) -> None:  # type: ignore[no-untyped-def]
    monkey = raw_soak(make_app, scene, RAW_N, seed=sum(map(ord, scene)), chunk=RAW_CHUNK, scenarios=FIRST_LANGUAGE)
    assert monkey.events >= RAW_N
    assert monkey.setups >= len(FIRST_LANGUAGE) or scene not in SCENARIO_SCENES  # every story had its turn


@pytest.mark.fuzz
@pytest.mark.parametrize("scene", list(SCENES))
def test_raw_event_soak_long(scene: str) -> None:
    isolated("raw", scene, FUZZ_N, int(time.time()) ^ sum(map(ord, scene)))


def test_the_long_soak_feeds_at_least_50000_events() -> None:
    assert FUZZ_N * len(SCENES) >= 50_000




def test_home_key_asks_before_leaving_a_story_and_works_in_text_fields(make_app) -> None:  # type: ignore[no-untyped-def]
    import pygame

    app = share_library(make_app())
    monkey = RawMonkey(app, random.Random(1))
    SCENES["player"](app, random.Random(1), item_for(app))
    app.step()
    monkey.key(pygame.K_HOME)
    assert [s.name for s in app.scenes] == ["title", "player", "confirm"]  # "Leave this story?"
    monkey.key(pygame.K_RETURN)  # Stay is focused first: a second stray key keeps the story
    assert app.top.name == "player"  # type: ignore[union-attr]
    assert monkey.home_reaches_title() == 2
    SCENES["nickname"](app, random.Random(1), item_for(app))
    app.step()
    assert app.top.wants_text  # type: ignore[union-attr]
    assert monkey.home_reaches_title() == 1
