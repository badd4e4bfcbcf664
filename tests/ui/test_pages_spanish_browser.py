"""Both student pages in a Spanish room, in a real browser (system Chromium, loopback, the real room server): lang="es",
the fixed words, the words the script writes (plural forms included) in Spanish, at phone size with no sideways
scrolling. Screenshots go to $RFR_PAGE_SHOTS when set (es-vote.png, es-play-*.png)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from game.net.plays import Plays
from game.net.room import Question
from game.net.server import RoomServer
from game.session.catalog import Library
from game.session.device_play import DevicePlay, load_vocab

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
ZOOM_200 = {"width": 195, "height": 422}
"""A 390 px wide phone at 200 % browser zoom lays out 195 CSS pixels wide (Spanish runs about a quarter longer)."""


def _shot(page: Any, name: str) -> None:
    folder = os.environ.get("RFR_PAGE_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def _no_sideways_scroll(page: Any) -> None:
    for size in (ZOOM_200, PHONE):
        page.set_viewport_size(size)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), size


def _join(page: Any, room: RoomServer) -> None:
    page.goto(room.url)
    assert page.evaluate("document.documentElement.lang") == "es"
    page.get_by_label("Código de la sala").fill("12")
    page.get_by_role("button", name="Entrar").click()
    assert page.locator("#join-msg").inner_text() == "El código de la sala tiene 4 dígitos."
    page.get_by_label("Código de la sala").fill(room.code)
    page.get_by_role("button", name="Entrar").click()


def test_the_class_vote_page_speaks_spanish(browser: Any, spanish: None) -> None:
    room = RoomServer(host="127.0.0.1", code="4812").start()
    try:
        ctx = browser.new_context(viewport=PHONE, reduced_motion="reduce")
        page = ctx.new_page()
        page.goto(room.url)
        assert page.title() == "Red Flag Radar: únete a tu clase"
        assert page.get_by_role("heading", level=1).inner_text() == "Únete a tu clase"
        page.get_by_label("Código de la sala").fill("1111")
        page.get_by_role("button", name="Entrar").click()
        page.wait_for_function("() => document.getElementById('join-msg').textContent !== ''")
        assert page.locator("#join-msg").inner_text().startswith("Ese código no es correcto.")
        assert "intento" in page.locator("#join-msg").inner_text()
        page.get_by_label("Código de la sala").fill(room.code)
        page.get_by_role("button", name="Entrar").click()
        page.wait_for_selector("#wait:not([hidden])")
        assert page.locator("#wait-h").inner_text() == "Ya estás dentro. Mira la pantalla."
        room.open_question(Question("s:n:0", "choice", "¿Qué haces?", "¿Me pasas tu contraseña? Es rápido.",
                                    ("Le digo que no y se lo cuento a alguien", "Se la paso"), ("A", "B")))
        page.wait_for_selector("#vote:not([hidden])")
        assert page.locator("#vote-h").inner_text() == "Votación de la clase"
        assert page.locator("#vote-status").inner_text() == "Toca una opción. Nadie puede ver lo que eliges."
        page.locator(".option").first.click()
        page.wait_for_function("() => document.querySelector('.option').getAttribute('aria-pressed') === 'true'")
        assert page.locator("#vote-status").inner_text().startswith("Elegiste A. Puedes cambiarla")
        after = page.evaluate("getComputedStyle(document.querySelector('.option .txt'), '::after').content")
        assert "Tu respuesta" in after
        _no_sideways_scroll(page)
        _shot(page, "es-vote")
        ctx.close()
    finally:
        room.stop()


def test_the_play_page_speaks_spanish(browser: Any, spanish: None) -> None:
    items = [i for i in Library(lang="es").items() if i.ok and i.id in ("tutorial", "grooming-dms")]
    if len(items) < 2:
        pytest.skip("the Spanish tutorial and grooming-dms do not load right now")
    plays = Plays(items, lambda it, *_: DevicePlay(it, load_vocab(it), seed=0), choose=True, seed=0)
    room = RoomServer(host="127.0.0.1", code="4812", plays=plays).start()
    try:
        ctx = browser.new_context(viewport=PHONE, reduced_motion="reduce")
        page = ctx.new_page()
        _join(page, room)
        page.wait_for_function("() => document.body.dataset.kind === 'stories'")
        assert page.get_by_role("heading", level=1).inner_text() == "Elige una historia"
        assert page.locator("#qx").inner_text().startswith("Salida rápida")
        _no_sideways_scroll(page)
        _shot(page, "es-play-stories")
        tutorial = next(i for i in items if i.id == "tutorial")
        page.get_by_role("button", name=f"Jugar {tutorial.title}").click()
        page.wait_for_function("() => document.body.dataset.kind === 'note'")
        assert page.get_by_role("button", name="Empezar").is_visible()
        assert page.get_by_role("button", name="Prefiero no jugar esta historia").is_visible()
        assert page.locator("#help-btn").inner_text().startswith("Pedir ayuda")
        assert page.locator("#leave-btn").inner_text() == "Salir de esta historia"
        text = page.locator("#view").inner_text()  # the server's words too (session/device_play.py)
        assert "Unos " in text and "12 a 14 años" in text and "Puedes parar cuando quieras" in text, text
        _no_sideways_scroll(page)
        _shot(page, "es-play-note")
        page.get_by_role("button", name="Empezar").click()
        page.wait_for_function("() => document.body.dataset.kind === 'node'")
        panel = page.get_by_role("region", name="Lo que haces")
        assert panel.is_visible()
        for _ in range(12):  # on to the first spot task, where the page counts the marked parts
            if page.locator("#mark-count").count():
                break
            step = page.evaluate("document.body.dataset.step")
            if page.locator(".opt").count():
                page.locator(".opt").first.click()
            else:
                page.locator("#view [data-primary]").first.click()
            page.wait_for_function("s => document.body.dataset.step !== s", arg=step)
        if page.locator("#mark-count").count():
            assert page.locator("#mark-count").inner_text() == "0 partes marcadas"
            page.locator(".part").first.click()
            assert page.locator("#mark-count").inner_text() == "1 parte marcada"
            assert page.get_by_role("button", name="Todo se ve bien").is_visible()
            assert "Not everything" not in page.locator("#view").inner_text()
        _no_sideways_scroll(page)
        _shot(page, "es-play-story")
        page.locator("#qx").click()
        assert page.title() == "Notas" and page.get_by_role("heading", level=1).inner_text() == "Notas"
        ctx.close()
    finally:
        room.stop()
