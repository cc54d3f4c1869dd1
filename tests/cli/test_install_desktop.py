"""`timer-app install-desktop`: a menu entry that starts this installation."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from timer_app import APP_ID, __version__
from timer_app.cli import main
from timer_app.storage import desktop_entry

pytestmark = pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="the freedesktop menu entry"
)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh HOME, as on a patient's new account."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    return home


def _entry(home: Path) -> Path:
    return home / ".local" / "share" / "applications" / f"{APP_ID}.desktop"


def _exec_line(entry: Path) -> str:
    line = next(x for x in entry.read_text().splitlines() if x.startswith("Exec="))
    return line.removeprefix("Exec=")


def test_install_writes_an_entry_and_icon_whose_exec_runs(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["install-desktop"]) == 0
    entry = _entry(home)
    icon = home / ".local/share/icons/hicolor/scalable/apps" / f"{APP_ID}.svg"
    assert entry.is_file() and icon.is_file()
    assert "applications menu" in capsys.readouterr().out
    command = shlex.split(_exec_line(entry))
    assert Path(command[0]).is_absolute(), "a relative Exec is not on PATH from a venv"
    # The entry starts this very installation: ask it its version.
    done = subprocess.run(
        [*command, "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert __version__ in done.stdout
    assert f"Icon={icon}" in entry.read_text()


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_installed_entry_passes_desktop_file_validate(home: Path) -> None:
    assert main(["install-desktop"]) == 0
    checked = subprocess.run(
        ["desktop-file-validate", str(_entry(home))], capture_output=True, text=True, check=False
    )
    errors = [line for line in checked.stdout.splitlines() if ": error:" in line]
    assert checked.returncode == 0 and not errors, checked.stdout


def test_remove_takes_the_entry_and_icon_away(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["install-desktop"]) == 0
    assert main(["install-desktop", "--remove"]) == 0
    assert not _entry(home).exists()
    assert not list((home / ".local/share/icons").rglob("*.svg"))
    assert main(["install-desktop", "--remove"]) == 0
    assert "no menu entry to remove" in capsys.readouterr().out


def test_a_path_with_spaces_and_dollars_is_quoted_by_the_spec() -> None:
    text = desktop_entry.desktop_entry_text(
        ["/home/ann lee/My $apps/bin/timer-app-gui", "-m", "100%"], Path("/i.svg")
    )
    # Quoted (space), `$` escaped inside quotes, and each backslash doubled by the
    # string-value escape; a literal % doubled so it is no field code.
    assert 'Exec="/home/ann lee/My \\\\$apps/bin/timer-app-gui" -m 100%%\n' in text


def test_a_folder_that_cannot_be_written_is_said_plainly(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (home / ".local").write_text("a file where a folder should be")
    assert main(["install-desktop"]) == 1
    assert "could not add the menu entry" in capsys.readouterr().err
