"""The screen keep-awake, on each platform's real path.

Linux for real: a private D-Bus daemon, a fake org.freedesktop.ScreenSaver in a
separate process (a blocking call from this process to an object served by
this same process over the bus waits on itself until the call times out), and
the inhibitor talking to it over that bus. Windows and macOS through fakes of
the one call each makes (ctypes' kernel32, subprocess.Popen), plus a real child
process standing in for `caffeinate` to show none is left behind.
"""

from __future__ import annotations

import ctypes
import itertools
import logging
import os
import select
import shutil
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any, ClassVar

import pytest
from PySide6.QtDBus import QDBusConnection

from timer_app import APP_ID
from timer_app.gui.desktop.screensaver import (
    ScreenSaverInhibitor,
    _FreedesktopInhibitor,
    _MacInhibitor,
    _Noop,
    _WindowsInhibitor,
)

# Like GNOME's (random uint32s), above 2**31: a cookie sent back as a signed int breaks.
FIRST_COOKIE = 3_000_000_001

# A minimal session bus: its own socket in the test's folder, anyone may own names.
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={folder}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*"/>
    <allow receive_sender="*"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""

# The fake desktop service, with the spec's signatures: Inhibit(s, s) -> u and
# UnInhibit(u) (a cookie sent as another integer type finds no method, as on
# GNOME and KDE). It writes one line per call to a file, before it replies.
FAKE_SERVICE = textwrap.dedent(
    f"""
    import sys
    from PySide6.QtCore import QCoreApplication, QObject, Slot
    from PySide6.QtDBus import QDBusConnection

    def log(*words):
        with open(sys.argv[2], "a", encoding="utf-8") as calls:
            print(*words, sep="|", file=calls)

    class ScreenSaver(QObject):
        cookie = {FIRST_COOKIE}

        @Slot(str, str, result="uint")
        def Inhibit(self, app_id, reason):
            cookie, ScreenSaver.cookie = ScreenSaver.cookie, ScreenSaver.cookie + 1
            log("Inhibit", app_id, reason, cookie)
            return cookie

        @Slot("uint")
        def UnInhibit(self, cookie):
            log("UnInhibit", cookie)

    app = QCoreApplication([])
    bus = QDBusConnection.connectToBus(sys.argv[1], "fake-screensaver")
    service = ScreenSaver()
    exported = bus.registerObject(
        "/org/freedesktop/ScreenSaver",
        "org.freedesktop.ScreenSaver",
        service,
        QDBusConnection.RegisterOption.ExportAllSlots,
    )
    named = bus.registerService("org.freedesktop.ScreenSaver")
    print("ready" if exported and named else "failed", flush=True)
    app.exec()
    """
)

_names = itertools.count()


def _read_line(process: subprocess.Popen[str], seconds: float = 10.0) -> str:
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], seconds)
    assert ready, "no answer from the child process"
    return process.stdout.readline().strip()


def _stop(process: subprocess.Popen[str]) -> None:
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@dataclass
class Bus:
    address: str


@pytest.fixture(autouse=True)
def no_real_screensaver() -> None:
    """Overrides conftest's fixture of that name: this module tests the real backends."""


@pytest.fixture
def bus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Bus]:
    """A private session bus; DBUS_SESSION_BUS_ADDRESS points at it for the test."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("dbus-daemon is not installed (Debian package: dbus-daemon)")
    config = tmp_path / "bus.conf"
    config.write_text(BUS_CONFIG.format(folder=tmp_path), encoding="utf-8")
    process = subprocess.Popen(
        [daemon, f"--config-file={config}", "--print-address", "--nofork"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # "failed to set fd limit" as non-root is noise
        text=True,
    )
    try:
        address = _read_line(process)
        if not address:
            pytest.skip("dbus-daemon did not start a bus here")
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        yield Bus(address)
    finally:
        _stop(process)


@pytest.fixture
def connection(bus: Bus, qapp: Any) -> Iterator[QDBusConnection]:
    """Our own connection to the private bus: sessionBus() is made once per process."""
    name = f"test-screensaver-{next(_names)}"
    conn = QDBusConnection.connectToBus(bus.address, name)
    assert conn.isConnected(), conn.lastError().message()
    yield conn
    QDBusConnection.disconnectFromBus(name)


class FakeService:
    def __init__(self, process: subprocess.Popen[str], log: Path) -> None:
        self.process = process
        self.log = log

    def calls(self) -> list[str]:
        """Every call so far (each is written down before its reply is sent)."""
        return self.log.read_text(encoding="utf-8").splitlines()


@pytest.fixture
def service(bus: Bus, tmp_path: Path) -> Iterator[FakeService]:
    log = tmp_path / "calls.txt"
    log.touch()
    process = subprocess.Popen(
        [sys.executable, "-c", FAKE_SERVICE, bus.address, str(log)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert _read_line(process) == "ready"
        yield FakeService(process, log)
    finally:
        _stop(process)


# -- Linux: org.freedesktop.ScreenSaver over D-Bus ---------------------------------------


def test_hold_inhibits_once_and_release_hands_back_the_same_cookie(
    service: FakeService, connection: QDBusConnection
) -> None:
    inhibitor = ScreenSaverInhibitor(_FreedesktopInhibitor(connection))

    assert inhibitor.hold("Knee to chest") is True
    assert service.calls() == [f"Inhibit|{APP_ID}|Knee to chest|{FIRST_COOKIE}"]

    assert inhibitor.hold("Knee to chest") is True  # resume twice, Space pressed twice ...
    assert len(service.calls()) == 1  # ... still one inhibit

    inhibitor.release()
    inhibitor.release()
    assert service.calls()[1:] == [f"UnInhibit|{FIRST_COOKIE}"]

    # The next session (or a resume) asks again and gets a new cookie.
    assert inhibitor.hold() is True
    inhibitor.release()
    assert service.calls()[2:] == [
        f"Inhibit|{APP_ID}|Exercise session in progress|{FIRST_COOKIE + 1}",
        f"UnInhibit|{FIRST_COOKIE + 1}",
    ]


def test_the_default_backend_uses_the_session_bus_of_the_environment(
    bus: Bus, service: FakeService
) -> None:
    # A fresh process, as the app starts: DBUS_SESSION_BUS_ADDRESS (set by the
    # fixture) is all that tells it where the desktop is.
    script = textwrap.dedent(
        """
        from PySide6.QtCore import QCoreApplication
        from timer_app.gui.desktop.screensaver import ScreenSaverInhibitor
        app = QCoreApplication([])
        inhibitor = ScreenSaverInhibitor()
        print(inhibitor.hold(), flush=True)
        inhibitor.release()
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=30
    )
    assert (done.returncode, done.stdout.strip(), done.stderr) == (0, "True", "")
    assert service.calls() == [
        f"Inhibit|{APP_ID}|Exercise session in progress|{FIRST_COOKIE}",
        f"UnInhibit|{FIRST_COOKIE}",
    ]


def test_without_a_screensaver_service_hold_says_no_quietly(
    connection: QDBusConnection, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.INFO)
    inhibitor = ScreenSaverInhibitor(_FreedesktopInhibitor(connection))

    assert inhibitor.hold() is False
    inhibitor.release()

    assert inhibitor.active is False
    assert [r.levelno for r in caplog.records] == [logging.INFO]  # a note, no warning
    assert "org.freedesktop.ScreenSaver" in caplog.text
    assert capfd.readouterr().err == ""


def test_without_a_bus_hold_says_no_quietly(
    tmp_path: Path, qapp: Any, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.INFO)
    name = f"test-screensaver-{next(_names)}"
    nowhere = QDBusConnection.connectToBus(f"unix:path={tmp_path / 'no-bus'}", name)
    try:
        inhibitor = ScreenSaverInhibitor(_FreedesktopInhibitor(nowhere))
        assert inhibitor.hold() is False
        inhibitor.release()
    finally:
        QDBusConnection.disconnectFromBus(name)
    assert all(r.levelno == logging.INFO for r in caplog.records)
    assert "no D-Bus session bus" in caplog.text
    assert capfd.readouterr().err == ""


def test_a_fresh_app_without_a_bus_keeps_running_and_prints_nothing(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        from PySide6.QtCore import QCoreApplication
        from timer_app.gui.desktop.screensaver import ScreenSaverInhibitor
        app = QCoreApplication([])
        inhibitor = ScreenSaverInhibitor()
        print(inhibitor.hold(), flush=True)
        inhibitor.release()
        """
    )
    env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=f"unix:path={tmp_path / 'no-bus'}")
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=30
    )
    assert (done.returncode, done.stdout.strip(), done.stderr) == (0, "False", "")


def test_a_service_that_went_away_before_release_is_no_trouble(
    service: FakeService, connection: QDBusConnection, capfd: pytest.CaptureFixture[str]
) -> None:
    inhibitor = ScreenSaverInhibitor(_FreedesktopInhibitor(connection))
    assert inhibitor.hold() is True
    _stop(service.process)  # the desktop restarted its power manager

    inhibitor.release()

    assert inhibitor.active is False
    assert capfd.readouterr().err == ""


# A desktop service that hangs: it owns the name and the object, but its Inhibit
# ("inhibit") or UnInhibit ("uninhibit") never answers; with "all" its main
# thread is stuck, so even introspection goes unanswered.
HUNG_SERVICE = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import QCoreApplication, QObject, Slot
    from PySide6.QtDBus import QDBusConnection

    class ScreenSaver(QObject):
        @Slot(str, str, result="uint")
        def Inhibit(self, app_id, reason):
            if sys.argv[2] == "inhibit":
                time.sleep(600)
            return 7

        @Slot("uint")
        def UnInhibit(self, cookie):
            time.sleep(600)

    app = QCoreApplication([])
    bus = QDBusConnection.connectToBus(sys.argv[1], "hung-screensaver")
    service = ScreenSaver()
    bus.registerObject(
        "/org/freedesktop/ScreenSaver",
        "org.freedesktop.ScreenSaver",
        service,
        QDBusConnection.RegisterOption.ExportAllSlots,
    )
    print("ready" if bus.registerService("org.freedesktop.ScreenSaver") else "failed", flush=True)
    if sys.argv[2] == "all":
        time.sleep(600)
    app.exec()
    """
)

# Qt's own default: the time a blocking call waited before this fix (27 s measured
# with a hung service: 25 s of introspection, then the call).
QT_DEFAULT_TIMEOUT_S = 25.0


@pytest.fixture
def hung(bus: Bus) -> Iterator[Any]:
    started: list[subprocess.Popen[str]] = []

    def start(mode: str) -> None:
        process = subprocess.Popen(
            [sys.executable, "-c", HUNG_SERVICE, bus.address, mode],
            stdout=subprocess.PIPE,
            text=True,
        )
        started.append(process)
        assert _read_line(process) == "ready"

    yield start
    for process in started:
        _stop(process)


def _timed(call: Any) -> tuple[Any, float]:
    began = time.monotonic()
    result = call()
    return result, time.monotonic() - began


@pytest.mark.parametrize("mode", ["all", "inhibit"])
def test_a_hung_desktop_service_holds_the_window_a_second_and_only_once(
    hung: Any, connection: QDBusConnection, caplog: pytest.LogCaptureFixture, mode: str
) -> None:
    caplog.set_level(logging.INFO)
    hung(mode)
    inhibitor = ScreenSaverInhibitor(_FreedesktopInhibitor(connection))

    held, first = _timed(inhibitor.hold)
    inhibitor.release()  # the session paused ...
    held_again, second = _timed(inhibitor.hold)  # ... and resumed

    assert held is False and held_again is False
    limit = _FreedesktopInhibitor.CALL_TIMEOUT_MS / 1000
    assert first < limit + 1.0 < QT_DEFAULT_TIMEOUT_S
    assert second < 0.2  # not asked again: no second freeze
    assert "did not answer" in caplog.text
    assert all(r.levelno == logging.INFO for r in caplog.records)


def test_a_hung_uninhibit_holds_the_window_a_second_at_most(
    hung: Any, connection: QDBusConnection, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    hung("uninhibit")
    inhibitor = ScreenSaverInhibitor(_FreedesktopInhibitor(connection))
    assert inhibitor.hold() is True

    _, took = _timed(inhibitor.release)

    assert took < _FreedesktopInhibitor.CALL_TIMEOUT_MS / 1000 + 1.0
    assert inhibitor.active is False
    assert "uninhibit failed" in caplog.text


# -- Windows: SetThreadExecutionState ----------------------------------------------------

# Values from Microsoft's documentation:
# https://learn.microsoft.com/en-us/windows/win32/api/winbase/nf-winbase-setthreadexecutionstate
ES_CONTINUOUS = 0x80000000
ES_SYSTEM_REQUIRED = 0x00000001
ES_DISPLAY_REQUIRED = 0x00000002


class FakeKernel32:
    def __init__(self, answer: int) -> None:
        self.answer = answer  # the previous state; 0 (NULL) means the call failed
        self.flags: list[int] = []

    def SetThreadExecutionState(self, flags: int) -> int:
        self.flags.append(flags)
        return self.answer


def fake_windll(monkeypatch: pytest.MonkeyPatch, answer: int) -> FakeKernel32:
    kernel32 = FakeKernel32(answer)
    monkeypatch.setattr(ctypes, "windll", SimpleNamespace(kernel32=kernel32), raising=False)
    return kernel32


def test_windows_keeps_display_and_system_on_and_release_clears_both(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kernel32 = fake_windll(monkeypatch, answer=ES_CONTINUOUS)
    inhibitor = ScreenSaverInhibitor(_WindowsInhibitor())

    assert inhibitor.hold() is True
    assert inhibitor.hold() is True
    assert kernel32.flags == [ES_CONTINUOUS | ES_SYSTEM_REQUIRED | ES_DISPLAY_REQUIRED]
    assert kernel32.flags == [0x80000003]

    inhibitor.release()
    inhibitor.release()
    assert kernel32.flags[1:] == [ES_CONTINUOUS]


def test_windows_call_that_fails_is_a_quiet_no(monkeypatch: pytest.MonkeyPatch) -> None:
    kernel32 = fake_windll(monkeypatch, answer=0)
    inhibitor = ScreenSaverInhibitor(_WindowsInhibitor())

    assert inhibitor.hold() is False
    inhibitor.release()

    assert kernel32.flags == [0x80000003]  # nothing was set, so nothing to clear


def test_windows_backend_off_windows_is_a_quiet_no(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(ctypes, "windll", raising=False)
    assert _WindowsInhibitor().inhibit("session") is False


# -- macOS: caffeinate -------------------------------------------------------------------


class FakePopen:
    started: ClassVar[list[FakePopen]] = []
    stubborn = False  # ignores SIGTERM

    def __init__(self, argv: list[str], **kwargs: Any) -> None:
        self.argv = argv
        self.pid = 4242
        self.returncode: int | None = None
        self.events: list[str] = []
        FakePopen.started.append(self)

    def poll(self) -> int | None:
        return self.returncode

    def terminate(self) -> None:
        self.events.append("terminate")
        if not self.stubborn:
            self.returncode = -15

    def kill(self) -> None:
        self.events.append("kill")
        self.returncode = -9

    def wait(self, timeout: float | None = None) -> int:
        self.events.append(f"wait {timeout}")
        if self.returncode is None:
            raise subprocess.TimeoutExpired(self.argv, timeout or 0)
        return self.returncode


@pytest.fixture
def popen(monkeypatch: pytest.MonkeyPatch) -> type[FakePopen]:
    FakePopen.started = []
    monkeypatch.setattr(subprocess, "Popen", FakePopen)
    return FakePopen


def test_mac_runs_caffeinate_for_the_display_watching_our_pid(popen: type[FakePopen]) -> None:
    inhibitor = ScreenSaverInhibitor(_MacInhibitor())

    assert inhibitor.hold() is True
    assert inhibitor.hold() is True

    assert [p.argv for p in popen.started] == [["caffeinate", "-d", "-w", str(os.getpid())]]


def test_mac_release_stops_caffeinate_and_waits_for_it(popen: type[FakePopen]) -> None:
    inhibitor = ScreenSaverInhibitor(_MacInhibitor())
    inhibitor.hold()
    inhibitor.release()
    inhibitor.release()

    (caffeinate,) = popen.started
    assert caffeinate.events == ["terminate", f"wait {_MacInhibitor.STOP_TIMEOUT_S}"]


def test_mac_caffeinate_that_ignores_terminate_is_killed(
    popen: type[FakePopen], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(FakePopen, "stubborn", True)
    inhibitor = ScreenSaverInhibitor(_MacInhibitor())
    inhibitor.hold()
    inhibitor.release()

    (caffeinate,) = popen.started
    timeout = _MacInhibitor.STOP_TIMEOUT_S
    assert caffeinate.events == ["terminate", f"wait {timeout}", "kill", f"wait {timeout}"]


def test_mac_without_caffeinate_is_a_quiet_no(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def missing(argv: list[str], **kwargs: Any) -> None:
        raise FileNotFoundError(2, "No such file or directory", argv[0])

    monkeypatch.setattr(subprocess, "Popen", missing)
    caplog.set_level(logging.INFO)
    inhibitor = ScreenSaverInhibitor(_MacInhibitor())

    assert inhibitor.hold() is False
    inhibitor.release()

    assert [r.levelno for r in caplog.records] == [logging.INFO]


def test_mac_release_leaves_no_zombie_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A real child standing in for caffeinate: found on PATH, runs until stopped.
    stand_in = tmp_path / "caffeinate"
    stand_in.write_text("#!/bin/sh\nexec sleep 30\n", encoding="utf-8")
    stand_in.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    backend = _MacInhibitor()

    assert backend.inhibit("session") is True
    child = backend._process
    assert child is not None and child.poll() is None

    backend.release()

    assert child.returncode is not None  # reaped: it is gone, not a zombie
    with pytest.raises(ChildProcessError):
        os.waitpid(child.pid, os.WNOHANG)


# -- choosing the platform ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("platform", "backend"),
    [
        ("win32", _WindowsInhibitor),
        ("cygwin", _Noop),
        ("darwin", _MacInhibitor),
        ("linux", _FreedesktopInhibitor),
        ("freebsd14", _FreedesktopInhibitor),
        ("openbsd7", _FreedesktopInhibitor),
        ("sunos5", _Noop),
    ],
)
def test_each_platform_gets_its_own_backend(
    monkeypatch: pytest.MonkeyPatch, platform: str, backend: type
) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    assert type(ScreenSaverInhibitor._for_platform()) is backend
