"""Headless script assertions: story steps must fit the screen they meet, and `expect:` checks the story's state."""

from __future__ import annotations

import difflib
from typing import Any, Optional

from ..engine.beats import ChoiceBeat, SpotBeat
from ..engine.state import Phase
from ..session.playtest import kind_of, parse_value


class StepError(Exception):
    """A step that does not fit the screen it met, or an `expect:` that does not hold (exit code 1)."""


def _session(top: Any) -> Any:
    """The story being played on this screen (player, debrief or summary), or None."""
    return getattr(top, "session", None) if top is not None else None


def describe(top: Any) -> str:
    """The screen a step met, in words: 'the choice at node 'decide' (3 options)'."""
    if top is None:
        return "no screen"
    session = _session(top)
    if top.name != "player" or session is None:
        return f"the {top.screen_name()} screen"
    beat = top.beat
    node = session.state.node
    if isinstance(beat, ChoiceBeat) and session.state.phase is Phase.NODE:
        return f"the choice at node '{node}' ({len(beat.options)} option(s))"
    if isinstance(beat, SpotBeat):
        return f"the spot task at node '{node}' ({len(beat.spot.parts)} part(s))"
    return f"the {top.screen_name()} screen at node '{node}'"


def check_story_step(top: Any, n: int, token: str) -> None:
    """A number, spot: or submit step on a story screen must fit it (raise StepError otherwise); other screens
    (menus, votes, the radar check) keep their own meaning of numbers and Submit."""
    low = token.lower()
    if top is None or top.name != "player" or _session(top) is None:
        if low.startswith("spot:"):
            raise StepError(f"step {n} '{token}': there is no spot task on {describe(top)}")
        return
    beat = top.beat
    if low == "submit":
        if not isinstance(beat, SpotBeat):
            raise StepError(f"step {n} '{token}': there is no spot task to submit on {describe(top)}")
        return
    if low.startswith("spot:"):
        if not isinstance(beat, SpotBeat):
            raise StepError(f"step {n} '{token}': there is no spot task on {describe(top)}")
        parts = [int(p) for p in low[5:].split("+") if p]
        over = [p for p in parts if p > len(beat.spot.parts)]
        if over:
            raise StepError(f"step {n} '{token}': part {over[0]} is not on {describe(top)}")
        return
    k = int(low)
    if isinstance(beat, ChoiceBeat) and _session(top).state.phase is Phase.NODE:
        if k > len(beat.options):
            raise StepError(f"step {n} '{token}': option {k} is not on {describe(top)}")
    elif isinstance(beat, SpotBeat):
        if k > len(beat.spot.parts):
            raise StepError(f"step {n} '{token}': part {k} is not on {describe(top)}")
    else:
        raise StepError(f"step {n} '{token}': there are no options on {describe(top)} (use next)")


def _close(word: str, names: list[str]) -> str:
    close = difflib.get_close_matches(word, names, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _shown(value: object) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value) if isinstance(value, int) \
        else f"'{value}'"


def check_expect(top: Any, n: int, token: str) -> None:
    """`expect:NODE`, `expect:VAR=VALUE` or `expect:ending=ID` against the story on screen (StepError if not)."""
    body = token.split(":", 1)[1].strip()
    session = _session(top)
    if session is None:
        raise StepError(f"step {n} '{token}': no story is being played on {describe(top)}")
    scn, st = session.scn, session.state
    name, eq, value = body.partition("=")
    name = name.strip()
    if eq and name == "ending":
        want = value.strip()
        node = scn.nodes.get(want)
        if node is None or node.ending is None:
            endings = [nid for nid, nd in scn.nodes.items() if nd.ending is not None]
            raise StepError(f"step {n} '{token}': '{scn.id}' has no ending '{want}'{_close(want, endings)}")
        here: Optional[str] = st.node if st.phase in (Phase.ENDING, Phase.DEBRIEF, Phase.SUMMARY) else None
        if here != want:
            where = f"ending '{here}'" if here else describe(top)
            raise StepError(f"step {n} '{token}': the story is at {where}, not at ending '{want}'")
        return
    if eq:
        if name not in scn.variables:
            raise StepError(f"step {n} '{token}': '{scn.id}' declares no variable '{name}'"
                            f"{_close(name, list(scn.variables))}")
        want_value = parse_value(value)
        have = st.vars.get(name)
        if kind_of(want_value) != kind_of(have) or want_value != have:
            raise StepError(f"step {n} '{token}': '{name}' is {_shown(have)}, not {_shown(want_value)} "
                            f"(at node '{st.node}')")
        return
    if name not in scn.nodes:
        raise StepError(f"step {n} '{token}': '{scn.id}' has no node '{name}'{_close(name, list(scn.nodes))}")
    if st.node != name:
        raise StepError(f"step {n} '{token}': the story is at {describe(top)}, not at node '{name}'")
