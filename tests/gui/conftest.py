"""GUI tests need PySide6; the no-Qt CI run (core and storage only) skips them."""

import os

import pytest

# The speech worker (a child process) speaks with Qt's silent test engine in
# tests: no speech-dispatcher is started, and it is ready in a fraction of a second.
os.environ.setdefault("TIMER_APP_SPEECH_ENGINE", "mock")

pytest.importorskip("PySide6.QtWidgets", reason="PySide6 is not installed")
