"""Start the background reminders when the person logs in ("Remind me even when
the app is closed"), and stop starting them when that is turned off.

- Linux and other freedesktop desktops: `$XDG_CONFIG_HOME/autostart/<APP_ID>.reminders.desktop`
  (Desktop Application Autostart spec; ~/.config when XDG_CONFIG_HOME is unset or
  relative), running this installation's `timer-app-gui reminders run`.
- macOS: a LaunchAgent, ~/Library/LaunchAgents/<APP_ID>.reminders.plist, RunAtLoad
  (written to Apple's launchd.plist documentation; untested here).
- Windows: a shortcut in the Startup folder of the Start menu, made by the shell's
  own COM object as `install-desktop` makes its shortcut (untested here).

A data dir other than the default (`--data-dir`, TIMER_APP_DATA_DIR) is written
into the command, so the reminders read the history the app writes.
"""

from __future__ import annotations

import os
import plistlib
import sys
from pathlib import Path

from timer_app import APP_DISPLAY_NAME, APP_ID
from timer_app.storage import desktop_entry, paths
from timer_app.storage.resources import asset_path

__all__ = ["autostart_command", "autostart_path", "install", "installed", "remove", "sync"]

ENTRY_ID = f"{APP_ID}.reminders"


def autostart_command() -> list[str]:
    """This installation's command that runs the reminders without a window."""
    command = [*desktop_entry.launcher_command()]
    override = os.environ.get(paths.DATA_DIR_ENV)
    if override:
        command += ["--data-dir", str(Path(override).expanduser().absolute())]
    return [*command, "reminders", "run"]


def autostart_path() -> Path:
    if sys.platform == "win32":
        appdata = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
        startup = appdata / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Startup"
        return startup / f"{APP_DISPLAY_NAME} reminders.lnk"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "LaunchAgents" / f"{ENTRY_ID}.plist"
    return _config_home() / "autostart" / f"{ENTRY_ID}.desktop"


def _config_home() -> Path:
    # XDG Base Directory spec: a relative XDG_CONFIG_HOME is invalid and ignored.
    configured = os.environ.get("XDG_CONFIG_HOME", "")
    if configured and Path(configured).is_absolute():
        return Path(configured)
    return Path.home() / ".config"


def installed() -> bool:
    return autostart_path().exists()


def sync(wanted: bool) -> Path | None:
    """Make the entry exist exactly when `wanted`; the path written, or None."""
    if wanted:
        return install()
    remove()
    return None


def install() -> Path:
    """Write (or rewrite: the installation may have moved) the entry; raises OSError."""
    target = autostart_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    command = autostart_command()
    if sys.platform == "win32":
        desktop_entry.write_windows_shortcut(target, command, f"{APP_DISPLAY_NAME} reminders")
        return target
    text = _plist(command) if sys.platform == "darwin" else entry_text(command)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_bytes(text)
    os.replace(tmp, target)  # a session starting now never reads half an entry
    return target


def remove() -> bool:
    """True when there was an entry to remove."""
    try:
        autostart_path().unlink()
    except FileNotFoundError:
        return False
    return True


def entry_text(command: list[str]) -> bytes:
    icon = asset_path("icons", f"{APP_ID}.svg")
    exec_line = " ".join(desktop_entry._quote_exec_argument(arg) for arg in command)
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        f"Name={APP_DISPLAY_NAME} reminders",
        "Comment=Reminds you of your exercise sessions and standing breaks "
        "(turn off in the app: Safety & help, Reminders)",
        f"Exec={exec_line}",
        f"TryExec={command[0]}",
        f"Icon={icon.absolute() if icon.is_file() else APP_ID}",
        "Terminal=false",
        "NoDisplay=true",
        "X-GNOME-Autostart-enabled=true",
        # Not before the desktop's notification service and tray are there.
        "X-GNOME-Autostart-Delay=10",
        "X-KDE-autostart-phase=2",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _plist(command: list[str]) -> bytes:
    agent = {
        "Label": ENTRY_ID,
        "ProgramArguments": command,
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    }
    return plistlib.dumps(agent)
