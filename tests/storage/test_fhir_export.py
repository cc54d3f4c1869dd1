"""`timer-app history export --format fhir`: a FHIR R4 Bundle a clinic system can read.

The Bundle is checked against the FHIR R4 rules for the resources it uses: the
required elements (Bundle.type, Procedure.status and subject, Observation.status
and code), their value sets, the LOINC code of a 0-10 pain rating, and every
reference resolving to an entry of the same Bundle.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.storage.history_support import PARIS, add_session
from timer_app.cli import main
from timer_app.core.history import SessionStatus
from timer_app.storage.history.store import SqliteHistoryStore

EVENT_STATUS = {
    "preparation", "in-progress", "not-done", "on-hold", "stopped", "completed",
    "entered-in-error", "unknown",
}  # fmt: skip
OBSERVATION_STATUS = {
    "registered", "preliminary", "final", "amended", "corrected", "cancelled",
    "entered-in-error", "unknown",
}  # fmt: skip
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
URN = re.compile(r"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def validate_bundle(bundle: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Assert the FHIR R4 rules this export relies on; returns resources by fullUrl."""
    assert bundle["resourceType"] == "Bundle"
    assert bundle["type"] == "collection"
    assert DATETIME.match(bundle["timestamp"])
    by_url: dict[str, dict[str, Any]] = {}
    for entry in bundle["entry"]:
        assert URN.match(entry["fullUrl"]), entry["fullUrl"]
        assert entry["fullUrl"] not in by_url, "fullUrl must be unique in a Bundle"
        by_url[entry["fullUrl"]] = entry["resource"]

    def target(reference: dict[str, str], *kinds: str) -> None:
        found = by_url.get(reference["reference"])
        assert found is not None, f"{reference} does not resolve inside the Bundle"
        assert found["resourceType"] in kinds

    for resource in by_url.values():
        kind = resource["resourceType"]
        if kind == "Procedure":
            assert resource["status"] in EVENT_STATUS
            target(resource["subject"], "Patient")  # Procedure.subject is 1..1
            period = resource["performedPeriod"]
            assert DATETIME.match(period["start"])
            if "end" in period:
                assert period["end"] >= period["start"]
        elif kind == "Observation":
            assert resource["status"] in OBSERVATION_STATUS
            codings = resource["code"]["coding"]
            assert {"system": "http://loinc.org", "code": "72514-3"}.items() <= codings[0].items()
            target(resource["subject"], "Patient")
            for part in resource["partOf"]:
                target(part, "Procedure")
            assert DATETIME.match(resource["effectiveDateTime"])
            assert isinstance(resource["valueInteger"], int)
            assert 0 <= resource["valueInteger"] <= 10
        else:
            assert kind == "Patient"
    return by_url


@pytest.fixture
def history(data_dir: Path) -> None:
    store = SqliteHistoryStore.open()
    start = datetime(2026, 3, 2, 8, 0, tzinfo=PARIS)
    add_session(store, start, pain=(6, 3), notes="felt looser")
    add_session(store, start + timedelta(hours=10), pain=(5, None))
    add_session(store, start + timedelta(days=1), reps=2, status=SessionStatus.ENDED_EARLY)
    partly = add_session(store, start + timedelta(days=2), reps=2, status=SessionStatus.IN_PROGRESS)
    store.finish_session(partly, SessionStatus.PARTLY_DONE, start + timedelta(days=2, hours=1), 60)
    store.close()


def test_the_bundle_follows_the_fhir_rules_it_uses(
    history: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["history", "export", "--format", "fhir"]) == 0
    resources = list(validate_bundle(json.loads(capsys.readouterr().out)).values())

    procedures = [r for r in resources if r["resourceType"] == "Procedure"]
    statuses = [(p["status"], p.get("statusReason")) for p in procedures]
    assert statuses == [
        ("completed", None),
        ("completed", None),
        ("stopped", {"text": "ended early"}),
        # Not "completed": FHIR's stopped is "after at least some" of it was done.
        ("stopped", {"text": "finished with part skipped"}),
    ]
    assert procedures[0]["performedPeriod"]["start"] == "2026-03-02T08:00:00+01:00"
    assert "Active time 120 s" in procedures[0]["note"][0]["text"]
    pains = [
        (r["code"]["text"], r["valueInteger"])
        for r in resources
        if r["resourceType"] == "Observation"
    ]
    # One Observation per rating given; none for a rating not given.
    assert pains == [
        ("Pain before the session (0-10)", 6),
        ("Pain after the session (0-10)", 3),
        ("Pain before the session (0-10)", 5),
    ]


def test_the_same_history_exports_the_same_ids(history: None, tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    assert main(["history", "export", "--format", "fhir", "--output", str(first)]) == 0
    assert main(["history", "export", "--format", "fhir", "--output", str(second)]) == 0
    urls = [[e["fullUrl"] for e in json.loads(p.read_text())["entry"]] for p in (first, second)]
    assert urls[0] == urls[1]
