"""The application model: the one owner of the routines, the history and the settings.

`gui/app.py` (or `window_start.build_main_window`) makes one `AppModel` and passes
it to the main window, which passes it to every page and to the session screen.
Pages read it when they are built and follow its signals; nobody pushes data into
a page. A later routine editor, reminder or programme view is one more subscriber.

- Routines: `load_routines()` reads the routine folders, at start-up off the UI
  thread (`routine_loading.CatalogLoader`: a network folder that never answers
  must not freeze the window), and `routines_changed` says the list changed.
- History: the store is opened after the first paint (`set_history`); a session
  written or changed is announced with `history_changed` (`history_written`).
- Settings: changed only here (`update_settings(**changes)`), saved at once and
  announced once with `settings_changed(names)`. A disk that refuses the file
  keeps the choice for this run (logged), as `storage/settings.py` allows.
"""

from __future__ import annotations

import copy
import dataclasses
import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from timer_app.storage.settings import Settings, load_settings, save_settings

if TYPE_CHECKING:  # imported when first used: the window shows sooner
    from timer_app.core.history import HistoryStore
    from timer_app.core.routine import Frequency, Routine
    from timer_app.gui.pages.routine_loading import CatalogLoader
    from timer_app.gui.programme.programme_model import ProgrammeModel
    from timer_app.storage.routines.catalog import Catalog

log = logging.getLogger(__name__)

_SETTING_NAMES = frozenset(f.name for f in dataclasses.fields(Settings))


class AppModel(QObject):
    """Routines, history and settings, with one signal for each kind of change."""

    routines_loading = Signal()  # a read of the routine folders started
    routines_changed = Signal()  # the routines listed (or the folders' problems) changed
    history_changed = Signal()  # the store was opened, or a session was written
    settings_changed = Signal(frozenset)  # the names of the settings that changed
    programme_changed = Signal()  # the programme was started, moved on, stopped... (issue 16)

    def __init__(
        self,
        settings: Settings | None = None,
        history: HistoryStore | None = None,
        *,
        save: Callable[[Settings], None] = save_settings,
        folder_time_limit: float | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        # Without settings given (a page previewed alone), those of the file: a
        # later save must never write defaults over the person's choices.
        self._settings = copy.deepcopy(settings) if settings is not None else load_settings()
        self._save = save
        self._unsaved = False  # the last save failed: the next change tries again
        self._history = history
        self._catalog: Catalog | None = None
        self._routines: list[Routine] = []
        self._silent: list[Path] = []  # routine folders that did not answer in time
        self._loader: CatalogLoader | None = None
        self.folder_time_limit = folder_time_limit
        self._programme: ProgrammeModel | None = None
        self.settings_changed.connect(self._reminders_changed)

    # -- settings -------------------------------------------------------------------
    @property
    def settings(self) -> Settings:
        """A copy of the settings as they are now: change them with `update_settings`."""
        return copy.deepcopy(self._settings)

    def update_settings(self, **changes: object) -> bool:
        """Change settings by name, save them at once and announce them once.

        Returns False when the file could not be written: the change still holds
        until the app quits (an unwritable folder must not stop a session).
        """
        unknown = set(changes) - _SETTING_NAMES
        if unknown:
            raise TypeError(f"no setting called {', '.join(sorted(unknown))}")
        changed = frozenset(
            name for name, value in changes.items() if getattr(self._settings, name) != value
        )
        if not changed and not self._unsaved:
            return True
        for name in changed:
            setattr(self._settings, name, copy.deepcopy(changes[name]))
        saved = self._write()
        if changed:
            self.settings_changed.emit(changed)
        return saved

    def _reminders_changed(self, changed: frozenset[str]) -> None:
        # "Remind me even when the app is closed": the autostart entry and the
        # background process follow the reminder settings (gui/reminders/keeper.py).
        if "reminders" in changed:
            from timer_app.gui.reminders import keeper

            keeper.sync(self._settings.reminders)

    def set_muted(self, muted: bool) -> bool:
        """Mute or unmute every cue (M in a session, the Safety page's box)."""
        return self.update_settings(muted=muted)

    def _write(self) -> bool:
        try:
            self._save(self._settings)
        except OSError as error:  # kept in memory; tried again at the next change
            log.warning("settings not saved: %s", error)
            self._unsaved = True
            return False
        self._unsaved = False
        return True

    # -- programme ------------------------------------------------------------------
    @property
    def programme(self) -> ProgrammeModel:
        """The programme's state (`gui/programme/programme_model.py`), made when first
        asked for; its changes are announced with `programme_changed`."""
        if self._programme is None:
            from timer_app.gui.programme.programme_model import ProgrammeModel

            self._programme = ProgrammeModel(self)
            self._programme.follow_therapist_file()  # a file changed while the app was shut
        return self._programme

    # -- history --------------------------------------------------------------------
    @property
    def history(self) -> HistoryStore | None:
        """The history store; None before start-up opened it, or when it cannot be."""
        return self._history

    def set_history(self, history: HistoryStore | None) -> None:
        self._history = history
        self.history_changed.emit()

    def history_written(self) -> None:
        """A session was written or changed: whoever shows the history rereads it."""
        self.history_changed.emit()

    # -- routines -------------------------------------------------------------------
    @property
    def catalog(self) -> Catalog | None:
        """The last catalog read (for `--start`, the handout's library, the folders)."""
        return self._catalog

    def routines(self) -> list[Routine]:
        return list(self._routines)

    def silent_folders(self) -> list[Path]:
        """Routine folders that did not answer within the time limit (left out)."""
        return list(self._silent)

    def catalog_problems(self) -> list[str]:
        """The bad files of the folders, each located (`file:line:col: message`)."""
        return [str(p) for p in self._catalog.problems] if self._catalog is not None else []

    def frequencies(self) -> dict[str, Frequency | None]:
        """Each routine's prescribed frequency, for the History page's figures."""
        return {r.id: r.frequency for r in self._routines}

    def aliases(self) -> dict[str, str]:
        """Replaced routines' ids -> the routine that replaces them (`replaces:`)."""
        from timer_app.core.routine_aliases import aliases

        return aliases(self._routines)

    @property
    def loading(self) -> bool:
        """True while a read off the UI thread has not delivered its first catalog."""
        return self._loader is not None and self._loader.loading

    def reads_in_background(self) -> bool:
        """True once the folders were read off the UI thread (as the app does)."""
        return self._loader is not None

    def time_limit(self) -> float:
        from timer_app.gui.pages.routine_loading import TIME_LIMIT_SECONDS

        return self.folder_time_limit or TIME_LIMIT_SECONDS

    def load_routines(self, *, background: bool | None = None) -> None:
        """Read the routine folders again (at start, after an import or a removal).

        `background`: on a worker thread, the list filling when the catalog
        arrives; by default as the last read was (tests read on this thread).
        """
        if background is None:
            background = self.reads_in_background()
        if not background:
            from timer_app.storage.routines.catalog import load_catalog

            self._catalog_read(load_catalog(), [])
            return
        from timer_app.gui.pages.routine_loading import CatalogLoader

        if self._loader is None:
            self._loader = CatalogLoader(self, self.time_limit())
            self._loader.sig_loaded.connect(self._catalog_read)
        self.routines_loading.emit()
        self._loader.load()

    def list_routines(self, routines: Iterable[Routine]) -> None:
        """List these routines at once (one just imported or removed) while the
        folders are read again: the person sees the result without waiting."""
        self._routines = list(routines)
        self.routines_changed.emit()

    def _catalog_read(self, catalog: Catalog, silent: list[Path]) -> None:
        self._catalog = catalog
        self._silent = list(silent)
        self._routines = list(catalog.routines.values())
        self.routines_changed.emit()
