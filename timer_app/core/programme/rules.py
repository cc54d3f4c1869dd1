"""The programme's rules for one day: what is due, whether to move on, the flare-up window.

Pure arithmetic on local calendar dates (never datetimes: a DST change cannot move
a day) over the sessions a storage query hands in (`ProgrammeSession`). The
therapist stays in charge ("The therapist stays in charge of a programme" in
docs/design.md): the app only ever *suggests* the next stage when the file's
`advance_when` holds, and with `advance: therapist` it says to ask them.

A stage's routines are each due at the stage's frequency (or the routine's own
when the stage gives none, else once a day). A day (or a week, for N×/week)
counts at most its due sessions per routine, as the History page's adherence
does, so three sessions on one day never make up for two missed days.

Words pass through an injected `translate` (Qt's shape, `core.describe`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from timer_app.core.describe import Translate, english
from timer_app.core.programme.calendar import enrolled_stage
from timer_app.core.programme.model import Advance, Enrolment, Programme, Stage
from timer_app.core.routine import Frequency

ONCE_A_DAY = Frequency(1, "day")


@dataclass(frozen=True)
class ProgrammeSession:
    """One session as the rules need it (read from the history)."""

    day: date  # the local day it counts for
    routine_id: str
    completed: bool  # ended early or interrupted sessions are listed but never count
    pain_before: int | None = None
    pain_after: int | None = None
    stopped_for_spread: bool = False  # a "Stop – it hurts": pain spread down the leg


@dataclass(frozen=True)
class DueNow:
    """Sessions due and done in the current period: today, or this week (Mon–Sun)."""

    period: str  # "day" | "week"
    due: int
    done: int


@dataclass(frozen=True)
class AdvanceCheck:
    """Whether the stage's conditions for the next stage hold, and why not."""

    ready: bool
    reasons: tuple[str, ...]  # plain words, one per condition not met
    therapist_decides: bool  # `advance: therapist`: ask them, never a suggestion
    sessions_done: int
    sessions_due: int


def routine_frequency(
    stage: Stage, routine_id: str, own: Mapping[str, Frequency | None] | None = None
) -> Frequency:
    """The stage's frequency, else the routine's own, else once a day."""
    if stage.frequency is not None:
        return stage.frequency
    found = (own or {}).get(routine_id)
    return found if found is not None else ONCE_A_DAY


def week_start(day: date) -> date:
    """The Monday of `day`'s week (weekly frequencies count Monday to Sunday)."""
    return day - timedelta(days=day.weekday())


def in_stage(
    sessions: Iterable[ProgrammeSession], stage: Stage, since: date, until: date
) -> list[ProgrammeSession]:
    """Completed sessions of the stage's routines between two days, inclusive."""
    ids = set(stage.routines)
    return [s for s in sessions if s.completed and s.routine_id in ids and since <= s.day <= until]


def due_now(
    programme: Programme,
    enrolment: Enrolment,
    sessions: Iterable[ProgrammeSession],
    today: date,
    own: Mapping[str, Frequency | None] | None = None,
) -> DueNow:
    """Today's sessions due and done ("today: session 1 of 2 done"); for a stage
    whose routines are all weekly, this week's ("this week: 1 of 3 done")."""
    stage = enrolled_stage(programme, enrolment)
    frequencies = {r: routine_frequency(stage, r, own) for r in stage.routines}
    weekly = bool(frequencies) and all(f.period == "week" for f in frequencies.values())
    since = max(week_start(today), enrolment.stage_started_on) if weekly else today
    done_by_routine = Counter(s.routine_id for s in in_stage(sessions, stage, since, today))
    due = done = 0
    for routine_id, frequency in frequencies.items():
        times = frequency.times if frequency.period == ("week" if weekly else "day") else 1
        due += times
        done += min(done_by_routine[routine_id], times)
    return DueNow("week" if weekly else "day", due, done)


def stage_sessions(
    programme: Programme,
    enrolment: Enrolment,
    sessions: Iterable[ProgrammeSession],
    today: date,
    own: Mapping[str, Frequency | None] | None = None,
) -> tuple[int, int]:
    """(done, due) in the stage's planned weeks up to today, inclusive.

    Counted from the stage's first day, or, once the stage has run longer than
    planned, over its last planned weeks (`counted_since`): a start dated a year
    back read "0 of 701 due; 561 needed to move on", where the stage plans 28.
    Each day (each week for N×/week) counts at most its due sessions per routine,
    so `done <= due` always."""
    stage = enrolled_stage(programme, enrolment)
    start = counted_since(stage, enrolment.stage_started_on, today)
    if today < start:
        return 0, 0
    days = (today - start).days + 1
    done_sessions = in_stage(sessions, stage, start, today)
    done = due = 0
    for routine_id in stage.routines:
        frequency = routine_frequency(stage, routine_id, own)
        mine = [s.day for s in done_sessions if s.routine_id == routine_id]
        if frequency.period == "week":
            by_week = Counter((s - start).days // 7 for s in mine)
            for week in range((days + 6) // 7):
                # A week not over yet is due in proportion to its days gone.
                week_due = math.ceil(frequency.times * min(7, days - 7 * week) / 7)
                due += week_due
                done += min(by_week[week], week_due)
        else:
            due += frequency.times * days
            done += sum(min(n, frequency.times) for n in Counter(mine).values())
    return done, due


def counted_since(stage: Stage, stage_started_on: date, today: date) -> date:
    """The first day whose sessions count towards moving on: the stage's start, or
    the first day of its last planned weeks up to today when it has run longer
    (an open-ended stage counts from its start). A patient who caught up after a
    slow start moves on on the weeks just done, not on a debt of every day since."""
    if stage.weeks is None:
        return stage_started_on
    return max(stage_started_on, today - timedelta(days=stage.weeks * 7 - 1))


def advance_check(
    programme: Programme,
    enrolment: Enrolment,
    sessions: Sequence[ProgrammeSession],
    today: date,
    own: Mapping[str, Frequency | None] | None = None,
    translate: Translate = english,
) -> AdvanceCheck:
    """Whether `advance_when` holds for the current stage today, with plain-words
    reasons for each condition that does not. Pain after a session counts over
    the stage's last 7 days (a bad day early on is not held against it for ever)."""
    stage = enrolled_stage(programme, enrolment)
    rules = programme.advance_when
    done, due = stage_sessions(programme, enrolment, sessions, today, own)
    reasons: list[str] = []
    if enrolment.stage_index >= len(programme.stages) - 1:
        reasons.append(translate("Programme", "This is the programme's last stage."))
    if in_flare_up(enrolment, today):
        reasons.append(
            translate("Programme", "You are following your flare-up plan until {day}.").format(
                day=enrolment.flare_up_until.isoformat() if enrolment.flare_up_until else ""
            )
        )
    needed = math.ceil(rules.sessions_done * due - 1e-9)
    if done < needed:
        reasons.append(
            translate(
                "Programme",
                "You did {done} of the {due} sessions due in this stage; "
                "{needed} are needed to move on.",
            ).format(done=done, due=due, needed=needed)
        )
    recent = in_stage(
        sessions, stage, max(enrolment.stage_started_on, today - timedelta(days=6)), today
    )
    if rules.pain_after_max is not None:
        worst = max((s.pain_after for s in recent if s.pain_after is not None), default=None)
        if worst is not None and worst > rules.pain_after_max:
            reasons.append(
                translate(
                    "Programme",
                    "Your pain after a session this week was {worst} out of 10; "
                    "moving on needs it at {limit} or less.",
                ).format(worst=worst, limit=rules.pain_after_max)
            )
    if rules.no_stops_for_spread and any(
        s.stopped_for_spread for s in sessions if enrolment.stage_started_on <= s.day <= today
    ):
        reasons.append(
            translate(
                "Programme",
                "You stopped an exercise in this stage because pain spread down your leg.",
            )
        )
    return AdvanceCheck(
        ready=not reasons,
        reasons=tuple(reasons),
        therapist_decides=programme.advance is Advance.THERAPIST,
        sessions_done=done,
        sessions_due=due,
    )


def in_flare_up(enrolment: Enrolment, today: date) -> bool:
    """True from the flare-up's first day to its last (`flare_up_until`), inclusive."""
    return enrolment.flare_up_until is not None and today <= enrolment.flare_up_until


def flare_up_until(programme: Programme, start: date) -> date:
    """The last day of a flare-up started on `start`: the therapist's days (default 3)."""
    return start + timedelta(days=max(programme.flare_up.days, 1) - 1)
