"""The project's error tree.

CoachError                 anything the coach reports to a person instead of crashing
├── CardError              a knowledge card is malformed (names the file and the problem)
├── KnowledgeBaseError     the knowledge base as a whole is unusable (e.g. folder missing)
├── StorageError           the database file is unusable (not SQLite, unreadable)
└── EmptyQuestionError     a question with nothing in it
"""

from __future__ import annotations

from pathlib import Path


class CoachError(Exception):
    """Base of every error the coach turns into a clear message."""


class CardError(CoachError):
    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class KnowledgeBaseError(CoachError):
    pass


class StorageError(CoachError):
    pass


class EmptyQuestionError(CoachError):
    def __init__(self) -> None:
        super().__init__("the question is empty")
