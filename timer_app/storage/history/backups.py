"""Backups of the history database, in `<data dir>/backups`.

Taken with SQLite's online backup API, never a file copy: a copy of a live WAL
database can miss the pages still in the `-wal` file, or catch them half
written. A backup is written to a temporary name and renamed, so a crash never
leaves half a backup that looks whole. At most one every 30 minutes of use; the
folder keeps the newest backup of each of the last 7 days that have one, and of
each of the last 4 weeks (Monday to Sunday, UTC).

What the clock or the disk can do to that, and what is done about it:

- A history with no session in it is never backed up: daily backups of an
  empty file (a zero-length history, say) would rotate the last good backup
  away within a week.
- A backup named after a time in the future (one start with the clock set
  ahead) is stale: it never counts as "the newest" that stops the next backup,
  and rotation leaves it alone (the clock may be wrong now, not then).
- A restore takes the backup with the newest content (its newest session, then
  the most sessions and reps), never the newest name.
- Backups are written as plain rollback-journal files and checked read-only
  (`immutable`), so no `-wal`/`-shm` appears beside them; a `.partial` left by a
  failed backup is removed at once, or at the next backup after a crash.
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
# A backup dated later than now by more than this is from a clock set ahead
# (small corrections of the clock move it by seconds, not minutes).
FUTURE_SLACK = timedelta(minutes=5)
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


@dataclass(frozen=True, order=True)
class Content:
    """How far a history has got, to tell an older copy from a newer one
    whatever the clock said when each was taken: sessions and reps only grow."""

    newest_start: str  # the newest session's start, ISO 8601 UTC (sorts as text)
    sessions: int
    reps: int


def content_of(conn: sqlite3.Connection) -> Content | None:
    """The history's content, or None when it holds no session (or no tables)."""
    try:
        newest, sessions = conn.execute(
            "SELECT max(started_at_utc), count(*) FROM sessions"
        ).fetchone()
        (reps,) = conn.execute("SELECT count(*) FROM reps").fetchone()
    except sqlite3.Error:  # no schema: a zero-length or brand-new file
        return None
    if not sessions:
        return None
    return Content(str(newest), int(sessions), int(reps))


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
        if conn.in_transaction:
            return None  # never mid-write: the backup would wait on its own lock
        now = self._now()
        current = [b for b in self.existing() if not self._is_future(b, now)]
        if current and now - current[0].taken_at < self._min_interval:
            return None
        self.remove_leftovers()
        if content_of(conn) is None:
            return None  # nothing to keep, and it must not rotate a good backup away
        try:
            path = self.backup(conn)
        except (OSError, sqlite3.Error) as error:
            log.warning("history backup failed: %s", error)
            return None
        self.rotate()
        return path

    def _is_future(self, backup: Backup, now: datetime) -> bool:
        return backup.taken_at > now + FUTURE_SLACK

    def backup(self, conn: sqlite3.Connection) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        final = self.folder / f"{_PREFIX}{self._now().strftime(_STAMP)}{_SUFFIX}"
        partial = final.with_name(final.name + ".partial")
        partial.unlink(missing_ok=True)
        try:
            target = sqlite3.connect(partial)
            try:
                conn.backup(target)
                # A plain file, whole on its own: opening it never needs a -wal/-shm.
                target.execute("PRAGMA journal_mode = DELETE")
            finally:
                target.close()
            os.replace(partial, final)
        except BaseException:
            with contextlib.suppress(OSError):  # never leave half a backup behind
                partial.unlink(missing_ok=True)
            raise
        return final

    def rotate(self) -> list[Path]:
        """Delete the backups the 7-daily + 4-weekly rule does not keep. Those
        dated in the future are outside the rule, and kept."""
        now = self._now()
        backups = [b for b in self.existing() if not self._is_future(b, now)]
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

    def remove_leftovers(self) -> None:
        """A `.partial` of a backup cut short (a crash, a full disk), and the
        `-wal`/`-shm` an older version's check left beside a backup (empty:
        checks only read). This process writes one backup at a time and is the
        only writer (one app per data dir), so none of them is in use."""
        try:
            entries = list(self.folder.iterdir())
        except OSError:
            return
        for path in entries:
            name = path.name
            if not name.startswith(_PREFIX):
                continue
            stray = name.endswith(".partial") or name.endswith(_SUFFIX + "-shm")
            if name.endswith(_SUFFIX + "-wal"):
                with contextlib.suppress(OSError):
                    stray = path.stat().st_size == 0  # one with pages is left alone
            if stray:
                with contextlib.suppress(OSError):
                    path.unlink()

    def newest_with_content(self) -> tuple[Backup, Content] | None:
        """The good backup with the newest content (see `Content`), or None when
        no backup holds a session. Names only break ties, future-dated ones last."""
        now = self._now()
        found: list[tuple[Content, bool, datetime, Backup]] = []
        for b in self.existing():
            content = backup_content(b.path)
            if content is None:
                continue
            found.append((content, not self._is_future(b, now), b.taken_at, b))
        if not found:
            return None
        content, _current, _taken, best = max(found, key=lambda f: f[:3])
        return best, content

    def restore_newest_good(self, target: Path) -> Path | None:
        """Write the good backup with the newest content to `target` (which must
        not exist); returns the backup used, or None when there is none."""
        newest = self.newest_with_content()
        if newest is None:
            return None
        source = _open_read_only(newest[0].path)
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
            source.close()
        return newest[0].path


def _open_read_only(path: Path) -> sqlite3.Connection:
    # immutable: no locks and no -wal/-shm created beside a backup (nothing
    # writes to a backup once it is renamed into place).
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def backup_content(path: Path) -> Content | None:
    """What a backup holds, or None when it is damaged or holds no session."""
    try:
        conn = _open_read_only(path)
    except sqlite3.Error:
        return None
    try:
        if conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
            log.warning("backup %s is damaged; trying an older one", path)
            return None
        return content_of(conn)
    except sqlite3.Error as error:
        log.warning("backup %s cannot be read (%s); trying an older one", path, error)
        return None
    finally:
        conn.close()


def is_good_database(path: Path) -> bool:
    try:
        conn = _open_read_only(path)
    except sqlite3.Error:
        return False
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
        return rows == [("ok",)]
    except sqlite3.Error:
        return False
    finally:
        conn.close()
