"""The programme's state for the app: the one place the pages read and change it.

`AppModel.programme` owns one `ProgrammeModel`; it reads the enrolment and the
history through `ProgrammeRecords` (the store's connection) and the programmes
from the catalog, and every change is announced with the app model's
`programme_changed`. Pages never write the programme's state themselves.

"Today" comes from an injected function (`core/local_time.local_today` in the
app; a fixed date in tests), so every rule runs on explicit dates.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from timer_app.core.history import HistoryError
from timer_app.core.local_time import local_now, local_today
from timer_app.core.programme.model import Enrolment, Programme
from timer_app.core.programme.monitoring import MorningAnswer, morning_check_due
from timer_app.core.programme.rules import flare_up_until
from timer_app.core.programme.status import ProgrammeStatus
from timer_app.gui.translation import translate

if TYPE_CHECKING:
    from timer_app.core.routine import Frequency, Routine
    from timer_app.gui.app_model import AppModel
    from timer_app.storage.history.programme_records import ProgrammeRecords

log = logging.getLogger(__name__)


class ProgrammeModel:
    """Reads and changes the programme's state; `app.programme_changed` after each change."""

    def __init__(self, app: AppModel, today: Callable[[], date] = local_today) -> None:
        self._app = app
        self.today = today
        self.problem: str | None = None  # the last change that could not be saved
        # A changed programme file is followed when the folders are read again and
        # when the history opens after them (`follow_therapist_file`).
        app.routines_changed.connect(self.follow_therapist_file)
        app.history_changed.connect(self.follow_therapist_file)

    # -- reading ------------------------------------------------------------------------
    def programmes(self) -> dict[str, Programme]:
        """The programmes found in the routine folders (the catalog's)."""
        catalog = self._app.catalog
        return dict(catalog.programmes) if catalog is not None else {}

    def records(self) -> ProgrammeRecords | None:
        """The programme's tables in the app's history (None before it is opened)."""
        connection = getattr(self._app.history, "connection", None)
        if connection is None:  # checked first: no sqlite3 before the first paint
            return None
        from timer_app.storage.history.programme_records import ProgrammeRecords

        return ProgrammeRecords(connection)

    def enrolment(self) -> Enrolment | None:
        records = self.records()
        try:
            return None if records is None else records.current()
        except HistoryError as error:
            log.warning("programme state unreadable: %s", error)
            return None

    def programme(self) -> Programme | None:
        """The running programme, when its file is still in the routine folders."""
        enrolment = self.enrolment()
        return None if enrolment is None else self.programmes().get(enrolment.programme_id)

    def status(self) -> ProgrammeStatus | None:
        """Today's figures: the same `ProgrammeRecords.status` as `program status`."""
        records, programme = self.records(), self.programme()
        if records is None or programme is None:
            return None
        own = {r.id: r.frequency for r in self._app.routines()}
        try:
            return records.status(programme, self.today(), own, translate)
        except HistoryError as error:
            log.warning("programme status unreadable: %s", error)
            return None

    def stage_routines(self) -> list[Routine]:
        """The current stage's routines with its dose changes applied (changes.py)."""
        from timer_app.core.programme.changes import stage_routines

        programme, enrolment = self.programme(), self.enrolment()
        if programme is None or enrolment is None:
            return []
        index = min(enrolment.stage_index, len(programme.stages) - 1)
        routines = {r.id: r for r in self._app.routines()}
        return list(stage_routines(programme, index, routines))

    def refused_changes(self) -> tuple[str, ...]:
        """Why the stage's changes are not applied to some of its routines: a result
        past the format's limits is refused (`changes.stage_routines`), not played."""
        from timer_app.core.programme.changes import refused_changes

        programme, enrolment = self.programme(), self.enrolment()
        if programme is None or enrolment is None:
            return ()
        index = min(enrolment.stage_index, len(programme.stages) - 1)
        return refused_changes(programme, index, {r.id: r for r in self._app.routines()})

    def as_prescribed(self, routine: Routine) -> Routine:
        """`routine` with the current stage's doses when it is one of the stage's
        routines (the same file); any other routine as it is."""
        if self.enrolment() is None:
            return routine
        staged = {r.id: r for r in self.stage_routines()}
        found = staged.get(routine.id)
        if found is None or found.source_path != routine.source_path:
            return routine
        return found

    def prescribed(self, routine: Routine) -> tuple[Routine, str | None]:
        """`routine` as Start plays it and, for one of the current stage's routines,
        the line saying whose doses they are ("Stage 2 of 4 doses: hold 15 s longer
        than the file"): the Routines page showed the file's doses while Start
        gave the stage's."""
        from timer_app.core.programme.change_words import stage_doses_line

        programme, enrolment = self.programme(), self.enrolment()
        if programme is None or enrolment is None:
            return routine, None
        index = min(enrolment.stage_index, len(programme.stages) - 1)
        stage = programme.stages[index]
        staged = self.as_prescribed(routine)
        if routine.id not in stage.routines or staged.source_path != routine.source_path:
            return routine, None
        from timer_app.core.programme.changes import change_problems

        if change_problems(routine, stage.changes):  # refused: the file's doses are played
            return routine, None
        return staged, stage_doses_line(index + 1, len(programme.stages), stage.changes, translate)

    def stage_frequencies(self) -> dict[str, Frequency]:
        """How often the current stage's routines are due (`rules.routine_frequency`):
        the History page's figures follow the stage, as the card does."""
        from timer_app.core.programme.rules import routine_frequency

        programme, enrolment = self.programme(), self.enrolment()
        if programme is None or enrolment is None:
            return {}
        stage = programme.stages[min(enrolment.stage_index, len(programme.stages) - 1)]
        own = {r.id: r.frequency for r in self._app.routines()}
        return {r: routine_frequency(stage, r, own) for r in stage.routines}

    def flare_up_routine(self) -> Routine | None:
        """The programme's flare-up routine, or the gentlest bundled one (the
        shortest planned session of the bundled routines)."""
        from timer_app.core.programme.changes import flare_up_routine

        return flare_up_routine(self.programme(), {r.id: r for r in self._app.routines()})

    def morning_check_due(self) -> bool:
        """A programme runs and there was a session yesterday not yet asked about today."""
        records = self.records()
        if records is None or self.enrolment() is None:
            return False
        today = self.today()
        try:
            since = date.fromordinal(today.toordinal() - 1)
            return morning_check_due(records.sessions(since), records.morning_checks(since), today)
        except HistoryError:
            return False

    def marker_answered(self) -> bool:
        records = self.records()
        return records is not None and records.marker_answered()

    # -- changing -----------------------------------------------------------------------
    def start(self, programme_id: str, on: date | None = None) -> bool:
        """Start at the first stage, or the one the programme's file names."""
        from timer_app.core.programme.therapist_file import first_stage

        programme = self.programmes().get(programme_id)
        stage = 0 if programme is None else first_stage(programme)
        named = None if programme is None else programme.current_stage
        return self._change(
            lambda r: r.start(programme_id, on or self.today(), local_now(), stage, named)
        )

    def follow_therapist_file(self) -> bool:
        """The catalog read the programme's file again (a new one imported or
        replaced): with `advance: therapist` the stage it names is followed once.
        Whether the stage moved (`programme_changed` then)."""
        programme = self.programme()
        return programme is not None and self.follow(programme) is not None

    def follow(self, programme: Programme) -> int | None:
        """Follow `programme`'s file (just imported, or read again): the stage index
        the patient moved to, or None (`core/programme/therapist_file.py`)."""
        records = self.records()
        if records is None or programme.current_stage is None:
            return None
        try:
            moved = records.follow_file(programme, self.today(), local_now())
        except (HistoryError, LookupError) as error:
            log.warning("the therapist's file could not be followed: %s", error)
            return None
        if moved is not None:
            self._app.programme_changed.emit()
        return moved

    def stop(self) -> bool:
        return self._change(lambda r: r.stop(self.today(), local_now()))

    def move_to_stage(self, stage_index: int) -> bool:
        """The patient confirmed the next stage (or chose to go back one)."""
        programme = self.programme()
        if programme is None or not 0 <= stage_index < len(programme.stages):
            return False
        return self._change(lambda r: r.change_stage(stage_index, self.today(), local_now()))

    def answer_marker(self, achieved: bool) -> bool:
        return self._change(lambda r: r.record_marker(achieved, self.today(), local_now()))

    def start_flare_up(self) -> bool:
        programme, routine = self.programme(), self.flare_up_routine()
        if programme is None:
            return False
        until = flare_up_until(programme, self.today())
        routine_id = None if routine is None else routine.id
        return self._change(
            lambda r: r.start_flare_up(self.today(), until, routine_id, local_now())
        )

    def end_flare_up(self) -> bool:
        return self._change(lambda r: r.end_flare_up(self.today()))

    def answer_morning_check(self, answer: MorningAnswer | None) -> bool:
        return self._change(lambda r: r.record_morning_check(self.today(), answer, local_now()))

    def _change(self, write: Callable[[ProgrammeRecords], object]) -> bool:
        records = self.records()
        if records is None:
            self.problem = translate("Programme", "Your history is not open yet.")
            return False
        try:
            write(records)
        except (HistoryError, LookupError) as error:
            self.problem = str(error)
            log.warning("programme change not saved: %s", error)
            return False
        self.problem = None
        self._app.programme_changed.emit()
        return True
