"""The standalone bundle against the pip install: size on disk and start-up time.

    python bench/bundle.py [--bundle dist/timer-app] [--runs 5]

Build the bundle first (`bash packaging/build.sh`). The pip install is the Python
running this script (a venv with `pip install .`). Start-up is measured from just
before the process starts to its window being mapped on a virtual X screen
(Xvfb; `xdotool search --onlyvisible` polled every 10 ms), alternating the two so
disk caches treat both alike, each on a fresh data dir; and the command line's
`list --json` (no window) the same way. Prints medians and the ratio bundle/pip.
Needs Xvfb and xdotool.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def _pip_install_size(python: Path) -> tuple[int, str]:
    """What `pip install .` put in that venv: its site-packages, as a patient has it."""
    found = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    )
    site = Path(found.stdout.strip())
    return _size(site), str(site)


def _window_time(command: list[str], display: str, data: Path) -> float:
    env = dict(os.environ, DISPLAY=display, TIMER_APP_DATA_DIR=str(data))
    env.pop("QT_QPA_PLATFORM", None)
    start = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while True:
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--pid", str(proc.pid)],
                env=env,
                capture_output=True,
                check=False,
            )
            if found.stdout.strip():
                return time.perf_counter() - start
            if proc.poll() is not None:
                raise RuntimeError(f"{command[0]} exited: {proc.stderr.read()!r}")
            if time.perf_counter() - start > 30:
                raise RuntimeError(f"{command[0]}: no window in 30 s")
            time.sleep(0.01)
    finally:
        proc.terminate()
        proc.wait(10)


def _cli_time(command: list[str], data: Path) -> float:
    env = dict(os.environ, TIMER_APP_DATA_DIR=str(data))
    start = time.perf_counter()
    subprocess.run([*command, "list", "--json"], env=env, capture_output=True, check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "timer-app")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--pip-python",
        type=Path,
        default=Path(sys.executable),
        help="the Python of a venv holding `pip install .` (default: this one)",
    )
    args = parser.parse_args()
    bundled = args.bundle / "timer-app"
    if not bundled.exists():
        print(f"no bundle at {args.bundle}: run bash packaging/build.sh first")
        return 1
    for tool in ("Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            print(f"{tool} is not installed")
            return 1
    pip_command = [str(args.pip_python), "-m", "timer_app"]
    pip_bytes, site = _pip_install_size(args.pip_python)
    bundle_bytes = _size(args.bundle)
    print(
        f"size on disk: bundle {bundle_bytes / 2**20:.0f} MiB ({args.bundle}); "
        f"pip install {pip_bytes / 2**20:.0f} MiB ({site}); "
        f"ratio {bundle_bytes / pip_bytes:.2f}"
    )

    display = f":{os.getpid() % 300 + 200}"
    xvfb = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1366x768x24", "-nolisten", "tcp", "-noreset"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):  # Xvfb answers within a second or two
            if (
                subprocess.run(["xdpyinfo", "-display", display], capture_output=True).returncode
                == 0
            ):
                break
            time.sleep(0.1)
        window: dict[str, list[float]] = {"bundle": [], "pip": []}
        cli: dict[str, list[float]] = {"bundle": [], "pip": []}
        commands = {"bundle": [str(bundled)], "pip": pip_command}
        for _ in range(args.runs + 1):  # the first round warms the disk cache, unrecorded
            for name, command in commands.items():
                with tempfile.TemporaryDirectory() as data:
                    w = _window_time(command, display, Path(data) / "w")
                    c = _cli_time(command, Path(data) / "c")
                window[name].append(w)
                cli[name].append(c)
        for label, table in (("window shown", window), ("list --json", cli)):
            b, p = (statistics.median(table[n][1:]) * 1000 for n in ("bundle", "pip"))
            print(
                f"{label:13}: bundle {b:6.0f} ms, pip install {p:6.0f} ms "
                f"(medians of {args.runs}); ratio {b / p:.2f}"
            )
    finally:
        xvfb.terminate()
        xvfb.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
