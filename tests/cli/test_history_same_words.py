"""`timer-app history` prints the History page's table: the one definition of its
columns and cells (`core/session_table.py`), with the session's number first."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from tests.storage.history_support import add_session
from timer_app.cli import main
from timer_app.core.history import Outcome, SessionStatus
from timer_app.core.session_table import column_headers, session_row
from timer_app.storage.history.store import SqliteHistoryStore


def test_a_partly_done_session_reads_in_the_shared_words(data_dir: Path, capsys) -> None:
    store = SqliteHistoryStore.open()
    started = (datetime.now().astimezone() - timedelta(days=1)).replace(hour=8, minute=0)
    # Two of four Bridge reps, then stopped: Bridge partly done, the walk never reached.
    sid = add_session(store, started, reps=2, status=SessionStatus.ENDED_EARLY, active=83.4)
    store.record_exercise(sid, 0, Outcome.PARTIAL, 40.0)
    [session] = store.list_sessions()
    store.close()
    assert main(["history", "--days", "7"]) == 0
    header, row = capsys.readouterr().out.splitlines()[:2]
    cells = [c.strip() for c in row.split("  ") if c.strip()]
    assert [c.strip() for c in header.split("  ") if c.strip()] == ["ID", *column_headers()]
    assert cells[3:7] == ["Ended early", "0 of 2, 1 partly", "2 of 4", "1 min 23 s"]
    expected = session_row(session, lambda s: s.started_at.strftime("%Y-%m-%d %H:%M")).cells
    assert cells[1:7] == list(expected[:6])
