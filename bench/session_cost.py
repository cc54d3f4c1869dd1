"""What a running session costs the laptop, against a bare PySide6 countdown.

    python bench/session_cost.py [--runs 3] [--seconds 30] [--paused-seconds 20]
                                 [--sound both|none|pulse] [--routine knee-to-chest]
                                 [--before OTHER_CHECKOUT]

On a private virtual X screen (Xvfb), one after the other, several runs each:
`python -m timer_app --start ROUTINE` on a fresh data dir, Space pressed with
xdotool, and a bare PySide6 window of the same size whose label counts down
once a second (Space pauses it too). For each, measured from outside over the
running session (after the lead-in) and then paused:

- CPU: utime + stime from /proc/<pid>/stat of the process and its children
  (the speech worker), in % of one core;
- wake-ups per second: voluntary context switches of every thread of the tree
  (/proc/<pid>/task/*/status), with the busiest threads named;
- memory: VmRSS and PSS (/proc/<pid>/smaps_rollup) of the tree, after start;
- screen area repainted per second: in a separate run of each (an event filter
  costs CPU of its own), the union of the paint regions of each frame, in
  window pixels.

Medians of the runs with their spread (lowest-highest), and the app's figures as
ratios of the bare window's. `--before DIR` also runs the app from another
checkout (e.g. `git archive COMMIT | tar -x -C DIR`) in the same rounds, so
before, after and bare are measured interleaved on the same machine state. CPU is
read in 10 ms clock ticks: over 30 s one tick is 0.03 % of a core. Runs
without a sound server (a runtime dir where none listens) and with one (a
private PulseAudio server with a null sink, as bench/cue_latency.py starts).
Goals (issue 18): CPU <= 0.15 % of a core, <= 10 wake-ups/s running and
<= 1/s paused, RSS <= bare + 30 MiB.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from cue_latency import AudioServer, _end, _speech_dispatchers

REPO = Path(__file__).resolve().parent.parent
CLK_TCK = os.sysconf("SC_CLK_TCK")
SCREEN = "1366x768"
GOALS = {"cpu": 0.15, "wakeups": 10.0, "paused": 1.0, "rss_over_bare": 30.0}

# The bare countdown: what a first attempt at a timer window would be.
BARE = """
import sys
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class Window(QMainWindow):
    def keyPressEvent(self, event):  # Space pauses and goes on, as in the app
        if event.key() == Qt.Key.Key_Space:
            timer.stop() if timer.isActive() else timer.start(1000)

app = QApplication(sys.argv[:1])
window = Window()
label = QLabel("30")
label.setAlignment(Qt.AlignmentFlag.AlignCenter)
font = QFont(); font.setPixelSize(200); label.setFont(font)
window.setCentralWidget(label)
left = [600]
def tick():
    left[0] -= 1
    label.setText(str(left[0]))
timer = QTimer(window)
timer.timeout.connect(tick)  # started by Space, as the app's session is
window.resize(int(sys.argv[1]), int(sys.argv[2]))
window.show()
app.exec()
"""

# Prepended to a child for the paint run: the union of each frame's paint
# regions (in window coordinates), added up in a file the bench reads.
PAINT_COUNTER = """
import os, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QRegion
from PySide6.QtWidgets import QApplication, QWidget

_out = os.open(os.environ["BENCH_PAINT_FILE"], os.O_WRONLY | os.O_CREAT, 0o644)
_frame = QRegion()
_total = [0]

class _Paints(QObject):
    def eventFilter(self, obj, event):
        global _frame
        kind = event.type()
        if kind == QEvent.Type.UpdateRequest:
            _frame = QRegion()  # a new frame: the backing store repaints what is dirty
        elif kind == QEvent.Type.Paint and isinstance(obj, QWidget):
            region = event.region().translated(obj.mapTo(obj.window(), obj.rect().topLeft()))
            new = region.subtracted(_frame)
            _frame = _frame.united(region)
            area = sum(r.width() * r.height() for r in new)
            if area:
                _total[0] += area
                os.pwrite(_out, f"{_total[0]:<20}".encode(), 0)
        return False

_exec = QApplication.exec
def _exec_counted(self=None):
    app = QApplication.instance()
    app._bench_paints = _Paints()
    app.installEventFilter(app._bench_paints)
    return _exec()
QApplication.exec = _exec_counted
"""
APP = "from timer_app.cli import main\nmain(sys.argv[1:])\n"


# -- the process tree, read from /proc ------------------------------------------------
def tree(root: int) -> list[int]:
    """`root` and every process below it."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(parents.get(pid, []))
    return found


@dataclass
class Sample:
    at: float
    cpu_ticks: int = 0
    switches: dict[str, int] = field(default_factory=dict)  # "pid/tid name" -> voluntary
    rss_kib: int = 0
    pss_kib: int = 0


def sample(root: int) -> Sample:
    now = Sample(time.monotonic())
    for pid in tree(root):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            now.cpu_ticks += int(fields[11]) + int(fields[12])  # utime + stime
            status = Path(f"/proc/{pid}/status").read_text()
            now.rss_kib += _kib(status, "VmRSS:")
            now.pss_kib += _kib(Path(f"/proc/{pid}/smaps_rollup").read_text(), "Pss:")
            for task in Path(f"/proc/{pid}/task").iterdir():
                with contextlib.suppress(OSError):
                    text = (task / "status").read_text()
                    name = next(ln for ln in text.splitlines() if ln.startswith("Name:"))
                    key = f"{pid}/{task.name} {name.split(None, 1)[1]}"
                    now.switches[key] = _kib(text, "voluntary_ctxt_switches:")
    return now


def _kib(text: str, key: str) -> int:
    for line in text.splitlines():
        if line.startswith(key):
            return int(line.split()[1])
    return 0


@dataclass
class Cost:
    cpu_percent: float
    wakeups: float
    busiest: list[tuple[str, float]]


def cost(before: Sample, after: Sample) -> Cost:
    seconds = after.at - before.at
    cpu = 100 * (after.cpu_ticks - before.cpu_ticks) / CLK_TCK / seconds
    rates = {
        key: (count - before.switches.get(key, 0)) / seconds
        for key, count in after.switches.items()
    }
    busiest = sorted(rates.items(), key=lambda kv: -kv[1])[:4]
    return Cost(cpu, sum(rates.values()), busiest)


# -- the virtual screen ------------------------------------------------------------------
@contextlib.contextmanager
def virtual_screen() -> Iterator[str]:
    """A private Xvfb, on the first display number that starts and answers."""
    for n in range(600, 700):
        if Path(f"/tmp/.X{n}-lock").exists() or Path(f"/tmp/.X11-unix/X{n}").exists():
            continue
        display = f":{n}"
        proc = subprocess.Popen(
            ["Xvfb", display, "-screen", "0", f"{SCREEN}x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            answer = subprocess.run(["xdpyinfo", "-display", display], capture_output=True)
            if answer.returncode == 0 or proc.poll() is not None:
                break
            time.sleep(0.1)
        if proc.poll() is None and answer.returncode == 0:
            break
        proc.kill()
        proc.wait()
    else:
        raise SystemExit("no virtual screen would start")
    try:
        yield display
    finally:
        proc.terminate()
        proc.wait()


def xdotool(display: str, *args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args], capture_output=True, text=True, env={**os.environ, "DISPLAY": display}
    )
    return done.stdout.strip()


def wait_for_window(display: str, pid: int, proc: subprocess.Popen[bytes]) -> str:
    for _ in range(400):  # 20 s
        found = xdotool(display, "search", "--onlyvisible", "--pid", str(pid)).splitlines()
        if found:
            return found[-1]
        if proc.poll() is not None:
            raise SystemExit(f"the child exited ({proc.returncode}) before showing a window")
        time.sleep(0.05)
    raise SystemExit("no window within 20 s")


def press(display: str, window: str, key: str) -> None:
    # Xvfb has no window manager to activate a window: focus it instead (look.sh).
    xdotool(display, "windowfocus", "--sync", window)
    xdotool(display, "key", "--clearmodifiers", key)


# -- one run ---------------------------------------------------------------------------------
@dataclass
class Run:
    running: Cost
    paused: Cost
    rss_mib: float
    pss_mib: float
    size: tuple[int, int]


def play(
    kind: str,
    display: str,
    env: dict[str, str],
    size: tuple[int, int] | None,
    args: argparse.Namespace,
    paint_file: Path | None = None,
) -> Run:
    """Start one child, press Space, measure running and paused, end it."""
    code = (PAINT_COUNTER if paint_file else "") + (BARE if kind == "bare" else APP)
    source = args.before if kind == "before" else args.source
    if kind != "bare":
        argv = ["--start", args.routine]
        if paint_file is None:
            command = [sys.executable, "-m", "timer_app", *argv]
        else:
            command = [sys.executable, "-c", "import sys\n" + code, *argv]
    else:
        assert size is not None
        command = [sys.executable, "-c", code, str(size[0]), str(size[1])]
    child_env = {**env, "DISPLAY": display, "PYTHONPATH": str(source)}
    if paint_file is not None:
        child_env["BENCH_PAINT_FILE"] = str(paint_file)
    with tempfile.TemporaryDirectory(prefix="session-cost-") as data:
        child_env["TIMER_APP_DATA_DIR"] = data
        errors = Path(data, "stderr.txt")  # shown if the child fails
        with errors.open("wb") as stderr:
            proc = subprocess.Popen(
                command, env=child_env, cwd=source, stdout=subprocess.DEVNULL, stderr=stderr
            )
        try:
            try:
                window = wait_for_window(display, proc.pid, proc)
            except SystemExit:
                print(f"{kind}: {errors.read_text()[-3000:]}", file=sys.stderr)
                raise
            time.sleep(2.0)  # the app fills its window after the first paint
            press(display, window, "space")
            time.sleep(args.lead_in + 1.5)  # past the lead-in: a hold is running
            geometry = xdotool(display, "getwindowgeometry", window)
            width, height = geometry.split("Geometry:")[1].split()[0].split("x")
            start = sample(proc.pid)
            paint_start = _painted(paint_file)
            time.sleep(args.seconds)
            end = sample(proc.pid)
            painted = (_painted(paint_file) - paint_start) / (end.at - start.at)
            press(display, window, "space")  # pause
            time.sleep(1.5)
            paused_start = sample(proc.pid)
            time.sleep(args.paused_seconds)
            paused_end = sample(proc.pid)
        finally:
            for pid in reversed(tree(proc.pid)):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            proc.wait()
    run = Run(
        cost(start, end),
        cost(paused_start, paused_end),
        end.rss_kib / 1024,
        end.pss_kib / 1024,
        (int(width), int(height)),
    )
    run.running.busiest.insert(0, ("painted px/s", painted))
    return run


def _painted(paint_file: Path | None) -> float:
    if paint_file is None or not paint_file.exists():
        return 0.0
    text = paint_file.read_text().strip()
    return float(text or 0)


# -- the comparison -------------------------------------------------------------------------
def compare(label: str, display: str, env: dict[str, str], args: argparse.Namespace) -> None:
    kinds = ("app", "bare", "before") if args.before else ("app", "bare")
    runs: dict[str, list[Run]] = {kind: [] for kind in kinds}
    size: tuple[int, int] | None = None
    for _ in range(args.runs):  # interleaved: each round runs every kind once
        app = play("app", display, env, None, args)
        size = app.size
        runs["app"].append(app)
        runs["bare"].append(play("bare", display, env, size, args))
        if args.before:
            runs["before"].append(play("before", display, env, None, args))
    painted: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for kind in kinds:
            counted = play(kind, display, env, size, args, Path(scratch, kind))
            painted[kind] = counted.running.busiest[0][1]

    def median(kind: str, get) -> float:  # type: ignore[no-untyped-def]
        return statistics.median(get(r) for r in runs[kind])

    def spread(kind: str, get, fmt: str) -> str:  # type: ignore[no-untyped-def]
        values = [get(r) for r in runs[kind]]
        return f"{fmt.format(min(values))}-{fmt.format(max(values))}"

    rows = [
        ("CPU, % of a core (running)", lambda r: r.running.cpu_percent, "{:.3f}"),
        ("wake-ups/s (running)", lambda r: r.running.wakeups, "{:.1f}"),
        ("wake-ups/s (paused)", lambda r: r.paused.wakeups, "{:.1f}"),
        ("CPU, % of a core (paused)", lambda r: r.paused.cpu_percent, "{:.3f}"),
        ("RSS of the tree, MiB", lambda r: r.rss_mib, "{:.1f}"),
        ("PSS of the tree, MiB", lambda r: r.pss_mib, "{:.1f}"),
    ]
    print(f"\n{label}: medians of {args.runs} runs, window {size[0]}x{size[1]}" if size else "")
    before_head = f" {'before':>10} {'(spread)':>13}" if args.before else ""
    print(
        f"  {'':32} {'bare':>10} {'(spread)':>13} {'app':>10} {'(spread)':>13} {'ratio':>8}"
        + before_head
    )
    figures: dict[str, tuple[float, float]] = {}
    for name, get, fmt in rows:
        bare, app = median("bare", get), median("app", get)
        figures[name] = (bare, app)
        ratio = f"{app / bare:.1f}x" if bare > 0 else "-"
        line = (
            f"  {name:32} {fmt.format(bare):>10} {spread('bare', get, fmt):>13}"
            f" {fmt.format(app):>10} {spread('app', get, fmt):>13} {ratio:>8}"
        )
        if args.before:
            line += f" {fmt.format(median('before', get)):>10} {spread('before', get, fmt):>13}"
        print(line)
    bare_p, app_p = painted["bare"], painted["app"]
    ratio = f"{app_p / bare_p:.1f}x" if bare_p else "-"
    line = f"  {'repainted px/s (running)':32} {bare_p:>10.0f} {'':13} {app_p:>10.0f} {'':13}"
    line += f" {ratio:>8}"
    if args.before:
        line += f" {painted['before']:>10.0f}"
    print(line)
    print("  busiest threads of the app's last run (voluntary switches/s):")
    for name, rate in runs["app"][-1].running.busiest[1:]:
        print(f"    {rate:7.1f}  {name}")
    print("  ... and paused:")
    for name, rate in runs["app"][-1].paused.busiest[:3]:
        print(f"    {rate:7.1f}  {name}")
    checks = [
        ("CPU <= 0.15 %", figures["CPU, % of a core (running)"][1] <= GOALS["cpu"]),
        ("wake-ups <= 10/s", figures["wake-ups/s (running)"][1] <= GOALS["wakeups"]),
        ("paused <= 1/s", figures["wake-ups/s (paused)"][1] <= GOALS["paused"]),
        (
            "RSS <= bare + 30 MiB",
            figures["RSS of the tree, MiB"][1]
            <= figures["RSS of the tree, MiB"][0] + GOALS["rss_over_bare"],
        ),
    ]
    print("  goals: " + ", ".join(f"{name} {'ok' if ok else 'OVER'}" for name, ok in checks))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=30.0, help="running, measured")
    parser.add_argument("--paused-seconds", type=float, default=20.0)
    parser.add_argument("--lead-in", type=float, default=5.0, help="the routine's lead-in")
    parser.add_argument("--routine", default="knee-to-chest")
    parser.add_argument(
        "--source", type=Path, default=REPO, help="the app's source tree (another checkout)"
    )
    parser.add_argument(
        "--before", type=Path, help="also run the app from this checkout, interleaved"
    )
    parser.add_argument("--sound", choices=("both", "none", "pulse"), default="both")
    args = parser.parse_args()
    missing = [tool for tool in ("Xvfb", "xdotool", "xdpyinfo") if shutil.which(tool) is None]
    if missing:
        print(
            f"skipped: {', '.join(missing)} not installed (apt-get install xvfb xdotool x11-utils)"
        )
        return 0
    base = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    with virtual_screen() as display:
        if args.sound in ("both", "none"):
            with tempfile.TemporaryDirectory(prefix="no-sound-") as runtime:
                # No server listens here, and libpulse must not start one.
                env = {**base, "XDG_RUNTIME_DIR": runtime, "PULSE_SERVER": f"unix:{runtime}/none"}
                try:
                    compare("without a sound server", display, env, args)
                finally:
                    _stop_speech_dispatchers(runtime)
        if args.sound in ("both", "pulse") and shutil.which("pulseaudio"):
            saved = dict(os.environ)
            server = AudioServer(private=True)
            try:
                env = {**base, "XDG_RUNTIME_DIR": os.environ["XDG_RUNTIME_DIR"]}
                env.pop("PULSE_SERVER", None)
                compare(f"with {server.how.split(' in ')[0]}", display, env, args)
            finally:
                server.stop()
                os.environ.clear()
                os.environ.update(saved)
    return 0


def _stop_speech_dispatchers(runtime: str) -> None:
    pid_file = Path(runtime, "speech-dispatcher", "pid", "speech-dispatcher.pid")
    for pid in _speech_dispatchers(runtime, pid_file):
        _end(pid)


if __name__ == "__main__":
    sys.exit(main())
