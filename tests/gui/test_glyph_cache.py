"""The session's large words are kept as glyph pictures by Qt (issue 18), unless
the person running the app has said otherwise."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.qt

SHOW = "import os, timer_app.gui; print(os.environ['QT_MAX_CACHED_GLYPH_SIZE'])"


def glyph_limit_after_import(**env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k != "QT_MAX_CACHED_GLYPH_SIZE"}
    command = [sys.executable, "-c", SHOW]
    done = subprocess.run(command, env={**clean, **env}, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_words_up_to_128_px_are_kept_as_pictures() -> None:
    assert glyph_limit_after_import() == "128"


def test_a_limit_set_by_the_person_running_the_app_is_kept() -> None:
    assert glyph_limit_after_import(QT_MAX_CACHED_GLYPH_SIZE="64") == "64"
