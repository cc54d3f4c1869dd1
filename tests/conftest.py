"""Test setup shared by every package's tests.

Qt must see QT_QPA_PLATFORM before it is imported, so it is set here at import
time; every test gets its own empty data dir so nothing touches the real one.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep speech-dispatcher and PulseAudio quiet and out of the way in tests.
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false;qt.speech*=false")

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh, empty data dir for every test, with no clinic folders."""
    folder = tmp_path / "data"
    monkeypatch.setenv("TIMER_APP_DATA_DIR", str(folder))
    monkeypatch.setenv("TIMER_APP_ROUTINES_PATH", "")
    yield folder
