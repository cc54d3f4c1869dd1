"""`timer-app reminders run` as a person meets it: a real background process on a
private session bus with a strict fake notification server; the app's window in
this test process, as a running app. Exactly one notification with Start and
In 15 minutes; Start opens the ready screen of that routine; one process per
data dir; turning it off in the settings ends it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import REPO_ROOT
from tests.gui.reminders.fake_notifications import FakeNotificationServer, notification_server
from tests.gui.reminders.reminder_support import (
    ROUTINE_ID,
    ROUTINE_TITLE,
    set_reminders,
    write_routine,
)
from timer_app.core.clock import FakeClock
from timer_app.gui.desktop.single_instance import SingleInstance
from timer_app.gui.window.main_window import MainWindow
from timer_app.gui.window.start import build_main_window
from timer_app.storage.settings import load_settings

pytestmark = pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="freedesktop notifications"
)


def _reminders_run() -> list[str]:
    return [sys.executable, "-m", "timer_app", "reminders", "run"]


def _env(address: str) -> dict[str, str]:
    env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=address, QT_QPA_PLATFORM="offscreen")
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return env


@pytest.fixture
def server() -> Iterator[FakeNotificationServer]:
    with notification_server() as found:
        yield found


@pytest.fixture
def app_window(qtbot: QtBot, data_dir: Path) -> Iterator[MainWindow]:
    """The app, already open on this data dir (the first instance)."""
    instance = SingleInstance(data_dir)
    assert instance.acquire()
    window = build_main_window(
        start=None, clock=FakeClock(), settings=load_settings(), history=None
    )
    qtbot.addWidget(window)
    window.show()
    instance.sig_activate.connect(window.bring_to_front)
    yield window
    instance.release()


@pytest.fixture
def background(server: FakeNotificationServer, data_dir: Path) -> Iterator[subprocess.Popen[str]]:
    write_routine(data_dir, REPO_ROOT)
    # 00:00 has always passed today: the first check shows it (a reminder missed
    # before the process started, still useful today). No quiet hours.
    set_reminders(
        enabled=True, in_background=True, times=["00:00"], quiet_start="00:00", quiet_end="00:00"
    )
    process = subprocess.Popen(
        _reminders_run(),
        env=_env(server.address),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    yield process
    if process.poll() is None:
        process.terminate()
    process.communicate(timeout=20)


def test_one_notification_and_start_opens_the_ready_screen(
    qtbot: QtBot,
    server: FakeNotificationServer,
    background: subprocess.Popen[str],
    app_window: MainWindow,
) -> None:
    qtbot.waitUntil(lambda: len(server.received) == 1, timeout=30_000)
    (shown,) = server.received
    assert shown.title == f"Time for your {ROUTINE_TITLE} session"
    assert shown.actions == ["start", "Start", "snooze", "In 15 minutes"]
    assert server.refused == []
    assert app_window.current_page() != "session"

    server.invoke(shown.id, "start")
    view = app_window.session_view
    qtbot.waitUntil(
        lambda: (
            app_window.current_page() == "session"
            and view.plan is not None
            and view.plan.routine.id == ROUTINE_ID
        ),
        timeout=30_000,
    )
    assert view.stack.currentWidget() is view.ready  # ready for Space, not started
    assert len(server.received) == 1 and background.poll() is None


def test_one_per_data_dir_and_turning_it_off_ends_it(
    qtbot: QtBot, server: FakeNotificationServer, background: subprocess.Popen[str]
) -> None:
    qtbot.waitUntil(lambda: len(server.received) == 1, timeout=30_000)
    second = subprocess.run(
        _reminders_run(),
        env=_env(server.address),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert second.returncode == 0
    assert "already run" in second.stderr

    set_reminders(in_background=False)
    assert background.wait(timeout=20) == 0
    assert len(server.received) == 1


def test_started_with_the_app_it_ends_with_the_app(
    qtbot: QtBot, server: FakeNotificationServer, data_dir: Path
) -> None:
    write_routine(data_dir, REPO_ROOT)
    set_reminders(enabled=True, times=["00:00"], quiet_start="00:00", quiet_end="00:00")
    # Not "even when the app is closed": alone, it does not run at all.
    alone = subprocess.run(
        _reminders_run(), env=_env(server.address), capture_output=True, text=True, timeout=60
    )
    assert alone.returncode == 0 and "off" in alone.stderr
    app = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"],
                           stdin=subprocess.PIPE)  # fmt: skip
    process = subprocess.Popen(
        [*_reminders_run(), "--with-app", str(app.pid)],
        env=_env(server.address),
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        qtbot.waitUntil(lambda: len(server.received) == 1, timeout=30_000)
        assert process.poll() is None
        assert app.stdin is not None
        app.stdin.close()  # the app quits
        assert app.wait(timeout=20) == 0
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=20)
