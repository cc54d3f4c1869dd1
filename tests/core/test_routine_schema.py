"""routines/schema.json says what the validator says, field for field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from timer_app.core.validation.checks import validate_routine
from timer_app.core.validation.fields import EXERCISE_FIELDS, ROUTINE_FIELDS
from timer_app.core.validation.schema import (
    EXERCISE_SCHEMAS,
    ROUTINE_SCHEMAS,
    routine_schema,
    schema_text,
)
from timer_app.storage.routines.catalog import bundled_folder
from timer_app.storage.yaml.loader import load_yaml_file

jsonschema = pytest.importorskip("jsonschema")
SCHEMA_FILE = Path(__file__).resolve().parents[2] / "routines" / "schema.json"


def test_every_field_the_validator_knows_has_a_definition_and_no_other() -> None:
    assert tuple(ROUTINE_SCHEMAS) == ROUTINE_FIELDS
    assert tuple(EXERCISE_SCHEMAS) == EXERCISE_FIELDS


def test_the_published_file_is_the_generated_schema() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "regenerate it: python -m timer_app.core.validation.schema > routines/schema.json"
    )
    jsonschema.Draft202012Validator.check_schema(json.loads(schema_text()))


def _schema_errors(data: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(routine_schema())
    return [e.message for e in validator.iter_errors(data)]


@pytest.mark.parametrize("path", sorted(bundled_folder().glob("*.yaml")), ids=lambda p: p.name)
def test_every_bundled_routine_passes_the_schema(path: Path) -> None:
    data = load_yaml_file(path).data
    if "stages" in data:
        pytest.skip("a programme file, not a routine")
    assert _schema_errors(data) == []


WALK = {"name": "Walk", "duration": "5 min"}


@pytest.mark.parametrize(
    "data",
    [
        {"exercises": [WALK]},  # no title
        {"title": "T", "exercises": []},
        {"title": "T", "exercises": [WALK], "colour": "red"},
        {"title": "T", "exercises": [{"name": "A", "hold": 5, "tempo": 3}]},
        {"title": "T", "exercises": [{"name": "A", "duration": 60, "reps": 3}]},
        {"title": "T", "exercises": [{"name": "A", "reps": 101}]},
        {"title": "T", "exercises": [{"name": "A", "sides": "both"}]},
        {"title": "T", "exercises": [{"name": "A", "hold": "thirty"}]},
        {"title": "T", "exercises": [{"name": "A", "hold": 3601}]},
        {"title": "T", "exercises": [{"reps": 3}]},  # no name, no use
        {"title": "T", "id": "Not An Id", "exercises": [WALK]},
        {"title": "T", "pain_advice_rise": 11, "exercises": [WALK]},
        {"title": "T", "precautions": ["pregnant"], "exercises": [WALK]},
        {"title": "T", "remind_at": ["8am"], "exercises": [WALK]},
    ],
)
def test_what_the_validator_refuses_the_schema_refuses(data: dict[str, Any]) -> None:
    routine, problems = validate_routine(data, default_id="r", library={})
    assert routine is None and problems
    assert _schema_errors(data)


def test_a_routine_with_every_field_passes_both() -> None:
    data = {
        "title": "Everything",
        "id": "everything",
        "format": 1,
        "description": "All of it.",
        "author": "Dr. Ana Ngo",
        "contact": "01234 567890",
        "frequency": "2x/day",
        "lead_in": "10 s",
        "safety": ["Stop if pain spreads down your leg."],
        "precautions": ["pregnancy"],
        "pain_advice_rise": 3,
        "replaces": ["week-2"],
        "remind_at": ["08:00", "18:30"],
        "exercises": [
            {
                "name": "Knee to chest",
                "instructions": ["Lie on your back."],
                "image": "knee-to-chest.svg",
                "cautions": "Gently.",
                "note": "From the guide.",
                "sides": "alternate",
                "sets": 2,
                "reps": 3,
                "hold": "1m30s",
                "rest": 0,
                "set_rest": "1:00",
                "lead_in": 15,
                "precautions": "stenosis",
            },
            WALK,
        ],
    }
    routine, problems = validate_routine(data, default_id=None, library={})
    assert routine is not None, problems
    assert _schema_errors(data) == []
