"""Everything the reminder schedule needs, read from disk at one moment.

The patient's reminder settings (with a routine's `remind_at:` filling in while
they chose no times), the routine the reminders are about, and today's facts from
the history (read-only: it works while the app records a session): in a
programme, what its stage has due today; otherwise the routine's frequency.
Shared by `timer-app reminders next` and the background reminders, so both say
the same (the Settings page asks the same core functions with the app model's
routines and history). The app's session screen open counts as a session
running (`session_screen.py`): its ready screen writes nothing to the history.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum

from timer_app.core.history import HistoryError, SessionSummary
from timer_app.core.programme.calendar import enrolled_stage
from timer_app.core.programme.changes import flare_up_routine, stage_routines
from timer_app.core.programme.model import Programme
from timer_app.core.reminders.facts import (
    day_facts,
    programme_day_facts,
    reminder_routine,
    sessions_since,
)
from timer_app.core.reminders.schedule import DayFacts, ReminderSettings, with_suggested_times
from timer_app.core.routine import Routine
from timer_app.storage import session_screen
from timer_app.storage.history.programme_records import ProgrammeRecords
from timer_app.storage.history.store import SqliteHistoryStore
from timer_app.storage.reminder_settings import reminder_settings
from timer_app.storage.settings import load_settings


class TimesFrom(StrEnum):
    PATIENT = "settings"  # the patient chose them on the Settings page
    ROUTINE = "routine"  # the routine's remind_at:, while the patient chose none
    NONE = "none"


@dataclass(frozen=True)
class ReminderInputs:
    settings: ReminderSettings  # times filled in from the routine when the patient set none
    times_from: TimesFrom
    routine: Routine | None
    facts: DayFacts
    history_problem: str | None  # the history could not be read: facts assume nothing done
    programme: Programme | None = None  # the programme being followed, if any
    # The app's session screen is open (maybe still on its ready screen, with no
    # session in the history yet): counted as a session running.
    session_screen: bool = False
    # The last day of a flare-up plan running today: the reminders are about its routine.
    flare_up_until: date | None = None


def reminder_inputs(
    routines: Sequence[Routine],
    now: datetime,
    programmes: Mapping[str, Programme] | None = None,
) -> ReminderInputs:
    """Read the settings and the history; never raises for a bad history."""
    own = reminder_settings(load_settings())
    sessions: list[SessionSummary] = []
    problem: str | None = None
    programme: Programme | None = None
    facts: DayFacts | None = None
    routine: Routine | None = None
    flare_up_until: date | None = None
    store = SqliteHistoryStore.open_reader()
    try:
        if store.problem is not None:
            problem = store.problem
        else:
            sessions = store.list_sessions(since=sessions_since(now.date()))
            found = _programme_facts(store, routines, programmes or {}, sessions, now)
            if found is not None:
                programme, routine, facts, flare_up_until = found
    except HistoryError as error:
        problem = str(error)
    finally:
        store.close()
    if facts is None:
        routine = reminder_routine(routines, sessions)
        facts = day_facts(routine, sessions, now)
    screen = session_screen.is_open(now)
    if screen:
        facts = replace(facts, session_running=True)
    suggested = routine.remind_at if routine is not None else ()
    chosen = with_suggested_times(own, suggested)
    if own.times:
        source = TimesFrom.PATIENT
    elif chosen.times:
        source = TimesFrom.ROUTINE
    else:
        source = TimesFrom.NONE
    return ReminderInputs(
        chosen, source, routine, facts, problem, programme, screen, flare_up_until
    )


def _programme_facts(
    store: SqliteHistoryStore,
    routines: Sequence[Routine],
    programmes: Mapping[str, Programme],
    sessions: list[SessionSummary],
    now: datetime,
) -> tuple[Programme, Routine | None, DayFacts, date | None] | None:
    """The programme's day, when one is followed and its file is still there."""
    records = ProgrammeRecords(store.connection)
    enrolment = records.current()
    programme = None if enrolment is None else programmes.get(enrolment.programme_id)
    if enrolment is None or programme is None:
        return None
    by_id = {r.id: r for r in routines}
    status = records.status(programme, now.date(), {r.id: r.frequency for r in routines})
    if status is None:
        return None
    stage = enrolled_stage(programme, enrolment)
    index = programme.stages.index(stage)
    in_stage = stage_routines(programme, index, by_id)
    # During a flare-up plan its routine is the one due, as the card says.
    flare = flare_up_routine(programme, by_id) if status.flare_up_until is not None else None
    facts = programme_day_facts(status, in_stage, sessions, now, flare)
    routine = next((r for r in (*in_stage, flare) if r and r.id == facts.routine_id), None)
    return programme, routine, facts, status.flare_up_until
