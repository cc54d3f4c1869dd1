"""Do the session cues really sound, and how soon after the app asks for them?

    python bench/cue_latency.py [--plays 5] [--speech-plays 3] [--private] [--tones single]

Records the monitor of a PulseAudio null sink with `parec` while the app's own sound
backend (on Linux the sound server's sample cache, `SampleSounds`; with
TIMER_APP_SOUND_ENGINE=child a child player per tone, `ChildSounds`; with
TIMER_APP_SOUND_ENGINE=qt, `QtSounds`) plays each cue and its own `SpeechProcess`
(the speech worker, a child process) says a prompt, under a real QApplication. For
each cue it prints the peak and RMS level (dBFS), the latency from the `play()` /
`say()` call to the first sample 20 dB above the silence floor measured first, and
how long the sound is heard: medians of several plays.
Then a real session (player, ticker, `Cues`) says when each hold's ticks and
end chime are heard after their true second: the first tick (3 s left) apart
from the later ticks and the chime, which are played as one sample (or one
child's WAV) with the first (`tone_runs`; `--tones single`: a tone at a time).
Goals: a beep within 100 ms (a tick must land on its second), speech starting
within 500 ms, making the sound backend or `SpeechProcess` (and waiting for the
worker to be ready) holding up the UI thread no more than 200 ms, and a
get-ready cue's name starting after its tone ended (overlap <= 0).

The PulseAudio server is the running one when its default sink is a null sink;
otherwise the script starts a private one (null sink only, socket in a temporary
runtime dir, so nothing reaches the speakers) and stops it at the end, together
with the speech-dispatcher that Qt's speechd plug-in spawns there. Without
`pulseaudio` and `parec` it prints "skipped: ..." and exits 0.

Times are when the null sink mixes a sample; parec asks for 10 ms fragments, so
the sink mixes at most ~10 ms ahead. A real sound card adds its own buffer.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import math
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Any

RATE = 44_100
SINK = "timer_bench"
FLOOR_MARGIN_DB = 20.0  # a sample counts as sound this far above the silence floor
LOWEST_THRESHOLD_DB = -70.0  # ... and never below this, even over digital silence
# A tick must land on its second; a prompt should start as its step does; making the
# backends must not freeze the window noticeably.
GOALS_MS = {"sound": 100.0, "speech": 500.0, "ui": 200.0}
PROMPT = "Knee-to-chest stretch. Hold."
# A prompt's span repeats within ~2 ms from play to play; this allows for that.
CUT_TOLERANCE_MS = 10.0
EARLY_MS = 716.0  # the earliest `idle` seen (an audit, 1 Dec 2026)


def dbfs(peak: int) -> float:
    return 20 * math.log10(peak / 32768) if peak > 0 else -math.inf


# -- the audio server ------------------------------------------------------------------
def _pactl(*args: str) -> str | None:
    done = subprocess.run(["pactl", *args], capture_output=True, text=True, timeout=5)
    return done.stdout if done.returncode == 0 else None


def _default_null_sink() -> str | None:
    """The running server's default sink, if it is a null sink (safe to play into)."""
    info = _pactl("info")
    if info is None:
        return None
    default = next(
        (ln.split(":", 1)[1].strip() for ln in info.splitlines() if ln.startswith("Default Sink:")),
        "",
    )
    for line in (_pactl("list", "short", "sinks") or "").splitlines():
        fields = line.split("\t")
        if len(fields) > 2 and fields[1] == default and "null-sink" in fields[2]:
            return default
    return None


class AudioServer:
    """Reuses a null-sink PulseAudio server or starts a private one in a temp dir."""

    def __init__(self, private: bool = False) -> None:
        self.sink = None if private else _default_null_sink()
        self.how = f"reused the running server's null sink '{self.sink}'"
        self._daemon: subprocess.Popen[bytes] | None = None
        self._dir: tempfile.TemporaryDirectory[str] | None = None
        if self.sink is None:
            self._start_private()

    def _start_private(self) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="cue-bench-")
        # Everything started from here on (Qt's libpulse, parec, the speech-dispatcher
        # that libspeechd spawns) finds this server through the runtime dir.
        os.environ["XDG_RUNTIME_DIR"] = self._dir.name
        os.environ.pop("PULSE_SERVER", None)
        os.environ.pop("PULSE_SINK", None)
        self._daemon = subprocess.Popen(
            [
                "pulseaudio",
                "-n",
                "--daemonize=no",
                "--exit-idle-time=-1",
                "--load=module-native-protocol-unix auth-anonymous=1",
                f"--load=module-null-sink sink_name={SINK} rate={RATE}",
                "--log-target=file:" + str(Path(self._dir.name, "pulseaudio.log")),
            ],
            env={**os.environ, "HOME": self._dir.name},  # its cookie stays in the temp dir
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while _pactl("info") is None:
            if self._daemon.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("could not start a private PulseAudio server")
            time.sleep(0.05)
        self.sink = SINK
        self.how = f"a private PulseAudio server with null sink '{SINK}' in {self._dir.name}"

    @property
    def pid(self) -> int:
        """The private server's process (0 for a reused one)."""
        return self._daemon.pid if self._daemon is not None else 0

    def stop(self) -> None:
        if self._dir is None:
            return
        pid_file = Path(self._dir.name, "speech-dispatcher", "pid", "speech-dispatcher.pid")
        for pid in _speech_dispatchers(self._dir.name, pid_file):
            _end(pid)
        if self._daemon is not None:
            self._daemon.terminate()
            self._daemon.wait(timeout=10)
        self._dir.cleanup()


def _end(pid: int) -> None:
    """SIGTERM, and SIGKILL if it is still there after 3 s (a speech-dispatcher
    whose audio failed can ignore SIGTERM)."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
        for _ in range(30):
            time.sleep(0.1)
            os.kill(pid, 0)  # raises once it is gone
        os.kill(pid, signal.SIGKILL)


def _speech_dispatchers(runtime_dir: str, pid_file: Path) -> set[int]:
    """The speech-dispatcher spawned for our runtime dir (its command line names it)."""
    pids = {int(pid_file.read_text())} if pid_file.is_file() else set()
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            argv = proc.joinpath("cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if argv[0].endswith(b"speech-dispatcher") and runtime_dir.encode() in b" ".join(argv):
            pids.add(int(proc.name))
    return pids


# -- the recorder ----------------------------------------------------------------------
class Recorder(threading.Thread):
    """Reads the sink's monitor as mono 16-bit PCM and maps sample numbers to time."""

    def __init__(self, source: str) -> None:
        super().__init__(daemon=True)
        self.samples = array("h")
        # Monotonic time of sample 0. Data never arrives before the sink mixed it,
        # so the earliest (arrival - position) over all reads is the best estimate.
        self.t0 = math.inf
        self.flowing = threading.Event()
        self._proc = subprocess.Popen(
            [
                "parec",
                "-d",
                source,
                "--raw",
                "--format=s16le",
                f"--rate={RATE}",
                "--channels=1",
                "--latency-msec=10",
            ],
            stdout=subprocess.PIPE,
        )

    def run(self) -> None:
        assert self._proc.stdout is not None
        fd, odd = self._proc.stdout.fileno(), b""
        while data := os.read(fd, 4096):
            now = time.monotonic()
            data, odd = odd + data, b""
            if len(data) % 2:
                data, odd = data[:-1], data[-1:]
            self.samples.frombytes(data)
            self.t0 = min(self.t0, now - len(self.samples) / RATE)
            self.flowing.set()

    def window(self, since: float, seconds: float) -> list[int]:
        first = max(0, int((since - self.t0) * RATE))
        return list(self.samples[first : first + int(seconds * RATE)])

    def stop(self) -> None:
        self._proc.terminate()
        self._proc.wait(timeout=5)


@dataclass
class Heard:
    peak_db: float
    latency_ms: float | None  # None: nothing above the threshold
    duration_ms: float = 0.0
    rms_db: float = -math.inf  # loudness over the audible part


def listen(rec: Recorder, since: float, seconds: float, threshold: int) -> Heard:
    samples = rec.window(since, seconds)
    loud = [i for i, s in enumerate(samples) if abs(s) > threshold]
    peak = max((abs(s) for s in samples), default=0)
    if not loud:
        return Heard(dbfs(peak), None)
    heard = samples[loud[0] : loud[-1] + 1]
    rms = math.sqrt(sum(s * s for s in heard) / len(heard))
    return Heard(
        dbfs(peak), loud[0] / RATE * 1000, (loud[-1] - loud[0]) / RATE * 1000, dbfs(round(rms))
    )


# -- under Qt --------------------------------------------------------------------------
def wait(seconds: float) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


class Results:
    def __init__(self, speech_plays: int = 3) -> None:
        self.speech_plays = speech_plays
        self.missed: list[str] = []
        self.medians: dict[str, Heard] = {}

    def report(self, label: str, kind: str, heard: list[Heard]) -> None:
        """One line of medians over the plays that sounded, against the goal."""
        goal = GOALS_MS[kind]
        sounded = [h for h in heard if h.latency_ms is not None]
        latencies = [h.latency_ms for h in sounded if h.latency_ms is not None]
        if not latencies:
            print(f"  {label:<36} SILENT in all {len(heard)} plays: OVER GOAL")
            self.missed.append(label)
            return
        m = Heard(
            statistics.median(h.peak_db for h in sounded),
            statistics.median(latencies),
            statistics.median(h.duration_ms for h in sounded),
            statistics.median(h.rms_db for h in sounded),
        )
        self.medians[label] = m
        ok = len(sounded) == len(heard) and m.latency_ms is not None and m.latency_ms <= goal
        if not ok:
            self.missed.append(label)
        print(
            f"  {label:<36} {len(sounded)}/{len(heard)} heard  peak {m.peak_db:5.1f} dBFS"
            f"  rms {m.rms_db:5.1f} dBFS  latency {m.latency_ms:5.1f} ms (worst"
            f" {max(latencies):5.1f})  lasts {m.duration_ms:5.0f} ms"
            f"  goal <= {goal:.0f} ms: {'ok' if ok else 'OVER GOAL'}"
        )

    def made(self, label: str, started: float) -> None:
        """How long making a backend held up the UI thread (the session screen makes
        both when the first routine opens)."""
        ms = (time.monotonic() - started) * 1000
        ok = ms <= GOALS_MS["ui"]
        if not ok:
            self.missed.append(label)
        print(
            f"  {label:<36} {ms:5.0f} ms on the UI thread"
            f"  goal <= {GOALS_MS['ui']:.0f} ms: {'ok' if ok else 'OVER GOAL'}"
        )


def run(plays: int, speech_plays: int, rec: Recorder, tones: str = "runs") -> list[str]:
    """Plays and measures every cue; returns the labels that missed their goals."""
    from PySide6.QtWidgets import QApplication

    from timer_app.gui.audio.cues import Cues
    from timer_app.gui.audio.sample_sounds import make_sounds
    from timer_app.gui.audio.sound_effects import SOUND_NAMES
    from timer_app.gui.audio.speech_process import SpeechProcess

    app = QApplication.instance() or QApplication([])
    results = Results(speech_plays)
    wait(0.5)
    floor = max((abs(s) for s in rec.window(time.monotonic() - 0.4, 0.4)), default=0)
    threshold = max(
        round(32768 * 10 ** (LOWEST_THRESHOLD_DB / 20)),
        round(max(floor, 1) * 10 ** (FLOOR_MARGIN_DB / 20)),
    )
    print(
        f"  silence floor {dbfs(floor):.1f} dBFS; sound = above {dbfs(threshold):.1f} dBFS;"
        " times are when the sink mixed the sample, +-10 ms"
    )

    t = time.monotonic()
    # The app's own choice: the sound server's sample cache on Linux
    # (TIMER_APP_SOUND_ENGINE=child: a child player; =qt: QSoundEffect).
    sounds = make_sounds(app)
    results.made(f"{type(sounds).__name__}() made", t)
    if not sounds.available:
        print(f"  sounds unavailable: {sounds.problem}")
        return ["sounds"]
    t = time.monotonic()  # the first play comes right away: the WAV may still be loading
    sounds.play("start")
    wait(1.5)
    results.report("start (first play, just made)", "sound", [listen(rec, t, 1.5, threshold)])
    for name in SOUND_NAMES:
        heard = []
        for _ in range(plays):
            t = time.monotonic()
            sounds.play(name)
            wait(1.6)  # the longest cue (chime) lasts 1.1 s
            heard.append(listen(rec, t, 1.5, threshold))
        results.report(name, "sound", heard)

    t = time.monotonic()
    speech = SpeechProcess(app)
    results.made("SpeechProcess() made", t)
    ready_ms, stall_ms = until_ready(speech)
    print(
        f"  the speech worker answered after {ready_ms:5.0f} ms; the UI thread's longest"
        f" stall meanwhile {stall_ms:3.0f} ms  goal <= {GOALS_MS['ui']:.0f} ms:"
        f" {'ok' if stall_ms <= GOALS_MS['ui'] else 'OVER GOAL'}"
    )
    if stall_ms > GOALS_MS["ui"]:
        results.missed.append("UI stall while the speech worker starts")
    if not speech.available:
        print(f"  speech unavailable: {speech.problem or 'no answer'}")
        return [*results.missed, "speech"]
    print(f"  voice: {speech.voice}")
    idle_at: list[float] = []
    speech.set_on_idle(lambda: idle_at.append(time.monotonic()))
    heard, idle_after = [], []
    for i in range(speech_plays + 1):
        t = time.monotonic()
        speech.say(PROMPT)
        wait(4.0)
        h = listen(rec, t, 4.0, threshold)
        if i == 0:  # the first also starts speech-dispatcher's output module
            results.report("say (first)", "speech", [h])
            continue
        heard.append(h)
        if idle_at and h.latency_ms is not None:
            idle_after.append((idle_at[-1] - t) * 1000 - h.latency_ms - h.duration_ms)
    results.report(f'say "{PROMPT}"', "speech", heard)
    alone = results.medians.get(f'say "{PROMPT}"')
    if alone is not None:
        no_cut(speech, rec, threshold, alone, idle_after, results)
    gaps = [get_ready_gap(sounds, speech, rec, threshold) for _ in range(max(1, speech_plays))]
    measured = [g for g in gaps if g is not None]
    if measured:
        overlap = -statistics.median(measured)
        print(
            f"  a get-ready cue: tone, then the name; they overlap by {overlap:+.0f} ms"
            f" (negative: a gap; {len(measured)}/{len(gaps)} measured)"
            f"  goal <= 0 ms: {'ok' if overlap <= 0 else 'OVER GOAL'}"
        )
        if overlap > 0:
            results.missed.append("get-ready overlap")
    else:
        print("  a get-ready cue: the tone and the name ran together (no gap): OVER GOAL")
        results.missed.append("get-ready overlap")
    if tones == "single":  # Cues plays a tone at a time where the backend has no runs
        sounds.play_run = None
    first, later = in_a_session(sounds, speech, rec, threshold)
    results.report("a hold's first tick (3 s left)", "sound", first)
    results.report("its later ticks and chime", "sound", later)
    print(f"  status_message(): {Cues(sounds, speech).status_message()!r}")
    speech.stop()
    return results.missed


def no_cut(
    speech: Any,
    rec: Recorder,
    threshold: int,
    alone: Heard,
    idle_after: list[float],
    results: Results,
) -> None:
    """Does the next prompt ever start before the previous one's last sample?

    The worker's `idle` may come before the audio has ended (speech-dispatcher's
    END event), so this is measured on the recording: the same prompt twice in a
    row is heard for `span` ms from first to last sample; with no cut and no
    overlap, span = 2 x (the prompt alone) + the silence between them. The second
    prompt comes through `SpeechQueue` (sent on the first's `idle`, what the app
    does), at once (the worker queues it), and EARLY_MS before the first one's
    last sample (what an `idle` that early would make `SpeechQueue` do).
    """
    from PySide6.QtCore import QTimer

    from timer_app.gui.audio.cues import Cue, Priority, SpeechQueue

    alone_ms, latency_ms = alone.duration_ms, alone.latency_ms or 0.0
    if idle_after:
        print(
            f"  the worker reported idle {statistics.median(idle_after):+.0f} ms after the last"
            f" audible sample (worst {min(idle_after):+.0f}; negative: before the audio ended)"
        )
    queue = SpeechQueue(speech)
    ways = {
        "on idle (SpeechQueue)": lambda: [
            queue.say(Cue(speech=PROMPT, priority=Priority.NAME)) for _ in range(2)
        ],
        "at once (the worker queues)": lambda: [speech.say(PROMPT) for _ in range(2)],
        # What an `idle` that came EARLY_MS before the audio ended would do.
        f"{EARLY_MS:.0f} ms before the 1st ends": lambda: [
            speech.say(PROMPT),
            QTimer.singleShot(round(alone_ms + latency_ms - EARLY_MS), lambda: speech.say(PROMPT)),
        ],
    }
    for how, send in ways.items():
        gaps = []
        for _ in range(max(1, results.speech_plays)):
            t = time.monotonic()
            send()
            wait(6.0)
            h = listen(rec, t, 6.0, threshold)
            if h.latency_ms is not None:
                gaps.append(h.duration_ms - 2 * alone_ms)
        label = f"2nd prompt sent {how}"
        ok = len(gaps) == max(1, results.speech_plays) and min(gaps) >= -CUT_TOLERANCE_MS
        if not ok:
            results.missed.append(label)
        worst = f"{min(gaps):+5.0f}" if gaps else "  n/a"
        median = f"{statistics.median(gaps):+5.0f}" if gaps else "  n/a"
        print(
            f"  {label:<52} silence between {median} ms (worst {worst}; negative: the 2nd"
            f" cut or covered the 1st)  goal >= 0 ms: {'ok' if ok else 'CUT'}"
        )
    speech.set_on_idle(lambda: None)


def until_ready(speech: Any, limit_s: float = 20.0) -> tuple[float, float]:
    """(ms until the worker answered, the longest gap between 10 ms UI timer ticks
    meanwhile): what the person would feel as a frozen window."""
    from PySide6.QtCore import QEventLoop, QTimer

    started = last = time.monotonic()
    stall = 0.0
    loop = QEventLoop()

    def beat() -> None:
        nonlocal last, stall
        now = time.monotonic()
        stall = max(stall, now - last)
        last = now
        if not speech.checking or now - started > limit_s:
            loop.quit()

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(beat)
    timer.start()
    loop.exec()
    timer.stop()
    return (time.monotonic() - started) * 1000, stall * 1000


def get_ready_gap(sounds: Any, speech: Any, rec: Recorder, threshold: int) -> float | None:
    """A get-ready step's cue through the app's Cues: ms of silence between the end
    of the start tone and the first sound of the name (None: no silence between)."""
    from timer_app.core import events as ev
    from timer_app.core.plan import build_plan
    from timer_app.core.routine import Dosing, Exercise, Routine
    from timer_app.gui.audio.cues import Cues
    from timer_app.gui.audio.sound_effects import tone_lengths

    knee = Exercise(name="Knee-to-chest stretch", dosing=Dosing.HOLD, hold=8.0)
    plan = build_plan(Routine(id="bench", title="Bench", exercises=(knee,), lead_in=8.0))
    cues = Cues(sounds, speech, tone_lengths=tone_lengths())
    t = time.monotonic()
    cues(ev.StepStarted(at=t, step=plan.steps[0]))
    wait(5.0)
    samples = rec.window(t, 5.0)
    loud = [i for i, s in enumerate(samples) if abs(s) > threshold]
    if not loud:
        return None
    tone = tone_lengths()["start"]
    # The first silence (>= 5 ms) in the tone's tail ends the tone; a silence found
    # later is a pause between words: the voice began while the tone still sounded.
    after = [i for i in loud if i >= loud[0] + int(0.9 * tone * RATE)]
    quiet_from = next((a for a, b in itertools.pairwise(after) if b - a > RATE // 200), None)
    if quiet_from is None or quiet_from > loud[0] + (tone + 0.05) * RATE:
        return None
    speech_from = next(i for i in after if i > quiet_from)
    return (speech_from - quiet_from) / RATE * 1000


def in_a_session(
    sounds: Any, speech: Any, rec: Recorder, threshold: int
) -> tuple[list[Heard], list[Heard]]:
    """A real session (player, ticker, Cues) on the monotonic clock: when is each
    hold's tick and end chime heard after the true second (the event's `at`)?
    The first ticks (3 s left), then the later ticks and the chimes."""
    from PySide6.QtCore import QCoreApplication

    from timer_app.core import events as ev
    from timer_app.core.clock import MonotonicClock
    from timer_app.core.plan import StepKind, build_plan
    from timer_app.core.player import SessionPlayer
    from timer_app.core.routine import Dosing, Exercise, Routine, Sides
    from timer_app.gui.audio.cues import Cues
    from timer_app.gui.audio.sound_effects import tone_lengths
    from timer_app.gui.session.ticker import Ticker

    # 8 s lead-in and holds: the spoken prompts are over before the ticks begin.
    knee = Exercise(name="Knee-to-chest stretch", dosing=Dosing.HOLD, sides=Sides.EACH, hold=8.0)
    plan = build_plan(Routine(id="bench", title="Bench", exercises=(knee,), lead_in=8.0))
    player = SessionPlayer(plan, MonotonicClock())
    ticker = Ticker(player, QCoreApplication.instance())
    events: list[Any] = []
    player.add_listener(Cues(sounds, speech, tone_lengths=tone_lengths()))
    player.add_listener(events.append)
    player.add_listener(lambda _event: ticker.rearm())
    player.start()
    ticker.rearm()
    while not any(isinstance(e, ev.SessionFinished) for e in events):
        wait(0.5)
    wait(1.0)
    marks = [
        (e.at, isinstance(e, ev.SecondElapsed) and e.seconds_left == 3)
        for e in events
        if isinstance(e, ev.RepCompleted)
        or (isinstance(e, ev.SecondElapsed) and e.is_final_three and e.step.kind is StepKind.HOLD)
    ]
    early = 0.05  # listen from just before the second, to see a cue that came early
    first: list[Heard] = []
    later: list[Heard] = []
    for at, is_first in marks:
        h = listen(rec, at - early, 0.5, threshold)
        if h.latency_ms is not None:
            h.latency_ms -= early * 1000
        (first if is_first else later).append(h)
    return first, later


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plays", type=int, default=5, help="plays of each sound")
    parser.add_argument("--speech-plays", type=int, default=3, help="prompts spoken")
    parser.add_argument(
        "--private",
        action="store_true",
        help="always start a private server: other programs playing into a shared "
        "null sink (a test run, another bench) would be recorded too",
    )
    parser.add_argument(
        "--tones",
        choices=("runs", "single"),
        default="runs",
        help="in the real session: a hold's end as one sample or child (runs), or a tone at a time",
    )
    args = parser.parse_args()
    missing = [tool for tool in ("pactl", "parec") if shutil.which(tool) is None]
    if not missing and shutil.which("pulseaudio") is None and _default_null_sink() is None:
        missing.append("pulseaudio")
    if missing:
        print(
            f"skipped: {', '.join(missing)} not installed (apt-get install pulseaudio "
            "pulseaudio-utils speech-dispatcher speech-dispatcher-espeak-ng)"
        )
        return 0
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    server = AudioServer(args.private)
    rec: Recorder | None = None
    try:
        print(f"cue latency: {server.how}")
        rec = Recorder(f"{server.sink}.monitor")
        rec.start()
        if not rec.flowing.wait(10):
            raise SystemExit(f"no sound data from {server.sink}.monitor")
        missed = run(args.plays, args.speech_plays, rec, args.tones)
    finally:  # even on Ctrl+C: no daemon of ours is left running
        if rec is not None:
            rec.stop()
        server.stop()
    print(f"over goal: {', '.join(missed)}" if missed else "every cue met its goal")
    return 0


if __name__ == "__main__":
    sys.exit(main())
