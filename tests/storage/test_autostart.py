"""The autostart entry for the background reminders: written valid, removed, found."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from timer_app import APP_ID
from timer_app.storage import autostart

pytestmark = pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="the freedesktop autostart entry"
)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home with space"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    return home


def _exec(entry: Path) -> list[str]:
    line = next(x for x in entry.read_text().splitlines() if x.startswith("Exec="))
    return shlex.split(line.removeprefix("Exec=").replace("\\\\", "\\"))


def test_on_writes_an_entry_that_runs_the_reminders_of_this_data_dir(
    home: Path, data_dir: Path
) -> None:
    entry = autostart.sync(True)
    assert entry == home / ".config" / "autostart" / f"{APP_ID}.reminders.desktop"
    assert autostart.installed()
    command = _exec(entry)
    assert Path(command[0]).is_absolute()
    assert command[-4:] == ["--data-dir", str(data_dir.absolute()), "reminders", "run"]
    text = entry.read_text()
    assert "NoDisplay=true" in text and "X-GNOME-Autostart-enabled=true" in text


def test_off_removes_it_and_twice_off_is_quiet(home: Path) -> None:
    entry = autostart.sync(True)
    assert entry is not None and entry.is_file()
    assert autostart.sync(False) is None
    assert not entry.exists() and not autostart.installed()
    assert autostart.remove() is False


def test_xdg_config_home_is_respected_unless_relative(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    assert autostart.install().parent == tmp_path / "cfg" / "autostart"
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/cfg")
    assert autostart.install().parent == home / ".config" / "autostart"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_the_entry_is_valid_for_desktop_file_validate(home: Path) -> None:
    entry = autostart.install()
    done = subprocess.run(
        ["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_the_entry_command_really_starts_this_installation(home: Path) -> None:
    command = _exec(autostart.install())
    # The same program and data dir, asked for its help instead of running.
    done = subprocess.run(
        [*command[:-2], "reminders", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "reminders" in done.stdout
