"""Where the patient stands in their programme today: one function for every view.

`programme_status` makes the figures that `timer-app program status [--json]`
prints and the Routines page's card shows ("Week 3 of 8 · Increase hold times ·
today: session 1 of 2 done"), so the two can never disagree. `as_json` is the
CLI's JSON; `headline` the card's first line.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from timer_app.core.describe import Translate, english
from timer_app.core.programme.calendar import (
    enrolled_stage,
    plan_week,
    stage_due_to_end,
    stage_end,
    stage_week,
)
from timer_app.core.programme.model import Enrolment, Programme
from timer_app.core.programme.monitoring import (
    MorningCheck,
    StepBack,
    dropping_off,
    review_due,
    step_back,
)
from timer_app.core.programme.rules import (
    AdvanceCheck,
    DueNow,
    ProgrammeSession,
    advance_check,
    due_now,
    in_flare_up,
)
from timer_app.core.routine import Frequency


@dataclass(frozen=True)
class ProgrammeStatus:
    programme_id: str
    title: str
    today: date
    started_on: date
    week: int  # of the programme, 1-based (0 before its start)
    # The planned weeks: with an open-ended last stage ("9+"), the weeks before
    # it (an "8 weeks" programme with a "9+" stage reads "Week 3 of 8").
    total_weeks: int | None
    stage_index: int
    stage_count: int
    stage_name: str
    stage_week: int
    stage_weeks: int | None
    stage_started_on: date
    stage_ends_on: date | None
    stage_over: bool  # its planned weeks are done: time for the marker question
    marker: str | None
    due: DueNow
    advance: AdvanceCheck
    step_back: StepBack
    review_due: bool  # four weeks without improvement: see the therapist
    dropping_off: bool  # sessions dropped off: the week-3 word
    flare_up_until: date | None  # set while a flare-up plan runs (inclusive)


def programme_status(
    programme: Programme,
    enrolment: Enrolment,
    sessions: Sequence[ProgrammeSession],
    checks: Sequence[MorningCheck],
    today: date,
    own: Mapping[str, Frequency | None] | None = None,
    translate: Translate = english,
) -> ProgrammeStatus:
    """Every figure of the programme today, from the stored enrolment and history."""
    stage = enrolled_stage(programme, enrolment)
    frequencies = dict(own or {})
    return ProgrammeStatus(
        programme_id=programme.id,
        title=programme.title,
        today=today,
        started_on=enrolment.started_on,
        week=plan_week(programme, enrolment, today),
        total_weeks=planned_weeks(programme),
        stage_index=min(enrolment.stage_index, len(programme.stages) - 1),
        stage_count=len(programme.stages),
        stage_name=stage.name,
        stage_week=stage_week(enrolment, today),
        stage_weeks=stage.weeks,
        stage_started_on=enrolment.stage_started_on,
        stage_ends_on=stage_end(programme, enrolment),
        stage_over=stage_due_to_end(programme, enrolment, today),
        marker=stage.marker,
        due=due_now(programme, enrolment, sessions, today, frequencies),
        advance=advance_check(programme, enrolment, sessions, today, frequencies, translate),
        step_back=step_back(programme, enrolment, sessions, checks, today, translate),
        review_due=review_due(enrolment, sessions, checks, today),
        dropping_off=dropping_off(programme, enrolment, sessions, today, frequencies),
        flare_up_until=enrolment.flare_up_until if in_flare_up(enrolment, today) else None,
    )


def planned_weeks(programme: Programme) -> int | None:
    """The last week of the last stage with an end; None when no stage has one."""
    ends = [s.last_week for s in programme.stages if s.last_week is not None]
    return max(ends) if ends else None


def headline(
    status: ProgrammeStatus,
    translate: Translate = english,
    day_words: Callable[[date], str] = date.isoformat,
) -> str:
    """ "Week 3 of 8 · Increase hold times · today: session 1 of 2 done".

    `day_words` writes a date: ISO for a terminal and JSON, the History page's
    "Sun 06 Dec" on the card, so the app gives one date one wording."""
    if status.today < status.started_on:  # started with a later date: nothing due yet
        starts = translate("Programme", "Starts on {day}").format(day=day_words(status.started_on))
        return " · ".join((starts, status.stage_name))
    if status.total_weeks is None or status.week > status.total_weeks:
        week = translate("Programme", "Week {week}").format(week=status.week)
    else:
        week = translate("Programme", "Week {week} of {total}").format(
            week=status.week, total=status.total_weeks
        )
    if status.flare_up_until is not None:
        # The stage's "today: 2 to do" counts routines the flare-up plan replaces:
        # it stayed "none done yet" however many flare-up sessions were done.
        plan = translate("Programme", "flare-up plan until {day}").format(
            day=day_words(status.flare_up_until)
        )
        return " · ".join((week, status.stage_name, plan))
    return " · ".join((week, status.stage_name, due_words(status.due, translate)))


def due_words(due: DueNow, translate: Translate = english) -> str:
    """ "today: session 1 of 2 done", "this week: 1 of 3 done"."""
    if due.period == "week":
        return translate("Programme", "this week: {done} of {due} done").format(
            done=due.done, due=due.due
        )
    if due.done == 0:  # "session 0 of 2 done" read as a count of nothing
        return translate("Programme", "today: {due} to do, none done yet").format(due=due.due)
    return translate("Programme", "today: session {done} of {due} done").format(
        done=due.done, due=due.due
    )


def as_json(status: ProgrammeStatus, translate: Translate = english) -> dict[str, Any]:
    """`program status --json`: the card's figures, by name (dates as YYYY-MM-DD)."""

    def day(value: date | None) -> str | None:
        return None if value is None else value.isoformat()

    return {
        "programme": status.programme_id,
        "title": status.title,
        "today": day(status.today),
        "started_on": day(status.started_on),
        "week": status.week,
        "total_weeks": status.total_weeks,
        "stage": {
            "number": status.stage_index + 1,
            "of": status.stage_count,
            "name": status.stage_name,
            "week": status.stage_week,
            "weeks": status.stage_weeks,
            "started_on": day(status.stage_started_on),
            "ends_on": day(status.stage_ends_on),
            "over": status.stage_over,
            "marker": status.marker,
        },
        "due": {"period": status.due.period, "due": status.due.due, "done": status.due.done},
        "progress": {
            "sessions_done": status.advance.sessions_done,
            "sessions_due": status.advance.sessions_due,
            "ready_for_next_stage": status.advance.ready,
            "therapist_decides": status.advance.therapist_decides,
            "not_ready_because": list(status.advance.reasons),
        },
        "step_back_suggested": status.step_back.suggested,
        "step_back_because": list(status.step_back.reasons),
        "review_due": status.review_due,
        "dropping_off": status.dropping_off,
        "flare_up_until": day(status.flare_up_until),
        "headline": headline(status, translate),
    }
