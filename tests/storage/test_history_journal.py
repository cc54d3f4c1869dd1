"""A history left open by a killed app: its `-wal` is copied aside before SQLite
replays it, because SQLite drops every frame from the first damaged one on, with
the sessions in it; the person is told where the copy is when that happens."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.storage.history_support import PARIS, add_session
from timer_app.storage.history.opening import NoticeKind
from timer_app.storage.history.recovery import KEEP_JOURNAL_COPIES
from timer_app.storage.history.store import SqliteHistoryStore

MORNING = datetime(2026, 3, 10, 7, 30, tzinfo=PARIS)


def left_open(data_dir: Path, to: Path, sessions: int = 3) -> Path:
    """The history as a killed app leaves it: the sessions still in the -wal."""
    store = SqliteHistoryStore.open()
    for day in range(sessions):
        add_session(store, MORNING + timedelta(days=day), notes=f"day {day + 1}")
    to.mkdir(exist_ok=True)
    for name in ("history.sqlite3", "history.sqlite3-wal"):
        shutil.copy(data_dir / name, to / name)
    store.close()
    return to / "history.sqlite3-wal"


def open_at(folder: Path, monkeypatch: pytest.MonkeyPatch) -> SqliteHistoryStore:
    monkeypatch.setenv("TIMER_APP_DATA_DIR", str(folder))
    return SqliteHistoryStore.open()


def kept_copies(folder: Path) -> list[Path]:
    return sorted(folder.glob("history.sqlite3-wal.unclosed-*"))


def test_an_unclosed_history_keeps_a_copy_of_its_journal_and_says_nothing_when_whole(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop = tmp_path / "laptop"
    wal = left_open(data_dir, laptop)
    original = wal.read_bytes()
    store = open_at(laptop, monkeypatch)
    assert store.notices == []  # every session was read: nothing to worry anyone with
    assert len(store.list_sessions()) == 3
    store.close()
    [copy] = kept_copies(laptop)
    assert copy.read_bytes() == original


def test_a_damaged_journal_is_kept_aside_and_the_person_told_where(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop = tmp_path / "laptop"
    wal = left_open(data_dir, laptop)
    with sqlite3.connect(laptop / "history.sqlite3") as probe:
        page_size = probe.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(wal.read_bytes())
    frame = 24 + page_size
    assert len(data) > 32 + 4 * frame
    data[32 + 2 * frame + 24 + 100] ^= 0xFF  # one bit of rot in the third frame
    wal.write_bytes(bytes(data))

    store = open_at(laptop, monkeypatch)
    journal = [n for n in store.notices if n.kind is NoticeKind.JOURNAL_KEPT]
    assert len(journal) == 1 and journal[0].path is not None
    assert str(journal[0].path) in journal[0].message
    assert "could not be read" in journal[0].message
    assert journal[0].path.read_bytes() == bytes(data)  # as it was, for recovery
    assert len(store.list_sessions()) < 3  # what SQLite dropped: the copy has it
    store.close()


def test_only_the_newest_journal_copies_are_kept(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop = tmp_path / "laptop"
    left_open(data_dir, laptop, sessions=1)
    for day in range(1, 6):  # five earlier crashes, five earlier copies
        (laptop / f"history.sqlite3-wal.unclosed-2026030{day}T080000Z").write_bytes(b"old")
    store = open_at(laptop, monkeypatch)
    store.close()
    kept = [p.name.rsplit("-", 1)[1] for p in kept_copies(laptop)]
    assert len(kept) == KEEP_JOURNAL_COPIES
    assert kept[:2] == ["20260304T080000Z", "20260305T080000Z"]  # the newest two ...
    assert kept[2] > "20260305T080000Z"  # ... and the one just made
