"""The programme's stored state in the history file: writes and reads.

The patient's enrolment (one current at most), its events (start, stage changes,
marker answers, flare-ups, stop), the next-morning checks, and each session's
stage (set by a trigger when the session row is inserted, from the enrolment
current then: the recorder need not know about programmes). The schema is
migration 5's (`history/migrations.py`), its rows' types `history/programme_rows.py`'s.

Like `history/writes.py`, it never imports sqlite3: every write is one short
transaction of the store's `HistoryConnection`, and a failure is a
`HistoryWriteError` with a plain message.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any

from timer_app.core.describe import Translate, english
from timer_app.core.history import HistoryError, StopReason
from timer_app.core.programme.calendar import enrolment_date_problem
from timer_app.core.programme.model import Enrolment, Programme
from timer_app.core.programme.monitoring import MorningAnswer, MorningCheck
from timer_app.core.programme.rules import ProgrammeSession
from timer_app.core.programme.status import ProgrammeStatus, programme_status
from timer_app.core.programme.therapist_file import follow_file
from timer_app.core.routine import Frequency
from timer_app.storage.history.connection import HistoryConnection
from timer_app.storage.history.programme_rows import (
    EventKind,
    ProgrammeEvent,
    SessionStage,
    event_insert,
    read_events,
)
from timer_app.storage.history.rows import utc_text

# The rows' types are part of this module's interface (callers import them here).
__all__ = ["EventKind", "ProgrammeEvent", "ProgrammeRecords", "SessionStage"]


class ProgrammeRecords:
    """Enrolment, events, morning checks and each session's stage."""

    def __init__(self, connection: HistoryConnection) -> None:
        self._connection = connection

    # -- reading ----------------------------------------------------------------------
    def stored(self) -> bool:
        """True when the file has the programme's tables: the command line reads an
        older history without migrating it, and it then holds no programme."""
        return bool(
            self._connection.rows(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'programme_enrolments'"
            )
        )

    def status(
        self,
        programme: Programme,
        today: date,
        own: Mapping[str, Frequency | None] | None = None,
        translate: Translate = english,
    ) -> ProgrammeStatus | None:
        """The programme's status today (`core/programme/status.py`), the one the
        card and `program status` both show; None when it is not the one running."""
        enrolment = self.current()
        if enrolment is None or enrolment.programme_id != programme.id:
            return None
        # A start date years away (bad data from before the start date was checked)
        # has no weeks to count: said plainly, not an OverflowError at every start.
        if (problem := enrolment_date_problem(enrolment, today)) is not None:
            raise HistoryError(problem)
        since = enrolment.started_on - timedelta(days=1)
        return programme_status(
            programme,
            enrolment,
            self.sessions(since),
            self.morning_checks(since),
            today,
            own,
            translate,
        )

    def _current_row(self) -> dict[str, Any] | None:
        if not self.stored():
            return None
        rows = self._connection.rows(
            "SELECT * FROM programme_enrolments WHERE stopped_on IS NULL ORDER BY id DESC LIMIT 1"
        )
        return rows[0] if rows else None

    def current(self) -> Enrolment | None:
        """The enrolment in progress, or None (never started, or stopped)."""
        row = self._current_row()
        if row is None:
            return None
        until, named = row["flare_up_until"], row.get("file_stage")  # None before migration 7
        return Enrolment(
            programme_id=row["programme_id"],
            started_on=date.fromisoformat(row["started_on"]),
            stage_index=int(row["stage_index"]),
            stage_started_on=date.fromisoformat(row["stage_started_on"]),
            flare_up_until=None if until is None else date.fromisoformat(until),
            file_stage=None if named is None else int(named),
        )

    def events(self) -> list[ProgrammeEvent]:
        """Every programme event, oldest first (the History page, the exports)."""
        return read_events(self._connection) if self.stored() else []

    def morning_checks(self, since: date | None = None) -> list[MorningCheck]:
        if not self.stored():
            return []
        rows = self._connection.rows(
            "SELECT local_date, answer FROM morning_checks WHERE local_date >= ?"
            " ORDER BY local_date",
            ((since or date.min).isoformat(),),
        )
        return [
            MorningCheck(
                date.fromisoformat(r["local_date"]),
                None if r["answer"] is None else MorningAnswer(r["answer"]),
            )
            for r in rows
        ]

    def sessions(self, since: date | None = None) -> list[ProgrammeSession]:
        """Every session since a day, as the programme's rules read them."""
        rows = self._connection.rows(
            f"""SELECT s.local_date, s.routine_id, s.status, s.pain_before, s.pain_after,
                EXISTS (SELECT 1 FROM stop_reports r WHERE r.session_id = s.id
                    AND r.reason = '{StopReason.PAIN_SPREAD.value}') AS spread
                FROM sessions s WHERE s.local_date >= ? ORDER BY s.local_date, s.id""",
            ((since or date.min).isoformat(),),
        )
        return [
            ProgrammeSession(
                day=date.fromisoformat(r["local_date"]),
                routine_id=r["routine_id"],
                completed=r["status"] == "completed",
                pain_before=r["pain_before"],
                pain_after=r["pain_after"],
                stopped_for_spread=bool(r["spread"]),
            )
            for r in rows
        ]

    def session_stages(self) -> dict[int, SessionStage]:
        """Session id -> the programme stage it was done in (only those in one)."""
        if not self.stored():
            return {}
        rows = self._connection.rows(
            "SELECT id, programme_id, programme_stage, programme_flare_up FROM sessions"
            " WHERE programme_id IS NOT NULL"
        )
        return {
            int(r["id"]): SessionStage(
                r["programme_id"], int(r["programme_stage"]), bool(r["programme_flare_up"])
            )
            for r in rows
        }

    # -- writing ----------------------------------------------------------------------
    def start(
        self,
        programme_id: str,
        on: date,
        now: datetime,
        stage_index: int = 0,
        file_stage: int | None = None,
    ) -> Enrolment:
        """Start a programme on a day (a current one is stopped) at `stage_index`:
        the first, or the one its file names (`therapist_file.first_stage`), which is
        then `file_stage`, already followed."""
        with self._connection.write() as conn:
            conn.execute(
                "UPDATE programme_enrolments SET stopped_on = ? WHERE stopped_on IS NULL",
                (on.isoformat(),),
            )
            cursor = conn.execute(
                """INSERT INTO programme_enrolments (programme_id, started_on, stage_index,
                    stage_started_on, file_stage) VALUES (?, ?, ?, ?, ?)""",
                (programme_id, on.isoformat(), stage_index, on.isoformat(), file_stage),
            )
            enrolment_id = cursor.lastrowid
            conn.execute(*event_insert(enrolment_id, EventKind.STARTED, on, stage_index, now))
        return Enrolment(programme_id, on, stage_index, on, file_stage=file_stage)

    def stop(self, on: date, now: datetime) -> bool:
        """Stop the current programme; False when none was running."""
        row = self._current_row()
        if row is None:
            return False
        with self._connection.write() as conn:
            conn.execute(*event_insert(row["id"], EventKind.STOPPED, on, row["stage_index"], now))
            conn.execute(
                "UPDATE programme_enrolments SET stopped_on = ? WHERE id = ?",
                (on.isoformat(), row["id"]),
            )
        return True

    def change_stage(self, stage_index: int, on: date, now: datetime) -> None:
        """Move to another stage from `on` (the next one, or back one)."""
        row = self._require_current()
        kind = EventKind.ADVANCED if stage_index > row["stage_index"] else EventKind.WENT_BACK
        with self._connection.write() as conn:
            conn.execute(
                "UPDATE programme_enrolments SET stage_index = ?, stage_started_on = ?"
                " WHERE id = ?",
                (stage_index, on.isoformat(), row["id"]),
            )
            conn.execute(*event_insert(row["id"], kind, on, stage_index, now))

    def follow_file(self, programme: Programme, on: date, now: datetime) -> int | None:
        """Follow the therapist's file (`core/programme/therapist_file.py`): the stage
        index the enrolment moved to from `on`, or None when it stayed."""
        enrolment = self.current()
        move = None if enrolment is None else follow_file(programme, enrolment)
        if move is None:
            return None
        row = self._require_current()
        with self._connection.write() as conn:
            conn.execute(
                "UPDATE programme_enrolments SET file_stage = ? WHERE id = ?",
                (move.file_stage, row["id"]),
            )
            if move.to_stage is None:
                return None
            kind = EventKind.ADVANCED if move.to_stage > row["stage_index"] else EventKind.WENT_BACK
            conn.execute(
                "UPDATE programme_enrolments SET stage_index = ?, stage_started_on = ?"
                " WHERE id = ?",
                (move.to_stage, on.isoformat(), row["id"]),
            )
            conn.execute(*event_insert(row["id"], kind, on, move.to_stage, now, from_file=True))
        return move.to_stage

    def record_marker(self, achieved: bool, on: date, now: datetime) -> None:
        """The answer to the stage's marker question ("Less morning stiffness?")."""
        row = self._require_current()
        kind = EventKind.MARKER_YES if achieved else EventKind.MARKER_NOT_YET
        with self._connection.write() as conn:
            conn.execute(*event_insert(row["id"], kind, on, row["stage_index"], now))

    def marker_answered(self) -> bool:
        """True when the current stage's marker question was answered in this stage."""
        row = self._current_row()
        if row is None:
            return False
        found = self._connection.rows(
            """SELECT 1 FROM programme_events WHERE enrolment_id = ? AND stage_index = ?
                AND kind IN ('marker_yes', 'marker_not_yet') AND local_date >= ?""",
            (row["id"], row["stage_index"], row["stage_started_on"]),
        )
        return bool(found)

    def start_flare_up(self, on: date, until: date, routine_id: str | None, now: datetime) -> None:
        """A flare-up plan from `on` to `until` inclusive, with its routine."""
        row = self._require_current()
        with self._connection.write() as conn:
            conn.execute(
                "UPDATE programme_enrolments SET flare_up_until = ? WHERE id = ?",
                (until.isoformat(), row["id"]),
            )
            conn.execute(
                *event_insert(
                    row["id"], EventKind.FLARE_UP, on, row["stage_index"], now, routine_id, until
                )
            )

    def end_flare_up(self, on: date) -> None:
        """Back to the stage before the planned days are over (the day before `on`)."""
        row = self._require_current()
        with self._connection.write() as conn:
            conn.execute(
                "UPDATE programme_enrolments SET flare_up_until = ? WHERE id = ?",
                ((on - timedelta(days=1)).isoformat(), row["id"]),
            )

    def record_morning_check(self, day: date, answer: MorningAnswer | None, now: datetime) -> None:
        """Today's next-morning answer; None: asked and closed without one."""
        with self._connection.write() as conn:
            conn.execute(
                """INSERT OR REPLACE INTO morning_checks (local_date, answer, recorded_at_utc)
                    VALUES (?, ?, ?)""",
                (day.isoformat(), None if answer is None else answer.value, utc_text(now)),
            )

    def _require_current(self) -> dict[str, Any]:
        row = self._current_row()
        if row is None:
            raise LookupError("no programme is running")
        return row
