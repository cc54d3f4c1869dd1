"""`timer-app handout ROUTINE` and `timer-app report`: paper for the fridge and the clinic.

Both draw with Qt (`timer_app.gui.paper`), which needs a QGuiApplication even
for a file: with no display (a server, an SSH session) Qt's offscreen platform
is used, so the commands work anywhere the app is installed.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

from timer_app.core.local_time import local_today
from timer_app.core.validation.messages import escaped
from timer_app.storage.routines.catalog import (
    RoutineLoadError,
    RoutineNotFoundError,
    find_routine,
    load_catalog,
)


def qt_application() -> object:
    """Qt lives in gui: the application comes from there, imported only when needed."""
    import timer_app.gui  # noqa: F401  (the refcount guard, before any Qt call)
    from timer_app.gui.paper.application import qt_application as make

    return make()


def _written(path: Path, what: str, pages: int | None = None) -> None:
    count = "" if pages is None else f" ({pages} page{'s' if pages != 1 else ''})"
    print(f"Wrote the {what} to {escaped(str(path))}{count}.", file=sys.stderr)


def unwritable(path: Path) -> str | None:
    """Why `path` cannot be written, in plain words; None when it looks writable.

    Checked before Qt paints: QPdfWriter on a missing folder printed Qt's own
    "QPainter::begin(): Returned false" to the terminal, then a vague refusal.
    """
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        return "it is a folder; give a file name such as report.pdf"
    if not folder.exists():
        return "the folder does not exist"
    if not folder.is_dir():
        return f"{escaped(str(folder))} is not a folder"
    if path.exists() and not os.access(path, os.W_OK):
        return "the file is read-only"
    if not path.exists() and not os.access(folder, os.W_OK | os.X_OK):
        return "the folder cannot be written to"
    return None


def _refused(path: Path) -> bool:
    """Say why `path` cannot be written, if it cannot; whether it was refused."""
    why = unwritable(path)
    if why is not None:
        print(f"timer-app: cannot write {escaped(str(path))}: {why}", file=sys.stderr)
    return why is not None


def run_handout(args: argparse.Namespace) -> int:
    catalog = load_catalog()
    try:
        routine = find_routine(args.routine, catalog)
    except RoutineLoadError as error:
        for problem in error.problems:
            print(str(problem), file=sys.stderr)
        return 1
    except RoutineNotFoundError as error:
        print(f"timer-app: {error}", file=sys.stderr)
        return 1
    suffix = ".html" if args.html else ".pdf"
    output: Path = args.output or Path(f"{routine.id}-handout{suffix}")
    if _refused(output):
        return 1
    qt_application()
    from timer_app.gui.paper import handout
    from timer_app.gui.paper.pdf_document import default_paper

    data = handout.gather(routine, catalog.library, local_today())
    try:
        if args.html:
            handout.write_handout_html(data, output)
            pages = None
        else:
            pages = handout.write_handout_pdf(data, output, args.paper or default_paper())
    except OSError as error:
        print(f"timer-app: cannot write {output}: {error.strerror or error}", file=sys.stderr)
        return 1
    _written(output, "handout", pages)
    return 0


def run_report(args: argparse.Namespace) -> int:
    from timer_app.storage.history.report_source import ReportSourceError, from_export

    today = local_today()
    first = args.since
    output: Path = args.output or Path("report.pdf")
    if _refused(output):
        return 1
    qt_application()
    from timer_app.gui.paper import report
    from timer_app.gui.paper.pdf_document import default_paper

    try:
        if args.from_export is not None:
            source = from_export(args.from_export, args.routine)
        else:
            source = _history_source(first or report.default_since(today), today, args.routine)
            if source is None:
                return 1
    except ReportSourceError as error:
        print(f"timer-app: {error}", file=sys.stderr)
        return 1
    catalog = load_catalog()
    if args.routine is not None and not source.sessions and args.routine not in catalog.routines:
        # An empty report for a mistyped id looked like "no sessions": say it is unknown.
        print(f"timer-app: {_not_known(args.routine, catalog)}", file=sys.stderr)
        return 2
    data = report.gather(source, catalog.routines, first, today, catalog.programmes)
    try:
        pages = report.write_report_pdf(data, output, args.paper or default_paper())
    except OSError as error:
        print(f"timer-app: cannot write {output}: {error.strerror or error}", file=sys.stderr)
        return 1
    _written(output, "report", pages)
    return 0


def _not_known(routine_id: str, catalog: Any) -> str:
    """The catalog's own "no routine has the id ...; did you mean ...?" words."""
    try:
        find_routine(routine_id, catalog)
    except RoutineNotFoundError as error:
        return str(error)
    except RoutineLoadError:
        pass  # its file has problems: it is known, by its file name
    return f"no sessions of the routine '{escaped(routine_id)}' in this report's period"


def _history_source(first: date, last: date, routine_id: str | None) -> Any:
    """This computer's sessions, or None (exit 1) when the history cannot be read:
    an unreadable history is never reported as an empty one."""
    from timer_app.core.history import HistoryError
    from timer_app.storage.history.report_source import from_store
    from timer_app.storage.history.store import SqliteHistoryStore

    store = SqliteHistoryStore.open_reader()
    try:
        for notice in store.notices:
            print(f"timer-app: {notice.message}", file=sys.stderr)
        if store.problem is not None:
            return None
        return from_store(store, first, last, routine_id)
    except HistoryError as error:
        print(f"timer-app: {error}", file=sys.stderr)
        return None
    finally:
        store.close()
