"""Before Qt opens a window on Linux: is there a screen, and can Qt reach it?

Without this, Qt aborts (with a core dump) on a machine with no display, and its
message blames `libxcb-cursor0` whatever the real cause. Checked before PySide6 is
imported, so the person reads one plain sentence and the exit code is 1.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

__all__ = ["display_problem"]

# Platforms that draw without a display server (tests, screenshots, VNC).
_HEADLESS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay")


def display_problem(
    env: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    can_load: Callable[[str], bool] | None = None,
    can_connect: Callable[[str], bool] | None = None,
) -> str | None:
    """A sentence saying why no window can open here, or None when one can."""
    if not platform.startswith("linux"):
        return None  # Windows and macOS always have their own window system
    env = os.environ if env is None else env
    chosen = env.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0].strip()
    if chosen.startswith(_HEADLESS):
        return None
    has_x11, has_wayland = bool(env.get("DISPLAY")), bool(env.get("WAYLAND_DISPLAY"))
    if not has_x11 and not has_wayland:
        return (
            "there is no screen to open the window on (neither DISPLAY nor "
            "WAYLAND_DISPLAY is set). Start the app from your desktop, not from a "
            "text console or a remote shell without display forwarding."
        )
    uses_x11 = chosen == "xcb" or (not chosen and not has_wayland)
    if not uses_x11:
        return None
    if not (can_connect or _x11_answers)(env.get("DISPLAY", "")):
        return (
            f"the screen {env.get('DISPLAY', '')} does not answer (DISPLAY names a display "
            "that is not running, or this account may not use it). Start the app from "
            "your desktop session."
        )
    if not (can_load or _can_load)("libxcb-cursor.so.0"):
        return (
            "the window needs the X11 cursor library, which is not installed. "
            "On Debian or Ubuntu: sudo apt install libxcb-cursor0; "
            "on Fedora: sudo dnf install xcb-util-cursor."
        )
    return None


def _can_load(library: str) -> bool:
    # dlopen, not ctypes.util.find_library: that runs `ldconfig -p` at every start.
    # Qt loads the same library a moment later, so this costs nothing extra.
    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True


def _x11_answers(display: str) -> bool:
    """Whether the X server answers: one connection through libxcb (what Qt uses),
    about a millisecond. Without libxcb, say yes and let Qt tell."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return int(xcb.xcb_connection_has_error(connection)) == 0
    finally:
        xcb.xcb_disconnect(connection)  # also frees a connection in error
