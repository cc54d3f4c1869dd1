"""The figures the GUI shows, as pure functions of plain records.

Inputs are any records with `local_date`, `status` (and `pain_before`/`pain_after`
for the pain figures): `SessionFacts` from `HistoryReader.session_facts()` (cheap
for years of history) or `SessionSummary`. Pass the records of one routine to get
that routine's figures. `today` is always given, so the functions never read a
clock and every figure is about *local* days (the day a session counts for is
stored with it, so travel and DST never move it).

Rules (README, "Where your data lives"):
- A session *counts* toward the prescription when it was completed: it reached
  its end with every planned exercise done in full. A session finished with part
  of it skipped (partly_done), ended early or interrupted is shown in the history
  but does not count ("Done today ✓", the streak and adherence leave it out).
- Without a prescribed frequency, the routine is taken as once a day.
- Streak, daily routines (N×/day): consecutive days with at least N completed
  sessions, counted back from today; today not done yet does not break it (the
  streak then ends yesterday), since the day is not over.
- Streak, weekly routines (N×/week): counted in *weeks* (Monday to Sunday) with at
  least N completed sessions, back from this week; this week not done yet does not
  break it. A weekly routine leaves the person free to choose the days, so a day
  without a session must not break the streak.
- Adherence: completed ÷ prescribed, each period capped at 100 % (extra sessions
  on one day do not make up for a missed one). This week counts only what was due
  so far: days not yet lived are not due, and neither is what is left of today.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from timer_app.core.history import ExerciseRecord, Outcome, SessionStatus
from timer_app.core.pain_location import PainLocation, PainShift, classify
from timer_app.core.routine import Frequency

ONCE_A_DAY = Frequency(times=1, period="day")


class DatedSession(Protocol):
    @property
    def local_date(self) -> date: ...

    @property
    def status(self) -> SessionStatus: ...


class PainSession(DatedSession, Protocol):
    @property
    def pain_before(self) -> int | None: ...

    @property
    def pain_after(self) -> int | None: ...

    @property
    def pain_where_before(self) -> PainLocation | None: ...

    @property
    def pain_where_after(self) -> PainLocation | None: ...


@dataclass(frozen=True)
class Streak:
    count: int
    unit: str  # "day" or "week"


@dataclass(frozen=True)
class Adherence:
    """Sessions done against prescribed over one period (a day or a week)."""

    start: date  # the day, or the Monday of the week
    done: int  # completed sessions
    prescribed: int

    @property
    def percent(self) -> float:
        if self.prescribed <= 0:
            return 100.0
        return 100.0 * min(self.done, self.prescribed) / self.prescribed


@dataclass(frozen=True)
class SessionOrdinal:
    """ "Session 2 of 3 today" (period "day") or "... this week" (period "week")."""

    number: int  # the session about to be done: completed so far + 1
    of: int
    period: str


@dataclass(frozen=True)
class SessionPain:
    """One session's pain before and after (None: not rated). `slot` places it
    within its day (0 to 1), so the sessions of one day stand side by side."""

    day: date
    before: int | None
    after: int | None
    slot: float = 0.5
    # Where the pain went (core/pain_location.py): the chart marks the sessions
    # where it moved toward the spine or down the leg.
    shift: PainShift = PainShift.UNKNOWN


@dataclass(frozen=True)
class ExerciseTotal:
    name: str
    times_done: int
    times_skipped: int
    reps_done: int
    active_seconds: float
    times_partial: int = 0  # some of it done (some reps, or part of a hold)


def week_start(day: date) -> date:
    """The Monday of the week `day` is in."""
    return day - timedelta(days=day.weekday())


def completed_per_day(sessions: Iterable[DatedSession]) -> Counter[date]:
    return Counter(s.local_date for s in sessions if s.status == SessionStatus.COMPLETED)


def streak(
    sessions: Iterable[DatedSession], today: date, frequency: Frequency | None = None
) -> Streak:
    """Consecutive days (or weeks, for N×/week) meeting the frequency, up to today."""
    frequency = frequency or ONCE_A_DAY
    per_day = completed_per_day(sessions)
    if frequency.period == "week":
        per_week: Counter[date] = Counter()
        for day, n in per_day.items():
            per_week[week_start(day)] += n
        return Streak(
            _run(per_week, week_start(today), timedelta(weeks=1), frequency.times), "week"
        )
    return Streak(_run(per_day, today, timedelta(days=1), frequency.times), "day")


def _run(done: Counter[date], current: date, step: timedelta, needed: int) -> int:
    # The current period still in progress does not break the streak.
    count = 1 if done[current] >= needed else 0
    period = current - step
    while done[period] >= needed:
        count += 1
        period -= step
    return count


def daily_adherence(
    sessions: Iterable[DatedSession],
    first: date,
    last: date,
    frequency: Frequency | None = None,
) -> list[Adherence]:
    """One entry per day from `first` to `last`; a weekly routine prescribes its
    sessions per week, so per day it prescribes none (see `weekly_adherence`)."""
    frequency = frequency or ONCE_A_DAY
    per_day = completed_per_day(sessions)
    prescribed = frequency.times if frequency.period == "day" else 0
    days = (last - first).days + 1
    return [
        Adherence(day, per_day[day], prescribed)
        for day in (first + timedelta(days=i) for i in range(max(0, days)))
    ]


def weekly_adherence(
    sessions: Iterable[DatedSession],
    first: date,
    last: date,
    frequency: Frequency | None = None,
    *,
    today: date | None = None,
) -> list[Adherence]:
    """One entry per week (Monday first) from `first`'s week to `last`'s week.
    A daily routine's week is the sum of its capped days.

    With `today`, a week is counted only as far as it has been lived: days after
    today prescribe nothing, and today prescribes only the sessions already done
    (the day is not over, as for the streak), and days before the routine's first
    session on record prescribe nothing either. A weekly routine's week still in
    progress likewise prescribes only what is done: the person chooses the days,
    so nothing is overdue before the week ends. Without it, every week is whole.
    """
    frequency = frequency or ONCE_A_DAY
    sessions = list(sessions)
    per_day = completed_per_day(sessions)
    begun = min((s.local_date for s in sessions), default=today) if today else None
    out = []
    monday = week_start(first)
    while monday <= last:
        week = [monday + timedelta(days=i) for i in range(7)]
        if frequency.period == "week":
            done = sum(per_day[d] for d in week)
            open_week = today is not None and today <= week[-1]
            due = min(done, frequency.times) if open_week else frequency.times
            out.append(Adherence(monday, done, due))
        else:
            capped = {d: min(per_day[d], frequency.times) for d in week}
            done = sum(capped.values())
            due = sum(_due_on(d, capped[d], frequency.times, today, begun) for d in week)
            out.append(Adherence(monday, done, due))
        monday += timedelta(weeks=1)
    return out


def _due_on(day: date, done: int, times: int, today: date | None, begun: date | None) -> int:
    """Sessions a daily routine prescribed on `day` (see `weekly_adherence`)."""
    if today is None or begun is None:
        return times
    if day < begun or day > today:
        return 0
    return done if day == today else times


def overall_adherence(periods: Iterable[Adherence]) -> float:
    """Percent over several periods, each capped at what it prescribed."""
    done = prescribed = 0
    for p in periods:
        done += min(p.done, p.prescribed)
        prescribed += p.prescribed
    return 100.0 if prescribed == 0 else 100.0 * done / prescribed


def session_ordinal(
    sessions: Iterable[DatedSession], today: date, frequency: Frequency | None = None
) -> SessionOrdinal:
    """Which session of today (or this week) the next one is: "session 2 of 3 today"."""
    frequency = frequency or ONCE_A_DAY
    per_day = completed_per_day(sessions)
    if frequency.period == "week":
        monday = week_start(today)
        done = sum(per_day[monday + timedelta(days=i)] for i in range(7))
    else:
        done = per_day[today]
    return SessionOrdinal(done + 1, frequency.times, frequency.period)


def pain_by_session(sessions: Iterable[PainSession]) -> list[SessionPain]:
    """Each rated session's pain before and after, oldest first (in the order
    given within a day). Never a daily mean: a mean hides the session where pain
    rose. Every session counts, ended early included: pain is what was felt."""
    rated = sorted(
        (s for s in sessions if s.pain_before is not None or s.pain_after is not None),
        key=lambda s: s.local_date,  # stable: a day's sessions keep their order
    )
    per_day = Counter(s.local_date for s in rated)
    seen: Counter[date] = Counter()
    out = []
    for s in rated:
        slot = (seen[s.local_date] + 0.5) / per_day[s.local_date]
        seen[s.local_date] += 1
        shift = classify(s.pain_where_before, s.pain_where_after)
        out.append(SessionPain(s.local_date, s.pain_before, s.pain_after, slot, shift))
    return out


def exercise_totals(exercises: Iterable[ExerciseRecord]) -> list[ExerciseTotal]:
    """Totals per exercise name, in the order each name first appears."""
    done: Counter[str] = Counter()
    partial: Counter[str] = Counter()
    skipped: Counter[str] = Counter()
    reps: Counter[str] = Counter()
    seconds: defaultdict[str, float] = defaultdict(float)
    names: dict[str, None] = {}
    for e in exercises:
        names.setdefault(e.name)
        if e.outcome == Outcome.DONE:
            done[e.name] += 1
        elif e.outcome == Outcome.PARTIAL:
            partial[e.name] += 1
        elif e.outcome == Outcome.SKIPPED:
            skipped[e.name] += 1
        reps[e.name] += e.reps_done
        seconds[e.name] += e.active_seconds
    return [ExerciseTotal(n, done[n], skipped[n], reps[n], seconds[n], partial[n]) for n in names]
