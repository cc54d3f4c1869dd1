"""Qt Widgets GUI: the only package that imports PySide6."""

from timer_app.gui.desktop.glyph_cache import cache_large_glyphs
from timer_app.gui.desktop.pyside_imports import stop_source_reads
from timer_app.gui.desktop.refcount_guard import protect_singletons_from_refcount_bugs

# Before any Qt call: PySide6 6.12 on Python 3.11 wears down None/True/False
# (see refcount_guard), and a running session makes many calls a second.
protect_singletons_from_refcount_bugs()
# PySide6 imported here, before any of the app's Qt modules: from then on its
# import hook would read the source file of every module imported (pyside_imports).
stop_source_reads()
# Before Qt first draws text: a session's large words are copied, not filled.
cache_large_glyphs()
