"""What the history says about today, for the reminders: due, done, running, which routine.

In a programme, what is due today is the programme's (`ProgrammeStatus.due`, the
card's figures) and the reminder names the first of the stage's routines not yet
done today; during a flare-up plan, its routine with that routine's own due.
Otherwise it comes from the routine's `frequency:`: N×/day is N
sessions today; N×/week is one session a day until the week's N are done; no
frequency leaves each reminder time asking for one. Only completed sessions
count, as everywhere in the figures: one finished with part skipped (partly_done)
is not today's session done, so the reminder still asks for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from timer_app.core.history import SessionStatus, SessionSummary
from timer_app.core.plan import plan_size
from timer_app.core.programme.status import ProgrammeStatus
from timer_app.core.reminders.schedule import DayFacts
from timer_app.core.routine import Routine

# A session is at most 4 h (the plan's bound): one "in progress" for longer was
# left by a crash and must not silence reminders for the rest of the day.
_LONGEST_SESSION = timedelta(hours=4)
_FINISHED = (SessionStatus.COMPLETED, SessionStatus.PARTLY_DONE)  # reached the end


def week_start(day: date) -> date:
    """The Monday of `day`'s week: `list_sessions(since=...)` for `day_facts`."""
    return day - timedelta(days=day.weekday())


def sessions_since(day: date) -> date:
    """Where the reminders start reading the history (`list_sessions(since=...)`):
    this week's sessions give the counts; the four weeks before it, which routine
    the reminder names. A patient whose last session was last Friday is reminded
    of that routine on Monday, not told to choose one."""
    return week_start(day) - timedelta(weeks=4)


def reminder_routine(
    routines: Sequence[Routine], recent: Sequence[SessionSummary]
) -> Routine | None:
    """The routine reminders are about: the one last finished, else one suggesting times.

    `recent` is newest first (as `list_sessions` returns it). A session finished
    with part skipped names its routine too: it is the routine the person does (it
    was "completed" before that status existed), though it is no session done.
    """
    by_id = {r.id: r for r in routines}
    for routine in routines:
        for old in routine.replaces:
            by_id.setdefault(old, routine)
    for session in recent:
        if session.status in _FINISHED and session.routine_id in by_id:
            return by_id[session.routine_id]
    # Never done yet: only a routine that asks for reminders (remind_at:), daily
    # ones first; otherwise the reminder names no routine rather than guess one.
    suggesting = [r for r in routines if r.remind_at]
    daily = [r for r in suggesting if r.frequency is not None and r.frequency.period == "day"]
    chosen = daily or suggesting
    return chosen[0] if chosen else None


def programme_day_facts(
    status: ProgrammeStatus,
    stage_routines: Sequence[Routine],
    sessions: Sequence[SessionSummary],
    now: datetime,
    flare_up: Routine | None = None,
) -> DayFacts:
    """Today's facts in a programme: its due and done, the stage routine still to do.

    During a flare-up plan, the flare-up routine's (`flare_up`) as any routine's:
    the stage's routines are set aside until the card's "flare-up plan until DATE",
    and reminders named them with "2 sessions to do today"."""
    if status.flare_up_until is not None and flare_up is not None:
        return day_facts(flare_up, sessions, now)
    today = now.date()
    done_today = {
        s.routine_id
        for s in sessions
        if s.status is SessionStatus.COMPLETED and s.local_date == today
    }
    routine = next((r for r in stage_routines if r.id not in done_today), None)
    routine = routine or (stage_routines[0] if stage_routines else None)
    due, done = status.due.due, status.due.done
    if status.due.period != "day":
        # A weekly stage: one a day until the week's sessions are done.
        week_done = done >= due or bool(done_today & {r.id for r in stage_routines})
        week_left = max(0, due - done)
        due, done = 1, int(week_done)
    else:
        week_left = None
    minutes = None if routine is None else max(1, round(plan_size(routine).seconds / 60))
    return DayFacts(
        due,
        done,
        _running(sessions, now),
        None if routine is None else routine.id,
        None if routine is None else routine.title,
        minutes,
        week_left,
    )


def _running(sessions: Sequence[SessionSummary], now: datetime) -> bool:
    return any(
        s.status is SessionStatus.IN_PROGRESS and now - s.started_at < _LONGEST_SESSION
        for s in sessions
    )


def day_facts(
    routine: Routine | None, sessions: Sequence[SessionSummary], now: datetime
) -> DayFacts:
    """Today's facts from this week's sessions (any routine; `now` aware, local)."""
    today = now.date()
    running = _running(sessions, now)
    if routine is None:
        return DayFacts(0, 0, running, None, None, None)
    ids = {routine.id, *routine.replaces}
    completed = [s for s in sessions if s.status is SessionStatus.COMPLETED and s.routine_id in ids]
    done_today = sum(1 for s in completed if s.local_date == today)
    due, done = 0, done_today
    week_left: int | None = None
    frequency = routine.frequency
    if frequency is not None and frequency.period == "day":
        due = frequency.times
    elif frequency is not None:
        this_week = sum(1 for s in completed if week_start(today) <= s.local_date <= today)
        # The week's sessions done: nothing due today; otherwise one today.
        due, done = (1, 1) if this_week >= frequency.times else (1, min(done_today, 1))
        week_left = max(0, frequency.times - this_week)
    minutes = max(1, round(plan_size(routine).seconds / 60))
    return DayFacts(due, done, running, routine.id, routine.title, minutes, week_left)
