"""Discernment, not pattern-matching: shuffled options (seeded, pinned, fixed), honest verdicts, spot tasks with no red
flag, and stars that come from decisions rather than the path's length."""

from __future__ import annotations

import random
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

from game.content.catalog import find_scenario_files, scenarios_dir
from game.content.loader import load_scenario
from game.content.schema import Scenario, Tone
from game.engine import autoplay, runner, scoring
from game.engine.beats import ChoiceBeat, FeedbackBeat, SpotResultBeat, SummaryBeat
from game.engine.state import Phase, PlayState

MINI = Path(__file__).resolve().parent.parent / "fixtures" / "mini.yaml"


@cache
def shipped() -> tuple[Scenario, ...]:
    out = []
    for path in find_scenario_files(scenarios_dir() / "en", include_examples=False):
        model = load_scenario(path).model
        assert model is not None
        out.append(model)
    return tuple(out)


def _scn(text: str, tmp_path: Path) -> Scenario:
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_scenario(path)
    assert loaded.model is not None, [d.format() for d in loaded.diagnostics]
    return loaded.model


def _mini(tmp_path: Path, old: str = "", new: str = "") -> Scenario:
    text = MINI.read_text(encoding="utf-8")
    assert old in text
    return _scn(text.replace(old, new, 1), tmp_path)


def _order(scn: Scenario, seed: int | None, node: str = "choice") -> tuple[int, ...]:
    st = runner.enter(scn, runner.start(scn, seed=seed), node)
    beat = runner.current_beat(scn, st)
    assert isinstance(beat, ChoiceBeat)
    return tuple(o.index for o in beat.options)


def test_the_same_seed_gives_the_same_order_and_no_seed_the_file_order(tmp_path: Path) -> None:
    scn = _mini(tmp_path)
    assert _order(scn, None) == (0, 1, 2)
    assert all(_order(scn, s) == _order(scn, s) for s in range(20))
    assert len({_order(scn, s) for s in range(40)}) >= 4  # 3 options: most of the 6 orders turn up
    assert all(sorted(_order(scn, s)) == [0, 1, 2] for s in range(20))


def test_pins_and_fixed_order(tmp_path: Path) -> None:
    pinned = _mini(tmp_path, "      - text: Tell my aunt\n        goto: end_help\n        points: 2\n",
                   "      - text: Tell my aunt\n        goto: end_help\n        points: 2\n        pin: last\n")
    assert all(_order(pinned, s)[-1] == 0 for s in range(30))
    assert len({_order(pinned, s) for s in range(30)}) == 2  # the other two still move
    first = _mini(tmp_path, "      - text: Send it\n", "      - text: Send it\n        pin: first\n")
    assert all(_order(first, s)[0] == 2 for s in range(30))
    fixed = _mini(tmp_path, "  choice:\n    screen: dm\n", "  choice:\n    screen: dm\n    order: fixed\n")
    assert all(_order(fixed, s) == (0, 1, 2) for s in range(30))


def _random_plays(seeds: int):  # type: ignore[no-untyped-def]
    """(scenario, state before a choice, the choice beat) over seeded random plays of every shipped scenario."""
    for scn in shipped():
        for seed in range(seeds):
            st = runner.start(scn, seed=seed)
            rng = random.Random(seed)
            while st.phase is not Phase.SUMMARY:
                beat = runner.current_beat(scn, st)
                if isinstance(beat, ChoiceBeat):
                    yield scn, st, beat
                action = autoplay.pick(beat, rng)
                if action is None:
                    break
                st = autoplay.apply(scn, st, action)


def test_an_options_place_gives_nothing_away() -> None:
    """Over every shipped scenario x 20 seeds: the safest option is first no more often than chance (the share of
    options that are the safest one there), first and last are alike, and 80%+ of decisions show 2+ orders."""
    first = last = scored = 0
    chance = 0.0
    orders: dict[tuple[str, str], set[tuple[int, ...]]] = defaultdict(set)
    for scn, st, beat in _random_plays(20):
        pts = [o.choice.points for o in beat.options]
        if len(beat.options) > 1:
            orders[(scn.id, st.node)].add(tuple(o.index for o in beat.options))
        if len(set(pts)) < 2:
            continue
        scored += 1
        first += pts[0] == max(pts)
        last += pts[-1] == max(pts)
        chance += pts.count(max(pts)) / len(pts)
    assert scored > 500
    share_first, share_last, share_chance = first / scored, last / scored, chance / scored
    assert abs(share_first - share_chance) < 0.05, (share_first, share_chance)
    assert share_last > share_chance - 0.08, (share_last, share_chance)
    assert share_first < 0.5  # was 95 of 101 decisions with the options in file order
    multi = sum(1 for v in orders.values() if len(v) > 1) / len(orders)
    assert multi >= 0.8, multi


def test_every_place_is_as_likely_for_the_safest_option() -> None:
    """Every scored decision of every shipped scenario shuffled with 200 seeds: the safest option lands first, last
    and anywhere else as often as chance says (the shuffle itself is fair, whatever path a player takes)."""
    first = last = chance = n = 0.0
    for scn in shipped():
        for nid, node in scn.nodes.items():
            pts = [c.points for c in node.choices or []]
            if len(set(pts)) < 2:
                continue
            for seed in range(200):
                order = runner.option_order(node, range(len(pts)), seed, f"{nid}/1")
                shown = [pts[i] for i in order]
                first += shown[0] == max(pts)
                last += shown[-1] == max(pts)
                chance += pts.count(max(pts)) / len(pts)
                n += 1
    assert abs(first - chance) / n < 0.02 and abs(last - chance) / n < 0.02, (first / n, last / n, chance / n)


def test_only_the_safest_option_at_a_decision_gets_the_best_verdict() -> None:
    """Every option of every decision of every shipped scenario: `best` only for the most points offered there,
    `risky` for the fewest or none, `partial` between."""
    for scn in shipped():
        for nid, node in scn.nodes.items():
            offered = [c.points for c in node.choices or []]
            for c in node.choices or []:
                v = scoring.verdict(c.points, offered)
                assert (v == "best") == (c.points == max(offered)), (scn.id, nid, c.text)
                if v == "partial":
                    assert min(offered) < c.points < max(offered) and c.points > 0


def test_the_feedback_beat_carries_the_verdict(tmp_path: Path) -> None:
    scn = _mini(tmp_path, "      - text: Send it\n        goto: end_risky\n",
                "      - text: Send it\n        goto: end_risky\n        points: 1\n")
    at = runner.enter(scn, runner.start(scn), "choice")
    got = {}
    for i in range(3):
        beat = runner.current_beat(scn, runner.choose(scn, at, i))
        assert isinstance(beat, FeedbackBeat)
        got[scn.nodes["choice"].choices[i].text] = beat.verdict  # type: ignore[index]
    assert got == {"Tell my aunt": "best", "Block and report": "best", "Send it": "risky"}


ZERO = """  chat:
    screen: dm
    with: sam
    spot:
      prompt: Tap what worries you.
      from: sam
      text: Hi! Shift starts at nine. Bring your own lunch. Ask me anything.
      parts:
        - text: Shift starts at nine.
          flag: false
          explain: Work hours are normal.
        - text: Bring your own lunch.
          flag: false
          explain: Lots of jobs ask this.
      scoring: {clear: 1}
      goto: choice
"""


def _zero_flag(tmp_path: Path) -> Scenario:
    text = MINI.read_text(encoding="utf-8")
    start = text.index("  chat:\n")
    end = text.index("  choice:\n")
    text = text[:start] + ZERO + text[end:]
    text = text.replace("      quote: Pay is in gift cards.\n", "      quote: Bring your own lunch.\n")
    return _scn(text, tmp_path)


def test_a_spot_task_with_no_red_flag_rewards_nothing_looks_wrong(tmp_path: Path) -> None:
    scn = _zero_flag(tmp_path)
    at = runner.enter(scn, runner.start(scn), "chat")
    right = runner.submit_spot(scn, at, [])
    beat = runner.current_beat(scn, right)
    assert isinstance(beat, SpotResultBeat)
    assert [r.outcome for r in beat.results] == ["clear", "clear"] and [r.points for r in beat.results] == [1, 1]
    assert right.score == 2 and beat.best_points == 2
    alarm = runner.current_beat(scn, runner.submit_spot(scn, at, [1]))
    assert isinstance(alarm, SpotResultBeat)
    assert [(r.outcome, r.points) for r in alarm.results] == [("clear", 1), ("false_alarm", -1)]
    assert alarm.points == 0


def test_spot_results_follow_the_messages_reading_order(tmp_path: Path) -> None:
    scn = _mini(tmp_path, "      parts:\n        - text: We are small.\n          flag: false\n"
                          "          explain: Small shops are normal.\n",
                "      parts:\n        - text: We open at nine.\n          flag: false\n"
                "          explain: Opening hours are normal.\n        - text: We are small.\n          flag: false\n"
                "          explain: Small shops are normal.\n")
    at = runner.enter(scn, runner.start(scn), "chat")
    texts = [scn.nodes["chat"].spot.parts[i].text for i in at.visit.parts]  # type: ignore[union-attr]
    assert texts[0] == "We are small." and texts[-1] == "We open at nine."
    beat = runner.current_beat(scn, runner.submit_spot(scn, at, []))
    assert isinstance(beat, SpotResultBeat) and [r.part.text for r in beat.results] == texts


def _summary(scn: Scenario, st: PlayState) -> SummaryBeat:
    while st.phase is not Phase.SUMMARY:
        st = runner.advance(scn, st)
    beat = runner.current_beat(scn, st, best_score=99)
    assert isinstance(beat, SummaryBeat)
    return beat


def test_stars_come_from_decisions_not_path_length(tmp_path: Path) -> None:
    scn = _mini(tmp_path)
    st = runner.choose(scn, runner.start(scn), 0)  # look it up first (best), then the spot task, all right
    st = runner.submit_spot(scn, runner.advance(scn, st), [1, 2])
    st = runner.choose(scn, runner.advance(scn, st), 0)  # tell my aunt: help sought
    beat = _summary(scn, st)
    assert beat.stars == 3 and beat.score < 99  # far below the "best score" given, and still 3 stars
    assert (beat.credit.choices, beat.credit.best_choices, beat.credit.parts, beat.credit.parts_right) == (2, 2, 4, 4)


def test_a_safe_or_help_sought_ending_is_never_fewer_than_two_stars() -> None:
    low = scoring.Credit(choices=5, best_choices=0, choice_credit=0.0)
    assert scoring.stars(low, Tone.HELP_SOUGHT) == 2 and scoring.stars(low, Tone.SAFE) == 2
    assert scoring.stars(low, Tone.RISKY) == 1
    for scn in shipped():
        for seed in range(15):
            st, _ = autoplay.play_random(scn, seed)
            beat = runner.current_beat(scn, st)
            assert isinstance(beat, SummaryBeat)
            if beat.tone in (Tone.SAFE, Tone.HELP_SOUGHT):
                assert beat.stars >= 2, (scn.id, seed)


@pytest.mark.parametrize("points, best, expected", [(3, 3, 1.0), (0, 3, 0.0), (2, 4, 0.5), (-1, 2, 0.0), (0, 0, 1.0)])
def test_choice_credit(points: int, best: int, expected: float) -> None:
    assert scoring.choice_credit(points, best) == expected
