"""The figures of the report for the therapist, from the same functions as the
History page (`stats`) and the exports (`session_figures.figures_of`).

Nothing is counted here that those modules count already: the weeks are
`stats.weekly_adherence` (as the History page's "This week"), the pain is
`stats.pain_by_session` (as its chart), the exercises are `stats.exercise_totals`,
and each session's exercises, reps and time are `figures_of` with its one
rounding rule (as the CSV's columns). So the paper, the screen and the
spreadsheet cannot disagree. Pure Python: the report may be made from this
computer's history or from a JSON export a patient sent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from timer_app.core import stats
from timer_app.core.history import ExerciseRecord, SessionStatus, SessionSummary, StopReport
from timer_app.core.pain_location import PainShift, classify
from timer_app.core.routine import Frequency
from timer_app.core.session_figures import figures_of


@dataclass(frozen=True)
class RoutineWeeks:
    """One routine's sessions done against prescribed, week by week."""

    routine_id: str
    title: str
    frequency: Frequency | None  # None: not known here; taken as once a day (stats)
    weeks: tuple[stats.Adherence, ...]
    overall_percent: float


@dataclass(frozen=True)
class Totals:
    """Sums over the period of each session's figures (`figures_of`, whole seconds)."""

    sessions: int = 0
    completed: int = 0  # every exercise done in full: the only ones counted as done
    partly_done: int = 0  # reached the end with part of it skipped
    ended_early: int = 0
    interrupted: int = 0
    exercises_done: int = 0
    exercises_partial: int = 0
    exercises_skipped: int = 0
    reps_done: int = 0
    reps_planned: int = 0
    active_seconds: int = 0
    stops: int = 0


@dataclass(frozen=True)
class DatedStop:
    day: date
    routine_title: str
    stop: StopReport


@dataclass(frozen=True)
class ReportFigures:
    first: date
    last: date
    routines: tuple[RoutineWeeks, ...]
    totals: Totals
    pain: tuple[stats.SessionPain, ...]
    pain_rose: int  # sessions rated before and after, by how the rating moved
    pain_fell: int
    pain_same: int
    shifts: Mapping[PainShift, int] = field(default_factory=dict)
    stops: tuple[DatedStop, ...] = ()
    troubles: tuple[stats.ExerciseTotal, ...] = ()  # most often partly done or skipped
    notes: tuple[tuple[date, str, str], ...] = ()  # day, routine title, the note

    @property
    def weeks(self) -> int:
        """The period's length in weeks, a part week counted whole (56 days: 8)."""
        return -(-((self.last - self.first).days + 1) // 7)


def totals_of(sessions: Sequence[SessionSummary]) -> Totals:
    counts = Counter(s.status for s in sessions)
    figures = [figures_of(s) for s in sessions]
    return Totals(
        sessions=len(sessions),
        completed=counts[SessionStatus.COMPLETED],
        partly_done=counts[SessionStatus.PARTLY_DONE],
        ended_early=counts[SessionStatus.ENDED_EARLY],
        interrupted=counts[SessionStatus.INTERRUPTED],
        exercises_done=sum(f.exercises_done for f in figures),
        exercises_partial=sum(f.exercises_partial for f in figures),
        exercises_skipped=sum(f.exercises_skipped for f in figures),
        reps_done=sum(f.reps_done for f in figures),
        reps_planned=sum(f.reps_planned for f in figures),
        # Each session rounded first, as the CSV's column, so the sums agree.
        active_seconds=sum(f.active_whole_seconds for f in figures),
        stops=sum(f.stops for f in figures),
    )


def report_figures(
    sessions: Sequence[SessionSummary],
    exercises: Sequence[ExerciseRecord],
    stops: Sequence[tuple[SessionSummary, StopReport]],
    frequencies: Mapping[str, Frequency | None],
    first: date,
    last: date,
) -> ReportFigures:
    """The report's figures for the sessions from `first` to `last` (local days)."""
    sessions = sorted(
        (s for s in sessions if first <= s.local_date <= last), key=lambda s: s.started_at
    )
    titles = {s.routine_id: s.routine_title for s in sessions}
    routines = []
    for routine_id, title in titles.items():
        own = [s for s in sessions if s.routine_id == routine_id]
        frequency = frequencies.get(routine_id)
        # `today=last`: the last week counts only as far as the period goes, and
        # days before the routine's first session prescribe nothing (as on screen).
        weeks = stats.weekly_adherence(own, first, last, frequency, today=last)
        routines.append(
            RoutineWeeks(routine_id, title, frequency, tuple(weeks), stats.overall_adherence(weeks))
        )
    pain = stats.pain_by_session(sessions)
    rated = [p for p in pain if p.before is not None and p.after is not None]
    # Every session where both places were given, rated or not (the chart keeps
    # only the rated ones; the place is worth reporting on its own).
    moved = (classify(s.pain_where_before, s.pain_where_after) for s in sessions)
    shifts: Counter[PainShift] = Counter(m for m in moved if m is not PainShift.UNKNOWN)
    troubles = sorted(
        (t for t in stats.exercise_totals(exercises) if t.times_partial + t.times_skipped),
        key=lambda t: -(t.times_partial + t.times_skipped),
    )
    return ReportFigures(
        first=first,
        last=last,
        routines=tuple(routines),
        totals=totals_of(sessions),
        pain=tuple(pain),
        pain_rose=sum(1 for p in rated if (p.after or 0) > (p.before or 0)),
        pain_fell=sum(1 for p in rated if (p.after or 0) < (p.before or 0)),
        pain_same=sum(1 for p in rated if p.after == p.before),
        shifts=dict(shifts),
        stops=tuple(
            DatedStop(s.local_date, s.routine_title, stop)
            for s, stop in stops
            if first <= s.local_date <= last
        ),
        troubles=tuple(troubles[:6]),
        notes=tuple((s.local_date, s.routine_title, s.notes) for s in sessions if s.notes.strip()),
    )


@dataclass(frozen=True)
class StageSessions:
    """The sessions of the period done in one programme stage (issue 16)."""

    programme_id: str
    stage_index: int
    first: date
    last: date
    sessions: int
    completed: int
    in_flare_up: int  # done while a flare-up plan ran


def sessions_by_stage(
    sessions: Sequence[SessionSummary], stage_of: Mapping[int, tuple[str, int, bool]]
) -> list[StageSessions]:
    """Each stage's sessions, in the order the stages were first met.

    `stage_of`: session id -> (programme id, stage index, in a flare-up plan), for
    the sessions done in a programme; the others are not counted here.
    """
    rows: dict[tuple[str, int], StageSessions] = {}
    for session in sorted(sessions, key=lambda s: s.started_at):
        found = stage_of.get(session.id)
        if found is None:
            continue
        programme_id, index, flare_up = found
        row = rows.get((programme_id, index))
        done = session.status is SessionStatus.COMPLETED
        if row is None:
            rows[(programme_id, index)] = StageSessions(
                programme_id,
                index,
                session.local_date,
                session.local_date,
                1,
                int(done),
                int(flare_up),
            )
            continue
        rows[(programme_id, index)] = StageSessions(
            programme_id,
            index,
            min(row.first, session.local_date),
            max(row.last, session.local_date),
            row.sessions + 1,
            row.completed + int(done),
            row.in_flare_up + int(flare_up),
        )
    return list(rows.values())
