"""The learned card ranking: a softmax regression that tells cards apart from examples, saved and loaded safely."""

from pathlib import Path

import numpy as np
import pytest

from bot.retrieval.classifier import CardClassifier, features, fit, targets
from bot.retrieval.index import CLASSIFIER_WEIGHT, E5_FUSION, fusion

CLASSES = ("exclusivity", "fair-pay", "~outside")


def clusters(seed: int, per_class: int = 20) -> tuple[np.ndarray, np.ndarray, list[list[str]]]:
    """Examples around one direction per class, in a USE-like (8) and an e5-like (4) space."""
    rng = np.random.default_rng(seed)
    use_centres, e5_centres = np.eye(8)[:3] * 3, np.eye(4)[:3] * 3
    use, e5, labels = [], [], []
    for i, card in enumerate(CLASSES):
        use.append(use_centres[i] + rng.normal(size=(per_class, 8)))
        e5.append(e5_centres[i] + rng.normal(size=(per_class, 4)))
        labels += [[card]] * per_class
    return np.vstack(use), np.vstack(e5), labels


def fitted(seed: int = 1) -> CardClassifier:
    use, e5, labels = clusters(seed)
    weights, bias = fit(features(use, e5), targets(labels, CLASSES), np.ones(len(labels)), steps=200)
    return CardClassifier(CLASSES, weights, bias)


def test_it_learns_which_card_an_unseen_example_is_about_and_ranks_only_the_cards_asked_for() -> None:
    model = fitted()
    use, e5, labels = clusters(seed=2)  # other examples around the same directions
    ranked = model.rank(use, e5, model.cards("~outside"), n=5)
    right = sum(r[0] == label[0] for r, label in zip(ranked, labels, strict=True) if label[0] != "~outside")
    assert right >= 36  # of 40
    assert all(len(r) == 2 and "~outside" not in r for r in ranked)
    assert {r[0] for r in model.rank(use, e5, {"fair-pay"}, n=5)} == {"fair-pay"}


def test_fitting_is_deterministic_and_a_question_with_two_cards_counts_half_for_each() -> None:
    assert np.array_equal(fitted().weights, fitted().weights)
    assert targets([["exclusivity", "fair-pay"]], CLASSES).tolist() == [[0.5, 0.5, 0.0]]


def test_weights_survive_a_save_and_a_damaged_or_mismatched_file_is_ignored(tmp_path: Path) -> None:
    model = fitted()
    path = tmp_path / "vectors" / "classifier.npz"
    model.save(path)
    loaded = CardClassifier.load(path)
    assert loaded is not None and loaded.classes == CLASSES and np.array_equal(loaded.weights, model.weights)
    assert CardClassifier.load(tmp_path / "none.npz") is None
    path.write_bytes(b"not an npz")
    assert CardClassifier.load(path) is None
    np.savez(path, classes=np.array(CLASSES), weights=np.zeros((12, 2)), bias=np.zeros(3))
    assert CardClassifier.load(path) is None  # two columns of weights for three classes
    with pytest.raises(ValueError, match="12 features"):
        model.rank(np.ones((1, 5)), np.ones((1, 4)), CLASSES, 2)


def test_its_ranking_is_fused_as_a_fifth_list_with_its_own_weight() -> None:
    weights, k = E5_FUSION
    assert fusion(5) == ((*weights, CLASSIFIER_WEIGHT), k)
