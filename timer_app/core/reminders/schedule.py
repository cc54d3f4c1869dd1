"""When a session reminder is due: the patient's times, their days, quiet hours, snooze.

Pure logic on aware datetimes. Reminder times are local wall-clock times in the
zone of the moment asked about (`now.tzinfo`), so after a flight 08:00 means 08:00
where the patient is now. Every comparison is made in UTC: Python compares two
datetimes with the same `tzinfo` by their wall clocks, which is wrong across a
fall-back hour.

A time's *slot* is (local date, "HH:MM"). A slot is shown at most once; a slot
the patient let pass (asleep, quiet hours, a session running) is considered once,
at the first check after it, and never replayed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum

from timer_app.core.describe import Translate, english
from timer_app.core.reminders.words import session_body, session_title, session_why

SNOOZE = timedelta(minutes=15)
# How far ahead `next_reminders` looks: a week covers every day of the week once.
_DAYS_AHEAD = 8


class ReminderKind(StrEnum):
    SESSION = "session"
    BREAK = "break"


@dataclass(frozen=True)
class ReminderSettings:
    enabled: bool = False
    times: tuple[time, ...] = ()
    days: frozenset[int] = frozenset(range(7))  # Monday = 0, as date.weekday()
    quiet_start: time = time(21, 0)
    quiet_end: time = time(8, 0)
    breaks_enabled: bool = False
    break_minutes: int = 25  # 15-60
    in_background: bool = False  # "Remind me even when the app is closed"


@dataclass(frozen=True)
class Reminder:
    kind: ReminderKind
    at: datetime  # aware, in the zone it was planned in
    routine_id: str | None
    title: str
    body: str
    why: str  # plain words for `timer-app reminders next`
    key: tuple[str, str] = ("", "")  # (local date ISO, slot), what `shown` remembers


@dataclass(frozen=True)
class DayFacts:
    """What the history says about today."""

    sessions_due: int  # 0: nothing prescribed; each reminder time then asks for one
    sessions_done: int
    session_running: bool
    routine_id: str | None
    routine_title: str | None
    routine_minutes: int | None
    # A routine (or stage) done N times a week: how many of this week's are still
    # to do; None for a daily one, or none prescribed.
    week_left: int | None = None


@dataclass
class ReminderState:
    """What already happened, kept between wake-ups."""

    shown: set[tuple[str, str]] = field(default_factory=set)
    snoozed_until: datetime | None = None
    snoozes_used: set[tuple[str, str]] = field(default_factory=set)
    snoozed: tuple[str, str] | None = None  # the slot the snooze brings back


@dataclass(frozen=True)
class _Slot:
    key: tuple[str, str]
    at: datetime
    needed: int  # sessions that must be done today for this slot to be answered


def with_suggested_times(
    settings: ReminderSettings, suggested: tuple[time, ...]
) -> ReminderSettings:
    """The patient's own times win; a routine's `remind_at:` fills in only when they set none."""
    return settings if settings.times else replace(settings, times=suggested)


def in_quiet_hours(moment: datetime, settings: ReminderSettings) -> bool:
    """Quiet hours by the local wall clock; start after end spans midnight; equal: none."""
    start, end, now = settings.quiet_start, settings.quiet_end, moment.time()
    if start == end:
        return False
    if start < end:
        return start <= now < end
    return now >= start or now < end


def next_reminders(
    now: datetime,
    settings: ReminderSettings,
    facts: DayFacts,
    state: ReminderState,
    *,
    limit: int = 5,
    translate: Translate = english,
) -> list[Reminder]:
    """The reminders still to come after `now`, soonest first; none while reminders are off.

    `timer-app reminders next` shows what they would be by passing `enabled=True`.
    Today's slots already answered by today's sessions, already shown, or in quiet
    hours are left out; later days assume nothing done yet.
    """
    _require_aware(now)
    if not settings.enabled or limit <= 0:
        return []
    zone = _zone(now)
    found: list[Reminder] = []
    snoozed = _pending_snooze(now, settings, facts, state, translate)
    if snoozed is not None and _utc(snoozed.at) > _utc(now):
        found.append(snoozed)
    today = now.date()
    for offset in range(_DAYS_AHEAD):
        day = today + timedelta(days=offset)
        done = facts.sessions_done if offset == 0 else 0
        for slot in _slots(day, zone, settings, facts.sessions_due):
            if _utc(slot.at) <= _utc(now) or slot.key in state.shown:
                continue
            if done >= slot.needed or in_quiet_hours(slot.at, settings):
                continue
            found.append(_reminder(slot, facts, done, settings, translate, today=offset == 0))
    found.sort(key=lambda r: _utc(r.at))
    return found[:limit]


def due_now(
    now: datetime,
    settings: ReminderSettings,
    facts: DayFacts,
    state: ReminderState,
    *,
    last_check: datetime | None,
    translate: Translate = english,
) -> Reminder | None:
    """The one reminder to show now, or None.

    Candidates are today's slots that passed since `last_check` (None: the first
    check of this run, so every slot of today so far) and a snooze that ran out.
    Of those only the latest is shown: a laptop asleep through 08:00 and 12:00
    shows one reminder on waking, if today's session is still to do. Nothing while
    a session runs, in quiet hours, or once today's sessions are done. Call
    `mark_shown` with what this returns, once it is shown.
    """
    _require_aware(now)
    if last_check is not None:
        _require_aware(last_check)
    if not settings.enabled or facts.session_running or in_quiet_hours(now, settings):
        return None
    zone = _zone(now)
    best: Reminder | None = None
    best_slot_at: datetime | None = None
    today = now.date().isoformat()
    # A later time shown today stands for the earlier ones it replaced.
    latest_shown = max((slot for day, slot in state.shown if day == today), default="")
    for slot in _slots(now.date(), zone, settings, facts.sessions_due):
        if _utc(slot.at) > _utc(now) or slot.key[1] <= latest_shown:
            continue
        if last_check is not None and _utc(slot.at) <= _utc(last_check):
            continue  # considered at an earlier check: never replayed
        if facts.sessions_done >= slot.needed or in_quiet_hours(slot.at, settings):
            continue
        best = _reminder(slot, facts, facts.sessions_done, settings, translate)
        best_slot_at = slot.at
    snoozed = _pending_snooze(now, settings, facts, state, translate)
    if snoozed is not None and state.snoozed_until is not None:
        came_back = _utc(state.snoozed_until) <= _utc(now)
        fresh = last_check is None or _utc(state.snoozed_until) > _utc(last_check)
        slot_at = _slot_time(snoozed.key, zone)
        newer_slot = (
            best_slot_at is not None and slot_at is not None and _utc(best_slot_at) > _utc(slot_at)
        )
        if came_back and fresh and not newer_slot:
            best = snoozed
    return best


def mark_shown(state: ReminderState, reminder: Reminder) -> ReminderState:
    """The state after `reminder` was shown: its slot is done, a pending snooze replaced."""
    return ReminderState(
        shown=state.shown | {reminder.key},
        snoozed_until=None,
        snoozes_used=set(state.snoozes_used),
        snoozed=None,
    )


def snooze(state: ReminderState, reminder: Reminder, now: datetime) -> ReminderState:
    """ "In 15 minutes": once per slot; a second snooze lets it wait for the next time."""
    _require_aware(now)
    shown = state.shown | {reminder.key}
    if reminder.key in state.snoozes_used:
        return ReminderState(shown=shown, snoozes_used=set(state.snoozes_used))
    until = (_utc(now) + SNOOZE).astimezone(_zone(now))
    return ReminderState(
        shown=shown,
        snoozed_until=until,
        snoozes_used=state.snoozes_used | {reminder.key},
        snoozed=reminder.key,
    )


def _pending_snooze(
    now: datetime,
    settings: ReminderSettings,
    facts: DayFacts,
    state: ReminderState,
    translate: Translate,
) -> Reminder | None:
    """The snoozed reminder, while it is still useful: today, still to do, not in quiet hours."""
    if state.snoozed is None or state.snoozed_until is None:
        return None
    until = state.snoozed_until.astimezone(_zone(now))
    if state.snoozed[0] != now.date().isoformat() or in_quiet_hours(until, settings):
        return None
    for slot in _slots(now.date(), _zone(now), settings, facts.sessions_due):
        if slot.key == state.snoozed and facts.sessions_done < slot.needed:
            return replace(
                _reminder(slot, facts, facts.sessions_done, settings, translate, snoozed=True),
                at=until,
            )
    return None


def _slots(day: date, zone: tzinfo, settings: ReminderSettings, sessions_due: int) -> list[_Slot]:
    if day.weekday() not in settings.days:
        return []
    times = sorted(
        {t.replace(tzinfo=None, fold=0, second=0, microsecond=0) for t in settings.times}
    )
    due = sessions_due if sessions_due > 0 else len(times)
    slots = []
    for n, wall in enumerate(times, start=1):
        # A time that does not exist (02:30 on a spring-forward day) comes out as
        # the same instant after the change (03:30); an hour that happens twice
        # (fall-back) counts its first pass only (fold=0).
        at = _utc(datetime.combine(day, wall, tzinfo=zone)).astimezone(zone)
        # The k-th time asks for the k-th session (one done before 08:00 answers
        # 08:00); the day's last time asks for all of them.
        needed = due if n == len(times) else min(n, due)
        slots.append(_Slot((day.isoformat(), wall.strftime("%H:%M")), at, needed))
    return slots


def _slot_time(key: tuple[str, str], zone: tzinfo) -> datetime | None:
    try:
        day = date.fromisoformat(key[0])
        wall = time.fromisoformat(key[1])
    except ValueError:
        return None
    return datetime.combine(day, wall, tzinfo=zone)


def _reminder(
    slot: _Slot,
    facts: DayFacts,
    done: int,
    settings: ReminderSettings,
    translate: Translate,
    *,
    snoozed: bool = False,
    today: bool = True,
) -> Reminder:
    return Reminder(
        kind=ReminderKind.SESSION,
        at=slot.at,
        routine_id=facts.routine_id,
        title=session_title(facts.routine_title, translate),
        body=session_body(facts.routine_title, facts.routine_minutes, translate),
        why=session_why(
            slot.key[1], done, facts.sessions_due, snoozed, today, translate, facts.week_left
        ),
        key=slot.key,
    )


def _zone(moment: datetime) -> tzinfo:
    zone = moment.tzinfo
    assert zone is not None  # _require_aware was called
    return zone


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def _require_aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("reminder times need an aware datetime (with its time zone)")
