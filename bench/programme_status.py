"""Benchmark: the programme's status (the Routines page card, `program status`) over a year.

The card rereads it whenever the history, the routines or the programme change,
and when the page is shown again: goal well under 16 ms (one frame). The history
is a year of two sessions a day of the bundled programme's first routine, in a
real history file, written through the store API. Prints the mean of 20 reads.

    python bench/programme_status.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    os.environ["TIMER_APP_DATA_DIR"] = tempfile.mkdtemp(prefix="bench-programme-")
    from tests.storage.history_support import PARIS, add_session
    from timer_app.storage.history.programme_records import ProgrammeRecords
    from timer_app.storage.history.store import SqliteHistoryStore
    from timer_app.storage.routines.catalog import load_catalog

    store = SqliteHistoryStore.open()
    records = ProgrammeRecords(store.connection)
    start = date(2025, 12, 1)
    records.start("sciatica-8-weeks", start, datetime.now(PARIS))
    for day in range(365):
        for hour in (7, 18):
            moment = datetime(2025, 12, 1, hour, tzinfo=PARIS) + timedelta(days=day)
            add_session(store, moment, routine_id="gentle-start")
    catalog = load_catalog()
    programme = catalog.programmes["sciatica-8-weeks"]
    own = {r.id: r.frequency for r in catalog.routines.values()}
    today = start + timedelta(days=364)
    began = time.perf_counter()
    for _ in range(20):
        status = records.status(programme, today, own)
    mean_ms = (time.perf_counter() - began) / 20 * 1000
    assert status is not None
    print(f"programme status over 730 sessions: {mean_ms:.1f} ms (goal < 16 ms)")
    store.close()


if __name__ == "__main__":
    main()
