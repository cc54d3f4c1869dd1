"""Two questions to an X11 server, through Xlib by ctypes (no extra package):
how long the person has been idle (the MIT-SCREEN-SAVER extension, libXss), and
whether the active window is full screen (`_NET_ACTIVE_WINDOW` and its
`_NET_WM_STATE_FULLSCREEN`, from the EWMH spec). Both answer None/False where
there is no X server, a Wayland session (XWayland only knows X clients), or no
library; the display is opened once and kept.

Xlib's default error handler exits the process: a window that closes between
two calls (BadWindow) must not end the reminders, so a quiet handler is set.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
from typing import Any

log = logging.getLogger(__name__)

_XA_ATOM = 4
_XA_WINDOW = 33
_SUCCESS = 0


class _ScreenSaverInfo(ctypes.Structure):
    _fields_ = [
        ("window", ctypes.c_ulong),
        ("state", ctypes.c_int),
        ("kind", ctypes.c_int),
        ("til_or_since", ctypes.c_ulong),
        ("idle", ctypes.c_ulong),
        ("event_mask", ctypes.c_ulong),
    ]


_ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)


def _ignore(_display: Any, _event: Any) -> int:
    return 0


_ignore_x_error = _ERROR_HANDLER(_ignore)  # kept alive as long as Xlib may call it


class _X:
    def __init__(self) -> None:
        self.xlib: Any = None
        self.xss: Any = None
        self.display: Any = None
        self.tried = False


_x = _X()


def wayland_session() -> bool:
    return (
        bool(os.environ.get("WAYLAND_DISPLAY")) or os.environ.get("XDG_SESSION_TYPE") == "wayland"
    )


def _display() -> Any:
    if _x.tried:
        return _x.display
    _x.tried = True
    if not os.environ.get("DISPLAY") or wayland_session():
        return None
    name = ctypes.util.find_library("X11")
    if name is None:
        return None
    try:
        xlib = ctypes.CDLL(name)
        xlib.XOpenDisplay.restype = ctypes.c_void_p
        xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        xlib.XDefaultRootWindow.restype = ctypes.c_ulong
        xlib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        xlib.XInternAtom.restype = ctypes.c_ulong
        xlib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        xlib.XGetWindowProperty.argtypes = [
            ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_long, ctypes.c_long,
            ctypes.c_int, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_void_p),
        ]  # fmt: skip
        xlib.XFree.argtypes = [ctypes.c_void_p]
        xlib.XSetErrorHandler(_ignore_x_error)
        display = xlib.XOpenDisplay(None)
    except (OSError, AttributeError) as error:
        log.info("Xlib not usable: %s", error)
        return None
    if not display:
        return None
    _x.xlib, _x.display = xlib, display
    return display


def idle_ms() -> int | None:
    """Milliseconds since the last key or pointer event, or None (no X11 or no extension)."""
    display = _display()
    if display is None:
        return None
    if _x.xss is None:
        name = ctypes.util.find_library("Xss")
        if name is None:
            return None
        try:
            xss = ctypes.CDLL(name)
            xss.XScreenSaverQueryExtension.argtypes = [
                ctypes.c_void_p, ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_int)
            ]  # fmt: skip
            xss.XScreenSaverQueryInfo.argtypes = [
                ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(_ScreenSaverInfo)
            ]  # fmt: skip
        except (OSError, AttributeError):
            return None
        event, error = ctypes.c_int(), ctypes.c_int()
        if not xss.XScreenSaverQueryExtension(display, ctypes.byref(event), ctypes.byref(error)):
            return None
        _x.xss = xss
    info = _ScreenSaverInfo()
    root = _x.xlib.XDefaultRootWindow(display)
    if not _x.xss.XScreenSaverQueryInfo(display, root, ctypes.byref(info)):
        return None
    return int(info.idle)


def _atom(name: str) -> int:
    return int(_x.xlib.XInternAtom(_x.display, name.encode("ascii"), 0))


def _property(window: int, name: str, kind: int, longest: int) -> list[int]:
    actual_type, actual_format = ctypes.c_ulong(), ctypes.c_int()
    count, after, data = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.c_void_p()
    status = _x.xlib.XGetWindowProperty(
        _x.display, window, _atom(name), 0, longest, 0, kind,
        ctypes.byref(actual_type), ctypes.byref(actual_format), ctypes.byref(count),
        ctypes.byref(after), ctypes.byref(data),
    )  # fmt: skip
    if status != _SUCCESS or not data.value:
        return []
    try:
        if actual_format.value != 32:
            return []
        # Format 32 comes back as C longs, whatever the machine's word size.
        values = ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong))
        return [int(values[i]) for i in range(count.value)]
    finally:
        _x.xlib.XFree(data)


def active_window_is_fullscreen() -> bool:
    """True when the window manager says the active window is full screen."""
    display = _display()
    if display is None:
        return False
    root = int(_x.xlib.XDefaultRootWindow(display))
    active = _property(root, "_NET_ACTIVE_WINDOW", _XA_WINDOW, 1)
    if not active or not active[0]:
        return False
    states = _property(active[0], "_NET_WM_STATE", _XA_ATOM, 64)
    return _atom("_NET_WM_STATE_FULLSCREEN") in states
