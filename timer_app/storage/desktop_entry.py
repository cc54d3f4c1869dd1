"""A launcher in the desktop's menu, so a patient never needs a terminal.

`pip install` cannot add a menu entry (wheels do not install into
~/.local/share), and the bundled `.desktop` file's `Exec=timer-app-gui` is not on
PATH when the app lives in a virtual environment. `timer-app install-desktop`
writes a per-user entry whose `Exec` is the absolute path of this installation's
launcher, and installs the icon beside it:
- Linux and other freedesktop systems: `$XDG_DATA_HOME/applications/` and
  `$XDG_DATA_HOME/icons/hicolor/scalable/apps/` (the Desktop Entry and Icon Theme
  specifications), which every desktop's menu watches.
- Windows: a Start-menu shortcut made by the shell's own COM object (untested
  here: no Windows machine).
- macOS: a double-clickable `.command` launcher in ~/Applications (untested here);
  a real `.app` comes from the standalone bundle.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from timer_app import APP_DISPLAY_NAME, APP_ID
from timer_app.storage import paths
from timer_app.storage.resources import asset_path

__all__ = ["DesktopInstall", "install", "launcher_command", "remove"]

GUI_SCRIPT = "timer-app-gui"


@dataclass(frozen=True)
class DesktopInstall:
    """What was written (or removed), and a sentence for the person."""

    files: tuple[Path, ...]
    note: str


def launcher_command() -> list[str]:
    """The absolute command that starts this installation's window.

    The gui-script beside this Python (a venv's bin/, or Scripts\\ on Windows)
    when there is one; otherwise this Python running the package, which works
    from a source checkout too. A frozen bundle is its own executable.
    """
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).resolve())]
    bin_dir = Path(sys.executable).parent
    for name in (GUI_SCRIPT, f"{GUI_SCRIPT}.exe"):
        script = bin_dir / name
        if script.is_file():
            return [str(script.absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "timer_app"]


def install() -> DesktopInstall:
    if sys.platform == "win32":
        return _install_windows()
    if sys.platform == "darwin":
        return _install_macos()
    return _install_freedesktop()


def remove() -> DesktopInstall:
    removed = tuple(path for path in _all_places() if _unlink(path))
    _refresh_menu(paths.xdg_data_home() / "applications")
    note = "Removed the menu entry." if removed else "There was no menu entry to remove."
    return DesktopInstall(removed, note)


# --- freedesktop -------------------------------------------------------------


def _entry_path() -> Path:
    return paths.xdg_data_home() / "applications" / f"{APP_ID}.desktop"


def _icon_path() -> Path:
    return paths.xdg_data_home() / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"


def _install_freedesktop() -> DesktopInstall:
    entry, icon = _entry_path(), _icon_path()
    icon.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(asset_path("icons", f"{APP_ID}.svg"), icon)
    entry.parent.mkdir(parents=True, exist_ok=True)
    command = launcher_command()
    text = desktop_entry_text(command, icon)
    tmp = entry.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, entry)  # a menu never reads half an entry
    _refresh_menu(entry.parent)
    return DesktopInstall((entry, icon), f"Added “{APP_DISPLAY_NAME}” to your applications menu.")


def desktop_entry_text(command: list[str], icon: Path) -> str:
    """The entry, from the bundled template with this installation's command."""
    template = asset_path(f"{APP_ID}.desktop").read_text(encoding="utf-8")
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = "Exec=" + " ".join(_quote_exec_argument(arg) for arg in command)
            lines.append(line)
            lines.append(f"TryExec={command[0]}")
            continue
        if line.startswith("Icon="):
            # An absolute icon path works before the icon cache is refreshed.
            line = f"Icon={icon}"
        lines.append(line)
    return "\n".join(lines) + "\n"


# Desktop Entry spec, "The Exec key": an argument with a reserved character is
# quoted, and inside quotes ", `, $ and \ are escaped with a backslash; a literal
# % is written %% (a field code otherwise). The whole value is then a string
# value, whose own escape makes each backslash two.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def _quote_exec_argument(arg: str) -> str:
    arg = arg.replace("%", "%%")
    if not any(char in _RESERVED for char in arg):
        return arg
    escaped = "".join("\\" + char if char in '"`$\\' else char for char in arg)
    return ('"' + escaped + '"').replace("\\", "\\\\")


def _refresh_menu(applications: Path) -> None:
    """Most menus watch the folder; the cache tool, where present, makes it sure."""
    tool = shutil.which("update-desktop-database")
    if tool and applications.is_dir():
        subprocess.run(
            [tool, "-q", str(applications)], check=False, timeout=10, capture_output=True
        )


# --- Windows and macOS (written to their documentation, untested here) --------


def _start_menu_shortcut() -> Path:
    appdata = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    return (
        appdata / "Microsoft" / "Windows" / "Start Menu" / "Programs" / (f"{APP_DISPLAY_NAME}.lnk")
    )


def _install_windows() -> DesktopInstall:
    shortcut = _start_menu_shortcut()
    shortcut.parent.mkdir(parents=True, exist_ok=True)
    write_windows_shortcut(shortcut, launcher_command(), APP_DISPLAY_NAME)
    return DesktopInstall((shortcut,), f"Added “{APP_DISPLAY_NAME}” to the Start menu.")


def write_windows_shortcut(target: Path, command: list[str], description: str) -> None:
    """A Windows `.lnk` at `target` running `command`, made by the shell's own COM object
    (no extra package); the values travel in the environment, so nothing is quoted."""
    script = (
        "$s = (New-Object -ComObject WScript.Shell).CreateShortcut($env:TA_LNK);"
        "$s.TargetPath = $env:TA_TARGET; $s.Arguments = $env:TA_ARGS;"
        "$s.Description = $env:TA_NAME; $s.Save()"
    )
    env = dict(
        os.environ,
        TA_LNK=str(target),
        TA_TARGET=command[0],
        TA_ARGS=subprocess.list2cmdline(command[1:]),
        TA_NAME=description,
    )
    try:
        subprocess.run(
            ["powershell", "-NoProfile", "-NonInteractive", "-Command", script],
            check=True,
            timeout=30,
            env=env,
            capture_output=True,
        )
    except subprocess.SubprocessError as error:
        raise OSError(f"the shortcut could not be made: {error}") from error


def _macos_launcher() -> Path:
    return Path.home() / "Applications" / f"{APP_DISPLAY_NAME}.command"


def _install_macos() -> DesktopInstall:
    launcher = _macos_launcher()
    launcher.parent.mkdir(parents=True, exist_ok=True)
    quoted = " ".join("'" + arg.replace("'", "'\\''") + "'" for arg in launcher_command())
    launcher.write_text(f'#!/bin/sh\nexec {quoted} "$@"\n', encoding="utf-8")
    launcher.chmod(0o755)
    return DesktopInstall(
        (launcher,),
        f"Added “{launcher.name}” to your Applications folder: double-click it to start. "
        "For an app with its own icon, use the standalone bundle.",
    )


def _all_places() -> list[Path]:
    if sys.platform == "win32":
        return [_start_menu_shortcut()]
    if sys.platform == "darwin":
        return [_macos_launcher()]
    return [_entry_path(), _icon_path()]


def _unlink(path: Path) -> bool:
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True
