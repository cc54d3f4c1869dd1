"""Standing breaks taken, in a real history file: counted per local day."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from tests.storage.history_support import PARIS
from timer_app.storage.history.break_records import BreakRecords
from timer_app.storage.history.migrations import migrate
from timer_app.storage.history.store import SqliteHistoryStore

NEW_YORK = ZoneInfo("America/New_York")


def test_breaks_are_counted_per_local_day_and_survive_a_restart(data_dir: Path) -> None:
    store = SqliteHistoryStore.open()
    breaks = BreakRecords(store.connection)
    for hour, minute in ((9, 25), (10, 0), (11, 40)):
        breaks.record(datetime(2026, 3, 10, hour, minute, tzinfo=PARIS))
    # 00:30 in Paris is still the 10th in UTC's eyes... the 11th where the patient is.
    breaks.record(datetime(2026, 3, 11, 0, 30, tzinfo=PARIS))
    store.close()

    reopened = SqliteHistoryStore.open_reader()
    counts = BreakRecords(reopened.connection).per_day(date(2026, 3, 9), date(2026, 3, 11))
    reopened.close()
    assert counts == {date(2026, 3, 10): 3, date(2026, 3, 11): 1}


def test_only_the_days_asked_for(data_dir: Path) -> None:
    store = SqliteHistoryStore.open()
    breaks = BreakRecords(store.connection)
    breaks.record(datetime(2026, 3, 1, 15, 0, tzinfo=NEW_YORK))
    breaks.record(datetime(2026, 3, 8, 15, 0, tzinfo=NEW_YORK))
    assert breaks.per_day(date(2026, 3, 2), date(2026, 3, 8)) == {date(2026, 3, 8): 1}
    store.close()


def test_a_history_from_before_breaks_reads_as_none_without_being_changed(
    data_dir: Path,
) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "history.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=5)
    conn.close()
    reader = SqliteHistoryStore.open_reader(path)
    assert BreakRecords(reader.connection).per_day(date(2026, 3, 1), date(2026, 3, 31)) == {}
    reader.close()
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == 5
    check.close()
