"""How exactly a session keeps time through the real Qt ticker, against a naive timer.

    python bench/timing.py            # 60 s of 1 s holds and 1 s rests
    python bench/timing.py --seconds 10
    python bench/timing.py --seconds 1800 --no-naive   # issue's 30 min

Plays the session through `SessionPresenter` (player + `Ticker`) on the real
monotonic clock, offscreen, and records when each step's start signal actually
arrives against its ideal time (session start + planned offset). Then, in the
same process, a naive countdown: a 1 s repeating `QTimer` that decrements a
counter, measured the same way (tick k against start + k s).

Prints for each: the largest boundary error, the final drift (when the end is
noticed against the ideal end) and the process's CPU time per minute of session.
Goals (issue 3): max boundary error <= 20 ms, final drift <= 5 ms, CPU <= 1 % of
a core. Exits 1 when the player misses a goal.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from timer_app.core import events as ev
from timer_app.core.clock import MonotonicClock
from timer_app.core.plan import build_plan
from timer_app.core.player import SessionPlayer
from timer_app.core.routine import Dosing, Exercise, Routine
from timer_app.gui.session.presenter import SessionPresenter

GOAL_MAX_ERROR = 0.020
GOAL_DRIFT = 0.005
GOAL_CPU_PERCENT = 1.0


@dataclass
class Figures:
    name: str
    errors: list[float]  # actual - ideal of each boundary, seconds
    drift: float  # actual - ideal of the end, seconds
    session_seconds: float
    cpu_seconds: float

    @property
    def cpu_percent(self) -> float:
        return 100 * self.cpu_seconds / self.session_seconds

    def report(self) -> str:
        worst = max(self.errors, key=abs)
        mean_late = sum(self.errors) / len(self.errors)
        return (
            f"{self.name}\n"
            f"  boundaries measured     {len(self.errors)}\n"
            f"  max boundary error      {worst * 1000:+8.2f} ms"
            f"   (mean {mean_late * 1000:+.2f} ms)\n"
            f"  final drift             {self.drift * 1000:+8.2f} ms\n"
            f"  CPU per session minute  {self.cpu_seconds / self.session_seconds * 60:8.4f} s"
            f"   ({self.cpu_percent:.3f} % of a core)"
        )


def holds_and_rests(seconds: int) -> Routine:
    """1 s get-ready, then 1 s holds with 1 s rests: `seconds` long (even)."""
    reps = max(1, seconds // 2)
    exercise = Exercise("1 s holds", Dosing.HOLD, reps=reps, hold=1.0, rest=1.0)
    return Routine(id="bench", title="Bench", exercises=(exercise,), lead_in=1.0)


def run_player(seconds: int) -> Figures:
    clock = MonotonicClock()
    plan = build_plan(holds_and_rests(seconds))
    presenter = SessionPresenter(SessionPlayer(plan, clock))
    loop = QEventLoop()
    arrivals: list[tuple[int, float, float]] = []  # (step index, event.at, arrival)
    ends: list[tuple[float, float]] = []  # (event.at, when it arrived)

    def on_step(event: ev.StepStarted) -> None:
        arrivals.append((event.step.index, event.at, clock.now()))

    def on_finished(event: ev.SessionFinished) -> None:
        ends.append((event.at, clock.now()))
        loop.quit()

    presenter.sig_step_started.connect(on_step)
    presenter.sig_finished.connect(on_finished)
    cpu = time.process_time()
    presenter.start()
    start = arrivals[0][1]  # the ideal timeline is anchored where start() was
    loop.exec()
    cpu = time.process_time() - cpu
    presenter.close()
    # The first step starts when start() is called: measure the later ones.
    errors = [when - (start + plan.offset_of(i)) for i, _, when in arrivals[1:]]
    (end_at, end_seen) = ends[0]
    assert abs(end_at - (start + plan.total_seconds)) < 1e-6, "deadlines must chain"
    drift = end_seen - (start + plan.total_seconds)
    errors.append(drift)
    name = f"SessionPlayer + Ticker ({plan.total_seconds:.0f} s, {len(plan.steps)} steps)"
    return Figures(name, errors, drift, plan.total_seconds, cpu)


def run_naive(seconds: int) -> Figures:
    timer = QTimer()  # the default: a coarse timer, as a first attempt would use
    timer.setInterval(1000)
    loop = QEventLoop()
    ticks: list[float] = []
    counter = seconds

    def on_timeout() -> None:
        nonlocal counter
        counter -= 1
        ticks.append(time.monotonic())
        if counter == 0:
            timer.stop()
            loop.quit()

    timer.timeout.connect(on_timeout)
    cpu = time.process_time()
    start = time.monotonic()
    timer.start()
    loop.exec()
    cpu = time.process_time() - cpu
    errors = [when - (start + k) for k, when in enumerate(ticks, start=1)]
    return Figures(f"naive 1 s QTimer countdown ({seconds} s)", errors, errors[-1], seconds, cpu)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="session length (even)")
    parser.add_argument("--no-naive", action="store_true", help="skip the naive comparison")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    del app
    player = run_player(args.seconds)
    print(player.report())
    if not args.no_naive:
        print(run_naive(args.seconds).report())
    worst = max(abs(e) for e in player.errors)
    checks = [
        (f"max boundary error <= {GOAL_MAX_ERROR * 1000:.0f} ms", worst <= GOAL_MAX_ERROR),
        (f"final drift <= {GOAL_DRIFT * 1000:.0f} ms", abs(player.drift) <= GOAL_DRIFT),
        (f"CPU <= {GOAL_CPU_PERCENT:.0f} % of a core", player.cpu_percent <= GOAL_CPU_PERCENT),
    ]
    print("goals for the player:")
    for label, ok in checks:
        print(f"  {'PASS' if ok else 'FAIL'}  {label}")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
