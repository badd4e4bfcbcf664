"""A student device's play-through (session/device_play): every shipped story to every ending by device actions,
hostile actions refused without a change, views that are JSON and carry what the desktop shows, records and trace."""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import pytest

from game.engine.beats import ChoiceBeat, SpotBeat
from game.session.catalog import CatalogItem, Library
from game.session.device_play import ActionError, DevicePlay, load_vocab
from game.session.play import PlaySession
from game.session.routes import shortest_routes
from game.session.store import Store
from game.session.trace import Trace


@lru_cache(maxsize=1)
def _items() -> tuple[CatalogItem, ...]:
    return tuple(i for i in Library().items() if i.ok)


def _item(sid: str) -> CatalogItem:
    return next(i for i in _items() if i.id == sid)


SEED = 7


def _routes(item: CatalogItem) -> dict[str, list[str]]:
    """For each reachable ending, the desktop's shortest playtest script there (session/routes.py), options
    numbered as shown with SEED; the steps after `expect:` are the debrief's Nexts, added by `_play`."""
    scn = item.scenario
    assert scn is not None
    return {r.ending: list(r.steps) for r in shortest_routes(scn, SEED)[0]}


def _action(view: dict[str, Any], step: str) -> dict[str, Any]:
    """The device action for one script step on this view, by the places the view numbers (as the keys do)."""
    if view["kind"] == "note":
        assert step == "next"
        return {"do": "note", "go": True, "step": view["step"]}
    if step.isdigit():
        assert view["kind"] == "node" and view["beat"] == "choice", step
        option = next(o for o in view["choice"]["options"] if o["n"] == int(step))
        return {"do": "choose", "option": option["index"], "step": view["step"]}
    if step.startswith("spot:") or step == "submit":
        assert view["kind"] == "node" and view["beat"] == "spot", step
        places = {int(p) for p in step[5:].split("+") if p} if step != "submit" else set()
        return {"do": "spot", "marks": [p["id"] for p in view["spot"]["parts"] if p["n"] in places],
                "step": view["step"]}
    assert step == "next", step
    return {"do": "next", "step": view["step"]}


def _play(dp: DevicePlay, steps: list[str]) -> Iterator[dict[str, Any]]:
    """Play a script's steps (then Next to the summary); yields each view (JSON round-tripped)."""
    todo = list(steps)
    for _turn in range(2000):
        view = dp.view()
        assert json.loads(json.dumps(view, allow_nan=False)) == view
        assert isinstance(view["kind"], str) and view["step"] == dp.step
        yield view
        while todo and todo[0].startswith("expect:"):
            want = todo.pop(0).split("=", 1)[1]
            assert dp.outcome is not None and dp.outcome[0] == want
        if view["kind"] == "summary":
            assert todo == []
            return
        dp.act(_action(view, todo.pop(0) if todo else "next"))
    raise AssertionError("the play did not end")


@pytest.mark.parametrize("sid", [i.id for i in _items()])
def test_every_shipped_story_reaches_every_ending_by_device_actions(sid: str) -> None:
    item = _item(sid)
    routes = _routes(item)
    ex = item.checked.exploration if item.checked else None
    assert ex is not None and set(routes) == {e.id for e in ex.endings if e.reachable}
    for ending, route in routes.items():
        dp = DevicePlay(item, load_vocab(item), seed=SEED)
        kinds = [v["kind"] for v in _play(dp, route)]
        assert dp.finished and not dp.left
        assert dp.outcome is not None and dp.outcome[0] == ending
        assert dp.outcome == (ending, item.scenario.nodes[ending].ending.tone.value, dp.session.state.score)
        assert "ending" in kinds and kinds[-1] == "summary" and "debrief" in kinds


def _trace_of_desktop_engine(item: CatalogItem, seed: int, steps: list[str]) -> list[dict[str, Any]]:
    """The same script driven through PlaySession directly, by places on screen, as the desktop player does."""
    trace = Trace()
    s = PlaySession(item, load_vocab(item), None, trace=trace, seed=seed)
    todo = [t for t in steps[1:] if not t.startswith("expect:")]  # steps[0] is Start on the content note
    while not s.finished:
        beat = s.beat()
        step = todo.pop(0) if todo else "next"
        if isinstance(beat, ChoiceBeat):
            s.choose(beat.options[int(step) - 1].index)
        elif isinstance(beat, SpotBeat):
            places = [int(p) for p in step[5:].split("+") if p] if step.startswith("spot:") else []
            s.submit_spot(sorted(beat.order[p - 1] for p in places))
        else:
            s.advance()
    return trace.records


def test_trace_and_views_match_the_desktop_engine_and_what_it_shows() -> None:
    item = _item("grooming-dms")
    for ending, route in _routes(item).items():
        trace = Trace()
        dp = DevicePlay(item, load_vocab(item), seed=SEED, trace=trace)
        assert trace.records == []  # nothing is traced before the content note is accepted
        views = list(_play(dp, route))
        assert trace.records == _trace_of_desktop_engine(item, SEED, route), ending
        nodes = iter(trace.events("node"))
        choices = iter(trace.events("choice"))
        spots = iter(trace.events("spot"))
        for v in views:
            if v["kind"] != "node":
                continue
            ev = next(nodes)
            while ev["node"] != v["node"]:
                ev = next(nodes)
            texts = [m["text"] if isinstance(m["text"], str) else "".join(s["t"] for s in m["text"])
                     for m in v["screen"]["messages"] if not m.get("spot")]
            assert texts == [m["text"] for m in ev["thread"]]  # the living thread, history and replies included
            if v["beat"] == "choice":  # the options in the shown (seeded) order
                assert [o["index"] for o in v["choice"]["options"]] == [o["index"] for o in next(choices)["options"]]
                assert [o["n"] for o in v["choice"]["options"]] == list(range(1, len(v["choice"]["options"]) + 1))
            if v["beat"] == "spot":  # the parts in reading order, marked in place in the real bubble
                assert [p["id"] for p in v["spot"]["parts"]] == [p["index"] for p in next(spots)["parts"]]
                bubble = [m for m in v["screen"]["messages"] if m.get("spot")] or [v["screen"]["card"]]
                assert bubble
        replayed = [v for v in views if v["kind"] == "debrief" and v["page"]["kind"] == "replay"]
        if replayed:
            nodes_rep = [e["node"] for e in trace.events("replay")]
            assert len(replayed[0]["replay"]["screens"]) == len(nodes_rep)


def test_options_follow_the_seed_as_on_the_desktop() -> None:
    item = _item("fake-job")
    orders = set()
    for seed in range(6):
        dp = DevicePlay(item, load_vocab(item), seed=seed)
        desk = PlaySession(item, load_vocab(item), None, seed=seed)
        dp.act({"do": "note", "go": True})
        while not isinstance(desk.beat(), ChoiceBeat):
            desk.advance()
            dp.act({"do": "next"})
        beat = desk.beat()
        assert isinstance(beat, ChoiceBeat)
        shown = [o["index"] for o in dp.view()["choice"]["options"]]
        assert shown == [o.index for o in beat.options]
        orders.add(tuple(shown))
    assert len(orders) > 1  # the seed really shuffles


def _lit(rich: Any) -> list[dict[str, Any]]:
    return [s for s in rich if "flag" in s] if isinstance(rich, list) else []


def _walk_texts(obj: Any) -> Iterator[Any]:
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k in ("text", "title", "body", "details", "label", "button", "price", "poster", "help"):
                yield v
            yield from _walk_texts(v)
    elif isinstance(obj, list):
        for x in obj:
            yield from _walk_texts(x)


def test_debrief_replay_lights_each_seen_flag_in_place_and_steps_like_the_desktop() -> None:
    item = _item("grooming-dms")
    for route in _routes(item).values():  # a way that shows at least two red flags
        dp = DevicePlay(item, load_vocab(item), seed=SEED)
        for v in _play(dp, route):
            if v["kind"] == "debrief" and v["page"]["kind"] == "replay":
                break
        _nodes, seen, _unseen = dp.session.replay()
        if len(seen) >= 2:
            break
    assert len(seen) >= 2
    d = item.scenario.debrief
    rep = v["replay"]
    assert [f["label"] for f in rep["flags"]] == [d.red_flags[i].label for i in seen]
    lit = [s for scr in rep["screens"] for t in _walk_texts(scr["screen"]) for s in
           (_lit(t) if not isinstance(t, list) or not t or isinstance(t[0], dict) else [x for y in t for x in _lit(y)])]
    assert sorted(s["flag"] for s in lit) == list(range(1, len(seen) + 1))  # every seen flag lit once, in place
    for s in lit:
        assert s["t"].lower() == d.red_flags[seen[s["flag"] - 1]].quote.lower()
    assert [s["current"] for s in sorted(lit, key=lambda s: s["flag"])][0] is True
    step = dp.step
    for k in range(1, len(seen)):  # Next steps through the red flags, then the pages
        dp.act({"do": "next"})
        assert dp.view()["replay"]["current"] == k
    dp.act({"do": "back"})
    assert dp.view()["replay"]["current"] == max(0, len(seen) - 2)
    assert dp.step == step + len(seen)


HOSTILE: list[object] = [
    None, 1, "next", [], {}, {"do": 3}, {"do": "fly"}, {"do": "next", "extra": 1}, {"do": "choose"},
    {"do": "choose", "option": "0"}, {"do": "choose", "option": True}, {"do": "choose", "option": 99},
    {"do": "choose", "option": -1}, {"do": "choose", "option": 0.0}, {"do": "spot", "marks": "0"},
    {"do": "spot", "marks": [True]}, {"do": "spot", "marks": [0, 0]}, {"do": "spot", "marks": [99]},
    {"do": "spot", "marks": [-1]}, {"do": "spot", "marks": list(range(500))}, {"do": "spot", "marks": None},
    {"do": "note", "go": 1}, {"do": "note", "go": "yes"}, {"do": "note"}, {"do": "help"},
    {"do": "help", "open": 1}, {"do": "help", "open": False}, {"do": "next", "step": -5},
    {"do": "next", "step": "0"}, {"do": "next", "step": True}, {"do": "leave", "now": True},
    {"do": "back"}, {"do": "start", "story": "tutorial"}, {"do": "next", "step": 10**30},
]


def _frozen(dp: DevicePlay) -> tuple[str, Any, int]:
    return json.dumps(dp.view(), sort_keys=True), dp.session.state, dp.step


def test_hostile_actions_raise_and_never_change_anything() -> None:
    item = _item("tutorial")
    route = next(iter(_routes(item).values()))
    dp = DevicePlay(item, load_vocab(item), seed=SEED)
    refused = 0
    kinds = set()

    def attack(actions: list[object]) -> None:
        nonlocal refused
        for bad in actions:
            before = _frozen(dp)
            with pytest.raises(ActionError) as err:
                dp.act(copy.deepcopy(bad))
            assert 0 < len(str(err.value)) <= 80
            assert _frozen(dp) == before
            refused += 1

    attack(HOSTILE + [{"do": "next"}, {"do": "choose", "option": 0}, {"do": "spot", "marks": []}])  # the note
    route_left = [t for t in route if not t.startswith("expect:")]
    dp.act({"do": "note", "go": True})
    route_left.pop(0)
    for _turn in range(200):
        v = dp.view()
        key = v["kind"] + "/" + str(v.get("beat", ""))
        first = key not in kinds  # the whole list once per kind of view, the misfits on every view
        kinds.add(key)
        extra: list[object] = [{"do": "note", "go": True}, {"do": "next", "step": v["step"] + 1}]
        if v["kind"] == "node" and v["beat"] == "choice":
            extra += [{"do": "next"}, {"do": "spot", "marks": []}]
        elif v["kind"] == "node" and v["beat"] == "spot":
            extra += [{"do": "next"}, {"do": "choose", "option": 0}]
        else:
            extra += [{"do": "choose", "option": 0}, {"do": "spot", "marks": []}]
        if v["kind"] == "summary":
            extra += [{"do": "next"}]
        attack([a for a in HOSTILE if first and (a != {"do": "back"} or v["kind"] != "debrief")] + extra)
        if v["kind"] == "summary":
            break
        dp.act(_action(v, route_left.pop(0) if route_left else "next"))
    assert dp.finished and refused > 300
    assert {"node/choice", "node/spot", "feedback/", "spot_result/", "ending/", "debrief/", "summary/"} <= kinds


def test_help_opens_anywhere_blocks_play_and_returns_to_the_same_page() -> None:
    item = _item("tutorial")
    dp = DevicePlay(item, load_vocab(item), seed=1)
    note = dp.view()
    dp.act({"do": "help", "open": True})
    v = dp.view()
    assert v["kind"] == "help" and v["resources"] and all(r["contacts"] for r in v["resources"])
    shipped = {r.id for r in Library().resources(item.scenario.theme)}
    assert {r["id"] for r in v["resources"]} == shipped  # the verified lines only
    with pytest.raises(ActionError):
        dp.act({"do": "note", "go": True})
    dp.act({"do": "help", "open": False})
    assert {**dp.view(), "step": 0} == note
    dp.act({"do": "note", "go": True})
    dp.act({"do": "help", "open": True})
    dp.act({"do": "help", "open": False})
    assert dp.view()["kind"] == "node"


def test_opting_out_and_leaving_record_nothing_more(tmp_path: Path) -> None:
    item = _item("tutorial")
    store = Store.open(tmp_path)
    try:
        out = DevicePlay(item, load_vocab(item), seed=1, store=store)
        assert out.view()["kind"] == "note" and out.outcome is None and out.session.log == []
        out.act({"do": "note", "go": False})
        assert out.left and not out.finished and out.view()["kind"] == "left"
        with pytest.raises(ActionError):
            out.act({"do": "note", "go": True})
        out.act({"do": "help", "open": True})  # help lines stay open to a device that left
        assert out.view()["kind"] == "help" and out.view()["resources"]
        out.act({"do": "help", "open": False})
        assert out.view()["kind"] == "left"
        assert store.sessions() == []  # opting out at the note starts no session

        mid = DevicePlay(item, load_vocab(item), seed=1, store=store)
        mid.act({"do": "note", "go": True})
        mid.act({"do": "next"})
        mid.act({"do": "leave"})
        assert mid.left and mid.view()["kind"] == "left"
        with pytest.raises(ActionError):
            mid.act({"do": "next"})
        rows = store.sessions()
        assert len(rows) == 1 and rows[0]["finished_at"] is None and rows[0]["nickname"] is None
    finally:
        store.close()


def test_a_finished_play_is_an_anonymous_solo_session_with_its_decisions(tmp_path: Path) -> None:
    item = _item("tutorial")
    route = next(iter(_routes(item).values()))
    store = Store.open(tmp_path)
    try:
        dp = DevicePlay(item, load_vocab(item), seed=SEED, store=store)
        views = list(_play(dp, route))
        questions = sum(1 for v in views if v["kind"] == "debrief" and v["page"]["kind"] == "question")
        (row,) = store.sessions()
        assert row["mode"] == "solo" and row["nickname"] is None and row["ending_id"] == dp.outcome[0]
        assert row["score"] == dp.outcome[2] and row["questions_reached"] == questions
        assert len(store.decisions(row["id"])) == len(dp.session.log) > 0
    finally:
        store.close()


def test_settings_switches_flip_on_the_device_as_on_screen() -> None:
    found = [item for item in _items() if any(n.card and n.card.toggles and n.choices and
                                              any(c.toggle for c in n.choices) for n in item.scenario.nodes.values())]
    if not found:
        pytest.skip("no shipped story loads with a settings screen whose switch a choice flips")
    item = found[0]
    choices_of = {nid: n.choices for nid, n in item.scenario.nodes.items() if n.choices}
    for route in _routes(item).values():  # follow each route until a choice that flips a switch is on screen
        dp = DevicePlay(item, load_vocab(item), seed=SEED)
        todo = [t for t in route if not t.startswith("expect:")]
        while todo:
            v = dp.view()
            flip = next((o for o in v["choice"]["options"] if choices_of[v["node"]][o["index"]].toggle), None) \
                if v["kind"] == "node" and v["beat"] == "choice" and v["screen"].get("card") else None
            if flip is None:
                dp.act(_action(v, todo.pop(0)))
                continue
            tid = choices_of[v["node"]][flip["index"]].toggle
            before = {t["id"]: t["on"] for t in v["screen"]["card"]["toggles"]}
            dp.act({"do": "choose", "option": flip["index"], "step": v["step"]})
            after = {t["id"]: t for t in dp.view()["screen"]["card"]["toggles"]}
            assert after[tid]["on"] is not before[tid] and after[tid]["changed"] is True
            assert all(t["on"] is before[k] for k, t in after.items() if k != tid)
            return
    pytest.fail("no route shows a choice that flips a switch")


def test_device_words_are_the_desktop_words() -> None:
    pytest.importorskip("pygame")
    from game.session import words as W
    from game.ui import widgets
    from game.ui.scenes import help as H
    from game.ui.scenes import panel as P
    from game.ui.scenes import summary as S

    # one sentence, one place: the desktop screens say what the devices say because they call the same code
    assert (P.points_text, P.verdict_mark, P.outcome_label, P.still_helps) == (
        W.points_text, W.verdict_mark, W.outcome_label, W.still_helps)
    assert (S.headline, H.contact_line, widgets.initials) == (W.headline, W.contact_line, W.initials)
    assert W.points_text(-1) == "-1 point" and W.points_text(3) == "+3 points"
    assert W.contact_line("text", "Text START to", "123") == "Text START to 123"
    assert [W.initials(n) for n in ("Jordan", "kai_22", "Club Prize Desk", "", "!!")] == ["J", "K2", "CP", "?", "?"]


def test_default_apps_keep_their_mark_in_every_language() -> None:
    pytest.importorskip("pygame")
    from game.session import lang
    from game.session import words as W
    from game.ui.icon_marks import MARKS
    from game.ui.kinds import common

    assert set(W.APP_MARKS) == set(MARKS) and common.app_key is W.app_key
    assert [W.app_key(n) for n in ("Chattr · Beat Lab", "Settings", "Mailbox", "Messages", "Notes")] == [
        "chattr", "settings", "mailbox", "messages", "other"]
    lang.set_language("es")
    try:
        assert [W.app_key(lang._(n)) for n in ("Settings", "Mailbox", "Messages")] == ["settings", "mailbox",
                                                                                         "messages"]
        assert lang._("Settings") != "Settings", "the Spanish catalog names the app in Spanish"
    finally:
        lang.set_language("en")
