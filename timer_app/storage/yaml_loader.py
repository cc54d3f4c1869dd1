"""Read one YAML file into plain data plus the line and column of every value.

The only module that imports yaml. It never builds Python objects from tags: it
walks the parser's *events* (libyaml's C parser when available, else PyYAML's pure
Python one) and composes the data itself, iteratively, so it can

- refuse files over 1 MiB before parsing, and nesting deeper than `MAX_DEPTH` or
  aliases that would expand past `MAX_NODES` as soon as the parser reaches them
  (libyaml's own composer crashes on 20,000-deep nesting, PyYAML's recurses);
- report duplicate keys, which PyYAML silently resolves to the last one;
- resolve plain scalars with a small, unsurprising schema: only true/false are
  booleans, so `no`, `yes`, `on` stay text; numbers are decimal (`010` is ten, never
  eight) and `1:30` is text, never 90 (YAML 1.1's surprises must not change a
  routine); hex, octal and `1e3` stay text;
- record `path -> (line, col)` (1-based): for a mapping entry, where its key starts;
  for a list item or the whole document, where the value starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

_EventParser: Any
try:  # libyaml's event parser: fast, and safe on deep input since we stop early
    from yaml._yaml import CParser as _EventParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _EventParser = None

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 50
MAX_NODES = 100_000

PathKey = tuple[str | int, ...]
Location = tuple[int, int]

_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_TAG + name for name in ("str", "int", "float", "bool", "null", "seq", "map")}
_NULL = re.compile(r"~|null|Null|NULL|")
_TRUE = re.compile(r"true|True|TRUE")
_FALSE = re.compile(r"false|False|FALSE")
_INT = re.compile(r"[-+]?[0-9]+")
# Floats need a dot: `1e3` stays text, as YAML 1.1 and PyYAML's dumper assume.
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+\.[0-9]*)([eE][-+][0-9]+)?")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)")
_NAN = re.compile(r"\.(nan|NaN|NAN)")


@dataclass(frozen=True)
class YamlProblem:
    """One problem in a file; `line`/`col` are 1-based, None when about the whole file."""

    message: str
    hint: str | None = None
    line: int | None = None
    col: int | None = None


class YamlLoadError(Exception):
    def __init__(self, problems: list[YamlProblem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


@dataclass
class LoadedYaml:
    data: Any
    locations: dict[PathKey, Location] = field(default_factory=dict)
    raw: bytes = b""

    def location_of(self, path: PathKey) -> Location:
        """Where `path` is, or its nearest enclosing value (a missing field's mapping)."""
        for end in range(len(path), -1, -1):
            found = self.locations.get(path[:end])
            if found is not None:
                return found
        return (1, 1)


def read_limited(path: Path) -> bytes:
    """The file's bytes, refusing folders, unreadable files and files over 1 MiB."""
    try:
        if path.is_dir():
            raise YamlLoadError([YamlProblem("this is a folder, not a routine file")])
        if path.stat().st_size > MAX_BYTES:
            raise YamlLoadError([_too_big()])
        with path.open("rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise YamlLoadError([YamlProblem("no such file")]) from None
    except PermissionError:
        raise YamlLoadError([YamlProblem("can't read this file: permission denied")]) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise YamlLoadError([YamlProblem(f"can't read this file: {reason}")]) from None
    if len(raw) > MAX_BYTES:  # grew, or a special file that does not report its size
        raise YamlLoadError([_too_big()])
    return raw


def _too_big() -> YamlProblem:
    return YamlProblem(
        "the file is larger than 1 MiB; a routine file is a few kilobytes",
        "check that this is the right file",
    )


def load_yaml_file(path: Path) -> LoadedYaml:
    raw = read_limited(path)
    loaded = load_yaml_bytes(raw)
    loaded.raw = raw
    return loaded


def load_yaml_bytes(raw: bytes) -> LoadedYaml:
    return load_yaml_text(_decode(raw))


def _decode(raw: bytes) -> str:
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw  # editors' byte-order mark
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        before = body[: error.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        col = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        raise YamlLoadError(
            [
                YamlProblem(
                    f"the file is not UTF-8 text (byte 0x{body[error.start]:02x})",
                    "save it as UTF-8 in your editor",
                    line,
                    col,
                )
            ]
        ) from None


def load_yaml_text(text: str) -> LoadedYaml:
    if len(text) > MAX_BYTES:
        raise YamlLoadError([_too_big()])
    try:
        return _Composer(text).compose()
    except yaml.MarkedYAMLError as error:
        raise YamlLoadError([_syntax_problem(error, text)]) from None
    except yaml.YAMLError as error:  # e.g. a reader error: control characters
        raise YamlLoadError([_reader_problem(error, text)]) from None


def _parser(text: str) -> Any:
    if _EventParser is not None:
        return _EventParser(text)
    return yaml.SafeLoader(text)


@dataclass
class _Open:
    """A mapping or list still being filled."""

    container: Any
    path: PathKey
    nodes_before: int
    anchor: str | None
    key: str | None = None
    duplicate: bool = False


class _Composer:
    """Builds plain data from events without recursion, checking limits as it goes."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.parser = _parser(text)
        self.locations: dict[PathKey, Location] = {}
        self.problems: list[YamlProblem] = []
        self.anchors: dict[str, tuple[Any, int]] = {}  # anchor -> (value, node count)
        self.nodes = 0

    def compose(self) -> LoadedYaml:
        self._next()  # StreamStart
        event = self._next()
        if isinstance(event, yaml.StreamEndEvent):
            raise YamlLoadError([self._empty_problem()])
        data = self._document()
        self._next()  # DocumentEnd
        event = self._next()
        if not isinstance(event, yaml.StreamEndEvent):
            line, col = _mark(event.start_mark)
            self.problems.append(
                YamlProblem(
                    f"the file holds more than one YAML document (a second starts on line {line})",
                    "a routine file holds one routine; remove the '---' line or split the file",
                    line,
                    col,
                )
            )
        if self.problems:
            raise YamlLoadError(self.problems)
        if data is None:
            raise YamlLoadError([self._empty_problem()])
        return LoadedYaml(data=data, locations=self.locations)

    def _empty_problem(self) -> YamlProblem:
        if self.text.strip():
            return YamlProblem(
                "the file has only comments, no routine",
                "add fields such as title: and exercises:",
                1,
                1,
            )
        return YamlProblem("the file is empty", "add fields such as title: and exercises:", 1, 1)

    def _next(self) -> Any:
        return self.parser.get_event()

    def _document(self) -> Any:
        stack: list[_Open] = []
        event = self._next()
        self.locations[()] = _mark(event.start_mark)
        root = self._value(event, (), stack)
        while stack:
            event = self._next()
            top = stack[-1]
            if isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                stack.pop()
                if top.anchor is not None:
                    self.anchors[top.anchor] = (top.container, self.nodes - top.nodes_before)
                continue
            if isinstance(top.container, dict):
                if top.key is None:
                    top.key, top.duplicate = self._key(event, top.container, top.path)
                    continue
                value = self._value(event, (*top.path, top.key), stack)
                if not top.duplicate:
                    top.container[top.key] = value
                top.key = None
            else:
                child = (*top.path, len(top.container))
                self.locations[child] = _mark(event.start_mark)
                top.container.append(self._value(event, child, stack))
        return root

    def _key(self, event: Any, mapping: dict[str, Any], path: PathKey) -> tuple[str, bool]:
        """The field name, and whether it repeats one already given."""
        line, col = _mark(event.start_mark)
        if not isinstance(event, yaml.ScalarEvent):
            raise YamlLoadError(
                [
                    YamlProblem(
                        "a field name must be plain text, not a list, a group of fields "
                        "or an alias",
                        "write field: value",
                        line,
                        col,
                    )
                ]
            )
        self._check_tag(event)
        key: str = event.value
        if key in mapping or (*path, key) in self.locations:
            first = self.locations.get((*path, key), (line, col))
            self.problems.append(
                YamlProblem(
                    f"the field '{key}' is given twice (first on line {first[0]})",
                    "keep only one: YAML would silently use the last",
                    line,
                    col,
                )
            )
            return key, True
        self.locations[(*path, key)] = (line, col)
        return key, False

    def _value(self, event: Any, path: PathKey, stack: list[_Open]) -> Any:
        if isinstance(event, yaml.AliasEvent):
            return self._alias(event)
        self._count(event, 1)
        self._check_tag(event)
        anchor = getattr(event, "anchor", None)
        if isinstance(event, yaml.ScalarEvent):
            value = _resolve(event)
            if anchor:
                self.anchors[anchor] = (value, 1)
            return value
        if len(stack) >= MAX_DEPTH:
            raise YamlLoadError([_too_deep(*_mark(event.start_mark))])
        collection: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
        stack.append(_Open(collection, path, self.nodes - 1, anchor))
        return collection

    def _alias(self, event: Any) -> Any:
        found = self.anchors.get(event.anchor)
        line, col = _mark(event.start_mark)
        if found is None:
            raise YamlLoadError(
                [
                    YamlProblem(
                        f"'*{event.anchor}' refers to an anchor '&{event.anchor}' "
                        "that is not defined before it",
                        None,
                        line,
                        col,
                    )
                ]
            )
        value, size = found
        self._count(event, size)
        return value  # shared, never copied: the size check bounds what readers walk

    def _count(self, event: Any, size: int) -> None:
        self.nodes += size
        if self.nodes > MAX_NODES:
            line, col = _mark(event.start_mark)
            raise YamlLoadError(
                [
                    YamlProblem(
                        f"the file expands to more than {MAX_NODES:,} values "
                        "(aliases '*' repeating anchors '&')",
                        "a routine needs only a few dozen values; remove the aliases",
                        line,
                        col,
                    )
                ]
            )

    def _check_tag(self, event: Any) -> None:
        tag = getattr(event, "tag", None)
        if tag is None or tag == "!" or tag in _ALLOWED_TAGS:
            return
        line, col = _mark(event.start_mark)
        shown = "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag
        raise YamlLoadError(
            [
                YamlProblem(
                    f"the tag '{shown}' is not allowed in a routine file",
                    "remove it: routine files hold only text, numbers, lists and fields",
                    line,
                    col,
                )
            ]
        )


def _mark(mark: Any) -> Location:
    return (mark.line + 1, mark.column + 1)


def _resolve(event: Any) -> Any:
    """A scalar's value: YAML 1.2 core schema for plain scalars; quoted ones are text."""
    value: str = event.value
    tag = event.tag
    plain = event.implicit[0] and tag is None
    if tag is not None and tag != "!":
        return _resolve_tagged(value, tag, event)
    if not plain:
        return value
    if _NULL.fullmatch(value):
        return None
    if _TRUE.fullmatch(value):
        return True
    if _FALSE.fullmatch(value):
        return False
    if _INT.fullmatch(value):
        return int(value, 10)
    if _FLOAT.fullmatch(value):
        return float(value)
    if _INF.fullmatch(value):
        return float("-inf") if value.startswith("-") else float("inf")
    if _NAN.fullmatch(value):
        return float("nan")
    return value


def _resolve_tagged(value: str, tag: str, event: Any) -> Any:
    name = tag[len(_TAG) :]
    if name == "str":
        return value
    resolved = _resolve(_PlainScalar(value))
    expected = {"int": int, "float": float, "bool": bool, "null": type(None)}.get(name)
    if expected is float and isinstance(resolved, int) and not isinstance(resolved, bool):
        resolved = float(resolved)
    if expected is None or type(resolved) is not expected:
        line, col = _mark(event.start_mark)
        raise YamlLoadError(
            [YamlProblem(f"'{value}' is not a valid !!{name}", "remove the tag", line, col)]
        )
    return resolved


@dataclass
class _PlainScalar:
    value: str
    tag: None = None
    implicit: tuple[bool, bool] = (True, False)


def _syntax_problem(error: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    problem = error.problem or "is not valid YAML"
    mark = error.problem_mark or error.context_mark
    context = error.context or ""
    line, col = _mark(mark) if mark is not None else (1, 1)
    lowered = problem.lower()
    if "tab" in lowered or _char_at(text, line, col) == "\t":
        return YamlProblem(
            "a tab is used for indentation; YAML needs spaces",
            "replace the tab with spaces",
            line,
            col,
        )
    if "quoted scalar" in context and "end of stream" in lowered:
        start = error.context_mark
        line, col = _mark(start) if start is not None else (line, col)
        return YamlProblem(
            "a quote opened here is never closed",
            "add the closing quote at the end of the text",
            line,
            col,
        )
    if "maximum nesting depth" in lowered:
        # libyaml 0.2.6 and later scan ahead and stop at 1000 levels before
        # our own event-by-event check sees the 51st.
        return _too_deep(line, col)
    if "mapping values are not allowed" in lowered:
        return YamlProblem(
            "unexpected ':' — a value can't start a new field on the same line",
            "put the text in quotes if it contains ': ', or start a new line",
            line,
            col,
        )
    if "could not find expected ':'" in lowered or "expected ':'" in lowered:
        return YamlProblem(
            "a line here is not a 'field: value' pair",
            "check the indentation and the ':' after each field name",
            line,
            col,
        )
    if "expected <block end>" in lowered or "did not find expected" in lowered:
        return YamlProblem(
            "the indentation here does not line up with the lines above",
            "indent fields of the same level by the same number of spaces",
            line,
            col,
        )
    where = f" ({context})" if context else ""
    return YamlProblem(f"this is not valid YAML: {problem}{where}", None, line, col)


def _too_deep(line: int, col: int) -> YamlProblem:
    return YamlProblem(
        f"the file is nested more than {MAX_DEPTH} levels deep",
        "a routine needs only a few levels; check the indentation",
        line,
        col,
    )


def _char_at(text: str, line: int, col: int) -> str:
    lines = text.splitlines()
    if 0 < line <= len(lines) and 0 < col <= len(lines[line - 1]):
        return lines[line - 1][col - 1]
    return ""


def _reader_problem(error: yaml.YAMLError, text: str) -> YamlProblem:
    if isinstance(error, yaml.reader.ReaderError):
        before = text[: error.position]
        line = before.count("\n") + 1
        col = error.position - (before.rfind("\n") + 1) + 1
        return YamlProblem(
            f"the file holds a control character (code {error.character!r}) that is not text",
            "remove it, or save the file again as plain UTF-8 text",
            line,
            col,
        )
    return YamlProblem(f"this is not valid YAML: {error}")
