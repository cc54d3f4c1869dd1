"""Watching how the programme goes: the next-morning check, going back a stage,
the four-week review and the week-3 drop-off.

The next-morning check is the pain-monitoring model physiotherapists use: the
morning after a session the patient says whether their pain is better, the same
or worse than before it. Worse two mornings running, or pain after a session
above the stage's limit, suggests going back a stage and contacting the
therapist; never more than a suggestion.

The seeds give "no improvement after 4 weeks" as a reason to see a professional,
and "the week 3 slump: that's when most quit". The drop-off word encourages
keeping going and says, every time, not to push through pain.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from timer_app.core.describe import Translate, english
from timer_app.core.programme.calendar import enrolled_stage
from timer_app.core.programme.model import Enrolment, Programme
from timer_app.core.programme.rules import (
    ProgrammeSession,
    in_flare_up,
    stage_sessions,
)
from timer_app.core.routine import Frequency

REVIEW_DAYS = 28  # "no improvement after 4 weeks"


class MorningAnswer(StrEnum):
    BETTER = "better"
    SAME = "same"
    WORSE = "worse"


@dataclass(frozen=True)
class MorningCheck:
    """One morning's answer; None when the question was closed unanswered."""

    day: date
    answer: MorningAnswer | None


@dataclass(frozen=True)
class StepBack:
    """The suggestion to go back a stage (when there is one) and contact the therapist."""

    suggested: bool
    can_go_back: bool  # not in the first stage
    reasons: tuple[str, ...]


def morning_check_due(
    sessions: Sequence[ProgrammeSession], checks: Sequence[MorningCheck], today: date
) -> bool:
    """Ask today when there was a session yesterday (any, even ended early) and
    today's question has not been asked yet (answered or closed)."""
    yesterday = today - timedelta(days=1)
    had_session = any(s.day == yesterday for s in sessions)
    return had_session and not any(c.day == today for c in checks)


def step_back(
    programme: Programme,
    enrolment: Enrolment,
    sessions: Sequence[ProgrammeSession],
    checks: Sequence[MorningCheck],
    today: date,
    translate: Translate = english,
) -> StepBack:
    """Worse on two mornings running (the last two answers, on consecutive days,
    the later today or yesterday), or the last session's pain after above the
    stage's `pain_after_max` (within the last two days)."""
    reasons: list[str] = []
    answered = sorted((c for c in checks if c.answer is not None), key=lambda c: c.day)
    if len(answered) >= 2:
        before, last = answered[-2], answered[-1]
        if (
            before.answer is MorningAnswer.WORSE
            and last.answer is MorningAnswer.WORSE
            and last.day - before.day == timedelta(days=1)
            and today - last.day <= timedelta(days=1)
        ):
            reasons.append(translate("Programme", "Your pain was worse two mornings running."))
    limit = programme.advance_when.pain_after_max
    rated = sorted(
        (s for s in sessions if s.pain_after is not None and s.day <= today), key=lambda s: s.day
    )
    if limit is not None and rated:
        last_session = rated[-1]
        pain = last_session.pain_after
        if pain is not None and pain > limit and today - last_session.day <= timedelta(days=1):
            reasons.append(
                translate(
                    "Programme",
                    "Your pain after your last session was {pain} out of 10, above {limit}.",
                ).format(pain=pain, limit=limit)
            )
    return StepBack(bool(reasons), enrolment.stage_index > 0, tuple(reasons))


def review_due(
    enrolment: Enrolment,
    sessions: Sequence[ProgrammeSession],
    checks: Sequence[MorningCheck],
    today: date,
) -> bool:
    """After 4 weeks of the programme, True when neither the pain before sessions
    nor the morning checks of the last 4 weeks show an improvement.

    Pain before: the mean of the first 7 days of the window against the last 7
    (at least one rating in each); lower is an improvement. Morning checks: more
    "better" than "worse" is one. With no ratings and no answers at all there is
    nothing to judge and no review is asked for."""
    if (today - enrolment.started_on).days < REVIEW_DAYS:
        return False
    start = today - timedelta(days=REVIEW_DAYS - 1)
    window = [s for s in sessions if start <= s.day <= today and s.pain_before is not None]
    first = [
        s.pain_before
        for s in window
        if s.day < start + timedelta(days=7) and s.pain_before is not None
    ]
    last = [
        s.pain_before
        for s in window
        if s.day > today - timedelta(days=7) and s.pain_before is not None
    ]
    answers = [c.answer for c in checks if start <= c.day <= today and c.answer is not None]
    judged = False
    if first and last:
        judged = True
        if sum(last) / len(last) < sum(first) / len(first):
            return False
    if answers:
        judged = True
        if answers.count(MorningAnswer.BETTER) > answers.count(MorningAnswer.WORSE):
            return False
    return judged


def dropping_off(
    programme: Programme,
    enrolment: Enrolment,
    sessions: Sequence[ProgrammeSession],
    today: date,
    own: dict[str, Frequency | None] | None = None,
) -> bool:
    """Sessions dropped off: fewer done in the last 7 days than in the 7 before,
    and fewer than the stage's `sessions_done` share of those due. Never during a
    flare-up, and only once the stage has run two weeks to compare."""
    if in_flare_up(enrolment, today) or (today - enrolment.stage_started_on).days < 13:
        return False
    stage = enrolled_stage(programme, enrolment)
    ids = set(stage.routines)

    def done_between(first: date, last: date) -> int:
        return sum(
            1 for s in sessions if s.completed and s.routine_id in ids and first <= s.day <= last
        )

    recent = done_between(today - timedelta(days=6), today)
    earlier = done_between(today - timedelta(days=13), today - timedelta(days=7))
    recent_enrolment = Enrolment(
        enrolment.programme_id,
        enrolment.started_on,
        enrolment.stage_index,
        today - timedelta(days=6),
    )
    done, due = stage_sessions(programme, recent_enrolment, sessions, today, own)
    return recent < earlier and done < programme.advance_when.sessions_done * due


def drop_off_words(translate: Translate = english) -> str:
    """The week-3 word: keep going, at your own pace, never through pain."""
    return translate(
        "Programme",
        "Fewer sessions this week. Week 3 is when most people quit: a short session "
        "still keeps you going. Never push through pain: stop the exercise and talk "
        "to your therapist if it hurts.",
    )


def step_back_words(step: StepBack, translate: Translate = english) -> str:
    """What the app suggests when `step_back` says so."""
    if step.can_go_back:
        return translate(
            "Programme",
            "Consider going back to the previous stage, and contact your therapist.",
        )
    return translate("Programme", "Consider easing off, and contact your therapist.")


def review_words(translate: Translate = english) -> str:
    return translate(
        "Programme",
        "Four weeks in, your pain has not improved. It is time to see your therapist again.",
    )
