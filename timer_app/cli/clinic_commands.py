"""`timer-app clinic add PATH` / `clinic remove PATH` / `clinic list`: clinic folders by hand.

A therapist preloading a patient's laptop names the folder of routines (a shared
folder, a USB stick copied to the disk) once; it is saved in the settings, so the
desktop launcher finds it too, with no environment variable (`clinic_folders`).
"""

from __future__ import annotations

import argparse
import sys

from timer_app.core.validation.messages import escaped
from timer_app.storage.routines.catalog import routine_files
from timer_app.storage.routines.clinic_folders import (
    ClinicFolderError,
    add_clinic_folder,
    remove_clinic_folder,
    searched_folders,
)


def run_clinic(args: argparse.Namespace) -> int:
    action = args.action
    if action == "list":
        return _list()
    if not args.path:
        print(f"timer-app clinic {action}: say which folder (a PATH)", file=sys.stderr)
        return 1
    try:
        if action == "add":
            folder = add_clinic_folder(args.path)
            count = len(routine_files(folder))
            print(f"Added {escaped(str(folder))} ({count} routine file{'s' * (count != 1)}).")
            print("  `timer-app list` shows what it brings; remove: timer-app clinic remove PATH")
        else:
            folder = remove_clinic_folder(args.path)
            print(f"Removed {escaped(str(folder))} from the clinic folders (its files are kept).")
    except ClinicFolderError as error:
        print(f"timer-app clinic {action}: {escaped(str(error))}", file=sys.stderr)
        return 1
    except OSError as error:
        reason = error.strerror or type(error).__name__
        print(
            f"timer-app clinic {action}: the settings could not be saved: {reason}", file=sys.stderr
        )
        return 1
    return 0


def _list() -> int:
    for f in searched_folders():
        if str(f.source) != "clinic":
            continue
        there = "" if f.exists else "  — not there"
        print(f"{escaped(str(f.folder))}  ({f.origin}){there}")
    return 0
