"""A student device in a Spanish room: the help lines are the ones confirmed in Spanish, in Spanish, and the tags
and badges are the Spanish ones."""

from __future__ import annotations

from game.session.catalog import Library
from game.session.device_play import DevicePlay, load_vocab
from game.session.lang import set_language


def test_a_device_in_a_spanish_room_gets_the_spanish_help_lines_and_tags() -> None:
    set_language("es")
    try:
        item = next(i for i in Library(lang="es").items() if i.id == "tutorial")
        vocab = load_vocab(item)
        assert vocab is not None and vocab.get("skill.pause").label == "Pausa y piensa"  # type: ignore[union-attr]
        dp = DevicePlay(item, vocab, seed=1)
        dp.act({"do": "help", "open": True})
        v = dp.view()
        shown = {r["id"] for r in v["resources"]}
        assert shown == {r.id for r in Library(lang="es").resources(item.scenario.theme)}  # type: ignore[union-attr]
        assert shown == {"emergency", "lifeline_988", "trafficking_hotline", "report_in_app"}
        assert "Emergencias (911)" in str(v["resources"])
    finally:
        set_language("en")
    assert load_vocab(item).get("skill.pause").label == "Pause and think"  # type: ignore[union-attr]
