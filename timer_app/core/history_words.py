"""The words for a session's status and for a "Stop – it hurts" reason: one
definition, used by the History page, the stop dialog, `timer-app history`, the
exports and the therapist's report, so none of them can word them differently.

A reason has two voices, both here: the person's own choice in the dialog ("Pain
spread further down my leg", also the History page's tooltip) and the record a
therapist reads ("pain spread further down the leg", the CSV and the report).

Pure Python: every phrase passes through `translate`, Qt's shape (see
`core.describe`); the GUI hands in its translator, the command line and the CSV
keep `english`. The contexts are those the phrases had in the GUI, so their
translations carry over.
"""

from __future__ import annotations

from timer_app.core.describe import Translate, english
from timer_app.core.history import SessionStatus, StopReason, StopReport


def status_in_words(status: SessionStatus, translate: Translate = english) -> str:
    """ "Completed", "Finished, part skipped", "Ended early", "Interrupted", "In progress"."""
    words = {
        SessionStatus.COMPLETED: translate("HistoryPage", "Completed"),
        # Reached the end, not all of it done: as the summary's "part of it was skipped".
        SessionStatus.PARTLY_DONE: translate("HistoryPage", "Finished, part skipped"),
        SessionStatus.ENDED_EARLY: translate("HistoryPage", "Ended early"),
        SessionStatus.INTERRUPTED: translate("HistoryPage", "Interrupted"),
        SessionStatus.IN_PROGRESS: translate("HistoryPage", "In progress"),
    }
    return words.get(status, str(status.value))  # a status added later: never a crash


def reason_choices(translate: Translate = english) -> dict[StopReason, str]:
    """Each reason as the person chooses it in "Stop – it hurts" (first person)."""
    return {
        StopReason.SHARP_PAIN: translate("PainAdvice", "Sharp or shooting pain"),
        StopReason.PAIN_SPREAD: translate("PainAdvice", "Pain spread further down my leg"),
        StopReason.NUMBNESS_OR_WEAKNESS: translate(
            "PainAdvice", "New or worse numbness, tingling, burning or weakness"
        ),
        StopReason.OTHER: translate("PainAdvice", "Something else"),
        StopReason.NOT_GIVEN: translate("PainAdvice", "Reason not given"),
    }


def reason_for_the_record(reason: StopReason, translate: Translate = english) -> str:
    """The reason as the therapist's record words it: "pain spread further down the leg"."""
    words = {
        StopReason.SHARP_PAIN: translate("StopRecord", "sharp or shooting pain"),
        StopReason.PAIN_SPREAD: translate("StopRecord", "pain spread further down the leg"),
        StopReason.NUMBNESS_OR_WEAKNESS: translate(
            "StopRecord", "new numbness, tingling or weakness"
        ),
        StopReason.OTHER: translate("StopRecord", "other"),
        StopReason.NOT_GIVEN: translate("StopRecord", "reason not given"),
    }
    return words.get(reason, str(reason.value))  # a reason added later


def stop_in_words(stop: StopReport, translate: Translate = english) -> str:
    """'Knee-to-chest stretch: pain spread further down the leg (left calf)'."""
    words = reason_for_the_record(stop.reason, translate)
    text = f"{stop.exercise_name}: {words}" if stop.exercise_name else words
    return f"{text} ({stop.note})" if stop.note else text
