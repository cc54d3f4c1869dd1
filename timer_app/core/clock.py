"""Clocks injected into the player: remaining time is always deadline − now.

`MonotonicClock` is the real one. `wall()` lets the player notice a suspend on
systems where the monotonic clock keeps running while asleep or stops with it
(Linux's `time.monotonic` stops; `boottime` does not).

`sleep_shows_in_wall` says whether every sleep is certain to show as a jump of
`wall() - now()`. When it does (Linux: CLOCK_MONOTONIC stops, CLOCK_BOOTTIME does
not), the player needs no tick-gap guess, so a stalled event loop is caught up
rather than mistaken for a sleep. Clocks without the attribute count as False.
"""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Monotonic seconds; only differences mean anything."""
        ...

    def wall(self) -> float:
        """A clock that keeps counting while the machine sleeps (seconds)."""
        ...


class MonotonicClock:
    # On Linux the difference between the two clocks is exactly the time slept.
    sleep_shows_in_wall: bool = hasattr(time, "CLOCK_BOOTTIME")

    def now(self) -> float:
        return time.monotonic()

    def wall(self) -> float:
        # CLOCK_BOOTTIME counts suspended time on Linux; elsewhere fall back to
        # the wall clock, which also moves on during sleep.
        boottime = getattr(time, "CLOCK_BOOTTIME", None)
        if boottime is not None:
            return time.clock_gettime(boottime)
        return time.time()


class FakeClock:
    """A clock for tests: time moves only when told to."""

    def __init__(self, start: float = 1000.0, *, sleep_shows_in_wall: bool = False) -> None:
        self._now = start
        self._wall = start
        # True plays a Linux laptop (monotonic stops in sleep, boottime runs on).
        self.sleep_shows_in_wall = sleep_shows_in_wall

    def now(self) -> float:
        return self._now

    def wall(self) -> float:
        return self._wall

    def advance(self, seconds: float) -> float:
        self._now += seconds
        self._wall += seconds
        return self._now

    def suspend(self, seconds: float, monotonic_stops: bool = True) -> None:
        """Simulate a laptop sleep: the wall clock moves; the monotonic one may not."""
        self._wall += seconds
        if not monotonic_stops:
            self._now += seconds


def sleep_shows_in_wall(clock: Clock) -> bool:
    """Whether `clock` reveals every sleep through `wall() - now()` (see above)."""
    return bool(getattr(clock, "sleep_shows_in_wall", False))
