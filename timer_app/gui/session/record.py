"""What a session keeps: the recorder writing its history, what its summary
shows (the end event's figures), and the pain and notes typed on the summary.

The `SessionRecorder` (core) writes each event as it happens; these are the small
writes the UI thread is allowed. History trouble never stops a session: a failed
write is kept by the recorder and retried, and the running screen says so.
Strings keep the "SessionView" translation context they had inside the view.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from timer_app.core.events import SessionEndedEarly, SessionFinished
from timer_app.core.history import HistoryStore, Outcome, StopReason
from timer_app.core.pain_location import PainLocation
from timer_app.core.plan import Plan
from timer_app.core.recorder import SessionRecorder
from timer_app.gui.session.panels import SessionOutcome, SummaryPanel
from timer_app.gui.session.presenter import Reported
from timer_app.gui.session.unsaved_writes import not_saved_reason
from timer_app.gui.session.words import fill
from timer_app.gui.translation import translate

log = logging.getLogger(__name__)


def open_recorder(
    history: HistoryStore, plan: Plan, resume_session_id: int | None
) -> SessionRecorder:
    """A recorder for a new session, or one going on with `resume_session_id`."""
    active, done, partial = _done_before(history, resume_session_id)
    return SessionRecorder(
        history,
        plan,
        resume_session_id=resume_session_id,
        resumed_active_seconds=active,
        resumed_exercises_done=done,
        resumed_exercises_partial=partial,
    )


def _done_before(history: HistoryStore, session_id: int | None) -> tuple[float, int, int]:
    """Seconds exercised, exercises done in full and partly done in the session
    being resumed (0, 0, 0 for a new one): they count toward its status with this
    run's (completed only if the two runs did every exercise in full)."""
    if session_id is None:
        return 0.0, 0, 0
    try:
        detail = history.session_detail(session_id)
    except Exception:  # history trouble must not stop a session
        log.exception("could not read session %s", session_id)
        return 0.0, 0, 0
    if detail is None:
        return 0.0, 0, 0
    # Only the exercises before the one this run resumes in: that one's outcome
    # is this run's to report (counted twice, a skip could pass for "done").
    resume = detail.summary.resume
    before = [
        e.outcome
        for e in detail.exercises
        if resume is None or e.exercise_index < resume.exercise_index
    ]
    done = sum(1 for outcome in before if outcome is Outcome.DONE)
    partial = sum(1 for outcome in before if outcome is Outcome.PARTIAL)
    return detail.summary.active_seconds, done, partial


def reps_done_before(history: HistoryStore | None, session_id: int | None) -> frozenset[int] | None:
    """The step indexes of the reps the session being resumed did in full, so the
    player calls the exercise it resumes "done" only if every rep really was.
    None for a new session, or when the history cannot say."""
    if history is None or session_id is None:
        return None
    try:
        detail = history.session_detail(session_id)
    except Exception:  # history trouble must not stop a session
        log.exception("could not read session %s", session_id)
        return None
    if detail is None:
        return None
    return frozenset(r.step_index for r in detail.reps if r.outcome is Outcome.DONE)


def saving_note(recorder: SessionRecorder | None) -> str:
    """The running screen's "Not saved yet" line; empty while every write landed."""
    if recorder is None or recorder.pending_count == 0:
        return ""
    return fill(
        translate("SessionView", "Not saved yet: %1 It is kept and will be retried."),
        not_saved_reason(recorder.last_error or ""),
    )


def summary_outcome(
    event: SessionFinished | SessionEndedEarly, plan: Plan, reported: Reported
) -> SessionOutcome:
    """What the summary shows: what was done (exercises, reps, time, how many
    stops) is the end event's figures, the same the history stores; only what
    the person said (pain before, the stops' reasons) comes from `reported`."""
    return SessionOutcome(
        finished=isinstance(event, SessionFinished),
        figures=event.figures,
        exercises_in_routine=len(plan.routine.exercises),
        pain_before=reported.pain_before,
        pain_spread=any(reason is StopReason.PAIN_SPREAD for _name, reason in reported.stops),
        stops=reported.stops,
        pain_where_before=reported.pain_where_before,
        pain_advice_rise=plan.routine.pain_advice_rise,
    )


class SummarySave:
    """Writes the summary's pain rating, where the pain is felt most and the notes,
    each only when it changed since the last save (leaving saves quietly; Save says
    "saved" even with no change), and says beside Save whether the session is
    saved. One per view: `reset` when a session is loaded."""

    def __init__(self, panel: SummaryPanel) -> None:
        self._panel = panel
        self.reset()
        # Connected after the panel's own clearing of the note on an edit ("Saved."
        # is stale then): "Not saved yet" is still true of what waits, so it stays.
        panel.pain.sig_changed.connect(lambda _value: self._edited())
        panel.where.sig_changed.connect(lambda _value: self._edited())
        panel.notes.textChanged.connect(self._edited)

    def reset(self) -> None:
        self._saved: tuple[int | None, str, PainLocation | None] = (None, "", None)
        self._waiting = False  # the note says "Not saved yet"
        self._note = ""
        self._edited_since_note = False

    def show(self, outcome: SessionOutcome, recorder: SessionRecorder | None) -> None:
        """The summary of a session just over; when some of its results wait to
        be written, it says so at once, as the running screen did (not only
        after Save, which looked as if they were saved)."""
        if recorder is not None:  # the whole session's time, as History shows it
            outcome = replace(outcome, earlier_seconds=recorder.resumed_active_seconds)
        self._panel.show_outcome(outcome)
        self._waiting, self._note, self._edited_since_note = False, "", False
        if recorder is not None and recorder.pending_count > 0:
            self._show(recorder)

    def save(self, recorder: SessionRecorder | None, *, quiet: bool = False) -> bool:
        """True when something was handed to the recorder (the history changed)."""
        values = (
            self._panel.pain.value(),
            self._panel.notes.toPlainText().strip(),
            self._panel.where.value(),
        )
        if values == self._saved:
            if not quiet:
                if recorder is not None:
                    self._show(recorder)  # "Saved." only when nothing waits
                else:
                    self._say(True)
            return False
        if recorder is None:
            self._panel.show_no_history()
            self._note = self._panel.saved_note.text()
            self._waiting, self._edited_since_note = True, False
            return False
        pain, notes, where = values
        if pain != self._saved[0]:
            recorder.set_pain_after(pain)
        if notes != self._saved[1]:
            recorder.set_notes(notes)
        if where is not self._saved[2]:
            recorder.set_pain_where_after(where)
        self._saved = values
        self._show(recorder)
        return True

    def retried(self, recorder: SessionRecorder | None) -> None:
        """The recorder's waiting writes changed: a summary that said "Not saved
        yet" says "Saved." once they land; after an edit, which the retried
        writes do not hold, it says nothing (Save or leaving saves the edit)."""
        if recorder is None or not self._waiting:
            return
        if recorder.pending_count == 0 and self._edited_since_note:
            self._waiting, self._note = False, ""
            self._panel.saved_note.clear()
            return
        self._show(recorder)

    def _show(self, recorder: SessionRecorder) -> None:
        self._waiting = recorder.pending_count > 0
        self._say(not self._waiting, recorder.last_error or "")

    def _say(self, ok: bool, problem: str = "") -> None:
        self._panel.show_saved(ok, problem)
        self._note = "" if ok else self._panel.saved_note.text()
        self._edited_since_note = False

    def _edited(self) -> None:
        self._edited_since_note = True
        if self._waiting and self._note:
            self._panel.saved_note.setText(self._note)
