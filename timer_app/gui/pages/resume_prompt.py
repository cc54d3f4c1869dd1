"""After a crash or power cut: the session left in progress, and the three answers.

At start-up the app marks sessions still "in progress" as interrupted (only the
one running instance does, under the single-instance lock), then the window asks,
in a banner: "Resume where you stopped (exercise 3 of 6, rep 2)?" — resume, keep
as ended early, or discard.

The routine is the one the session was started from, recognised by the hash of
its file: the routines in the person's folders first, then the file at the path
the history stored (a routine opened from a USB stick or the Downloads folder is
in no folder). A stored step index is only valid for that exact content, so a
routine edited since cannot be resumed, and the banner says which it is: changed,
or not found.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum
from pathlib import Path

from timer_app.core.history import HistoryStore, SessionStatus, SessionSummary
from timer_app.core.plan import build_plan
from timer_app.core.position import Position
from timer_app.core.routine import Routine
from timer_app.gui.translation import translate

log = logging.getLogger(__name__)


class NoResume(Enum):
    """Why an interrupted session cannot be resumed."""

    CHANGED = "changed"  # the routine was found, with other content
    NOT_FOUND = "not_found"  # neither in the folders nor at its stored path
    NO_PLACE = "no_place"  # the same routine, but where it stopped was not stored


@dataclass(frozen=True)
class InterruptedSession:
    summary: SessionSummary
    routine: Routine | None  # None when the routine is gone or changed since
    position: Position | None  # where to resume; None when it cannot be
    why_not: NoResume | None = None  # set when it cannot be resumed

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
    history: HistoryStore,
    routines: Mapping[str, Routine],
    load_file: Callable[[Path], Routine] | None = None,
) -> InterruptedSession | None:
    """The newest interrupted session, with its routine if it can be resumed.

    `load_file` reads the routine at the stored path (the catalog's loader unless
    a test gives one)."""
    found = history.find_interrupted()
    if not found:
        return None
    summary = found[0]
    in_folders = routines.get(summary.routine_id)
    routine = in_folders if in_folders is not None and _same_routine(in_folders, summary) else None
    at_path = None
    if routine is None:
        at_path = _routine_at_stored_path(summary, load_file)
        if at_path is not None and _same_routine(at_path, summary):
            routine = at_path
    position = None
    if routine is not None and summary.resume is not None:
        plan = build_plan(routine)
        if summary.resume.step_index < len(plan.steps):
            position = summary.resume  # the session screen turns it into a Position
    if position is not None:
        return InterruptedSession(summary, routine, position)
    if routine is not None:
        why_not = NoResume.NO_PLACE
    elif in_folders is not None or at_path is not None:
        why_not = NoResume.CHANGED
    else:
        why_not = NoResume.NOT_FOUND
    return InterruptedSession(summary, None, None, why_not)


def _routine_at_stored_path(
    summary: SessionSummary, load_file: Callable[[Path], Routine] | None
) -> Routine | None:
    """The routine in the file the session was started from, if it still loads."""
    if not summary.source_path or not summary.content_hash:
        return None  # nothing to load, or nothing to recognise it by
    if load_file is None:
        from timer_app.storage.routines.catalog import load_routine_file

        load_file = load_routine_file
    try:
        return load_file(Path(summary.source_path))
    except Exception:  # gone, unreadable, no longer valid: not this routine
        log.info("the interrupted session's routine file did not load", exc_info=True)
        return None


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
