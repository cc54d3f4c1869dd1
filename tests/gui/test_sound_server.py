"""Tones need a sound server; where none listens, QtMultimedia (~19 MiB) is never
loaded and the person reads why sounds are off (issue 18: memory)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from timer_app.gui.audio.sound_effects import no_output_sentence, sound_server_present

pytestmark = pytest.mark.qt

PROBE = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from timer_app.gui.audio.sound_effects import QtSounds
sounds = QtSounds(app)
print(sounds.available, "PySide6.QtMultimedia" in sys.modules)
print(sounds.problem)
"""


def test_no_sound_server_means_no_multimedia_loaded_and_a_plain_sentence(
    tmp_path: Path,
) -> None:
    env = dict(os.environ)
    env.update(
        XDG_RUNTIME_DIR=str(tmp_path),
        PULSE_SERVER=f"unix:{tmp_path}/none",  # as bench/session_cost.py sets it
        QT_QPA_PLATFORM="offscreen",
    )
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    first, problem = done.stdout.splitlines()[:2]
    assert first == "False False"
    assert problem == no_output_sentence()


@pytest.mark.parametrize(
    ("made", "environ", "present"),
    [
        ([], {}, False),
        (["pulse/native"], {}, True),  # PulseAudio, or PipeWire's pulse server
        (["pipewire-0"], {}, True),
        ([], {"PULSE_SERVER": "tcp:studio.local"}, True),
        (["pulse/native"], {"PULSE_SERVER": "unix:{runtime}/pulse/native"}, True),
        ([], {"PULSE_SERVER": "unix:{runtime}/none"}, False),  # nobody listens there
        ([], {"PULSE_SERVER": "{abc}unix:{runtime}/none tcp:studio.local"}, True),
    ],
)
def test_a_sound_server_is_found_by_its_socket(
    tmp_path: Path, made: list[str], environ: dict[str, str], present: bool
) -> None:
    for name in made:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).touch()
    env = {"XDG_RUNTIME_DIR": str(tmp_path)}
    env.update({k: v.replace("{runtime}", str(tmp_path)) for k, v in environ.items()})
    assert sound_server_present(env, "linux") is present
    assert sound_server_present({"XDG_RUNTIME_DIR": str(tmp_path)}, "win32")
