"""Idle time from the desktop: GNOME's idle monitor, the freedesktop screen saver, X11."""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from tests.gui.reminders.fake_notifications import private_bus
from tests.gui.reminders.fake_services import bus_service
from timer_app.gui.reminders import idle, x11
from timer_app.gui.reminders.dbus_link import DBusLink


@pytest.fixture
def no_x11(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(x11, "idle_ms", lambda: None)


def test_gnome_idle_monitor_is_asked_first(qtbot: QtBot, no_x11: None) -> None:
    with (
        private_bus() as address,
        bus_service(
            address, "org.gnome.Mutter.IdleMonitor", {"GetIdletime": ("t", lambda: (90_500,))}
        ),
        bus_service(
            address, "org.freedesktop.ScreenSaver", {"GetSessionIdleTime": ("u", lambda: (7,))}
        ),
    ):
        link = DBusLink.open(address)
        source = idle.find_idle_source(link)
        assert source is not None and source.name == "GNOME (Mutter idle monitor)"
        assert source.idle_seconds() == 90.5
        assert link is not None
        link.close()


def test_the_freedesktop_screen_saver_when_gnome_is_not_there(qtbot: QtBot, no_x11: None) -> None:
    with (
        private_bus() as address,
        bus_service(
            address, "org.freedesktop.ScreenSaver", {"GetSessionIdleTime": ("u", lambda: (4_000,))}
        ),
    ):
        link = DBusLink.open(address)
        source = idle.find_idle_source(link)
        assert source is not None and source.name == "freedesktop screen saver"
        assert source.idle_seconds() == 4.0
        assert link is not None
        link.close()


def test_nothing_tells_idle_time_says_none(
    qtbot: QtBot, no_x11: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    with private_bus() as address:
        link = DBusLink.open(address)
        assert idle.find_idle_source(link) is None
        assert link is not None
        link.close()
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        assert idle.idle_source_name() is None  # what the Settings page shows


@pytest.fixture
def virtual_x_screen(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "640x480x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as numbers:
        display = ":" + numbers.readline().strip()
    monkeypatch.setenv("DISPLAY", display)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("XDG_SESSION_TYPE", "x11")
    monkeypatch.setattr(x11, "_x", x11._X())
    try:
        yield display
    finally:
        server.terminate()
        server.wait(timeout=5)


def test_x11_screen_saver_extension_tells_idle_time(virtual_x_screen: str) -> None:
    found = x11.idle_ms()
    if found is None:
        pytest.skip("this X server or Xlib has no MIT-SCREEN-SAVER extension (libXss)")
    source = idle.find_idle_source(None)
    assert source is not None and source.name == "X11 screen saver extension"
    assert 0 <= found < 60_000  # the virtual screen just started


def test_x11_no_full_screen_window_without_a_window_manager(virtual_x_screen: str) -> None:
    assert x11.active_window_is_fullscreen() is False


def _set_window_property(window: int, name: str, kind: int, values: list[int]) -> None:
    """What a window manager does: XChangeProperty(format 32, replace)."""
    xlib, display = x11._x.xlib, x11._x.display
    xlib.XChangeProperty.argtypes = [
        ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong,
        ctypes.c_int, ctypes.c_int, ctypes.c_void_p, ctypes.c_int,
    ]  # fmt: skip
    data = (ctypes.c_ulong * len(values))(*values)
    xlib.XChangeProperty(display, window, x11._atom(name), kind, 32, 0, data, len(values))
    xlib.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    xlib.XSync(display, 0)


def test_x11_a_full_screen_active_window_is_seen(virtual_x_screen: str) -> None:
    assert x11._display() is not None
    xlib, display = x11._x.xlib, x11._x.display
    xlib.XCreateSimpleWindow.restype = ctypes.c_ulong
    xlib.XCreateSimpleWindow.argtypes = [
        ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_uint,
        ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong, ctypes.c_ulong,
    ]  # fmt: skip
    root = xlib.XDefaultRootWindow(display)
    window = xlib.XCreateSimpleWindow(display, root, 0, 0, 640, 480, 0, 0, 0)
    _set_window_property(root, "_NET_ACTIVE_WINDOW", 33, [window])
    _set_window_property(window, "_NET_WM_STATE", 4, [x11._atom("_NET_WM_STATE_ABOVE")])
    assert x11.active_window_is_fullscreen() is False
    _set_window_property(window, "_NET_WM_STATE", 4, [x11._atom("_NET_WM_STATE_FULLSCREEN")])
    assert x11.active_window_is_fullscreen() is True
