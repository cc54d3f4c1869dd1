"""A history writer in memory, for the recorder's tests.

`FakeWriter` implements `HistoryWriter` and nothing more: the recorder reads
nothing back, and mypy (this file is in `[tool.mypy] files`) checks that the
fake really is a `HistoryWriter`, so a write added to the protocol and missed
here fails the type check instead of passing as `Any`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from timer_app.core.history import (
    HistoryWriteError,
    HistoryWriter,
    NewSession,
    Outcome,
    RepRecord,
    SessionStatus,
    StopReport,
)
from timer_app.core.pain_location import PainLocation
from timer_app.core.position import Position


@dataclass
class FakeWriter:
    """Logs every write (name and arguments, in order) and can be made to fail
    like a full disk."""

    failing: bool = False
    calls: list[tuple[str, tuple[object, ...]]] = field(default_factory=list)
    sessions: dict[int, NewSession] = field(default_factory=dict)
    reps: dict[tuple[int, int], RepRecord] = field(default_factory=dict)

    def _log(self, name: str, *args: object) -> None:
        if self.failing:
            raise HistoryWriteError("The disk is full.")
        self.calls.append((name, args))

    def begin_session(self, session: NewSession) -> int:
        self._log("begin_session", session)
        self.sessions[len(self.sessions) + 1] = session
        return len(self.sessions)

    def record_rep(self, session_id: int, rep: RepRecord) -> None:
        self._log("record_rep", session_id, rep)
        self.reps[(session_id, rep.step_index)] = rep

    def record_exercise(
        self, session_id: int, exercise_index: int, outcome: Outcome, active_seconds: float
    ) -> None:
        self._log("record_exercise", session_id, exercise_index, outcome, active_seconds)

    def set_position(self, session_id: int, position: Position, active_seconds: float) -> None:
        self._log("set_position", session_id, position, active_seconds)

    def finish_session(
        self, session_id: int, status: SessionStatus, ended_at: datetime, active_seconds: float
    ) -> None:
        self._log("finish_session", session_id, status, ended_at, active_seconds)

    def set_status(self, session_id: int, status: SessionStatus) -> None:
        self._log("set_status", session_id, status)

    def set_pain_before(self, session_id: int, pain: int | None) -> None:
        self._log("set_pain_before", session_id, pain)

    def set_pain_after(self, session_id: int, pain: int | None) -> None:
        self._log("set_pain_after", session_id, pain)

    def set_pain_where_before(self, session_id: int, where: PainLocation | None) -> None:
        self._log("set_pain_where_before", session_id, where)

    def set_pain_where_after(self, session_id: int, where: PainLocation | None) -> None:
        self._log("set_pain_where_after", session_id, where)

    def set_notes(self, session_id: int, notes: str) -> None:
        self._log("set_notes", session_id, notes)

    def record_stop(self, session_id: int, report: StopReport) -> None:
        self._log("record_stop", session_id, report)

    def names(self) -> list[str]:
        return [name for name, _ in self.calls]

    def without_positions(self) -> list[str]:
        return [n for n in self.names() if n != "set_position"]


def as_writer(fake: FakeWriter) -> HistoryWriter:
    """The fake where a `HistoryWriter` is wanted (mypy checks it is one)."""
    return fake
