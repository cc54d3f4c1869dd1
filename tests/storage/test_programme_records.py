"""The programme's state in a real history file: enrolment, events, morning checks,
each session's stage (migration 5)."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from tests.storage.history_support import PARIS, add_session
from timer_app.core.history import StopReason, StopReport
from timer_app.core.programme.model import Enrolment
from timer_app.core.programme.monitoring import MorningAnswer, MorningCheck
from timer_app.storage.history.migrations import LATEST_VERSION, migrate
from timer_app.storage.history.programme_records import (
    EventKind,
    ProgrammeRecords,
    SessionStage,
)
from timer_app.storage.history.store import SqliteHistoryStore

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=PARIS)
MON = date(2026, 3, 2)


@pytest.fixture
def store(tmp_path: Path) -> SqliteHistoryStore:
    return SqliteHistoryStore.open(tmp_path / "history.sqlite3")


def test_start_change_stage_and_stop_are_kept_with_their_days(store: SqliteHistoryStore) -> None:
    records = ProgrammeRecords(store.connection)
    assert records.current() is None
    records.start("eight", MON, NOW)
    assert records.current() == Enrolment("eight", MON, 0, MON)
    records.change_stage(1, date(2026, 3, 16), NOW)
    records.change_stage(0, date(2026, 3, 20), NOW)
    assert records.current() == Enrolment("eight", MON, 0, date(2026, 3, 20))
    assert records.stop(date(2026, 3, 21), NOW)
    assert records.current() is None
    assert not records.stop(date(2026, 3, 21), NOW)  # nothing running
    kinds = [(e.kind, e.day.day, e.stage_index) for e in records.events()]
    assert kinds == [
        (EventKind.STARTED, 2, 0),
        (EventKind.ADVANCED, 16, 1),
        (EventKind.WENT_BACK, 20, 0),
        (EventKind.STOPPED, 21, 0),
    ]


def test_a_new_start_replaces_the_current_enrolment(store: SqliteHistoryStore) -> None:
    records = ProgrammeRecords(store.connection)
    records.start("eight", MON, NOW)
    records.start("other", date(2026, 3, 9), NOW)
    assert records.current() == Enrolment("other", date(2026, 3, 9), 0, date(2026, 3, 9))


def test_the_database_allows_one_current_enrolment_only(store: SqliteHistoryStore) -> None:
    records = ProgrammeRecords(store.connection)
    records.start("eight", MON, NOW)
    with pytest.raises(sqlite3.IntegrityError):
        store._require().execute(
            "INSERT INTO programme_enrolments (programme_id, started_on, stage_index,"
            " stage_started_on) VALUES ('x', '2026-03-02', 0, '2026-03-02')"
        )


def test_each_session_keeps_the_stage_it_was_done_in(store: SqliteHistoryStore) -> None:
    records = ProgrammeRecords(store.connection)
    before = add_session(store, datetime(2026, 3, 1, 9, 0, tzinfo=PARIS))
    records.start("eight", MON, NOW)
    first = add_session(store, datetime(2026, 3, 2, 9, 0, tzinfo=PARIS))
    records.change_stage(1, date(2026, 3, 16), NOW)
    records.start_flare_up(date(2026, 3, 17), date(2026, 3, 19), "gentle", NOW)
    flare = add_session(store, datetime(2026, 3, 18, 9, 0, tzinfo=PARIS))
    after = add_session(store, datetime(2026, 3, 20, 9, 0, tzinfo=PARIS))
    stages = records.session_stages()
    assert before not in stages
    assert stages[first] == SessionStage("eight", 0, False)
    assert stages[flare] == SessionStage("eight", 1, True)
    assert stages[after] == SessionStage("eight", 1, False)
    assert records.current().flare_up_until == date(2026, 3, 19)  # type: ignore[union-attr]
    flare_event = records.events()[-1]
    assert (flare_event.kind, flare_event.routine_id, flare_event.until) == (
        EventKind.FLARE_UP,
        "gentle",
        date(2026, 3, 19),
    )


def test_ending_a_flare_up_early_returns_to_the_stage_today(store: SqliteHistoryStore) -> None:
    records = ProgrammeRecords(store.connection)
    records.start("eight", MON, NOW)
    records.start_flare_up(MON, date(2026, 3, 4), None, NOW)
    records.end_flare_up(date(2026, 3, 3))
    assert records.current().flare_up_until == MON  # type: ignore[union-attr]


def test_morning_checks_one_a_day_the_last_answer_kept(store: SqliteHistoryStore) -> None:
    records = ProgrammeRecords(store.connection)
    records.record_morning_check(MON, None, NOW)
    records.record_morning_check(MON, MorningAnswer.WORSE, NOW)
    records.record_morning_check(date(2026, 3, 3), MorningAnswer.BETTER, NOW)
    assert records.morning_checks() == [
        MorningCheck(MON, MorningAnswer.WORSE),
        MorningCheck(date(2026, 3, 3), MorningAnswer.BETTER),
    ]
    assert records.morning_checks(since=date(2026, 3, 3)) == [
        MorningCheck(date(2026, 3, 3), MorningAnswer.BETTER)
    ]


def test_marker_answers_count_for_the_current_stage_only(store: SqliteHistoryStore) -> None:
    records = ProgrammeRecords(store.connection)
    records.start("eight", MON, NOW)
    assert not records.marker_answered()
    records.record_marker(True, date(2026, 3, 15), NOW)
    assert records.marker_answered()
    records.change_stage(1, date(2026, 3, 16), NOW)
    assert not records.marker_answered()


def test_sessions_carry_their_pain_and_stops_for_spread(store: SqliteHistoryStore) -> None:
    records = ProgrammeRecords(store.connection)
    sid = add_session(store, datetime(2026, 3, 2, 9, 0, tzinfo=PARIS), pain=(5, 3))
    store.record_stop(
        sid,
        StopReport(StopReason.PAIN_SPREAD, 0, "Bridge", datetime(2026, 3, 2, 9, 5, tzinfo=PARIS)),
    )
    add_session(store, datetime(2026, 3, 3, 9, 0, tzinfo=PARIS))
    got = records.sessions()
    assert [(s.day, s.completed, s.pain_before, s.stopped_for_spread) for s in got] == [
        (MON, True, 5, True),
        (date(2026, 3, 3), True, None, False),
    ]


def test_a_version_4_history_gains_the_programme_tables(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=4)
    conn.close()
    store = SqliteHistoryStore.open(path)
    assert store._require().execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    records = ProgrammeRecords(store.connection)
    records.start("eight", MON, NOW)
    sid = add_session(store, datetime(2026, 3, 2, 9, 0, tzinfo=PARIS))
    assert records.session_stages() == {sid: SessionStage("eight", 0, False)}


def test_a_version_6_history_read_without_migrating_has_no_file_moves(tmp_path: Path) -> None:
    # The command line reads a history the app has not yet upgraded (migration 7
    # added the therapist-file columns): its events read, none from a file.
    path = tmp_path / "history.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=6)
    conn.execute(
        "INSERT INTO programme_enrolments (id, programme_id, started_on, stage_index,"
        " stage_started_on) VALUES (1, 'eight', '2026-03-02', 1, '2026-03-16')"
    )
    for kind, day, stage in (("started", "2026-03-02", 0), ("advanced", "2026-03-16", 1)):
        conn.execute(
            "INSERT INTO programme_events (enrolment_id, kind, local_date, stage_index,"
            " recorded_at_utc) VALUES (1, ?, ?, ?, '2026-03-02T07:00:00Z')",
            (kind, day, stage),
        )
    conn.close()
    store = SqliteHistoryStore.open_reader(path)
    records = ProgrammeRecords(store.connection)
    assert [(e.kind, e.stage_index, e.from_file) for e in records.events()] == [
        (EventKind.STARTED, 0, False),
        (EventKind.ADVANCED, 1, False),
    ]
    assert records.current() == Enrolment("eight", MON, 1, date(2026, 3, 16))
    store.close()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 6
