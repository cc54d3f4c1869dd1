"""With no screen, the app says so plainly and exits 1 (no Qt abort, no core dump)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from timer_app.cli.display_check import display_problem


def _never(_: str) -> bool:
    return False


def _always(_: str) -> bool:
    return True


def test_no_display_at_all_is_said_plainly() -> None:
    problem = display_problem({}, "linux", _always, _always)
    assert problem is not None and "no screen" in problem


def test_a_display_that_does_not_answer_is_not_blamed_on_a_library() -> None:
    problem = display_problem({"DISPLAY": ":99"}, "linux", _never, _never)
    assert problem is not None and ":99 does not answer" in problem
    assert "libxcb" not in problem


def test_a_missing_cursor_library_names_the_packages_to_install() -> None:
    problem = display_problem({"DISPLAY": ":0"}, "linux", _never, _always)
    assert problem is not None
    assert "libxcb-cursor0" in problem and "xcb-util-cursor" in problem


@pytest.mark.parametrize(
    "env",
    [
        {"DISPLAY": ":0"},
        {"WAYLAND_DISPLAY": "wayland-0"},  # Wayland needs no X11 cursor library
        {"QT_QPA_PLATFORM": "offscreen"},
        {"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "wayland-0"},
    ],
)
def test_a_usable_screen_passes(env: dict[str, str]) -> None:
    can_load = _always if "DISPLAY" in env else _never
    assert display_problem(env, "linux", can_load, _always) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux displays")
def test_a_real_connection_to_a_display_nobody_runs_fails() -> None:
    problem = display_problem({"DISPLAY": ":4093"}, "linux")
    assert problem is not None and "does not answer" in problem


def test_windows_and_macos_are_not_checked() -> None:
    assert display_problem({}, "win32", _never) is None
    assert display_problem({}, "darwin", _never) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux displays")
def test_the_window_command_with_no_display_exits_1_with_one_sentence() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(
        [sys.executable, "-m", "timer_app"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1
    assert done.stderr.startswith("timer-app: there is no screen")
    assert "Traceback" not in done.stderr and "xcb" not in done.stderr
