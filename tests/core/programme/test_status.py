"""The one status every view shows: "Week 3 of 8 · Increase hold times · today: ..."."""

from __future__ import annotations

import json
from datetime import timedelta

from tests.core.programme.rules_support import START, enrolment, programme, sessions_on
from timer_app.core.programme.status import as_json, headline, programme_status

WEEK_3_WED = START + timedelta(days=16)


def test_the_headline_of_week_3_with_one_session_done_today() -> None:
    stage_2 = enrolment(1, START + timedelta(days=14))
    status = programme_status(
        programme(), stage_2, sessions_on([WEEK_3_WED], "core"), [], WEEK_3_WED
    )
    assert headline(status) == "Week 3 of 8 · Increase hold times · today: session 1 of 2 done"
    assert (status.stage_week, status.stage_weeks, status.stage_over) == (1, 2, False)


def test_an_open_ended_programme_and_a_weekly_stage_read_plainly() -> None:
    open_ended = programme()
    status = programme_status(
        open_ended, enrolment(2, START + timedelta(28)), [], [], START + timedelta(30)
    )
    assert headline(status) == "Week 5 of 8 · Add strengthening · this week: 0 of 3 done"
    past = programme_status(
        open_ended, enrolment(3, START + timedelta(56)), [], [], START + timedelta(63)
    )
    assert headline(past) == "Week 10 · Build endurance · today: 1 to do, none done yet"


def test_a_programme_started_with_a_later_date_says_when_it_starts() -> None:
    # `program start --on` a day ahead (the patient starts on Monday): no "Week 0"
    # and nothing due today.
    status = programme_status(programme(), enrolment(0, START), [], [], START - timedelta(3))
    assert headline(status) == f"Starts on {START.isoformat()} · Learn proper form"


def test_the_json_has_the_cards_figures_and_reads_as_json() -> None:
    status = programme_status(
        programme(), enrolment(), sessions_on([START]), [], START + timedelta(13)
    )
    data = json.loads(json.dumps(as_json(status)))
    assert data["week"] == 2 and data["total_weeks"] == 8
    assert data["stage"] == {
        "number": 1,
        "of": 4,
        "name": "Learn proper form",
        "week": 2,
        "weeks": 2,
        "started_on": "2026-03-02",
        "ends_on": "2026-03-15",
        "over": True,  # its last planned day: the marker question is asked
        "marker": "Less morning stiffness",
    }
    assert data["due"] == {"period": "day", "due": 2, "done": 0}
    assert data["progress"]["sessions_done"] == 1 and data["progress"]["sessions_due"] == 28
    assert data["headline"] == headline(status)
    day_before = programme_status(programme(), enrolment(), [], [], START + timedelta(12))
    assert not day_before.stage_over


def test_during_a_flare_up_the_headline_names_the_plan_not_the_stages_count() -> None:
    # A flare-up session is of the flare-up routine: the stage's "2 to do, none
    # done yet" stayed on the card all through the plan.
    flare = enrolment(0, START, flare_up_until=START + timedelta(days=3))
    status = programme_status(
        programme(), flare, sessions_on([START + timedelta(days=2)], "knee"), [],
        START + timedelta(days=2),
    )  # fmt: skip
    until = (START + timedelta(days=3)).isoformat()
    assert headline(status) == f"Week 1 of 8 · Learn proper form · flare-up plan until {until}"
