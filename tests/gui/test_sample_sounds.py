"""Tones kept in the sound server's sample cache and played by name (issue 18),
with a real private PulseAudio server: no child process for a tone, a run cut
short at once, nothing left in the server at quit, and a child player taking
over when the server fails."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from timer_app.core.plan import build_plan
from timer_app.core.routine import Dosing, Exercise, Routine, Sides
from timer_app.gui.audio import sample_sounds
from timer_app.gui.audio.sample_sounds import SampleSounds
from timer_app.gui.audio.tone_process import ChildSounds
from timer_app.gui.audio.tone_runs import Tones, planned_runs, run_name

from .private_pulse import PrivatePulse
from .test_tone_process import FakeQtSounds, calls, fake_player, wav

pytestmark = pytest.mark.qt

TONES = {"timer-app.tick", "timer-app.chime", "timer-app.start", "timer-app.switch"}
HOLD_END: Tones = ((0.0, "tick"), (1.0, "tick"), (2.0, "tick"), (3.0, "chime"))


@pytest.fixture
def server(tmp_path: Path) -> Iterator[PrivatePulse]:
    pulse = PrivatePulse(tmp_path / "server")
    yield pulse
    pulse.stop()


@pytest.fixture
def player(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake `paplay` first on PATH: what a child player would have played."""
    folder = tmp_path / "bin"
    folder.mkdir()
    fake_player(folder)
    monkeypatch.setenv("PATH", str(folder))
    return folder


@pytest.fixture
def sounds(server: PrivatePulse, player: Path) -> Iterator[SampleSounds]:
    made = SampleSounds(server.socket, fallback=lambda parent: ChildSounds(parent))
    yield made
    made.stop()


def sample(tones: Tones) -> str:
    return "timer-app." + run_name(tones).removesuffix(".wav")


def test_a_tone_is_played_by_the_server_without_a_child(
    qtbot: QtBot, server: PrivatePulse, player: Path, sounds: SampleSounds
) -> None:
    sounds.play("chime")
    assert server.samples() >= TONES  # the four tones, kept at the first
    qtbot.waitUntil(lambda: server.playing() == 1, timeout=3000)
    sounds.play("tick")
    qtbot.waitUntil(lambda: server.playing() == 2, timeout=3000)  # the chime still sounds
    assert calls(player) == []
    assert sounds.available and not sounds.fell_back and sounds.problem == ""


def test_a_sessions_runs_are_kept_before_it_starts(
    qtbot: QtBot, server: PrivatePulse, sounds: SampleSounds
) -> None:
    knee = Exercise(
        name="Knee to chest", dosing=Dosing.HOLD, sides=Sides.EACH, reps=2, hold=10.0, rest=5.0
    )
    tilt = Exercise(name="Tilts", dosing=Dosing.HOLD, reps=1, hold=6.0)
    routine = Routine(id="two", title="Two", exercises=(knee, tilt), lead_in=5.0)
    runs = planned_runs(build_plan(routine))
    assert len(runs) >= 3
    sounds.prepare_runs(runs)
    wanted = {sample(tones) for tones in runs}
    qtbot.waitUntil(lambda: wanted <= server.samples(), timeout=5000)


def test_a_paused_run_stops_at_once(
    qtbot: QtBot, server: PrivatePulse, sounds: SampleSounds
) -> None:
    key = sounds.play_run(HOLD_END)
    assert key
    qtbot.waitUntil(lambda: server.playing() == 1, timeout=3000)
    qtbot.wait(100)  # the server's answer, with the stream's number, is in
    sounds.stop_run(key)
    qtbot.waitUntil(lambda: server.playing() == 0, timeout=1000)  # not after 4 s


def test_a_run_stopped_before_the_server_answered_stops_too(
    qtbot: QtBot, server: PrivatePulse, sounds: SampleSounds
) -> None:
    key = sounds.play_run(HOLD_END)
    assert key
    sounds.stop_run(key)  # in the same turn of the event loop: no answer yet
    qtbot.wait(300)
    assert server.playing() == 0


def test_quitting_cuts_the_run_and_leaves_nothing_in_the_server(
    qtbot: QtBot, server: PrivatePulse, sounds: SampleSounds
) -> None:
    assert sounds.play_run(HOLD_END)
    qtbot.waitUntil(lambda: server.playing() == 1, timeout=3000)
    qtbot.wait(100)
    assert sample(HOLD_END) in server.samples()
    sounds.stop()
    qtbot.waitUntil(lambda: server.playing() == 0, timeout=1000)
    qtbot.waitUntil(lambda: not server.samples() & (TONES | {sample(HOLD_END)}), timeout=1000)


def test_a_tone_the_server_refuses_is_played_by_a_child_player(
    qtbot: QtBot, server: PrivatePulse, player: Path, sounds: SampleSounds
) -> None:
    sounds.play("tick")
    server.pactl("remove-sample", "timer-app.chime")  # gone behind the app's back
    sounds.play("chime")
    qtbot.waitUntil(lambda: len(calls(player)) == 1, timeout=3000)
    assert calls(player)[0][-1] == wav("chime")
    sounds.play("tick")  # from now on, every tone
    qtbot.waitUntil(lambda: len(calls(player)) == 2, timeout=3000)
    assert calls(player)[1][-1] == wav("tick")


def test_a_server_that_goes_away_hands_the_tones_to_a_child_player(
    qtbot: QtBot, server: PrivatePulse, player: Path, sounds: SampleSounds
) -> None:
    sounds.play("tick")
    server.stop()
    qtbot.wait(200)
    assert sounds.play_run(HOLD_END)  # played whole by the child, at once
    sounds.play("chime")
    qtbot.waitUntil(lambda: len(calls(player)) == 2, timeout=3000)
    played = {call[-1] for call in calls(player)}  # two children: either may start first
    assert wav("chime") in played
    assert any(path.endswith(run_name(HOLD_END)) for path in played)
    assert sounds.available


def test_a_restarted_server_gets_the_tones_again(
    qtbot: QtBot, tmp_path: Path, server: PrivatePulse, player: Path, sounds: SampleSounds
) -> None:
    sounds.play("tick")
    server.stop()
    again = PrivatePulse(tmp_path / "server")  # the same socket, a new server
    try:
        qtbot.wait(200)  # the app sees the old one hang up
        sounds.play("chime")
        assert again.samples() >= TONES
        qtbot.waitUntil(lambda: again.playing() == 1, timeout=3000)
        assert calls(player) == []
    finally:
        sounds.stop()
        again.stop()


def test_no_server_at_all_means_the_child_player_from_the_first_tone(
    qtbot: QtBot, tmp_path: Path, player: Path
) -> None:
    (tmp_path / "native").touch()  # there, but nobody listens
    sounds = SampleSounds(str(tmp_path / "native"), fallback=lambda parent: ChildSounds(parent))
    try:
        sounds.play("start")
        qtbot.waitUntil(lambda: len(calls(player)) == 1, timeout=3000)
        assert calls(player)[0][-1] == wav("start")
    finally:
        sounds.stop()


def test_without_a_child_player_qt_plays_the_tones_one_by_one(qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / "native").touch()
    qt = FakeQtSounds()
    sounds = SampleSounds(str(tmp_path / "native"), fallback=lambda parent: qt)
    sounds.prepare_runs([HOLD_END])
    assert sounds.play_run(HOLD_END) is None  # so Cues plays each tone when due
    sounds.play("tick")
    sounds.stop_run("sample-run-1")
    assert qt.played == ["tick"]
    assert sounds.available


def test_a_tone_the_server_cannot_take_goes_to_the_child_player(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, player: Path, sounds: SampleSounds
) -> None:
    def not_16_bit(params: object) -> tuple[int, int]:
        raise ValueError("a tone is not 16-bit mono or stereo")

    monkeypatch.setattr(sample_sounds, "_format", not_16_bit)
    sounds.play("tick")  # no exception reaches the session
    qtbot.waitUntil(lambda: len(calls(player)) == 1, timeout=3000)
    assert calls(player)[0][-1] == wav("tick")
