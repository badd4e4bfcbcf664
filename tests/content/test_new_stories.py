"""Issue 13's trackers and money-mule stories: what helps is shown on every path a student can take."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from game.content.catalog import load_shared, scenarios_dir
from game.content.schema import Scenario
from game.engine.conditions import holds
from game.session.check import check_file

EN = scenarios_dir() / "en"


@cache
def story(sid: str) -> Scenario:
    c = check_file(EN / f"{sid}.yaml")
    assert c.entry.scenario is not None, [d.format() for d in c.diagnostics]
    return c.entry.scenario


def walks(scn: Scenario) -> Iterator[tuple[list[str], dict[str, Any], list[str]]]:
    """Every play-through as (nodes in order, final variables, every text the student sees on the way)."""
    def go(node_id: str, values: dict[str, Any], seen: list[str], shown: list[str]) -> Iterator[
            tuple[list[str], dict[str, Any], list[str]]]:
        node = scn.nodes[node_id]
        seen = seen + [node_id]
        here = shown + [m.text for m in node.messages if holds(m.when, values, seen)]
        if node.card is not None:
            here += [t for t in (node.card.title, node.card.body, *node.card.details) if t]
        if node.ending is not None:
            yield seen, values, here + [node.ending.text, node.ending.still_helps or ""]
        elif node.spot is not None:
            yield from go(node.spot.goto, values, seen, here + [node.spot.text, *(p.explain for p in node.spot.parts)])
        elif node.next is not None:
            yield from go(node.next, values, seen, here)
        for c in node.choices or []:
            if holds(c.when, values, seen):
                yield from go(c.goto, {**values, **c.set}, seen, here + [c.text, c.headline or "", c.feedback or ""])
    yield from go(scn.start, dict(scn.variables), [], [])


def said(pattern: str, texts: list[str]) -> bool:
    return any(re.search(pattern, t, re.IGNORECASE) for t in texts)


def test_the_walks_cover_every_ending_of_both_stories() -> None:
    for sid in ("trackers", "money-mule"):
        scn = story(sid)
        endings = {n for n, node in scn.nodes.items() if node.ending is not None}
        assert {path[-1] for path, _, _ in walks(scn)} == endings, sid


def test_trackers_every_path_meets_the_phone_alert_and_the_safety_first_advice() -> None:
    for path, _, shown in walks(story("trackers")):
        assert "tracker_alert" in path, path
        assert said(r"tak(e|ing) (it|a tracker) out can (tell|let)", shown), path
        assert said(r"\b(adult|advocate|Ms\. Quinn|Mom|Dad|Coach)\b", shown), path


def test_trackers_contrasts_an_agreed_family_share_with_no_red_flag() -> None:
    spot = story("trackers").nodes["mom_spot"].spot
    assert spot is not None and spot.speaker == "mom"
    assert not any(p.flag for p in spot.parts) and spot.scoring.clear > 0


def test_trackers_is_about_an_ex_so_loveisrespect_is_shown_and_checked() -> None:
    scn = story("trackers")
    assert scn.debrief is not None and "loveisrespect" in scn.debrief.resources
    resources = load_shared(EN).resources
    assert resources is not None
    assert any(r.id == "loveisrespect" and r.verified for r in resources.resources)
    risky = scn.nodes["end_risky"].ending
    assert risky is not None and "loveisrespect" in (risky.still_helps or "")


def test_trackers_a_removal_before_a_plan_is_never_the_top_choice() -> None:
    decide = story("trackers").nodes["decide_tag"]
    best = max(c.points for c in decide.choices or [])
    plan = [c for c in decide.choices or [] if c.points == best]
    assert plan and all(c.goto == "tell_who" for c in plan)


def test_money_mule_every_path_shows_the_rule_and_the_bank() -> None:
    for path, values, shown in walks(story("money-mule")):
        assert said(r"never move money or goods for (someone else|others)", shown), path
        if values["moved_money"]:
            assert said(r"\bbank\b", shown) and said(r"\b(Mom|parent)\b", shown), path


def test_money_mule_shared_details_always_lead_to_identitytheft_gov() -> None:
    for path, values, shown in walks(story("money-mule")):
        if values["shared_id"]:
            assert said(r"IdentityTheft\.gov", shown), path
    debrief = story("money-mule").debrief
    assert debrief is not None and "identity_theft_gov" in debrief.resources


def test_money_mule_a_deposited_check_is_shown_to_bounce() -> None:
    for path, _, shown in walks(story("money-mule")):
        if "check_in" in path:
            assert said(r"bounce", shown), path


def test_money_mule_the_real_employers_id_request_is_a_zero_flag_look_alike() -> None:
    spot = story("money-mule").nodes["bakery_email"].spot
    assert spot is not None and not any(p.flag for p in spot.parts) and spot.scoring.clear > 0
    parcel = story("money-mule").nodes["parcel_email"].spot
    assert parcel is not None and any(p.flag and "login" in p.text for p in parcel.parts)
