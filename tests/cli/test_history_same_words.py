"""`timer-app history` takes a session's status and figure cells from the one
definition the History page uses (`core/history_words.py`, `core/session_cells.py`)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from tests.storage.history_support import add_session
from timer_app.cli import main
from timer_app.core.history import Outcome, SessionStatus
from timer_app.core.history_words import status_in_words
from timer_app.core.session_cells import exercises_for_the_record, reps_in_words, time_in_words
from timer_app.core.session_figures import figures_of
from timer_app.storage.history_db import SqliteHistoryStore


def test_a_partly_done_session_reads_in_the_shared_words(data_dir: Path, capsys) -> None:
    store = SqliteHistoryStore.open()
    started = (datetime.now().astimezone() - timedelta(days=1)).replace(hour=8, minute=0)
    # Two of four Bridge reps, then stopped: Bridge partly done, the walk never reached.
    sid = add_session(store, started, reps=2, status=SessionStatus.ENDED_EARLY, active=83.4)
    store.record_exercise(sid, 0, Outcome.PARTIAL, 40.0)
    [session] = store.list_sessions()
    store.close()
    assert main(["history", "--days", "7"]) == 0
    row = capsys.readouterr().out.splitlines()[1]
    cells = [c.strip() for c in row.split("  ") if c.strip()]
    assert cells[3:7] == ["ended early", "1 min 23 s", "0 of 2, 1 partial", "2 of 4"]
    figures = figures_of(session)
    assert cells[3:7] == [
        status_in_words(session.status).lower(),
        time_in_words(figures.active_seconds),
        exercises_for_the_record(figures),
        reps_in_words(figures.reps_done, figures.reps_planned),
    ]
