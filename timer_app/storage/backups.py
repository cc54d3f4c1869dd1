"""Backups of the history database, in `<data dir>/backups`.

Taken with SQLite's online backup API, never a file copy: a copy of a live WAL
database can miss the pages still in the `-wal` file, or catch them half
written. A backup is written to a temporary name and renamed, so a crash never
leaves half a backup that looks whole. At most one every 30 minutes of use; the
folder keeps the newest backup of each of the last 7 days that have one, and of
each of the last 4 weeks (Monday to Sunday, UTC).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

log = logging.getLogger(__name__)

MIN_INTERVAL = timedelta(minutes=30)
KEEP_DAILY = 7
KEEP_WEEKLY = 4
_PREFIX = "history-"
_SUFFIX = ".sqlite3"
_STAMP = "%Y%m%dT%H%M%SZ"


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime  # UTC

    @property
    def day(self) -> date:
        return self.taken_at.date()

    @property
    def week(self) -> date:
        return self.day - timedelta(days=self.day.weekday())


class Backups:
    def __init__(
        self,
        folder: Path,
        *,
        now: Callable[[], datetime] = utc_now,
        min_interval: timedelta = MIN_INTERVAL,
    ) -> None:
        self.folder = folder
        self._now = now
        self._min_interval = min_interval

    def existing(self) -> list[Backup]:
        """The backups in the folder, newest first (other files are ignored)."""
        found = []
        try:
            entries = list(self.folder.iterdir())
        except OSError:
            return []
        for path in entries:
            name = path.name
            if not (name.startswith(_PREFIX) and name.endswith(_SUFFIX)):
                continue
            stamp = name[len(_PREFIX) : -len(_SUFFIX)]
            try:
                taken = datetime.strptime(stamp, _STAMP).replace(tzinfo=UTC)
            except ValueError:
                continue
            found.append(Backup(path, taken))
        return sorted(found, key=lambda b: b.taken_at, reverse=True)

    def maybe_backup(self, conn: sqlite3.Connection) -> Path | None:
        """Back up unless the newest backup is younger than 30 minutes.

        Never raises: a backup that cannot be made (full disk...) is logged and
        tried again next time; it must not stop a session from being saved.
        """
        backups = self.existing()
        now = self._now()
        if backups and now - backups[0].taken_at < self._min_interval:
            return None
        try:
            path = self.backup(conn)
        except (OSError, sqlite3.Error) as error:
            log.warning("history backup failed: %s", error)
            return None
        self.rotate()
        return path

    def backup(self, conn: sqlite3.Connection) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        final = self.folder / f"{_PREFIX}{self._now().strftime(_STAMP)}{_SUFFIX}"
        partial = final.with_name(final.name + ".partial")
        partial.unlink(missing_ok=True)
        target = sqlite3.connect(partial)
        try:
            conn.backup(target)
        finally:
            target.close()
        os.replace(partial, final)
        return final

    def rotate(self) -> list[Path]:
        """Delete the backups the 7-daily + 4-weekly rule does not keep."""
        backups = self.existing()
        keep: set[Path] = set()
        days: dict[date, Path] = {}
        weeks: dict[date, Path] = {}
        for b in backups:  # newest first: the first of each day/week is its newest
            if b.day not in days and len(days) < KEEP_DAILY:
                days[b.day] = b.path
            if b.week not in weeks and len(weeks) < KEEP_WEEKLY:
                weeks[b.week] = b.path
        keep.update(days.values(), weeks.values())
        removed = []
        for b in backups:
            if b.path not in keep:
                with contextlib.suppress(OSError):
                    b.path.unlink()
                    removed.append(b.path)
        return removed

    def restore_newest_good(self, target: Path) -> Path | None:
        """Write the newest backup that passes `quick_check` to `target` (which must
        not exist); returns the backup used, or None when there is none."""
        for b in self.existing():
            if not is_good_database(b.path):
                log.warning("backup %s is damaged; trying an older one", b.path)
                continue
            source = sqlite3.connect(f"{b.path.as_uri()}?mode=ro", uri=True)
            dest = sqlite3.connect(target)
            try:
                source.backup(dest)
            finally:
                dest.close()
                source.close()
            return b.path
        return None


def is_good_database(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
        return rows == [("ok",)]
    except sqlite3.Error:
        return False
    finally:
        conn.close()
