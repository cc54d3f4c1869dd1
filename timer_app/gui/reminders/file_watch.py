"""A small file followed without polling: settings.json, reminder-state.json, the session flag.

Qt's core only (the background process stays small). Such files are replaced
(written to a temporary file and renamed), which drops the file from an inotify
watch, so the folder is watched for the file appearing, going or being replaced,
and the file itself for a write in place. Either way `changed()` is called only
when the file's identity (inode, modification time, size) differs from the last
seen: the history's journal coming and going in the same folder costs a `stat`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject


class FileWatcher(QObject):
    """Calls `changed()` when the file at `path` is written, replaced, made or removed."""

    def __init__(self, path: Path, changed: Callable[[], None], parent: QObject | None = None):
        super().__init__(parent)
        self._path = path
        self._changed = changed
        self._seen = self._identity()
        self._watcher = QFileSystemWatcher(self)
        path.parent.mkdir(parents=True, exist_ok=True)
        self._watcher.addPath(str(path.parent))
        self._watch_file()
        self._watcher.directoryChanged.connect(self._on_event)
        self._watcher.fileChanged.connect(self._on_event)

    def _identity(self) -> tuple[int, int, int] | None:
        try:
            found = self._path.stat()
        except OSError:
            return None
        return (found.st_ino, found.st_mtime_ns, found.st_size)

    def _watch_file(self) -> None:
        # A replaced file is dropped from the watch: add the new one back.
        if str(self._path) not in self._watcher.files() and self._path.exists():
            self._watcher.addPath(str(self._path))

    def _on_event(self, _path: str) -> None:
        self._watch_file()
        now = self._identity()
        if now != self._seen:
            self._seen = now
            self._changed()
