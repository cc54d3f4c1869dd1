"""Only regular files are read: a FIFO or a device named *.yaml never blocks loading.

Before, `open()` on a FIFO in a routine folder waited for a writer for ever: the
window froze at start, and `list`/`validate` hung.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from timer_app.cli import main
from timer_app.storage import paths
from timer_app.storage.routines.catalog import Catalog, load_catalog

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")

NOT_READ = (
    "this is not a regular file (a pipe, a device or a socket), so it is not read — "
    "remove it from the routine folder, or put a real routine file there"
)


def _release(fifo: Path) -> None:
    """Unblock a reader stuck in open() (the old code), so the test run can go on."""
    try:
        descriptor = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
    except OSError:
        return  # no reader waiting: nothing is stuck
    os.close(descriptor)


def _in_time(fifo: Path, work: object) -> None:
    """Run `work` in a thread; fail (rather than hang the suite) if it blocks."""
    assert callable(work)
    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    thread.join(timeout=5)
    blocked = thread.is_alive()
    if blocked:
        _release(fifo)
        thread.join(timeout=5)
    assert not blocked, "reading the routine folder blocked on a FIFO"


def test_a_fifo_in_a_clinic_folder_is_reported_and_the_rest_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clinic = tmp_path / "clinic"
    (clinic / "library").mkdir(parents=True)
    monkeypatch.setenv(paths.ROUTINES_PATH_ENV, str(clinic))
    (clinic / "morning.yaml").write_text(
        "title: Morning\nexercises:\n  - use: wall-sit\n  - use: knee-to-chest\n"
    )
    (clinic / "library" / "wall-sit.yaml").write_text("name: Wall sit\nhold: 20\nreps: 3\n")
    os.mkfifo(clinic / "evening.yaml")
    os.mkfifo(clinic / "library" / "squat.yaml")
    found: list[Catalog] = []
    _in_time(clinic / "evening.yaml", lambda: found.append(load_catalog()))
    catalog = found[0]
    assert "morning" in catalog.routines and "knee-to-chest" in catalog.routines
    assert "wall-sit" in catalog.library
    assert sorted(str(p) for p in catalog.problems) == [
        f"{clinic / 'evening.yaml'}: {NOT_READ}",
        f"{clinic / 'library' / 'squat.yaml'}: {NOT_READ}",
    ]


def test_validate_a_fifo_and_a_device(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "routine.yaml"
    os.mkfifo(fifo)
    codes: list[int] = []
    _in_time(fifo, lambda: codes.append(main(["validate", str(fifo), os.devnull])))
    assert codes == [1]
    assert capsys.readouterr().out.splitlines() == [
        f"{fifo}: {NOT_READ}",
        f"{os.devnull}: {NOT_READ}",
    ]
