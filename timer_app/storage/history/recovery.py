"""Recovering a history file that cannot be used as it is, before it is opened.

Three things can be wrong at start-up, each handled here and told by a
`StoreNotice`: a `-wal` left by an app that did not close (copied aside before
SQLite replays it: `keep_unclosed_journal`); a blank history beside a backup
that holds sessions (`replace_blank_file`); a damaged file (`replace_damaged_file`).
Nothing is ever deleted: a file that is replaced is moved aside with the time
in its name. The order is `history/store.py`'s; connecting and checking are in
`history/opening.py`.

This module is one of the users of sqlite3 (“Where things live” in docs/design.md).
"""

from __future__ import annotations

import contextlib
import glob
import logging
import os
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from timer_app.storage.history.backups import Backups
from timer_app.storage.history.opening import NoticeKind, StoreNotice, has_pages
from timer_app.storage.history.wal_check import drops_committed_frames

log = logging.getLogger(__name__)

KEEP_JOURNAL_COPIES = 3


def keep_unclosed_journal(path: Path) -> StoreNotice | None:
    """Before the first open of a history that was not closed (its `-wal` still
    holds pages), copy the `-wal` aside: SQLite drops every frame from the first
    one whose checksum fails, with the sessions in it, and that copy is the only
    way back. The newest few copies are kept. A notice only when SQLite will
    drop committed frames; otherwise the copy is just kept, quietly."""
    wal = path.with_name(path.name + "-wal")
    if not has_pages(wal):
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = wal.with_name(f"{wal.name}.unclosed-{stamp}")
    try:
        shutil.copyfile(wal, kept)
    except OSError as error:  # a read-only folder: SQLite cannot replay it either
        log.warning("could not keep a copy of %s: %s", wal, error)
        return None
    copies = sorted(wal.parent.glob(f"{glob.escape(wal.name)}.unclosed-*"), reverse=True)
    for old in copies[KEEP_JOURNAL_COPIES:]:
        with contextlib.suppress(OSError):
            old.unlink()
    if not drops_committed_frames(wal):
        return None
    log.warning("history journal %s is damaged; a copy is kept at %s", wal, kept)
    return StoreNotice(
        NoticeKind.JOURNAL_KEPT,
        f"Your history was not closed properly last time, and part of its journal "
        f"(the sessions saved just before) could not be read. A copy of it was kept "
        f"at {kept} (nothing was deleted): whoever looks after your computer can "
        "recover those sessions from it.",
        kept,
    )


def corrupt_name(path: Path, now: datetime) -> Path:
    return path.with_name(f"{path.name}.corrupt-{now.strftime('%Y%m%dT%H%M%SZ')}")


def is_blank(path: Path) -> bool:
    """A history file with no session in it: zero length, or a database SQLite
    made but with no tables or no rows (its `-wal` counts: it is read too)."""
    if not path.is_file():
        return False
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        if "sessions" not in tables:
            return True
        row = conn.execute("SELECT EXISTS (SELECT 1 FROM sessions)").fetchone()
        return bool(row == (0,))
    except sqlite3.Error:
        return False  # damaged, not blank: quick_check decides
    finally:
        conn.close()


def replace_blank_file(path: Path, backups: Backups) -> StoreNotice | None:
    """A blank history beside a backup that holds sessions is a history that
    was lost (a file truncated by a crash, a bad copy): moved aside and the
    backup restored, like a damaged one. None when no backup holds a session
    (a new history is just that)."""
    if backups.newest_with_content() is None:
        return None
    log.warning("history file %s holds no session, but a backup does", path)
    return replace_damaged_file(path, backups, was="empty")


def replace_damaged_file(
    path: Path, backups: Backups | None, *, was: str = "damaged"
) -> StoreNotice:
    """Move the damaged file aside and restore the newest good backup in its place
    (or leave no file, so a new history starts); the notice says which."""
    aside = corrupt_name(path, datetime.now(UTC))
    os.replace(path, aside)
    for suffix in ("-wal", "-shm"):  # keep the journal with the file it belongs to
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            os.replace(extra, aside.with_name(aside.name + suffix))
    restored = backups.restore_newest_good(path) if backups else None
    if restored is not None:
        taken = restored.name.removeprefix("history-").removesuffix(".sqlite3")
        return StoreNotice(
            NoticeKind.RESTORED_FROM_BACKUP,
            f"Your history file was {was}. It was moved aside to {aside} "
            f"(nothing was deleted) and your history was restored from the "
            f"backup of {taken} (UTC); sessions after that backup are in the "
            "damaged file only.",
            aside,
        )
    return StoreNotice(
        NoticeKind.CORRUPT_NO_BACKUP,
        f"Your history file was {was} and there was no backup to restore. "
        f"It was moved aside to {aside} (nothing was deleted); a new, empty "
        "history was started.",
        aside,
    )
