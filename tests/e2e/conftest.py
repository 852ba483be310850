from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.auxil.process import BotProcess
from tests.auxil.server import BotAPIServer
from tests.cards import write_pair
from tests.conftest import KNOWLEDGE

LONG_TEMPLATE = " ".join(
    f"Paragraph {n} of the e2e long guide, with enough words to fill a phone screen." for n in range(45)
)


@pytest.fixture(scope="session")
def knowledge(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped cards plus one card long enough that its answer must be split."""
    root = tmp_path_factory.mktemp("e2e") / "knowledge"
    shutil.copytree(KNOWLEDGE, root)
    write_pair(
        root,
        "zz-e2e-long-guide",
        summary="The e2e long guide explains the zebra xylophone procedure.",
        points=tuple(f"Zebra xylophone point {n}: " + "x" * 250 for n in range(8)),
        template=LONG_TEMPLATE,
        questions=["What is the zebra xylophone procedure?"],
        phrases=["zebra xylophone procedure", "explain the zebra xylophone", "procédure xylophone zèbre"],
    )
    return root


@pytest.fixture(scope="module")
def server() -> Iterator[BotAPIServer]:
    with BotAPIServer() as server:
        yield server


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("e2e-data")


@pytest.fixture(scope="module")
def bot(
    server: BotAPIServer, data_dir: Path, knowledge: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BotProcess]:
    log = tmp_path_factory.mktemp("logs") / "bot.log"
    process = BotProcess(server, data_dir, knowledge, log).start()
    yield process
    if process.proc and process.proc.poll() is None:
        process.stop()
