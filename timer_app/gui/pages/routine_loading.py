"""Reading the routine folders on a worker thread, with a time limit per folder.

Reading a folder can block for ever: a FIFO once did (the loader now reads only
regular files), and a network folder whose server went away still can, in any
call that touches it (listing, stat, open). On the UI thread that froze the
window for good, and a second launch then found the first one "running" and
exited without a word. So `CatalogLoader` reads the catalog on a Python thread
and hands it to the UI thread with a queued signal. When a read takes longer
than the time limit, the folder it is in is named, and the catalog is read again
without that folder (the stuck thread is left to finish or not: a thread that
blocks in the kernel cannot be stopped); everything the other folders hold is
shown. If the stuck read finishes later, its fuller catalog replaces the partial one.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from timer_app.storage.routines.catalog import Catalog

log = logging.getLogger(__name__)

TIME_LIMIT_SECONDS = 10.0


@dataclass
class _Attempt:
    """One read of the catalog, leaving out the folders that did not answer before."""

    number: int
    skip: frozenset[Path]
    folder: Path | None = None  # the folder being read now (set by the worker)
    done: bool = False
    timer: QTimer | None = field(default=None, repr=False)


class CatalogLoader(QObject):
    """`load()` reads the catalog off the UI thread; `sig_loaded(catalog, silent)`
    delivers it on the UI thread, with the folders that did not answer in time."""

    sig_loaded = Signal(object, list)
    _sig_read = Signal(int, object)  # attempt number, catalog: from the worker thread

    def __init__(self, parent: QObject | None = None, time_limit: float = TIME_LIMIT_SECONDS):
        super().__init__(parent)
        self.time_limit = time_limit
        self._attempts: dict[int, _Attempt] = {}
        self._count = 0
        self._silent: list[Path] = []  # folders that did not answer, in order
        self._delivered_skips: int | None = None  # folders left out of what is shown
        self._sig_read.connect(self._read)

    @property
    def loading(self) -> bool:
        """True until the first catalog of the latest `load()` is delivered."""
        return self._delivered_skips is None

    def load(self) -> None:
        """Read every folder again (after an import, or at start)."""
        self._silent = []
        self._delivered_skips = None
        self._start(frozenset())

    def _start(self, skip: frozenset[Path]) -> None:
        self._count += 1
        attempt = _Attempt(self._count, skip)
        self._attempts[attempt.number] = attempt
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: self._timed_out(attempt))
        timer.start(int(self.time_limit * 1000))
        attempt.timer = timer
        threading.Thread(
            target=self._work, args=(attempt,), name="routine-folders", daemon=True
        ).start()

    def _work(self, attempt: _Attempt) -> None:
        from timer_app.storage.routines.catalog import Catalog, LoadProblem, load_catalog

        def reading(folder: Path) -> None:
            attempt.folder = folder

        try:
            catalog = load_catalog(skip=attempt.skip, on_folder=reading)
        except Exception as error:  # the catalog keeps each file's problems; this is a bug
            log.exception("reading the routine folders failed")
            message = f"the routine folders could not be read ({type(error).__name__})"
            catalog = Catalog(
                problems=[LoadProblem(str(attempt.folder or ""), None, None, message)]
            )
        # RuntimeError: the window closed while a folder hung; nobody is left to tell.
        with contextlib.suppress(RuntimeError):
            self._sig_read.emit(attempt.number, catalog)

    def _read(self, number: int, catalog: Catalog) -> None:
        attempt = self._attempts.get(number)
        if attempt is None or attempt.done:
            return
        attempt.done = True
        if attempt.timer is not None:
            attempt.timer.stop()
        skipped = len(attempt.skip)
        if self._delivered_skips is not None and skipped > self._delivered_skips:
            return  # a fuller catalog (a late answer) is already shown
        self._delivered_skips = skipped
        silent = [folder for folder in self._silent if folder in attempt.skip]
        if not silent:  # everything answered in the end: the older attempts are moot
            self._silent = []
        self.sig_loaded.emit(catalog, silent)

    def _timed_out(self, attempt: _Attempt) -> None:
        if attempt.done or attempt.folder is None or attempt.folder in attempt.skip:
            return
        log.warning("the routine folder %s did not answer in %g s", attempt.folder, self.time_limit)
        if attempt.folder not in self._silent:
            self._silent.append(attempt.folder)
        self._start(attempt.skip | {attempt.folder})
