"""The command line's parser stays light: opening the window must not wait for it."""

import subprocess
import sys

from timer_app.cli import arguments, build_parser, resolve_handler
from timer_app.storage.history.export import FORMATS


def test_parsing_the_command_line_loads_no_yaml_sqlite_or_exporter() -> None:
    # A fresh interpreter: this test process has long since imported everything.
    code = (
        "import sys; from timer_app.cli import build_parser; "
        "build_parser().parse_args(['--start', 'knee-to-chest']); "
        "print(sorted(m for m in ('yaml', 'sqlite3', 'csv', 'timer_app.storage.routines.catalog') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_command_names_a_handler_that_exists() -> None:
    parser = build_parser()
    for argv in (["validate", "x"], ["list"], ["import", "x"], ["history"], ["history", "export"]):
        handler = resolve_handler(parser.parse_args(argv).handler)
        assert callable(handler), argv


def test_export_formats_offered_are_the_exporters() -> None:
    assert arguments.EXPORT_FORMATS == FORMATS
