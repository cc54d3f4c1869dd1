"""`timer-app reminders run`: the reminders without a window (gui/reminders/background.py)."""

from __future__ import annotations

import argparse
import sys


def run_background(args: argparse.Namespace) -> int:
    if args.print_inputs:  # the background process's child, at each wake-up
        from timer_app.gui.reminders.inputs_child import print_inputs

        return print_inputs()
    if args.record_break:  # its child recording a standing break taken
        from timer_app.gui.reminders.inputs_child import record_break

        return record_break(args.record_break)
    if args.tray_reminder:  # its child showing one reminder in the tray
        from timer_app.gui.reminders.tray import run_tray_reminder

        title, body = args.tray_reminder
        actions = tuple(key for key in args.tray_actions.split(",") if key)
        return run_tray_reminder(title, body, actions)
    try:
        from timer_app.gui.reminders.background import run
    except ImportError as error:
        print(f"timer-app: the reminders need PySide6 ({error}).", file=sys.stderr)
        return 2
    return run(with_app=args.with_app)
