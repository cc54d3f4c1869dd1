"""Writing a routine file that stays the therapist's own: comments, order and quoting kept.

The strict loader (`loader.py`) stays the only way in; ruamel.yaml is used here
for writing only, in round-trip mode. Given the file's original text, the new
data is laid onto the original's nodes: a value that did not change keeps its
node (its quoting, its block style, the comment on its line), a changed scalar
keeps its line's comment and its quoting style, a removed key goes with its line
and a new key goes after the key it follows in the format's order. So saving an
edit changes only the edited lines.

Whether a value changed is judged by what the strict loader reads from the
original (`010` is ten, `1:30` is text), not by ruamel's own YAML 1.2 reading.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString, ScalarString
from ruamel.yaml.util import load_yaml_guess_indent

from timer_app.storage.yaml.loader import YamlLoadError, load_yaml_text

__all__ = ["write_yaml_text"]

# Wide enough that no line is folded anew: a long safety line stays one line.
_WIDTH = 4096


def write_yaml_text(mapping: Mapping[str, Any], original_text: str | None) -> str:
    """YAML text of `mapping`; with the original file's text, only what changed differs."""
    if original_text is not None:
        written = _onto_original(mapping, original_text)
        if written is not None:
            return written
    return _dump(_writer(), _fresh(mapping), explicit_start=False)


def _writer(*, sequence: int = 4, offset: int = 2) -> YAML:
    """Round-trip ruamel; `  - use: x` (the dash indented under its key) unless the file differs."""
    yaml = YAML(typ="rt")
    yaml.width = _WIDTH
    yaml.preserve_quotes = True
    yaml.allow_unicode = True
    yaml.indent(mapping=2, sequence=max(sequence, offset + 2), offset=offset)
    return yaml


def _dump(yaml: YAML, data: Any, *, explicit_start: bool) -> str:
    yaml.explicit_start = explicit_start
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _onto_original(mapping: Mapping[str, Any], text: str) -> str | None:
    """The original's nodes with the new values laid on; None if it cannot be (then fresh)."""
    try:
        plain = load_yaml_text(text).data
        # The file's own list indentation: ruamel guesses it, then reads with quotes kept.
        _, sequence, offset = load_yaml_guess_indent(text)
        yaml = _writer(
            sequence=4 if sequence is None else sequence, offset=2 if offset is None else offset
        )
        node = yaml.load(text)
    except YamlLoadError:  # a file the strict loader refuses: nothing of it to keep
        return None
    except Exception:  # ruamel refused it (or failed on it): written afresh, never lost
        return None
    if not isinstance(node, CommentedMap) or not isinstance(plain, dict):
        return None
    merged = _merge(node, plain, mapping)
    return _dump(yaml, merged, explicit_start=text.lstrip().startswith("---"))


def _same(a: Any, b: Any) -> bool:
    """Equal as the strict loader's data: `True` is not `1`, a list not a tuple's text."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        # The order of fields means nothing to the loader; the file's order is kept.
        return set(a) == set(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, str) != isinstance(b, str):
        return False
    return bool(a == b)


def _merge(node: Any, plain: Any, new: Any) -> Any:
    if _same(plain, new):
        return node
    if isinstance(new, Mapping) and isinstance(node, CommentedMap) and isinstance(plain, dict):
        return _merge_map(node, plain, new)
    if (
        isinstance(new, Sequence)
        and not isinstance(new, str)
        and isinstance(node, CommentedSeq)
        and isinstance(plain, list)
    ):
        return _merge_seq(node, plain, list(new))
    return _scalar(node, new)


def _merge_map(node: CommentedMap, plain: dict[Any, Any], new: Mapping[str, Any]) -> CommentedMap:
    for key in [k for k in node if k not in new]:
        del node[key]
    before: list[str] = []
    for key, value in new.items():
        if key in node:
            merged = _merge(node[key], plain.get(key), value)
            if merged is not node[key]:
                node[key] = merged
        else:
            # After the last of the fields it follows: `author` goes under `title`.
            keys = list(node)
            position = max((keys.index(k) + 1 for k in before if k in node), default=0)
            node.insert(position, key, _fresh(value))
        before.append(key)
    return node


def _merge_seq(node: CommentedSeq, plain: list[Any], new: list[Any]) -> CommentedSeq:
    """Items kept, moved, changed, added or removed, each old item's comments with it."""
    used: set[int] = set()
    source: list[int | None] = [None] * len(new)
    # First the unchanged items, wherever they moved (a reorder keeps each one whole).
    for j, item in enumerate(new):
        order = [j, *range(len(plain))] if j < len(plain) else range(len(plain))
        found = next((i for i in order if i not in used and _same(plain[i], item)), None)
        if found is not None:
            source[j] = found
            used.add(found)
    # Then an edited item takes the place of the old one it most likely was.
    for j, item in enumerate(new):
        if source[j] is not None:
            continue
        if isinstance(item, Mapping):
            spare = [i for i in range(len(plain)) if i not in used and isinstance(plain[i], dict)]
            if spare:
                source[j] = min(spare, key=lambda i: _likeness(plain[i], item, i - j))
        elif j < len(plain) and j not in used and not isinstance(plain[j], dict | list):
            source[j] = j  # a changed line of text, in its place
        picked = source[j]
        if picked is not None:
            used.add(picked)
    old_items, old_comments = list(node), dict(node.ca.items)
    if source == list(range(len(plain))):
        for j, item in enumerate(new):
            merged = _merge(old_items[j], plain[j], item)
            if merged is not old_items[j]:
                node[j] = merged
        return node
    items = [
        _fresh(item) if i is None else _merge(old_items[i], plain[i], item)
        for i, item in zip(source, new, strict=True)
    ]
    del node[:]
    node.extend(items)
    node.ca.items.clear()
    for j, i in enumerate(source):
        if i is not None and i in old_comments:
            node.ca.items[j] = old_comments[i]
    return node


def _likeness(old: dict[Any, Any], new: Mapping[str, Any], moved: int) -> tuple[int, int]:
    """Smaller is likelier the same exercise: the same `use` or name first, then nearby."""
    same = any(k in new and _same(old.get(k), new[k]) for k in ("use", "name"))
    return (0 if same else 1, abs(moved))


def _scalar(node: Any, new: Any) -> Any:
    # A changed text keeps the style it was written in (quoted, or a `|` block).
    if isinstance(new, str) and isinstance(node, ScalarString) and type(node) is not str:
        return type(node)(new)
    return _fresh(new)


def _fresh(value: Any) -> Any:
    """A new value as ruamel should write it: block style, several lines as a `|` block."""
    if isinstance(value, Mapping):
        out = CommentedMap()
        for key, item in value.items():
            out[key] = _fresh(item)
        return out
    if isinstance(value, list | tuple):
        return CommentedSeq(_fresh(item) for item in value)
    if isinstance(value, str) and "\n" in value.strip("\n") and _literal_safe(value):
        return LiteralScalarString(value)
    return value


def _literal_safe(text: str) -> bool:
    # A `|` block cannot say trailing spaces, tabs or leading blanks exactly: quote those.
    lines = text.split("\n")
    return (
        all(line == line.rstrip() and "\t" not in line for line in lines) and not text[:1].isspace()
    )
