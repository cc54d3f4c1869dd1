"""`timer-app history` (a table of recent sessions) and `timer-app history export`
(CSV or JSON for the therapist).

Both only read: they open the history with `SqliteHistoryStore.open_reader()`, so
they work while the app is recording a session (WAL) and never change the file.
"""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta
from pathlib import Path

from timer_app.core.history import HistoryError, SessionSummary
from timer_app.core.local_time import local_today
from timer_app.core.session_table import column_headers, session_row
from timer_app.storage.history.export import export_history, export_sessions
from timer_app.storage.history.store import SqliteHistoryStore
from timer_app.storage.in_the_way import file_in_the_way, not_a_folder


def _open() -> SqliteHistoryStore | None:
    """The history to read, or None (exit 1) when it exists but cannot be read:
    an unreadable history is never printed as an empty one."""
    store = SqliteHistoryStore.open_reader()
    for notice in store.notices:
        print(f"timer-app: {notice.message}", file=sys.stderr)
    if store.problem is not None:
        store.close()
        return None
    return store


def run_history(args: argparse.Namespace) -> int:
    store = _open()
    if store is None:
        return 1
    try:
        since = local_today() - timedelta(days=args.days - 1)
        sessions = store.list_sessions(since=since)
        stages = _stages(store, sessions)
    except HistoryError as error:
        print(f"timer-app: {error}", file=sys.stderr)
        return 1
    finally:
        store.close()
    if not sessions:
        where = store.path if store.path.exists() else f"{store.path} ({_why_none(store.path)})"
        print(f"No sessions in the last {args.days} days. History file: {where}")
        return 0
    print(format_table(sessions, stages))
    return 0


def _why_none(path: Path) -> str:
    # A file where the data folder should be: no history can ever be made there.
    blocker = file_in_the_way(path.parent)
    return "not created yet" if blocker is None else not_a_folder(blocker)


def _stages(store: SqliteHistoryStore, sessions: list[SessionSummary]) -> dict[int, str]:
    """Session id -> "1, Learn proper form" (· flare-up), as the History page's Stage
    column; empty when none of these sessions was done in a programme."""
    from timer_app.storage.history.programme_records import ProgrammeRecords

    found = ProgrammeRecords(store.connection).session_stages()
    shown = {s.id: found[s.id] for s in sessions if s.id in found}
    if not shown:
        return {}
    from timer_app.storage.routines.catalog import load_catalog

    programmes = load_catalog().programmes  # for the stages' names
    out: dict[int, str] = {}
    for session_id, stage in shown.items():
        programme = programmes.get(stage.programme_id)
        number = stage.stage_index + 1
        text = str(number)
        if programme is not None and 0 <= stage.stage_index < len(programme.stages):
            text = f"{number}, {programme.stages[stage.stage_index].name}"
        out[session_id] = text + (" · flare-up" if stage.flare_up else "")
    return out


def format_table(sessions: list[SessionSummary], stages: dict[int, str] | None = None) -> str:
    """The History page's table (core/session_table.py), with each session's number
    first, as `history export` rows carry it; a Stage column last, as on the page,
    when a session was done in a programme."""
    header: tuple[str, ...] = ("ID", *column_headers())
    rows = [header] + [_row(s) for s in sessions]
    if stages:
        header = (*header, "Stage")
        rows = [header] + [(*_row(s), stages.get(s.id, "")) for s in sessions]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header) - 1)]
    lines = []
    for r in rows:
        cells = [c.ljust(w) for c, w in zip(r, widths, strict=False)]
        lines.append("  ".join([*cells, r[-1]]).rstrip())
    return "\n".join(lines)


def _row(s: SessionSummary) -> tuple[str, ...]:
    cells = list(session_row(s, lambda s: s.started_at.strftime("%Y-%m-%d %H:%M")).cells)
    cells[1] = _clip(cells[1], 28)  # the routine's title
    cells[-1] = _clip(" ".join(cells[-1].split()), 40)  # notes, on one line
    return (str(s.id), *cells)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _plain_utf8_stdout() -> None:
    # The csv module writes its own \r\n line ends (RFC 4180): no translation (on
    # Windows "\n" would become "\r\n" and each line end "\r\r\n"), and UTF-8
    # whatever the console's code page.
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(newline="", encoding="utf-8")


def run_export(args: argparse.Namespace) -> int:
    store = _open()
    if store is None:
        return 1
    try:
        if args.output is None:
            _plain_utf8_stdout()
            export_sessions(store, args.format, sys.stdout, args.since)
            return 0
        count = export_history(store, args.output, args.format, args.since)
    except HistoryError as error:
        print(f"timer-app: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        raise  # `| head` closed stdout: `main` ends quietly, as Unix tools do
    except OSError as error:
        print(f"timer-app: cannot write {args.output}: {error.strerror or error}", file=sys.stderr)
        return 1
    finally:
        store.close()
    sessions = "session" if count == 1 else "sessions"
    print(f"Exported {count} {sessions} to {args.output}.", file=sys.stderr)
    return 0
