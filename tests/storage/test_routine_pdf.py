"""Import of a handout PDF: the routine it carries comes in, nothing else gets out.

The PDF is made by pypdf and given attachments by `add_attachments` (no Qt), as a
tampered or hand-made handout could be.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

pypdf = pytest.importorskip("pypdf")

from timer_app.storage import paths  # noqa: E402
from timer_app.storage.pdf.attachments import add_attachments  # noqa: E402
from timer_app.storage.routines.catalog import RoutineLoadError, load_catalog  # noqa: E402
from timer_app.storage.routines.importing import import_routine_file  # noqa: E402

ROUTINE = b"id: sent\ntitle: Sent on paper\nexercises:\n  - use: knee-to-chest\n"
SHORTER_KNEE = b"id: knee-to-chest\nname: Knee to chest\nhold: 1\nreps: 1\n"


def _pdf(tmp_path: Path, files: dict[str, bytes]) -> Path:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    path = tmp_path / "handout.pdf"
    path.write_bytes(add_attachments(out.getvalue(), files))
    return path


def test_names_that_climb_out_are_never_written(tmp_path: Path) -> None:
    # An absolute name: joined to the temporary folder it would replace it (this
    # test once wrote its target; the target is now inside tmp_path, harmless).
    absolute = tmp_path / "outside" / "planted.yaml"
    pdf = _pdf(
        tmp_path,
        {
            "routine/sent.yaml": ROUTINE,
            "routine/../../escaped.yaml": b"title: Escaped\n",
            f"routine/{absolute}": b"title: Planted\n",
        },
    )
    routine = import_routine_file(pdf)

    assert routine.id == "sent"
    assert not list(tmp_path.rglob("escaped.yaml"))
    assert not absolute.exists()
    assert sorted(p.name for p in paths.user_routines_dir().rglob("*") if p.is_file()) == [
        "sent.yaml"
    ]


def test_a_carried_library_exercise_that_differs_is_refused(tmp_path: Path) -> None:
    pdf = _pdf(
        tmp_path,
        {"routine/sent.yaml": ROUTINE, "library/knee-to-chest.yaml": SHORTER_KNEE},
    )
    with pytest.raises(RoutineLoadError) as raised:
        import_routine_file(pdf)

    assert str(pdf) in raised.value.problems[0].path
    assert "knee-to-chest" in raised.value.problems[0].message
    assert "sent" not in load_catalog().routines
    assert load_catalog().library["knee-to-chest"].exercise.hold == 30


def test_a_routine_with_a_problem_is_said_of_the_pdf(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path, {"routine/sent.yaml": b"title: Sent\nexercises:\n  - use: nowhere\n"})
    with pytest.raises(RoutineLoadError) as raised:
        import_routine_file(pdf)
    problem = raised.value.problems[0]
    assert problem.path == f"{pdf} (sent.yaml)"
    assert problem.line == 3


def test_odd_names_are_left_out_and_the_routine_still_comes_in(tmp_path: Path) -> None:
    pdf = _pdf(
        tmp_path,
        {
            "routine/sent.yaml": ROUTINE,
            "routine/pic\x00.png": b"x",  # a NUL: Python refuses such a path outright
            "routine/sent.yaml/inner.png": b"x",  # under a file's name: cannot be made
            "routine/C:evil.png": b"x",
        },
    )
    assert import_routine_file(pdf).id == "sent"
