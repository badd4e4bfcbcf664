"""Radar check scoring: d′ and c with the log-linear correction, the issue's worked cases and properties."""

from __future__ import annotations

import random
from statistics import NormalDist

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine.radar_score import (
    Counts,
    corrected,
    counts_of,
    criterion,
    d_prime,
    hand_counts,
    mean_scores,
    pooled,
    score,
)

FLAGS = GENUINE = 8  # one form: 16 items, half red flags


def test_h_08_f_02_gives_the_textbook_values() -> None:
    assert d_prime(0.8, 0.2) == pytest.approx(1.683, abs=5e-4)
    assert criterion(0.8, 0.2) == pytest.approx(0.0, abs=1e-12)


def test_log_linear_correction_adds_half_and_one() -> None:
    assert corrected(0, 8) == pytest.approx(0.5 / 9)
    assert corrected(8, 8) == pytest.approx(8.5 / 9)
    s = score(Counts(hits=8, misses=0, false_alarms=0, correct_rejections=8))
    z = NormalDist().inv_cdf
    assert s.d_prime == pytest.approx(z(8.5 / 9) - z(0.5 / 9))
    assert s.hit_rate == 1.0 and s.cr_rate == 1.0


def test_all_red_flag_answers_give_no_discernment_and_a_strongly_negative_c() -> None:
    s = score(counts_of([(True, True)] * FLAGS + [(False, True)] * GENUINE))
    assert s.d_prime == pytest.approx(0.0, abs=1e-9)
    assert s.c < -1.0
    assert s.hit_rate == 1.0 and s.cr_rate == 0.0


def test_random_answers_give_d_prime_near_zero() -> None:
    rng = random.Random(14)
    respondents = [counts_of([(truth, rng.random() < 0.5) for truth in [True] * FLAGS + [False] * GENUINE])
                   for _ in range(300)]
    class_score = score(pooled(respondents))
    assert abs(class_score.d_prime) < 0.15
    mean = mean_scores(score(c) for c in respondents)
    assert mean is not None and abs(mean[0]) < 0.15


def _class(n: int, hit: float, fa: float) -> list[Counts]:
    """n respondents whose answers give exactly these rates as a class (counts spread over respondents)."""
    hits, fas = round(hit * FLAGS * n), round(fa * GENUINE * n)
    out = []
    for i in range(n):
        h = hits // n + (1 if i < hits % n else 0)
        f = fas // n + (1 if i < fas % n else 0)
        out.append(Counts(h, FLAGS - h, f, GENUINE - f))
    return out


def test_a_class_that_just_says_red_flag_more_keeps_its_d_prime_and_lowers_c() -> None:
    z, p = NormalDist().inv_cdf, NormalDist().cdf
    d = z(0.7) - z(0.3)  # before: H .70, F .30, c = 0
    before = score(pooled(_class(40, 0.7, 0.3)))
    shift = 0.6  # after: the same discernment with a laxer criterion (says "red flag" more often)
    after = score(pooled(_class(40, p(d / 2 + shift), p(-d / 2 + shift))))
    assert after.d_prime == pytest.approx(before.d_prime, abs=0.05)
    assert after.c < before.c - 0.5
    assert after.counts.hits + after.counts.false_alarms > before.counts.hits + before.counts.false_alarms


def test_hand_counts_give_class_level_rates() -> None:
    c = hand_counts(True, 18, 25) + hand_counts(False, 4, 25)
    s = score(c)
    assert s.hit_rate == pytest.approx(18 / 25) and s.cr_rate == pytest.approx(21 / 25)
    with pytest.raises(ValueError):
        hand_counts(True, 26, 25)


answers = st.lists(st.tuples(st.booleans(), st.booleans()), max_size=64)


@settings(max_examples=200, deadline=None)
@given(answers)
def test_scores_are_finite_and_bounded(pairs: list[tuple[bool, bool]]) -> None:
    s = score(counts_of(pairs))
    n = max(len(pairs), 1)
    bound = 2 * NormalDist().inv_cdf(corrected(n, n))
    assert abs(s.d_prime) <= bound + 1e-9
    assert abs(s.c) <= bound / 2 + 1e-9


@settings(max_examples=200, deadline=None)
@given(answers)
def test_swapping_every_answer_negates_d_prime_and_c(pairs: list[tuple[bool, bool]]) -> None:
    s = score(counts_of(pairs))
    flipped = score(counts_of([(t, not a) for t, a in pairs]))
    assert flipped.d_prime == pytest.approx(-s.d_prime, abs=1e-9)
    assert flipped.c == pytest.approx(-s.c, abs=1e-9)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 7), st.integers(0, 8))
def test_one_more_hit_never_lowers_d_prime_or_raises_c(hits: int, fas: int) -> None:
    base = score(Counts(hits, FLAGS - hits, fas, GENUINE - fas))
    better = score(Counts(hits + 1, FLAGS - hits - 1, fas, GENUINE - fas))
    assert better.d_prime > base.d_prime
    assert better.c < base.c


@settings(max_examples=100, deadline=None)
@given(answers, answers)
def test_pooling_adds_counts(a: list[tuple[bool, bool]], b: list[tuple[bool, bool]]) -> None:
    assert pooled([counts_of(a), counts_of(b)]) == counts_of(a + b)


def test_negative_counts_are_refused() -> None:
    with pytest.raises(ValueError):
        Counts(hits=-1)
    assert mean_scores([]) is None
