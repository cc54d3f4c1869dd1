"""One session played with a skip and a hold left part-way: the end event (what the
summary shows), `timer-app history`, the CSV and the JSON give the same figures."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.storage.history_support import PARIS
from timer_app.cli import main
from timer_app.core import events as ev
from timer_app.core.clock import FakeClock
from timer_app.core.plan import build_plan
from timer_app.core.player import PlayerState, SessionPlayer
from timer_app.core.recorder import SessionRecorder
from timer_app.core.routine import Dosing, Exercise, Routine
from timer_app.core.session_figures import SessionFigures, figures_of
from timer_app.storage.history.store import SqliteHistoryStore

ROUTINE = Routine(
    id="back",
    title="Back routine",
    source_path="/home/ana/exercises/back.yaml",
    exercises=(
        Exercise("Bridge", Dosing.HOLD, reps=2, hold=30, rest=5),
        Exercise("Clam", Dosing.COUNTED, reps=2),
        Exercise("Walk", Dosing.DURATION, duration=10),
    ),
    lead_in=3,
)


def tick(player: SessionPlayer, clock: FakeClock, seconds: float) -> None:
    for _ in range(round(seconds / 0.1)):
        clock.advance(0.1)
        player.tick()


@pytest.fixture
def played(data_dir: Path) -> SessionFigures:
    """Bridge: the first 30 s hold left after 23.2 s, the second held in full
    (partial); Clam skipped; Walk done. 74.4 s active."""
    store = SqliteHistoryStore.open()
    plan = build_plan(ROUTINE)
    clock = FakeClock(1000.0)
    player = SessionPlayer(plan, clock)
    started = datetime.now(PARIS) - timedelta(hours=1)
    player.add_listener(SessionRecorder(store, plan, now_wall=lambda: started))
    ends: list[ev.SessionFinished] = []
    player.add_listener(lambda e: ends.append(e) if isinstance(e, ev.SessionFinished) else None)
    player.start()
    tick(player, clock, 3 + 23.2)
    player.skip()
    tick(player, clock, 5 + 30 + 0.2)  # the rest, the second hold in full
    assert player.current_step.exercise.name == "Clam"
    player.skip_exercise()  # 0.2 s into its get-ready
    tick(player, clock, 3 + 10 + 0.5)
    assert player.state is PlayerState.FINISHED
    [summary] = store.list_sessions()
    store.close()
    [end] = ends
    assert figures_of(summary) == end.figures  # what was stored is what the summary showed
    return end.figures


def test_the_end_event_counts_partial_and_skipped_exercises(played: SessionFigures) -> None:
    assert played == SessionFigures(
        exercises_done=1,
        exercises_partial=1,
        exercises_skipped=1,
        reps_done=1,
        reps_planned=4,
        stops=0,
        active_seconds=pytest.approx(74.4),  # type: ignore[arg-type]
    )
    assert played.active_whole_seconds == 74  # the nearest second, not rounded up


def test_history_csv_and_json_show_the_same_figures(
    played: SessionFigures, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["history"]) == 0
    [row] = (re.split(r"\s{2,}", line) for line in capsys.readouterr().out.splitlines()[1:])
    assert row[4:7] == ["1 of 3, 1 partly", "1 of 4", "1 min 14 s"]

    assert main(["history", "export", "--format", "csv"]) == 0
    [exported] = csv.DictReader(io.StringIO(capsys.readouterr().out, newline=""))
    figures = {k: exported[k] for k in ("active_seconds", "exercises_done", "exercises_partial")}
    assert figures == {"active_seconds": "74", "exercises_done": "1", "exercises_partial": "1"}
    assert (exported["exercises_skipped"], exported["exercises_total"]) == ("1", "3")
    assert (exported["reps_done"], exported["reps_total"]) == ("1", "4")

    assert main(["history", "export", "--format", "json"]) == 0
    [session] = json.loads(capsys.readouterr().out)["sessions"]
    assert session["active_seconds"] == 74
    assert [session[k] for k in ("exercises_done", "exercises_partial", "exercises_skipped")] == [
        1,
        1,
        1,
    ]
    assert (session["reps_done"], session["reps_total"]) == (1, 4)
    bridge, clam, walk = session["exercises"]
    assert [(r["outcome"], r["held_seconds"]) for r in bridge["reps"]] == [
        ("partial", 23),  # 23.2 s of the 30 s hold
        ("done", 30),
    ]
    assert (bridge["outcome"], clam["outcome"], walk["outcome"]) == ("partial", "skipped", "done")
    assert session["routine_file"] == "back.yaml"
    assert "/home/ana" not in json.dumps(session)
