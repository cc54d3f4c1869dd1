"""The next-morning check, going back a stage, the four-week review and the week-3 word."""

from __future__ import annotations

from datetime import timedelta

from tests.core.programme.rules_support import START, days, enrolment, programme, sessions_on
from timer_app.core.programme.monitoring import (
    MorningAnswer,
    MorningCheck,
    drop_off_words,
    dropping_off,
    morning_check_due,
    review_due,
    step_back,
    step_back_words,
)
from timer_app.core.programme.rules import ProgrammeSession

WORSE, SAME, BETTER = MorningAnswer.WORSE, MorningAnswer.SAME, MorningAnswer.BETTER
TUE, WED, THU, FRI = (START + timedelta(days=n) for n in (1, 2, 3, 4))


def test_the_morning_check_is_asked_the_day_after_a_session_once() -> None:
    yesterday = sessions_on([START])
    assert morning_check_due(yesterday, [], TUE)
    assert not morning_check_due(yesterday, [MorningCheck(TUE, None)], TUE)  # closed: asked
    assert not morning_check_due(yesterday, [], WED)  # no session yesterday
    assert not morning_check_due(sessions_on([TUE]), [], TUE)  # today's session: tomorrow
    assert morning_check_due(sessions_on([START], completed=False), [], TUE)  # ended early too


def test_worse_two_mornings_running_suggests_going_back_and_the_therapist() -> None:
    checks = [MorningCheck(TUE, WORSE), MorningCheck(WED, WORSE)]
    step = step_back(programme(), enrolment(1, START), [], checks, WED)
    assert step.suggested and step.can_go_back
    assert step.reasons == ("Your pain was worse two mornings running.",)
    assert step_back_words(step) == (
        "Consider going back to the previous stage, and contact your therapist."
    )
    first_stage = step_back(programme(), enrolment(0), [], checks, WED)
    assert not first_stage.can_go_back
    assert step_back_words(first_stage) == "Consider easing off, and contact your therapist."


def test_worse_mornings_not_running_do_not_suggest_going_back() -> None:
    apart = [MorningCheck(TUE, WORSE), MorningCheck(THU, WORSE)]
    assert not step_back(programme(), enrolment(1), [], apart, THU).suggested
    between = [MorningCheck(TUE, WORSE), MorningCheck(WED, SAME), MorningCheck(THU, WORSE)]
    assert not step_back(programme(), enrolment(1), [], between, THU).suggested
    # Unanswered mornings do not break a run: only answers are compared.
    closed = [MorningCheck(TUE, WORSE), MorningCheck(WED, WORSE), MorningCheck(THU, None)]
    assert step_back(programme(), enrolment(1), [], closed, THU).suggested
    # An old run does not keep suggesting it a week later.
    assert not step_back(
        programme(),
        enrolment(1),
        [],
        [*apart[:1], MorningCheck(WED, WORSE)],
        WED + timedelta(days=7),
    ).suggested


def test_pain_after_above_the_stage_limit_suggests_going_back() -> None:
    sore = [ProgrammeSession(WED, "core", True, pain_before=3, pain_after=6)]
    step = step_back(programme(pain_after_max=4), enrolment(1), sore, [], THU)
    assert step.reasons == ("Your pain after your last session was 6 out of 10, above 4.",)
    assert not step_back(programme(), enrolment(1), sore, [], THU).suggested  # no limit set
    at_limit = [ProgrammeSession(WED, "core", True, pain_after=4)]
    assert not step_back(programme(pain_after_max=4), enrolment(1), at_limit, [], THU).suggested
    eased = [*sore, ProgrammeSession(THU, "core", True, pain_after=2)]
    assert not step_back(programme(pain_after_max=4), enrolment(1), eased, [], THU).suggested


def rated(first_pain: int, last_pain: int) -> list[ProgrammeSession]:
    """Four weeks of sessions: week 1 rated `first_pain` before, week 4 `last_pain`."""
    week1 = sessions_on(days(START, 7), pain_before=first_pain)
    middle = sessions_on(days(START + timedelta(7), 14), pain_before=first_pain)
    week4 = sessions_on(days(START + timedelta(21), 7), pain_before=last_pain)
    return week1 + middle + week4


DAY_28 = START + timedelta(days=27)


def test_four_weeks_without_lower_pain_before_sessions_asks_for_the_therapist() -> None:
    assert review_due(enrolment(), rated(5, 5), [], DAY_28 + timedelta(1))
    assert review_due(enrolment(), rated(5, 6), [], DAY_28 + timedelta(1))
    assert not review_due(enrolment(), rated(5, 4), [], DAY_28 + timedelta(1))


def test_no_review_before_four_weeks_or_with_nothing_to_judge() -> None:
    assert not review_due(enrolment(), rated(5, 5), [], DAY_28)  # day 28: not 4 weeks past
    assert not review_due(enrolment(), sessions_on(days(START, 29)), [], DAY_28 + timedelta(1))


def test_mostly_better_mornings_count_as_improvement() -> None:
    today = DAY_28 + timedelta(1)
    better = [MorningCheck(d, BETTER) for d in days(START + timedelta(10), 3)]
    assert not review_due(enrolment(), rated(5, 5), better, today)
    worse = [MorningCheck(d, WORSE) for d in days(START + timedelta(10), 3)]
    assert review_due(enrolment(), [], worse, today)
    assert review_due(enrolment(), rated(5, 5), better + worse, today)


def test_sessions_dropping_off_in_week_3_get_the_encouraging_word() -> None:
    stage_start = START + timedelta(days=14)  # stage 2, weeks 3-4
    full_week = sessions_on(days(stage_start, 7), "core", times=2)
    dropped = sessions_on(days(stage_start + timedelta(7), 3), "core", times=2)
    today = stage_start + timedelta(days=13)
    assert dropping_off(programme(), enrolment(1, stage_start), full_week + dropped, today)
    kept = sessions_on(days(stage_start + timedelta(7), 7), "core", times=2)
    assert not dropping_off(programme(), enrolment(1, stage_start), full_week + kept, today)
    # Not before two weeks of the stage to compare, nor during a flare-up.
    assert not dropping_off(programme(), enrolment(1, stage_start), full_week, today - timedelta(1))
    flare = enrolment(1, stage_start, flare_up_until=today)
    assert not dropping_off(programme(), flare, full_week + dropped, today)


def test_the_week_3_word_never_says_to_push_through_pain() -> None:
    words = drop_off_words()
    assert "Week 3 is when most people quit" in words
    assert "Never push through pain" in words
    assert "Push through it" not in words
