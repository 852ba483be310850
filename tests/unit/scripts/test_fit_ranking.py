"""The decline fit of scripts/fit_ranking.py: a logistic regression and a cut that keeps false declines bounded."""

import numpy as np

from scripts.fit_ranking import cut, decline_figures, fit_logistic


def test_the_logistic_fit_separates_off_topic_questions() -> None:
    rng = np.random.default_rng(7)
    on_topic = rng.normal([0.8, 0.1], 0.05, size=(200, 2))  # close to a card, far from the examples
    off_topic = rng.normal([0.4, -0.2], 0.05, size=(50, 2))
    x = np.vstack([on_topic, off_topic])
    y = np.array([0.0] * 200 + [1.0] * 50)
    weights, bias = fit_logistic(x, y)
    declined = x @ weights + bias > 0
    assert declined[y == 1].mean() > 0.95 and declined[y == 0].mean() < 0.05
    assert weights[0] < 0  # closer to a card: less likely declined


def test_the_cut_keeps_at_most_the_target_share_of_on_topic_questions_above_it() -> None:
    scores = np.arange(200, dtype=float)
    threshold = cut(scores, 0.01)
    assert (scores > threshold).mean() <= 0.01 and (scores >= threshold).mean() > 0.01


def test_decline_figures_are_off_topic_accuracy_and_false_declines() -> None:
    declined = np.array([True, True, False, True, False, False])
    y = np.array([1.0, 1.0, 1.0, 0.0, 0.0, 0.0])
    assert decline_figures(declined, y) == (2 / 3, 1 / 3)
