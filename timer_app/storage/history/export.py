"""The history exported for a therapist: CSV (one row per session) or JSON (with
each session's exercises, reps and "stop – it hurts" reports).

CSV: UTF-8, a header, RFC 4180 quoting (the csv module, CRLF line ends), exactly
`CSV_COLUMNS` in that order; times in ISO 8601 with the UTC offset the person had;
an empty cell for anything unknown. `stops` gives each "Stop – it hurts" as
"exercise: what happened (note)", in plain English for the therapist reading the
sheet (`core/history_words.py`, the words the report uses), joined by "; ". Used
by `timer-app history export` and by the GUI's Export button. A session done in a
programme (issue 16) names it, its stage and whether a flare-up plan ran; the
JSON adds the programme's events and next-morning checks.

The figures (`active_seconds`, exercises done / partial / skipped / total, reps
done / total) are `core/session_figures.py`'s columns, in whole numbers by its one
rounding rule, so the CSV, the JSON, `timer-app history`, the History page and
the summary agree. The JSON names the routine by its id and file name only: no
path of the person's computer (it would hold their user name) leaves with it.

A CSV cell a spreadsheet would run as a formula (a routine titled
`=HYPERLINK(...)`: a shared routine file chooses its own title; notes starting
`=cmd|...`) is written as text, with a leading apostrophe (`inert`, the OWASP
rule for CSV injection). The JSON keeps every text as written.
"""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path, PurePath
from typing import Any, TextIO

from timer_app.core.history import (
    HistoryReader,
    SessionDetail,
    SessionSummary,
    StopReport,
)
from timer_app.core.history_words import stop_in_words
from timer_app.core.pain_location import PainShift, classify
from timer_app.core.session_figures import COLUMNS, column_values, figures_of, whole_seconds
from timer_app.storage.history.programme_records import ProgrammeRecords, SessionStage

CSV_COLUMNS = (
    "session_id",
    "routine_id",
    "routine_title",
    "started_at",
    "ended_at",
    "status",
    *(c.name for c in COLUMNS),
    "pain_before",
    "pain_after",
    "pain_where_before",  # where the pain was felt most: back ... foot
    "pain_where_after",
    "pain_where_change",  # centralising, peripheralising, unchanged; empty when unknown
    "programme",  # the programme's id, when the session was done in one (issue 16)
    "programme_stage",  # its stage then, from 1
    "flare_up",  # "yes" when done during a flare-up plan
    "notes",
    "stops",
)
FORMATS = ("csv", "json", "fhir")  # fhir: a FHIR R4 Bundle (`fhir_export`)
# What a spreadsheet reads as the start of a formula (a tab or CR first can hide one).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[-+]?[0-9]+(\.[0-9]+)?")


def inert(cell: str) -> str:
    """`cell` as text a spreadsheet shows and never runs; a number stays a number."""
    if cell.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def where_change(s: SessionSummary) -> str:
    """How the place of the pain moved; empty when before or after is not known."""
    shift = classify(s.pain_where_before, s.pain_where_after)
    return "" if shift is PainShift.UNKNOWN else shift.value


def csv_row(
    s: SessionSummary, stops: Iterable[StopReport] = (), stage: SessionStage | None = None
) -> list[str]:
    figures = column_values(figures_of(s))
    return [
        str(s.id),
        s.routine_id,
        s.routine_title,
        s.started_at.isoformat(),
        s.ended_at.isoformat() if s.ended_at else "",
        s.status.value,
        *(str(figures[c.name]) for c in COLUMNS),
        _cell(s.pain_before),
        _cell(s.pain_after),
        _cell(s.pain_where_before),
        _cell(s.pain_where_after),
        where_change(s),
        stage.programme_id if stage else "",
        str(stage.stage_index + 1) if stage else "",
        ("yes" if stage.flare_up else "no") if stage else "",
        s.notes,
        "; ".join(stop_in_words(stop) for stop in stops),
    ]


def write_csv(store: HistoryReader, sessions: Iterable[SessionSummary], stream: TextIO) -> None:
    """`sessions` as `list_sessions` gives them (with their `stops`)."""
    writer = csv.writer(stream)  # the "excel" dialect: RFC 4180 quoting, CRLF
    writer.writerow(CSV_COLUMNS)
    records = _records(store)
    stages = records.session_stages() if records else {}
    for s in sessions:
        row = csv_row(s, _stops_of(store, s), stages.get(s.id))
        writer.writerow([inert(cell) for cell in row])


def _stops_of(store: HistoryReader, s: SessionSummary) -> tuple[StopReport, ...]:
    # The exercise each stop interrupted is in the session's detail (as for JSON).
    # `list_sessions` already says which sessions had a stop: most had none, and
    # their detail is not read (four queries fewer for each session exported).
    if not s.stops:
        return ()
    detail = store.session_detail(s.id)
    return detail.stops if detail is not None else ()


def session_json(detail: SessionDetail, stage: SessionStage | None = None) -> dict[str, Any]:
    s = detail.summary
    row = dict(zip(CSV_COLUMNS, csv_row(s, detail.stops, stage), strict=True))
    out: dict[str, Any] = {
        **row,
        "session_id": s.id,
        "ended_at": s.ended_at.isoformat() if s.ended_at else None,
        **column_values(figures_of(s)),  # numbers, not the CSV's text
        "pain_before": s.pain_before,
        "pain_after": s.pain_after,
        "pain_where_before": s.pain_where_before,
        "pain_where_after": s.pain_where_after,
        "pain_where_change": where_change(s) or None,
        "local_date": s.local_date.isoformat(),
        "time_zone": s.time_zone,
        "routine_content_hash": s.content_hash,
        "routine_file": routine_file(s.source_path),
        "programme": stage.programme_id if stage else None,
        "programme_stage": stage.stage_index + 1 if stage else None,
        "flare_up": stage.flare_up if stage else None,
    }
    out["exercises"] = [
        {
            "index": e.exercise_index,
            "name": e.name,
            "outcome": e.outcome.value if e.outcome else None,
            "active_seconds": whole_seconds(e.active_seconds),
            "reps_done": e.reps_done,
            "reps_total": e.reps_total,
            "reps": [
                {
                    "set": r.set_number,
                    "rep": r.rep_number,
                    "side": r.side.value if r.side else None,
                    "outcome": r.outcome.value,
                    "held_seconds": whole_seconds(r.held_seconds),
                    "planned_seconds": r.planned_seconds,
                }
                for r in detail.reps
                if r.exercise_index == e.exercise_index
            ],
        }
        for e in detail.exercises
    ]
    out["stop_reports"] = [
        {
            "reason": stop.reason.value,
            "exercise": stop.exercise_name or None,
            "reported_at": stop.reported_at.isoformat(),
            "note": stop.note,
        }
        for stop in detail.stops
    ]
    return out


def _records(store: HistoryReader) -> ProgrammeRecords | None:
    """The programme's records of a SQLite store (a store without them: None)."""
    connection = getattr(store, "connection", None)
    return None if connection is None else ProgrammeRecords(connection)


def programme_json(records: ProgrammeRecords) -> dict[str, Any]:
    """The programme's events (start, stage changes, marker answers, flare-ups, stop)
    and the next-morning checks, oldest first; stages counted from 1."""
    return {
        "events": [
            {
                "kind": event.kind.value,
                "date": event.day.isoformat(),
                "programme": event.programme_id,
                "stage": event.stage_index + 1,
                "routine_id": event.routine_id,
                "until": event.until.isoformat() if event.until else None,
                "from_therapist_file": event.from_file,
            }
            for event in records.events()
        ],
        "morning_checks": [
            {"date": check.day.isoformat(), "answer": check.answer.value if check.answer else None}
            for check in records.morning_checks()
        ],
    }


def routine_file(source_path: str | None) -> str | None:
    """The routine's file name, never its folder: '/home/ana/…/back.yaml' ->
    'back.yaml' (the path would tell the user name; the id names the routine)."""
    if not source_path:
        return None
    # Either separator: a history moved from Windows keeps its backslashes.
    return PurePath(source_path.replace("\\", "/")).name or None


def write_json(store: HistoryReader, sessions: Iterable[SessionSummary], stream: TextIO) -> None:
    records = _records(store)
    stages = records.session_stages() if records else {}
    details = []
    for s in sessions:
        detail = store.session_detail(s.id)
        if detail is not None:
            details.append(session_json(detail, stages.get(s.id)))
    out: dict[str, Any] = {"sessions": details}
    if records is not None and records.stored():
        out["programme"] = programme_json(records)
    json.dump(out, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def export_sessions(
    store: HistoryReader, fmt: str, stream: TextIO, since: date | None = None
) -> int:
    """Write the sessions since `since` (local date, inclusive), oldest first;
    returns how many."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use csv, json or fhir")
    sessions = store.list_sessions(since=since)
    sessions.reverse()  # oldest first reads like a diary
    if fmt == "csv":
        write_csv(store, sessions, stream)
    elif fmt == "fhir":
        from timer_app.storage.history.fhir_export import write_fhir

        write_fhir(store, sessions, stream)
    else:
        write_json(store, sessions, stream)
    return len(sessions)


def export_history(store: HistoryReader, path: Path, fmt: str, since: date | None = None) -> int:
    """Export to a file, written whole or not at all (temporary file + rename)."""
    tmp = path.with_name(path.name + ".partial")
    with tmp.open("w", encoding="utf-8", newline="") as stream:
        count = export_sessions(store, fmt, stream, since)
    os.replace(tmp, path)
    return count
