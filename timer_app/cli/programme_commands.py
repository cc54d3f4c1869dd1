"""`timer-app program start ID [--on DATE] [--replace]`, `program status [--json]`, `program stop`.

A start while another programme runs is refused, naming it, unless `--replace`:
a start used to end the patient's weeks in their programme without a word.

`status` only reads (`open_reader`: it works while the app runs). `start` and
`stop` write one short transaction through a connection opened for writing but
never marking the app's running session as interrupted nor backing up (that is
the app's, at its start). The figures `status` prints are those of the Routines
page's card: both come from `ProgrammeRecords.status` (`core/programme/status.py`).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from timer_app.core.history import HistoryError
from timer_app.core.local_time import local_now, local_today
from timer_app.core.programme.calendar import enrolment_date_problem, start_date_problem
from timer_app.core.programme.model import Programme
from timer_app.core.programme.monitoring import drop_off_words, review_words, step_back_words
from timer_app.core.programme.status import ProgrammeStatus, as_json, headline
from timer_app.core.programme.therapist_file import first_stage
from timer_app.core.routine import Frequency
from timer_app.storage import paths
from timer_app.storage.history.programme_records import ProgrammeRecords
from timer_app.storage.history.store import SqliteHistoryStore


def _catalog() -> tuple[dict[str, Programme], dict[str, Frequency | None]]:
    """The programmes found in the routine folders and each routine's frequency."""
    from timer_app.storage.routines.catalog import load_catalog

    catalog = load_catalog()
    return dict(catalog.programmes), {r.id: r.frequency for r in catalog.routines.values()}


def _writer() -> SqliteHistoryStore | None:
    store = SqliteHistoryStore(paths.history_db_path(), None)
    store.connection.open_for_writing()
    for notice in store.notices:
        print(f"timer-app: {notice.message}", file=sys.stderr)
    if store.problem is not None or store.read_only:
        store.close()
        return None
    return store


def run_start(args: argparse.Namespace) -> int:
    from timer_app.storage.routines.catalog import load_catalog

    catalog = load_catalog()
    programmes = dict(catalog.programmes)
    programme = programmes.get(args.id)
    hidden = getattr(catalog, "hidden_programmes", {})  # a test's catalog may lack it
    if programme is None and args.id in hidden:
        print(
            f"timer-app: the programme {args.id!r} is hidden by {hidden[args.id][1]} "
            "(its hide: list); ask your therapist which one to start",
            file=sys.stderr,
        )
        return 1
    if programme is None:
        known = ", ".join(sorted(programmes)) or "none found"
        print(f"timer-app: no programme called {args.id!r} (programmes: {known})", file=sys.stderr)
        return 1
    on: date = args.on or local_today()
    if (problem := start_date_problem(on, local_today())) is not None:
        # 9999-12-31 was stored, then `status` and the app crashed at every start.
        print(f"timer-app: {problem}", file=sys.stderr)
        return 2
    store = _writer()
    if store is None:
        return 1
    stage = first_stage(programme)
    try:
        records = ProgrammeRecords(store.connection)
        before = records.current()
        if before is not None and not args.replace:
            # One programme at a time, and a start of another silently ended the
            # patient's weeks in theirs: say which runs and how to switch.
            print(
                _running_words(before.programme_id, before.started_on, programmes, args.id),
                file=sys.stderr,
            )
            return 1
        records.start(programme.id, on, local_now(), stage, programme.current_stage)
    except HistoryError as error:
        print(f"timer-app: {error}", file=sys.stderr)
        return 1
    finally:
        store.close()
    if before is not None:  # one programme at a time: say which one ended
        print(f"Stopped {before.programme_id} (started {before.started_on.isoformat()}).")
    first = programme.stages[stage]
    print(f"Started {programme.title} on {on.isoformat()}: stage {stage + 1}, {first.name}.")
    return 0


def _running_words(
    running: str, started_on: date, programmes: dict[str, Programme], wanted: str
) -> str:
    """Why a start is refused while a programme runs, and the two ways on."""
    found = programmes.get(running)
    name = f"{found.title} ({running})" if found is not None else running
    if running == wanted:
        return (
            f"timer-app: {name} is already running, started {started_on.isoformat()}. "
            f"`timer-app program start {wanted} --replace` starts it again "
            "(a new start, in the stage its file names)."
        )
    return (
        f"timer-app: your programme {name} is running, started {started_on.isoformat()}; "
        f"one programme runs at a time. Stop it first with `timer-app program stop`, or "
        f"start {wanted} in its place with `timer-app program start {wanted} --replace`."
    )


def follow_therapist_file(programme: Programme) -> None:
    """After an import: a programme file with `advance: therapist` naming another
    stage than the patient's moves them there (`core/programme/therapist_file.py`)."""
    if programme.current_stage is None or not paths.history_db_path().exists():
        return  # nothing named, or no history yet: a start begins at the named stage
    store = _writer()
    if store is None:
        return
    try:
        moved = ProgrammeRecords(store.connection).follow_file(
            programme, local_today(), local_now()
        )
    except HistoryError as error:
        print(f"timer-app: {error}", file=sys.stderr)
        return
    finally:
        store.close()
    if moved is not None:
        stage = programme.stages[moved]
        print(
            f"Your therapist's new file moves you to stage {moved + 1} of "
            f"{len(programme.stages)}: {stage.name}."
        )


def run_stop(args: argparse.Namespace) -> int:
    store = _writer()
    if store is None:
        return 1
    try:
        stopped = ProgrammeRecords(store.connection).stop(local_today(), local_now())
    except HistoryError as error:
        print(f"timer-app: {error}", file=sys.stderr)
        return 1
    finally:
        store.close()
    print(
        "Programme stopped; its sessions stay in your history."
        if stopped
        else "No programme is running."
    )
    return 0


def run_status(args: argparse.Namespace) -> int:
    store = SqliteHistoryStore.open_reader()
    for notice in store.notices:
        print(f"timer-app: {notice.message}", file=sys.stderr)
    if store.problem is not None:
        store.close()
        return 1
    try:
        records = ProgrammeRecords(store.connection)
        enrolment = records.current()
        if enrolment is None:
            return _none(args.json)
        programmes, own = _catalog()
        programme = programmes.get(enrolment.programme_id)
        if programme is None:
            print(
                f"timer-app: your programme {enrolment.programme_id!r} was not found in the "
                "routine folders (was its file removed?). `timer-app program stop` ends it.",
                file=sys.stderr,
            )
            return 1
        if (problem := enrolment_date_problem(enrolment, local_today())) is not None:
            print(
                f"timer-app: {problem}: `timer-app program start {enrolment.programme_id} "
                "--replace` starts it again today (`timer-app program stop` ends it).",
                file=sys.stderr,
            )
            return 1
        status = records.status(programme, local_today(), own)
    except HistoryError as error:
        print(f"timer-app: {error}", file=sys.stderr)
        return 1
    finally:
        store.close()
    assert status is not None  # the enrolment's own programme
    if args.json:
        print(json.dumps(as_json(status), ensure_ascii=False, indent=2))
    else:
        print(status_text(status))
    return 0


def _none(as_json_output: bool) -> int:
    if as_json_output:
        print(json.dumps({"programme": None}))
    else:
        print("No programme started. Start one with: timer-app program start ID")
    return 0


def status_text(status: ProgrammeStatus) -> str:
    """The card's words as lines for a terminal."""
    lines = [f"{status.title}", headline(status)]
    ends = f", ends {status.stage_ends_on.isoformat()}" if status.stage_ends_on else ""
    began = "starts" if status.today < status.stage_started_on else "started"
    lines.append(
        f"Stage {status.stage_index + 1} of {status.stage_count}: {status.stage_name} "
        f"({began} {status.stage_started_on.isoformat()}{ends})"
    )
    progress = status.advance
    lines.append(f"Sessions in this stage: {progress.sessions_done} of {progress.sessions_due} due")
    if status.flare_up_until is not None:
        lines.append(f"Flare-up plan until {status.flare_up_until.isoformat()}.")
    if status.stage_over:
        if status.marker:
            lines.append(f"End of stage. Ask yourself: {status.marker}?")
        if progress.ready and progress.therapist_decides:
            lines.append("Ask your therapist about the next step.")
        elif progress.ready:
            lines.append("Ready for the next stage (confirm it in the app).")
        else:
            lines.extend(f"Staying in this stage: {reason}" for reason in progress.reasons)
    if status.step_back.suggested:
        lines.extend(status.step_back.reasons)
        lines.append(step_back_words(status.step_back))
    if status.review_due:
        lines.append(review_words())
    if status.dropping_off:
        lines.append(drop_off_words())
    return "\n".join(lines)
