"""Everyone plays, in a real browser (system Chromium, loopback, the real room server and play.html): the same seeded
script played through the desktop game (headless, --trace) and through the page by keyboard gives the same trace,
event by event; ten devices play to the summary (one leaves, one quick-exits); every page kind passes an
accessibility check written here (names, headings, landmarks, live regions, contrast, tap targets, no sideways
scrolling at phone size and at 200 % zoom). Screenshots go to $RFR_PAGE_SHOTS when set."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

from game.net.plays import Plays
from game.net.server import RoomServer
from game.session.catalog import CatalogItem, Library
from game.session.device_play import DevicePlay, load_vocab
from game.session.trace import Trace

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
PHONE = {"width": 390, "height": 844}
ZOOM_200 = {"width": 195, "height": 422}
"""A 390 px wide phone at 200 % browser zoom lays out 195 CSS pixels wide."""


def _item(sid: str) -> CatalogItem:
    item = next((i for i in Library().items() if i.id == sid), None)
    if item is None or not item.ok:
        pytest.skip(f"the shipped story '{sid}' does not load right now")
    return item


@contextmanager
def _room(items: list[CatalogItem], make: Callable[[CatalogItem, int], Any], choose: bool = False) -> Iterator[Any]:
    server = RoomServer(host="127.0.0.1", code="4812", plays=Plays(items, make, choose=choose, seed=0)).start()
    try:
        yield server
    finally:
        server.stop()


def _shot(page: Any, name: str) -> None:
    folder = os.environ.get("RFR_PAGE_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"play-{name}.png"), full_page=True)


def _join(page: Any, room: Any) -> None:
    page.goto(room.url)
    page.get_by_label("Room code").fill(room.code)
    page.get_by_role("button", name="Join").click()
    page.wait_for_function("() => !['join', 'wait', undefined].includes(document.body.dataset.kind)")


def _step(page: Any) -> int:
    return int(page.evaluate("() => Number(document.body.dataset.step || -1)"))


def _press(page: Any, *keys: str) -> None:
    """Press keys; the last one sends an action: wait for the page to show the next view (at a person's pace: the
    room allows a device 20 messages a second)."""
    page.wait_for_timeout(70)
    before = _step(page)
    for k in keys:
        page.keyboard.press(k)
    page.wait_for_function("s => Number(document.body.dataset.step || -1) !== s || "
                           "['closed', 'notes', 'stories'].includes(document.body.dataset.kind)", arg=before)


def _decisions(play: Any) -> list[tuple[Any, ...]]:
    """What a play decided, decision by decision (node, kind, the option taken, the parts marked)."""
    return [(d.node_id, d.kind, d.chosen, tuple(d.selected)) for d in play.session.log]


def _script(item: CatalogItem, seed: int, rng_seed: int, played: Any = None) -> list[str]:
    """A seeded path as desktop script steps (`next`, `N`, `spot:1+3`), made by playing a DevicePlay by places
    (`played`, a list, gets that DevicePlay)."""
    dp = DevicePlay(item, load_vocab(item), seed=seed)
    if played is not None:
        played.append(dp)
    rng = random.Random(rng_seed)
    steps = ["next"]
    dp.act({"do": "note", "go": True})
    for _ in range(500):
        v = dp.view()
        if v["kind"] == "summary":
            return steps
        if v["kind"] == "node" and v["beat"] == "choice":
            o = rng.choice(v["choice"]["options"])
            steps.append(str(o["n"]))
            dp.act({"do": "choose", "option": o["index"]})
        elif v["kind"] == "node" and v["beat"] == "spot":
            parts = [p for p in v["spot"]["parts"] if rng.random() < 0.5]
            steps.append("spot:" + "+".join(str(p["n"]) for p in sorted(parts, key=lambda p: p["n"])))
            dp.act({"do": "spot", "marks": [p["id"] for p in parts]})
        else:
            steps.append("next")
            dp.act({"do": "next"})
    raise AssertionError("the script did not reach the summary")


def _keys_for(step: str, arrows: bool = False) -> list[str]:
    """The page's keys for one desktop script step (the desktop game's keys): numbers, or with `arrows` the arrow
    keys to the option or part (focus starts on the page's heading), then Enter or Space; S submits."""
    if step == "next":
        return ["Enter"]
    if step.startswith("spot:"):
        places = [int(p) for p in step[5:].split("+") if p]
        if not arrows:
            return [*map(str, places), "s"]
        keys, at = [], 0
        for p in places:
            keys += ["ArrowDown"] * (p - at) + ["Space"]
            at = p
        return [*keys, "s"]
    return ["ArrowDown"] * int(step) + ["Enter"] if arrows else [step]


def _desktop_trace(item: CatalogItem, seed: int, steps: list[str], tmp: Path) -> list[dict[str, Any]]:
    out = tmp / "desktop.jsonl"
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    proc = subprocess.run([sys.executable, "main.py", "play", "--headless", "--scenario", str(item.path), "--seed",
                           str(seed), "--script", " ".join(steps), "--trace", str(out), "--data-dir",
                           str(tmp / "data"), "--size", "1280x720"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=240)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("sid,seed", [("tutorial", 3), ("grooming-dms", 8), ("oversharing", 5)])
def test_the_same_seeded_script_gives_the_same_trace_on_the_desktop_and_in_the_page(
        browser: Any, tmp_path: Path, sid: str, seed: int) -> None:
    item = _item(sid)
    steps = _script(item, seed, rng_seed=seed * 7 + 1)
    desktop = _desktop_trace(item, seed, steps, tmp_path)
    trace = Trace()
    with _room([item], lambda it, *_: DevicePlay(it, load_vocab(it), seed=seed, trace=trace)) as room:
        ctx = browser.new_context(viewport=PHONE, reduced_motion="reduce")
        page = ctx.new_page()
        try:
            _join(page, room)
            for step in steps:  # by keyboard only, the desktop game's keys
                _press(page, *_keys_for(step))
            assert page.evaluate("document.body.dataset.kind") == "summary"
        finally:
            ctx.close()
    assert [r["event"] for r in trace.records] == [r["event"] for r in desktop]
    for k, (web, desk) in enumerate(zip(trace.records, desktop, strict=True)):
        assert web == desk, f"event {k} differs"
    assert trace.events("end") and trace.events("choice")


def test_ten_devices_play_to_the_summary_one_leaves_one_quick_exits(browser: Any) -> None:
    tutorial, story = _item("tutorial"), _item("grooming-dms")
    with _room([tutorial, story], lambda it, *_: DevicePlay(it, load_vocab(it), seed=0), choose=True) as room:
        contexts = [browser.new_context(viewport=PHONE, reduced_motion="reduce") for _ in range(10)]
        pages = [c.new_page() for c in contexts]
        try:
            for k, page in enumerate(pages):
                _join(page, room)
                assert page.evaluate("document.body.dataset.kind") == "stories"
                title = (story if k == 0 else tutorial).title
                page.get_by_role("button", name=f"Play {title}").click()
                page.wait_for_function("() => document.body.dataset.kind === 'note'")
            scripts = [_script(story if k == 0 else tutorial, 0, k) for k in range(10)]
            scripts[8], scripts[9] = scripts[8][:3], scripts[9][:3]
            for turn in range(max(len(s) for s in scripts)):  # all devices at once, each at a person's pace
                pages[0].wait_for_timeout(70)
                moving = [(page, _step(page)) for page, s in zip(pages, scripts, strict=True) if turn < len(s)]
                for (page, _before), s in zip(moving, [s for s in scripts if turn < len(s)], strict=True):
                    for key in _keys_for(s[turn]):
                        page.keyboard.press(key)
                for page, before in moving:
                    page.wait_for_function("s => Number(document.body.dataset.step || -1) !== s", arg=before)
            leaver, quitter = pages[8], pages[9]
            leaver.get_by_role("button", name="Leave this story").click()
            leaver.get_by_role("button", name="Tap again to leave the story").click()
            leaver.get_by_role("heading", name="You have left the story").wait_for()
            history_before = quitter.evaluate("history.length")
            quitter.keyboard.press("Escape")
            quitter.keyboard.press("Escape")
            quitter.get_by_role("heading", name="Notes").wait_for()
            assert quitter.evaluate("history.length") == history_before  # replaced, never pushed
            assert quitter.evaluate("location.hash") == "#notes"
            assert "Red Flag" not in quitter.content() and quitter.title() == "Notes"
            for page in pages[:8]:
                assert page.evaluate("document.body.dataset.kind") == "summary"
            step = _step(pages[1])
            pages[1].reload()  # a reload resumes the same play where it was
            pages[1].wait_for_function("() => document.body.dataset.kind === 'summary'")
            assert _step(pages[1]) == step
            plays = room.plays
            done = [d for d in plays.devices.values() if d.play.finished]
            assert len(done) == 8 and sum(1 for d in done if d.story == story.id) == 1
            assert sum(1 for d in plays.devices.values() if d.play.left) == 1
            assert plays.current().finished == 8 and plays.current().left == 1
            room.stop()
            for page in pages[:9]:
                page.get_by_role("heading", name="The lesson has ended").wait_for()
            _shot(pages[0], "closed")
        finally:
            for c in contexts:
                c.close()


A11Y_CHECK = r"""
() => {
  const out = [];
  const bad = (rule, el, why) => out.push(rule + ': ' + (why || '') + ' <' + el.tagName.toLowerCase() +
      (el.id ? '#' + el.id : '') + (el.className && el.className.baseVal === undefined ? '.' + el.className : '') +
      '> ' + (el.textContent || '').trim().slice(0, 50));
  const visible = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  const name = (el) => (el.getAttribute('aria-label') || el.textContent || '').trim();
  if (!document.documentElement.lang) out.push('html-lang');
  if (!document.title.trim()) out.push('document-title');
  const ids = {};
  document.querySelectorAll('[id]').forEach((el) => { if (ids[el.id]) bad('duplicate-id', el); ids[el.id] = 1; });
  document.querySelectorAll('button, a, [role=button]').forEach((el) => {
    if (!visible(el)) return;
    if (!name(el)) bad('button-name', el);
    const r = el.getBoundingClientRect();
    const inline = el.classList.contains('part');
    if (inline ? r.height < 24 : (r.height < 44 || r.width < 44)) bad('target-size', el, r.width + 'x' + r.height);
  });
  document.querySelectorAll('[tabindex]').forEach((el) => { if (el.tabIndex > 0) bad('tabindex', el); });
  document.querySelectorAll('input, select, textarea').forEach((el) => {
    if (!visible(el)) return;
    if (!(el.labels && el.labels.length) && !el.getAttribute('aria-label')) bad('label', el);
  });
  document.querySelectorAll('[role=img]').forEach((el) => {
    if (visible(el) && !el.getAttribute('aria-label')) bad('role-img-alt', el); });
  document.querySelectorAll('svg').forEach((el) => {
    if (el.getAttribute('aria-hidden') !== 'true') bad('svg-hidden', el); });
  const headings = [...document.querySelectorAll('h1, h2, h3')].filter(visible);
  if (!headings.length) out.push('page-has-heading');
  const all = [...document.querySelectorAll('h1, h2, h3, h4')];
  if (all.length && all[0].tagName !== 'H1') bad('page-starts-with-h1', all[0]);
  all.forEach((h, k) => {
    if (k && Number(h.tagName[1]) > Number(all[k - 1].tagName[1]) + 1) bad('heading-order', h); });
  if (!document.querySelector('main')) out.push('landmark-main');
  if (!document.querySelector('[aria-live], [role=status], [role=log], [role=alert]')) out.push('live-region');
  const doc = document.scrollingElement;
  if (doc.scrollWidth > doc.clientWidth + 1) out.push('sideways-scroll: ' + doc.scrollWidth + ' > ' + doc.clientWidth);
  const rgb = (c) => { const m = c.match(/[\d.]+/g); return m ? m.map(Number) : [0, 0, 0, 0]; };
  const lum = (c) => { const v = c.slice(0, 3).map((x) => { x /= 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
  const background = (el) => { for (let e = el; e; e = e.parentElement) {
    const c = rgb(getComputedStyle(e).backgroundColor);
    if (c.length < 4 || c[3] > 0.5) return c; } return [255, 255, 255, 1]; };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || seen.has(el) || !n.textContent.trim() || !visible(el)) continue;
    const drawn = '.key, .pn, .num, .statusbar, .apphead, .n, .winbar, .addr, .appmark, .av';
    if (el.closest('.sr, [aria-hidden=true]') && !el.closest(drawn)) continue;
    seen.add(el);
    const s = getComputedStyle(el);
    let op = 1; for (let e = el; e; e = e.parentElement) op *= Number(getComputedStyle(e).opacity);
    if (op < 1) continue;
    const fg = rgb(s.color), bg = background(el);
    const a = lum(fg), b = lum(bg);
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const px = parseFloat(s.fontSize), bold = Number(s.fontWeight) >= 700;
    const need = px >= 24 || (bold && px >= 18.66) ? 3 : 4.5;
    if (ratio < need) bad('color-contrast', el, ratio.toFixed(2) + ' < ' + need);
  }
  return out;
}
"""


def _check(page: Any, label: str, seen: dict[str, list[str]]) -> None:
    problems = page.evaluate(A11Y_CHECK)
    if label == "quick-exit":  # the neutral page stands for a notes app: nothing on it is live
        problems = [p for p in problems if p != "live-region"]
    if problems:
        seen[label] = problems
    tree = page.locator("body").aria_snapshot()
    assert "heading" in tree and ("button" in tree or "Notes" in tree), label


def _checker_catches_faults(page: Any) -> bool:
    """The check itself works: faint text, a nameless button, a tiny target and sideways scrolling are caught."""
    page.evaluate("""() => { const d = document.createElement('div'); d.id = 'fault';
        const add = (tag, text, css) => { const e = document.createElement(tag); e.textContent = text;
            Object.assign(e.style, css); d.appendChild(e); };
        add('p', 'faint', { color: '#cccccc', background: '#ffffff' });
        add('button', '', {});
        add('button', 'x', { width: '10px', height: '10px', padding: '0', minHeight: '0' });
        add('div', 'wide', { width: '3000px' });
        document.querySelector('main').appendChild(d); }""")
    problems = " ".join(page.evaluate(A11Y_CHECK))
    page.evaluate("() => document.getElementById('fault').remove()")
    return all(rule in problems for rule in ("color-contrast", "button-name", "target-size", "sideways-scroll"))


def _walk_every_kind(browser: Any, viewport: dict[str, int], contrast: str, shots: str) -> dict[str, list[str]]:
    """Join a room, then visit every page kind of a story with several screen kinds; check each."""
    found: dict[str, list[str]] = {}
    story = _item("oversharing") if any(i.id == "oversharing" and i.ok for i in Library().items()) else \
        _item("grooming-dms")
    tutorial = _item("tutorial")
    with _room([tutorial, story], lambda it, *_: DevicePlay(it, load_vocab(it), seed=0), choose=True) as room:
        ctx = browser.new_context(viewport=viewport, device_scale_factor=2 if viewport is ZOOM_200 else 1,
                                  reduced_motion="reduce", forced_colors="none", color_scheme="light")
        page = ctx.new_page()
        page.emulate_media(contrast=contrast)  # type: ignore[arg-type]
        try:
            page.goto(room.url)
            assert _checker_catches_faults(page)
            _check(page, "join", found)
            page.get_by_label("Room code").fill(room.code)
            page.get_by_role("button", name="Join").click()
            page.wait_for_function("() => document.body.dataset.kind === 'stories'")
            _check(page, "stories", found)
            page.get_by_role("button", name=f"Play {story.title}").click()
            page.wait_for_function("() => document.body.dataset.kind === 'note'")
            kinds: set[str] = set()
            expected: list[Any] = []
            for step in _script(story, 0, 5, expected):
                v = page.evaluate("document.body.dataset.kind")
                dev = next(iter(room.plays.devices.values()))
                view = dev.play.view()
                key = v + ":" + str(view.get("beat") or (view.get("page") or {}).get("kind") or "") + ":" + \
                    str((view.get("screen") or {}).get("kind", ""))
                if key not in kinds:
                    kinds.add(key)
                    _check(page, key, found)
                    _shot(page, f"{shots}-{len(kinds):02d}-{key.replace(':', '-')}")
                if v == "ending":
                    _press(page, "h")
                    _check(page, "help", found)
                    _shot(page, f"{shots}-help")
                    _press(page, "h")
                _press(page, *_keys_for(step, arrows=True))  # arrows + Enter, Space marks a part
            _check(page, "summary", found)
            _shot(page, f"{shots}-summary")
            assert _decisions(next(iter(room.plays.devices.values())).play) == _decisions(expected[0])
            assert {k.split(":")[0] for k in kinds} >= {"note", "node", "feedback", "spot_result", "ending", "debrief"}
            room.stop()
            page.get_by_role("heading", name="The lesson has ended").wait_for()
            _check(page, "closed", found)
            page.keyboard.press("F12")
            page.get_by_role("heading", name="Notes").wait_for()
            _check(page, "quick-exit", found)
        finally:
            ctx.close()
    return found


@pytest.mark.parametrize("where", ["phone", "zoom-200", "high-contrast"])
def test_every_page_kind_passes_the_accessibility_check(browser: Any, where: str) -> None:
    viewport = ZOOM_200 if where == "zoom-200" else PHONE
    found = _walk_every_kind(browser, viewport, "more" if where == "high-contrast" else "no-preference", where)
    assert found == {}


EVIL = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b class="evil">bold</b>'
ROUTING = {"kind", "beat"}


def _poison(value: Any, key: str = "") -> Any:
    """Every text of a view replaced by markup (the keys the page dispatches on kept)."""
    if isinstance(value, dict):
        return {k: _poison(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_poison(v, key) for v in value]
    if isinstance(value, str) and key not in ROUTING:
        return EVIL
    return value


class _Poisoned:
    """A real play whose every view carries markup in every text (as a hostile story pack could write)."""

    def __init__(self, play: DevicePlay) -> None:
        self.play = play

    def view(self) -> dict[str, Any]:
        return dict(_poison(self.play.view()))

    def act(self, action: object) -> None:
        self.play.act(action)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.play, name)


def test_text_from_a_story_is_never_markup_on_the_page(browser: Any) -> None:
    item = _item("grooming-dms")
    with _room([item], lambda it, *_: _Poisoned(DevicePlay(it, load_vocab(it), seed=0))) as room:
        ctx = browser.new_context(viewport=PHONE, reduced_motion="reduce")
        page = ctx.new_page()
        try:
            _join(page, room)
            kinds = set()
            for step in _script(item, 0, 2):
                kinds.add(page.evaluate("document.body.dataset.kind"))
                found = page.evaluate("""() => [window.__pwned || 0,
                    document.querySelectorAll('#view img, #view script, #view .evil, #view iframe').length,
                    document.getElementById('view').textContent.includes('<b class="evil">bold</b>')]""")
                assert found == [0, 0, True], (step, found)
                _press(page, *_keys_for(step))
            assert {"note", "node", "feedback", "ending", "debrief"} <= kinds
            assert page.evaluate("document.body.dataset.kind") == "summary"
        finally:
            ctx.close()
