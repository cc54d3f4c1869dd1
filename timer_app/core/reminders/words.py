"""What a reminder says, and why it is due, in plain translatable words."""

from __future__ import annotations

from timer_app.core.describe import Translate, duration_in_words, english


def session_title(routine_title: str | None, translate: Translate = english) -> str:
    if routine_title:
        return translate("Reminders", "Time for your %1 session").replace("%1", routine_title)
    return translate("Reminders", "Time for your exercises")


def session_body(minutes: int | None, translate: Translate = english) -> str:
    if minutes is None or minutes <= 0:
        return ""
    about = translate("Reminders", "about %1").replace(
        "%1", duration_in_words(minutes * 60, translate)
    )
    return about


def session_why(
    slot: str,
    needed: int,
    done: int,
    due: int,
    snoozed: bool,
    translate: Translate = english,
) -> str:
    """ "08:00 is one of your reminder times; 0 of 2 sessions done today." """
    if snoozed:
        first = translate("Reminders", "you asked to be reminded again (%1 reminder)").replace(
            "%1", slot
        )
    else:
        first = translate("Reminders", "%1 is one of your reminder times").replace("%1", slot)
    if due > 0:
        count = translate("Reminders", "%1 of %n session(s) done that day", None, due).replace(
            "%1", str(done)
        )
    else:
        count = translate("Reminders", "session %n of the day", None, needed)
    return translate("Reminders", "%1; %2").replace("%1", first).replace("%2", count)


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
