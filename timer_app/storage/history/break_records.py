"""Standing breaks taken, kept in the history file and counted per day.

One row per break (migration 6), on the local day it was taken: the History page
shows a count per day, never a streak. Like `history/writes.py`, it never imports
sqlite3: the write is one short transaction of the store's `HistoryConnection`,
and a failure is a `HistoryWriteError` with a plain message.
"""

from __future__ import annotations

from datetime import date, datetime

from timer_app.storage.history.connection import HistoryConnection
from timer_app.storage.history.rows import utc_text


class BreakRecords:
    """The standing breaks of one history file."""

    def __init__(self, connection: HistoryConnection) -> None:
        self._connection = connection

    def stored(self) -> bool:
        """True when the file has the table (a history not yet migrated has none)."""
        return bool(
            self._connection.rows(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'standing_breaks'"
            )
        )

    def record(self, taken_at: datetime) -> None:
        """A break was taken at `taken_at` (aware, local): it counts for that local day."""
        offset = taken_at.utcoffset()
        if offset is None:
            raise ValueError("a break's time must be an aware datetime")
        with self._connection.write() as conn:
            conn.execute(
                "INSERT INTO standing_breaks (local_date, taken_at_utc, taken_offset_min)"
                " VALUES (?, ?, ?)",
                (
                    taken_at.date().isoformat(),
                    utc_text(taken_at),
                    int(offset.total_seconds() // 60),
                ),
            )

    def per_day(self, since: date, until: date) -> dict[date, int]:
        """Breaks taken each day from `since` to `until` (inclusive); days without none."""
        if not self.stored():
            return {}
        rows = self._connection.rows(
            "SELECT local_date, count(*) AS taken FROM standing_breaks"
            " WHERE local_date BETWEEN ? AND ? GROUP BY local_date",
            (since.isoformat(), until.isoformat()),
        )
        return {date.fromisoformat(r["local_date"]): int(r["taken"]) for r in rows}
