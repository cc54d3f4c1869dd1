"""`timer-app install-desktop [--remove]`: a menu entry for this installation."""

from __future__ import annotations

import argparse
import subprocess
import sys

from timer_app.storage import desktop_entry


def run_install_desktop(args: argparse.Namespace) -> int:
    try:
        result = desktop_entry.remove() if args.remove else desktop_entry.install()
    except (OSError, subprocess.SubprocessError) as error:
        what = "remove" if args.remove else "add"
        reason = getattr(error, "strerror", None) or str(error)
        print(f"timer-app: could not {what} the menu entry: {reason}", file=sys.stderr)
        return 1
    print(result.note)
    for path in result.files:
        print(f"  {path}")
    return 0
