"""The reminder settings as kept in settings.json, to and from `ReminderSettings`.

Kept as plain JSON ("HH:MM" text, days 0-6 from Monday) so the file stays
readable and hand-editable; a value that does not make sense falls back to its
default on its own, as every setting does.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import time
from typing import Any

from timer_app.core.reminders.breaks import clamp_minutes
from timer_app.core.reminders.schedule import ReminderSettings
from timer_app.core.validation.remind_at import MAX_REMIND_TIMES, parse_clock_time
from timer_app.storage.settings import Settings


def reminder_settings(settings: Settings) -> ReminderSettings:
    """What the settings file says, each field read on its own; defaults otherwise."""
    raw = settings.reminders if isinstance(settings.reminders, dict) else {}
    default = ReminderSettings()
    minutes = raw.get("break_minutes")
    return ReminderSettings(
        enabled=_flag(raw, "enabled", default.enabled),
        times=_times(raw.get("times"), default.times),
        days=_days(raw.get("days"), default.days),
        quiet_start=_time(raw.get("quiet_start"), default.quiet_start),
        quiet_end=_time(raw.get("quiet_end"), default.quiet_end),
        breaks_enabled=_flag(raw, "breaks_enabled", default.breaks_enabled),
        break_minutes=clamp_minutes(minutes) if type(minutes) is int else default.break_minutes,
        in_background=_flag(raw, "in_background", default.in_background),
    )


def _flag(raw: dict[str, Any], name: str, default: bool) -> bool:
    value = raw.get(name)
    return value if isinstance(value, bool) else default


def _times(value: object, default: tuple[time, ...]) -> tuple[time, ...]:
    if not isinstance(value, list):
        return default
    parsed = {parse_clock_time(t) for t in value if isinstance(t, str)}
    return tuple(sorted(t for t in parsed if t is not None)[:MAX_REMIND_TIMES])


def _days(value: object, default: frozenset[int]) -> frozenset[int]:
    if not isinstance(value, list):
        return default
    return frozenset(d for d in value if type(d) is int and 0 <= d <= 6)


def _time(value: object, default: time) -> time:
    parsed = parse_clock_time(value) if isinstance(value, str) else None
    return default if parsed is None else parsed


def reminders_to_json(reminders: ReminderSettings) -> dict[str, Any]:
    """The form kept in settings.json."""
    return {
        "enabled": reminders.enabled,
        "times": [_clock(t) for t in sorted(set(reminders.times))],
        "days": sorted(reminders.days),
        "quiet_start": _clock(reminders.quiet_start),
        "quiet_end": _clock(reminders.quiet_end),
        "breaks_enabled": reminders.breaks_enabled,
        "break_minutes": clamp_minutes(reminders.break_minutes),
        "in_background": reminders.in_background,
    }


def with_reminders(settings: Settings, reminders: ReminderSettings) -> Settings:
    """A copy of `settings` carrying these reminder settings."""
    return replace(settings, reminders=reminders_to_json(reminders))


def _clock(moment: time) -> str:
    return moment.strftime("%H:%M")
