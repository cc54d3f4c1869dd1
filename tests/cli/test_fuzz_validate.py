"""Fuzz: `timer-app validate` on mutated bundled routines never fails unlocated.

Random byte and character insertions, deletions, digit swaps and indentation
changes of the shipped routines and library exercises: no exception escapes, the
exit code is 0 or 1 (never 2, the last line of defence), nothing goes to stderr,
and every line printed is `FILE: ok ...`, `FILE:LINE:COL: message` or a whole-file
`FILE: message`. Bounded: a fixed number of examples, a few seconds in all.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timer_app.cli import main
from timer_app.storage.routines.catalog import bundled_folder

SOURCES = sorted(bundled_folder().glob("*.yaml")) + sorted(bundled_folder().glob("library/*.yaml"))
# What people and editors put in files, and what once broke the loader.
ODD = [
    "²",
    "٣",
    "９",
    "9" * 320,
    "9" * 4400,
    "1e999",
    "\x1b[2J",
    "\\e]0;x\\a",
    "\t",
    "\r",
    "\r\n",
    "\u200b",
    "\ufeff",
    "\x00",
    "\x85",
    "&a ",
    "*a",
    "!!python/object ",
    "- ",
    ": ",
    "'",
    '"',
    "#",
    "{",
    "[",
    "|",
    ">",
    "---\n",
    "\n",
    "  ",
]

mutation = st.one_of(
    st.tuples(st.just("insert"), st.integers(0, 10_000), st.sampled_from(ODD)),
    st.tuples(st.just("byte"), st.integers(0, 10_000), st.binary(min_size=1, max_size=3)),
    st.tuples(st.just("delete"), st.integers(0, 10_000), st.integers(1, 40)),
    st.tuples(st.just("digit"), st.integers(0, 10_000), st.sampled_from([*ODD[:6], "0", "-1"])),
    st.tuples(st.just("indent"), st.integers(0, 200), st.sampled_from(["", " ", "   ", "\t"])),
)


def mutate(raw: bytes, steps: list[tuple[str, int, object]]) -> bytes:
    for kind, where, what in steps:
        at = where % (len(raw) + 1)
        if kind == "insert":
            raw = raw[:at] + str(what).encode() + raw[at:]
        elif kind == "byte":
            assert isinstance(what, bytes)
            raw = raw[:at] + what + raw[at:]
        elif kind == "delete":
            assert isinstance(what, int)
            raw = raw[:at] + raw[at + what :]
        elif kind == "digit":
            digits = [m.start() for m in re.finditer(rb"[0-9]", raw)]
            if digits:
                spot = digits[where % len(digits)]
                raw = raw[:spot] + str(what).encode() + raw[spot + 1 :]
        else:  # indent: change the leading spaces of one line
            lines = raw.split(b"\n")
            line = where % len(lines)
            lines[line] = str(what).encode() + lines[line].lstrip(b" ")
            raw = b"\n".join(lines)
    return raw


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,  # the same examples on every run: a failure is reproducible
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(source=st.sampled_from(SOURCES), steps=st.lists(mutation, min_size=1, max_size=4))
def test_validate_never_fails_unlocated(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    source: Path,
    steps: list[tuple[str, int, object]],
) -> None:
    folder = tmp_path / ("library" if source.parent.name == "library" else "routines")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / source.name
    path.write_bytes(mutate(source.read_bytes(), steps))
    capsys.readouterr()

    code = main(["validate", str(path)])

    out, err = capsys.readouterr()
    assert code in (0, 1)
    assert err == ""
    lines = out.splitlines()
    assert lines, "validate printed nothing"
    located = re.compile(re.escape(str(path)) + r"(:\d+:\d+)?: \S")
    for line in lines:
        assert located.match(line), f"not located: {line!r}"
    assert (code == 0) == all(line.startswith(f"{path}: ok") for line in lines)


def test_the_fuzz_covers_routines_and_library_exercises() -> None:
    assert any(p.parent.name == "library" for p in SOURCES)
    assert any(p.parent.name != "library" for p in SOURCES)
