"""The standalone bundle starts its speech worker as itself: it has no `python -m`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from timer_app import SPEECH_WORKER_FLAG
from timer_app.gui.audio import speech_process

ENTRY = Path(__file__).resolve().parents[2] / "packaging" / "entry.py"


def test_a_frozen_bundle_starts_the_worker_as_its_own_executable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/timer-app/timer-app")
    assert speech_process.worker_command() == ("/opt/timer-app/timer-app", SPEECH_WORKER_FLAG)


def test_from_python_the_worker_is_a_module() -> None:
    assert speech_process.worker_command() == (
        sys.executable,
        "-m",
        "timer_app.gui.audio.speech_worker",
    )


def test_the_bundle_entry_script_runs_the_worker_when_asked() -> None:
    # What the bundle's executable runs, started the way worker_command() starts it.
    done = subprocess.run(
        [sys.executable, str(ENTRY), SPEECH_WORKER_FLAG, "--engine", "mock"],
        input="say Knee-to-chest stretch. Hold.\nquit\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    lines = done.stdout.splitlines()
    assert lines[0].startswith("ready mock"), done.stderr
    assert "idle" in lines


def test_the_bundle_entry_script_is_the_command_line_otherwise() -> None:
    done = subprocess.run(
        [sys.executable, str(ENTRY), "--version"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and "timer-app" in done.stdout
