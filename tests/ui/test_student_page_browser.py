"""The student page in a real browser (system Chromium, loopback): 30 students join by code, vote and change votes
and the projector's tally matches; wrong codes are throttled; F12 stops the server; the page at phone size and 200 %
zoom has no sideways scrolling, real buttons and live regions; screenshots go to $RFR_PAGE_SHOTS when set."""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path
from typing import Any, Callable

import pytest
from drive import send, top_name

from game.content.catalog import scenarios_dir
from game.engine.beats import ChoiceBeat
from game.session.trace import Trace
from game.ui.app import App
from game.ui.intents import Next, QuickExit, Submit
from game.ui.launch import open_start

pytestmark = pytest.mark.browser
TUTORIAL = scenarios_dir() / "en" / "tutorial.yaml"
STUDENTS = 30


def _shot(page: Any, name: str) -> None:
    folder = os.environ.get("RFR_PAGE_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def _class_at_a_vote(make_app: Callable[..., App], trace: Trace) -> App:
    app = make_app(scenario=TUTORIAL, facilitator=True, devices=True, devices_host="127.0.0.1", shuffle=False,
                   trace=trace)
    assert open_start(app) == 0 and app.room is not None
    app.step()
    return app


def _to_vote(app: App) -> Any:
    for _ in range(20):
        if top_name(app) == "player" and isinstance(getattr(app.top, "beat", None), ChoiceBeat):
            break
        send(app, Next())
    send(app, Next())  # Take the class vote
    assert top_name(app) == "vote"
    return app.top


def _pump(app: App, until: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not until():
        assert time.monotonic() < deadline, app.room.snapshot if app.room else None
        app.step()
        time.sleep(0.02)


def _join(page: Any, url: str, code: str) -> None:
    page.goto(url)
    page.get_by_label("Room code").fill(code)
    page.get_by_role("button", name="Join").click()
    page.get_by_role("heading", name="You're in. Watch the screen.").wait_for()


def test_thirty_students_vote_and_change_and_the_projector_matches(browser: Any,
                                                                   make_app: Callable[..., App]) -> None:
    trace = Trace()
    app = _class_at_a_vote(make_app, trace)
    room = app.room
    assert room is not None
    contexts = [browser.new_context(viewport={"width": 390, "height": 844}) for _ in range(STUDENTS)]
    pages = [c.new_page() for c in contexts]
    try:
        for page in pages:
            _join(page, room.url, room.code)
        _pump(app, lambda: room.snapshot.devices == STUDENTS)
        _shot(pages[0], "1-waiting")
        scene = _to_vote(app)
        first = [i % 3 for i in range(STUDENTS)]
        final = [(i % 3) if i % 4 else (i + 1) % 3 for i in range(STUDENTS)]  # every 4th student changes
        for page, option in zip(pages, first, strict=True):
            page.get_by_role("button", name=["A", "B", "C"][option], exact=False).first.wait_for()
            page.locator(".option").nth(option).click()
        for page, option in zip(pages, final, strict=True):
            if page.locator(".option").nth(option).get_attribute("aria-pressed") != "true":
                page.locator(".option").nth(option).click()
            page.locator(".option").nth(option).and_(page.locator("[aria-pressed=true]")).wait_for()
        expected = [final.count(k) for k in range(3)]
        _pump(app, lambda: list(room.snapshot.counts) == expected)
        app.step()
        assert f"{STUDENTS} of {STUDENTS} devices answered" in " ".join(app.top.dl.texts())
        _shot(pages[0], "2-voted")
        assert "You chose" in pages[0].get_by_role("status").first.inner_text()
        send(app, Submit())  # reveal
        assert scene.totals() == expected
        for page in pages[:3]:
            page.get_by_role("heading", name="How the class voted").wait_for()
        _shot(pages[0], "3-result")
        assert "30 votes from devices" in pages[0].inner_text("#result-note")
        send(app, Next() if not scene.tied else Next())
        if top_name(app) == "vote":  # a tie: the teacher picks the first tied option
            from game.ui.intents import Choose

            send(app, Choose(scene.leaders[0]))
        [vote] = trace.events("vote")
        assert vote["devices"] == STUDENTS and vote["hands"] == 0 and vote["counts"] == expected
        port = room.port
        send(app, QuickExit())
        assert app.room is None
        pages[0].get_by_role("heading", name="The room has closed").wait_for(timeout=5000)
        with socket.socket() as s:
            s.settimeout(1.0)
            assert s.connect_ex(("127.0.0.1", port)) != 0, "F12 stopped the server"
    finally:
        for c in contexts:
            c.close()


def test_wrong_codes_are_throttled_in_the_page(browser: Any, make_app: Callable[..., App]) -> None:
    app = _class_at_a_vote(make_app, Trace())
    room = app.room
    assert room is not None
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    page = ctx.new_page()
    try:
        page.goto(room.url)
        wrong = "0000" if room.code != "0000" else "1111"
        for left in (4, 3, 2, 1):
            page.get_by_label("Room code").fill(wrong)
            page.get_by_role("button", name="Join").click()
            page.get_by_text(f"({left} {'try' if left == 1 else 'tries'} left)").wait_for()
        page.get_by_label("Room code").fill(wrong)
        page.get_by_role("button", name="Join").click()
        page.get_by_text("Too many tries. Wait 30 seconds").wait_for()
        assert page.get_by_role("button", name="Join").is_disabled()
        _shot(page, "4-throttled")
        assert room.snapshot.devices == 0
    finally:
        ctx.close()


def test_the_page_at_phone_size_and_200_percent_zoom(browser: Any, make_app: Callable[..., App]) -> None:
    app = _class_at_a_vote(make_app, Trace())
    room = app.room
    assert room is not None
    # 200 % zoom on a 390 px phone lays the page out 195 CSS px wide, drawn at twice the size
    ctx = browser.new_context(viewport={"width": 195, "height": 422}, device_scale_factor=4)
    page = ctx.new_page()
    try:
        page.goto(room.url)
        _shot(page, "5-join-200")
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        _join(page, room.url, room.code)
        _pump(app, lambda: room.snapshot.devices == 1)
        _to_vote(app)
        page.locator(".option").first.wait_for()
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        assert page.locator("button.option").count() == len(app.top.options)
        page.keyboard.press("Tab")
        for _ in range(3):
            if page.evaluate("document.activeElement.classList.contains('option')"):
                break
            page.keyboard.press("Tab")
        page.keyboard.press("Enter")  # keyboard only
        page.locator("[aria-pressed=true]").wait_for()
        _shot(page, "6-vote-200")
        assert page.locator("[aria-live=polite]").count() >= 2
        _pump(app, lambda: room.snapshot.answered == 1)
    finally:
        ctx.close()
