"""Compose plain data and its locations from PyYAML's parser events, within limits.

Part of the YAML loader (`yaml/loader.py`; “Where things live” in docs/design.md): one
of the few storage modules behind it that may import yaml, here for the event types. It
never builds Python objects from tags, and it walks the events iteratively so it can
stop at `MAX_DEPTH` nesting or `MAX_NODES` values (aliases included) as soon as the
parser reaches them, and report a field given twice, which PyYAML silently resolves to
the last one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from timer_app.core.validation.messages import echo
from timer_app.storage.yaml.errors import (
    MAX_DEPTH,
    MAX_NODES,
    Location,
    YamlLoadError,
    YamlProblem,
    location,
    too_deep,
)
from timer_app.storage.yaml.scalars import check_tag, resolve

PathKey = tuple[str | int, ...]


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


@dataclass
class _Open:
    """A mapping or list still being filled."""

    container: Any
    path: PathKey
    nodes_before: int
    anchor: str | None
    key: str | None = None
    duplicate: bool = False


class Composer:
    """Builds plain data from events without recursion, checking limits as it goes.

    `parser` is an event parser over `text` (libyaml's or PyYAML's pure-Python one);
    the loader chooses it.
    """

    def __init__(self, text: str, parser: Any) -> None:
        self.text = text
        self.parser = parser
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
            line, col = location(event.start_mark)
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
        self.locations[()] = location(event.start_mark)
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
                self.locations[child] = location(event.start_mark)
                top.container.append(self._value(event, child, stack))
        return root

    def _key(self, event: Any, mapping: dict[str, Any], path: PathKey) -> tuple[str, bool]:
        """The field name, and whether it repeats one already given."""
        line, col = location(event.start_mark)
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
        check_tag(event)
        key: str = event.value
        if key in mapping or (*path, key) in self.locations:
            first = self.locations.get((*path, key), (line, col))
            self.problems.append(
                YamlProblem(
                    f"the field '{echo(key)}' is given twice (first on line {first[0]})",
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
        check_tag(event)
        anchor = getattr(event, "anchor", None)
        if isinstance(event, yaml.ScalarEvent):
            value = resolve(event)
            if anchor:
                self.anchors[anchor] = (value, 1)
            return value
        if len(stack) >= MAX_DEPTH:
            raise YamlLoadError([too_deep(*location(event.start_mark))])
        collection: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
        stack.append(_Open(collection, path, self.nodes - 1, anchor))
        return collection

    def _alias(self, event: Any) -> Any:
        found = self.anchors.get(event.anchor)
        line, col = location(event.start_mark)
        if found is None:
            raise YamlLoadError(
                [
                    YamlProblem(
                        f"'*{echo(event.anchor)}' refers to an anchor '&{echo(event.anchor)}' "
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
            line, col = location(event.start_mark)
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
