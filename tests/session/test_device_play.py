"""A student device's play-through (session/device_play): every shipped story to every ending by device actions,
hostile actions refused without a change, views that are JSON and carry what the desktop shows, records and trace."""

from __future__ import annotations

import copy
import json
from collections import deque
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator, Optional

import pytest

from game.engine import runner
from game.engine.beats import ChoiceBeat, SpotBeat
from game.engine.state import Phase, PlayState
from game.session.catalog import CatalogItem, Library
from game.session.device_play import ActionError, DevicePlay, load_vocab
from game.session.play import PlaySession
from game.session.store import Store
from game.session.trace import Trace


@lru_cache(maxsize=1)
def _items() -> tuple[CatalogItem, ...]:
    return tuple(i for i in Library().items() if i.ok)


def _item(sid: str) -> CatalogItem:
    return next(i for i in _items() if i.id == sid)


def _routes(item: CatalogItem) -> dict[str, list[int]]:
    """For each reachable ending, the choices (file indices) of a shortest way there (spot answers never
    change the route)."""
    scn = item.scenario
    assert scn is not None

    def key(st: PlayState) -> tuple[Any, ...]:
        return (st.node, st.phase.value, tuple(sorted(st.vars.items())), frozenset(st.visited), st.pending)

    start = runner.start(scn)
    todo: deque[tuple[PlayState, list[int]]] = deque([(start, [])])
    seen = {key(start)}
    found: dict[str, list[int]] = {}
    while todo and len(seen) < 20_000:
        st, path = todo.popleft()
        if st.phase is Phase.ENDING:
            found.setdefault(st.node, path)
            continue
        beat = runner.current_beat(scn, st)
        nexts: list[tuple[PlayState, list[int]]] = []
        if isinstance(beat, ChoiceBeat):
            nexts = [(runner.choose(scn, st, o.index), path + [o.index]) for o in beat.options]
        elif isinstance(beat, SpotBeat):
            nexts = [(runner.submit_spot(scn, st, []), path)]
        else:
            nexts = [(runner.advance(scn, st), path)]
        for nxt, p in nexts:
            if key(nxt) not in seen:
                seen.add(key(nxt))
                todo.append((nxt, p))
    return found


def _answer(dp: DevicePlay, view: dict[str, Any], route: list[int], turn: int) -> None:
    """One device action for a view: the route's next choice, marks alternating between every part, none and the
    first; Next elsewhere. Every action names the step it answers."""
    if view["kind"] == "node" and view["beat"] == "choice":
        want = route.pop(0)
        assert want in [o["index"] for o in view["choice"]["options"]]
        dp.act({"do": "choose", "option": want, "step": view["step"]})
    elif view["kind"] == "node" and view["beat"] == "spot":
        ids = [p["id"] for p in view["spot"]["parts"]]
        marks = [ids, [], ids[:1]][turn % 3]
        dp.act({"do": "spot", "marks": marks, "step": view["step"]})
    else:
        dp.act({"do": "next", "step": view["step"]})


def _play(dp: DevicePlay, route: list[int]) -> Iterator[dict[str, Any]]:
    """Accept the note, then answer every view to the summary; yields each view (JSON round-tripped)."""
    dp.act({"do": "note", "go": True})
    route = list(route)
    for turn in range(2000):
        view = dp.view()
        assert json.loads(json.dumps(view, allow_nan=False)) == view
        assert isinstance(view["kind"], str) and view["step"] == dp.step
        yield view
        if view["kind"] == "summary":
            assert route == []
            return
        _answer(dp, view, route, turn)
    raise AssertionError("the play did not end")


@pytest.mark.parametrize("sid", [i.id for i in _items()])
def test_every_shipped_story_reaches_every_ending_by_device_actions(sid: str) -> None:
    item = _item(sid)
    routes = _routes(item)
    ex = item.checked.exploration if item.checked else None
    assert ex is not None and set(routes) == {e.id for e in ex.endings if e.reachable}
    for ending, route in routes.items():
        dp = DevicePlay(item, load_vocab(item), seed=7)
        kinds = [v["kind"] for v in _play(dp, route)]
        assert dp.finished and not dp.left
        assert dp.outcome is not None and dp.outcome[0] == ending
        assert dp.outcome == (ending, item.scenario.nodes[ending].ending.tone.value, dp.session.state.score)
        assert "ending" in kinds and kinds[-1] == "summary" and "debrief" in kinds


def _trace_of_desktop_engine(item: CatalogItem, seed: int, route: list[int]) -> list[dict[str, Any]]:
    """The same play driven through PlaySession directly, as the desktop player drives it."""
    trace = Trace()
    s = PlaySession(item, load_vocab(item), None, trace=trace, seed=seed)
    route = list(route)
    turn = 0
    while not s.finished:
        beat = s.beat()
        if isinstance(beat, ChoiceBeat):
            s.choose(route.pop(0))
        elif isinstance(beat, SpotBeat):
            ids = list(beat.order)
            s.submit_spot(sorted([ids, [], ids[:1]][turn % 3]))
        else:
            s.advance()
        turn += 1
    return trace.records


def test_trace_and_views_match_the_desktop_engine_and_what_it_shows() -> None:
    item = _item("grooming-dms")
    for ending, route in _routes(item).items():
        trace = Trace()
        dp = DevicePlay(item, load_vocab(item), seed=11, trace=trace)
        assert trace.records == []  # nothing is traced before the content note is accepted
        views = list(_play(dp, route))
        assert trace.records == _trace_of_desktop_engine(item, 11, route), ending
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
        dp = DevicePlay(item, load_vocab(item), seed=3)
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
    dp = DevicePlay(item, load_vocab(item), seed=5)
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
    route_left = list(route)
    dp.act({"do": "note", "go": True})
    for turn in range(200):
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
        _answer(dp, v, route_left, turn)
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
        dp = DevicePlay(item, load_vocab(item), seed=2, store=store)
        views = list(_play(dp, route))
        questions = sum(1 for v in views if v["kind"] == "debrief" and v["page"]["kind"] == "question")
        (row,) = store.sessions()
        assert row["mode"] == "solo" and row["nickname"] is None and row["ending_id"] == dp.outcome[0]
        assert row["score"] == dp.outcome[2] and row["questions_reached"] == questions
        assert len(store.decisions(row["id"])) == len(dp.session.log) > 0
    finally:
        store.close()


def test_settings_switches_flip_on_the_device_as_on_screen() -> None:
    found = [(item, nid) for item in _items() for nid, n in item.scenario.nodes.items()
             if n.card and n.card.toggles and n.choices and any(c.toggle for c in n.choices)]
    if not found:
        pytest.skip("no shipped story loads with a settings screen whose switch a choice flips")
    item, node_id = found[0]
    scn = item.scenario
    route = None
    for r in _routes(item).values():
        st = runner.start(scn)
        path = list(r)
        while st.phase is not Phase.ENDING and st.node != node_id:
            beat = runner.current_beat(scn, st)
            st = runner.choose(scn, st, path.pop(0)) if isinstance(beat, ChoiceBeat) else \
                runner.submit_spot(scn, st, []) if isinstance(beat, SpotBeat) else runner.advance(scn, st)
        if st.node == node_id and st.phase is Phase.NODE:
            route = r
            break
    assert route is not None
    dp = DevicePlay(item, load_vocab(item), seed=0)
    flipped: Optional[dict[str, Any]] = None
    for v in _play(dp, route):
        if v["kind"] == "node" and v.get("node") == node_id and v["beat"] == "choice":
            toggle_opt = next((o for o in v["choice"]["options"]
                               if scn.nodes[node_id].choices[o["index"]].toggle), None)
            if toggle_opt is None:
                continue
            before = {t["id"]: t["on"] for t in v["screen"]["card"]["toggles"]}
            tid = scn.nodes[node_id].choices[toggle_opt["index"]].toggle
            route.insert(0, toggle_opt["index"])
            dp.act({"do": "choose", "option": route.pop(0), "step": v["step"]})
            after = dp.view()["screen"]["card"]["toggles"]
            flipped = {t["id"]: t for t in after}[tid]
            assert flipped["on"] is not before[tid] and flipped["changed"] is True
            break
    assert flipped is not None


def test_device_words_are_the_desktop_words() -> None:
    pytest.importorskip("pygame")
    from game.content.schema import Ending, Tone
    from game.session import device_words as W
    from game.ui.scenes import help as H
    from game.ui.scenes import panel as P
    from game.ui.scenes import summary as S
    from game.ui.widgets import initials

    for n in (-2, -1, 0, 1, 5):
        assert W.points_text(n) == P.points_text(n)
    for v in ("best", "partial", "risky"):
        assert W.verdict_mark(v) == P.verdict_mark(v)
    for o in ("hit", "miss", "false_alarm", "clear"):
        assert W.outcome_label(o) == P.outcome_label(o)
    for tone in (*Tone, None):
        assert W.headline(tone) == S.headline(tone)
        if tone is not None:
            e = Ending.model_validate({"tone": tone.value, "title": "t", "text": "x"})
            assert W.still_helps(e) == P.still_helps(e)
    for kind, label in (("call", None), ("text", "Text START to"), ("chat", "Live chat"), ("web", "site")):
        assert W.contact_line(kind, label, "123") == H.contact_line(kind, label, "123")
    for name in ("Jordan", "kai_22", "Club Prize Desk", "", "!!"):
        assert W.initials(name) == initials(name)
