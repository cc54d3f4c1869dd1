"""Spoken prompts over speech-dispatcher's socket (SSIP), one connection while a
session speaks (issue 18: `spd-say` a sentence restarted speech-dispatcher for
nearly every sentence, ~340 ms of CPU each).

A fake speech-dispatcher (`ssip_server.FakeSpeechd`, a real unix socket in a
temporary dir) answers as the real one does, or is absent, wedged or voiceless;
a fake `speech-dispatcher --spawn` (a shell script) "starts" it."""

from __future__ import annotations

import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from timer_app.gui.audio import speech_engine, ssip
from timer_app.gui.audio.speech_process import problem_sentence
from timer_app.gui.audio.ssip import SsipSpeech, escaped

from .ssip_server import FakeSpeechd

pytestmark = pytest.mark.qt

WAIT_MS = 5000


@pytest.fixture
def folder() -> Iterator[Path]:
    """A short dir: unix socket paths are limited to ~100 characters."""
    with tempfile.TemporaryDirectory(prefix="sd") as name:
        yield Path(name)


Make = Callable[..., tuple[SsipSpeech, FakeSpeechd]]
BACKEND_OPTIONS = ("answer_ms", "sentence_slack_ms", "idle_close_ms")


@pytest.fixture
def make(folder: Path) -> Iterator[Make]:
    """make(spawner, **options): a fake speech-dispatcher on folder/speechd.sock
    (FakeSpeechd's options) and an `SsipSpeech` for it (its time limits)."""
    made: list[tuple[SsipSpeech, FakeSpeechd]] = []

    def make(spawner: Path | None = None, **options: Any) -> tuple[SsipSpeech, FakeSpeechd]:
        limits = {k: options.pop(k) for k in BACKEND_OPTIONS if k in options}
        speechd = FakeSpeechd(folder / "speechd.sock", **options)
        speechd.start()
        backend = SsipSpeech(
            socket_path=folder / "speechd.sock",
            spawn_program=str(spawner or folder / "not-installed"),
            **limits,
        )
        made.append((backend, speechd))
        return backend, speechd

    yield make
    for backend, speechd in made:
        backend.stop()
        speechd.close()


def fake_spawner(folder: Path, works: bool = True) -> Path:
    """A `speech-dispatcher` that records its arguments and, when it works, lets
    the fake daemon listen (it waits for the file `started`)."""
    script = folder / "speech-dispatcher"
    script.write_text(
        f"""#!/bin/sh
printf '%s\\n' "$@" > "{folder}/spawn-args.txt"
[ "{"works" if works else "fails"}" = "works" ] || {{ echo "cannot open socket" >&2; exit 1; }}
touch "{folder}/started"
# Like the real one, it returns once the daemon listens.
for i in $(seq 500); do [ -S "{folder}/speechd.sock" ] && exit 0; sleep 0.01; done
exit 1
"""
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def idle_counter(backend: SsipSpeech) -> list[bool]:
    idle: list[bool] = []
    backend.set_on_idle(lambda: idle.append(True))
    return idle


def test_sentences_are_spoken_one_after_the_other_over_one_connection(
    qtbot: QtBot, make: Make
) -> None:
    backend, speechd = make(auto_end=False)
    idle = idle_counter(backend)
    assert backend.checking and not backend.available
    # Asked for before speech-dispatcher has answered: held, never lost.
    backend.say("Knee hug.   Get ready.\nStart with your left side.")
    backend.say("Hold.")
    with qtbot.waitSignal(backend.sig_status_changed, timeout=WAIT_MS):
        pass
    assert backend.available and not backend.checking and backend.problem == ""
    qtbot.waitUntil(lambda: len(speechd.spoken) == 1, timeout=WAIT_MS)
    assert speechd.spoken == ["Knee hug. Get ready. Start with your left side."]
    # The second waits until speech-dispatcher says the first has ended.
    qtbot.wait(50)
    assert len(speechd.spoken) == 1 and backend.is_speaking() and not idle
    speechd.end_sentences()
    qtbot.waitUntil(lambda: len(speechd.spoken) == 2, timeout=WAIT_MS)
    assert not idle  # "Hold." is still being said
    speechd.end_sentences()
    qtbot.waitUntil(lambda: bool(idle), timeout=WAIT_MS)
    assert not backend.is_speaking() and idle == [True]
    assert speechd.spoken[1] == "Hold."
    assert speechd.connections == 1
    assert speechd.commands[:6] == [
        "SET SELF CLIENT_NAME user:timer-app:main",
        "LIST OUTPUT_MODULES",
        "SET SELF LANGUAGE en",
        "SET SELF VOLUME 20",  # the worker's 0.6 on speech-dispatcher's scale
        "SET SELF NOTIFICATION END on",
        "SET SELF NOTIFICATION CANCEL on",
    ]


def test_words_that_look_like_protocol_are_spoken_not_obeyed(qtbot: QtBot, make: Make) -> None:
    backend, speechd = make()
    idle = idle_counter(backend)
    backend.say(".")  # alone, it would end the text
    backend.say(".hidden QUIT\r\nSPEAK")
    qtbot.waitUntil(lambda: bool(idle), timeout=WAIT_MS)  # once both are said
    assert speechd.spoken == [".", ".hidden QUIT SPEAK"]
    assert speechd.raw_text == ["..", "..hidden QUIT SPEAK"]
    assert speechd.commands.count("SPEAK") == 2 and "QUIT" not in speechd.commands
    assert escaped("a\n.b") == b"a\r\n..b\r\n.\r\n"


def test_no_speech_dispatcher_yet_is_started_once_then_spoken_to(
    qtbot: QtBot, folder: Path, make: Make
) -> None:
    backend, speechd = make(fake_spawner(folder), started_by=folder / "started")
    idle = idle_counter(backend)
    backend.say("Rest")
    qtbot.waitUntil(lambda: bool(idle), timeout=WAIT_MS)
    assert backend.available and speechd.spoken == ["Rest"]
    arguments = (folder / "spawn-args.txt").read_text().split()
    assert arguments == [
        "--spawn",
        "--communication-method",
        "unix_socket",
        "--socket-path",
        str(folder / "speechd.sock"),
    ]


@pytest.mark.parametrize(
    ("case", "code"),
    [
        ("not installed", speech_engine.NOT_INSTALLED),
        ("would not start", speech_engine.FAILED),
        ("no voice", speech_engine.NO_VOICE),
        ("does not answer", speech_engine.STUCK),
    ],
)
def test_speech_that_cannot_work_says_why_in_the_workers_words(
    qtbot: QtBot,
    folder: Path,
    make: Make,
    case: str,
    code: str,
) -> None:
    if case == "not installed":
        backend, _ = make(started_by=folder / "never")
    elif case == "would not start":
        backend, _ = make(fake_spawner(folder, works=False), started_by=folder / "never")
    elif case == "no voice":
        backend, _ = make(modules=("dummy",))
    else:
        backend, _ = make(answers=False, answer_ms=300)
    with qtbot.waitSignal(backend.sig_status_changed, timeout=WAIT_MS):
        backend.check()
    assert not backend.available and not backend.checking
    assert backend.problem == problem_sentence(code)
    backend.say("Rest")  # silent from now on, and no error
    assert not backend.is_speaking()


def test_a_sentence_that_never_ends_means_a_stuck_engine_not_a_hang(
    qtbot: QtBot, make: Make
) -> None:
    backend, speechd = make(auto_end=False, sentence_slack_ms=300)
    backend.check()
    qtbot.waitUntil(lambda: backend.available, timeout=WAIT_MS)
    backend.say("Hold")
    with qtbot.waitSignal(backend.sig_status_changed, timeout=WAIT_MS):
        pass
    assert backend.problem == problem_sentence(speech_engine.STUCK)
    assert speechd.spoken == ["Hold"] and not backend.is_speaking()


def test_a_quiet_minute_lets_speech_dispatcher_go_and_the_next_sentence_comes_back(
    qtbot: QtBot, make: Make
) -> None:
    backend, speechd = make(idle_close_ms=200)
    idle = idle_counter(backend)
    backend.say("Paused")
    qtbot.waitUntil(lambda: speechd.quits == 1, timeout=WAIT_MS)  # it may end now
    backend.say("Rep 2 of 3. Hold.")
    qtbot.waitUntil(lambda: len(idle) == 2, timeout=WAIT_MS)
    assert speechd.spoken == ["Paused", "Rep 2 of 3. Hold."]
    assert speechd.connections == 2 and backend.available


def test_speech_dispatcher_going_away_between_sentences_is_not_a_failure(
    qtbot: QtBot, make: Make
) -> None:
    backend, speechd = make()
    idle = idle_counter(backend)
    backend.say("Rest")
    qtbot.waitUntil(lambda: bool(idle), timeout=WAIT_MS)
    speechd.hang_up()
    qtbot.waitUntil(lambda: backend._sock is None, timeout=WAIT_MS)
    backend.say("Switch to your right side")
    qtbot.waitUntil(lambda: len(idle) == 2, timeout=WAIT_MS)
    assert speechd.spoken[-1] == "Switch to your right side"
    assert backend.available and backend.problem == ""


def test_linux_with_speech_dispatcher_speaks_over_its_socket_unless_an_engine_is_named(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    monkeypatch.delenv("SPEECHD_ADDRESS", raising=False)
    monkeypatch.delenv(ssip.ENGINE_ENV, raising=False)
    monkeypatch.setenv("PATH", str(folder))  # no speech-dispatcher installed...
    assert not ssip.preferred("linux")
    fake_spawner(folder)  # ...now there is one
    assert ssip.preferred("linux")
    assert not ssip.preferred("win32")
    monkeypatch.setenv("SPEECHD_ADDRESS", "inet_socket:127.0.0.1:6560")  # spd-say's
    assert not ssip.preferred("linux")
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{folder}/elsewhere.sock")
    assert ssip.preferred("linux")
    monkeypatch.setenv(ssip.ENGINE_ENV, "mock")  # the tests' worker engine
    assert not ssip.preferred("linux")
