"""A Qt application for making paper from the command line (no window needed)."""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication


def qt_application() -> QApplication:
    """The running Qt application, or a new one (offscreen without a display).

    A QApplication, not a bare QGuiApplication: only one Qt application can ever
    exist in a process, and a window (or a test's widgets) made after a report
    needs the widgets kind. Here, in gui, because only gui imports Qt."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        # Set before the application exists: the platform is chosen when it is made.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QApplication([sys.argv[0] if sys.argv else "timer-app"])
