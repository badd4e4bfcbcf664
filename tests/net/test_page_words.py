"""The student pages in the room's language (game/net/page_words.py): every string the pages show is in the module
the catalog is extracted from, a Spanish room serves Spanish words and lang="es" under the same strict policy, and
no translation can break out of the JSON block or into the markup."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from game.net import page_words
from game.net.room import RoomState
from game.net.web import PAGE, PLAY_PAGE, make_app, page_and_policy, page_text

PAGES = (PAGE, PLAY_PAGE)
_STR = r'"((?:[^"\\]|\\.)*)"'
NOT_SHOWN = {"use strict", "Content-Type", "Red Flag Radar", "(prefers-reduced-motion: reduce)"}
"""Script literals that look like words but are never shown (or are the brand, which stays in every language)."""


def _script(path: Path) -> str:
    return page_text(path).split("<script>")[1].split("</script>")[0]


def _js(literal: str) -> str:
    return str(json.loads('"' + literal + '"'))  # the pages' literals use JSON-compatible escapes (\u2026)


def _calls(path: Path) -> tuple[set[str], set[tuple[str, str]]]:
    script = _script(path)
    words = {_js(s) for s in re.findall(r"\bt\(" + _STR, script)}
    plurals = {(_js(a), _js(b)) for a, b in re.findall(r"\btn\(" + _STR + r",\s*" + _STR, script)}
    return words, plurals


def test_every_string_the_pages_show_is_in_the_module_and_every_entry_is_used() -> None:
    used_words: set[str] = set()
    used_plurals: set[tuple[str, str]] = set()
    for path in PAGES:
        words, plurals = _calls(path)
        assert words and plurals, path
        assert words <= set(page_words.WORDS), (path.name, sorted(words - set(page_words.WORDS)))
        assert plurals <= set(page_words.PLURALS), (path.name, sorted(plurals - set(page_words.PLURALS)))
        markup = set(page_words.markup_texts(path.read_text(encoding="utf-8")))
        assert markup - page_words.KEEP <= set(page_words.WORDS), (path.name, sorted(markup - set(page_words.WORDS)))
        used_words |= words | markup
        used_plurals |= plurals
    assert set(page_words.WORDS) <= used_words, sorted(set(page_words.WORDS) - used_words)
    assert set(page_words.PLURALS) == used_plurals


def test_the_server_errors_a_student_can_meet_are_words_and_really_sent() -> None:
    plays = (Path(page_words.__file__).parent / "plays.py").read_text(encoding="utf-8")
    for error in page_words.SERVER_WORDS:
        assert f'"error": "{error}"' in plays, error
    assert "t(String(msg.error))" in _script(PLAY_PAGE)


def test_no_sentence_in_the_scripts_bypasses_t() -> None:
    """A new English sentence written straight into a page (not through t()/tn()) fails here."""
    for path in PAGES:
        script = _script(path)
        wrapped = {c.start(1) for c in re.finditer(r"\bt\(" + _STR, script)}
        for c in re.finditer(r"\btn\(" + _STR + r",\s*" + _STR, script):
            wrapped |= {c.start(1), c.start(2)}
        for m in re.finditer(_STR, script):
            text = _js(m.group(1))
            if re.match(r"^[A-Z][a-z']+( [A-Za-z]|[.:]?$)", text) and m.start(1) not in wrapped \
                    and text not in NOT_SHOWN and not text.startswith(("Arrow", "Escape", "Enter")):
                pytest.fail(f"{path.name}: {text!r} is shown without t()")


def test_the_page_titles_and_static_markup_are_words_too() -> None:
    assert "Red Flag Radar: join your class" in page_words.markup_texts(PAGE.read_text(encoding="utf-8"))
    assert "Quick exit" in page_words.markup_texts(PLAY_PAGE.read_text(encoding="utf-8"))


def test_a_spanish_table_has_every_word_and_each_plural_category(spanish: None) -> None:
    table = page_words.table()
    assert table["lang"] == "es"
    assert table["words"]["Quick exit"] == "Salida rápida" and table["words"]["Get help"] == "Pedir ayuda"
    assert table["words"]["Nothing looks wrong"] == "Todo se ve bien"
    untranslated = [w for w in page_words.WORDS + page_words.SERVER_WORDS + page_words.ACTION_WORDS
                    if table["words"][w] == w]
    assert not untranslated, untranslated
    votes = table["plurals"]["{n} vote from devices"]
    assert set(votes) == {"one", "many", "other"}
    assert votes["one"] == "{n} voto desde dispositivos" and votes["other"] == "{n} votos desde dispositivos"


def test_english_sends_no_words_the_page_falls_back_to_its_own() -> None:
    assert page_words.table() == {"lang": "en", "words": {}, "plurals": {}}


def test_no_translation_can_end_the_block_or_write_markup(monkeypatch: pytest.MonkeyPatch) -> None:
    evil = '</script><script>alert(1)</script> & <!-- \u2028'
    block = page_words.data_block({"words": {"Join": evil}})
    inner = block.split(">", 1)[1].rsplit("</script>", 1)[0]
    assert "<" not in inner and ">" not in inner and "&" not in inner and "\u2028" not in inner
    assert json.loads(inner) == {"words": {"Join": evil}}
    assert block.startswith('<script type="application/json" id="words">')
    monkeypatch.setattr(page_words, "table", lambda: {"lang": "es", "words": {"Join": "<b>x</b> & y"}, "plurals": {}})
    out = page_words.localize(PAGE.read_text(encoding="utf-8"))
    assert ">&lt;b&gt;x&lt;/b&gt; &amp; y<" in out and "<b>x</b>" not in out.split('<script type=')[0]


def _serve(path: Path) -> dict[str, Any]:
    async def main() -> dict[str, Any]:
        app = make_app(RoomState(code="4812"), lambda: None, page=path)
        async with TestClient(TestServer(app, host="127.0.0.1")) as client:
            r = await client.get("/")
            return {"status": r.status, "text": await r.text(), "policy": r.headers["Content-Security-Policy"]}
    return asyncio.run(asyncio.wait_for(main(), 30))


def _check_policy(served: dict[str, Any]) -> dict[str, Any]:
    html = served["text"]
    assert html.count("<script>") == 1 and html.count("<script") == 2
    inline = re.findall(r"<script>(.*?)</script>", html, flags=re.S)
    digest = base64.b64encode(hashlib.sha256(inline[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}';" in served["policy"]  # the one inline script, nothing else
    block = re.search(r'<script type="application/json" id="words">(.*?)</script>', html, flags=re.S)
    assert block is not None and block.end() <= html.index("<script>")  # data only, before the page's script
    return dict(json.loads(block.group(1)))


@pytest.mark.parametrize("path,plays", [(PAGE, False), (PLAY_PAGE, True)])
def test_a_spanish_room_serves_spanish_words_under_the_same_policy(spanish: None, path: Path, plays: bool) -> None:
    served = _serve(path)
    assert served["status"] == 200
    assert served["policy"] == page_and_policy(path)[1]
    words = _check_policy(served)
    assert words["lang"] == "es" and words["words"]["Join"] == "Entrar"
    html = served["text"]
    assert '<html lang="es">' in html and '<html lang="en">' not in html
    assert ">Únete a tu clase</h1>" in html and ">Entrar</button>" in html
    assert "Join your class" not in html.split("<script")[0]
    if plays:
        assert "Salida rápida <span" in html and ">Pedir ayuda <span" in html


@pytest.mark.parametrize("path,plays", [(PAGE, False), (PLAY_PAGE, True)])
def test_an_english_room_serves_the_english_page(path: Path, plays: bool) -> None:
    served = _serve(path)
    words = _check_policy(served)
    assert words == {"lang": "en", "plurals": {}, "words": {}}
    html = served["text"]
    assert '<html lang="en">' in html and ">Join your class</h1>" in html and "Únete" not in html
    assert html.replace(page_words.data_block(words), "") == page_text(path)


def test_every_message_a_device_action_can_be_refused_with_is_a_page_word() -> None:
    """Each ActionError text in session/device_play.py reaches the page through t(msg.error), so each must be in
    ACTION_WORDS (else a Spanish student reads it in English)."""
    import ast

    from game.session import device_play

    tree = ast.parse(Path(device_play.__file__).read_text(encoding="utf-8"))
    said: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) \
                and getattr(node.exc.func, "id", "") == "ActionError":
            said |= {n.value for n in ast.walk(node.exc) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    assert len(said) >= 15
    assert said == set(page_words.ACTION_WORDS), sorted(said ^ set(page_words.ACTION_WORDS))
