"""A private PulseAudio server with a null sink, in a temp dir, for tests that
talk to a real sound server (skipped where `pulseaudio` is not installed).

Started with the daemon's default access rules (no anonymous access): our
client gets in by its credentials, as it does on a laptop."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

# Found once: a test may put only a fake player on PATH.
PULSEAUDIO, PACTL = shutil.which("pulseaudio"), shutil.which("pactl")


class PrivatePulse:
    def __init__(self, folder: Path) -> None:
        if PULSEAUDIO is None or PACTL is None:
            pytest.skip("PulseAudio is not installed here")
        self.folder = folder
        self.socket = str(folder / "pulse" / "native")
        self.env = {**os.environ, "XDG_RUNTIME_DIR": str(folder), "HOME": str(folder)}
        self.env.pop("PULSE_SERVER", None)
        self._daemon = subprocess.Popen(
            [
                PULSEAUDIO,
                "-n",
                "--daemonize=no",
                "--exit-idle-time=-1",
                "--load=module-native-protocol-unix",
                "--load=module-null-sink sink_name=tests",
                "--log-target=file:" + str(folder / "pulseaudio.log"),
            ],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while self.pactl("info") is None:
            if self._daemon.poll() is not None or time.monotonic() > deadline:
                self.stop()
                pytest.skip("a private PulseAudio server would not start here")
            time.sleep(0.05)

    def pactl(self, *args: str) -> str | None:
        done = subprocess.run(
            [str(PACTL), *args], env=self.env, capture_output=True, text=True, timeout=10
        )
        return done.stdout if done.returncode == 0 else None

    def samples(self) -> set[str]:
        """The names in the server's sample cache."""
        listing = self.pactl("list", "short", "samples") or ""
        return {line.split("\t")[1] for line in listing.splitlines() if "\t" in line}

    def playing(self) -> int:
        """How many streams play now."""
        listing = self.pactl("list", "short", "sink-inputs") or ""
        return len(listing.splitlines())

    def stop(self) -> None:
        if self._daemon.poll() is None:
            self._daemon.terminate()
            self._daemon.wait(timeout=10)
