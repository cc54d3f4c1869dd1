"""What a session's sound and voice cues cost the laptop, per route (issue 18).

    python bench/cue_cost.py [--routine knee-to-chest] [--seconds 0]
                             [--routes spd-say,ssip,off,none] [--tones samples,runs,single]

The routine is played once on a fake clock to get its events and their times;
then, for each route, the same events are replayed on real time into a real
`Cues` (the app's tone backend, `ChildSounds`: a `paplay` a tone; and the
route's speech backend) under a QCoreApplication, against a private PulseAudio
server with a null sink (as bench/cue_latency.py starts it). Routes:

- `spd-say`: `SpdSay`, a `spd-say --wait` a sentence (before);
- `ssip`: `SsipSpeech`, speech-dispatcher's socket, one connection (after);
- `off`: no speech, the tones alone;
- `none`: the same replay with muted cues (what replaying costs by itself).

`--tones` names how the tones play, each route once per way: `samples`, the
tones and runs kept in the sound server's sample cache and played by one packet
each (`SampleSounds`, the app's way since round 6); `runs`, a run the plan fixes
(a hold's last ticks and chime; a short step's tone and ticks) as one `paplay`
of one WAV (`tone_runs`, before); `single`, a `paplay` a tone (before that).
Default `samples`. The sound server's own CPU (all its threads' schedstat: it
mixes, and it reads what a `paplay` streams) is printed beside the tree's.

This process is a child subreaper, so the speech-dispatcher that `spd-say` or
`--spawn` starts (it daemonizes: normally init's child, outside the app's tree)
is reaped here at the end and its CPU is counted too, in its own column. Per
route: CPU (user + sys, getrusage: this process, its children, and the reaped
daemons), voluntary context switches (wake-ups) per second of this process and
its children, and this process's RSS growth. `--seconds N` replays only the first N
seconds. Without pulseaudio or speech-dispatcher it prints "skipped: ..." and exits 0.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import os
import resource
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from cue_latency import AudioServer, _speech_dispatchers

REPO = Path(__file__).resolve().parent.parent
PR_SET_CHILD_SUBREAPER = 36


def events_of(routine_id: str) -> list[tuple[float, object]]:
    """(seconds from the start, event) of a whole session played on a fake clock."""
    from timer_app.core.clock import FakeClock
    from timer_app.core.plan import build_plan
    from timer_app.core.player import PlayerState, SessionPlayer
    from timer_app.storage.routines.catalog import find_routine

    clock = FakeClock()
    player = SessionPlayer(build_plan(find_routine(routine_id)), clock)
    start = clock.now()
    timed: list[tuple[float, object]] = []
    player.add_listener(lambda event: timed.append((clock.now() - start, event)))
    player.start()
    while player.state is not PlayerState.FINISHED and clock.now() - start < 4 * 3600:
        clock.advance(0.05)
        player.tick()
    return timed


def rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def usage() -> tuple[resource.struct_rusage, resource.struct_rusage]:
    return resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)


def cpu_ms(ru: resource.struct_rusage) -> float:
    return 1000 * (ru.ru_utime + ru.ru_stime)


def reap_daemons(runtime: str, wait_s: float = 15.0) -> None:
    """Wait for the speech-dispatcher of our runtime dir to end (5 s after its last
    client), then reap every orphan it left with us (its modules too)."""
    pid_file = Path(runtime, "speech-dispatcher", "pid", "speech-dispatcher.pid")
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        alive = [p for p in _speech_dispatchers(runtime, pid_file) if _running(p)]
        if not alive:
            break
        time.sleep(0.2)
    time.sleep(0.5)  # its modules end just after it
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def server_cpu_ms(pid: int) -> float:
    """The sound server's CPU so far: every thread's schedstat, in ms."""
    total = 0
    for stat in Path(f"/proc/{pid}/task").glob("*/schedstat"):
        with contextlib.suppress(OSError, ValueError):
            total += int(stat.read_text().split()[0])
    return total / 1e6


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def replay(
    route: str,
    timed: list[tuple[float, object]],
    runtime: str,
    tones: str = "samples",
    server_pid: int = 0,
) -> dict[str, float]:
    from PySide6.QtCore import QCoreApplication, QTimer

    from timer_app.gui.audio import pulse_client
    from timer_app.gui.audio.cues import Cues
    from timer_app.gui.audio.sample_sounds import SampleSounds
    from timer_app.gui.audio.sound_effects import tone_lengths
    from timer_app.gui.audio.speech_dispatcher import SpdSay
    from timer_app.gui.audio.ssip import SsipSpeech
    from timer_app.gui.audio.tone_process import ChildSounds

    app = QCoreApplication.instance() or QCoreApplication([])
    rss_before = rss_kib()
    self0, children0 = usage()
    server0 = server_cpu_ms(server_pid)
    sounds: Any = ChildSounds(app)
    if tones == "samples":
        sounds = SampleSounds(pulse_client.socket_path() or "", app)
    elif tones == "single":  # Cues plays a tone at a time where the backend has no runs
        sounds.play_run = None
    speech: Any = {"ssip": SsipSpeech, "spd-say": SpdSay}.get(route, lambda app: None)(app)
    cues = Cues(sounds, speech, muted=route == "none", tone_lengths=tone_lengths())
    seconds = timed[-1][0] + 3.0  # the last sentence's end
    for at, event in timed:
        QTimer.singleShot(round(1000 * at), lambda event=event: cues(event))
    QTimer.singleShot(round(1000 * seconds), app.quit)
    app.exec()
    rss_after = rss_kib()
    sounds.stop()
    if speech is not None:
        speech.stop()
    app.processEvents()
    self1, children_before_reap = usage()
    reap_daemons(runtime)
    _, children1 = usage()
    server_ms = server_cpu_ms(server_pid) - server0
    daemons = cpu_ms(children1) - cpu_ms(children_before_reap)
    app_wakeups = (self1.ru_nvcsw - self0.ru_nvcsw) / seconds
    wakeups = app_wakeups + (children_before_reap.ru_nvcsw - children0.ru_nvcsw) / seconds
    # Wake-ups of the app and its children only (the daemons' come with their reaping).
    return {
        "seconds": seconds,
        "app": cpu_ms(self1) - cpu_ms(self0),
        "children": cpu_ms(children_before_reap) - cpu_ms(children0),
        "daemons": daemons,
        "server": server_ms,
        "wakeups": wakeups,
        "app_wakeups": app_wakeups,
        "rss_growth": (rss_after - rss_before) / 1024,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--routine", default="knee-to-chest")
    parser.add_argument("--seconds", type=float, default=0, help="replay only this long")
    parser.add_argument("--routes", default="spd-say,ssip,off,none")
    parser.add_argument("--tones", default="samples", help="samples, runs, single, or a list")
    args = parser.parse_args()
    missing = [p for p in ("pulseaudio", "pactl", "paplay", "spd-say") if not shutil.which(p)]
    if missing:
        print(f"skipped: {', '.join(missing)} not installed")
        return 0
    os.environ.pop("TIMER_APP_SPEECH_ENGINE", None)
    os.environ.pop("TIMER_APP_SOUND_ENGINE", None)
    ctypes.CDLL(None).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    timed = events_of(args.routine)
    if args.seconds:
        timed = [(at, event) for at, event in timed if at < args.seconds]
    server = AudioServer(private=True)
    try:
        runtime = os.environ["XDG_RUNTIME_DIR"]
        print(f"cue cost: {args.routine}, {len(timed)} events; {server.how}")
        print("  (speech-dispatcher and its modules are reaped here at the end: outside")
        print("   the app's tree in the app, as they daemonize; wake-ups: app + children)")
        for route, tones in [(r, t) for t in args.tones.split(",") for r in args.routes.split(",")]:
            row = replay(route, timed, runtime, tones, server.pid)
            tree = row["app"] + row["children"]
            per_minute = 60 / row["seconds"]
            print(
                f"  {route:8} {tones:6} {row['seconds']:4.0f} s: app {row['app']:6.1f} + children"
                f" {row['children']:6.1f} = {tree * per_minute:6.1f} ms/min in the app's tree"
                f" ({tree / row['seconds'] / 10:.3f} % of a core); speech-dispatcher"
                f" {row['daemons'] * per_minute:6.1f} ms/min; sound server"
                f" {row['server'] * per_minute:6.1f} ms/min; wake-ups {row['wakeups']:.1f}/s"
                f" (app {row['app_wakeups']:.1f})"
                f"; app RSS +{row['rss_growth']:.1f} MiB",
                flush=True,
            )
    finally:
        with contextlib.suppress(Exception):
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
