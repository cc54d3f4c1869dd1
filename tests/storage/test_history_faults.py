"""Each fault from the history issue, and that nothing is lost in any of them."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.storage.history_support import PARIS, add_session
from timer_app.core.clock import FakeClock
from timer_app.core.history import HistoryWriteError, SessionStatus
from timer_app.core.plan import build_plan
from timer_app.core.player import SessionPlayer
from timer_app.core.recorder import SessionRecorder
from timer_app.core.routine import Dosing, Exercise, Routine, Sides
from timer_app.storage.history.backups import Backups
from timer_app.storage.history.opening import NoticeKind
from timer_app.storage.history.store import SqliteHistoryStore

MORNING = datetime(2026, 3, 10, 7, 30, tzinfo=PARIS)
ROUTINE = Routine(
    id="back",
    title="Back routine",
    exercises=(Exercise("Bridge", Dosing.HOLD, reps=3, hold=5, rest=2, sides=Sides.ALTERNATE),),
    lead_in=3,
)


def play_whole_session(
    store: SqliteHistoryStore, now_wall: Callable[[], datetime] = lambda: MORNING
) -> SessionRecorder:
    plan = build_plan(ROUTINE)
    clock = FakeClock(1000.0)
    player = SessionPlayer(plan, clock)
    recorder = SessionRecorder(store, plan, now_wall=now_wall, pain_before=4)
    player.add_listener(recorder)
    player.start()
    for _ in range(int((plan.total_seconds + 1) / 0.25)):
        clock.advance(0.25)
        player.tick()
    assert player.state.name == "FINISHED"
    return recorder


def assert_whole_session_saved(store: SqliteHistoryStore) -> None:
    [s] = store.list_sessions()
    assert (s.status, s.reps_done, s.reps_total, s.pain_before) == (
        SessionStatus.COMPLETED,
        6,
        6,
        4,
    )
    assert (s.exercises_done, s.pain_after) == (1, 2)


# -- damaged files ---------------------------------------------------------------


def make_history_with_backup(data_dir: Path) -> Path:
    store = SqliteHistoryStore.open()
    add_session(store, MORNING, notes="before the backup")
    assert store.backups is not None and store.backups.backup(store._require()).exists()
    add_session(store, MORNING + timedelta(days=1), notes="after the backup")
    store.close()
    return data_dir / "history.sqlite3"


def assert_moved_aside(data_dir: Path, original: bytes, notice_path: Path | None) -> None:
    aside = [p for p in data_dir.iterdir() if ".corrupt-" in p.name]
    assert [p.name for p in aside if not p.name.endswith(("-wal", "-shm"))] == [
        notice_path.name if notice_path else None
    ]
    assert re.fullmatch(r"history\.sqlite3\.corrupt-\d{8}T\d{6}Z", notice_path.name)
    assert notice_path.read_bytes() == original  # never deleted, never changed


def test_not_a_database_is_moved_aside_and_the_backup_restored(data_dir: Path) -> None:
    path = make_history_with_backup(data_dir)
    path.with_name("history.sqlite3-wal").unlink(missing_ok=True)
    path.write_bytes(b"these are not the droids you are looking for" * 100)
    original = path.read_bytes()

    store = SqliteHistoryStore.open()
    [notice] = store.notices
    assert notice.kind is NoticeKind.RESTORED_FROM_BACKUP
    assert str(notice.path) in notice.message and "moved aside" in notice.message
    assert_moved_aside(data_dir, original, notice.path)
    assert [s.notes for s in store.list_sessions()] == ["before the backup"]
    add_session(store, MORNING + timedelta(days=2))  # and it goes on working
    store.close()


def test_a_damaged_database_is_moved_aside_with_its_journal(data_dir: Path) -> None:
    path = make_history_with_backup(data_dir)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    assert len(data) >= 3 * page_size
    data[page_size : 3 * page_size] = b"\xa5" * (2 * page_size)  # garble two b-tree pages
    path.write_bytes(bytes(data))

    store = SqliteHistoryStore.open()
    [notice] = store.notices
    assert notice.kind is NoticeKind.RESTORED_FROM_BACKUP
    assert_moved_aside(data_dir, bytes(data), notice.path)
    assert len(store.list_sessions()) == 1
    store.close()


def test_damaged_with_no_backup_starts_an_empty_history_and_keeps_the_file(
    data_dir: Path,
) -> None:
    data_dir.mkdir()
    path = data_dir / "history.sqlite3"
    path.write_bytes(b"\x00" * 5000)
    store = SqliteHistoryStore.open()
    [notice] = store.notices
    assert notice.kind is NoticeKind.CORRUPT_NO_BACKUP
    assert "no backup" in notice.message and notice.path is not None
    assert notice.path.read_bytes() == b"\x00" * 5000
    assert store.list_sessions() == []
    store.close()


# -- cannot write ----------------------------------------------------------------


def test_a_folder_that_cannot_be_created_keeps_the_session_until_it_can(
    data_dir: Path,
) -> None:
    # Tests run as root, where chmod does not stop writes: a file where the data
    # folder must be makes the folder impossible to create instead.
    data_dir.write_text("in the way")
    store = SqliteHistoryStore.open()
    assert store.problem is not None and "cannot be saved" in store.problem
    assert [n.kind for n in store.notices] == [NoticeKind.UNAVAILABLE]
    assert store.list_sessions() == []  # the history view shows nothing, no crash

    recorder = play_whole_session(store)
    recorder.set_pain_after(2)
    assert recorder.pending_count > 0
    assert recorder.last_error is not None and str(data_dir) in recorder.last_error

    data_dir.unlink()  # the folder can be written again
    assert recorder.flush()
    assert recorder.last_error is None and store.problem is None
    assert_whole_session_saved(store)
    store.close()


def test_a_full_disk_keeps_the_writes_in_order_until_there_is_space(data_dir: Path) -> None:
    store = SqliteHistoryStore.open()
    recorder = play_whole_session(store)
    conn = store._require()
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full: no new page
    long_notes = "Felt the stretch in the hamstring, not the back. " * 2000
    recorder.set_notes(long_notes)  # needs new pages: fails
    recorder.set_pain_after(2)  # waits behind it, in order
    assert recorder.pending_count == 2
    assert recorder.last_error is not None and "full" in recorder.last_error
    assert store.list_sessions()[0].notes == ""

    conn.execute("PRAGMA max_page_count = 1000000")  # space freed
    assert recorder.flush()
    assert_whole_session_saved(store)
    assert store.list_sessions()[0].notes == long_notes
    store.close()


def test_a_locked_file_is_retried(data_dir: Path) -> None:
    store = SqliteHistoryStore.open(busy_timeout_ms=20)
    other = sqlite3.connect(data_dir / "history.sqlite3", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    with pytest.raises(HistoryWriteError, match="busy"):
        add_session(store, MORNING)
    other.execute("ROLLBACK")
    other.close()
    add_session(store, MORNING)
    assert len(store.list_sessions()) == 1
    store.close()


# -- kill -9 -----------------------------------------------------------------------

CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from datetime import datetime, timezone
    from timer_app.core import events as ev
    from timer_app.core.clock import FakeClock
    from timer_app.core.recorder import SessionRecorder
    from timer_app.core.plan import build_plan
    from timer_app.core.player import SessionPlayer
    from timer_app.storage.history.store import SqliteHistoryStore
    from tests.storage.test_history_faults import ROUTINE

    plan = build_plan(ROUTINE)
    clock = FakeClock(1000.0)
    player = SessionPlayer(plan, clock)
    store = SqliteHistoryStore.open()
    player.add_listener(SessionRecorder(store, plan))
    reps = []

    def killer(event):
        if isinstance(event, ev.RepCompleted):
            reps.append(event.step.index)
        elif isinstance(event, ev.StepStarted) and len(reps) == 3:
            print(event.step.index, flush=True)
            os.kill(os.getpid(), signal.SIGKILL)  # mid-session, no clean-up at all

    player.add_listener(killer)
    player.start()
    while True:
        clock.advance(0.25)
        player.tick()
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_kill_9_mid_session_keeps_every_completed_rep(data_dir: Path) -> None:
    repo = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(repo)}
    child = subprocess.run(
        [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=60
    )
    assert child.returncode == -9, child.stderr
    next_step = int(child.stdout.strip())

    store = SqliteHistoryStore.open()
    assert [n.kind for n in store.notices] == [NoticeKind.INTERRUPTED_FOUND]
    [s] = store.find_interrupted()
    assert (s.reps_done, s.reps_total) == (3, 6)
    assert s.resume is not None and s.resume.step_index == next_step
    store.close()


# -- time ------------------------------------------------------------------------


def test_dst_and_travel_change_neither_duration_nor_the_day(data_dir: Path) -> None:
    # Starts at 01:50 in Paris on the night clocks go forward (02:00 -> 03:00),
    # and the laptop's zone is New York by the end: the wall clock jumps twice.
    times = iter(
        [
            datetime(2026, 3, 29, 1, 50, tzinfo=PARIS),
            datetime(2026, 3, 28, 21, 0, tzinfo=ZoneInfo("America/New_York")),
        ]
    )
    store = SqliteHistoryStore.open()
    recorder = play_whole_session(store, now_wall=lambda: next(times))
    recorder.set_pain_after(2)
    [s] = store.list_sessions()
    assert s.local_date == date(2026, 3, 29) and s.time_zone == "Europe/Paris"
    assert s.active_seconds == pytest.approx(build_plan(ROUTINE).total_seconds)
    assert s.started_at.utcoffset() == timedelta(hours=1)
    assert s.ended_at is not None and s.ended_at.utcoffset() == timedelta(hours=-4)
    assert [f.local_date for f in store.session_facts(since=date(2026, 3, 29))] == [
        date(2026, 3, 29)
    ]
    store.close()


def test_backups_folder_fault_never_stops_a_save(data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / "backups").write_text("a file where the backups folder must be")
    store = SqliteHistoryStore.open(backups=Backups(data_dir / "backups"))
    play_whole_session(store).set_pain_after(2)
    assert_whole_session_saved(store)
    store.close()
