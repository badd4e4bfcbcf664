"""Every screen-kind renderer draws every shipped node of its kind inside the device frame, with nothing sticking out
sideways, at 1024x600 and 1920x1080, 100% and 200% text; app marks exist for the fictional apps."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from game.content.catalog import find_scenario_files, scenarios_dir
from game.content.loader import load_scenario
from game.content.schema import SYSTEM, Scenario, ScreenKind
from game.ui.display import Group, Icon, Item, Text
from game.ui.frame import device_frame
from game.ui.icon_marks import MARKS
from game.ui.icons import render_icon
from game.ui.kinds import RENDERERS, Highlight, KindView, render
from game.ui.kinds.common import app_key, app_mark


@functools.cache
def shipped() -> tuple[Scenario, ...]:
    """Every shipped scenario (the format tour too) that loads."""
    out = []
    for path in find_scenario_files(scenarios_dir()):
        scn = load_scenario(Path(path)).model
        if scn is not None:
            out.append(scn)
    return tuple(out)


def walk_items(items: list[Item]):  # type: ignore[no-untyped-def]
    """Every item, inside groups too."""
    for it in items:
        if isinstance(it, Group):
            yield from walk_items(list(it.items))
        else:
            yield it


def frame_area(m) -> tuple[int, int, int, int]:  # type: ignore[no-untyped-def]
    """Where the player scene puts the device on a wide window."""
    bar = round(m.small * 2.2) + m.gap
    return (m.pad, bar + m.pad, round(m.w * 0.55) - 2 * m.pad, m.h - 2 * bar - 2 * m.pad)


def sideways(items: list[Item], left: int, right: int) -> list[str]:
    """Text runs that reach outside [left, right]."""
    return [f"'{it.text[:30]}' x={it.x} w={it.w} not in {left}..{right}" for it in walk_items(items)
            if isinstance(it, Text) and (it.x < left - 2 or it.x + it.w > right + 2)]


def overlaps(items: list[Item]) -> list[str]:
    """Text runs drawn over one another (a bubble or card too short for its wrapped text)."""
    texts = [it for it in walk_items(items) if isinstance(it, Text) and it.text.strip()]
    out = []
    for i, a in enumerate(texts):
        for b in texts[i + 1:]:
            if min(a.x + a.w, b.x + b.w) - max(a.x, b.x) > 2 and min(a.y + a.h, b.y + b.h) - max(a.y, b.y) > 2:
                out.append(f"'{a.text[:25]}' overlaps '{b.text[:25]}'")
    return out


@pytest.mark.parametrize("size,scale", [((1024, 600), 1.0), ((1024, 600), 2.0), ((1920, 1080), 1.0),
                                        ((1920, 1080), 2.0)])
def test_every_kind_renders_every_shipped_node_inside_the_frame(make_app, size, scale) -> None:  # type: ignore[no-untyped-def]
    app = make_app(size=size, text_scale=scale)
    ctx = app.ctx
    assert ctx.m.text_scale == scale
    problems: list[str] = []
    kinds_seen: set[ScreenKind] = set()
    for scn in shipped():
        for nid, node in scn.nodes.items():
            kinds_seen.add(node.screen)
            frame: list[Item] = []
            screen = device_frame(ctx, frame, frame_area(ctx.m), node.screen, node.app or "")
            msgs = tuple(node.messages)
            talker = next((mm.speaker for mm in msgs if mm.speaker not in ("me", SYSTEM)), None)
            view = KindView(scn, nid, node, msgs, typing=talker)
            out = render(ctx, view, screen)
            left, right = screen[0], screen[0] + screen[2]
            problems += [f"{scn.id}/{nid} ({node.screen.value}): {p}" for p in sideways(out.header + out.body, left,
                                                                                           right)]
            problems += [f"{scn.id}/{nid}: {p}" for p in overlaps(out.body)]
            sx, sy, sw, sh = screen
            for it in walk_items(out.header):
                if isinstance(it, Text) and not (sy - 2 <= it.y and it.y + it.h <= sy + sh + 2):
                    problems.append(f"{scn.id}/{nid}: header text '{it.text[:30]}' cut off at the bottom")
            if node.screen != ScreenKind.NARRATION:
                assert out.header_h > 0, f"{scn.id}/{nid} has an app header"
            assert out.body_h >= 0
            if node.screen in (ScreenKind.DM, ScreenKind.SMS, ScreenKind.GAME_LOBBY) and talker:
                assert out.typing_at is not None, f"{scn.id}/{nid}: typing dots have a place"
    assert kinds_seen == set(ScreenKind)
    assert problems == [], "\n".join(problems[:20])


def test_each_kind_has_its_own_renderer() -> None:
    from game.ui.kinds import generic

    assert set(RENDERERS) == set(ScreenKind)
    assert all(fn is not generic.render for fn in RENDERERS.values())
    assert len({fn for fn in RENDERERS.values()}) == len(ScreenKind)


def test_highlights_light_up_in_every_kind(make_app) -> None:  # type: ignore[no-untyped-def]
    """A quote in a message or a card field is lit up with a flag icon and its chip; its anchor is returned."""
    app = make_app(size=(1280, 720))
    ctx = app.ctx
    done: set[ScreenKind] = set()
    for scn in shipped():
        for nid, node in scn.nodes.items():
            if node.screen in done:
                continue
            texts = [mm.text for mm in node.messages]
            if node.card is not None:
                texts += [t for t in (node.card.title, node.card.body) if t] + list(node.card.details)
                texts += [f"{k}: {v}" for k, v in node.card.bio.items()] + [t.label for t in node.card.toggles]
            words = next((t.split()[:3] for t in texts if len(t.split()) >= 3), None)
            if not words:
                continue
            quote = " ".join(words)
            frame: list[Item] = []
            screen = device_frame(ctx, frame, frame_area(ctx.m), node.screen, node.app or "")
            view = KindView(scn, nid, node, tuple(node.messages), highlights=(Highlight(0, quote, "1. A tactic"),),
                            dim=True)
            out = render(ctx, view, screen)
            assert out.anchors.get(0), f"{scn.id}/{nid} ({node.screen.value}) anchors '{quote}'"
            for x, _y, w, h in out.anchors[0]:
                assert screen[0] <= x and x + w <= screen[0] + screen[2] and w > 0 and h > 0
            lit = list(walk_items(out.lit))
            assert any(isinstance(it, Icon) and it.name == "flag" for it in lit)
            assert any(isinstance(it, Text) and it.text == "1. A tactic" for it in lit)
            done.add(node.screen)
    assert done == set(ScreenKind)


def test_app_marks_for_the_fictional_apps_and_a_fallback(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    for name in ("Chattr", "Picstream", "GigBoard", "SwapSpot", "Questline", "Hush", "Mailbox", "Messages",
                 "Settings", "Chattr \u00b7 Beat Lab"):
        key = app_key(name)
        assert key in MARKS
        items: list[Item] = []
        app_mark(app.ctx, items, 0, 0, 40, name)
        assert any(isinstance(it, Icon) and it.name == f"mark_{key}" for it in items)
        surf = render_icon(f"mark_{key}", 40, 40, (90, 60, 200, 255), (255, 255, 255, 255))
        assert surf.get_at((20, 20))[3] > 0
    items = []
    app_mark(app.ctx, items, 0, 0, 40, "PayPouch")
    assert app_key("PayPouch") == "other"
    assert any(isinstance(it, Text) and it.text == "P" for it in items), "unknown apps show their first letter"


def test_characters_the_font_lacks_are_left_out_not_boxed(make_app) -> None:  # type: ignore[no-untyped-def]
    """Emoji in posts would draw as empty boxes: they are dropped, and the words around them stay apart."""
    app = make_app()
    fonts = app.ctx.fonts
    assert fonts.visible("hacked \U0001f62d Follow me here \U0001f49c") == "hacked Follow me here "
    assert fonts.visible("art kid \u270f\ufe0f new") == "art kid new"
    assert fonts.visible("caf\u00e9 \u00b7 \u201chi\u201d \u2013 ok") == "caf\u00e9 \u00b7 \u201chi\u201d \u2013 ok"


def test_empty_and_extreme_nodes_render_inside_the_frame(make_app) -> None:  # type: ignore[no-untyped-def]
    """No card, no messages; or very long words, long names and every card field: still inside the frame."""
    from game.content.schema import Node

    app = make_app(size=(1024, 600), text_scale=2.0)
    ctx = app.ctx
    scn = shipped()[0]
    who = scn.characters[0].id
    long = "Averyveryverylongwordwithoutanyspacesatallthatmustbreaksomewhere " * 2
    full = {"title": long[:80], "price": long[:40], "poster": long[:60], "poster_note": long[:80],
            "address": (long + "@x.example")[:100], "body": long, "details": [long], "bio": {"School": long[:120]},
            "button": long[:40], "toggles": [{"id": "t", "label": long[:80], "help": long}]}  # each at its limit
    msgs = [{"from": who, "text": long, "time": "9:41 PM"}, {"from": "me", "text": long},
            {"from": "system", "text": long}, {"from": who, "text": long, "post": {"location": long[:80]}}]
    for kind in ScreenKind:
        for data in ({"screen": kind.value, "next": "x"},
                     {"screen": kind.value, "next": "x", "app": long[:40], "with": who, "title": long[:80],
                      "card": full, "messages": msgs}):
            node = Node.model_validate(data)
            frame: list[Item] = []
            screen = device_frame(ctx, frame, frame_area(ctx.m), node.screen, node.app or "")
            out = render(ctx, KindView(scn, "n", node, tuple(node.messages), typing=who, changed_toggle="t"), screen)
            bad = sideways(frame + out.header + out.body, screen[0] - 2 * ctx.m.pad, screen[0] + screen[2])
            bad += overlaps(out.body)
            assert bad == [], f"{kind.value}: {bad[:3]}"


def test_cached_bubbles_draw_exactly_what_a_fresh_layout_draws(make_app) -> None:  # type: ignore[no-untyped-def]
    """A living thread reuses laid-out bubbles: the display list equals a layout made from nothing, also after a
    message arrived above them would have moved them."""
    from game.ui.kinds import KindView
    from game.ui.kinds import chat as C
    from game.ui.kinds import render as render_kind

    app = make_app(size=(1280, 720))
    for scn in shipped():
        for nid, node in scn.nodes.items():
            if node.screen.value not in ("dm", "sms") or len(node.messages) < 2:
                continue
            screen = (100, 100, 400, 600)
            full = KindView(scn, nid, node, tuple(node.messages))
            tail = KindView(scn, nid, node, tuple(node.messages[1:]))
            C._BUBBLES.clear()
            fresh = render_kind(app.ctx, full, screen).body
            render_kind(app.ctx, tail, screen)  # the same bubbles, higher up
            again = render_kind(app.ctx, full, screen).body
            assert again == fresh, f"{scn.id}:{nid}"
