"""The `timer-app` command line: one parser, each command in its own module.

With no command it opens the window (optionally `--start ROUTINE`). Every command
honours `--data-dir` and `TIMER_APP_DATA_DIR`. No traceback reaches a user: an
unexpected error is reported in one plain line (and logged in full).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Callable, Sequence

from timer_app import APP_DISPLAY_NAME, __version__
from timer_app.cli import arguments
from timer_app.storage import paths

log = logging.getLogger(__name__)

Handler = Callable[[argparse.Namespace], int]


def resolve_handler(name: str) -> Handler:
    """Import a command's module only when the command runs ("module:function")."""
    module_name, function = name.split(":")
    module = importlib.import_module(f"timer_app.cli.{module_name}")
    handler: Handler = getattr(module, function)
    return handler


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    """`with_commands=False`: only the window's own options (see `_window_only`)."""
    parser = argparse.ArgumentParser(
        prog="timer-app",
        description=f"{APP_DISPLAY_NAME}: guided physical-therapy home sessions.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where history, settings and your own routines live "
        f"(default: the platform's user data folder, or ${paths.DATA_DIR_ENV})",
    )
    parser.add_argument(
        "--start",
        metavar="ROUTINE",
        help="open straight into this routine's session screen (an id or a file path)",
    )
    if not with_commands:
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    arguments.add_routine_commands(sub)
    arguments.add_history_commands(sub)
    arguments.add_remove_command(sub)
    arguments.add_clinic_commands(sub)
    arguments.add_desktop_commands(sub)
    arguments.add_paper_commands(sub)
    arguments.add_report_command(sub)
    arguments.add_programme_commands(sub)
    arguments.add_reminder_commands(sub)
    return parser


def _window_only(argv: Sequence[str]) -> bool:
    """True when `argv` only opens the window (`--start`, `--data-dir`): the
    commands' parsers are then not built, ~5 ms before the window shows. Help,
    a command or anything unknown gets the whole parser and its messages."""
    tokens = iter(argv)
    for token in tokens:
        if token in ("--start", "--data-dir"):
            if next(tokens, None) is None:  # its value, whatever it looks like
                return False  # missing: the whole parser says so
        elif not token.startswith(("--start=", "--data-dir=")):
            return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv:
        parser = build_parser(with_commands=not _window_only(argv))
        args = parser.parse_args(argv)
    else:  # `timer-app` alone: no parser is built. argparse's gettext lookup of its
        # own words imports `locale` and probes .mo files: ~1.3 ms before the window.
        args = argparse.Namespace(data_dir=None, start=None)
    if args.data_dir:
        paths.set_data_dir(args.data_dir)
    handler_name: str | None = getattr(args, "handler", None)
    try:
        if handler_name is None:
            return _open_window(args)
        code = resolve_handler(handler_name)(args)
        sys.stdout.flush()  # a closed pipe shows here, not at exit past our handler
        return code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except Exception as error:  # the last line of defence: never a traceback
        log.debug("unexpected error", exc_info=True)
        print(f"timer-app: {error.__class__.__name__}: {error}", file=sys.stderr)
        return 2


def _silence_stdout() -> None:
    """The reader went away (`timer-app history export | head`): say nothing, as
    Unix tools do. Output still buffered would fail again when Python flushes it
    at exit ("Exception ignored ... BrokenPipeError"), so stdout now goes nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real file descriptor (a test's capture)
        pass


def main_gui() -> int:
    """Entry point for the gui-scripts launcher (no console on Windows)."""
    return main()


def _open_window(args: argparse.Namespace) -> int:
    from timer_app.cli.display_check import display_problem

    problem = display_problem()
    if problem is not None:
        print(f"timer-app: {problem}", file=sys.stderr)
        return 1
    try:
        from timer_app.gui.app import run
    except ImportError as error:
        print(f"timer-app: the window needs PySide6 ({error}).", file=sys.stderr)
        return 2
    return run(start=args.start)
