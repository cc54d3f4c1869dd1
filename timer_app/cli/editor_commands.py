"""`timer-app edit [ROUTINE|FILE]`: the routine editor in its own window."""

from __future__ import annotations

import argparse
import sys


def run_edit(args: argparse.Namespace) -> int:
    from timer_app.cli.display_check import display_problem

    problem = display_problem()
    if problem is not None:  # said plainly, before Qt would abort
        print(f"timer-app: {problem}", file=sys.stderr)
        return 1
    try:
        from timer_app.gui.editor.launch import run_editor
    except ImportError as error:
        print(f"timer-app: the editor needs PySide6 ({error}).", file=sys.stderr)
        return 1
    target: str | None = args.target
    return run_editor(target)
