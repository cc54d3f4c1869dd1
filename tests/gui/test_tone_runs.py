"""A hold's end heard from one child player, not one a tone (issue 18).

The ticks of a timed step's last three seconds and its chime (and a short
step's opening tone and ticks) are fixed by the plan when the first of them is
due: they play as one WAV. A real plan runs on a real `SessionPlayer` and a
`FakeClock`; the backend records the runs it is asked for, or is the real
`ChildSounds` with a fake `paplay` that records its arguments.
"""

from __future__ import annotations

import wave
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from timer_app.core.clock import FakeClock
from timer_app.core.plan import build_plan
from timer_app.core.player import SessionPlayer
from timer_app.core.routine import Dosing, Exercise, Routine, Sides
from timer_app.gui.audio.cues import Cues
from timer_app.gui.audio.tone_process import ChildSounds
from timer_app.gui.audio.tone_runs import Tones, planned_runs, run_name, run_wav
from timer_app.storage.resources import asset_path

from .session_support import FakeSounds
from .test_tone_process import FakeQtSounds, calls, fake_player, running

pytestmark = pytest.mark.qt

# Timeline (s): get ready 0-5 (left first), hold left 5-15, switch 15-20, hold
# right 20-30; "Bridge": get ready 30-35, then counted reps (pressed: no known end).
KNEE = Exercise(
    name="Knee to chest", dosing=Dosing.HOLD, sides=Sides.EACH, reps=1, hold=10.0, rest=5.0
)
BRIDGE = Exercise(name="Bridge", dosing=Dosing.COUNTED, reps=2)
ROUTINE = Routine(id="run-test", title="Run test", exercises=(KNEE, BRIDGE), lead_in=5.0)
HOLD_END: Tones = ((0.0, "tick"), (1.0, "tick"), (2.0, "tick"), (3.0, "chime"))


def short_step(opening: str) -> Tones:
    """A 5 s get-ready or switch step: its tone, then its last three seconds' ticks."""
    return ((0.0, opening), (2.0, "tick"), (3.0, "tick"), (4.0, "tick"))


@dataclass
class RunSounds(FakeSounds):
    """A backend that plays runs, as `ChildSounds` does: records when each run and
    each single tone was asked for, and which runs were stopped."""

    clock: FakeClock = field(default_factory=FakeClock)
    runs: list[tuple[float, Tones]] = field(default_factory=list)
    singles: list[tuple[float, str]] = field(default_factory=list)
    stopped: list[str] = field(default_factory=list)

    def play(self, name: str) -> None:
        super().play(name)
        self.singles.append((self.clock.now(), name))

    def play_run(self, tones: Tones) -> str:
        self.runs.append((self.clock.now(), tones))
        return f"run-{len(self.runs)}"

    def stop_run(self, key: str) -> None:
        self.stopped.append(key)

    def heard(self, since: float, until: float = float("inf")) -> list[tuple[float, str]]:
        """Every tone, at the time it sounds from `since`: a run's all, unless it
        was stopped (then those due before `until`)."""
        tones = [(round(at - since, 3), name) for at, name in self.singles]
        for number, (at, run) in enumerate(self.runs, 1):
            end = until if f"run-{number}" in self.stopped else float("inf")
            tones += [(round(at + when - since, 3), name) for when, name in run if at + when < end]
        return sorted(tones)


class Session:
    def __init__(self, sounds: Any, *, muted: bool = False, clock: FakeClock | None = None):
        self.clock = clock or FakeClock()
        self.player = SessionPlayer(build_plan(ROUTINE), self.clock)
        self.cues = Cues(sounds, None, muted=muted)
        self.player.add_listener(self.cues)
        self.start = self.clock.now()
        self.player.start()

    def until(self, second: float) -> None:
        """Time passes, ticks at most 0.25 s apart, up to `second` into the session."""
        target = self.start + second
        while self.clock.now() < target - 1e-9:
            self.clock.advance(min(0.25, target - self.clock.now()))
            self.player.tick()


def played_singly(until: float) -> list[tuple[float, str]]:
    """What today's one-child-a-tone route plays over the same session."""
    clock = FakeClock()
    sounds = RunSounds(clock=clock)
    sounds.play_run = None  # type: ignore[assignment,method-assign]
    session = Session(sounds, clock=clock)
    session.until(until)
    return [(round(at - session.start, 3), name) for at, name in sounds.singles]


def test_a_holds_end_is_one_run_of_its_ticks_and_chime() -> None:
    clock = FakeClock()
    sounds = RunSounds(clock=clock)
    session = Session(sounds, clock=clock)
    session.until(11.75)
    runs_before = len(sounds.runs)
    session.until(15.5)
    start = session.start
    assert sounds.runs[runs_before] == (start + 12.0, HOLD_END)  # due at 3 s left
    # Nothing of it was asked for again as a tone of its own, nor the run stopped
    # when the switch step began at its chime.
    assert [name for at, name in sounds.singles if start + 12 <= at <= start + 15.5] == []
    assert sounds.stopped == []


def test_the_session_sounds_the_same_tones_at_the_same_times_from_fewer_children() -> None:
    clock = FakeClock()
    sounds = RunSounds(clock=clock)
    session = Session(sounds, clock=clock)
    session.until(40)
    singly = played_singly(40)
    assert sounds.heard(session.start) == sorted(singly)
    # get ready, hold end, switch, hold end, Bridge's get ready: 5 children, not 20
    assert (len(sounds.runs) + len(sounds.singles), len(singly)) == (5, 20)


def test_pausing_during_a_run_stops_it_and_a_resume_plays_the_rest_one_by_one() -> None:
    clock = FakeClock()
    sounds = RunSounds(clock=clock)
    session = Session(sounds, clock=clock)
    session.until(13.5)  # the hold's run started at 12, its first two ticks sounded
    assert session.player.pause()
    assert sounds.stopped == [f"run-{len(sounds.runs)}"]
    paused_at = clock.now()
    clock.advance(60.0)
    session.player.tick()
    heard = sounds.heard(session.start, until=paused_at)
    assert heard[-2:] == [(12.0, "tick"), (13.0, "tick")]  # not the third, nor the chime
    assert session.player.resume()
    resumed = clock.now()
    session.until(13.5 + 60 + 1.6)  # 1.5 s of the hold were left
    after = [(at, name) for at, name in sounds.heard(resumed) if 0 <= at <= 1.5]
    assert after == [(0.5, "tick"), (1.5, "chime"), (1.5, "switch")]
    assert [tones for at, tones in sounds.runs if at >= resumed] == [short_step("switch")]


def test_skipping_or_ending_during_a_run_stops_it() -> None:
    clock = FakeClock()
    sounds = RunSounds(clock=clock)
    session = Session(sounds, clock=clock)
    session.until(12.5)
    assert session.player.skip()  # to the switch step: its own run starts
    assert sounds.stopped == ["run-2"]
    assert sounds.runs[-1] == (session.start + 12.5, short_step("switch"))
    session.until(13.0)
    assert session.player.end()
    assert sounds.stopped == ["run-2", "run-3"]


def test_muting_stops_the_run_and_muted_plays_nothing() -> None:
    clock = FakeClock()
    sounds = RunSounds(clock=clock)
    session = Session(sounds, clock=clock)
    session.until(12.5)
    session.cues.set_muted(True)
    assert sounds.stopped == ["run-2"]
    session.until(40)
    assert len(sounds.runs) == 2 and sounds.singles == []

    quiet = RunSounds(clock=FakeClock())
    Session(quiet, muted=True, clock=quiet.clock).until(40)
    assert quiet.runs == [] and quiet.singles == []


def test_backends_without_runs_play_each_tone_as_before() -> None:
    sounds = FakeSounds()
    Session(sounds).until(16)
    ready, hold = ["start", "tick", "tick", "tick"], ["tick", "tick", "tick", "chime"]
    assert sounds.played == [*ready, *hold, "switch"]


# -- the WAV and the child that plays it ---------------------------------------------
def frames(path: Path | str) -> tuple[Any, bytes]:
    with wave.open(str(path), "rb") as source:
        return source.getparams(), source.readframes(source.getnframes())


def assert_tones_at(path: Path | str, tones: Tones) -> None:
    """Each tone's own samples start at its offset's sample; silence elsewhere."""
    params, data = frames(path)
    width = params.nchannels * params.sampwidth
    covered = 0
    for at, name in tones:
        source_params, tone = frames(asset_path("sounds", f"{name}.wav"))
        assert source_params[:3] == params[:3]  # channels, sample width, rate
        start = round(at * params.framerate) * width
        assert data[covered:start] == bytes(start - covered)  # silence before it
        assert data[start : start + len(tone)] == tone
        covered = start + len(tone)
    assert covered == len(data)


def test_a_runs_wav_has_each_tone_at_its_sample_offset(tmp_path: Path) -> None:
    path = run_wav(HOLD_END, tmp_path)
    assert_tones_at(path, HOLD_END)
    assert frames(path)[0].framerate == 44100
    assert run_wav(HOLD_END, tmp_path) == path  # cached: the same file, not rewritten
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_overlapping_tones_are_mixed(tmp_path: Path) -> None:
    _, chime = frames(asset_path("sounds", "chime.wav"))
    _, tick = frames(asset_path("sounds", "tick.wav"))
    _, data = frames(run_wav(((0.0, "chime"), (0.5, "tick")), tmp_path))
    start = 22050 * 2
    mixed = data[start : start + len(tick)]
    assert mixed != chime[start : start + len(tick)] and mixed != tick
    assert data[:start] == chime[:start]


class Players:
    """Makes `ChildSounds` playing through a fake `paplay` in `folder` (its calls
    recorded there); each is stopped at the test's end, as at the app's quit."""

    def __init__(self, folder: Path, cache: Path) -> None:
        self.folder, self.cache = folder, cache
        self.made: list[ChildSounds] = []

    def make(self, mode: str = "plays", **kwargs: Any) -> ChildSounds:
        program = str(fake_player(self.folder, mode))
        self.made.append(ChildSounds(program=program, cache_dir=self.cache, **kwargs))
        return self.made[-1]

    def wavs(self) -> list[str]:
        return [call[-1] for call in calls(self.folder)]


@pytest.fixture
def players(tmp_path: Path) -> Iterator[Players]:
    (tmp_path / "bin").mkdir()
    (tmp_path / "cache").mkdir()
    made = Players(tmp_path / "bin", tmp_path / "cache")
    yield made
    for sounds in made.made:
        sounds.stop()


def test_a_holds_end_starts_one_child_with_the_runs_wav(qtbot: QtBot, players: Players) -> None:
    session = Session(players.make())
    session.until(11.9)
    qtbot.waitUntil(lambda: len(players.wavs()) == 1, timeout=5000)  # the get-ready's run
    assert_tones_at(players.wavs()[0], short_step("start"))
    session.until(12.5)
    # Each child is let write down its call before the fake clock moves on: in
    # the app 3 s pass before the next run, here none, and a loaded machine may
    # not have run the script yet (the suite under CI did not, once).
    qtbot.waitUntil(lambda: len(players.wavs()) == 2, timeout=5000)
    session.until(15.0)
    qtbot.waitUntil(lambda: len(players.wavs()) == 3, timeout=5000)
    hold_end, switch = players.wavs()[1:]
    assert_tones_at(hold_end, HOLD_END)
    assert_tones_at(switch, short_step("switch"))
    assert Path(hold_end).parent == players.cache
    # paplay asks for a run's data in 500 ms pieces, not every ~13 ms of a sink
    # that speech keeps at low latency
    assert all("--process-time-msec=500" in call for call in calls(players.folder))


def test_pausing_during_a_run_kills_its_child(qtbot: QtBot, players: Players) -> None:
    sounds = players.make("hangs")  # a player still playing its run
    session = Session(sounds)
    session.until(12.5)
    qtbot.waitUntil(lambda: len(players.wavs()) == 2, timeout=5000)
    [child] = [c for c in sounds._playing.values() if c.name == "run-2"]
    pid = child.proc.processId()
    assert running(pid)
    assert session.player.pause()
    assert not running(pid)  # killed at once, not at its end
    assert "run-2" not in sounds._playing


def test_a_failing_player_falls_back_and_the_runs_tones_play_one_by_one(
    qtbot: QtBot, players: Players
) -> None:
    qt: list[FakeQtSounds] = []

    def fallback(parent: object) -> FakeQtSounds:
        qt.append(FakeQtSounds(parent))
        return qt[-1]

    sounds = players.make("fails", fallback=fallback)
    session = Session(sounds)
    qtbot.waitUntil(lambda: sounds.fell_back, timeout=5000)
    assert qt[0].played == ["start"]  # the run's first tone, again
    session.until(5.0)
    assert qt[0].played == ["start", "tick", "tick", "tick"]
    assert len(players.wavs()) == 1


def test_every_run_a_session_plays_is_planned_ahead() -> None:
    clock = FakeClock()
    sounds = RunSounds(clock=clock)
    session = Session(sounds, clock=clock)
    session.until(40)
    planned = planned_runs(build_plan(ROUTINE))
    assert {tones for _, tones in sounds.runs} <= set(planned)
    assert HOLD_END in planned and short_step("switch") in planned
    assert len(planned) == len(set(planned))  # each WAV written once


def test_loading_a_session_writes_its_runs_before_any_is_due(
    qtbot: QtBot, players: Players
) -> None:
    sounds = players.make()
    Cues(sounds, None).prepare_plan(build_plan(ROUTINE))
    planned = planned_runs(build_plan(ROUTINE))
    written = {players.cache / run_name(tones) for tones in planned}
    qtbot.waitUntil(lambda: all(path.exists() for path in written), timeout=5000)
    stamps = {path: path.stat().st_mtime_ns for path in written}
    session = Session(sounds)
    session.until(15.0)
    qtbot.waitUntil(lambda: len(players.wavs()) == 3, timeout=5000)
    # The hold's end played the WAV written at loading, not one written as it was due.
    assert {Path(wav) for wav in players.wavs()} <= written
    assert {path: path.stat().st_mtime_ns for path in written} == stamps
