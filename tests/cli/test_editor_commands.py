"""`timer-app edit` and `timer-app import` of an export, as a therapist types them."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from timer_app.cli import build_parser, main, resolve_handler
from timer_app.storage import paths
from timer_app.storage.routines.catalog import load_catalog


def _timer_app(*argv: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "timer_app", *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def _env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update({paths.DATA_DIR_ENV: str(data_dir), "QT_QPA_PLATFORM": "offscreen", **extra})
    return env


def test_edit_takes_no_routine_an_id_or_a_file() -> None:
    parser = build_parser()
    for argv, target in ((["edit"], None), (["edit", "piriformis"], "piriformis")):
        args = parser.parse_args(argv)
        assert args.target == target
        assert callable(resolve_handler(args.handler))


def test_edit_of_an_unknown_routine_says_so_plainly(data_dir: Path) -> None:
    done = _timer_app("edit", "piriformiss", env=_env(data_dir))
    assert done.returncode == 1
    assert "piriformis" in done.stderr  # the did-you-mean
    assert "Traceback" not in done.stderr


def test_edit_of_a_broken_file_names_its_line(data_dir: Path, tmp_path: Path) -> None:
    broken = tmp_path / "week.yaml"
    broken.write_text("title: Week\nexercises:\n  - name: [unclosed\n", encoding="utf-8")
    done = _timer_app("edit", str(broken), env=_env(data_dir))
    assert done.returncode == 1
    assert f"{broken}:" in done.stderr and "Traceback" not in done.stderr


def test_edit_without_a_screen_says_so_before_qt_would_abort(data_dir: Path) -> None:
    env = _env(data_dir)
    env.pop("QT_QPA_PLATFORM")
    if sys.platform != "linux":
        pytest.skip("the display check is Linux's")
    done = _timer_app("edit", env=env)
    assert done.returncode == 1
    assert "no screen" in done.stderr and "Traceback" not in done.stderr


def test_import_reads_an_exported_zip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "week-1.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr(
            "week-1/week-1.yaml", "title: Week 1\nexercises:\n  - name: Walk\n    duration: 90\n"
        )
    assert main(["import", str(archive)]) == 0
    assert "imported 'week-1' (Week 1)" in capsys.readouterr().out
    assert load_catalog().routines["week-1"].exercises[0].duration == 90


def test_import_of_a_zip_that_reaches_outside_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("../evil.yaml", "title: Evil\nexercises:\n  - name: Walk\n    duration: 9\n")
    assert main(["import", str(archive)]) == 1
    captured = capsys.readouterr()
    said = captured.out + captured.err
    assert f"{archive}: this .zip was not imported: it holds a file outside its folder" in said
    assert not (tmp_path / "evil.yaml").exists()
