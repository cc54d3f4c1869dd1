"""Text in a routine file is text: `list` and `validate` never drive the terminal.

Before, YAML's quoted escapes carried terminal escape sequences and C0/C1 controls
into titles that `list` printed raw (one set the terminal title and cleared the
screen), a CR/LF in a value split a problem message over lines without a place,
a title of only U+200B was accepted, and a symlink to /etc/passwd printed the
whole file in one warning.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from timer_app.cli import main
from timer_app.storage import paths

TAIL = "exercises:\n  - use: knee-to-chest\n  - name: Pelvic tilt\n    reps: 10\n"
CONTROLS = ("\x1b", "\x07", "\x9b", "\x00", "\r")


@pytest.fixture
def clinic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "clinic"
    folder.mkdir()
    monkeypatch.setenv(paths.ROUTINES_PATH_ENV, str(folder))
    (folder / "morning.yaml").write_text("title: Morning stretches\n" + TAIL, encoding="utf-8")
    return folder


def _no_controls(text: str) -> None:
    for char in CONTROLS:
        assert char not in text, f"{char!r} reached the terminal"


@pytest.mark.parametrize(
    ("title_line", "expected"),
    [
        (
            'title: "\\e]0;pwned\\a\\e[2JEvening"',
            "1:1: title holds a control character (\\x1b) after '' — "
            "remove it: routine text is plain text",
        ),
        (
            'title: "Evening \\x9b2J"',
            "1:1: title holds a control character (\\x9b) after 'Evening ' — "
            "remove it: routine text is plain text",
        ),
        (
            'title: "Evening\\0"',
            "1:1: title holds a control character (\\x00) after 'Evening' — "
            "remove it: routine text is plain text",
        ),
        (
            'title: "Evening\\r\\nstretches"',
            "1:1: title must be one line; it has a line break (\\r) after 'Evening' — "
            "write it on one line",
        ),
        (
            'title: "\\u200b\\ufeff"',
            "1:1: title looks empty: it holds only invisible characters ('\\u200b\\ufeff') — "
            "add a line such as: title: Morning stretches",
        ),
    ],
    ids=["osc title + clear screen", "C1 CSI", "NUL", "CR LF", "invisible only"],
)
def test_controls_in_a_title_are_refused_where_they_are(
    clinic: Path, title_line: str, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = clinic / "evening.yaml"
    bad.write_text(title_line + "\n" + TAIL, encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr().out
    _no_controls(out)
    assert out == f"{bad}:{expected}\n"
    assert main(["list"]) == 0
    listed = capsys.readouterr()
    _no_controls(listed.out + listed.err)
    assert "morning" in listed.out and "evening" not in listed.out
    assert f"warning: {bad}:1:1: title " in listed.err


def test_a_line_break_in_a_name_keeps_the_message_on_one_located_line(
    clinic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = clinic / "evening.yaml"
    bad.write_text(
        'title: Evening\nexercises:\n  - name: "Tilt\\nreps: 99"\n    reps: 3\n  - use: bridging\n'
    )
    assert main(["validate", str(bad)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{bad}:3:5: name must be one line; it has a line break (\\n) after 'Tilt' — "
        "write it on one line"
    ]


def test_tabs_and_line_breaks_are_fine_in_long_text(
    clinic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = clinic / "evening.yaml"
    good.write_text(
        "title: Evening\n"
        'description: "Slowly.\\tBreathe.\\nStop if it hurts."\n'
        "exercises:\n"
        "  - name: Tilt\n"
        "    reps: 3\n"
        "    instructions:\n"
        "      - |\n"
        "        Lie on your back.\n"
        "        Flatten your back.\n"
        '    note: "Keep\\tbreathing"\n'
    )
    assert main(["validate", str(good)]) == 0
    assert capsys.readouterr().out.startswith(f"{good}: ok — Evening (1 exercise")


def test_an_echoed_value_is_escaped_and_clipped(
    clinic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = clinic / "evening.yaml"
    bad.write_text(
        'title: Evening\nexercises:\n  - name: Tilt\n    hold: "\\e[31m' + "forever " * 40 + '"\n'
    )
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr().out
    _no_controls(out)
    assert out.startswith(f"{bad}:4:5: hold is not a length of time: '\\x1b[31mforever forever ")
    echoed = out.split("'")[1]
    assert echoed.endswith("…") and len(echoed) < 80


def test_a_symlink_to_a_system_file_is_not_printed_whole(
    clinic: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A system file like /etc/passwd (here a copy-alike outside the folder): YAML
    # reads its lines as one long text, which the message once echoed whole.
    system = tmp_path / "etc" / "passwd"
    system.parent.mkdir()
    system.write_text(
        "".join(
            f"user{n}:x:{1000 + n}:{1000 + n}:User {n}:/home/user{n}:/bin/sh\n" for n in range(40)
        )
    )
    os.symlink(system, clinic / "evening.yaml")
    assert main(["list"]) == 0
    err = capsys.readouterr().err
    warnings = [line for line in err.splitlines() if "evening.yaml" in line]
    assert len(warnings) == 1 and len(warnings[0]) < len(str(clinic)) + 300
    assert "user0:x:1000" in warnings[0] and "user39" not in warnings[0]
    assert err.count("\n") == 1


def test_a_file_name_with_escapes_is_printed_escaped(
    clinic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = clinic / "eve\x1b[2Jning\n.yaml"
    bad.write_text("title: Evening\nexercises: []\n")
    assert main(["list"]) == 0
    listed = capsys.readouterr()
    _no_controls(listed.out + listed.err)
    assert listed.err == (
        f"warning: {clinic}/eve\\x1b[2Jning\\n.yaml:2:1: exercises is empty — "
        "add at least one exercise\n"
    )


def test_an_image_name_too_long_for_the_file_system_is_just_a_name(
    clinic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before, stat() raised 'File name too long' and the whole file was refused."""
    path = clinic / "evening.yaml"
    path.write_text(
        f"title: Evening\nexercises:\n  - name: A\n    reps: 3\n    image: {'a' * 5000}\n"
    )
    # Reported as the missing picture it is (image_check), clipped, never a crash.
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr()
    assert out.out.startswith(f"{path}:5:5: image 'aaaa") and out.err == ""
    assert len(out.out) < len(str(path)) + 250


def test_a_loader_surprise_prints_no_traceback(clinic: Path) -> None:
    """Run as a user runs it (no pytest log handler): Python's last-resort handler
    printed the traceback of the loader's WARNING on the terminal."""
    (clinic / "evening.yaml").write_text("title: Evening\n" + TAIL)
    code = (
        "from timer_app.storage.routines import catalog\n"
        "def broken(*args, **kwargs):\n"
        "    raise MemoryError('a bug we have not met yet')\n"
        "catalog.validate_routine = broken\n"
        "from timer_app.cli import main\n"
        "raise SystemExit(main(['list']))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0
    assert "Traceback" not in done.stderr
    assert f"warning: {clinic / 'evening.yaml'}: this file could not be read (MemoryError)" in (
        done.stderr
    )


def test_list_json_escapes_a_terminal_control_in_a_file_name(
    clinic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # U+009B is a terminal's CSI; json writes C1 controls raw unless told otherwise.
    (clinic / "even\x9bing.yaml").write_text("title: Evening\n" + TAIL, encoding="utf-8")
    assert main(["list", "--json"]) == 0
    out = capsys.readouterr().out
    _no_controls(out)
    import json

    paths_listed = [r["path"] for r in json.loads(out)["routines"]]
    assert str(clinic / "even\x9bing.yaml") in paths_listed  # the real name, escaped
