"""A guard against a PySide6 6.12 reference-count bug on Python 3.11.

Imported (and applied) by `timer_app/gui/__init__.py`, before any Qt call the
app makes, so every window, widget and timer is covered.
"""

from __future__ import annotations

import ctypes
import sys

_PINNED = 1 << 40  # references added to each singleton: ~10^12 calls to use up


def protect_singletons_from_refcount_bugs() -> bool:
    """Make `None`, `True` and `False` immortal, as Python 3.12 does (PEP 683).

    PySide6 6.12 on Python 3.11 returns them without owning a reference: every
    call of a Qt method returning void (`QTimer.start`, `QLabel.setText`, ...)
    takes one reference from `None`, every `Signal.emit` one from `True`. Each
    starts with a few thousand, so after minutes of a running session the
    interpreter aborts ("none_dealloc: deallocating None"). Adding a huge count
    once is exactly what 3.12 does for these objects; extra references to them
    cost nothing. Only on CPython < 3.12 release builds; safe to call twice.
    Returns whether it changed anything.
    """
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    if hasattr(sys, "gettotalrefcount"):  # a debug build counts references itself
        return False
    changed = False
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every object in a release build.
        count = ctypes.c_ssize_t.from_address(id(singleton))
        if count.value < _PINNED:
            count.value += _PINNED
            changed = True
    return changed
