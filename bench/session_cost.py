"""What a running session costs the laptop, against a bare PySide6 countdown.

    python bench/session_cost.py [--runs 3] [--seconds 30] [--paused-seconds 20]
                                 [--sound both|none|pulse] [--routine knee-to-chest]
                                 [--before OTHER_CHECKOUT] [--after SECONDS]

On a private virtual X screen (Xvfb, a fresh one for each run), one after the other,
several runs each:
`python -m timer_app --start ROUTINE` on a fresh data dir, Space pressed with
xdotool, and a bare PySide6 window of the same size whose label counts down
once a second (Space pauses it too). For each, measured from outside over the
running session (after the lead-in, or `--after` seconds later: 35 measures
knee-to-chest's second hold, a stretch in which nothing happens for the first
time, as in most of a session) and then paused. The tree (the app and
its children: `paplay` for each tone, `spd-say` for each sentence, the speech
worker elsewhere) is polled every 0.25 s over each window, so children that
start and end inside it are counted
(bench/proc_tree.py says how and what it cannot count):

- CPU in % of one core, to the ns: each living thread's time on a CPU
  (/proc/<pid>/task/<tid>/schedstat), plus the CPU of the children that ended
  in the window (the root's cutime + cstime); also the same in 10 ms ticks
  (utime + stime + cutime + cstime), the figure of earlier rounds;
- wake-ups per second: voluntary context switches of every thread seen in
  the tree, with the busiest threads named (an ended child's as last seen);
- memory over the running window, every 0.5 s: RSS and PSS
  (/proc/<pid>/smaps_rollup) of the main process (median), and of the tree
  (median: what a session holds; max: what it peaks at with a child playing);
  USS (private memory) too: PSS moves as other processes on the machine map
  the same libraries;
- what the app's sound took: the children seen, whether QtMultimedia is mapped
  into the app (QSoundEffect in-process), and the app log's sound warnings;
- screen area repainted per second: in a separate run of each (an event filter
  costs CPU of its own), the union of the paint regions of each frame, in
  window pixels.

Medians of the runs with their spread (lowest-highest), and the app's figures as
ratios of the bare window's. `--before DIR` also runs the app from another
checkout (e.g. `git archive COMMIT | tar -x -C DIR`) in the same rounds, so
before, after and bare are measured interleaved on the same machine state. Runs
without a sound server (a runtime dir where none listens, checked with pactl)
and with one (a private PulseAudio server with a null sink, as
bench/cue_latency.py starts). Not counted: the speech-dispatcher daemon that
`spd-say` starts (it leaves the tree) and the sound server.
Goals (issue 18): CPU <= 0.15 % of a core (checked too as <= 3.75 x the bare,
the goal at the pace of the issue's machine, where the bare cost 0.04 %),
<= 10 wake-ups/s running and <= 1/s paused, RSS <= bare + 30 MiB (the tree's
median, with its max beside it).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from cue_latency import AudioServer, _end, _speech_dispatchers
from proc_tree import Memory, WindowCost, memory, tree, watch, window_cost

REPO = Path(__file__).resolve().parent.parent
SCREEN = "1366x768"
SCREEN_TRIES = 4  # runs of one child, should its private screen be killed from outside
GOALS = {"cpu": 0.15, "wakeups": 10.0, "paused": 1.0, "rss_over_bare": 30.0}
# The issue's machine ran the bare countdown at 0.04 % of a core, so its CPU goal
# was 3.75 times the bare. Where the bare alone costs more (a slower or shared
# machine), that ratio is the goal's reading there, checked beside the figure.
ISSUE_BARE_CPU = 0.04

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


# -- what the app's sound took ---------------------------------------------------------
PLAYERS = ("paplay", "pw-play", "aplay")  # timer_app/gui/audio/tone_process.py
SOUND_WORDS = ("ound", "tone", "speech", "spd-say", "audio")  # in the log's sound warnings


def multimedia_loaded(pid: int) -> bool:
    """Whether QtMultimedia is mapped into the process (QSoundEffect in-process)."""
    with contextlib.suppress(OSError):
        return "libQt6Multimedia" in Path(f"/proc/{pid}/maps").read_text()
    return False


def kept_samples() -> int:
    """How many of the app's tones the sound server keeps (its sample cache)."""
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        listing = subprocess.run(
            ["pactl", "list", "short", "samples"], capture_output=True, text=True, timeout=5
        ).stdout
        return sum("\ttimer-app." in line for line in listing.splitlines())
    return 0


def sound_route(children: Counter[str], multimedia: bool, log: str, samples: int = 0) -> str:
    """What played the tones and said the prompts, from the children seen, the
    libraries mapped, the server's sample cache and the app's log (its warnings
    about sound)."""
    players = [f"{name} x{children[name]}" for name in PLAYERS if children[name]]
    if players:
        tones = "tones by a child " + ", ".join(players)
    elif samples:
        tones = f"tones by the sound server's sample cache ({samples} kept)"
    elif multimedia:
        tones = "tones by QSoundEffect in the app's process (QtMultimedia mapped)"
    else:
        tones = "no tones played (no player child, QtMultimedia not mapped)"
    if multimedia and players:
        tones += ", and QtMultimedia mapped"
    speakers = [f"{n} x{children[n]}" for n in ("spd-say", "speech worker") if children[n]]
    speech = "speech by " + ", ".join(speakers) if speakers else "no speech child seen"
    others = [
        f"{n} x{c}" for n, c in children.items() if n not in (*PLAYERS, "spd-say", "speech worker")
    ]
    said = [
        line.split(": ", 1)[-1]
        for line in log.splitlines()
        if " WARNING " in line and any(w in line for w in SOUND_WORDS)
    ]
    text = f"{tones}; {speech}"
    if others:
        text += "; other children: " + ", ".join(others)
    if said:
        text += "\n      log: " + "\n      log: ".join(s[:110] for s in said[:2])
    return text


def no_server_check(env: dict[str, str]) -> str:
    """How sure "without a sound server" is: no socket, and pactl cannot connect."""
    runtime = Path(env["XDG_RUNTIME_DIR"])
    sockets = [n for n in ("pulse/native", "pipewire-0") if (runtime / n).exists()]
    if sockets:
        raise SystemExit(f"a sound server socket is there: {sockets}")
    if shutil.which("pactl") is None:
        return "no server socket (pactl not installed to ask)"
    asked = subprocess.run(["pactl", "info"], env=env, capture_output=True, text=True)
    if asked.returncode == 0:
        raise SystemExit("pactl reached a sound server where none should listen")
    said = (asked.stderr.strip().splitlines() or ["no answer"])[0]
    return f"no server socket; pactl info: {said[:60]}"


# -- the virtual screen ------------------------------------------------------------------
@contextlib.contextmanager
def virtual_screen() -> Iterator[str]:
    """A private Xvfb on a random high display number, ready when it says so
    (-displayfd). Others start and stop Xvfbs on this machine too: left to pick
    its own, Xvfb takes the lowest free number, often :0, which others' scripts
    also use and kill (twice a run died there); a number this bench found free
    could also be taken between the look and the start."""
    for _ in range(20):
        number = random.randint(1000, 30000)
        if Path(f"/tmp/.X11-unix/X{number}").exists():
            continue
        read_end, write_end = os.pipe()
        proc = subprocess.Popen(
            [
                "Xvfb",
                f":{number}",
                "-displayfd",
                str(write_end),
                "-screen",
                "0",
                f"{SCREEN}x24",
                "-nolisten",
                "tcp",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(write_end,),
        )
        os.close(write_end)
        try:
            # Xvfb writes the number once it listens; nothing if it could not start.
            ready, _, _ = select.select([read_end], [], [], 20)
            said = os.read(read_end, 32).decode().strip() if ready else ""
            if said:
                yield f":{said}"
                return
        finally:
            os.close(read_end)
            proc.terminate()
            proc.wait()
    raise SystemExit("no virtual screen would start")


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
    running: WindowCost
    paused: WindowCost
    memory: Memory  # over the running window
    size: tuple[int, int]
    route: str  # what played the tones and said the prompts ("" for the bare window)
    painted: float = 0.0  # px/s, in the paint run only


def play(
    kind: str,
    env: dict[str, str],
    size: tuple[int, int] | None,
    args: argparse.Namespace,
    paint_file: Path | None = None,
) -> Run:
    """One child on a fresh private screen, and again (up to `SCREEN_TRIES` in all)
    should that screen be killed from outside meanwhile (others' scripts stop
    Xvfbs on this machine: twice in one night a 35-minute run died of it, and
    once more after one retry)."""
    for attempt in range(SCREEN_TRIES):
        with virtual_screen() as display:
            try:
                return _play_on(display, kind, env, size, args, paint_file)
            except (Exception, SystemExit):
                if attempt == SCREEN_TRIES - 1 or xdotool(display, "getdisplaygeometry"):
                    raise  # the screen is there: a real failure
                print(f"  {kind}: the virtual screen went away; that run again", file=sys.stderr)
    raise AssertionError("not reached")


def _play_on(
    display: str,
    kind: str,
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
            time.sleep(args.lead_in + 1.5 + args.after)  # past the lead-in: a hold runs
            geometry = xdotool(display, "getwindowgeometry", window)
            width, height = geometry.split("Geometry:")[1].split()[0].split("x")
            paint_start = _painted(paint_file)
            running = watch(proc.pid, args.seconds)
            painted = (_painted(paint_file) - paint_start) / (running[-1].at - running[0].at)
            multimedia = multimedia_loaded(proc.pid)
            press(display, window, "space")  # pause
            time.sleep(1.5)
            paused = watch(proc.pid, args.paused_seconds)
            multimedia = multimedia or multimedia_loaded(proc.pid)
            log = Path(data, "timer-app.log")
            said = log.read_text(errors="replace") if log.is_file() else ""
            samples = kept_samples()
        finally:
            for pid in reversed(tree(proc.pid)):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            proc.wait()
    running_cost, paused_cost = window_cost(running), window_cost(paused)
    route = ""
    if kind != "bare":
        route = sound_route(
            Counter({**running_cost.children, **paused_cost.children}.values()),
            multimedia,
            said,
            samples,
        )
    return Run(
        running_cost, paused_cost, memory(running), (int(width), int(height)), route, painted
    )


def _painted(paint_file: Path | None) -> float:
    if paint_file is None or not paint_file.exists():
        return 0.0
    text = paint_file.read_text().strip()
    return float(text or 0)


# -- the comparison -------------------------------------------------------------------------
ROWS: list[tuple[str, Callable[[Run], float], str]] = [
    ("CPU, % of a core, running", lambda r: r.running.cpu_percent, "{:.3f}"),
    ("  in 10 ms ticks (earlier rounds)", lambda r: r.running.tick_percent, "{:.3f}"),
    ("  ticks of children that ended", lambda r: r.running.ended_ticks, "{:.0f}"),
    ("wake-ups/s, running", lambda r: r.running.wakeups, "{:.1f}"),
    ("CPU, % of a core, paused", lambda r: r.paused.cpu_percent, "{:.3f}"),
    ("  in 10 ms ticks (earlier rounds)", lambda r: r.paused.tick_percent, "{:.3f}"),
    ("wake-ups/s, paused", lambda r: r.paused.wakeups, "{:.1f}"),
    ("RSS of the main process, MiB", lambda r: r.memory.root_rss, "{:.1f}"),
    ("PSS of the main process, MiB", lambda r: r.memory.root_pss, "{:.1f}"),
    ("RSS of the tree, MiB, median", lambda r: r.memory.tree_rss, "{:.1f}"),
    ("RSS of the tree, MiB, max", lambda r: r.memory.tree_rss_max, "{:.1f}"),
    ("PSS of the tree, MiB, median", lambda r: r.memory.tree_pss, "{:.1f}"),
    ("PSS of the tree, MiB, max", lambda r: r.memory.tree_pss_max, "{:.1f}"),
    ("USS of the main process, MiB", lambda r: r.memory.root_uss, "{:.1f}"),
    ("USS of the tree, MiB, median", lambda r: r.memory.tree_uss, "{:.1f}"),
]


def compare(label: str, env: dict[str, str], args: argparse.Namespace) -> None:
    kinds = ("app", "bare", "before") if args.before else ("app", "bare")
    runs: dict[str, list[Run]] = {kind: [] for kind in kinds}
    size: tuple[int, int] | None = None
    for _ in range(args.runs):  # interleaved: each round runs every kind once
        app = play("app", env, None, args)
        size = app.size
        runs["app"].append(app)
        runs["bare"].append(play("bare", env, size, args))
        if args.before:
            runs["before"].append(play("before", env, None, args))
    painted: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for kind in kinds:
            painted[kind] = play(kind, env, size, args, Path(scratch, kind)).painted

    def median(kind: str, get: Callable[[Run], float]) -> float:
        return statistics.median(get(r) for r in runs[kind])

    def spread(kind: str, get: Callable[[Run], float], fmt: str) -> str:
        values = [get(r) for r in runs[kind]]
        return f"{fmt.format(min(values))}-{fmt.format(max(values))}"

    def cell(kind: str, get: Callable[[Run], float], fmt: str) -> str:
        return f" {fmt.format(median(kind, get)):>9} {spread(kind, get, fmt):>13}"

    where = f", window {size[0]}x{size[1]}" if size else ""
    if args.after:
        where += f", measured from {args.after:g} s into the running session"
    print(f"\n{label}: medians of {args.runs} runs (spread){where}")
    heads = ["bare", *(["before"] if args.before else []), "app"]
    print(f"  {'':34}" + "".join(f" {h:>9} {'(spread)':>13}" for h in heads) + f" {'app/bare':>8}")
    figures: dict[str, tuple[float, float]] = {}
    for name, get, fmt in ROWS:
        bare_figure, app_figure = median("bare", get), median("app", get)
        figures[name] = (bare_figure, app_figure)
        ratio = f"{app_figure / bare_figure:.2f}x" if bare_figure > 0 else "-"
        print(f"  {name:34}" + "".join(cell(h, get, fmt) for h in heads) + f" {ratio:>8}")
    ratio = f"{painted['app'] / painted['bare']:.2f}x" if painted["bare"] else "-"
    print(
        f"  {'repainted px/s, running (1 run)':34}"
        + "".join(f" {painted[h]:>9.0f} {'':13}" for h in heads)
        + f" {ratio:>8}"
    )
    for kind in heads[1:]:
        print(f"  what the {kind}'s sound took (last run): {runs[kind][-1].route}")
    last = runs["app"][-1]
    print("  busiest threads of the app's last run, voluntary switches/s, running:")
    for name, rate in last.running.busiest:
        print(f"    {rate:7.1f}  {name}")
    print("  ... and paused:")
    for name, rate in last.paused.busiest[:3]:
        print(f"    {rate:7.1f}  {name}")
    for kind in heads:
        print(f"  hungriest threads of the {kind}'s last run, % of a core, running:")
        for name, share in runs[kind][-1].running.hungriest:
            print(f"    {share:7.3f}  {name}")
    rss_bare, rss_app = figures["RSS of the tree, MiB, median"]
    cpu_bare, cpu_app = figures["CPU, % of a core, running"]
    pace = GOALS["cpu"] / ISSUE_BARE_CPU
    checks = [
        ("CPU <= 0.15 %", cpu_app <= GOALS["cpu"]),
        (f"CPU <= {pace:.2f} x bare (0.15 % at the issue's pace)", cpu_app <= pace * cpu_bare),
        ("wake-ups <= 10/s", figures["wake-ups/s, running"][1] <= GOALS["wakeups"]),
        ("paused <= 1/s", figures["wake-ups/s, paused"][1] <= GOALS["paused"]),
        ("tree's median RSS <= bare + 30 MiB", rss_app <= rss_bare + GOALS["rss_over_bare"]),
    ]
    print("  goals: " + ", ".join(f"{name} {'ok' if ok else 'OVER'}" for name, ok in checks))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=30.0, help="running, measured")
    parser.add_argument("--paused-seconds", type=float, default=20.0)
    parser.add_argument("--lead-in", type=float, default=5.0, help="the routine's lead-in")
    parser.add_argument(
        "--after", type=float, default=0.0, help="running seconds let pass before measuring"
    )
    parser.add_argument("--routine", default="knee-to-chest")
    parser.add_argument(
        "--source", type=Path, default=REPO, help="the app's source tree (another checkout)"
    )
    parser.add_argument(
        "--before", type=Path, help="also run the app from this checkout, interleaved"
    )
    parser.add_argument("--sound", choices=("both", "none", "pulse"), default="both")
    args = parser.parse_args()
    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    if missing:
        print(f"skipped: {', '.join(missing)} not installed (apt-get install xvfb xdotool)")
        return 0
    base = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    if args.sound in ("both", "none"):
        with tempfile.TemporaryDirectory(prefix="no-sound-") as runtime:
            # No server listens here, and libpulse must not start one.
            env = {**base, "XDG_RUNTIME_DIR": runtime, "PULSE_SERVER": f"unix:{runtime}/none"}
            try:
                print(f"\nwithout a sound server: {no_server_check(env)}")
                compare("without a sound server", env, args)
            finally:
                _stop_speech_dispatchers(runtime)
    if args.sound in ("both", "pulse") and shutil.which("pulseaudio"):
        saved = dict(os.environ)
        server = AudioServer(private=True)
        try:
            env = {**base, "XDG_RUNTIME_DIR": os.environ["XDG_RUNTIME_DIR"]}
            env.pop("PULSE_SERVER", None)
            compare(f"with {server.how.split(' in ')[0]}", env, args)
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
