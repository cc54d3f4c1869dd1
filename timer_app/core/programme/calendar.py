"""Stage arithmetic: which week of the programme and of its stage a day falls in.

Everything here counts local calendar *dates*, never datetimes: a week is seven
dates, so a clock change (23 or 25 hours in a day) cannot move a session into
another week, and a gap of weeks without opening the app changes nothing but the
count. The caller turns "now" into today's local date once, with its clock.
Week 1 is the start date and the six days after it; a day before the start is
week 0.

Date arithmetic here never raises: a stage's end past 9999-12-31 is that day.
A start date far from today (typed as 9999-12-31, or an old file's bad data)
is refused at a start (`start_date_problem`) and said plainly where a stored
one is read (`enrolment_date_problem`), instead of "Week 6623" or a crash.
"""

from __future__ import annotations

from datetime import date, timedelta

from timer_app.core.programme.model import Enrolment, Programme, Stage

DAYS_PER_WEEK = 7
# How far from today a programme may start. A year back covers a patient who
# starts recording a plan begun months ago at the clinic (the longest stages
# span weeks, MAX_WEEK two years, but a year of missing sessions is a new
# start); a year ahead covers a plan given before a surgery or a long trip.
# Past that a date is a typing mistake (9999-12-31, 1900-01-01), whose weeks
# ("Week 6623") mean nothing.
START_WINDOW = timedelta(days=366)


def shifted(day: date, days: int) -> date:
    """`day` moved by `days`, held at the calendar's ends instead of OverflowError."""
    if days >= 0:
        return day + timedelta(days=days) if (date.max - day).days >= days else date.max
    return day + timedelta(days=days) if (day - date.min).days >= -days else date.min


def start_window(today: date) -> tuple[date, date]:
    """The first and last day a programme started today may name as its first."""
    return shifted(today, -START_WINDOW.days), shifted(today, START_WINDOW.days)


def start_date_problem(on: date, today: date) -> str | None:
    """Why `on` cannot be a programme's first day, in plain words; None when it can."""
    first, last = start_window(today)
    if first <= on <= last:
        return None
    side = "before" if on < first else "after"
    return (
        f"a programme's first day must be within a year of today, from "
        f"{first.isoformat()} to {last.isoformat()}; {on.isoformat()} is {side} that"
    )


def wild_enrolment_date(enrolment: Enrolment, today: date) -> date | None:
    """A stored start (of the programme or its stage) outside the start window, or None.

    An older version (or a hand-edited history) could store 9999-12-31; the
    card and `program status` say so and offer a stop or a new start. A stage
    started by the patient is started today, so it is never outside on its own
    except by such data.
    """
    for day in (enrolment.started_on, enrolment.stage_started_on):
        if start_date_problem(day, today) is not None:
            return day
    return None


def enrolment_date_problem(enrolment: Enrolment, today: date) -> str | None:
    """`wild_enrolment_date` in plain words, or None."""
    day = wild_enrolment_date(enrolment, today)
    if day is None:
        return None
    return (
        f"your programme's start date, {day.isoformat()}, is more than a year from "
        "today, so its weeks cannot be counted; stop the programme and start it again"
    )


def weeks_since(start: date, today: date) -> int:
    """The 1-based week `today` falls in, counting from `start`; 0 before `start`."""
    days = (today - start).days
    return 0 if days < 0 else days // DAYS_PER_WEEK + 1


def programme_week(enrolment: Enrolment, today: date) -> int:
    """The week of the programme today is in (1-based; before the start, 0)."""
    return weeks_since(enrolment.started_on, today)


def plan_week(programme: Programme, enrolment: Enrolment, today: date) -> int:
    """The week of the plan the patient is in, as the card says it ("Week 3 of 8").

    Counted from the programme's start, except where that would put the patient
    behind their stage: someone started (or moved by their therapist's file) at
    "Increase hold times, weeks 3-4" is in week 3 on its first day, not week 1.
    A stage that took longer than planned keeps counting from the start, so the
    week never goes back.
    """
    weeks = programme_week(enrolment, today)
    in_stage = stage_week(enrolment, today)
    if weeks == 0 or in_stage == 0:
        return weeks
    return max(weeks, enrolled_stage(programme, enrolment).first_week + in_stage - 1)


def stage_week(enrolment: Enrolment, today: date) -> int:
    """The week of the current stage today is in (1-based; before it started, 0)."""
    return weeks_since(enrolment.stage_started_on, today)


def enrolled_stage(programme: Programme, enrolment: Enrolment) -> Stage:
    """The enrolment's stage; a stored index past a shortened file's stages is its last."""
    index = min(max(enrolment.stage_index, 0), len(programme.stages) - 1)
    return programme.stages[index]


def stage_end(programme: Programme, enrolment: Enrolment) -> date | None:
    """The last day of the current stage as planned, from the day it started.

    A stage lasts its own number of weeks from when the patient started it, so a
    stage begun late (the previous one took longer) still gets all its weeks.
    None for an open-ended stage ("9+").
    """
    weeks = enrolled_stage(programme, enrolment).weeks
    if weeks is None:
        return None
    return shifted(enrolment.stage_started_on, weeks * DAYS_PER_WEEK - 1)


def stage_due_to_end(programme: Programme, enrolment: Enrolment, today: date) -> bool:
    """Whether today is the current stage's last planned day, or past it."""
    end = stage_end(programme, enrolment)
    return end is not None and today >= end


def planned_stage_index(programme: Programme, enrolment: Enrolment, today: date) -> int:
    """The stage the calendar alone would put today in, from the programme's start.

    Before the start, the first; past the last stage's last week, the last.
    """
    week = programme_week(enrolment, today)
    for index, stage in enumerate(programme.stages):
        if stage.last_week is None or week <= stage.last_week:
            return index
    return len(programme.stages) - 1
