"""The one way the knowledge base changes — an admin's upload on Telegram, `kb add | remove | rollback` on the
command line, a refresh: validate, log, write, index, under one lock shared by every process.

Order of a change: the log row first (with the previous and the new content), then the file, then the index,
then the row is marked done. A process killed anywhere in between leaves a pending row, and the next process
to take the lock finishes it (the new content was validated before it was logged, so finishing is always
safe and idempotent); a rollback is logged the same way and finished the same way.

The lock is an exclusive `flock` on `DATA_DIR/kb.lock`, opened anew by each operation: it excludes other
threads of this process as well as the bot and the command line running side by side.

Hand-written because no library keeps a card file, its log row and the search index in step, and the lock is
the operating system's own (`fcntl.flock`, one call; a lock package would only wrap it). What it must survive
is tested, not assumed (tests/integration/kb/test_changes.py): forty uploads from two admins in two processes
all stored, logged and served; a change killed at each step finished by the next process and rolled back.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from bot.errors import CoachError
from bot.kb.admin import Upload, card_file, checked_card_path, restore, validate_upload, write_atomically
from bot.kb.cards import LANGS

log = logging.getLogger(__name__)
Report = TypeVar("Report")

SCHEMA = """
CREATE TABLE IF NOT EXISTS kb_changes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    admin_id    INTEGER NOT NULL,
    action      TEXT NOT NULL,
    path        TEXT NOT NULL,
    previous    TEXT,
    batch       INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    rolled_back INTEGER NOT NULL DEFAULT 0
);
"""
# Added after the first release: existing databases gain them on open.
COLUMNS = {"content": "TEXT", "state": "TEXT NOT NULL DEFAULT 'done'"}


@dataclass(frozen=True)
class FileChange:
    action: str  # "upload" or "remove"
    path: Path
    previous: str | None  # None: the file did not exist
    content: str | None  # None: the file is removed


@dataclass(frozen=True)
class Outcome(Generic[Report]):
    report: Report
    changes: list[FileChange]
    upload: Upload | None = None


class ChangeLog:
    """The `kb_changes` table of the coach's SQLite database, through short synchronous connections: it is
    written from worker threads and from other processes, and WAL lets the bot's own connection read on."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=30)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.executescript(SCHEMA)
            present = {row[1] for row in db.execute("PRAGMA table_info(kb_changes)")}
            for name, kind in COLUMNS.items():
                if name not in present:
                    db.execute(f"ALTER TABLE kb_changes ADD COLUMN {name} {kind}")
            with db:  # one transaction, committed on success
                yield db
        finally:
            db.close()

    def begin(self, admin_id: int, changes: list[FileChange]) -> int:
        """Log one admin action as pending rows sharing a batch number; returns the batch."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._connect() as db:
            batch = db.execute("SELECT COALESCE(MAX(batch), 0) + 1 FROM kb_changes").fetchone()[0]
            db.executemany(
                "INSERT INTO kb_changes (admin_id, action, path, previous, content, batch, created_at, state) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, 'pending')",
                [(admin_id, c.action, str(c.path), c.previous, c.content, batch, now) for c in changes],
            )
        return batch

    def finish(self, batch: int) -> None:
        with self._connect() as db:
            db.execute("UPDATE kb_changes SET state = 'done' WHERE batch = ?", (batch,))

    def discard(self, batch: int) -> None:
        """A change refused after it was logged (the index could not take it): it never happened."""
        with self._connect() as db:
            db.execute("DELETE FROM kb_changes WHERE batch = ?", (batch,))

    def unfinished(self) -> list[tuple[int, str, FileChange]]:
        """(row id, state, change) of every change or rollback a killed process left half done."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT id, state, action, path, previous, content FROM kb_changes "
                "WHERE state IN ('pending', 'rolling_back') ORDER BY id"
            ).fetchall()
        return [(row[0], row[1], FileChange(row[2], Path(row[3]), row[4], row[5])) for row in rows]

    def latest(self) -> list[tuple[int, FileChange]]:
        """The latest admin action not rolled back, newest row first."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT id, action, path, previous, content FROM kb_changes WHERE rolled_back = 0 AND state = 'done' "
                "AND batch = (SELECT MAX(batch) FROM kb_changes WHERE rolled_back = 0 AND state = 'done') "
                "ORDER BY id DESC"
            ).fetchall()
        return [(row[0], FileChange(row[1], Path(row[2]), row[3], row[4])) for row in rows]

    def mark(self, ids: list[int], state: str, rolled_back: bool) -> None:
        with self._connect() as db:
            db.executemany(
                "UPDATE kb_changes SET state = ?, rolled_back = ? WHERE id = ?",
                [(state, int(rolled_back), row_id) for row_id in ids],
            )

    def count(self) -> int:
        with self._connect() as db:
            return db.execute("SELECT COUNT(*) FROM kb_changes").fetchone()[0]


class KnowledgeChanges(Generic[Report]):
    """Upload, remove, roll back and refresh; `refresh` is the caller's (it re-reads the cards and indexes
    them, raising CardError and changing nothing when a card is malformed), always called under the lock."""

    def __init__(self, knowledge_dir: Path, lock_path: Path, log: ChangeLog, refresh: Callable[[], Report]) -> None:
        self.knowledge_dir = knowledge_dir
        self.lock_path = lock_path
        self.log = log
        self._refresh = refresh

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)  # blocks: run from a worker thread, never on the event loop
            yield
        finally:
            os.close(fd)  # closing releases the lock, also when the process dies

    def refresh(self) -> Report:
        with self.locked():
            self._recover()
            return self._refresh()

    def upload(self, admin_id: int, name: str, data: bytes) -> Outcome[Report]:
        """Validate an uploaded card, store it and index it; CardError (nothing changed) if it is refused."""
        upload = validate_upload(name, data, self.knowledge_dir)
        with self.locked():
            self._recover()
            previous = upload.target.read_text(encoding="utf-8") if upload.target.exists() else None
            change = FileChange("upload", upload.target, previous, upload.text)
            report = self._apply(admin_id, [change])
        return Outcome(report, [change], upload)

    def remove(self, admin_id: int, card_id: str) -> Outcome[Report] | None:
        """Remove both translations of a card; None if there is no such card, CardError if `card_id` is not an id."""
        paths = [card_file(self.knowledge_dir, lang, card_id) for lang in LANGS]  # CardError: "../x" is no id
        with self.locked():
            self._recover()
            changes = [FileChange("remove", p, p.read_text(encoding="utf-8"), None) for p in paths if p.exists()]
            if not changes:
                return None
            return Outcome(self._apply(admin_id, changes), changes)

    def rollback(self) -> Outcome[Report] | None:
        """Undo the latest change not yet undone, whoever made it and wherever; None if there is none."""
        with self.locked():
            self._recover()
            rows = self.log.latest()
            if not rows:
                return None
            for _, change in rows:  # the log could have been tampered with: only card files are ever touched
                checked_card_path(self.knowledge_dir, change.path)
            ids = [row_id for row_id, _ in rows]
            self.log.mark(ids, "rolling_back", rolled_back=False)
            for _, change in rows:
                restore(change.path, change.previous)
            try:
                report = self._refresh()
            except CoachError:
                for _, change in rows:  # the index refused the old files: the change stays as it was
                    restore(change.path, change.content)
                self.log.mark(ids, "done", rolled_back=False)
                raise
            self.log.mark(ids, "done", rolled_back=True)
            return Outcome(report, [change for _, change in rows])

    def recover(self) -> int:
        """Finish what a killed process left half done; returns how many files it touched."""
        with self.locked():
            return self._recover()

    def _apply(self, admin_id: int, changes: list[FileChange]) -> Report:
        batch = self.log.begin(admin_id, changes)  # 1. the log
        for change in changes:  # 2. the files
            _write(change.path, change.content)
        try:
            report = self._refresh()  # 3. the index
        except CoachError:
            for change in changes:
                restore(change.path, change.previous)
            self.log.discard(batch)
            raise
        self.log.finish(batch)
        return report

    def _recover(self) -> int:
        rows = self.log.unfinished()
        for row_id, state, change in rows:
            try:
                checked_card_path(self.knowledge_dir, change.path)
            except CoachError:  # a forged row: refused, and never tried again
                log.error("change log row %s names %s, not a card file: ignored", row_id, change.path)
                self.log.mark([row_id], "refused", rolled_back=True)
                continue
            if state == "pending":  # validated before it was logged: finish it
                _write(change.path, change.content)
                self.log.mark([row_id], "done", rolled_back=False)
            else:
                restore(change.path, change.previous)
                self.log.mark([row_id], "done", rolled_back=True)
            log.warning("finished a knowledge-base change left unfinished: %s %s", change.action, change.path)
        return len(rows)


def _write(path: Path, content: str | None) -> None:
    if content is None:
        path.unlink(missing_ok=True)
    else:
        write_atomically(path, content)
