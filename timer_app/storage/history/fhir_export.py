"""The history as a FHIR R4 Bundle, for a clinic system to read what the patient did.

`timer-app history export --format fhir` writes one `Bundle` (type `collection`):

- one `Patient` with no identifying data at all (the file is the patient's to
  send; the clinic already knows who sent it): every resource refers to it;
- one `Procedure` per session: `status` (completed only when every exercise was
  done in full; stopped when finished with part skipped, ended early or
  interrupted, with a `statusReason`; in-progress), `performedPeriod` from its
  start to its end, and a
  note with its figures (active time, exercises, reps, stops), the figures of
  `core/session_figures.py` that the CSV and the History page show;
- one `Observation` per pain rating: LOINC 72514-3 (pain severity, 0-10 verbal
  numeric rating, reported), `valueInteger`, before the session at its start,
  after it at its end, `partOf` the session's Procedure.

Every reference is a `urn:uuid:` `fullUrl` inside the Bundle; the uuids are
derived from the session ids, so the same history exports the same file.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any, TextIO

from timer_app.core.history import HistoryReader, SessionStatus, SessionSummary
from timer_app.core.session_figures import figures_of
from timer_app.storage.history.programme_records import ProgrammeRecords, SessionStage

LOINC = "http://loinc.org"
PAIN_CODE = "72514-3"
PAIN_DISPLAY = "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
_NAMESPACE = uuid.UUID("5f0e8d3c-9b8a-4c1e-8f43-4a1f0a8b7d21")  # this app's, fixed
PROCEDURE_STATUS = {
    SessionStatus.COMPLETED: "completed",
    # FHIR's "stopped" is "terminated prior to the full completion of the intended
    # activity but after at least some of the 'main' activity was executed": exactly
    # a session finished with part skipped. "completed" would tell the clinic's
    # system the prescription was done; the note's figures say what was.
    SessionStatus.PARTLY_DONE: "stopped",
    SessionStatus.ENDED_EARLY: "stopped",
    SessionStatus.INTERRUPTED: "stopped",
    SessionStatus.IN_PROGRESS: "in-progress",
}


def _url(kind: str, key: object) -> str:
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'{kind}/{key}')}"


def _figures_note(s: SessionSummary) -> str:
    f = figures_of(s)
    parts = [
        f"Active time {f.active_whole_seconds} s (pauses excluded)",
        f"exercises done {f.exercises_done} of {f.exercises_total}"
        + (f", {f.exercises_partial} partly" if f.exercises_partial else ""),
    ]
    if f.reps_planned:
        parts.append(f"reps done {f.reps_done} of {f.reps_planned}")
    if f.stops:
        parts.append(f"'Stop - it hurts' {f.stops} time(s)")
    return "; ".join(parts) + "."


def _stage_note(stage: SessionStage) -> str:
    """ "Programme sciatica-8-weeks, stage 2 (during a flare-up plan)." (issue 16)"""
    flare = " (during a flare-up plan)" if stage.flare_up else ""
    return f"Programme {stage.programme_id}, stage {stage.stage_index + 1}{flare}."


def _procedure(
    s: SessionSummary, patient: str, stage: SessionStage | None = None
) -> dict[str, Any]:
    period = {"start": s.started_at.isoformat()}
    if s.ended_at is not None:
        period["end"] = s.ended_at.isoformat()
    resource: dict[str, Any] = {
        "resourceType": "Procedure",
        "status": PROCEDURE_STATUS.get(s.status, "unknown"),
        "code": {"text": f"Home exercise session: {s.routine_title}"},
        "subject": {"reference": patient},
        "performedPeriod": period,
        "note": [{"text": _figures_note(s)}],
    }
    if stage is not None:
        resource["note"].append({"text": _stage_note(stage)})
    if s.status is SessionStatus.PARTLY_DONE:
        resource["statusReason"] = {"text": "finished with part skipped"}
    elif s.status in (SessionStatus.ENDED_EARLY, SessionStatus.INTERRUPTED):
        resource["statusReason"] = {"text": s.status.value.replace("_", " ")}
    return resource


def _pain(
    s: SessionSummary, value: int, when: datetime, moment: str, patient: str, session: str
) -> dict[str, Any]:
    return {
        "resourceType": "Observation",
        "status": "final",
        "category": [
            {"coding": [{"system": OBSERVATION_CATEGORY, "code": "survey", "display": "Survey"}]}
        ],
        "code": {
            "coding": [{"system": LOINC, "code": PAIN_CODE, "display": PAIN_DISPLAY}],
            "text": f"Pain {moment} the session (0-10)",
        },
        "subject": {"reference": patient},
        "partOf": [{"reference": session}],
        "effectiveDateTime": when.isoformat(),
        "valueInteger": value,
    }


def fhir_bundle(
    sessions: Iterable[SessionSummary],
    now: datetime | None = None,
    stages: Mapping[int, SessionStage] | None = None,
) -> dict[str, Any]:
    """The Bundle of `sessions` (oldest first reads like a diary); `stages`: each
    session's programme stage, noted on its Procedure."""
    patient = _url("patient", "self")
    entries: list[dict[str, Any]] = [
        {"fullUrl": patient, "resource": {"resourceType": "Patient", "active": True}}
    ]
    for s in sessions:
        session = _url("session", f"{s.id}/{s.started_at.isoformat()}")
        stage = (stages or {}).get(s.id)
        entries.append({"fullUrl": session, "resource": _procedure(s, patient, stage)})
        ratings = [("before", s.pain_before, s.started_at)]
        ratings.append(("after", s.pain_after, s.ended_at or s.started_at))
        for moment, value, when in ratings:
            if value is None:
                continue
            entries.append(
                {
                    "fullUrl": _url("pain", f"{s.id}/{s.started_at.isoformat()}/{moment}"),
                    "resource": _pain(s, value, when, moment, patient, session),
                }
            )
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": (now or datetime.now(UTC)).isoformat(),
        "entry": entries,
    }


def write_fhir(store: HistoryReader, sessions: Iterable[SessionSummary], stream: TextIO) -> None:
    # The summaries hold all a Bundle says but each session's programme stage.
    connection = getattr(store, "connection", None)
    stages = ProgrammeRecords(connection).session_stages() if connection is not None else {}
    json.dump(fhir_bundle(sessions, stages=stages), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
