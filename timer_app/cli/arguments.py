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
# A century: longer than any history, and far inside what date arithmetic from
# today can reach (a million days back is before year 1, an OverflowError).
MAX_DAYS = 36_500
EXPORT_FORMATS = ("csv", "json", "fhir")  # the exporter's FORMATS; a test keeps them equal
PAPER_SIZES = ("a4", "letter")


def add_routine_commands(subparsers: Any) -> None:
    validate = subparsers.add_parser(
        "validate",
        help="check routine files and report every problem with its line",
        description="Check routine and programme files (or every one in a folder); a "
        "programme's stages may name the app's routines and those beside it. Problems "
        "print as PATH:LINE:COL: message. Exit code 0 when all are valid, 1 otherwise.",
    )
    validate.add_argument(
        "paths", nargs="+", metavar="PATH", help="a routine or programme file, or a folder"
    )
    validate.set_defaults(handler="routine_commands:run_validate")

    listing = subparsers.add_parser(
        "list",
        help="list the routines and programmes found and the exercise library",
        description="List every routine found (bundled, clinic folders, your own folder) "
        "with its total length, every programme over weeks, and the ids of the exercise "
        "library.",
    )
    listing.add_argument("--json", action="store_true", help="print JSON for scripts")
    listing.set_defaults(handler="list_commands:run_list")

    importing = subparsers.add_parser(
        "import",
        help="check routine files and copy them into your routines folder",
        description="Check routine files and copy the valid ones into your own routines "
        "folder; a folder's programmes come after its routines. A different routine or "
        "programme with the same id is never replaced unless --replace is given.",
    )
    importing.add_argument(
        "paths", nargs="+", metavar="PATH", help="a routine or programme file, or a folder"
    )
    importing.add_argument(
        "--replace",
        action="store_true",
        help="replace a different routine that has the same id (the old file is kept as .bak)",
    )
    importing.set_defaults(handler="routine_commands:run_import")

    edit = subparsers.add_parser(
        "edit",
        help="open the routine editor: a new routine, or one by id or file",
        description="Open the routine editor on a new routine, on a routine by its id or on "
        "a routine file. A routine that comes with the app opens as a copy (Edit a copy); "
        "Save puts it in your own routines.",
    )
    edit.add_argument(
        "target", nargs="?", metavar="ROUTINE|FILE", help="a routine id or a routine file"
    )
    edit.set_defaults(handler="editor_commands:run_edit")


def add_clinic_commands(subparsers: Any) -> None:
    clinic = subparsers.add_parser(
        "clinic",
        help="add or remove a clinic folder of routines (saved in your settings)",
        description="Name a folder of routines to read after the system-wide clinic "
        "folders and before TIMER_APP_ROUTINES_PATH; saved in your settings, so the "
        "menu entry finds it too. `clinic list` shows the clinic folders searched.",
    )
    clinic.add_argument("action", choices=("add", "remove", "list"), help="what to do")
    clinic.add_argument("path", nargs="?", metavar="PATH", help="the folder of routine files")
    clinic.set_defaults(handler="clinic_commands:run_clinic")


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
        help=f"sessions of the last N days, today included (default {DEFAULT_DAYS}, "
        f"at most {MAX_DAYS:,})",
    )
    history.set_defaults(handler="history_commands:run_history")
    nested = history.add_subparsers(dest="history_command", metavar="{export}")
    export = nested.add_parser(
        "export",
        help="write your sessions as CSV, JSON or a FHIR bundle",
        description="Write your sessions as CSV (one row per session), JSON (with each "
        "exercise and rep) or FHIR (an R4 Bundle a clinic system reads: each session a "
        "Procedure, each pain rating an Observation), oldest first, to standard output "
        "or a file.",
    )
    export.add_argument(
        "--format", choices=EXPORT_FORMATS, default="csv", help="csv (default), json or fhir"
    )
    export.add_argument("--output", metavar="FILE", type=Path, help="write to FILE")
    export.add_argument(
        "--since",
        type=_iso_date,
        metavar="DATE",
        help="only sessions on or after DATE (YYYY-MM-DD, the day as you lived it)",
    )
    export.set_defaults(handler="history_commands:run_export")


def add_paper_commands(subparsers: Any) -> None:
    handout = subparsers.add_parser(
        "handout",
        help="write a routine's printable handout (PDF, or HTML with --html)",
        description="Write a printable handout of a routine: one card per exercise with its "
        "picture, steps and dose, when to stop, and a two-week tick log. The PDF carries the "
        "routine itself: `timer-app import HANDOUT.pdf` recreates it.",
    )
    handout.add_argument("routine", metavar="ROUTINE", help="a routine id or a routine file")
    handout.add_argument(
        "--output", metavar="FILE", type=Path, help="where to write it (default ID-handout.pdf)"
    )
    handout.add_argument(
        "--html", action="store_true", help="write an accessible HTML page instead of a PDF"
    )
    handout.add_argument(
        "--paper", choices=PAPER_SIZES, help="paper size (default: the one of your country)"
    )
    handout.set_defaults(handler="paper_commands:run_handout")


def add_report_command(subparsers: Any) -> None:
    report = subparsers.add_parser(
        "report",
        help="write a report of your sessions for your therapist (PDF)",
        description="Write a one- or two-page PDF for your therapist: sessions done against "
        "prescribed, week by week, pain before and after each session, every stop, the "
        "exercises most often partly done or skipped, your notes and the doses prescribed. "
        "--from makes it from a JSON export a patient sent (timer-app history export "
        "--format json).",
    )
    report.add_argument(
        "--since",
        type=_iso_date,
        metavar="DATE",
        help="only sessions on or after DATE (YYYY-MM-DD; default: the last 8 weeks)",
    )
    report.add_argument("--routine", metavar="ID", help="only this routine's sessions")
    report.add_argument(
        "--output", metavar="FILE", type=Path, help="where to write it (default report.pdf)"
    )
    report.add_argument(
        "--from",
        dest="from_export",
        metavar="EXPORT.json",
        type=Path,
        help="make the report from a JSON export instead of this computer's history",
    )
    report.add_argument("--paper", choices=PAPER_SIZES, help="paper size (default: your country's)")
    report.set_defaults(handler="paper_commands:run_report")


def add_programme_commands(subparsers: Any) -> None:
    program = subparsers.add_parser(
        "program",
        help="start, follow or stop a programme over weeks (program status)",
        description="A programme is a therapist's plan over weeks, in stages. "
        "`program start ID` starts one (today, or --on DATE), `program status` shows the "
        "week, the stage, what is due today and progress against the stage (--json for "
        "scripts: the same figures as the app's card), `program stop` ends it.",
    )
    nested = program.add_subparsers(dest="program_command", metavar="{start,status,stop}")
    nested.required = True
    start = nested.add_parser("start", help="start a programme", description="Start a programme.")
    start.add_argument("id", metavar="ID", help="the programme's id (its file name)")
    start.add_argument(
        "--on", type=_iso_date, metavar="DATE", help="its first day (YYYY-MM-DD; default today)"
    )
    start.add_argument(
        "--replace",
        action="store_true",
        help="stop the programme running now and start this one in its place",
    )
    start.set_defaults(handler="programme_commands:run_start")
    status = nested.add_parser(
        "status", help="where you are in your programme", description="Show your programme today."
    )
    status.add_argument("--json", action="store_true", help="print JSON for scripts")
    status.set_defaults(handler="programme_commands:run_status")
    stop = nested.add_parser(
        "stop", help="stop your programme", description="Stop your programme (history kept)."
    )
    stop.set_defaults(handler="programme_commands:run_stop")


def add_reminder_commands(subparsers: Any) -> Any:
    """`reminders next`; returns the nested subparsers so `reminders run` joins them."""
    reminders = subparsers.add_parser(
        "reminders",
        help="your session and standing-break reminders (reminders next)",
        description="Reminders at the times you chose (Safety & help in the app), and standing "
        "breaks. `reminders next` shows the next reminders and why (and, while reminders "
        "are off, what they would be).",
    )
    nested = reminders.add_subparsers(dest="reminders_command", metavar="{next,run}")
    nested.required = True
    upcoming = nested.add_parser(
        "next",
        help="show the next reminders and why",
        description="Show the next reminders, when and why: your times, your days, quiet "
        "hours and today's sessions already done.",
    )
    upcoming.add_argument("--json", action="store_true", help="print JSON for scripts")
    upcoming.set_defaults(handler="reminder_commands:run_next")
    add_reminders_run(nested)
    return nested


def add_reminders_run(nested: Any) -> None:
    """`reminders run`: the background reminders (gui/reminders/background.py)."""
    run = nested.add_parser(
        "run",
        help="show your reminders, with or without the window (the app starts it)",
        description="Wait for your reminders without a window and show each as a desktop "
        "notification with Start and In 15 minutes. The app starts it while it is open "
        "when reminders are on, and at each login with 'Remind me even when the app is "
        "closed' (Safety & help, Reminders); it ends when no longer wanted. One runs per "
        "data folder.",
    )
    # The background process's own child: today's inputs as JSON (inputs_child.py).
    run.add_argument("--print-inputs", action="store_true", help=argparse.SUPPRESS)
    # ... and a standing break taken, written into the history by a child.
    run.add_argument("--record-break", metavar="WHEN", help=argparse.SUPPRESS)
    # Its tray child, where no notification service shows buttons (tray.py).
    run.add_argument("--tray-reminder", nargs=2, metavar=("TITLE", "BODY"), help=argparse.SUPPRESS)
    run.add_argument("--tray-actions", default="start,snooze", help=argparse.SUPPRESS)
    # Started by the app for while it is open: ends with that process (keeper.py).
    run.add_argument("--with-app", type=int, metavar="PID", help=argparse.SUPPRESS)
    run.set_defaults(handler="reminder_run:run_background")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_DAYS:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of days from 1 to {MAX_DAYS:,}: {text!r}"
        )
    return value


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date as YYYY-MM-DD (for example 2026-03-01): {text!r}"
        ) from None
