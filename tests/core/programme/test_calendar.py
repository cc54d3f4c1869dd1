"""Stage arithmetic: any start, any day, clock changes and gaps of weeks give the right week."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from timer_app.core.programme.calendar import (
    plan_week,
    planned_stage_index,
    programme_week,
    stage_due_to_end,
    stage_end,
    stage_week,
)
from timer_app.core.programme.model import Enrolment, Programme, Stage

LONDON = ZoneInfo("Europe/London")
SYDNEY = ZoneInfo("Australia/Sydney")  # its clocks change the other way round


def _stage(name: str, first: int, last: int | None) -> Stage:
    return Stage(name, first, last, ("gentle-start",), None, None)


EIGHT_WEEKS = Programme(
    "sciatica",
    "Sciatica – 8 weeks",
    (
        _stage("Learn proper form", 1, 2),
        _stage("Increase hold times", 3, 4),
        _stage("Add strengthening", 5, 8),
        _stage("Build endurance", 9, None),
    ),
)
CLOSED = Programme("short", "Short", (_stage("One", 1, 2), _stage("Two", 3, 3)))

dates = st.dates(date(1990, 1, 1), date(2090, 12, 31))


def _enrolled(start: date, stage_index: int = 0, stage_start: date | None = None) -> Enrolment:
    return Enrolment("sciatica", start, stage_index, stage_start or start)


@given(dates, st.integers(0, 3000))
def test_week_n_is_the_nth_run_of_seven_days(start: date, days: int) -> None:
    today = start + timedelta(days=days)
    week = programme_week(_enrolled(start), today)
    assert week == days // 7 + 1
    # The first and last day of that week are in it; the day after is in the next.
    first_day = start + timedelta(days=(week - 1) * 7)
    assert programme_week(_enrolled(start), first_day) == week
    assert programme_week(_enrolled(start), first_day + timedelta(days=6)) == week
    assert programme_week(_enrolled(start), first_day + timedelta(days=7)) == week + 1


@given(dates, st.integers(1, 3000))
def test_before_the_start_is_week_zero(start: date, days: int) -> None:
    today = start - timedelta(days=days)
    assert programme_week(_enrolled(start), today) == 0
    assert planned_stage_index(EIGHT_WEEKS, _enrolled(start), today) == 0


@given(dates, st.integers(0, 3000))
def test_the_calendar_stage_follows_the_seeds_table(start: date, days: int) -> None:
    today = start + timedelta(days=days)
    index = planned_stage_index(EIGHT_WEEKS, _enrolled(start), today)
    week = days // 7 + 1
    expected = 0 if week <= 2 else 1 if week <= 4 else 2 if week <= 8 else 3
    assert index == expected
    stage = EIGHT_WEEKS.stages[index]
    assert stage.first_week <= week and (stage.last_week is None or week <= stage.last_week)


@given(dates, st.integers(0, 3000))
def test_past_a_closed_programme_the_last_stage_stays(start: date, days: int) -> None:
    today = start + timedelta(days=days)
    index = planned_stage_index(CLOSED, _enrolled(start), today)
    assert index == (0 if days < 14 else 1)


@given(dates, st.integers(0, 400), st.integers(0, 3), st.integers(0, 400))
def test_a_stage_started_late_gets_all_its_weeks(
    start: date, late: int, stage_index: int, days: int
) -> None:
    stage_start = start + timedelta(days=late)
    enrolment = _enrolled(start, stage_index, stage_start)
    today = stage_start + timedelta(days=days)
    assert stage_week(enrolment, today) == days // 7 + 1
    weeks = EIGHT_WEEKS.stages[stage_index].weeks
    end = stage_end(EIGHT_WEEKS, enrolment)
    if weeks is None:
        assert end is None
        assert not stage_due_to_end(EIGHT_WEEKS, enrolment, today)
        return
    assert end == stage_start + timedelta(days=7 * weeks - 1)
    # Its last planned day is in its last week, and from then on it is due to end.
    assert stage_week(enrolment, end) == weeks
    assert stage_due_to_end(EIGHT_WEEKS, enrolment, today) == (days >= 7 * weeks - 1)


@given(dates, st.integers(0, 3000), st.integers(0, 3000))
def test_a_gap_of_weeks_without_the_app_changes_only_the_count(
    start: date, before: int, gap: int
) -> None:
    # Nothing is remembered between calls: the week after a gap is the same as if the
    # app had been opened every day.
    enrolment = _enrolled(start)
    seen = start + timedelta(days=before)
    back = seen + timedelta(days=gap)
    assert programme_week(enrolment, back) - programme_week(enrolment, seen) in (
        gap // 7,
        gap // 7 + 1,
    )
    assert programme_week(enrolment, back) == (before + gap) // 7 + 1


def _local(instant: datetime, zone: ZoneInfo) -> date:
    return instant.astimezone(zone).date()


@given(
    st.sampled_from([LONDON, SYDNEY]),
    st.datetimes(datetime(2000, 1, 1), datetime(2060, 12, 31)),
    st.integers(0, 400),
    st.integers(0, 23 * 60 + 59),
)
def test_clock_changes_cannot_move_a_day(
    zone: ZoneInfo, start_wall: datetime, days: int, minute_of_day: int
) -> None:
    """Sessions at any local wall time, `days` calendar days apart across DST changes."""
    started = start_wall.replace(tzinfo=zone)
    later_wall = datetime.combine(
        start_wall.date() + timedelta(days=days),
        datetime.min.time(),
    ) + timedelta(minutes=minute_of_day)
    later = later_wall.replace(tzinfo=zone)
    # The app stores instants (UTC) and turns them into local dates to count weeks.
    start_date = _local(started.astimezone(UTC), zone)
    today = _local(later.astimezone(UTC), zone)
    # Even a wall time skipped when the clocks go forward stays on its own date.
    assert (today - start_date).days == days
    assert programme_week(_enrolled(start_date), today) == days // 7 + 1


def _hours(earlier: datetime, later: datetime) -> float:
    return (later.astimezone(UTC) - earlier.astimezone(UTC)).total_seconds() / 3600


def test_the_march_change_in_london_does_not_hold_week_two_back() -> None:
    # Clocks went forward on Sunday 30 March 2025: that week had 167 hours. Ten past
    # midnight on the 8th day is week 2, though a week of hours has not passed.
    started = datetime(2025, 3, 29, 23, 30, tzinfo=LONDON)
    eighth_day = datetime(2025, 4, 6, 0, 10, tzinfo=LONDON)
    assert _hours(started, eighth_day) < 7 * 24
    enrolment = _enrolled(started.date())
    assert programme_week(enrolment, eighth_day.date()) == 2
    assert programme_week(enrolment, date(2025, 4, 4)) == 1


def test_the_october_change_in_london_does_not_bring_week_two_forward() -> None:
    # Clocks went back on Sunday 26 October 2025: that week had 169 hours. Half past
    # eleven on the 7th evening is still week 1, though a week of hours has passed.
    started = datetime(2025, 10, 25, 0, 0, tzinfo=LONDON)
    seventh_evening = datetime(2025, 10, 31, 23, 30, tzinfo=LONDON)
    assert _hours(started, seventh_evening) > 7 * 24
    enrolment = _enrolled(started.date())
    assert programme_week(enrolment, seventh_evening.date()) == 1
    assert stage_end(EIGHT_WEEKS, enrolment) == date(2025, 11, 7)


def test_a_stage_index_past_a_shortened_file_uses_its_last_stage() -> None:
    enrolment = _enrolled(date(2026, 1, 5), stage_index=7)
    assert stage_end(CLOSED, enrolment) == date(2026, 1, 11)


def test_a_start_at_a_later_stage_is_in_that_stages_first_week() -> None:
    start = date(2026, 3, 2)
    enrolment = _enrolled(start, stage_index=1)  # "Increase hold times", weeks 3-4
    assert plan_week(EIGHT_WEEKS, enrolment, start) == 3
    assert plan_week(EIGHT_WEEKS, enrolment, start + timedelta(days=7)) == 4


def test_a_stage_that_took_longer_keeps_counting_from_the_start() -> None:
    start = date(2026, 3, 2)
    late = start + timedelta(days=28)  # stage 2 begun in week 5, not week 3
    enrolment = _enrolled(start, stage_index=1, stage_start=late)
    assert plan_week(EIGHT_WEEKS, enrolment, late) == 5


@given(dates, st.integers(0, 3), st.integers(0, 400), st.integers(0, 400))
def test_the_plan_week_never_goes_back_and_never_lags_the_calendar(
    start: date, index: int, late: int, days: int
) -> None:
    enrolment = _enrolled(start, index, start + timedelta(days=late))
    today = start + timedelta(days=days)
    week = plan_week(EIGHT_WEEKS, enrolment, today)
    assert week >= programme_week(enrolment, today)
    assert plan_week(EIGHT_WEEKS, enrolment, today + timedelta(days=1)) >= week


# -- far dates: never an OverflowError, a plain refusal at a start -----------------


def test_a_stage_ending_past_the_calendars_end_ends_on_its_last_day() -> None:
    from timer_app.core.programme.calendar import shifted

    far = Enrolment("sciatica", date.max, 0, date.max)
    assert stage_end(EIGHT_WEEKS, far) == date.max
    assert not stage_due_to_end(EIGHT_WEEKS, far, date(2026, 3, 16))
    assert shifted(date.min, -1) == date.min and shifted(date(2026, 1, 1), -1) == date(2025, 12, 31)


@given(st.dates(), st.dates(), st.integers(-(10**9), 10**9))
def test_calendar_arithmetic_never_raises(start: date, today: date, days: int) -> None:
    from timer_app.core.programme.calendar import enrolment_date_problem, shifted

    enrolment = Enrolment("sciatica", start, 1, start)
    assert date.min <= shifted(start, days) <= date.max
    plan_week(EIGHT_WEEKS, enrolment, today)
    stage_end(EIGHT_WEEKS, enrolment)
    planned_stage_index(EIGHT_WEEKS, enrolment, today)
    said = enrolment_date_problem(enrolment, today)
    assert (said is None) == (abs((start - today).days) <= 366)


def test_a_first_day_more_than_a_year_away_is_refused_in_plain_words() -> None:
    from timer_app.core.programme.calendar import start_date_problem

    today = date(2026, 12, 5)
    assert start_date_problem(date(2025, 12, 4), today) is None  # a year and a day back
    assert start_date_problem(date(2027, 12, 6), today) is None
    assert start_date_problem(date(9999, 12, 31), today) == (
        "a programme's first day must be within a year of today, from 2025-12-04 to "
        "2027-12-06; 9999-12-31 is after that"
    )
    assert start_date_problem(date(1900, 1, 1), today) is not None
    assert start_date_problem(date(1, 1, 1), date(1, 6, 1)) is None  # the window is held too
