"""The command line run through `main(argv)` in the test's own process: what a subprocess would give (exit
status, stdout, stderr), without starting a new Python and loading the models again for each command."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Result:
    returncode: int
    stdout: str
    stderr: str


# run(*argv, data_dir=Path, knowledge=Path = KNOWLEDGE, stdin: str | bytes | None = None) -> Result
Run = Callable[..., Result]
