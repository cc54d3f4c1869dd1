"""Clocks injected into the player: remaining time is always deadline − now.

`MonotonicClock` is the real one. Beside `now()` (the monotonic clock deadlines are kept
on) it has `wall()`, the platform's *boot clock*: one that keeps counting while the
machine sleeps and that nobody sets. The player takes a jump of `wall() - now()` for a
sleep (“Suspend is not exercise” in docs/design.md), so `wall()` must never be the time
of day: an NTP correction or a person setting the clock would step it, pause the session
and restart the hold uncredited.

Which boot clock, per platform (`boot_clock`):
- Linux: CLOCK_BOOTTIME counts suspended time; CLOCK_MONOTONIC (`time.monotonic`)
  stops. Their difference is exactly the time slept.
- macOS: CLOCK_MONOTONIC_RAW (mach continuous time) counts sleep;
  `time.monotonic` (mach absolute time, CLOCK_UPTIME_RAW) stops. Same timebase.
- Windows: GetTickCount64 (interrupt time, counts sleep and hibernation; never
  set). QueryUnbiasedInterruptTime would not do: it leaves sleep out.
  `time.monotonic` is GetTickCount64 itself up to Python 3.12 and
  QueryPerformanceCounter from 3.13, so a sleep may or may not show in the
  difference: the player's tick-gap rule catches it (`sleep_shows_in_wall` False).
- Elsewhere: `time.monotonic` itself (the difference never moves) and the
  tick-gap rule.

`sleep_shows_in_wall` says whether every sleep is certain to show as a jump of
`wall() - now()`. When it does, the player needs no tick-gap guess, so a stalled
event loop is caught up rather than mistaken for a sleep. Clocks without the
attribute count as False.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Monotonic seconds; only differences mean anything."""
        ...

    def wall(self) -> float:
        """A clock that keeps counting while the machine sleeps and is never set
        (seconds; only differences mean anything)."""
        ...


@dataclass(frozen=True)
class BootClock:
    read: Callable[[], float]  # seconds, counting sleep, never stepped
    shows_every_sleep: bool  # read() - time.monotonic() moves by each sleep


def boot_clock(
    platform: str = sys.platform,
    system: Any = time,
    windows_ticks: Callable[[], Callable[[], float] | None] | None = None,
) -> BootClock:
    """The boot clock of `platform` (see above). `system` is the `time` module and
    `windows_ticks` finds GetTickCount64: a test gives fakes whose time of day it
    can step."""
    if platform.startswith("linux") and hasattr(system, "CLOCK_BOOTTIME"):
        return BootClock(_clock_gettime(system, system.CLOCK_BOOTTIME), True)
    if platform == "darwin" and hasattr(system, "CLOCK_MONOTONIC_RAW"):
        return BootClock(_clock_gettime(system, system.CLOCK_MONOTONIC_RAW), True)
    if platform == "win32":
        ticks = (windows_ticks or _windows_tick_count)()
        if ticks is not None:
            return BootClock(ticks, False)
    return BootClock(system.monotonic, False)


def _clock_gettime(system: Any, clock_id: int) -> Callable[[], float]:
    def read() -> float:
        return float(system.clock_gettime(clock_id))

    return read


def _windows_tick_count() -> Callable[[], float] | None:
    """GetTickCount64 in seconds, or None when it cannot be reached."""
    try:
        import ctypes  # here: only Windows needs it

        get = ctypes.windll.kernel32.GetTickCount64  # type: ignore[attr-defined]
        get.restype = ctypes.c_ulonglong
        get.argtypes = []
    except (ImportError, AttributeError, OSError):
        return None

    def read() -> float:
        return float(get()) / 1000.0

    return read


class MonotonicClock:
    def __init__(
        self,
        *,
        platform: str = sys.platform,
        system: Any = time,
        windows_ticks: Callable[[], Callable[[], float] | None] | None = None,
    ) -> None:
        self._monotonic: Callable[[], float] = system.monotonic
        boot = boot_clock(platform, system, windows_ticks)
        self._boot = boot.read
        self.sleep_shows_in_wall = boot.shows_every_sleep

    def now(self) -> float:
        return float(self._monotonic())

    def wall(self) -> float:
        return self._boot()


class FakeClock:
    """A clock for tests: time moves only when told to."""

    def __init__(self, start: float = 1000.0, *, sleep_shows_in_wall: bool = False) -> None:
        self._now = start
        self._wall = start
        # True plays a Linux or macOS laptop (monotonic stops in sleep, the boot
        # clock runs on).
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
        """Simulate a laptop sleep: the boot clock (`wall()`) moves; the monotonic
        one may not."""
        self._wall += seconds
        if not monotonic_stops:
            self._now += seconds


def sleep_shows_in_wall(clock: Clock) -> bool:
    """Whether `clock` reveals every sleep through `wall() - now()` (see above)."""
    return bool(getattr(clock, "sleep_shows_in_wall", False))
