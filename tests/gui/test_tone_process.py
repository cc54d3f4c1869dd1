"""The session's tones through a child player on Linux, not QtMultimedia in the
app's process (issue 18: Qt's PulseAudio thread spun after a run of tones).

A fake player (a shell script named `paplay`, first on PATH) stands in for the
sound server's: it records each call's arguments and plays, fails or hangs."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from timer_app.gui.audio import tone_process
from timer_app.gui.audio.sample_sounds import SampleSounds, make_sounds
from timer_app.gui.audio.sound_effects import QtSounds, no_output_sentence
from timer_app.gui.audio.tone_process import ENGINE_ENV, ChildSounds, player_arguments
from timer_app.storage.resources import asset_path

pytestmark = pytest.mark.qt


def fake_player(folder: Path, mode: str = "plays", name: str = "paplay") -> Path:
    """A player that writes each call's arguments (one a line, then ---) to calls.txt."""
    script = folder / name
    script.write_text(
        f"""#!/bin/sh
# One write of the whole call: two players started together must not interleave.
call=""
for a in "$@"; do call="$call$a
"; done
printf '%s---\\n' "$call" >> "{folder}/calls.txt"
[ "{mode}" = "fails" ] && {{ echo "Connection failure: Connection refused" >&2; exit 1; }}
[ "{mode}" = "hangs" ] && exec sleep 30
exit 0
"""
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def calls(folder: Path) -> list[list[str]]:
    path = folder / "calls.txt"
    text = path.read_text() if path.exists() else ""
    return [block.strip("\n").split("\n") for block in text.split("---\n") if block.strip()]


@pytest.fixture(autouse=True)
def no_child_left(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[ChildSounds]]:
    """Every ChildSounds a test makes stops its players at the end, as the app's
    do at quit."""
    made: list[ChildSounds] = []
    real_init = ChildSounds.__init__

    def init(self: ChildSounds, *args: Any, **kwargs: Any) -> None:
        real_init(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(ChildSounds, "__init__", init)
    yield made
    for sounds in made:
        sounds.stop()


def running(pid: int) -> bool:
    """Whether that child still runs (a zombie waiting for its exit status does not)."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return status != "Z"


def wav(name: str) -> str:
    return str(asset_path("sounds", f"{name}.wav"))


class FakeQtSounds:
    """What the fall back makes instead of QtSounds: records what it plays."""

    def __init__(self, parent: object = None, available: bool = True) -> None:
        self.available = available
        self.problem = "" if available else no_output_sentence("linux")
        self.played: list[str] = []

    def play(self, name: str) -> None:
        self.played.append(name)


def test_a_tone_plays_its_wav_through_the_player(qtbot: QtBot, tmp_path: Path) -> None:
    sounds = ChildSounds(program=str(fake_player(tmp_path)))
    sounds.play("chime")
    qtbot.waitUntil(lambda: len(calls(tmp_path)) == 1, timeout=5000)
    assert calls(tmp_path)[0][-1] == wav("chime")
    assert "--client-name=timer-app" in calls(tmp_path)[0]
    assert sounds.available and sounds.problem == "" and not sounds.fell_back


def test_two_ticks_a_second_apart_make_two_calls(qtbot: QtBot, tmp_path: Path) -> None:
    sounds = ChildSounds(program=str(fake_player(tmp_path)))
    sounds.play("tick")
    qtbot.wait(1000)
    sounds.play("tick")
    qtbot.waitUntil(lambda: len(calls(tmp_path)) == 2, timeout=5000)
    assert [c[-1] for c in calls(tmp_path)] == [wav("tick"), wav("tick")]
    qtbot.waitUntil(lambda: not sounds._playing, timeout=5000)


def test_a_hung_player_is_killed_after_the_tone_and_two_seconds(
    qtbot: QtBot, tmp_path: Path
) -> None:
    sounds = ChildSounds(program=str(fake_player(tmp_path, "hangs")), hang_slack_s=0.3)
    sounds.play("tick")
    qtbot.waitUntil(lambda: len(calls(tmp_path)) == 1, timeout=5000)
    proc = sounds._playing["tick"].proc
    pid = proc.processId()
    assert pid > 0
    qtbot.waitUntil(lambda: "tick" not in sounds._playing, timeout=3000)
    qtbot.waitUntil(lambda: not running(pid), timeout=2000)  # gone, not left sleeping
    assert sounds.available and not sounds.fell_back  # stuck once is not "no audio"


def test_the_same_tone_again_replaces_the_one_still_playing(qtbot: QtBot, tmp_path: Path) -> None:
    sounds = ChildSounds(program=str(fake_player(tmp_path, "hangs")))
    sounds.play("chime")
    qtbot.waitUntil(lambda: len(calls(tmp_path)) == 1, timeout=5000)
    first = sounds._playing["chime"].proc.processId()
    sounds.play("chime")
    qtbot.waitUntil(lambda: len(calls(tmp_path)) == 2, timeout=5000)
    qtbot.waitUntil(lambda: not running(first), timeout=2000)  # never two chimes at once
    second = sounds._playing["chime"].proc.processId()
    assert running(second)
    sounds.stop()
    assert not running(second)


def test_a_failing_player_falls_back_to_qt_and_replays_the_tone(
    qtbot: QtBot, tmp_path: Path
) -> None:
    made: list[FakeQtSounds] = []
    sounds = ChildSounds(
        program=str(fake_player(tmp_path, "fails")),
        fallback=lambda parent: made.append(FakeQtSounds(parent)) or made[-1],
    )
    sounds.play("start")
    qtbot.waitUntil(lambda: sounds.fell_back, timeout=5000)
    assert made[0].played == ["start"]
    sounds.play("tick")
    assert made[0].played == ["start", "tick"]
    assert len(calls(tmp_path)) == 1  # the player is not asked again
    assert sounds.available


def test_a_missing_player_falls_back_and_says_why_sounds_are_off(
    qtbot: QtBot, tmp_path: Path
) -> None:
    sounds = ChildSounds(
        program=str(tmp_path / "no-such-player"),
        fallback=lambda parent: FakeQtSounds(parent, available=False),
    )
    sounds.play("tick")
    qtbot.waitUntil(lambda: sounds.fell_back, timeout=5000)
    assert not sounds.available
    assert sounds.problem == no_output_sentence("linux")


def test_the_real_fallback_is_qt_sounds(qtbot: QtBot, tmp_path: Path) -> None:
    sounds = ChildSounds(program=str(tmp_path / "no-such-player"))
    sounds.play("tick")
    qtbot.waitUntil(lambda: sounds.fell_back, timeout=5000)
    assert isinstance(sounds._fallback, QtSounds)
    assert sounds.problem == sounds._fallback.problem


def test_the_player_is_chosen_by_platform_path_and_engine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert tone_process.player_path() is None
    assert not tone_process.preferred("linux", {})  # nothing to play with
    fake_player(tmp_path, name="aplay")
    assert tone_process.player_path() == str(tmp_path / "aplay")
    fake_player(tmp_path, name="pw-play")
    assert tone_process.player_path() == str(tmp_path / "pw-play")
    fake_player(tmp_path, name="paplay")
    assert tone_process.player_path() == str(tmp_path / "paplay")
    assert tone_process.preferred("linux", {})
    assert not tone_process.preferred("linux", {ENGINE_ENV: "qt"})
    assert not tone_process.preferred("win32", {})
    assert not tone_process.preferred("darwin", {})


def test_each_player_gets_the_wav_and_the_tones_volume() -> None:
    assert player_arguments("/usr/bin/paplay", "t.wav", 0.9) == [
        "--volume=63274",  # 0.9 of the amplitude on PulseAudio's cubic scale
        "--client-name=timer-app",
        "t.wav",
    ]
    assert player_arguments("pw-play", "t.wav", 0.9) == ["--volume", "0.90", "t.wav"]
    assert player_arguments("aplay", "t.wav", 0.9) == ["-q", "t.wav"]


PROBE = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from timer_app.gui.audio.cues import Cues
cues = Cues.for_this_machine(app)
for name in ("start", "tick", "tick", "tick", "chime"):
    cues._sounds.play(name)
    deadline = __import__("time").monotonic() + 0.3
    while __import__("time").monotonic() < deadline:
        app.processEvents()
print(type(cues._sounds).__name__, "PySide6.QtMultimedia" in sys.modules)
"""


def test_the_app_process_never_loads_qt_multimedia_with_a_child_player(tmp_path: Path) -> None:
    fake_player(tmp_path)
    (tmp_path / "pulse").mkdir()
    # A sound server's socket that lets nobody in: the sample cache fails at the
    # first tone, and the child player plays them all.
    (tmp_path / "pulse" / "native").touch()
    env = dict(os.environ)
    env.pop(ENGINE_ENV, None)
    env.pop("PULSE_SERVER", None)
    env.update(
        PATH=f"{tmp_path}{os.pathsep}{env.get('PATH', '')}",
        XDG_RUNTIME_DIR=str(tmp_path),
        QT_QPA_PLATFORM="offscreen",
    )
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["SampleSounds", "False"]
    assert [c[-1] for c in calls(tmp_path)] == [
        wav(n) for n in ("start", "tick", "tick", "tick", "chime")
    ]


def test_no_sound_server_means_qt_sounds_saying_so_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # paplay is there, nobody listens: no child per tone that fails each time.
    fake_player(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv(ENGINE_ENV, raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path}/none")
    sounds = make_sounds()
    assert isinstance(sounds, QtSounds)
    assert sounds.problem == no_output_sentence()
    (tmp_path / "pulse").mkdir()
    (tmp_path / "pulse" / "native").touch()
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path}/pulse/native")
    assert isinstance(make_sounds(), SampleSounds)
    monkeypatch.setenv(ENGINE_ENV, "child")
    assert isinstance(make_sounds(), ChildSounds)
