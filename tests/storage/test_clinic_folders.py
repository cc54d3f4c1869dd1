"""Clinic folders: every $XDG_DATA_DIRS entry is searched, not only the first."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from timer_app.cli import main
from timer_app.storage import paths

pytestmark = pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="XDG_DATA_DIRS is the freedesktop way"
)

ROUTINE = "title: {title}\nexercises:\n  - use: knee-to-chest\n"


def _routine(folder: Path, name: str, title: str) -> None:
    routines = folder / "timer-app" / "routines"
    routines.mkdir(parents=True, exist_ok=True)
    (routines / name).write_text(ROUTINE.format(title=title), encoding="utf-8")


def test_a_routine_in_the_second_xdg_data_dirs_entry_is_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # As on an Ubuntu desktop: /usr/share/ubuntu:/usr/local/share/:/usr/share/
    ubuntu, local, share = tmp_path / "ubuntu", tmp_path / "local", tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_DIRS", f"{ubuntu}:{local}/:{share}/")
    _routine(local, "clinic-week-1.yaml", "Clinic week 1")
    assert main(["list", "--json"]) == 0
    listed = {r["id"]: r for r in json.loads(capsys.readouterr().out)["routines"]}
    assert listed["clinic-week-1"]["source"] == "clinic"


def test_the_first_xdg_entry_wins_when_two_have_the_same_routine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    monkeypatch.setenv("XDG_DATA_DIRS", f"{first}:{second}")
    _routine(first, "week.yaml", "From the first")
    _routine(second, "week.yaml", "From the second")
    assert paths.clinic_routine_dirs()[:2] == [
        second / "timer-app" / "routines",
        first / "timer-app" / "routines",
    ]
    assert main(["list", "--json"]) == 0
    listed = {r["id"]: r for r in json.loads(capsys.readouterr().out)["routines"]}
    assert listed["week"]["title"] == "From the first"
