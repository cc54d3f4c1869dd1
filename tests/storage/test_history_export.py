"""The export a therapist reads: the CSV names each "Stop – it hurts" in words."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.storage.history_support import PARIS, add_session
from timer_app.core.history import SessionStatus, StopReason, StopReport
from timer_app.storage.history.export import CSV_COLUMNS, export_history, export_sessions
from timer_app.storage.history.store import SqliteHistoryStore


@pytest.fixture
def store(data_dir: Path):
    store = SqliteHistoryStore.open()
    yield store
    store.close()


def test_csv_has_a_stops_column_naming_the_exercise_and_what_happened(store) -> None:
    started = datetime(2026, 3, 10, 7, 30, tzinfo=PARIS)
    add_session(store, started - timedelta(days=1))
    sid = add_session(store, started, reps=2, status=SessionStatus.ENDED_EARLY)
    later = started + timedelta(minutes=2)
    store.record_stop(sid, StopReport(StopReason.PAIN_SPREAD, 0, "Knee-to-chest stretch", later))
    store.record_stop(sid, StopReport(StopReason.SHARP_PAIN, 1, "Walk", later, "left calf"))
    out = io.StringIO(newline="")
    assert export_sessions(store, "csv", out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert list(rows[0]) == list(CSV_COLUMNS) and CSV_COLUMNS[-1] == "stops"
    assert rows[0]["stops"] == ""  # no stop: an empty cell
    assert rows[1]["stops"] == (
        "Knee-to-chest stretch: pain spread further down the leg; "
        "Walk: sharp or shooting pain (left calf)"
    )


def test_the_file_export_has_the_same_column(store, tmp_path: Path) -> None:
    started = datetime(2026, 3, 10, 7, 30, tzinfo=PARIS)
    sid = add_session(store, started, reps=0, status=SessionStatus.ENDED_EARLY)
    store.record_stop(sid, StopReport(StopReason.NUMBNESS_OR_WEAKNESS, 0, "Bridge", started))
    target = tmp_path / "for-my-therapist.csv"
    assert export_history(store, target, "csv") == 1
    [row] = csv.DictReader(target.open(encoding="utf-8", newline=""))
    assert row["stops"] == "Bridge: new numbness, tingling or weakness"
