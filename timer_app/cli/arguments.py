"""The command line's arguments: every subcommand, and which function runs it.

Handlers are named ("module:function" in `timer_app.cli`) and imported only when
their command runs: the command modules pull in YAML, SQLite and the exporters,
which opening the window (the common case) must not wait for.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

DEFAULT_DAYS = 30
EXPORT_FORMATS = ("csv", "json")  # the exporter's FORMATS; a test keeps them equal


def add_routine_commands(subparsers: Any) -> None:
    validate = subparsers.add_parser(
        "validate",
        help="check routine files and report every problem with its line",
        description="Check routine files (or every routine file in a folder). Problems "
        "print as PATH:LINE:COL: message. Exit code 0 when all are valid, 1 otherwise.",
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", help="a routine file or a folder")
    validate.set_defaults(handler="routine_commands:run_validate")

    listing = subparsers.add_parser(
        "list",
        help="list the routines found and the exercise library",
        description="List every routine found (bundled, clinic folders, your own folder) "
        "with its total length, and the ids of the exercise library.",
    )
    listing.add_argument("--json", action="store_true", help="print JSON for scripts")
    listing.set_defaults(handler="routine_commands:run_list")

    importing = subparsers.add_parser(
        "import",
        help="check routine files and copy them into your routines folder",
        description="Check routine files and copy the valid ones into your own routines "
        "folder. A different routine with the same id is never replaced unless --replace "
        "is given.",
    )
    importing.add_argument("paths", nargs="+", metavar="PATH", help="a routine file or a folder")
    importing.add_argument(
        "--replace",
        action="store_true",
        help="replace a different routine that has the same id (the old file is kept as .bak)",
    )
    importing.set_defaults(handler="routine_commands:run_import")


def add_remove_command(subparsers: Any) -> None:
    remove = subparsers.add_parser(
        "remove",
        help="remove one of your own routines (undo with --undo)",
        description="Move one of your own routines to the trash in your data folder; its "
        "history is kept. `--undo` puts back the last one removed (or the one given).",
    )
    remove.add_argument("id", nargs="?", metavar="ID", help="the routine's id")
    remove.add_argument("--undo", action="store_true", help="put back what was removed")
    remove.set_defaults(handler="remove_commands:run_remove")


def add_desktop_commands(subparsers: Any) -> None:
    desktop = subparsers.add_parser(
        "install-desktop",
        help="add Home Exercise Timer to your applications menu (or --remove it)",
        description="Add a menu entry and icon for this installation, so the app starts "
        "without a terminal. The entry starts this very installation (its absolute path), "
        "so it keeps working from a virtual environment.",
    )
    desktop.add_argument("--remove", action="store_true", help="remove the menu entry again")
    desktop.set_defaults(handler="desktop_commands:run_install_desktop")


def add_history_commands(subparsers: Any) -> None:
    history = subparsers.add_parser(
        "history",
        help="show recent sessions, or export them (history export)",
        description="Show a table of your recent sessions. "
        "`timer-app history export` writes them as CSV or JSON for your therapist.",
    )
    history.add_argument(
        "--days",
        type=_positive_int,
        default=DEFAULT_DAYS,
        metavar="N",
        help=f"sessions of the last N days, today included (default {DEFAULT_DAYS})",
    )
    history.set_defaults(handler="history_commands:run_history")
    nested = history.add_subparsers(dest="history_command", metavar="{export}")
    export = nested.add_parser(
        "export",
        help="write your sessions as CSV or JSON",
        description="Write your sessions as CSV (one row per session) or JSON (with each "
        "exercise and rep), oldest first, to standard output or a file.",
    )
    export.add_argument(
        "--format", choices=EXPORT_FORMATS, default="csv", help="csv (default) or json"
    )
    export.add_argument("--output", metavar="FILE", type=Path, help="write to FILE")
    export.add_argument(
        "--since",
        type=_iso_date,
        metavar="DATE",
        help="only sessions on or after DATE (YYYY-MM-DD, the day as you lived it)",
    )
    export.set_defaults(handler="history_commands:run_export")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of days (1 or more): {text!r}")
    return value


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date as YYYY-MM-DD (for example 2026-03-01): {text!r}"
        ) from None
