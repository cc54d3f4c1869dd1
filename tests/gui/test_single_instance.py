"""A second launch on the same data dir brings the first to the front and exits."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from timer_app.gui.desktop.single_instance import LOCK_NAME, SingleInstance, server_name


@pytest.fixture
def instances(qtbot):
    made: list[SingleInstance] = []

    def make(data_dir: Path) -> SingleInstance:
        instance = SingleInstance(data_dir)
        made.append(instance)
        return instance

    yield make
    for instance in made:
        instance.release()


def test_the_second_launch_activates_the_first_and_passes_start(
    instances, qtbot, tmp_path: Path
) -> None:
    first = instances(tmp_path / "data")
    assert first.acquire() is True and first.is_first
    assert (tmp_path / "data" / LOCK_NAME).exists()

    second = instances(tmp_path / "data")
    with qtbot.waitSignal(first.sig_activate, timeout=3000) as signal:
        assert second.acquire(start="sciatica-basics") is False
    assert signal.args == ["sciatica-basics"]
    assert not second.is_first

    third = instances(tmp_path / "data")
    with qtbot.waitSignal(first.sig_activate, timeout=3000) as signal:
        assert third.acquire() is False
    assert signal.args == [""]


def test_other_data_dirs_are_other_instances(instances, tmp_path: Path) -> None:
    assert instances(tmp_path / "a").acquire() is True
    assert instances(tmp_path / "b").acquire() is True
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")


def test_after_the_first_quits_the_next_launch_is_first(instances, tmp_path: Path) -> None:
    first = instances(tmp_path / "data")
    assert first.acquire()
    first.release()
    assert instances(tmp_path / "data").acquire() is True


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_lock_left_by_a_killed_app_is_taken_over(instances, tmp_path: Path) -> None:
    data = tmp_path / "data"
    child = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        from PySide6.QtCore import QCoreApplication
        from timer_app.gui.desktop.single_instance import SingleInstance
        app = QCoreApplication([])
        instance = SingleInstance(Path({str(data)!r}))
        assert instance.acquire()
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", child], env=dict(os.environ), capture_output=True, timeout=60
    )
    assert result.returncode == -9, result.stderr
    assert (data / LOCK_NAME).exists()  # left behind
    assert instances(data).acquire() is True


def test_a_launch_while_the_first_is_still_opening_its_window_waits_for_it(
    instances, tmp_path: Path
) -> None:
    # The first takes its lock before its window shows and listens only after:
    # a second launch in between must keep knocking, not start a second app.
    data = tmp_path / "data"
    child = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from PySide6.QtCore import QCoreApplication
        from timer_app.gui.desktop.single_instance import SingleInstance
        app = QCoreApplication([])
        instance = SingleInstance(Path({str(data)!r}))
        assert instance.acquire(listen=False)
        print("locked", flush=True)
        sys.stdin.readline()  # the parent is about to launch again
        time.sleep(0.3)  # a window slow to show: the launch knocks meanwhile
        instance.listen()
        instance.sig_activate.connect(lambda start: (print("activated", start), app.quit()))
        app.exec()
        """
    )
    first = subprocess.Popen(
        [sys.executable, "-c", child],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )
    try:
        assert first.stdout is not None and first.stdin is not None
        assert first.stdout.readline().strip() == "locked"
        first.stdin.write("go\n")
        first.stdin.flush()
        assert instances(data).acquire(start="piriformis") is False
        out, _ = first.communicate(timeout=30)
        assert out.strip() == "activated piriformis"
    finally:
        if first.poll() is None:
            first.kill()


def test_an_older_version_holding_a_qlockfile_on_the_same_file_is_seen(tmp_path: Path) -> None:
    # Versions before the flock() lock took a QLockFile on the same file; during
    # an upgrade one may still run, and each must see the other.
    from PySide6.QtCore import QLockFile

    from timer_app.gui.desktop.instance_lock import InstanceLock

    path = tmp_path / LOCK_NAME
    older = QLockFile(str(path))
    older.setStaleLockTime(0)
    assert older.tryLock(0)
    assert InstanceLock(path).take() is False
    older.unlock()

    ours = InstanceLock(path)
    assert ours.take() is True
    older = QLockFile(str(path))
    older.setStaleLockTime(0)
    assert not older.tryLock(0)
    ours.release()  # and after a quit, the older version starts
    assert older.tryLock(0)
    older.unlock()


@pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace")
def test_taking_the_lock_flushes_nothing_to_disk(tmp_path: Path) -> None:
    # QLockFile fdatasync()ed the lock file before the window showed: a disk
    # flush at every start, longer the busier the disk.
    child = textwrap.dedent(
        f"""
        from pathlib import Path
        from PySide6.QtCore import QCoreApplication
        from timer_app.gui.desktop.single_instance import SingleInstance
        app = QCoreApplication([])
        assert SingleInstance(Path({str(tmp_path / "data")!r})).acquire(listen=False)
        """
    )
    trace = tmp_path / "trace"
    syncs = "trace=fsync,fdatasync,sync_file_range"
    result = subprocess.run(
        ["strace", "-f", "-e", syncs, "-o", str(trace), sys.executable, "-c", child],
        capture_output=True,
        text=True,
        timeout=60,
    )
    if result.returncode != 0 and "ptrace" in result.stderr:
        pytest.skip("strace may not trace here")
    assert result.returncode == 0, result.stderr[-2000:]
    calls = [line for line in trace.read_text().splitlines() if "sync" in line]
    assert calls == []
