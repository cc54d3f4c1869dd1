"""The sessions table, defined once: its columns and every cell's words.

The History page and `timer-app history` show the same columns in the same
order with the same words (the command line adds the session's number first,
which `history export` rows carry too); the CSV and JSON take the figures as
numbers (`core/session_figures.COLUMNS`). The cells' figures come from
`figures_of` with its one rounding rule, the words from `session_cells`,
`history_words` and `pain_location`.

Pure Python: phrases pass through `translate`, Qt's shape (see `core.describe`);
the GUI hands in its translator, the command line keeps `english`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from timer_app.core.describe import Translate, english
from timer_app.core.history import SessionSummary
from timer_app.core.history_words import reason_choices, status_in_words
from timer_app.core.pain_location import shift_in_words
from timer_app.core.session_cells import exercises_in_words, reps_in_words, time_in_words
from timer_app.core.session_figures import figures_of

__all__ = [
    "NOT_GIVEN",
    "PAIN",
    "STATUS",
    "SessionRow",
    "column_headers",
    "column_tips",
    "pain_change_in_words",
    "session_row",
]

NOT_GIVEN = "–"  # a rating or a place not given
STATUS, PAIN = 2, 6  # columns a view treats specially (tooltip, alignment)


def column_headers(translate: Translate = english) -> list[str]:
    return [
        translate("HistoryPage", "When"),
        translate("HistoryPage", "Routine"),
        translate("HistoryPage", "Status"),
        translate("HistoryPage", "Exercises"),
        translate("HistoryPage", "Reps"),
        translate("HistoryPage", "Time"),
        translate("HistoryPage", "Pain before → after"),
        translate("HistoryPage", "Notes"),
    ]


def column_tips(translate: Translate = english) -> dict[int, str]:
    """What a figure column covers (the page shows them on its headers)."""
    return {
        3: translate(
            "HistoryPage",
            "Exercises done in full (every planned rep) of those planned; "
            "'partly': some of it done",
        ),
        4: translate("HistoryPage", "Reps done in full of those planned (all sets, all sides)"),
        5: translate("HistoryPage", "Time exercising, pauses left out"),
    }


@dataclass(frozen=True)
class SessionRow:
    cells: tuple[str, ...]  # in the order of `column_headers`
    status_tip: str  # the status cell's tooltip: every "Stop – it hurts" and why


def session_row(
    s: SessionSummary, when: Callable[[SessionSummary], str], translate: Translate = english
) -> SessionRow:
    """One session's cells; `when` words its start the view's way (a locale's date)."""
    figures = figures_of(s)
    status, tip = _status(s, translate)
    cells = (
        when(s),
        s.routine_title,
        status,
        exercises_in_words(figures, translate),
        reps_in_words(figures.reps_done, figures.reps_planned, translate),
        time_in_words(figures.active_seconds, translate),
        _pain_and_place(s, translate),
        s.notes,
    )
    return SessionRow(cells, tip)


def pain_change_in_words(before: int | None, after: int | None) -> str:
    """ "5 → 3"; a dash for a rating not given."""
    if before is None and after is None:
        return NOT_GIVEN
    b = NOT_GIVEN if before is None else before
    a = NOT_GIVEN if after is None else after
    return f"{b} → {a}"


def _status(s: SessionSummary, translate: Translate) -> tuple[str, str]:
    """A "Stop – it hurts" is never hidden behind a plain "Completed" (the therapist
    reads this table); the tooltip says why."""
    status = status_in_words(s.status, translate)
    if not s.stops:
        return status, status
    text = translate("HistoryPage", "{status} · stopped %n time(s)", None, len(s.stops))
    labels = reason_choices(translate)
    why = "; ".join(labels.get(r, str(r.value)) for r in s.stops)
    tip = translate("HistoryPage", "Stop – it hurts: {reasons}").format(reasons=why)
    return text.format(status=status), tip


def _pain_and_place(s: SessionSummary, translate: Translate) -> str:
    """ "6 → 3 (thigh → back, centralising)": the rating and where it went."""
    pain = pain_change_in_words(s.pain_before, s.pain_after)
    place = shift_in_words(s.pain_where_before, s.pain_where_after, translate)
    if not place:
        return pain
    return place if pain == NOT_GIVEN else f"{pain} ({place})"
