"""The debrief replay lights up each red flag the player saw, in place, with a flag and the tactic's chip; unseen red
flags follow as "Other red flags"; the summary shows badges as shapes and the spotted/missed counts of the play."""

from __future__ import annotations

from typing import Optional

from drive import send, shown_place, top_name
from test_kinds_render import overlaps
from test_ui_layout import CheckingRunner

from game.content.catalog import scenarios_dir
from game.engine.beats import ChoiceBeat, SummaryBeat
from game.ui.app import App
from game.ui.display import Group, Icon, Item, Poly, Text
from game.ui.headless import ScriptRunner
from game.ui.intents import Choose, Focus, Next
from game.ui.launch import open_start
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.summary import SummaryScene

FORMAT_TOUR = scenarios_dir() / "_examples" / "format-tour.yaml"
TO_DEBRIEF = ["next", "2", "next", "2", "next", "spot:2", "next", "1", "next", "next"]
"""Format tour: ad -> chat -> spot -> aunt -> safe ending -> the debrief."""


def play_to(app: App, name: str) -> None:
    """Take the first choice written in the file (wherever it is shown) and press Next until the scene called
    `name` is on top."""
    runner = ScriptRunner(app, None)
    for _ in range(40):
        if top_name(app) == name:
            return
        beat = getattr(app.top, "beat", None)
        if isinstance(beat, ChoiceBeat):
            runner.send(Choose(shown_place(app, min(o.index for o in beat.options))))
        else:
            runner.send(Next())
    raise AssertionError(f"{name} not reached (on {top_name(app)})")


def debrief(make_app, start_at: Optional[str] = None, **kw: object) -> App:  # type: ignore[no-untyped-def]
    app = make_app(scenario=FORMAT_TOUR, start_at=start_at, **kw)
    open_start(app)
    play_to(app, "debrief")
    return app


def group_items(app: App, key: str) -> tuple[Group, list[Item]]:
    """A scroll view and its items."""
    g = next(g for g in app.top.dl.groups() if g.key == key)  # type: ignore[union-attr]
    return g, list(g.items)


def test_replay_lights_each_seen_red_flag_in_place(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(scenario=FORMAT_TOUR, shuffle=False)  # TO_DEBRIEF picks options by their written place
    open_start(app)
    ScriptRunner(app, None).run(TO_DEBRIEF)
    scene = app.top
    assert isinstance(scene, DebriefScene) and scene.kind == "replay"
    d = scene.session.scn.debrief
    assert d is not None and scene.seen == [0, 1] and scene.unseen == []
    view, items = group_items(app, "replay")
    rep = scene.replay
    assert rep is not None
    assert overlaps(items) == [], "lit words, chips and the dimmed screens never sit on one another"
    for n, i in enumerate(scene.seen):
        rects = rep.anchors.get(i)
        assert rects, f"red flag {i} is located"
        label = f"{n + 1}. {scene.tactic_of(d.red_flags[i])}"
        chips = [it for it in items if isinstance(it, Text) and it.text == label]
        assert chips, f"a chip names the tactic of red flag {i}"
        for x, y, w, _h in rects:
            assert view.rect[0] <= x and x + w <= view.rect[0] + view.rect[2], "anchors land inside the frame"
            lit = [it for it in items if isinstance(it, Text) and (it.x, it.y) == (x, y)]
            assert lit and lit[0].text.lower() in d.red_flags[i].quote.lower()
        x, y, w, h = rects[0]
        numbers = [it for it in items if isinstance(it, Text) and it.text == str(n + 1)
                   and abs(it.y - y) <= h and x - 2 * h <= it.x <= x]
        assert numbers, "the phrase's number (matching its chip) sits just before the lit phrase"
        shapes = [it for it in items if isinstance(it, Poly) and it.rect[0] <= x and it.rect[1] <= y + h]
        assert shapes, "the phrase is lit as one shape"
    # the side card names the current red flag; arrows step and the replay scrolls to it
    assert any(f"Red flag 1 of {len(scene.seen)}" == t for t in app.top.dl.texts())  # type: ignore[union-attr]
    send(app, Focus(1, 0))
    assert scene.flag == 1
    assert any(d.red_flags[scene.seen[1]].label == t for t in app.top.dl.texts())  # type: ignore[union-attr]
    sv = scene.scrolls["replay"]
    top = min(r[1] for r in rep.anchors[scene.seen[1]]) - sv.rect[1]
    assert sv.offset <= top <= sv.offset + sv.view_h, "the current red flag is in view"
    send(app, Focus(-1, 0), Focus(1, 0), Next())
    assert scene.kind == "question", "after the last red flag, Next goes on to the questions"


def test_red_flags_not_seen_are_listed_after_the_replay(make_app) -> None:  # type: ignore[no-untyped-def]
    app = debrief(make_app, start_at="chat")
    scene = app.top
    assert isinstance(scene, DebriefScene)
    assert scene.seen == [1] and scene.unseen == [0], "the ad was never shown on this path"
    assert [k for k, _i in scene.pages[:3]] == ["replay", "others", "question"]
    send(app, Next())
    assert scene.kind == "others"
    text = " ".join(app.top.dl.texts())  # type: ignore[union-attr]
    assert "Other red flags in this story" in text and "Odd way to pay" in text


def test_without_any_seen_red_flag_the_list_comes_first(make_app) -> None:  # type: ignore[no-untyped-def]
    app = debrief(make_app, start_at="aunt")
    scene = app.top
    assert isinstance(scene, DebriefScene) and scene.seen == [] and scene.kind == "others"
    text = " ".join(app.top.dl.texts())  # type: ignore[union-attr]
    assert "The red flags in this story" in text
    assert sum(1 for it, _s, _c in app.top.dl.walk() if isinstance(it, Icon) and it.name == "flag") >= 2  # type: ignore[union-attr]


def test_debrief_and_summary_fit_at_200_percent(make_app) -> None:  # type: ignore[no-untyped-def]
    for size in ((1024, 600), (1920, 1080)):
        app = make_app(scenario=FORMAT_TOUR, size=size, text_scale=2.0, shuffle=False)  # options as written
        open_start(app)
        runner = CheckingRunner(app)
        runner.run(TO_DEBRIEF)
        for _ in range(12):
            if top_name(app) == "summary":
                break
            runner.send(Next())
        assert {"debrief-replay", "debrief-question", "debrief-friend", "debrief-resources", "summary"} <= \
            runner.screens
        assert runner.problems == []


def test_summary_counts_match_the_play_and_badges_are_shapes(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(scenario=FORMAT_TOUR, shuffle=False)  # TO_DEBRIEF picks options by their written place
    open_start(app)
    ScriptRunner(app, None).run(TO_DEBRIEF)
    play_to(app, "summary")
    scene = app.top
    assert isinstance(scene, SummaryScene)
    st = scene.session.state
    beat = scene.session.beat()
    assert isinstance(beat, SummaryBeat)
    texts = app.top.dl.texts()  # type: ignore[union-attr]
    for num, label in ((st.hits, "Red flags spotted"), (st.misses, "Red flags missed"),
                       (st.false_alarms, "Safe parts marked as red flags")):
        i = texts.index(label)
        assert texts[i - 1] == str(num), f"{label}: {num}"
    assert (st.hits, st.misses) == (1, 2)
    icons = {it.name for it, _s, _c in app.top.dl.walk() if isinstance(it, Icon)}  # type: ignore[union-attr]
    for b in beat.badges:
        assert b.label in texts and b.why in texts and f"badge_{b.shape}" in icons


def test_every_badge_in_tags_yaml_renders(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(scenario=FORMAT_TOUR, size=(1024, 600), text_scale=2.0)
    open_start(app)
    ScriptRunner(app, None).run(TO_DEBRIEF)
    play_to(app, "summary")
    scene = app.top
    assert isinstance(scene, SummaryScene)
    vocab = app.library.shared().tags
    assert vocab is not None and vocab.badges
    beat = scene.session.beat()
    assert isinstance(beat, SummaryBeat)
    everything = SummaryBeat(beat.score, beat.best_score, 3, tuple(vocab.badges), 4, 0, 1, beat.tone)
    scene.session.beat = lambda: everything  # type: ignore[method-assign]
    scene.invalidate()
    app.step(0.0)
    items = [it for it, _s, _c in app.top.dl.walk()]  # type: ignore[union-attr]
    texts = [it.text for it in items if isinstance(it, Text)]
    shapes = [it.name for it in items if isinstance(it, Icon) and it.name.startswith("badge_")]
    assert len(shapes) == len(vocab.badges)
    for b in vocab.badges:
        assert b.label in texts and b.why in texts
        assert f"badge_{b.shape}" in shapes
    w = app.screen.get_width()
    assert all(0 <= it.x and it.x + it.w <= w + 2 for it in items if isinstance(it, Text))


def test_every_shipped_red_flag_is_lit_where_it_appears(make_app) -> None:  # type: ignore[no-untyped-def]
    """Replaying every node of every shipped scenario: each red flag found is anchored inside its screen, with its
    number and a chip, lit as one shape per phrase, and nothing overlaps."""
    from test_kinds_render import shipped

    from game.engine.replay import locate_flags
    from game.engine.state import Shown
    from game.ui.scenes.replay import build_replay

    app = make_app(size=(1280, 720))
    ctx = app.ctx
    for scn in shipped():
        if scn.debrief is None or not scn.debrief.red_flags:
            continue
        every = tuple(Shown(nid, tuple(range(len(n.messages)))) for nid, n in scn.nodes.items())
        rep = build_replay(ctx, scn, locate_flags(scn, every), 100, 0, 520, 600, lambda rf: rf.label, lambda rel: None)
        assert rep.seen, f"{scn.id}: some red flag is found"
        assert len(rep.seen) + len(rep.unseen) == len(scn.debrief.red_flags)
        chips = {it.text for it in rep.items if isinstance(it, Text)}
        for loc in rep.seen:
            rects = rep.anchors.get(loc.index)
            assert rects, f"{scn.id}: red flag '{loc.flag.quote}' is lit where it appears"
            assert all(100 <= x and x + w <= 620 for x, _y, w, _h in rects)
            assert f"{loc.number}. {loc.flag.label}" in chips
        flags = [it for it in rep.items if isinstance(it, Icon) and it.name == "flag"]
        assert len(flags) >= len(rep.seen), "a flag on each chip"
        numbers = {it.text for it in rep.items if isinstance(it, Text)}
        assert all(str(loc.number) in numbers for loc in rep.seen), "a number before each lit phrase"
        assert overlaps(rep.items) == [], scn.id
        assert _shapes_overlap(rep.items) == [], f"{scn.id}: lit phrases never overlap each other"


def _shapes_overlap(items: list[Item]) -> list[tuple[int, int]]:
    """Pairs of filled phrase shapes that share a pixel (drawn into masks)."""
    import pygame

    fills = [it for it in items if isinstance(it, Poly) and it.width == 0]
    masks = []
    for it in fills:
        x, y, w, h = it.rect
        surf = pygame.Surface((max(1, w), max(1, h)), pygame.SRCALPHA)
        pygame.draw.polygon(surf, (255, 255, 255, 255), [(px - x, py - y) for px, py in it.points])
        masks.append((x, y, pygame.mask.from_surface(surf)))
    return [(i, j) for i in range(len(masks)) for j in range(i + 1, len(masks))
            if masks[i][2].overlap(masks[j][2], (masks[j][0] - masks[i][0], masks[j][1] - masks[i][1]))]


def test_a_debrief_that_opens_on_a_question_counts_it_reached(make_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """With no red flag to replay the first page is question 1: it counts as reached at once, as the devices count
    it (the desktop used to count only pages turned to)."""
    app = make_app(scenario=FORMAT_TOUR, shuffle=False)
    open_start(app)
    runner = ScriptRunner(app, None)
    runner.run(TO_DEBRIEF[:-1])
    session = app.top.session  # type: ignore[union-attr]
    monkeypatch.setattr(session, "replay", lambda: ([], [], []))
    runner.run(TO_DEBRIEF[-1:])
    scene = app.top
    assert isinstance(scene, DebriefScene) and scene.kind == "question" and scene.pages[0] == ("question", 0)
    assert session.questions_reached == 1
    send(app, Next())
    assert session.questions_reached == 2
