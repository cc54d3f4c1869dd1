"""Benchmark: load and validate 1,000 routine files with the app's own loader.

Goal: all 1,000 in under 1 s on a 2-core machine (the catalog loads files one after
another, so this uses one core), both through the loader and through the whole
`timer-app validate FOLDER` command (best of 3 runs). Prints files per second for
libyaml's event parser (what the app uses when PyYAML has it) and, for comparison,
PyYAML's pure-Python one.

    python bench/load_routines.py [--files 1000]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from timer_app.core.routine import Source
from timer_app.storage.routines import catalog
from timer_app.storage.yaml import loader as yaml_loader

GOAL_SECONDS = 1.0
LIBRARY_IDS = ["knee-to-chest", "piriformis", "pelvic-tilt", "cat-cow", "bridging", "bird-dog"]


def routine_text(n: int, rng: random.Random) -> str:
    """A realistic routine of 3-6 exercises, mixing library uses and own exercises."""
    lines = [
        f"title: Generated routine {n}",
        f"author: Clinic {n % 7}",
        "frequency: 2x/day",
        "lead_in: 5 s",
        "safety:",
        "  - Stop if pain spreads or radiates down your leg.",
        "  - Never hold your breath during strengthening exercises.",
        "exercises:",
    ]
    for i in range(rng.randint(3, 6)):
        if rng.random() < 0.4:
            lines += [f"  - use: {rng.choice(LIBRARY_IDS)}", f"    reps: {rng.randint(1, 10)}"]
            continue
        # Doses as prescribed (a few sets of up to 10 holds of seconds), so every
        # generated routine fits the 4 h bound of a session.
        lines += [
            f"  - name: Exercise {i} — étirement",
            "    instructions:",
            "      - Lie on your back with your knees bent.",
            "      - Move slowly and breathe.",
            f"    sides: {rng.choice(['none', 'alternate', 'each'])}",
            f"    sets: {rng.randint(1, 3)}",
            f"    reps: {rng.randint(1, 10)}",
            f"    hold: {rng.choice(['5 s', '30s', '20 sec', '0:30', '0.5 min', 10])}",
            f"    rest: {rng.randint(0, 10)}",
            "    note: Dose to confirm with your therapist.",
        ]
    return "\n".join(lines) + "\n"


def run(folder: Path, label: str) -> float:
    library = catalog.load_library([catalog.bundled_folder()])
    files = catalog.routine_files(folder)
    started = time.perf_counter()
    for path in files:  # as load_catalog() does for a clinic folder
        catalog.load_routine_file(path, library=library, source=Source.CLINIC)
    elapsed = time.perf_counter() - started
    print(
        f"{label:<32} {len(files):>5} files in {elapsed:.3f} s "
        f"= {len(files) / elapsed:>8,.0f} files/s"
    )
    return elapsed


def run_validate(folder: Path) -> float:
    """`timer-app validate FOLDER` as a therapist runs it, output discarded."""
    from timer_app.cli import main as cli_main

    started = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        code = cli_main(["validate", str(folder)])
    elapsed = time.perf_counter() - started
    lines = printed.getvalue().count("\n")
    print(
        f"{'timer-app validate FOLDER':<32} {lines:>5} files in {elapsed:.3f} s "
        f"= {lines / elapsed:>8,.0f} files/s (exit {code})"
    )
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    args = parser.parse_args()
    rng = random.Random(42)
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        for n in range(args.files):
            (folder / f"routine-{n:04d}.yaml").write_text(routine_text(n, rng), encoding="utf-8")
        size = sum(p.stat().st_size for p in folder.iterdir()) / args.files
        print(
            f"{args.files} generated routine files, {size:,.0f} bytes each on average; "
            f"{os.cpu_count()} CPUs; Python {sys.version.split()[0]}"
        )
        app = run(
            folder,
            "app loader (libyaml events)"
            if yaml_loader._EventParser
            else "app loader (pure Python)",
        )
        command = min(run_validate(folder) for _ in range(3))
        if yaml_loader._EventParser is not None:
            saved = yaml_loader._EventParser
            yaml_loader._EventParser = None
            try:
                run(folder, "for comparison: pure Python")
            finally:
                yaml_loader._EventParser = saved
    goal = GOAL_SECONDS * args.files / 1000
    for what, seconds in (("loader", app), ("validate command, best of 3", command)):
        verdict = "meets" if seconds < goal else "MISSES"
        print(
            f"goal: {args.files} files in under {goal:.1f} s on 2 cores: "
            f"the {what} {verdict} it ({seconds:.3f} s, one core used)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
