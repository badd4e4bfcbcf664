"""Headless scripted play: steps become intents, one PNG per distinct screen, `auto:SEED` plays to the summary.

STEPS is a string of tokens separated by spaces or commas, or a file with one token per line (`#` comments):

    next          the screen's primary action (Next, Start, Continue)
    N             choose the N-th visible option (1-based)
    spot:1+3      mark spot parts 1 and 3, then submit
    submit        submit the spot task
    back          Esc
    help          open the help lines
    quickexit     the quick-exit key (F12)
    home          the Home key: back to the title screen (a story asks first, so `home home` leaves it)
    settings      open the settings
    key:NAME      press a key by its pygame name, e.g. key:tab, key:return, key:f11
    type:TEXT     type text into a text field (the nickname)
    auto:SEED     play a seeded random valid path through to the summary (leading a class: random votes)
    expect:NODE   check the story is at this node (exit 1 naming the step and where it is, if not)
    expect:VAR=VALUE  check a variable's value (read like --set: true/false, a whole number, else text)
    expect:ending=ID  check the story reached this ending (its ending, debrief or summary screen)

In a story, a step that does not fit the screen it meets (`7` on a screen with 3 options, `spot:1` or `submit` off
a spot task, a part number past the task's parts) stops the run with exit code 1, naming the step and the screen.

Leading a class (`--facilitator`):

    vote:12,5,3   at a choice: enter the hand counts for the visible options in order, reveal, follow the majority
    vote:4,4+2    a tie: the teacher picks option 2 (without +N the tie screen waits for a number step)
    override:3    after a vote's reveal, go with option 3 instead (confirmed); `vote:` then stops at the reveal
    discuss       the pause-for-discussion screen (D); `back` closes it
    notes         the teacher notes overlay (N); `notes` again hides it
    timer         start or pause the discussion timer (T)
    devices-wait:N  with --devices: go to the next decision, open the class vote, wait (at most 120 s) until N
                  students' devices have voted, reveal and follow the majority; on a radar check item for a
                  class (--facilitator --radar), wait until N devices answered it and go on (`hands:F/C` there
                  adds the hands of students without a device to the devices' answers so far)
    devices-finish:N  with --devices --everyone-plays: wait (at most 300 s) until N devices reached the summary
                  (exit 1 if they do not)

A `vote:` step keeps its commas: separate it from the other steps with spaces (or put it on its own line).
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path
from typing import Optional

from .app import App
from .assets import save_png
from .input import key_intent
from .intents import (
    Activate,
    Back,
    Choose,
    Facilitate,
    Help,
    Home,
    Intent,
    Next,
    OpenSettings,
    QuickExit,
    Submit,
    TextInput,
)

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
    tokens: list[str] = []
    for chunk in text.split():
        at = chunk.lower().find("vote:")
        head, vote = (chunk[:at], chunk[at:]) if at >= 0 else (chunk, "")
        tokens.extend(t for t in head.split(",") if t)
        if vote:
            tokens.append(vote.rstrip(","))
    return tokens


def parse_vote(token: str) -> tuple[list[int], Optional[int]]:
    """'vote:12,5,3' -> ([12, 5, 3], None); 'vote:4,4+2' -> ([4, 4], 2) (the teacher's pick on a tie, 1-based)."""
    body = token.split(":", 1)[1].strip()
    counts_text, _plus, pick_text = body.partition("+")
    try:
        counts = [int(c) for c in counts_text.split(",") if c.strip()]
        pick = int(pick_text) if pick_text else None
    except ValueError as exc:
        raise ScriptError(f"bad vote step '{token}': use vote:12,5,3 or vote:4,4+2") from exc
    if not counts or any(c < 0 for c in counts) or (pick is not None and pick < 1):
        raise ScriptError(f"bad vote step '{token}': counts are 0 or more, the tie pick is numbered from 1")
    return counts, pick


def parse_hands(token: str) -> tuple[int, int]:
    """'hands:12/25' -> (12, 25): a radar item's red-flag hands out of the hands counted (--facilitator)."""
    body = token.split(":", 1)[1].strip()
    flag, _slash, counted = body.partition("/")
    if not (flag.isdigit() and counted.isdigit()) or int(flag) > int(counted) or int(counted) < 1:
        raise ScriptError(f"bad hands step '{token}': use hands:12/25 (red-flag hands / hands counted)")
    return int(flag), int(counted)


def parse_override(token: str) -> int:
    """'override:3' -> 3 (1-based)."""
    body = token.split(":", 1)[1].strip()
    if not body.isdigit() or int(body) < 1:
        raise ScriptError(f"bad override step '{token}': use override:3 (options are numbered from 1)")
    return int(body)


def parse_devices_wait(token: str) -> int:
    """'devices-wait:30' -> 30 (devices that must have voted)."""
    body = token.split(":", 1)[1].strip()
    if not body.isdigit() or not 1 <= int(body) <= 200:
        raise ScriptError(f"bad devices-wait step '{token}': use devices-wait:N (1 to 200 devices)")
    return int(body)


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
    if low.startswith("vote:"):
        parse_vote(t)
        return []  # the runner drives the vote screen
    if low.startswith("override:"):
        parse_override(t)
        return []
    if low in ("discuss", "notes", "timer"):
        return [Facilitate(low)]
    if low.split(":", 1)[0] in ("flag", "ok"):  # a radar check answer, optionally how sure (1-3)
        answer, _colon, sure = low.partition(":")
        if sure and sure not in ("1", "2", "3"):
            raise ScriptError(f"bad radar step '{token}': use flag, ok, flag:1..3 or ok:1..3 (how sure)")
        return [Choose(0 if answer == "flag" else 1), *([Choose(int(sure) + 1)] if sure else []), Next()]
    if low.startswith("hands:"):
        parse_hands(t)
        return []  # the runner enters the counts
    if low.startswith("devices-wait:"):
        parse_devices_wait(t)
        return []  # the runner waits for the devices
    if low.startswith("devices-finish:"):
        from .plays_headless import parse_devices_finish

        parse_devices_finish(t)
        return []  # the runner waits for the devices
    if low.startswith("expect:"):
        if not t[7:].strip():
            raise ScriptError(f"bad expect step '{token}': use expect:NODE, expect:VAR=VALUE or expect:ending=ID")
        return []  # the runner checks the story's state
    raise ScriptError(f"unknown step '{token}' (see `python main.py play --help`)")


class ScriptRunner:
    """Feeds steps to the App and writes a PNG for every distinct screen."""

    def __init__(self, app: App, shots: Optional[Path]) -> None:
        self.app = app
        self.shots = shots
        self.count = 0
        self.last_key: Optional[tuple] = None
        self.reached_summary = False
        self.radar_seen = False
        self.log: list[str] = []
        if shots is not None:
            shots.mkdir(parents=True, exist_ok=True)

    def settle(self, force: bool = False) -> None:
        """Lay out and draw, then take a screenshot if the screen is new (or `force`)."""
        self.app.step(0.0)
        top = self.app.top
        if top is None:
            return
        if top.name == "summary":
            self.reached_summary = True
        author = self.app.author.screen_key() if self.app.author is not None else ()
        key = (type(top).__name__, top.screen_key(), self.app.screen.get_size(), len(self.app.scenes), author)
        if key == self.last_key and not force:
            return
        self.last_key = key
        self.count += 1
        name = re.sub(r"[^a-z0-9-]+", "-", top.screen_name().lower()).strip("-") or "screen"
        self.log.append(f"{self.count:03d}-{name}")
        if self.shots is not None:
            self.app.render(force=True)
            save_png(self.app.screen, self.shots / f"{self.count:03d}-{name}.png")

    def send(self, intent: Intent) -> None:
        """Dispatch one intent and settle."""
        if not self.app.running:
            return
        self.app.dispatch(intent)
        if self.app.running:
            self.settle()

    def run(self, steps: list[str]) -> int:
        """Run every step; returns the exit code (1 when a step does not fit its screen or an expect fails)."""
        self.settle()  # the first frame, before the step checks load the engine's models
        from .script_checks import StepError

        try:
            return self._run(steps)
        except StepError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1

    def _run(self, steps: list[str]) -> int:
        from .script_checks import check_expect, check_story_step

        self.settle()
        for n, token in enumerate(steps):
            if not self.app.running:
                break
            low = token.lower()
            if low.startswith("expect:"):
                check_expect(self.app.top, n + 1, token)
                continue
            if low.isdigit() or low.startswith("spot:") or low == "submit":
                check_story_step(self.app.top, n + 1, token)
            if low.startswith("vote:"):
                counts, pick = parse_vote(token)
                then_override = n + 1 < len(steps) and steps[n + 1].lower().startswith("override:")
                self.vote(counts, pick, follow=not then_override)
                continue
            if low.startswith("override:"):
                self.override(parse_override(token))
                continue
            if low.split(":", 1)[0] in ("flag", "ok", "hands") and self.app.top is not None \
                    and self.app.top.name == "radar-intro":
                self.send(Next())  # a radar answer on the start screen: start the check first
            if low.startswith("hands:"):
                self.hands(*parse_hands(token))
                continue
            if low.startswith("devices-finish:"):
                from .plays_headless import devices_finish, parse_devices_finish

                if not devices_finish(self, parse_devices_finish(token)):
                    return 1
                continue
            if low.startswith("devices-wait:"):
                from .devices_headless import devices_wait

                devices_wait(self, parse_devices_wait(token))
                continue
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

    # ------------------------------------------------------------- class votes
    def vote_scene(self, token: str):  # type: ignore[no-untyped-def]
        """The vote screen, opened from the player's choice if needed (ScriptError when there is no vote here)."""
        from ..engine.beats import ChoiceBeat
        from .scenes.vote import VoteScene

        top = self.app.top
        if top is not None and top.name == "player" and self.app.classroom is not None \
                and isinstance(top.beat, ChoiceBeat):  # type: ignore[attr-defined]
            if getattr(top, "revealing", False):
                self.send(Next())
            self.send(Next())
            top = self.app.top
        if not isinstance(top, VoteScene):
            where = top.name if top is not None else "nothing"
            hint = "" if self.app.classroom is not None else " (votes need --facilitator)"
            raise ScriptError(f"'{token}': there is no class vote on this screen ({where}){hint}")
        return top

    def vote(self, counts: list[int], pick: Optional[int], follow: bool = True) -> None:
        """Enter the counts with real intents (select each card, type its digits), reveal, then follow or pick."""
        scene = self.vote_scene(f"vote:{','.join(map(str, counts))}")
        n = len(scene.options)
        if len(counts) != n:
            raise ScriptError(f"vote: {len(counts)} count(s) given, but this choice shows {n} option(s)")
        for i, c in enumerate(counts):
            scene.set_focus(("card", i))
            for d in str(c):
                self.send(Choose(int(d) - 1))
        self.settle(force=True)
        self.send(Submit())
        if scene.tied:
            if pick is None:
                return  # the tie screen waits for a number step (the teacher's pick)
            if pick - 1 not in scene.leaders:
                raise ScriptError(f"vote: option {pick} is not one of the tied options "
                                  f"({', '.join(str(i + 1) for i in scene.leaders)})")
            self.send(Choose(pick - 1))
        elif pick is not None:
            raise ScriptError("vote: +N picks on a tie, but this vote has a clear majority (use override:N)")
        elif follow:
            self.send(Next())

    def override(self, option: int) -> None:
        """After a reveal: go with another option, through the override screen and its confirm."""
        from .scenes.vote import VoteScene

        scene = self.app.top
        if not isinstance(scene, VoteScene) or scene.phase == "count":
            raise ScriptError(f"override:{option}: reveal a vote first (vote:...)")
        if not 1 <= option <= len(scene.options):
            raise ScriptError(f"override:{option}: this choice shows {len(scene.options)} option(s)")
        if option - 1 in scene.leaders and not scene.tied:
            raise ScriptError(f"override:{option}: that is the majority's option; use vote: without override")
        scene.set_focus("override")
        self.send(Activate())
        scene.set_focus(("override_to", option - 1))
        self.send(Activate())
        confirm = self.app.top
        if confirm is not None and confirm.name == "confirm":
            confirm.set_focus(1)  # the "Go with ..." button
            self.send(Activate())

    def hands(self, flag: int, counted: int) -> None:
        """Leading a class through the radar check: enter one item's show of hands and go on."""
        top = self.app.top
        if top is None or top.name != "radar-item" or not getattr(top, "in_class", False):
            raise ScriptError(f"hands:{flag}/{counted}: there is no radar check item on this screen for a class "
                              "(hands need --facilitator --radar)")
        top.set_counts(flag, counted)  # type: ignore[attr-defined]
        self.settle(force=True)
        self.send(Next())

    def auto(self, seed: int) -> bool:
        """Play a seeded random valid path to the summary (a radar check: to its end); True when it got there."""
        rng = random.Random(seed)
        top = self.app.top
        if top is not None and top.name == "summary" and self.app.classroom is not None:
            top.set_focus("another")  # leading a class: on to the next story
            self.send(Next())
        for _ in range(AUTO_LIMIT):
            if not self.app.running:
                return False
            top = self.app.top
            if top is None:
                return False
            if top.name == "summary":
                self.reached_summary = True
                return True
            if top.name.startswith("radar-"):
                self.radar_seen = True
            elif self.radar_seen and top.name == "title":
                return True  # a radar check taken to its end (results and review) is back at the title
            for intent in self.auto_intents(top, rng):
                self.send(intent)
            if self.app.errors:
                return False
        return False

    def auto_intents(self, top, rng: random.Random) -> list[Intent]:  # type: ignore[no-untyped-def]
        """The next move of a random but valid player."""
        from ..engine.beats import ChoiceBeat, SpotBeat

        name = top.name
        if name.startswith("radar-"):
            from .radar_headless import radar_auto_intents

            return radar_auto_intents(self, top, rng)
        if name == "player":
            beat = top.beat
            if top.revealing:
                return [Next()]
            if isinstance(beat, ChoiceBeat) and self.app.classroom is not None:  # a random show of hands
                counts = [rng.randrange(0, 16) for _ in beat.options]
                lead = [i for i, c in enumerate(counts) if c == max(counts)]
                self.vote(counts, rng.choice(lead) + 1 if len(lead) > 1 else None)
                return []
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
        if name == "class-setup":
            top.set_focus("start")
            return [Next()]
        if name in ("class-summary", "discussion", "teacher-notes"):
            return [Next()] if name == "class-summary" else [Back()]
        if name == "vote":
            return [Back()] if top.phase == "count" else [Choose(top.leaders[0])]

        if name in ("content-note", "debrief"):
            if name == "content-note":
                top.set_focus("start")
            return [Next()]
        if name == "quick-exit":
            return [Back()]
        if name == "error":
            return [Home()]
        return [Back()]
