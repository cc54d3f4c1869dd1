"""A session's figures in words, the same on the summary and the History page.

The figures and their one rounding rule are `core/session_figures.py`; this
module only words them, so the summary, the History table, `timer-app history`
and the exports show the same numbers (time: `whole_seconds`, then words).
"""

from __future__ import annotations

from timer_app.core import session_cells
from timer_app.core.session_figures import SessionFigures
from timer_app.gui.translation import translate


def time_in_words(seconds: float) -> str:
    """Active time, to the nearest second: "2 min 3 s" (as the History page and
    `timer-app history` say it: `core/session_cells.py`)."""
    return session_cells.time_in_words(seconds, translate)


def reps_in_words(done: int, planned: int) -> str:
    """ "10 of 12"; a dash for a session with no reps (only timed activities)."""
    return session_cells.reps_in_words(done, planned, translate)


def summary_lines(
    figures: SessionFigures, exercises_in_routine: int, earlier_seconds: float = 0.0
) -> list[str]:
    """The summary's figures, one a line: done, partly done, skipped, reps, time.

    A resumed session's exercise and rep figures cover this part only; the
    exercises before the break are in History, and a line says so. Its time is
    the whole session's, `earlier_seconds` (exercised before the break) included:
    the total History and the record hold, never a second figure for one session."""
    lines = [
        translate("Figures", "Exercises done: {done} of {total}").format(
            done=figures.exercises_done, total=figures.exercises_total
        ),
    ]
    if figures.exercises_partial:
        lines.append(translate("Figures", "Partly done: {n}").format(n=figures.exercises_partial))
    lines.append(translate("Figures", "Skipped: {n}").format(n=figures.exercises_skipped))
    if figures.reps_planned:
        lines.append(
            translate("Figures", "Reps: {reps}").format(
                reps=reps_in_words(figures.reps_done, figures.reps_planned)
            )
        )
    total = time_in_words(earlier_seconds + figures.active_seconds)
    if earlier_seconds >= 0.5:  # shows as a second or more
        lines.append(
            translate("Figures", "Time: {time}, {before} of it before the break").format(
                time=total, before=time_in_words(earlier_seconds)
            )
        )
    else:
        lines.append(translate("Figures", "Time: {time}").format(time=total))
    earlier = exercises_in_routine - figures.exercises_total
    if earlier > 0:
        lines.append(
            translate(
                "Figures",
                "This part of the session; %n exercise(s) before the break are in History.",
                None,
                earlier,
            )
        )
    return lines
