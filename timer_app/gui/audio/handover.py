"""What the tone backends that can fail share: they hand their tones to another
backend, made only then, for the rest of the run (issue 18).

`SampleSounds` (the sound server's sample cache) hands over to `ChildSounds`
(a child player), which hands over to `QtSounds` (QSoundEffect). Once handed
over, `available` and `problem` are the other's, so the status line says why
there is no sound in its usual words, and pausing lets the other's effects go.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

log = logging.getLogger(__name__)


class HandsOver(QObject):
    """A tone backend that hands over to `fallback(parent)` when it fails."""

    def __init__(self, parent: QObject | None, fallback: Callable[[QObject | None], Any]) -> None:
        super().__init__(parent)
        self.available = True
        self.problem = ""
        self._make_fallback = fallback
        self._fallback: Any = None  # the other backend, once this one has failed
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    def stop(self) -> None:
        """App exit: what still plays is cut off (each backend says how)."""
        raise NotImplementedError

    @property
    def loaded(self) -> bool:
        """Whether QSoundEffects exist now (only once handed over to Qt)."""
        return bool(getattr(self._fallback, "loaded", False))

    def prepare(self) -> None:
        if self._fallback is not None:
            self._fallback.prepare()

    def release(self) -> None:
        if self._fallback is not None:
            self._fallback.release()

    def _hand_over(self, why: str) -> Any:
        """Make the other backend, take its state and return it (None when handed
        over already)."""
        if self._fallback is not None:
            return None
        self._fallback = self._make_fallback(self.parent())
        self.available = bool(self._fallback.available)
        self.problem = str(getattr(self._fallback, "problem", ""))
        log.warning("%s; the tones go to %s instead", why, type(self._fallback).__name__)
        return self._fallback
