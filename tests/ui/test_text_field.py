"""The one-line TextField (nickname, class label): typing within its length, Erase, and what it draws."""

from __future__ import annotations

from game.ui.display import Box, FocusRing, Hit, Text
from game.ui.intents import Back, Erase, TextInput
from game.ui.text_field import TextField


def test_typing_keeps_printable_text_up_to_the_limit() -> None:
    f = TextField(5)
    assert f.handle(TextInput("ab\x07\n")) == "typed" and f.value == "ab"
    assert f.handle(TextInput("cde")) == "typed" and f.value == "abcde"
    assert f.handle(TextInput("f")) == "full" and f.value == "abcde", "too long: nothing is added"
    assert f.handle(Erase()) == "erased" and f.value == "abcd"
    assert f.handle(TextInput("xy")) == "full" and f.value == "abcd", "a paste that does not fit is refused whole"
    for _ in range(6):
        f.erase()
    assert f.value == "" and f.handle(Erase()) == "erased"
    assert f.handle(Back()) is None, "other intents are the scene's"
    assert not f.type("123456") and f.type("12345")


def test_draws_text_caret_focus_ring_and_hint(make_app) -> None:  # type: ignore[no-untyped-def]
    ctx = make_app().ctx
    f = TextField(20, "blue_fox", target="nick")
    items: list = []  # type: ignore[type-arg]
    rect = f.draw(ctx, items, 10, 20, 300, True, "for example: x")
    assert rect[:3] == (10, 20, 300) and rect[3] > ctx.m.body
    texts = [it for it in items if isinstance(it, Text)]
    assert [t.text for t in texts] == ["blue_fox"] and texts[0].color == ctx.c("text")
    assert any(isinstance(it, FocusRing) for it in items)
    caret = [it for it in items if isinstance(it, Box) and it.rect[0] > texts[0].x + texts[0].w]
    assert len(caret) == 1, "a caret after the text"
    assert [it.target for it in items if isinstance(it, Hit)] == ["nick"] and items[-1].rect == rect

    empty: list = []  # type: ignore[type-arg]
    TextField(20).draw(ctx, empty, 10, 20, 300, False, "for example: x")
    texts = [it for it in empty if isinstance(it, Text)]
    assert [t.text for t in texts] == ["for example: x"] and texts[0].color == ctx.c("muted")
    assert not any(isinstance(it, FocusRing) for it in empty)
    assert sum(isinstance(it, Box) for it in empty) == 2, "unfocused: the box and its border, no caret"
