"""Headless scripted play: steps become intents, one PNG per distinct screen, `auto:SEED` plays to the summary.

STEPS is a string of tokens separated by spaces or commas, or a file with one token per line (`#` comments):

    next          the screen's primary action (Next, Start, Continue)
    N             choose the N-th visible option (1-based)
    spot:1+3      mark spot parts 1 and 3, then submit
    submit        submit the spot task
    back          Esc
    help          open the help lines
    quickexit     the quick-exit key (F12)
    home          back to the title screen
    settings      open the settings
    key:NAME      press a key by its pygame name, e.g. key:tab, key:return, key:f11
    type:TEXT     type text into a text field (the nickname)
    auto:SEED     play a seeded random valid path through to the summary
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path
from typing import Optional

import pygame

from .app import App
from .input import key_intent
from .intents import Back, Choose, Help, Home, Intent, Next, OpenSettings, QuickExit, Submit, TextInput

AUTO_LIMIT = 600


class ScriptError(ValueError):
    """A step the runner does not understand."""


def parse_steps(script: str) -> list[str]:
    """Tokens from a steps string, or from a file of one token per line with # comments."""
    path = Path(script)
    text = script
    try:
        if len(script) < 4096 and path.is_file():
            lines = [ln.split("#", 1)[0].strip() for ln in path.read_text(encoding="utf-8").splitlines()]
            return [ln for ln in lines if ln]
    except OSError:
        pass
    return [t for t in re.split(r"[\s,]+", text.strip()) if t]


def step_intents(token: str, text_mode: bool = False) -> list[Intent]:
    """The intents for one token (not auto)."""
    t = token.strip()
    low = t.lower()
    simple: dict[str, Intent] = {"next": Next(), "submit": Submit(), "back": Back(), "help": Help(),
                                 "quickexit": QuickExit(), "home": Home(), "settings": OpenSettings()}
    if low in simple:
        return [simple[low]]
    if low.isdigit() and int(low) >= 1:
        return [Choose(int(low) - 1)]
    if low.startswith("spot:"):
        body = low[5:]
        try:
            picks = [int(p) for p in body.split("+") if p]
        except ValueError as exc:
            raise ScriptError(f"bad spot step '{token}': use spot:1+3") from exc
        if any(p < 1 for p in picks):
            raise ScriptError(f"bad spot step '{token}': parts are numbered from 1")
        return [*(Choose(p - 1) for p in picks), Submit()]
    if low.startswith("key:"):
        intent = key_intent(t[4:], text_mode)
        if intent is None and not t[4:]:
            raise ScriptError(f"bad key step '{token}'")
        return [intent] if intent is not None else []
    if low.startswith("type:"):
        return [TextInput(t[5:])]
    raise ScriptError(f"unknown step '{token}' (see `python main.py play --help`)")


class ScriptRunner:
    """Feeds steps to the App and writes a PNG for every distinct screen."""

    def __init__(self, app: App, shots: Optional[Path]) -> None:
        self.app = app
        self.shots = shots
        self.count = 0
        self.last_key: Optional[tuple] = None
        self.reached_summary = False
        self.log: list[str] = []
        if shots is not None:
            shots.mkdir(parents=True, exist_ok=True)

    def settle(self) -> None:
        """Lay out and draw, then take a screenshot if the screen is new."""
        self.app.step(0.0)
        top = self.app.top
        if top is None:
            return
        if top.name == "summary":
            self.reached_summary = True
        key = (type(top).__name__, top.screen_key(), self.app.screen.get_size(), len(self.app.stack))
        if key == self.last_key:
            return
        self.last_key = key
        self.count += 1
        name = re.sub(r"[^a-z0-9-]+", "-", top.screen_name().lower()).strip("-") or "screen"
        self.log.append(f"{self.count:03d}-{name}")
        if self.shots is not None:
            self.app.render(force=True)
            pygame.image.save(self.app.screen, str(self.shots / f"{self.count:03d}-{name}.png"))

    def send(self, intent: Intent) -> None:
        """Dispatch one intent and settle."""
        if not self.app.running:
            return
        self.app.dispatch(intent)
        if self.app.running:
            self.settle()

    def run(self, steps: list[str]) -> int:
        """Run every step; returns the exit code."""
        self.settle()
        for token in steps:
            if not self.app.running:
                break
            if token.lower().startswith("auto:"):
                seed = token[5:]
                if not self.auto(int(seed) if seed.lstrip("-").isdigit() else sum(map(ord, seed))):
                    print("error: auto play did not reach the summary", file=sys.stderr)
                    return 1
                continue
            for intent in step_intents(token, bool(self.app.top and self.app.top.wants_text)):
                self.send(intent)
        if self.app.errors:
            for e in self.app.errors:
                print(f"error: a screen failed: {e}", file=sys.stderr)
            return 1
        return self.app.exit_code

    def auto(self, seed: int) -> bool:
        """Play a seeded random valid path to the summary; True when it got there."""
        rng = random.Random(seed)
        for _ in range(AUTO_LIMIT):
            if not self.app.running:
                return False
            top = self.app.top
            if top is None:
                return False
            if top.name == "summary":
                self.reached_summary = True
                return True
            for intent in self.auto_intents(top, rng):
                self.send(intent)
            if self.app.errors:
                return False
        return False

    def auto_intents(self, top, rng: random.Random) -> list[Intent]:  # type: ignore[no-untyped-def]
        """The next move of a random but valid player."""
        from ..engine.beats import ChoiceBeat, SpotBeat

        name = top.name
        if name == "player":
            beat = top.beat
            if top.revealing:
                return [Next()]
            if isinstance(beat, ChoiceBeat):
                return [Choose(rng.randrange(len(beat.options)))]
            if isinstance(beat, SpotBeat):
                n = len(beat.spot.parts)
                picks = [i for i in range(n) if rng.random() < 0.5]
                return [*(Choose(i) for i in picks), Submit()]
            return [Next()]
        if name == "picker":
            ok = [i for i, it in enumerate(top.items) if it.ok]
            if not ok:
                return [Back()]
            top.set_focus(rng.choice(ok))
            return [Next()]
        if name == "nickname":
            top.set_focus("skip")
            return [Next()]
        if name == "title":
            top.set_focus("play")
            return [Next()]
        if name in ("content-note", "debrief"):
            if name == "content-note":
                top.set_focus("start")
            return [Next()]
        if name == "quick-exit":
            return [Back()]
        if name == "error":
            return [Home()]
        return [Back()]
