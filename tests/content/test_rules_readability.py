"""Content rules and the reading-level formula."""

from __future__ import annotations

import pytest

from game.content.readability import counts, fk_grade, syllables
from game.content.rules import blame_hits, is_fictional_number, phone_numbers


@pytest.mark.parametrize("text", ["This is not your fault.", "None of this is your fault.",
                                  "It was never your fault.", "It isn't all your fault.",
                                  "How could you tell Noor was safe to trust?"])
def test_reassurance_is_not_blame(text: str) -> None:
    assert blame_hits([text]) == []


@pytest.mark.parametrize(("text", "phrase"), [("It is your fault.", "your fault"),
                                              ("You should have known better.", "you should have known"),
                                              ("How could you send that?", "how could you"),
                                              ("GAME OVER", "game over"), ("You lose.", "you lose")])
def test_blame_and_fail_wording_is_caught(text: str, phrase: str) -> None:
    assert [h.phrase for h in blame_hits([text])] == [phrase]


def test_phone_numbers_and_the_fiction_range() -> None:
    found = phone_numbers("Call 1-800-799-7233, (212) 555-0142 or 555.555.0199 today.")
    assert found == ["8007997233", "2125550142", "5555550199"]
    assert [is_fictional_number(n) for n in found] == [False, True, True]
    assert not is_fictional_number("2125550200")


def test_flesch_kincaid_matches_the_published_formula() -> None:
    text = "The cat sat on the mat. It was happy."
    s, w, y = counts([text])
    assert (s, w) == (2, 9)
    assert fk_grade([text]) == pytest.approx(0.39 * (w / s) + 11.8 * (y / w) - 15.59)
    assert syllables("happy") == 2 and syllables("cat") == 1
    assert fk_grade(["Unquestionably, institutional communication necessitates comprehensibility."]) > 12
    assert fk_grade([]) == 0.0
