"""Spoken prompts through `spd-say` on Linux, without a second Python (issue 18:
the speech worker was ~49 MiB): the same states and sentences as the worker.

A fake `spd-say` (a shell script) stands in for speech-dispatcher: it records its
arguments and answers as the real one does when it works, fails, has no voice or
hangs (a speech-dispatcher that lost the audio never says a sentence ended)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from timer_app.gui.audio import speech_dispatcher, speech_engine
from timer_app.gui.audio.speech_dispatcher import ENGINE_ENV, SpdSay, volume_argument
from timer_app.gui.audio.speech_process import problem_sentence

pytestmark = pytest.mark.qt

LISTING = """\
                     NAME                 LANGUAGE                  VARIANT
                Afrikaans                       af                     none
      English (Caribbean)                    en-029                    none
                  English                    en-gb                     none
"""


def fake_spd_say(folder: Path, mode: str) -> Path:
    """An `spd-say` that writes each call's arguments, one per line, to calls.txt."""
    (folder / "listing.txt").write_text(LISTING if mode != "voiceless" else LISTING.split("\n")[0])
    script = folder / "spd-say"
    script.write_text(
        f"""#!/bin/sh
for a in "$@"; do printf '%s\\n' "$a"; done >> "{folder}/calls.txt"
echo --- >> "{folder}/calls.txt"
if [ "$1" = "-L" ]; then
  [ "{mode}" = "refused" ] && {{ echo "Failed to connect to Speech Dispatcher" >&2; exit 1; }}
  cat "{folder}/listing.txt"; exit 0
fi
[ "{mode}" = "hangs" ] && exec sleep 30
exit 0
"""
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def calls(folder: Path) -> list[list[str]]:
    text = (folder / "calls.txt").read_text()
    return [block.strip("\n").split("\n") for block in text.split("---\n") if block.strip()]


def speech(qtbot: QtBot, tmp_path: Path, mode: str = "works", **kwargs: int) -> SpdSay:
    return SpdSay(program=str(fake_spd_say(tmp_path, mode)), **kwargs)


def test_a_sentence_is_spoken_after_the_voices_are_listed(qtbot: QtBot, tmp_path: Path) -> None:
    backend = speech(qtbot, tmp_path)
    idle: list[bool] = []
    backend.set_on_idle(lambda: idle.append(True))
    assert backend.checking and not backend.available
    # Said at once, before speech-dispatcher has answered: held, never lost.
    backend.say("Knee hug.   Get ready.\nStart with your left side.")
    assert backend.is_speaking()
    with qtbot.waitSignal(backend.sig_status_changed, timeout=5000):
        pass
    assert backend.available and not backend.checking and backend.problem == ""
    qtbot.waitUntil(lambda: bool(idle), timeout=5000)
    assert not backend.is_speaking()
    assert calls(tmp_path) == [
        ["-L"],
        ["--wait", "-l", "en", "-i", "20", "--", "Knee hug. Get ready. Start with your left side."],
    ]
    backend.stop()


def test_words_that_look_like_options_are_spoken_not_obeyed(qtbot: QtBot, tmp_path: Path) -> None:
    backend = speech(qtbot, tmp_path)
    backend.check()
    qtbot.waitUntil(lambda: backend.available, timeout=5000)
    idle: list[bool] = []
    backend.set_on_idle(lambda: idle.append(True))
    backend.say("-i 100 --output-module=evil $(reboot) `ls`")
    qtbot.waitUntil(lambda: bool(idle), timeout=5000)
    assert calls(tmp_path)[-1][-2:] == ["--", "-i 100 --output-module=evil $(reboot) `ls`"]
    backend.stop()


@pytest.mark.parametrize(
    ("mode", "code"),
    [
        ("refused", speech_engine.FAILED),  # installed, but speech-dispatcher would not start
        ("voiceless", speech_engine.NO_VOICE),
    ],
)
def test_a_listing_that_fails_says_why_in_the_workers_words(
    qtbot: QtBot, tmp_path: Path, mode: str, code: str
) -> None:
    backend = speech(qtbot, tmp_path, mode)
    with qtbot.waitSignal(backend.sig_status_changed, timeout=5000):
        backend.check()
    assert not backend.available and not backend.checking
    assert backend.problem == problem_sentence(code)
    backend.say("Rest")  # silent from now on, and no error
    assert not backend.is_speaking()


def test_no_spd_say_program_says_speech_dispatcher_is_not_installed(
    qtbot: QtBot, tmp_path: Path
) -> None:
    backend = SpdSay(program=str(tmp_path / "not-there"))
    with qtbot.waitSignal(backend.sig_status_changed, timeout=5000):
        backend.check()
    assert backend.problem == problem_sentence(speech_engine.NOT_INSTALLED)


def test_a_sentence_that_never_ends_means_a_stuck_engine_not_a_hang(
    qtbot: QtBot, tmp_path: Path
) -> None:
    backend = speech(qtbot, tmp_path, "hangs", sentence_slack_ms=300)
    backend.check()
    qtbot.waitUntil(lambda: backend.available, timeout=5000)
    backend.say("Hold")
    with qtbot.waitSignal(backend.sig_status_changed, timeout=10000):
        pass
    assert backend.problem == problem_sentence(speech_engine.STUCK)
    assert not backend.is_speaking()


def test_linux_with_spd_say_speaks_through_it_unless_an_engine_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_spd_say(tmp_path, "works")
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.delenv(ENGINE_ENV, raising=False)
    assert speech_dispatcher.preferred("linux")
    assert not speech_dispatcher.preferred("win32")
    monkeypatch.setenv(ENGINE_ENV, "mock")  # the tests' worker engine
    assert not speech_dispatcher.preferred("linux")


def test_the_volume_is_the_workers_on_speech_dispatchers_scale() -> None:
    assert volume_argument(0.6) == 20  # what Qt's speechd engine sends for 0.6
    assert volume_argument(1.0) == 100
    assert volume_argument(0.0) == -100
