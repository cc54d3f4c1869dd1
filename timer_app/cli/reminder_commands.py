"""`timer-app reminders next [--json]`: the reminders to come, and why.

It reads what the app and the background reminders read (`storage/reminder_inputs.py`)
and asks the same schedule (`core/reminders/schedule.py`), so a person or a test
sees the next reminders without waiting for them. While reminders are off it says
so and shows what they would be. It only reads; it works while the app runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from timer_app.core.local_time import local_now
from timer_app.core.reminders.schedule import (
    Reminder,
    ReminderSettings,
    in_quiet_hours,
    next_reminders,
)
from timer_app.storage.reminder_inputs import ReminderInputs, TimesFrom, reminder_inputs
from timer_app.storage.reminder_state import load_reminder_state

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
SHOWN = 5


def run_next(args: argparse.Namespace, *, clock: Callable[[], datetime] = local_now) -> int:
    """`clock` gives now, aware and local (tests give a fixed moment)."""
    from timer_app.storage.routines.catalog import load_catalog

    now = clock()
    catalog = load_catalog()
    inputs = reminder_inputs(list(catalog.routines.values()), now, catalog.programmes)
    # While reminders are off, show what they would be.
    would_be = replace(inputs.settings, enabled=True)
    # What the reminders already showed today and a snooze: after "In 15 minutes"
    # the reminder coming back is listed.
    state = load_reminder_state()
    found = next_reminders(now, would_be, inputs.facts, state, limit=SHOWN)
    if inputs.history_problem is not None:
        print(
            f"timer-app: the history could not be read ({inputs.history_problem}); "
            "reminders are shown as if no session was done today",
            file=sys.stderr,
        )
    if args.json:
        print(json.dumps(_as_json(inputs, found, now), indent=2, ensure_ascii=False))
    else:
        print("\n".join(_as_text(inputs, found, now)))
    return 0


def _as_text(inputs: ReminderInputs, found: list[Reminder], now: datetime) -> list[str]:
    settings, facts = inputs.settings, inputs.facts
    first = _first_line(settings)
    lines = [first]
    if inputs.programme is not None:
        if inputs.flare_up_until is not None:  # the card's "flare-up plan until DATE"
            lines.append(
                f"Programme: {inputs.programme.title}; flare-up plan until "
                f"{inputs.flare_up_until.isoformat()}: its routine instead of the stage's."
            )
        else:
            lines.append(f"Programme: {inputs.programme.title}; what is due today comes from it.")
    if inputs.routine is not None:
        if facts.week_left is not None:
            # Not "1 session to do today" for a routine done 3 times a week.
            today = _this_week(facts.week_left, facts.sessions_done)
        else:
            today = _today(facts.sessions_due, facts.sessions_done)
        lines.append(f"Routine: {facts.routine_title} ({facts.routine_id}); {today}")
    elif inputs.programme is None:
        lines.append(
            "Routine: not known yet (none done in the last four weeks, and none suggests times): "
            "each reminder asks you to open the app and choose one."
        )
    if inputs.session_screen:
        lines.append("The app's session screen is open: no reminder until it is closed.")
    elif facts.session_running:
        lines.append("A session is running: no reminder until it ends.")
    if inputs.times_from is TimesFrom.NONE:
        lines.append(
            "No reminder times are set: choose them in the app (Safety & help, Reminders), "
            "or a routine may suggest them (remind_at:)."
        )
    else:
        whose = "yours" if inputs.times_from is TimesFrom.PATIENT else "suggested by the routine"
        lines.append(
            f"Times: {', '.join(_clock(t) for t in settings.times)} ({whose}), "
            f"{_days(settings)}; quiet hours {_quiet(settings)}."
        )
        quiet = [
            _clock(t)
            for t in settings.times
            if in_quiet_hours(datetime.combine(now.date(), t, tzinfo=now.tzinfo), settings)
        ]
        if quiet and len(quiet) < len(settings.times):  # all of them: said below
            fall = "falls" if len(quiet) == 1 else "fall"
            lines.append(f"{' and '.join(quiet)} {fall} in the quiet hours: no reminder then.")
    lines.append(_breaks(settings))
    if found:
        lines.append("")
        width = len(_when(found[0].at))
        for reminder in found:
            text = reminder.title + (f" · {reminder.body}" if reminder.body else "")
            lines.append(f"{_when(reminder.at)}  {text}")
            lines.append(f"{'':{width}}  why: {reminder.why}")
    elif not settings.days:
        lines.append("No reminder: no day of the week is chosen.")
    elif inputs.times_from is not TimesFrom.NONE:
        lines.append("No reminder in the next week (every time falls in the quiet hours).")
    return lines


def _as_json(inputs: ReminderInputs, found: list[Reminder], now: datetime) -> dict[str, Any]:
    settings, facts = inputs.settings, inputs.facts
    return {
        "enabled": settings.enabled,
        "now": now.isoformat(timespec="seconds"),
        "routine": facts.routine_id,
        "programme": None if inputs.programme is None else inputs.programme.id,
        "flare_up_until": (
            None if inputs.flare_up_until is None else inputs.flare_up_until.isoformat()
        ),
        "times": [_clock(t) for t in settings.times],
        "times_from": inputs.times_from.value,
        "days": sorted(settings.days),
        "quiet_hours": {"start": _clock(settings.quiet_start), "end": _clock(settings.quiet_end)},
        "breaks": {"enabled": settings.breaks_enabled, "minutes": settings.break_minutes},
        "when_app_closed": settings.in_background,
        "today": {
            "due": facts.sessions_due,
            "done": facts.sessions_done,
            "session_running": facts.session_running,
        },
        "reminders": [
            {
                "kind": r.kind.value,
                "at": r.at.isoformat(timespec="minutes"),
                "routine": r.routine_id,
                "title": r.title,
                "body": r.body,
                "why": r.why,
            }
            for r in found
        ],
    }


def _first_line(settings: ReminderSettings) -> str:
    """Which reminders are on, and whether they show while the app is closed."""
    where = (
        ", even when the app is closed"
        if settings.in_background
        # The reminders run with the app: a closed app shows none.
        else " while the app is open (to have them when it is closed, tick "
        "'Remind me even when the app is closed')"
    )
    if settings.enabled:
        return f"Reminders are on{where}."
    if settings.breaks_enabled:  # "Reminders are off" above "Standing breaks: after..." misled
        return (
            "Session reminders are off (turn them on in the app: Safety & help, Reminders); "
            f"standing breaks are on{where}. If session reminders were on:"
        )
    return "Reminders are off (turn them on in the app: Safety & help, Reminders). If they were on:"


def _today(due: int, done: int) -> str:
    if due <= 0:
        said = "no session done yet today" if done == 0 else f"{_sessions(done)} done today"
        return f"{said}; the routine does not say how often, so each time asks for one."
    if done >= due:
        return f"today's {_sessions(due)} done: no more reminders today."
    if done == 0:
        return f"{_sessions(due)} to do today, none done yet."
    return f"{done} of {_sessions(due)} done today, {due - done} still to do."


def _this_week(left: int, done_today: int) -> str:
    if left <= 0:
        return "this week's sessions are done."
    asked = "nothing more asked" if done_today else "none done yet"
    return (
        f"{_sessions(left)} still to do this week; until they are done, each day asks "
        f"for one (today: {asked})."
    )


def _sessions(count: int) -> str:
    return f"{count} session{'s' if count != 1 else ''}"


def _days(settings: ReminderSettings) -> str:
    if settings.days == frozenset(range(7)):
        return "every day"
    if not settings.days:
        return "on no day"
    return "on " + ", ".join(DAY_NAMES[d] for d in sorted(settings.days))


def _quiet(settings: ReminderSettings) -> str:
    if settings.quiet_start == settings.quiet_end:
        return "none"
    return f"{_clock(settings.quiet_start)}–{_clock(settings.quiet_end)}"


def _breaks(settings: ReminderSettings) -> str:
    if not settings.breaks_enabled:
        return "Standing breaks: off."
    return f"Standing breaks: after {settings.break_minutes} minutes of computer use."


def _when(moment: datetime) -> str:
    return f"{DAY_NAMES[moment.weekday()]} {moment.strftime('%d %b %H:%M')}"


def _clock(moment: Any) -> str:
    return str(moment.strftime("%H:%M"))
