"""The report's figures, without Qt: sums of each session's figures and the weeks
the History page counts, over the period asked for and nothing outside it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from timer_app.core import stats
from timer_app.core.history import SessionStatus, SessionSummary, StopReason
from timer_app.core.pain_location import PainLocation, PainShift
from timer_app.core.report_figures import report_figures, sessions_by_stage
from timer_app.core.routine import Frequency

MONDAY = date(2026, 3, 2)


def _session(day: date, **kw: object) -> SessionSummary:
    values: dict[str, object] = {
        "id": day.toordinal() * 10 + int(kw.pop("hour", 8)),  # type: ignore[call-overload]
        "routine_id": "piriformis",
        "routine_title": "Piriformis stretch",
        "content_hash": "abc",
        "source_path": None,
        "started_at": datetime.combine(day, datetime.min.time(), UTC),
        "ended_at": None,
        "time_zone": "UTC",
        "local_date": day,
        "status": SessionStatus.COMPLETED,
        "active_seconds": 60.5,
        "exercises_done": 1,
        "exercises_total": 1,
        "reps_done": 1,
        "reps_total": 1,
        "pain_before": None,
        "pain_after": None,
        "notes": "",
        "resume": None,
    }
    values.update(kw)
    return SessionSummary(**values)  # type: ignore[arg-type]


def test_totals_and_weeks_of_the_period_only() -> None:
    sessions = [
        _session(MONDAY - timedelta(days=1), notes="before the period"),
        _session(MONDAY, pain_before=6, pain_after=4),
        _session(MONDAY, hour=12, pain_before=4, pain_after=5, stops=(StopReason.SHARP_PAIN,)),
        _session(
            MONDAY + timedelta(days=1),
            status=SessionStatus.ENDED_EARLY,
            exercises_done=0,
            reps_done=0,
            pain_where_before=PainLocation.THIGH,
            pain_where_after=PainLocation.BACK,
            notes="sore",
        ),
        _session(MONDAY + timedelta(days=8)),
    ]
    frequency = Frequency(2, "day")
    figures = report_figures(
        sessions, [], [], {"piriformis": frequency}, MONDAY, MONDAY + timedelta(days=8)
    )

    t = figures.totals
    assert (t.sessions, t.completed, t.ended_early) == (4, 3, 1)
    assert (t.exercises_done, t.exercises_skipped, t.reps_done, t.reps_planned) == (3, 1, 3, 4)
    assert t.active_seconds == 4 * 61  # each session rounded first, as the CSV
    assert t.stops == 1
    inside = [s for s in sessions if s.local_date >= MONDAY]
    expected = stats.weekly_adherence(
        inside, MONDAY, MONDAY + timedelta(days=8), frequency, today=MONDAY + timedelta(days=8)
    )
    assert figures.routines[0].weeks == tuple(expected)
    assert (figures.pain_fell, figures.pain_rose, figures.pain_same) == (1, 1, 0)
    assert figures.shifts == {PainShift.CENTRALISING: 1}
    assert [note for _day, _title, note in figures.notes] == ["sore"]
    assert figures.weeks == 2


def test_a_session_finished_with_part_skipped_is_counted_apart_and_never_done() -> None:
    # QA: 1 s holds with the rest skipped read "100 % of prescribed sessions done".
    partly = {"status": SessionStatus.PARTLY_DONE, "exercises_done": 0, "reps_done": 0}
    sessions = [_session(MONDAY + timedelta(days=d), **partly) for d in range(7)]
    sessions.append(_session(MONDAY, hour=12))
    week = MONDAY + timedelta(days=6)
    figures = report_figures(sessions, [], [], {"piriformis": None}, MONDAY, week)
    t = figures.totals
    assert (t.sessions, t.completed, t.partly_done, t.ended_early) == (8, 1, 7, 0)
    [routine] = figures.routines
    # 1 done of 6 days due (the period's last day prescribes only what was done).
    assert routine.overall_percent == pytest.approx(100 / 6)
    stages = sessions_by_stage(sessions, {s.id: ("sciatica", 0, False) for s in sessions})
    assert [(row.sessions, row.completed) for row in stages] == [(8, 1)]
