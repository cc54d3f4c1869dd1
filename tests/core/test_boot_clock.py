"""A clock set forward or back (NTP, a person, a time-zone tool) is not a sleep.

The real clock compares the monotonic clock with the platform's boot clock, never
with the time of day: these tests give `MonotonicClock` a fake `time` module per
platform, step its time of day by an hour while a hold runs, and check that the
hold goes on and is credited; a real sleep (the boot clock runs on while the
monotonic clock stops, or both run on) still pauses the session.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from timer_app.core import events as ev
from timer_app.core.clock import MonotonicClock
from timer_app.core.plan import build_plan
from timer_app.core.player import PlayerState, SessionPlayer
from timer_app.core.routine import Dosing, Exercise, Routine

CLOCK_BOOTTIME = 7
CLOCK_MONOTONIC_RAW = 4


@dataclass
class FakeSystem:
    """A `time` module: monotonic, boot and time-of-day clocks that tests move."""

    monotonic_s: float = 5000.0
    boot_s: float = 5000.0
    time_of_day: float = 1_780_000_000.0
    CLOCK_BOOTTIME: int = CLOCK_BOOTTIME
    CLOCK_MONOTONIC_RAW: int = CLOCK_MONOTONIC_RAW

    def monotonic(self) -> float:
        return self.monotonic_s

    def time(self) -> float:
        return self.time_of_day

    def clock_gettime(self, clock_id: int) -> float:
        assert clock_id in (CLOCK_BOOTTIME, CLOCK_MONOTONIC_RAW)
        return self.boot_s

    def boot(self) -> float:
        """Windows' GetTickCount64, in seconds."""
        return self.boot_s

    def advance(self, seconds: float) -> None:
        self.monotonic_s += seconds
        self.boot_s += seconds
        self.time_of_day += seconds

    def set_time_of_day(self, seconds: float) -> None:
        """NTP or a person steps the clock; nothing else moves."""
        self.time_of_day += seconds

    def sleep(self, seconds: float, *, monotonic_stops: bool) -> None:
        self.boot_s += seconds
        self.time_of_day += seconds
        if not monotonic_stops:
            self.monotonic_s += seconds


# Linux and macOS: monotonic stops in sleep. Windows: time.monotonic is
# GetTickCount64 up to Python 3.12 and runs on in sleep.
PLATFORMS = [("linux", True), ("darwin", True), ("win32", False)]


def two_holds() -> Routine:
    return Routine(
        id="holds",
        title="Holds",
        exercises=(
            Exercise("Knee hug", Dosing.HOLD, reps=2, hold=20, rest=5),
            Exercise("Bridge", Dosing.HOLD, reps=1, hold=10),
        ),
        lead_in=2,
    )


def started(platform: str, system: FakeSystem) -> tuple[SessionPlayer, list[ev.Event]]:
    clock = MonotonicClock(platform=platform, system=system, windows_ticks=lambda: system.boot)
    player = SessionPlayer(build_plan(two_holds()), clock)
    events: list[ev.Event] = []
    player.add_listener(events.append)
    player.start()
    return player, events


def run(player: SessionPlayer, system: FakeSystem, seconds: float) -> None:
    """Seconds pass with the ticker's ticks, at most 0.5 s apart."""
    for _ in range(round(seconds / 0.5)):
        system.advance(0.5)
        player.tick()


@pytest.mark.parametrize(("platform", "_monotonic_stops"), PLATFORMS)
@pytest.mark.parametrize("step", [3600.0, -3600.0, 2.5])
def test_setting_the_clock_during_a_hold_neither_pauses_nor_restarts_it(
    platform: str, _monotonic_stops: bool, step: float
) -> None:
    system = FakeSystem()
    player, events = started(platform, system)
    run(player, system, 12)  # 10 s into the first 20 s hold
    system.set_time_of_day(step)
    run(player, system, 15)
    assert player.state is PlayerState.RUNNING
    assert not [e for e in events if isinstance(e, ev.SessionPaused)]
    (rep,) = [e for e in events if isinstance(e, ev.RepCompleted)]
    assert rep.at == pytest.approx(5000.0 + 2 + 20)  # the hold ended on time, credited


@pytest.mark.parametrize(("platform", "monotonic_stops"), PLATFORMS)
def test_a_real_sleep_still_pauses_the_session(platform: str, monotonic_stops: bool) -> None:
    system = FakeSystem()
    player, events = started(platform, system)
    run(player, system, 12)
    system.sleep(1800, monotonic_stops=monotonic_stops)
    run(player, system, 0.5)
    assert player.state is PlayerState.PAUSED
    (paused,) = [e for e in events if isinstance(e, ev.SessionPaused)]
    assert paused.reason is ev.PauseReason.SUSPEND
    assert not [e for e in events if isinstance(e, ev.RepCompleted)]  # nothing credited


def test_linux_and_macos_show_every_sleep_windows_relies_on_the_tick_gap() -> None:
    system = FakeSystem()
    assert MonotonicClock(platform="linux", system=system).sleep_shows_in_wall
    assert MonotonicClock(platform="darwin", system=system).sleep_shows_in_wall
    windows = MonotonicClock(platform="win32", system=system, windows_ticks=lambda: None)
    assert not windows.sleep_shows_in_wall
    system.set_time_of_day(3600)
    assert windows.wall() - windows.now() == 0  # falls back to monotonic, not the time of day
