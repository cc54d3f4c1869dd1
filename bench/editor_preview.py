"""Benchmark: one keystroke's live check and preview in the routine editor, on a long routine.

A routine of 50 exercises, each 20 holds on alternating sides with rests (4,000
steps, near the plan's bound of 5,000): each run changes the lead-in, as typing
in its box does, then times `check_draft` and `PreviewPanel.show_check` (the
preview built from the plan, the exercise table and the timeline model filled,
the events processed). Goal: under 100 ms a keystroke, so typing never waits.

    QT_QPA_PLATFORM=offscreen python bench/editor_preview.py [--runs 10]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from PySide6.QtWidgets import QApplication

from timer_app.core.editor.check import check_draft
from timer_app.core.editor.draft import RoutineDraft
from timer_app.gui.editor.preview_panel import PreviewPanel

GOAL_MS = 100.0


def long_routine(lead_in: int) -> RoutineDraft:
    exercise = {"hold": "5 s", "reps": 20, "sides": "alternate", "rest": "1 s"}
    return RoutineDraft.from_mapping(
        {
            "id": "long",
            "title": "Long",
            "lead_in": f"{lead_in} s",
            "exercises": [{"name": f"Hold {n}", **exercise} for n in range(50)],
        }
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    app = QApplication.instance() or QApplication(sys.argv[:1])
    panel = PreviewPanel()
    panel.resize(600, 800)
    panel.show()
    checks: list[float] = []
    shows: list[float] = []
    for run in range(runs):
        draft = long_routine(5 + run)
        started = time.perf_counter()
        checked = check_draft(draft, {})
        checked_at = time.perf_counter()
        panel.show_check(checked, draft)
        app.processEvents()
        shown_at = time.perf_counter()
        checks.append((checked_at - started) * 1000)
        shows.append((shown_at - checked_at) * 1000)
    steps = panel.timeline_model.rowCount() - 50
    total = [c + s for c, s in zip(checks, shows, strict=True)]
    print(f"{steps} steps, {runs} keystrokes")
    print(f"check_draft: median {statistics.median(checks):.0f} ms")
    print(f"preview:     median {statistics.median(shows):.0f} ms")
    worst = max(total)
    verdict = "within" if worst < GOAL_MS else "OVER"
    print(
        f"keystroke:   median {statistics.median(total):.0f} ms, worst {worst:.0f} ms "
        f"({verdict} the {GOAL_MS:.0f} ms goal)"
    )
    return 0 if worst < GOAL_MS else 1


if __name__ == "__main__":
    sys.exit(main())
