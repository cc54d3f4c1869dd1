"""What the background reminders cost while they wait (issue 17: <= 0.05 % of a
core and <= 40 MiB).

    python bench/reminders_cost.py [--seconds 120] [--settle 8]

Starts `python -m timer_app reminders run` on a fresh data dir whose settings ask
for reminders while the app is closed, at times hours away, in two desktops:

- "notifications": a private session bus (dbus-daemon) with a notification
  service that shows buttons (the tests' strict fake server), as on GNOME, KDE,
  Xfce: the process is Qt's core only;
- "tray": a virtual X screen (Xvfb) and no session bus, as on a bare window
  manager: reminders would go to a tray icon, in a child started only while a
  reminder is shown, so the waiting process is Qt's core only here too.

Each also with standing breaks on (a check of the idle time every minute).
After `--settle` seconds (start-up, the child that reads the routines), it
measures from outside for `--seconds`: CPU time of every thread of the process
(/proc/<pid>/task/*/schedstat, nanoseconds) and of its children, in % of one
core; wake-ups (voluntary context switches of every thread); VmRSS and PSS
(/proc/<pid>/smaps_rollup) at the end. Linux only.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
GOALS = {"cpu": 0.05, "rss": 40.0}
CLK_TCK = os.sysconf("SC_CLK_TCK")


def _cpu_ns(pid: int) -> int:
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError):
            total += int((task / "schedstat").read_text().split()[0])
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    children = int(fields[13]) + int(fields[14])  # cutime + cstime, of children waited for
    return total + children * 1_000_000_000 // CLK_TCK


def _wakeups(pid: int) -> int:
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError):
            for line in (task / "status").read_text().splitlines():
                if line.startswith("voluntary_ctxt_switches"):
                    total += int(line.split()[1])
    return total


def _memory_mib(pid: int) -> tuple[float, float]:
    rss = pss = 0.0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            rss = int(line.split()[1]) / 1024
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1]) / 1024
    return rss, pss


def _settings(data: Path, breaks: bool) -> None:
    later = datetime.now() + timedelta(hours=3)
    reminders = {
        "enabled": True,
        "in_background": True,
        "times": [later.strftime("%H:%M"), (later + timedelta(hours=1)).strftime("%H:%M")],
        "quiet_start": "00:00",
        "quiet_end": "00:00",
        "breaks_enabled": breaks,
        "break_minutes": 25,
    }
    data.mkdir(parents=True, exist_ok=True)
    (data / "settings.json").write_text(json.dumps({"reminders": reminders}), encoding="utf-8")


@contextlib.contextmanager
def _notification_bus() -> Iterator[dict[str, str]]:
    from tests.gui.reminders.fake_notifications import notification_server

    with notification_server() as server:
        yield {"DBUS_SESSION_BUS_ADDRESS": server.address, "QT_QPA_PLATFORM": "offscreen"}


@contextlib.contextmanager
def _virtual_screen() -> Iterator[dict[str, str]]:
    if shutil.which("Xvfb") is None:
        raise SystemExit("Xvfb is needed for the tray run (apt install xvfb)")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as numbers:
        display = ":" + numbers.readline().strip()
    try:
        # No session bus at all: no notification service, so the tray fallback.
        yield {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "DBUS_SESSION_BUS_ADDRESS": ""}
    finally:
        server.terminate()
        server.wait(timeout=10)


def measure(desktop: str, breaks: bool, seconds: float, settle: float) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="reminders-cost-") as scratch:
        data = Path(scratch) / "data"
        _settings(data, breaks)
        place = _notification_bus() if desktop == "notifications" else _virtual_screen()
        with place as extra:
            env = dict(os.environ, TIMER_APP_DATA_DIR=str(data), **extra)
            if not extra.get("DBUS_SESSION_BUS_ADDRESS"):
                env.pop("DBUS_SESSION_BUS_ADDRESS", None)
            process = subprocess.Popen(
                [sys.executable, "-m", "timer_app", "reminders", "run"],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            try:
                time.sleep(settle)
                if process.poll() is not None:
                    raise SystemExit(f"reminders run ended: {process.stderr.read()}")
                cpu0, wake0, t0 = _cpu_ns(process.pid), _wakeups(process.pid), time.monotonic()
                time.sleep(seconds)
                cpu1, wake1, t1 = _cpu_ns(process.pid), _wakeups(process.pid), time.monotonic()
                rss, pss = _memory_mib(process.pid)
            finally:
                process.terminate()
                process.wait(timeout=20)
    elapsed = t1 - t0
    return {
        "cpu": (cpu1 - cpu0) / 1e9 / elapsed * 100,
        "wakeups": (wake1 - wake0) / elapsed,
        "rss": rss,
        "pss": pss,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=120.0, help="measured while waiting")
    parser.add_argument("--settle", type=float, default=8.0, help="start-up left out")
    args = parser.parse_args()
    print(f"waiting {args.seconds:g} s after {args.settle:g} s of start-up; goals: "
          f"CPU <= {GOALS['cpu']} % of a core, RSS <= {GOALS['rss']:g} MiB")  # fmt: skip
    print(f"{'desktop':<14}{'breaks':<8}{'CPU %':>9}{'wake/s':>9}{'RSS MiB':>9}{'PSS MiB':>9}")
    failed = False
    for desktop in ("notifications", "tray"):
        for breaks in (False, True):
            found = measure(desktop, breaks, args.seconds, args.settle)
            over = found["cpu"] > GOALS["cpu"] or found["rss"] > GOALS["rss"]
            failed |= over
            print(
                f"{desktop:<14}{'on' if breaks else 'off':<8}{found['cpu']:>9.4f}"
                f"{found['wakeups']:>9.2f}{found['rss']:>9.1f}{found['pss']:>9.1f}"
                + ("  over a goal" if over else "")
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
