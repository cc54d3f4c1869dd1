"""The Settings line that says what comes next: "Next reminder: Tue 18:30 …".

The same schedule and the same facts as `timer-app reminders next`, from what
the app model already holds (its routines, its open history): nothing is read
from disk here.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from timer_app.core.history import HistoryError, SessionSummary
from timer_app.core.local_time import local_now
from timer_app.core.reminders.facts import (
    day_facts,
    programme_day_facts,
    reminder_routine,
    sessions_since,
)
from timer_app.core.reminders.schedule import next_reminders, with_suggested_times
from timer_app.gui.translation import local_date, translate
from timer_app.storage.reminder_settings import reminder_settings
from timer_app.storage.reminder_state import load_reminder_state

if TYPE_CHECKING:
    from timer_app.gui.app_model import AppModel


def next_reminder_line(model: AppModel, now: datetime | None = None) -> str:
    """One plain sentence: the next reminder and why, or why there is none."""
    return next_reminder(model, now)[0]


def next_reminder(model: AppModel, now: datetime | None = None) -> tuple[str, datetime | None]:
    """The sentence, and the moment of the reminder it names (None: it names none),
    after which the sentence is out of date."""
    now = now or local_now()
    own = reminder_settings(model.settings)
    if not own.enabled:
        return "", None
    sessions = _this_weeks_sessions(model, now)
    status = model.programme.status()
    if status is not None:  # in a programme: its stage says what is due today
        in_stage = model.programme.stage_routines()
        # During a flare-up plan its routine is the one due, as the card says.
        flare = model.programme.flare_up_routine() if status.flare_up_until is not None else None
        facts = programme_day_facts(status, in_stage, sessions, now, flare)
        routine = next((r for r in (*in_stage, flare) if r and r.id == facts.routine_id), None)
    else:
        routine = reminder_routine(model.routines(), sessions)
        facts = day_facts(routine, sessions, now)
    chosen = with_suggested_times(own, routine.remind_at if routine is not None else ())
    if not chosen.times:
        return (
            translate("ReminderSettings", "Choose at least one time of day for your reminders."),
            None,
        )
    if not chosen.days:
        return translate("ReminderSettings", "Choose at least one day for your reminders."), None
    # What the reminders already showed today and a snooze (their state file):
    # after "In 15 minutes" the line names the reminder coming back.
    state = load_reminder_state()
    found = next_reminders(now, chosen, facts, state, limit=1, translate=translate)
    prefix = ""
    if not own.times:
        prefix = translate("ReminderSettings", "Your routine suggests %1. ").replace(
            "%1", ", ".join(t.strftime("%H:%M") for t in chosen.times)
        )
    if not found:
        return prefix + translate(
            "ReminderSettings",
            "No reminder in the coming week: every time falls in the quiet hours.",
        ), None
    first = found[0]
    when = local_date(first.at, "ddd HH:mm")
    # The notification's title in quotes: it is what will appear, not part of this sentence.
    line = translate("ReminderSettings", "Next reminder: %1, “%2” (%3).")
    line = line.replace("%1", when).replace("%2", first.title).replace("%3", first.why)
    return prefix + line, first.at


def _this_weeks_sessions(model: AppModel, now: datetime) -> list[SessionSummary]:
    history = model.history
    if history is None:
        return []
    try:
        return history.list_sessions(since=sessions_since(now.date()))
    except HistoryError:  # the History page says what is wrong with it
        return []
