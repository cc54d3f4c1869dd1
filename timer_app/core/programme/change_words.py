"""A stage's dose changes in words, for the line above a routine's doses.

The Routines page shows a stage routine with the stage's doses (what Start
plays), so it says where they come from: "Stage 2 of 4 doses: hold 15 s longer
than the file". The words only restate the therapist's file (`change:`); they
add no advice of their own.
"""

from __future__ import annotations

from collections.abc import Sequence

from timer_app.core.describe import Translate, duration_in_words, english
from timer_app.core.programme.model import ChangeOp, DoseChange


def change_in_words(change: DoseChange, translate: Translate = english) -> str:
    """ "hold 15 s longer than the file", "2 more reps than the file", "3 sets"."""
    if change.field == "hold":
        amount = duration_in_words(change.amount, translate)
        if change.op is ChangeOp.ADD:
            text = translate("ProgrammeChange", "hold {amount} longer than the file")
        elif change.op is ChangeOp.SUBTRACT:
            text = translate("ProgrammeChange", "hold {amount} shorter than the file")
        else:
            text = translate("ProgrammeChange", "hold {amount}")
        return text.format(amount=amount)
    if change.field == "duration":
        amount = duration_in_words(change.amount, translate)
        if change.op is ChangeOp.ADD:
            text = translate("ProgrammeChange", "timed activities {amount} longer than the file")
        elif change.op is ChangeOp.SUBTRACT:
            text = translate("ProgrammeChange", "timed activities {amount} shorter than the file")
        else:
            text = translate("ProgrammeChange", "timed activities {amount}")
        return text.format(amount=amount)
    n = round(change.amount)
    if change.field == "reps":
        if change.op is ChangeOp.ADD:
            return translate("ProgrammeChange", "%n more rep(s) than the file", None, n)
        if change.op is ChangeOp.SUBTRACT:
            return translate("ProgrammeChange", "%n fewer rep(s) than the file", None, n)
        return translate("ProgrammeChange", "%n rep(s)", None, n)
    if change.op is ChangeOp.ADD:
        return translate("ProgrammeChange", "%n more set(s) than the file", None, n)
    if change.op is ChangeOp.SUBTRACT:
        return translate("ProgrammeChange", "%n fewer set(s) than the file", None, n)
    return translate("ProgrammeChange", "%n set(s)", None, n)


def stage_doses_line(
    stage_number: int,
    stage_count: int,
    changes: Sequence[DoseChange],
    translate: Translate = english,
) -> str:
    """ "Stage 2 of 4 doses: hold 15 s longer than the file"; a stage without
    changes plays the file's doses: "Stage 1 of 4 doses: as in the file"."""
    said = "; ".join(change_in_words(c, translate) for c in changes) or translate(
        "ProgrammeChange", "as in the file"
    )
    return translate("ProgrammeChange", "Stage {number} of {count} doses: {changes}").format(
        number=stage_number, count=stage_count, changes=said
    )
