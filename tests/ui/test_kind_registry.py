"""Every screen kind has one registry entry; a kind without one gets the fallback (generic renderer) without raising."""

from __future__ import annotations

from game.content.schema import ScreenKind
from game.content.texts import MESSAGES_FIRST
from game.ui.display import Item
from game.ui.frame import device_frame
from game.ui.kinds import RENDERERS, generic
from game.ui.kinds.registry import FALLBACK, SPECS, KindSpec, kind_default_app, kind_label, spec_for


def test_every_screen_kind_has_an_entry() -> None:
    assert set(SPECS) == set(ScreenKind)
    for kind in ScreenKind:
        spec = spec_for(kind)
        assert isinstance(spec, KindSpec) and spec is SPECS[kind] and spec is not FALLBACK
        assert spec is spec_for(kind.value), "a kind's value finds the same entry"
        assert spec.frame in ("phone", "browser", "window", "plain")
        assert spec.label() and kind_label(kind) == spec.label()
        assert RENDERERS[kind] is spec.renderer
    assert {k for k, s in SPECS.items() if s.animated} == {ScreenKind.DM, ScreenKind.SMS, ScreenKind.GAME_LOBBY}
    assert {k for k, s in SPECS.items() if s.frame == "browser"} == {ScreenKind.JOB_AD, ScreenKind.EMAIL}
    assert all(s.site for s in SPECS.values() if s.frame == "browser")
    assert len({s.label() for s in SPECS.values()}) == len(ScreenKind), "labels tell the kinds apart"
    assert {k: kind_default_app(k) for k in ScreenKind if kind_default_app(k)} == {
        ScreenKind.SMS: "Messages", ScreenKind.EMAIL: "Mailbox", ScreenKind.SETTINGS: "Settings"}
    assert MESSAGES_FIRST <= set(SPECS)


def test_an_unknown_kind_gets_the_fallback_without_raising(make_app) -> None:  # type: ignore[no-untyped-def]
    for odd in ("hologram", "", None, 42, ("dm",), ["dm"]):
        assert spec_for(odd) is FALLBACK
    assert FALLBACK.renderer is generic.render
    assert kind_label("hologram") == FALLBACK.label() == "Screen"
    assert kind_default_app("hologram") == "" and not FALLBACK.animated
    ctx = make_app().ctx
    items: list[Item] = []
    area = (0, 0, 600, 500)
    inner = device_frame(ctx, items, area, "hologram", "")  # type: ignore[arg-type]
    assert items and inner[2] > 0 and inner[3] > 0, "an unknown kind still gets a (phone) frame"
