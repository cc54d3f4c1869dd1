"""The stage a therapist's programme file names (`current_stage:`), and when to follow it.

With `advance: therapist` only a new file moves the stage (issue 16): the file
names the stage the therapist wants, and when a changed file names a different
one from the enrolment's, the patient moves there. A file is followed once: the
enrolment keeps the stage the file named when it was last followed
(`Enrolment.file_stage`), so the same file read again (each start of the app)
never undoes a step back the patient took after bad mornings. With `advance:
suggest` the field only says where a new start begins.
"""

from __future__ import annotations

from dataclasses import dataclass

from timer_app.core.programme.model import Advance, Enrolment, Programme


def first_stage(programme: Programme) -> int:
    """The stage index a new start of `programme` begins at."""
    named = programme.current_stage
    if named is None or not 0 <= named < len(programme.stages):
        return 0
    return named


@dataclass(frozen=True)
class FileMove:
    """What following the therapist's file does: a stage to move to (or None: stay),
    and the stage the file named, to remember as followed."""

    to_stage: int | None
    file_stage: int


def follow_file(programme: Programme, enrolment: Enrolment) -> FileMove | None:
    """What the therapist's file asks of this enrolment; None when nothing (not
    `advance: therapist`, no stage named, another programme, already followed)."""
    named = programme.current_stage
    if (
        programme.advance is not Advance.THERAPIST
        or named is None
        or not 0 <= named < len(programme.stages)
        or enrolment.programme_id != programme.id
        or enrolment.file_stage == named
    ):
        return None
    return FileMove(None if named == enrolment.stage_index else named, named)
