"""Qt's messages: in the log always, on the terminal only when they mean something."""

from __future__ import annotations

import io
import logging
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMessageLogger, QObject, qInstallMessageHandler

from timer_app.gui.desktop.qt_messages import DEBUG_ENV, QtMessageHandler

NOISE = "PulseAudioService: pa_context_connect() failed"


@pytest.fixture
def terminal(qapp: object, monkeypatch: pytest.MonkeyPatch) -> Iterator[io.StringIO]:
    """Our handler installed for the test, printing into a string; Qt's put back after."""
    monkeypatch.delenv(DEBUG_ENV, raising=False)
    stream = io.StringIO()
    previous = qInstallMessageHandler(QtMessageHandler(stream))
    try:
        yield stream
    finally:
        qInstallMessageHandler(previous)


def test_library_noise_goes_to_the_log_only(
    terminal: io.StringIO, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    QMessageLogger().warning(NOISE)
    assert NOISE in caplog.text
    assert terminal.getvalue() == ""


def test_a_real_qt_warning_reaches_the_log_and_the_terminal(
    terminal: io.StringIO, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    QObject().startTimer(-1)  # Qt itself warns: a timer cannot have a negative interval
    assert "negative" in caplog.text
    assert "negative" in terminal.getvalue()
    assert [r.levelno for r in caplog.records] == [logging.WARNING]


def test_debug_and_info_stay_in_the_log(
    terminal: io.StringIO, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    QMessageLogger().info("probing audio devices")
    QMessageLogger().debug("a detail")
    assert "probing audio devices" in caplog.text and "a detail" in caplog.text
    assert terminal.getvalue() == ""


def test_timer_app_debug_prints_everything(
    qapp: object, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv(DEBUG_ENV, "1")
    stream = io.StringIO()
    previous = qInstallMessageHandler(QtMessageHandler(stream))
    try:
        QMessageLogger().warning(NOISE)
        QMessageLogger().info("probing audio devices")
    finally:
        qInstallMessageHandler(previous)
    assert NOISE in stream.getvalue() and "probing audio devices" in stream.getvalue()


def run_app_script(body: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    """A fresh process started as `timer-app` starts: the handler comes from app.py."""
    script = textwrap.dedent(
        """
        from PySide6.QtCore import QMessageLogger, QObject
        from timer_app.gui import app as app_module

        app = app_module._application()
        log_file = app_module._log_to_data_dir()
        """
    ) + textwrap.dedent(body)
    env = {k: v for k, v in os.environ.items() if k != DEBUG_ENV}
    env["TIMER_APP_DATA_DIR"] = str(data_dir)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )


def test_the_app_logs_qt_messages_and_prints_only_real_warnings(data_dir: Path) -> None:
    done = run_app_script(
        f"""
        QMessageLogger().warning({NOISE!r})
        QObject().startTimer(-1)
        """,
        data_dir,
    )
    assert done.returncode == 0, done.stderr
    assert NOISE not in done.stderr
    assert "negative" in done.stderr
    logged = (data_dir / "timer-app.log").read_text(encoding="utf-8")
    assert NOISE in logged and "negative" in logged


@pytest.mark.skipif(sys.platform == "win32", reason="SIGABRT as a POSIX exit status")
def test_a_fatal_message_still_aborts_after_reaching_the_log(data_dir: Path) -> None:
    done = run_app_script(
        """
        QMessageLogger().fatal("the GL context is gone")
        print("still running")
        """,
        data_dir,
    )
    assert done.returncode == -signal.SIGABRT
    assert "still running" not in done.stdout
    assert "the GL context is gone" in done.stderr
    logged = (data_dir / "timer-app.log").read_text(encoding="utf-8")
    assert "CRITICAL" in logged and "the GL context is gone" in logged
