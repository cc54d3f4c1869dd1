"""A process tree's cost over a window, read from /proc (bench/session_cost.py).

The app plays each tone in a short-lived child (`paplay`) and speaks with a
short-lived `spd-say`, so two samples at the window's ends see neither when it
ran and ended in between. The tree is therefore polled every ~0.25 s (reading
/proc wakes nobody in it) and each window's figures are:

- CPU, ns: for every process alive at the window's end, each thread's time on a
  CPU (`/proc/<pid>/task/<tid>/schedstat`, first field, in ns) from the
  window's start, or from 0 if born in it; a thread that ended counts as last
  seen (up to one poll of it lost). Children that ended in the window count
  from their reaper's cutime + cstime (fields 16-17 of /proc/<pid>/stat: all
  the CPU of the children it waited for), less what they had used when the
  window began. The kernel keeps cutime in ns but prints it in 10 ms ticks, so
  that share is known to +-2 ticks over the whole window, however many children.
- CPU, ticks: utime + stime + cutime + cstime of the tree, as earlier rounds
  read it (without cutime then), for comparison.
- wake-ups: voluntary context switches of every thread ever seen in the
  window, last seen less first seen. Linux keeps no sum of switches for ended
  children (getrusage cannot ask about another process), so a child's are its
  last poll's: up to ~0.25 s of each child's end is lost, and a child that
  lived less than a poll may be missed whole (its CPU is still in cutime).
- memory: every other poll (~0.5 s), VmRSS, PSS and USS (Private_Clean +
  Private_Dirty of smaps_rollup) of the root and of the whole tree; the median
  is what a session holds, the max what it peaks at while a child plays or
  speaks. PSS moves as other processes on the machine map the same libraries
  (others' Qt apps from the same venv); USS does not.

Not counted: a process that leaves the tree without being waited for (a
daemon such as the speech-dispatcher that `spd-say` starts), nor the sound
server.
"""

from __future__ import annotations

import contextlib
import os
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

CLK_TCK = os.sysconf("SC_CLK_TCK")
TICK_NS = 1_000_000_000 // CLK_TCK
PROC = Path("/proc")


@dataclass(frozen=True)
class Thread:
    name: str
    ns: int  # time on a CPU (schedstat)
    switches: int  # voluntary context switches


@dataclass
class Proc:
    pid: int
    ppid: int
    name: str
    started: int  # start time in ticks after boot: tells a reused pid apart
    ticks: int  # utime + stime, its ended threads included
    child_ticks: int  # cutime + cstime: the children it waited for
    threads: dict[int, Thread] = field(default_factory=dict)
    rss_kib: int = 0
    pss_kib: int = 0
    uss_kib: int = 0  # private: what it alone holds, whoever else maps the libraries
    label: str = ""  # what the bench calls it ("speech worker" for a python child)

    @property
    def key(self) -> tuple[int, int]:
        return (self.pid, self.started)


@dataclass
class Snapshot:
    at: float
    root: int
    procs: dict[tuple[int, int], Proc]
    memory: bool = False


# -- reading /proc ----------------------------------------------------------------------
def parse_stat(text: str) -> tuple[str, int, int, int, int]:
    """(name, ppid, utime + stime, cutime + cstime, start time) of a /proc/<pid>/stat."""
    name = text[text.index("(") + 1 : text.rindex(")")]
    fields = text.rsplit(")", 1)[1].split()  # fields[0] is the state (field 3)
    ticks = int(fields[11]) + int(fields[12])
    child_ticks = int(fields[13]) + int(fields[14])
    return name, int(fields[1]), ticks, child_ticks, int(fields[19])


def descendants(parents: dict[int, int], root: int) -> list[int]:
    """`root` and every pid below it, from a pid -> ppid map."""
    children: dict[int, list[int]] = {}
    for pid, ppid in parents.items():
        children.setdefault(ppid, []).append(pid)
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


# pid -> ppid of every process seen, so a poll reads the stat of new processes and
# of the tree's only (all ~100 of them took ~16 ms of the bench's CPU a poll). A
# pid is reused only after the kernel wraps around pid_max, not within a poll.
_parents: dict[int, int] = {}


def tree(root: int) -> list[int]:
    """`root` and every process below it now."""
    pids = {int(name) for name in os.listdir(PROC) if name.isdigit()}
    for gone in _parents.keys() - pids:
        del _parents[gone]
    last = set(descendants(_parents, root)) if root in _parents else set()
    for pid in pids:
        if pid in _parents and pid not in last:
            continue  # outside the tree: it may leave it, never enter it
        try:
            _parents[pid] = parse_stat((PROC / str(pid) / "stat").read_text())[1]
        except (OSError, ValueError, IndexError):
            _parents.pop(pid, None)
    return descendants({pid: _parents[pid] for pid in pids if pid in _parents}, root)


def field_kib(text: str, key: str) -> int:
    for line in text.splitlines():
        if line.startswith(key):
            return int(line.split()[1])
    return 0


def read_proc(pid: int, memory: bool) -> Proc | None:
    """One process and its threads now, or None if it has gone."""
    base = PROC / str(pid)
    try:
        name, ppid, ticks, child_ticks, started = parse_stat((base / "stat").read_text())
        proc = Proc(pid, ppid, name, started, ticks, child_ticks)
        command = (base / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        if memory:
            proc.rss_kib = field_kib((base / "status").read_text(), "VmRSS:")
            rollup = (base / "smaps_rollup").read_text()
            proc.pss_kib = field_kib(rollup, "Pss:")
            proc.uss_kib = field_kib(rollup, "Private_Clean:") + field_kib(rollup, "Private_Dirty:")
        tasks = list((base / "task").iterdir())
    except (OSError, ValueError, IndexError):
        return None
    proc.label = "speech worker" if "speech_worker" in command else name
    for task in tasks:
        with contextlib.suppress(OSError, ValueError, IndexError, StopIteration):
            status = (task / "status").read_text()
            thread_name = next(ln for ln in status.splitlines() if ln.startswith("Name:"))
            ns = int((task / "schedstat").read_text().split()[0])
            switches = field_kib(status, "voluntary_ctxt_switches:")
            proc.threads[int(task.name)] = Thread(thread_name.split(None, 1)[1], ns, switches)
    return proc


def snapshot(root: int, memory: bool) -> Snapshot:
    now = Snapshot(time.monotonic(), root, {}, memory)
    for pid in tree(root):
        proc = read_proc(pid, memory)
        if proc is not None:
            now.procs[proc.key] = proc
    return now


def watch(root: int, seconds: float, every: float = 0.25, memory_every: int = 2) -> list[Snapshot]:
    """Snapshots of the tree from now for `seconds`, every `every` s; memory in
    the first, the last and every `memory_every`-th."""
    snaps = [snapshot(root, memory=True)]
    end = snaps[0].at + seconds
    while (left := end - time.monotonic()) > 0:
        time.sleep(min(every, left))
        last = time.monotonic() >= end
        snaps.append(snapshot(root, memory=last or len(snaps) % memory_every == 0))
    return snaps


# -- the window's figures ------------------------------------------------------------------
@dataclass
class WindowCost:
    seconds: float
    cpu_percent: float  # schedstat ns for the living, cutime for the ended
    tick_percent: float  # utime + stime + cutime + cstime, 10 ms ticks
    ended_ticks: int  # CPU of children that ended in the window (from cutime)
    wakeups: float
    busiest: list[tuple[str, float]]
    hungriest: list[tuple[str, float]]  # threads by CPU, % of a core
    children: dict[tuple[int, int], str]  # the processes below the root seen: their names


def window_cost(snaps: list[Snapshot]) -> WindowCost:
    first, last = snaps[0], snaps[-1]
    seconds = last.at - first.at
    start, end = first.procs, last.procs
    last_seen: dict[tuple[tuple[int, int], int], tuple[Proc, Thread]] = {}
    children: dict[tuple[int, int], str] = {}
    for snap in snaps:
        for key, proc in snap.procs.items():
            if proc.pid != last.root:
                children[key] = proc.label
            for tid, thread in proc.threads.items():
                last_seen[(key, tid)] = (proc, thread)

    def at_start(key: tuple[int, int], tid: int) -> Thread | None:
        proc = start.get(key)
        return proc.threads.get(tid) if proc is not None else None

    living_ns = 0
    rates: dict[str, float] = {}
    cpu: dict[str, float] = {}
    for (key, tid), (proc, thread) in last_seen.items():
        before = at_start(key, tid)
        label = f"{tid} {thread.name}" if proc.pid == last.root else f"{proc.label}: {thread.name}"
        if key in end:
            used = thread.ns - (before.ns if before else 0)
            living_ns += used
            cpu[label] = cpu.get(label, 0.0) + 100 * used / 1e9 / seconds
        switched = thread.switches - (before.switches if before else 0)
        rates[label] = rates.get(label, 0.0) + switched / seconds
    # Ended children: all their CPU is in their reaper's cutime, less what they had
    # used when the window began. A process that left the tree unwaited-for would
    # make this negative: it is not counted then.
    ended = sum(p.child_ticks - (start[k].child_ticks if k in start else 0) for k, p in end.items())
    ended -= sum(p.ticks + p.child_ticks for k, p in start.items() if k not in end)
    ended = max(0, ended)
    ticks = sum(p.ticks + p.child_ticks for p in end.values())
    ticks -= sum(p.ticks + p.child_ticks for p in start.values())
    busiest = sorted(rates.items(), key=lambda kv: -kv[1])[:4]
    return WindowCost(
        seconds,
        100 * (living_ns + ended * TICK_NS) / 1e9 / seconds,
        100 * ticks / CLK_TCK / seconds,
        ended,
        sum(rates.values()),
        busiest,
        sorted(cpu.items(), key=lambda kv: -kv[1])[:4],
        children,
    )


@dataclass
class Memory:
    """MiB over a window's memory snapshots."""

    root_rss: float  # the root process's own, median
    root_pss: float
    tree_rss: float  # the whole tree's, median
    tree_pss: float
    tree_rss_max: float
    tree_pss_max: float
    root_uss: float  # private memory, median: PSS moves as other processes
    tree_uss: float  # map the same libraries (others' Qt apps on this machine)


def memory(snaps: list[Snapshot]) -> Memory:
    sampled = [s for s in snaps if s.memory]
    roots = [next((p for p in s.procs.values() if p.pid == s.root), None) for s in sampled]
    root_rss = [p.rss_kib / 1024 for p in roots if p is not None]
    root_pss = [p.pss_kib / 1024 for p in roots if p is not None]
    rss = [sum(p.rss_kib for p in s.procs.values()) / 1024 for s in sampled]
    pss = [sum(p.pss_kib for p in s.procs.values()) / 1024 for s in sampled]
    root_uss = [p.uss_kib / 1024 for p in roots if p is not None]
    uss = [sum(p.uss_kib for p in s.procs.values()) / 1024 for s in sampled]
    med = statistics.median
    return Memory(
        med(root_rss),
        med(root_pss),
        med(rss),
        med(pss),
        max(rss),
        max(pss),
        med(root_uss),
        med(uss),
    )
