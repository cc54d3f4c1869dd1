"""Everything the reminder schedule needs, read from disk at one moment.

The patient's reminder settings (with a routine's `remind_at:` filling in while
they chose no times), the routine the reminders are about, and today's facts from
the history (read-only: it works while the app records a session). Shared by
`timer-app reminders next`, the Settings page and the background reminders, so
all three say the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from timer_app.core.history import HistoryError, SessionSummary
from timer_app.core.reminders.facts import day_facts, reminder_routine, week_start
from timer_app.core.reminders.schedule import DayFacts, ReminderSettings, with_suggested_times
from timer_app.core.routine import Routine
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


def reminder_inputs(routines: list[Routine], now: datetime) -> ReminderInputs:
    """Read the settings and this week's sessions; never raises for a bad history."""
    own = reminder_settings(load_settings())
    sessions, problem = _this_weeks_sessions(now)
    routine = reminder_routine(routines, sessions)
    suggested = routine.remind_at if routine is not None else ()
    chosen = with_suggested_times(own, suggested)
    if own.times:
        source = TimesFrom.PATIENT
    elif chosen.times:
        source = TimesFrom.ROUTINE
    else:
        source = TimesFrom.NONE
    return ReminderInputs(chosen, source, routine, day_facts(routine, sessions, now), problem)


def _this_weeks_sessions(now: datetime) -> tuple[list[SessionSummary], str | None]:
    store = SqliteHistoryStore.open_reader()
    try:
        if store.problem is not None:
            return [], store.problem
        return store.list_sessions(since=week_start(now.date())), None
    except HistoryError as error:
        return [], str(error)
    finally:
        store.close()
