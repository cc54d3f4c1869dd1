"""After a crash or power cut: the session left in progress, and the three answers.

At start-up the app marks sessions still "in progress" as interrupted (only the
one running instance does, under the single-instance lock), then the window asks,
in a banner: "Resume where you stopped (exercise 3 of 6, rep 2)?" — resume, keep
as ended early, or discard.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

from timer_app.core.history import HistoryStore, SessionStatus, SessionSummary
from timer_app.core.plan import build_plan
from timer_app.core.position import Position
from timer_app.core.routine import Routine
from timer_app.gui.translation import translate

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class InterruptedSession:
    summary: SessionSummary
    routine: Routine | None  # None when the routine is gone or changed since
    position: Position | None  # where to resume; None when it cannot be

    @property
    def session_id(self) -> int:
        return self.summary.id

    @property
    def can_resume(self) -> bool:
        return self.routine is not None and self.position is not None

    def where(self) -> str:
        """ "exercise 3 of 6, rep 2" """
        resume = self.summary.resume
        total = self.summary.exercises_total
        if resume is None:
            return translate("ResumePrompt", "{done} of {total} exercises done").format(
                done=self.summary.exercises_done, total=total
            )
        text = translate("ResumePrompt", "exercise {n} of {total}, rep {rep}").format(
            n=resume.exercise_index + 1, total=total, rep=resume.rep_number
        )
        return text


def find_interrupted_session(
    history: HistoryStore, routines: Mapping[str, Routine]
) -> InterruptedSession | None:
    """The newest interrupted session, with its routine if it can be resumed."""
    found = history.find_interrupted()
    if not found:
        return None
    summary = found[0]
    routine = routines.get(summary.routine_id)
    position = None
    if routine is not None and summary.resume is not None and _same_routine(routine, summary):
        plan = build_plan(routine)
        if summary.resume.step_index < len(plan.steps):
            position = summary.resume  # the session screen turns it into a Position
    return InterruptedSession(summary, routine if position is not None else None, position)


def _same_routine(routine: Routine, summary: SessionSummary) -> bool:
    # A routine edited since (other exercises, other reps) has another plan: a
    # stored step index would point at the wrong exercise.
    return (
        not routine.content_hash
        or not summary.content_hash
        or (routine.content_hash == summary.content_hash)
    )


def keep_as_ended_early(history: HistoryStore, session: SessionSummary) -> None:
    # When it stopped is not known exactly: its start plus the active time
    # recorded up to the last step it reached is the best estimate.
    ended = session.started_at + timedelta(seconds=session.active_seconds)
    history.finish_session(session.id, SessionStatus.ENDED_EARLY, ended, session.active_seconds)


def discard(history: HistoryStore, session: SessionSummary) -> None:
    history.delete_session(session.id)
