"""Stage arithmetic: which week of the programme and of its stage a day falls in.

Everything here counts local calendar *dates*, never datetimes: a week is seven
dates, so a clock change (23 or 25 hours in a day) cannot move a session into
another week, and a gap of weeks without opening the app changes nothing but the
count. The caller turns "now" into today's local date once, with its clock.
Week 1 is the start date and the six days after it; a day before the start is
week 0.
"""

from __future__ import annotations

from datetime import date, timedelta

from timer_app.core.programme.model import Enrolment, Programme, Stage

DAYS_PER_WEEK = 7


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
    return enrolment.stage_started_on + timedelta(days=weeks * DAYS_PER_WEEK - 1)


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
