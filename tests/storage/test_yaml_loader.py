"""The YAML loader: plain data, exact locations, and no YAML 1.1 surprises."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from timer_app.storage.yaml import loader as yaml_loader
from timer_app.storage.yaml.loader import (
    YamlLoadError,
    load_yaml_bytes,
    load_yaml_file,
    load_yaml_text,
)

ROUTINE = """\
title: Morning
exercises:
  - name: Tilt
    reps: 15
  - use: walking
    duration: 5 min
"""


@pytest.fixture(params=["libyaml", "pure-python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with libyaml's event parser and with PyYAML's pure-Python one."""
    if request.param == "pure-python":
        monkeypatch.setattr(yaml_loader, "_EventParser", None)
    elif yaml_loader._EventParser is None:
        pytest.skip("PyYAML without libyaml")
    return str(request.param)


def test_data_and_locations(parser: str) -> None:
    loaded = load_yaml_text(ROUTINE)
    assert loaded.data == {
        "title": "Morning",
        "exercises": [{"name": "Tilt", "reps": 15}, {"use": "walking", "duration": "5 min"}],
    }
    assert loaded.locations[()] == (1, 1)
    assert loaded.locations[("title",)] == (1, 1)
    assert loaded.locations[("exercises", 0)] == (3, 5)
    assert loaded.locations[("exercises", 1, "duration")] == (6, 5)
    # A missing field is reported where its mapping is.
    assert loaded.location_of(("exercises", 1, "name")) == (5, 5)


def test_yaml_1_1_surprises_do_not_happen(parser: str) -> None:
    loaded = load_yaml_text(
        "a: no\nb: yes\nc: on\nd: 010\ne: 1:30\nf: true\ng: ~\nh: 1.5\ni: 0x1F\nj: 1e3\n"
        "k: 2024-01-01\nl: -3\nm: .5\nn: '3'\n"
    )
    assert loaded.data == {
        "a": "no",
        "b": "yes",
        "c": "on",
        "d": 10,
        "e": "1:30",
        "f": True,
        "g": None,
        "h": 1.5,
        "i": "0x1F",
        "j": "1e3",
        "k": "2024-01-01",
        "l": -3,
        "m": 0.5,
        "n": "3",
    }


def test_standard_tags_are_allowed(parser: str) -> None:
    assert load_yaml_text("a: !!str 10\nb: !!float 3\nc: !!int '4'\n").data == {
        "a": "10",
        "b": 3.0,
        "c": 4,
    }


def test_anchors_and_aliases_share_values(parser: str) -> None:
    loaded = load_yaml_text("a: &steps [one, two]\nb: *steps\n")
    assert loaded.data == {"a": ["one", "two"], "b": ["one", "two"]}


def test_bom_crlf_and_non_ascii(tmp_path: Path, parser: str) -> None:
    path = tmp_path / "r.yaml"
    path.write_bytes("\ufefftitle: Étirement — dos\r\nnote: 背中\r\n".encode())
    loaded = load_yaml_file(path)
    assert loaded.data == {"title": "Étirement — dos", "note": "背中"}
    assert loaded.locations[("note",)] == (2, 1)
    assert loaded.raw.startswith(b"\xef\xbb\xbf")


def test_columns_count_characters_not_bytes(parser: str) -> None:
    loaded = load_yaml_text("list: [é, ü, x]\n")
    assert loaded.locations[("list", 2)] == (1, 14)


def test_errors_are_located_with_either_parser(parser: str) -> None:
    with pytest.raises(YamlLoadError) as caught:
        load_yaml_text("a: 1\nb:\n\t- x\n")
    (problem,) = caught.value.problems
    assert (problem.line, problem.col) == (3, 1)
    assert problem.message == "a tab is used for indentation; YAML needs spaces"


def test_deep_nesting_with_either_parser(parser: str) -> None:
    with pytest.raises(YamlLoadError) as caught:
        load_yaml_text("[" * 20_000 + "]" * 20_000)
    assert "nested more than 50 levels" in caught.value.problems[0].message


def test_utf8_error_after_a_bom_counts_columns_from_the_text() -> None:
    with pytest.raises(YamlLoadError) as caught:
        load_yaml_bytes(b"\xef\xbb\xbfab\xff")
    (problem,) = caught.value.problems
    assert (problem.line, problem.col) == (1, 3)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_loads_or_gives_located_problems(text: str) -> None:
    try:
        load_yaml_text(text)
    except YamlLoadError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.message
            assert problem.line is None or (problem.line >= 1 and problem.col is not None)


yaml_ish = st.text(alphabet="ab:-[]{}&*!#'\"\n\t ,?|>%@`~0123456789.", max_size=80)


@settings(max_examples=300, deadline=None)
@given(yaml_ish)
def test_yaml_punctuation_soup_never_escapes_as_another_error(text: str) -> None:
    try:
        load_yaml_text(text)
    except YamlLoadError as error:
        assert error.problems


# NEL and the Unicode line separators are line breaks to YAML; PyYAML's own dumper
# does not round-trip them either.
plain_text = st.text(
    st.characters(blacklist_characters="\x85\u2028\u2029", blacklist_categories=("Cs",)),
    max_size=20,
)
scalars = st.one_of(
    plain_text,
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.none(),
    st.sampled_from(["no", "yes", "on", "off", "010", "1:30", "null", "~", "0x1F", "1e3", "y"]),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(plain_text.filter(bool), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(plain_text.filter(bool), values, max_size=5))
def test_what_safe_dump_writes_is_read_back_exactly(data: dict[str, object]) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    assert load_yaml_text(text).data == _as_decimal_reads(data)


# The one known difference: "08" is no YAML 1.1 number (not octal, a leading zero),
# so PyYAML writes it bare, and the loader reads bare digits as decimal ("010" is
# ten): a therapist's `hold: 08` is eight seconds. Hypothesis found it (`{'0': '08'}`).
_NOT_OCTAL_DIGITS = re.compile(r"[-+]?0[0-9]*[89][0-9]*")


def _as_decimal_reads(value: object) -> object:
    """`value` as the loader reads what safe_dump wrote of it."""
    if isinstance(value, str) and _NOT_OCTAL_DIGITS.fullmatch(value):
        return int(value, 10)
    if isinstance(value, list):
        return [_as_decimal_reads(item) for item in value]
    if isinstance(value, dict):
        return {key: _as_decimal_reads(item) for key, item in value.items()}  # keys stay text
    return value
