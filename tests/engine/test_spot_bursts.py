"""A spot task's text in a chat is a burst of bubbles, one per line (real messages come in short bursts); a part must
lie within one line there (E314), and elsewhere the text stays one message."""

from __future__ import annotations

from pathlib import Path

from game.engine.record import spot_message
from game.session.check import check_file

MINI = (Path(__file__).resolve().parent.parent / "fixtures" / "mini.yaml").read_text(encoding="utf-8")
ONE_LINE = "text: We are small. Decide tonight. Pay is in gift cards. We open at nine."
BURST = 'text: "We are small.\\nDecide tonight.\\n\\nPay is in gift cards.\\nWe open at nine."'


def _check(tmp_path: Path, *swaps: tuple[str, str]):  # type: ignore[no-untyped-def]
    text = MINI
    for old, new in swaps:
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / "story.yaml"
    path.write_text(text, encoding="utf-8")
    return check_file(path)


def test_each_line_of_a_chat_spot_is_its_own_bubble(tmp_path: Path) -> None:
    checked = _check(tmp_path, (ONE_LINE, BURST))
    assert [d.code for d in checked.errors] == []
    node = checked.entry.scenario.nodes["chat"]
    assert [m.text for m in spot_message(node)] == ["We are small.", "Decide tonight.", "Pay is in gift cards.",
                                                    "We open at nine."]
    assert {m.speaker for m in spot_message(node)} == {"sam"}


def test_a_one_line_spot_stays_one_bubble(tmp_path: Path) -> None:
    node = _check(tmp_path).entry.scenario.nodes["chat"]
    assert [m.text for m in spot_message(node)] == [ONE_LINE.removeprefix("text: ")]


def test_a_part_across_a_line_break_is_E314(tmp_path: Path) -> None:
    checked = _check(tmp_path, (ONE_LINE, BURST), ("        - text: Decide tonight.\n",
                                                   '        - text: "Decide tonight.\\n\\nPay is"\n'))
    found = [d for d in checked.diagnostics if d.code == "E314"]
    assert len(found) == 1 and "line break" in found[0].message and "bubble of its own" in found[0].message
    assert found[0].line == MINI.split("        - text: Decide tonight.", 1)[0].count("\n") + 1
