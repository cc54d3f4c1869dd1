"""Reading the history: the store's `reader` (a `HistoryReader`).

`HistoryQueries` holds the store's `HistoryConnection` and reads through its
`rows()`, which answers "nothing" when the history could not be opened (the
connection's `problem` says why). Rows come back by column name; the column
lists and the row-to-record conversions are in `history/rows.py`; here is which
rows are wanted, in which order.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date

from timer_app.core.history import (
    ExerciseRecord,
    SessionDetail,
    SessionFacts,
    SessionSummary,
    StopReason,
)
from timer_app.core.position import Position
from timer_app.storage.history.connection import HistoryConnection
from timer_app.storage.history.rows import (
    EXERCISE_COLUMNS,
    FACT_COLUMNS,
    REP_COLUMNS,
    STOP_COLUMNS,
    SUMMARY_SELECT,
    exercise_of,
    facts_of,
    rep_of,
    stop_of,
    summary_of,
)


class HistoryQueries:
    """`HistoryReader` on SQLite."""

    def __init__(self, connection: HistoryConnection) -> None:
        self._rows = connection.rows
        self._table = connection.table

    def list_sessions(
        self,
        *,
        since: date | None = None,
        routine_id: str | None = None,
        limit: int | None = None,
    ) -> list[SessionSummary]:
        where, params = _filters(since, routine_id)
        sql = f"{SUMMARY_SELECT} {where} ORDER BY s.started_at_utc DESC, s.id DESC"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        summaries = [summary_of(r) for r in self._rows(sql, params)]
        return self._with_stops(summaries, where, params)

    def _with_stops(
        self, summaries: list[SessionSummary], where: str, params: tuple[object, ...]
    ) -> list[SessionSummary]:
        """The sessions with their "Stop – it hurts" reasons. Stops are few, so one
        query with the list's own filters reads them all (no IN list of ids)."""
        if not summaries:
            return summaries
        stops: defaultdict[int, list[StopReason]] = defaultdict(list)
        for row in self._rows(
            "SELECT r.session_id, r.reason FROM stop_reports r"
            f" JOIN sessions s ON s.id = r.session_id {where} ORDER BY r.id",
            params,
        ):
            stops[row["session_id"]].append(StopReason(row["reason"]))
        return [replace(s, stops=tuple(stops[s.id])) if s.id in stops else s for s in summaries]

    def session_detail(self, session_id: int) -> SessionDetail | None:
        rows = self._rows(f"{SUMMARY_SELECT} WHERE s.id = ?", (session_id,))
        if not rows:
            return None
        exercises = self._rows(
            f"SELECT {EXERCISE_COLUMNS} FROM session_exercises e WHERE e.session_id = ?"
            " ORDER BY e.exercise_index",
            (session_id,),
        )
        reps = self._rows(
            f"SELECT {REP_COLUMNS} FROM reps WHERE session_id = ? ORDER BY step_index",
            (session_id,),
        )
        stops = self._rows(
            f"SELECT {STOP_COLUMNS} FROM stop_reports WHERE session_id = ? ORDER BY id",
            (session_id,),
        )
        reports = tuple(stop_of(r) for r in stops)
        return SessionDetail(
            replace(summary_of(rows[0]), stops=tuple(r.reason for r in reports)),
            tuple(exercise_of(r) for r in exercises),
            tuple(rep_of(r) for r in reps),
            reports,
        )

    def find_interrupted(self, routine_id: str | None = None) -> list[SessionSummary]:
        where, params = _filters(None, routine_id)
        where += (" AND" if where else "WHERE") + " s.status = 'interrupted'"
        sql = f"{SUMMARY_SELECT} {where} ORDER BY s.started_at_utc DESC, s.id DESC"
        return [summary_of(r) for r in self._rows(sql, params)]

    def resume_position(self, session_id: int) -> Position | None:
        rows = self._rows(f"{SUMMARY_SELECT} WHERE s.id = ?", (session_id,))
        return summary_of(rows[0]).resume if rows else None

    def session_facts(
        self, *, since: date | None = None, routine_id: str | None = None
    ) -> list[SessionFacts]:
        where, params = _filters(since, routine_id)
        sql = f"SELECT {FACT_COLUMNS} FROM sessions s {where} ORDER BY s.local_date, s.id"
        return facts_of(*self._table(sql, params))

    def exercise_records(
        self, *, since: date | None = None, routine_id: str | None = None
    ) -> list[ExerciseRecord]:
        where, params = _filters(since, routine_id)
        sql = (
            f"SELECT {EXERCISE_COLUMNS} FROM session_exercises e"
            f" JOIN sessions s ON s.id = e.session_id {where}"
            " ORDER BY s.started_at_utc, e.exercise_index"
        )
        return [exercise_of(r) for r in self._rows(sql, params)]


def _filters(since: date | None, routine_id: str | None) -> tuple[str, tuple[object, ...]]:
    """The WHERE clause shared by the history page's filters (on sessions `s`)."""
    clauses, params = [], []
    if since is not None:
        clauses.append("s.local_date >= ?")
        params.append(since.isoformat())
    if routine_id is not None:
        clauses.append("s.routine_id = ?")
        params.append(routine_id)
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)
