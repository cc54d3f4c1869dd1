"""Any valid routine, written by the editor's writer and read back, is the same routine."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from timer_app.core.editor.draft import RoutineDraft, seconds_value, with_dosing
from timer_app.core.plan import build_plan
from timer_app.core.routine import Dosing, Routine, Sides
from timer_app.core.validation.checks import validate_routine
from timer_app.storage.routines.catalog import bundled_folder
from timer_app.storage.yaml.loader import load_yaml_text
from timer_app.storage.yaml.roundtrip import write_yaml_text

# Text as therapists write it, with what YAML treats specially: ": ", "#", quotes,
# leading dashes, "no", numbers, accents.
_WORDS = st.sampled_from(
    ["Knee", "no", "yes", "010", "1:30", "true", "null", "~", "- dash", "#hash", "a: b",
     "'quoted'", '"double"', "Grüße", "1e3", "x", "  ", "|", ">", "&anchor", "*alias", "%", "@"]
)  # fmt: skip
_TEXT = st.lists(_WORDS, min_size=1, max_size=5).map(" ".join).filter(lambda t: t.strip())
_LINES = st.lists(_TEXT, min_size=1, max_size=3).map("\n".join)
_SECONDS = st.integers(1, 600) | st.sampled_from([1.5, 90.5, 3600])
_PAUSE = st.integers(0, 120)
_PERIODS = ["day", "week"]


@st.composite
def _exercise(draw: st.DrawFn) -> dict[str, Any]:
    exercise: dict[str, Any] = {"name": draw(_TEXT)}
    if draw(st.booleans()):
        exercise["sides"] = draw(st.sampled_from([s.value for s in Sides]))
    for field, low, high in (("reps", 1, 12), ("sets", 1, 3)):
        if draw(st.booleans()):
            exercise[field] = draw(st.integers(low, high))
    for field in ("rest", "set_rest", "lead_in"):
        if draw(st.booleans()):
            exercise[field] = draw(_PAUSE.map(seconds_value))
    for field in ("note", "instructions"):
        if draw(st.booleans()):
            exercise[field] = draw(_LINES)
    if draw(st.booleans()):
        exercise["cautions"] = draw(st.lists(_TEXT, min_size=1, max_size=2))
    dosing = draw(st.sampled_from(list(Dosing)))
    return with_dosing(exercise, dosing, draw(_SECONDS))


@st.composite
def _routine_data(draw: st.DrawFn) -> dict[str, Any]:
    fields: dict[str, Any] = {"title": draw(_TEXT)}
    optional = {
        "author": _TEXT,
        "contact": _TEXT,
        "description": _LINES,
        "frequency": st.builds("{}x/{}".format, st.integers(1, 5), st.sampled_from(_PERIODS)),
        "lead_in": _PAUSE.map(seconds_value),
        "safety": st.lists(_TEXT, min_size=1, max_size=3),
        "precautions": st.sampled_from([["pregnancy"], ["stenosis"], ["pregnancy", "stenosis"]]),
        "pain_advice_rise": st.integers(1, 10),
    }
    for field, strategy in optional.items():
        if draw(st.booleans()):
            fields[field] = draw(strategy)
    exercises = draw(st.lists(_exercise(), min_size=1, max_size=4))
    return RoutineDraft(fields, exercises).to_mapping()


def _valid(data: Any) -> Routine | None:
    routine, _ = validate_routine(data, default_id="written", library={})
    return routine


_ORIGINALS = [
    None,
    (bundled_folder() / "core-routine.yaml").read_text(encoding="utf-8"),
    "# mine\ntitle: Old   # old title\nexercises:\n  - name: Walk  # a walk\n    duration: 60\n",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=_routine_data(), original=st.sampled_from(_ORIGINALS))
def test_a_written_routine_reads_back_as_the_same_routine_with_the_same_plan(
    data: dict[str, Any], original: str | None
) -> None:
    routine = _valid(data)
    assume(routine is not None)
    assert routine is not None
    text = write_yaml_text(data, original)
    read_back = load_yaml_text(text).data
    assert read_back == data
    again = _valid(read_back)
    assert again == routine
    assert build_plan(again).steps == build_plan(routine).steps


def test_the_strategy_makes_valid_routines_of_every_dosing() -> None:
    seen: set[Dosing] = set()

    @settings(max_examples=60, deadline=None)
    @given(_routine_data())
    def collect(data: dict[str, Any]) -> None:
        routine = _valid(data)
        if routine is not None:
            seen.update(e.dosing for e in routine.exercises)

    collect()
    assert seen == set(Dosing)
