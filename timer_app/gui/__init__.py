"""Qt Widgets GUI: the only package that imports PySide6."""

from timer_app.gui.desktop.refcount_guard import protect_singletons_from_refcount_bugs

# Before any Qt call: PySide6 6.12 on Python 3.11 wears down None/True/False
# (see refcount_guard), and a running session makes many calls a second.
protect_singletons_from_refcount_bugs()
