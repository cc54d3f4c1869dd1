"""What a reminder says, and why it is due, in plain translatable words."""

from __future__ import annotations

from timer_app import APP_DISPLAY_NAME
from timer_app.core.describe import Translate, duration_in_words, english


def session_title(routine_title: str | None, translate: Translate = english) -> str:
    if routine_title:
        return translate("Reminders", "Time for your %1 session").replace("%1", routine_title)
    return translate("Reminders", "Time for your exercises")


def session_body(
    routine_title: str | None, minutes: int | None, translate: Translate = english
) -> str:
    """ "about 4 min"; with no routine known, what to do rather than an empty line
    (Start opens the app on its Routines page)."""
    if not routine_title:
        return translate("Reminders", "Open %1 to choose a routine.").replace(
            "%1", APP_DISPLAY_NAME
        )
    if minutes is None or minutes <= 0:
        return ""
    return translate("Reminders", "about %1").replace(
        "%1", duration_in_words(minutes * 60, translate)
    )


def session_why(
    slot: str,
    done: int,
    due: int,
    snoozed: bool,
    today: bool = True,
    translate: Translate = english,
    week_left: int | None = None,
) -> str:
    """ "18:30 is one of your reminder times; 1 session still to do today."

    Worded by what is left, never "session 2 of the day" before any is done.
    `due` 0: nothing prescribed, each reminder time asks for one more session.
    A later day (`today` False) assumes nothing done yet. `week_left`: a routine
    done N times a week, of which this many are still to do: never "1 session still
    to do today", which it does not ask.
    """
    if snoozed:
        first = translate("Reminders", "you asked to be reminded again (%1 reminder)").replace(
            "%1", slot
        )
    else:
        first = translate("Reminders", "%1 is one of your reminder times").replace("%1", slot)
    if week_left is not None:
        count = (
            translate("Reminders", "%n session(s) still to do this week", None, week_left)
            if today and week_left > 0
            else ""
        )
    else:
        count = _still_to_do(done, due, translate) if today else _that_day(due, translate)
    if not count:
        return first
    return translate("Reminders", "%1; %2").replace("%1", first).replace("%2", count)


def _still_to_do(done: int, due: int, translate: Translate) -> str:
    if due > 0:
        left = max(1, due - done)
        return translate("Reminders", "%n session(s) still to do today", None, left)
    if done <= 0:
        return translate("Reminders", "no session done yet today")
    # Literals, so the translators see each ordinal whole.
    ordinals = {
        1: translate("Reminders", "your second session today"),
        2: translate("Reminders", "your third session today"),
        3: translate("Reminders", "your fourth session today"),
        4: translate("Reminders", "your fifth session today"),
    }
    if done in ordinals:
        return ordinals[done]
    return translate("Reminders", "%n session(s) done today so far", None, done)


def _that_day(due: int, translate: Translate) -> str:
    if due <= 0:
        return ""  # the time alone says it: nothing is prescribed
    return translate("Reminders", "%n session(s) to do that day", None, due)


def break_title(translate: Translate = english) -> str:
    return translate("Reminders", "Stand up and walk for a minute")


def break_body(minutes: int, translate: Translate = english) -> str:
    return translate("Reminders", "You have been at the computer for %n minute(s).", None, minutes)


def break_why(minutes: int, snoozed: bool, translate: Translate = english) -> str:
    if snoozed:
        return translate("Reminders", "you asked to be reminded again")
    return translate(
        "Reminders", "%n minute(s) of computer use without 5 minutes away", None, minutes
    )
