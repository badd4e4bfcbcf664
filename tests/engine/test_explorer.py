"""Path explorer: endings, score ranges, decision points, unreachable nodes, dead ends, path counts."""

from __future__ import annotations

import time
from typing import Any

from game.content.schema import Scenario
from game.engine.explorer import PATH_CAP, explore


def scenario(nodes: dict[str, Any], variables: dict[str, Any] | None = None, start: str = "n0") -> Scenario:
    return Scenario.model_validate({
        "schema_version": 1, "id": "gen", "title": "Gen", "summary": "Generated.", "theme": "theme.fake_job",
        "age_tier": "core", "minutes": 5, "content_note": "Generated.", "learning_goals": ["x"],
        "variables": variables or {}, "start": start, "nodes": nodes,
    })


def end(tone: str = "safe") -> dict[str, Any]:
    return {"screen": "narration", "ending": {"tone": tone, "title": "End", "text": "The end."}}


def diamonds(layers: int) -> Scenario:
    nodes: dict[str, Any] = {}
    for i in range(layers):
        nxt = f"n{i + 1}" if i + 1 < layers else "done"
        nodes[f"n{i}"] = {"screen": "dm", "choices": [
            {"text": "a", "goto": f"a{i}", "points": 1}, {"text": "b", "goto": f"b{i}", "points": 0}]}
        nodes[f"a{i}"] = {"screen": "dm", "next": nxt}
        nodes[f"b{i}"] = {"screen": "dm", "next": nxt}
    nodes["done"] = end()
    return scenario(nodes)


def test_diamonds_do_not_blow_up() -> None:
    start = time.perf_counter()
    ex = explore(diamonds(60))
    assert time.perf_counter() - start < 1.0
    assert ex.states == 60 * 3 + 1
    (e,) = ex.endings
    assert (e.min_score, e.max_score) == (0, 60)
    assert ex.paths == PATH_CAP and ex.paths_capped


def test_path_count_is_exact_below_the_cap() -> None:
    ex = explore(diamonds(10))
    assert ex.paths == 2 ** 10 and not ex.paths_capped
    assert ex.decision_points == [f"n{i}" for i in range(10)]


def test_variables_and_conditions_shape_the_reachable_endings() -> None:
    s = scenario({
        "n0": {"screen": "dm", "choices": [
            {"text": "help", "goto": "n1", "points": 2, "set": {"helped": True}},
            {"text": "skip", "goto": "n1", "points": 0}]},
        "n1": {"screen": "dm", "choices": [
            {"text": "thank", "goto": "good", "points": 3, "when": {"var": "helped", "equals": True}},
            {"text": "leave", "goto": "bad", "points": 0}]},
        "good": end("help_sought"),
        "bad": end("risky"),
        "never": end("safe"),
        "stuck": {"screen": "dm", "choices": [{"text": "x", "goto": "stuck2", "when": {"var": "helped",
                                                                                        "equals": "nope"}}]},
        "stuck2": {"screen": "dm", "next": "never"},
    }, variables={"helped": False})
    ex = explore(s)
    by_id = {e.id: e for e in ex.endings}
    assert (by_id["good"].min_score, by_id["good"].max_score) == (5, 5)
    assert (by_id["bad"].min_score, by_id["bad"].max_score) == (0, 2)
    assert not by_id["never"].reachable and by_id["never"].min_score is None
    assert ex.unreachable_nodes == ["never", "stuck", "stuck2"]
    assert ex.best_score == 5
    assert ex.paths == 3


def test_dead_ends_are_reported() -> None:
    s = scenario({
        "n0": {"screen": "dm", "choices": [
            {"text": "on", "goto": "trap"}, {"text": "off", "goto": "done"}]},
        "trap": {"screen": "dm", "choices": [{"text": "x", "goto": "done", "when": {"visited": "nowhere"}}]},
        "nowhere": {"screen": "dm", "next": "done"},
        "done": end(),
    })
    ex = explore(s)
    assert ex.dead_ends == ["trap"]


def test_point_loops_are_found_and_zero_loops_are_fine() -> None:
    looping = scenario({
        "n0": {"screen": "dm", "choices": [{"text": "again", "goto": "n0", "points": 1},
                                           {"text": "go", "goto": "done"}]},
        "done": end(),
    })
    assert explore(looping).point_loops == ["n0"]
    calm = scenario({
        "n0": {"screen": "dm", "choices": [{"text": "again", "goto": "n0"}, {"text": "go", "goto": "done",
                                                                              "points": 2}]},
        "done": end(),
    })
    ex = explore(calm)
    assert ex.point_loops == [] and ex.best_score == 2 and ex.paths_capped


def test_counting_variables_are_capped_not_endless() -> None:
    s = scenario({
        "n0": {"screen": "dm", "choices": [{"text": "again", "goto": "n0", "add": {"k": 1}},
                                           {"text": "go", "goto": "done"}]},
        "done": end(),
    }, variables={"k": 0})
    ex = explore(s)
    assert ex.states_capped and ex.endings[0].reachable


def test_a_node_with_only_one_open_choice_is_not_a_decision_point() -> None:
    s = scenario({
        "n0": {"screen": "dm", "choices": [
            {"text": "only when flagged", "goto": "done", "when": {"var": "flag", "equals": True}},
            {"text": "go", "goto": "done"}]},
        "done": end(),
    }, variables={"flag": False})
    assert explore(s).decision_points == []
