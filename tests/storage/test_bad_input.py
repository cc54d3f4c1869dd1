"""Bad input: every kind gets a located, plain-language problem, never a traceback.

Each case is a real file; the expected lines are exactly what `timer-app validate`
prints for it, with `F` standing for the file's path.
"""

from __future__ import annotations

import os
import time
import tracemalloc
from pathlib import Path

import pytest

from timer_app.storage.routines.catalog import RoutineLoadError, load_routine_file

GOOD_TAIL = "exercises:\n  - name: Tilt\n    reps: 3\n"

CASES: list[tuple[str, bytes, list[str]]] = [
    (
        "tab indentation",
        b"title: T\nexercises:\n\t- name: A\n",
        ["F:3:1: a tab is used for indentation; YAML needs spaces — replace the tab with spaces"],
    ),
    (
        "unclosed quote",
        b'title: "Morning\nexercises:\n  - name: A\n',
        [
            "F:1:8: a quote opened here is never closed — "
            "add the closing quote at the end of the text"
        ],
    ),
    (
        "missing title",
        GOOD_TAIL.encode(),
        ["F:1:1: the routine has no title — add a line such as: title: Morning stretches"],
    ),
    (
        "empty title",
        b"title:\n" + GOOD_TAIL.encode(),
        ["F:1:1: title is empty — add a line such as: title: Morning stretches"],
    ),
    (
        "missing exercises",
        b"title: T\n",
        [
            "F:1:1: the routine has no exercises — "
            "add an exercises: list, each item starting with '- '"
        ],
    ),
    (
        "empty exercises",
        b"title: T\nexercises: []\n",
        ["F:2:1: exercises is empty — add at least one exercise"],
    ),
    (
        "exercises as a mapping",
        b"title: T\nexercises:\n  name: A\n",
        [
            "F:2:1: exercises must be a list, not a group of fields — start each exercise "
            "with '- ', for example: - use: knee-to-chest"
        ],
    ),
    (
        "reps: three",
        b"title: T\nexercises:\n  - name: A\n    reps: three\n",
        ["F:4:5: reps must be a whole number such as 3, not 'three' — write it in digits"],
    ),
    (
        "reps: 3.5",
        b"title: T\nexercises:\n  - name: A\n    reps: 3.5\n",
        ["F:4:5: reps must be a whole number such as 3, not 3.5"],
    ),
    (
        "rest: yes",
        b"title: T\nexercises:\n  - name: A\n    hold: 5\n    rest: yes\n",
        [
            "F:5:5: rest is not a length of time: 'yes' — write it for example 30, 30 s, "
            "45 seconds, 2 min, 1.5 min, 1m30s or 1:30"
        ],
    ),
    (
        "zero reps",
        b"title: T\nexercises:\n  - name: A\n    reps: 0\n",
        ["F:4:5: reps must be between 1 and 100, not 0"],
    ),
    (
        "negative sets",
        b"title: T\nexercises:\n  - name: A\n    sets: -2\n",
        ["F:4:5: sets must be between 1 and 20, not -2"],
    ),
    (
        "negative hold",
        b"title: T\nexercises:\n  - name: A\n    hold: -30\n",
        ["F:4:5: hold must be at least 1 s (it is -30 s)"],
    ),
    (
        "absurd hold",
        b"title: T\nexercises:\n  - name: A\n    hold: 99999\n",
        [
            "F:4:5: hold must be at most 1 h (it is 27 h 46 min 39 s) — "
            "a number without a unit means seconds"
        ],
    ),
    (
        "absurd reps",
        b"title: T\nexercises:\n  - name: A\n    reps: 1000\n",
        ["F:4:5: reps must be between 1 and 100, not 1000"],
    ),
    (
        "unknown unit",
        b"title: T\nexercises:\n  - name: A\n    hold: 30 parsecs\n",
        ["F:4:5: hold has an unknown unit 'parsecs' — did you mean 'secs'?"],
    ),
    (
        "unknown field",
        b"title: T\nexercises:\n  - name: A\n    hlod: 30\n",
        ["F:4:5: unknown field 'hlod' — did you mean 'hold'?"],
    ),
    (
        "duplicate keys",
        b"title: T\nexercises:\n  - name: A\n    hold: 30\n    hold: 45\n",
        [
            "F:5:5: the field 'hold' is given twice (first on line 4) — keep only one: YAML "
            "would silently use the last"
        ],
    ),
    (
        "unknown use id",
        b"title: T\nexercises:\n  - use: knee-to-chst\n",
        ["F:3:5: there is no library exercise 'knee-to-chst' — did you mean 'knee-to-chest'?"],
    ),
    (
        "duration with hold",
        b"title: T\nexercises:\n  - name: Walk\n    duration: 5 min\n    hold: 30\n",
        [
            "F:4:5: hold and duration can't be combined — keep one: hold (each rep held), "
            "tempo (each rep paced) or duration (one timed activity)"
        ],
    ),
    (
        "several documents",
        b"title: T\n" + GOOD_TAIL.encode() + b"---\ntitle: U\n",
        [
            "F:5:1: the file holds more than one YAML document (a second starts on line 5) — "
            "a routine file holds one routine; remove the '---' line or split the file"
        ],
    ),
    ("empty file", b"", ["F:1:1: the file is empty — add fields such as title: and exercises:"]),
    (
        "comment-only file",
        b"# my routine\n\n# to do\n",
        [
            "F:1:1: the file has only comments, no routine — "
            "add fields such as title: and exercises:"
        ],
    ),
    (
        "non-UTF-8 bytes",
        b"title: T\nexercises:\n  - name: \xe9tirement\n",
        ["F:3:11: the file is not UTF-8 text (byte 0xe9) — save it as UTF-8 in your editor"],
    ),
    (
        "file over 1 MiB",
        b"title: T\n" + GOOD_TAIL.encode() + b"# " + b"x" * (1024 * 1024) + b"\n",
        [
            "F: the file is larger than 1 MiB; a routine file is a few kilobytes — "
            "check that this is the right file"
        ],
    ),
    (
        "python object tag",
        b"title: !!python/object/apply:os.system ['echo hacked']\n" + GOOD_TAIL.encode(),
        [
            "F:1:8: the tag '!!python/object/apply:os.system' is not allowed in a routine file — "
            "remove it: routine files hold only text, numbers, lists and fields"
        ],
    ),
    (
        "unsupported format",
        b"format: 3\ntitle: T\n" + GOOD_TAIL.encode(),
        [
            "F:1:1: this routine was made for a newer version of Home Exercise Timer (format 3; "
            "this version reads format 1) — update Home Exercise Timer to use this routine"
        ],
    ),
    (
        "bad id",
        b"id: Morning Stretch\ntitle: T\n" + GOOD_TAIL.encode(),
        [
            "F:1:1: id must be lowercase letters, digits and hyphens (at most 64), not "
            "'Morning Stretch' — for example: id: morning-stretch"
        ],
    ),
    (
        "bad frequency",
        b"title: T\nfrequency: often\n" + GOOD_TAIL.encode(),
        [
            "F:2:1: frequency must be like 3x/day, 2x/week, daily, twice a day, 3x daily "
            "or weekly, not 'often'"
        ],
    ),
    (
        "title as a number",
        b"title: 2024\n" + GOOD_TAIL.encode(),
        ['F:1:1: title must be text, not 2024 — put it in quotes: title: "2024"'],
    ),
    (
        "sides: no (YAML 1.1 would read false)",
        b"title: T\nexercises:\n  - name: A\n    sides: no\n",
        [
            "F:4:5: sides must be one of none, alternate, each, left, right, not 'no' — "
            "did you mean 'none'?"
        ],
    ),
    (
        "colon inside a value",
        b"title: Note: be gentle\n" + GOOD_TAIL.encode(),
        [
            "F:1:12: unexpected ':' — a value can't start a new field on the same line — put the "
            "text in quotes if it contains ': ', or start a new line"
        ],
    ),
    (
        "control character",
        b"title: T\x07\n" + GOOD_TAIL.encode(),
        [
            "F:1:9: the file holds a control character (code 7) that is not text — remove it, "
            "or save the file again as plain UTF-8 text"
        ],
    ),
    (
        "a list instead of fields",
        b"- title: T\n",
        [
            "F:1:1: a routine file must hold fields such as title: and exercises:, not a list — "
            "start the file with a line such as: title: My routine"
        ],
    ),
    (
        "exercise written as plain text",
        b"title: T\nexercises:\n  - knee-to-chest\n",
        [
            "F:3:5: exercise 1 must be a group of fields, not 'knee-to-chest' — to use the "
            "library exercise write: - use: knee-to-chest"
        ],
    ),
    (
        "undefined alias",
        b"title: *name\n" + GOOD_TAIL.encode(),
        ["F:1:8: '*name' refers to an anchor '&name' that is not defined before it"],
    ),
    (
        "reps on a timed activity",
        b"title: T\nexercises:\n  - name: Walk\n    duration: 5 min\n    reps: 3\n",
        [
            "F:5:5: reps has no effect on a timed activity (duration) — remove reps, or use "
            "hold or tempo instead of duration"
        ],
    ),
    (
        "several problems in one file, in line order",
        b"titel: T\nexercises:\n  - name: A\n    reps: 0\n    hold: 1:75\n",
        [
            "F:1:1: unknown field 'titel' — did you mean 'title'?",
            "F:1:1: the routine has no title — add a line such as: title: Morning stretches",
            "F:4:5: reps must be between 1 and 100, not 0",
            "F:5:5: hold has 75 seconds after ':' — seconds go up to 59; 1:30 means 1 min 30 s",
        ],
    ),
]


def _problems(path: Path) -> list[str]:
    with pytest.raises(RoutineLoadError) as caught:
        load_routine_file(path)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(("content", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_file_gets_located_plain_problems(
    tmp_path: Path, content: bytes, expected: list[str]
) -> None:
    path = tmp_path / "routine.yaml"
    path.write_bytes(content)
    assert _problems(path) == [line.replace("F", str(path), 1) for line in expected]


def test_there_are_at_least_30_kinds() -> None:
    assert len(CASES) >= 30


def test_a_folder_given_as_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "looks-like.yaml"
    folder.mkdir()
    assert _problems(folder) == [f"{folder}: this is a folder, not a routine file"]


def test_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "gone.yaml"
    assert _problems(path) == [f"{path}: no such file"]


def test_an_unreadable_file() -> None:
    # /proc/self/mem refuses reads at offset 0 with EIO, even for root; a chmod 000
    # file would still be readable when the tests run as root.
    if not os.path.exists("/proc/self/mem"):
        pytest.skip("needs Linux /proc")
    assert _problems(Path("/proc/self/mem")) == [
        "/proc/self/mem: can't read this file: Input/output error"
    ]


def test_a_file_without_read_permission(tmp_path: Path) -> None:
    path = tmp_path / "secret.yaml"
    path.write_text("title: T\n")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root: permissions do not stop reading")
        assert _problems(path) == [f"{path}: can't read this file: permission denied"]
    finally:
        path.chmod(0o600)


@pytest.mark.parametrize(
    "content",
    [
        "title: " + "[" * 20_000 + "]" * 20_000 + "\n",
        "title: " + "{a: " * 20_000 + "1" + "}" * 20_000 + "\n",
        # Block indentation grows quadratically: 1,000 levels is what fits in 1 MiB.
        "".join("  " * i + "a:\n" for i in range(1_000)),
        "- " * 20_000 + "x\n",
    ],
    ids=["flow lists", "flow mappings", "block mappings", "block lists"],
)
def test_deep_nesting_is_refused_quickly_with_little_memory(tmp_path: Path, content: str) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(content)
    tracemalloc.start()
    started = time.perf_counter()
    problems = _problems(path)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(problems) == 1 and "nested more than 50 levels deep" in problems[0]
    assert elapsed < 0.5
    assert peak < 20 * 1024 * 1024


def test_alias_bomb_is_refused_quickly_with_little_memory(tmp_path: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for n in range(1, 9):
        previous, name = chr(ord("a") + n - 1), chr(ord("a") + n)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n")
    tracemalloc.start()
    started = time.perf_counter()
    problems = _problems(path)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert problems == [
        f"{path}:5:36: the file expands to more than 100,000 values (aliases '*' repeating "
        "anchors '&') — a routine needs only a few dozen values; remove the aliases"
    ]
    assert elapsed < 0.5 and peak < 20 * 1024 * 1024


def test_nothing_is_executed_by_tags(tmp_path: Path) -> None:
    marker = tmp_path / "hacked"
    path = tmp_path / "evil.yaml"
    path.write_text(f"title: !!python/object/apply:os.system ['touch {marker}']\n" + GOOD_TAIL)
    _problems(path)
    assert not marker.exists()
