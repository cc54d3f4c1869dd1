"""What the ready screen says when the session about to start cannot be saved.

A history written by a newer version of the app opens read-only: every write
of a session started on it fails, for good, and the person only found out
after exercising. A history that could not be opened at all (a read-only data
folder, a folder in the file's place) keeps a session's results in memory
until it can be written. Either is said calmly before Space, on the ready
screen itself, next to the routine's notes.

`HistoryStore` is core's protocol; the store's `read_only` and `problem`
(SqliteHistoryStore) are read where present, so a test's fake store says nothing.
"""

from __future__ import annotations

from timer_app.core.history import HistoryStore
from timer_app.gui.translation import translate


def ready_saving_note(history: HistoryStore | None) -> str:
    """The ready screen's line about saving this session; empty when it will be saved."""
    if history is None:  # a preview of one routine: nothing is saved, by design
        return ""
    if getattr(history, "read_only", False):
        return translate(
            "ReadyPanel",
            "This session will not be saved: your history was written by a newer "
            "version of this app and is open read-only. You can still exercise; "
            "update the app to keep your sessions.",
        )
    if getattr(history, "problem", None):
        return translate(
            "ReadyPanel",
            "Your history cannot be saved at the moment. You can still exercise: "
            "this session's results are kept while the app is open and saved as "
            "soon as the history can be written.",
        )
    return ""
