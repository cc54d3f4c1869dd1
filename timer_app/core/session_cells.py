"""A session's figures as the cells of a table: one wording for the History page,
the summary and `timer-app history`.

The figures and their one rounding rule are `core/session_figures.py` (the CSV
and JSON take its `COLUMNS` as numbers); this module words the three figure
cells a person reads: exercises ("1 of 3, 1 partly"), reps ("10 of 12") and
active time ("2 min 3 s"). The table they sit in is `core/session_table.py`.

Pure Python: phrases pass through `translate`, Qt's shape (see `core.describe`);
the GUI hands in its translator, the command line keeps `english`. The contexts
are those the phrases had in the GUI, so their translations carry over.
"""

from __future__ import annotations

from timer_app.core.describe import Translate, duration_in_words, english
from timer_app.core.session_figures import SessionFigures, whole_seconds

NO_REPS = "–"  # a session of timed activities only has no reps to count


def exercises_in_words(figures: SessionFigures, translate: Translate = english) -> str:
    """ "2 of 3", or "1 of 3, 1 partly" when some were partly done."""
    if figures.exercises_partial:
        return translate("HistoryPage", "{done} of {total}, {partial} partly").format(
            done=figures.exercises_done,
            total=figures.exercises_total,
            partial=figures.exercises_partial,
        )
    return translate("HistoryPage", "{done} of {total}").format(
        done=figures.exercises_done, total=figures.exercises_total
    )


def reps_in_words(done: int, planned: int, translate: Translate = english) -> str:
    """ "10 of 12"; a dash for a session with no reps (only timed activities)."""
    if planned <= 0:
        return NO_REPS
    return translate("Figures", "{done} of {planned}").format(done=done, planned=planned)


def time_in_words(seconds: float, translate: Translate = english) -> str:
    """Active time, to the nearest second: "2 min 3 s"."""
    return duration_in_words(whole_seconds(seconds), translate)
