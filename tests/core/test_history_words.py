"""One definition of the words for statuses and "Stop – it hurts" reasons, used by
the History page, the stop dialog, the CLI, the CSV and the report."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from timer_app.core.history import SessionStatus, StopReason, StopReport
from timer_app.core.history_words import (
    reason_choices,
    reason_for_the_record,
    status_in_words,
    stop_in_words,
)


def shouting(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """A stand-in translator: what it was given, in capitals."""
    return text.upper()


def test_every_status_and_reason_has_words_not_its_stored_code() -> None:
    # A status or reason added later without words would show "ended_early" or
    # "numbness_or_weakness" to a patient.
    for status in SessionStatus:
        assert "_" not in status_in_words(status)
    assert status_in_words(SessionStatus.ENDED_EARLY) == "Ended early"
    # As the summary says it ("part of it was skipped"), never "Completed".
    assert status_in_words(SessionStatus.PARTLY_DONE) == "Finished, part skipped"
    choices = reason_choices()
    for reason in StopReason:
        assert "_" not in choices[reason] and "_" not in reason_for_the_record(reason)
    assert choices[StopReason.PAIN_SPREAD] == "Pain spread further down my leg"
    assert reason_for_the_record(StopReason.PAIN_SPREAD) == "pain spread further down the leg"


def test_the_translator_words_the_reason_but_never_the_persons_own_text() -> None:
    stop = StopReport(
        StopReason.NUMBNESS_OR_WEAKNESS,
        0,
        "Knee-to-chest stretch",
        datetime(2026, 3, 10, 7, 30, tzinfo=ZoneInfo("Europe/Paris")),
        "left calf",
    )
    assert stop_in_words(stop) == (
        "Knee-to-chest stretch: new numbness, tingling or weakness (left calf)"
    )
    assert stop_in_words(stop, shouting) == (
        "Knee-to-chest stretch: NEW NUMBNESS, TINGLING OR WEAKNESS (left calf)"
    )
    assert status_in_words(SessionStatus.INTERRUPTED, shouting) == "INTERRUPTED"
    assert reason_choices(shouting)[StopReason.OTHER] == "SOMETHING ELSE"
