"""Author YAML (front matter, sidecars, ``aliases.yml``) read as plain data, with limits.

Only YAML's safe types; a recursive, too deep or too repetitive document is refused as
:class:`YAMLRefused` before anything walks it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .decoding import decode_text
from .errors import SourceError

# Author YAML (front matter, sidecars, aliases.yml) is small. Bigger, deeper or more
# repetitive than this is an accident or an attack (a "billion laughs" expands a few hundred
# bytes of aliases into billions of values), refused before anything walks it.
MAX_YAML_CHARS = 1_000_000
MAX_YAML_VALUES = 100_000  # every value, an alias counted as often as it is used
MAX_YAML_DEPTH = 60


class YAMLRefused(yaml.YAMLError):
    """YAML that parses but is refused: recursive, too big or too repetitive."""


_TAG_NAMES = {
    "tag:yaml.org,2002:timestamp": "a date",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:binary": "binary data",
    "tag:yaml.org,2002:bool": "true/false",
}


_MERGE_TAG = "tag:yaml.org,2002:merge"
_PLAIN_TAG = {yaml.SequenceNode: "tag:yaml.org,2002:seq", yaml.MappingNode: "tag:yaml.org,2002:map"}
_COLLECTION_TAGS = {*_PLAIN_TAG.values()} | {
    f"tag:yaml.org,2002:{t}" for t in ("omap", "pairs", "set")
}


def _single_pairs(node: yaml.Node) -> bool:
    return isinstance(node, yaml.SequenceNode) and all(
        isinstance(item, yaml.MappingNode) and len(item.value) == 1 for item in node.value
    )


def _mergeable(node: yaml.Node) -> bool:
    if isinstance(node, yaml.SequenceNode):
        return all(isinstance(item, yaml.MappingNode) for item in node.value)
    return isinstance(node, yaml.MappingNode)


def _fits_its_tag(node: yaml.Node) -> bool:
    """A list or mapping that its (safe) tag's constructor can read; unknown tags go to
    ``construct_unknown``, which reads anything."""
    tag = node.tag
    if tag not in yaml.SafeLoader.yaml_constructors:
        return True
    if tag in ("tag:yaml.org,2002:omap", "tag:yaml.org,2002:pairs"):
        return _single_pairs(node)
    if tag == "tag:yaml.org,2002:set":
        return isinstance(node, yaml.MappingNode)
    if isinstance(node, yaml.ScalarNode):
        return tag not in _COLLECTION_TAGS
    return tag == _PLAIN_TAG[type(node)]


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing deep nesting while it composes (its composer recurses
    once per level: thousands of ``[`` would end in a slow RecursionError).

    One odd value costs only itself: a scalar its tag cannot read (``2020-02-30``,
    ``!!binary zz``) stays text, an unknown tag (``!!python/object``) is read as the plain
    value under it (nothing is ever constructed from a tag), a key that cannot be a key
    (``? [1]``) is left out, and keys that read as one value (``1`` and ``true``) are named:
    each with a note, never by dropping the whole file."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        self.notes: list[str] = []

    def construct_object(self, node, deep=False):  # noqa: ANN001, ANN201
        if node in self.constructed_objects:
            return super().construct_object(node, deep)
        if isinstance(node, yaml.ScalarNode) and not _fits_its_tag(node):
            # '!!seq abc': the list's constructor fails only later, for the whole file.
            self.notes.append(
                f"'{node.value[:40]}' (line {_line(node)}) tagged '{node.tag[:60]}' is no "
                "list or mapping; kept as text"
            )
            node.tag = "tag:yaml.org,2002:str"
        if not isinstance(node, yaml.ScalarNode):
            if not _fits_its_tag(node):
                # '!!str [a]', '!!omap {a: b}': the tag's constructor would fail on the
                # list or mapping (some only later, for the whole file).
                kind = "list" if isinstance(node, yaml.SequenceNode) else "mapping"
                self.notes.append(
                    f"a {kind} tagged '{node.tag[:60]}' (line {_line(node)}); read as plain data"
                )
                node.tag = _PLAIN_TAG[type(node)]
            return super().construct_object(node, deep)
        try:
            return super().construct_object(node, deep)
        except Exception as exc:  # noqa: BLE001 - PyYAML's scalar constructors raise anything ('!!bool maybe': KeyError)
            self.recursive_objects.pop(node, None)
            what = _TAG_NAMES.get(node.tag, f"'{node.tag}'")
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            self.notes.append(
                f"'{node.value[:40]}' (line {_line(node)}) cannot be read as {what} "
                f"({problem[:80]}); kept as text"
            )
            self.constructed_objects[node] = node.value
            return node.value

    def flatten_mapping(self, node: yaml.MappingNode) -> None:
        # A merge key ('<<') takes a mapping or a list of mappings; anything else is left
        # out (PyYAML would refuse the whole file).
        kept = []
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG and not _mergeable(value_node):
                self.notes.append(
                    f"'<<' (line {_line(key_node)}) merges a mapping or a list of mappings; "
                    "left out"
                )
                continue
            kept.append((key_node, value_node))
        node.value = kept
        super().flatten_mapping(node)

    def construct_unknown(self, node: yaml.Node) -> Any:
        self.notes.append(f"unknown tag '{node.tag[:60]}' (line {_line(node)}); read as plain data")
        if isinstance(node, yaml.SequenceNode):
            return self.construct_sequence(node, deep=True)
        if isinstance(node, yaml.MappingNode):
            return self.construct_mapping(node, deep=True)
        return node.value

    def construct_mapping(self, node, deep=False):  # noqa: ANN001, ANN201
        if not isinstance(node, yaml.MappingNode):
            return super().construct_mapping(node, deep)
        self.flatten_mapping(node)
        mapping: dict[Any, Any] = {}
        spelled: dict[Any, str] = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                hash(key)
            except TypeError:
                line = _line(key_node)
                self.notes.append(f"a key that is a list or mapping (line {line}); left out")
                continue
            text = getattr(key_node, "value", "")
            if key in spelled and spelled[key] != text:
                self.notes.append(
                    f"keys '{spelled[key]}' and '{text}' (line {_line(key_node)}) read as the "
                    "same key; the last wins"
                )
            spelled[key] = text if isinstance(text, str) else ""
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping

    def compose_node(self, parent, index):  # noqa: ANN001, ANN201
        self._depth += 1
        try:
            if self._depth > MAX_YAML_DEPTH:
                raise YAMLRefused(f"nested more than {MAX_YAML_DEPTH} levels deep")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_Loader.add_constructor(None, _Loader.construct_unknown)


def _yaml_children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def _check_yaml(root: yaml.Node, name: str) -> list[str]:
    """Refuses a recursive, too deep or too repetitive node graph (iteratively, so a deep
    one cannot exhaust the stack); warns about duplicate keys, where the last one wins."""
    warnings: list[str] = []
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 0, False)]
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        if done:
            open_nodes.discard(key)
            sizes[key] = 1 + sum(sizes[id(c)] for c in _yaml_children(node))
            if sizes[key] > MAX_YAML_VALUES:
                raise YAMLRefused(f"its aliases expand to more than {MAX_YAML_VALUES:,} values")
            continue
        if key in sizes:
            continue
        if depth > MAX_YAML_DEPTH:
            raise YAMLRefused(f"nested more than {MAX_YAML_DEPTH} levels deep")
        open_nodes.add(key)
        stack.append((node, depth, True))
        if isinstance(node, yaml.MappingNode):
            seen: set[tuple[str, str]] = set()
            for k, _ in node.value:
                if isinstance(k, yaml.ScalarNode) and k.tag != _MERGE_TAG:
                    if (k.tag, k.value) in seen:
                        line = k.start_mark.line + 1
                        warnings.append(f"duplicate key '{k.value}' (line {line}); the last wins")
                    seen.add((k.tag, k.value))
        for child in _yaml_children(node):
            if id(child) in open_nodes:
                mark = child.start_mark.line + 1
                raise YAMLRefused(f"a recursive alias (line {mark}) refers to itself")
            if id(child) not in sizes:
                stack.append((child, depth + 1, False))
    return [f"{name}: {w}" for w in warnings]


def _flow_depth(text: str) -> int:
    """The deepest run of open ``[`` and ``{`` on one line (quotes not told apart: a bound)."""
    if text.count("[") + text.count("{") <= 2 * MAX_YAML_DEPTH:
        return 0
    deepest = 0
    for line in text.splitlines():
        depth = 0
        for ch in line:
            if ch in "[{":
                depth += 1
                deepest = max(deepest, depth)
            elif ch in "]}":
                depth = max(0, depth - 1)
    return deepest


def load_yaml(text: str, name: str) -> tuple[Any, list[str]]:
    """Author YAML as plain data, with warnings (``name: ...``) for what was let through.
    Only YAML's safe types; recursive, oversized or alias-bomb documents raise
    :class:`YAMLRefused`, and text that is not YAML a ``yaml.YAMLError``: never any other
    exception, never after more than a moment. A value that is not what its tag says
    (``2020-02-30``) stays text, with a warning."""
    if len(text) > MAX_YAML_CHARS:
        raise YAMLRefused(f"{len(text):,} characters, more than {MAX_YAML_CHARS:,}")
    if _flow_depth(text) > 2 * MAX_YAML_DEPTH:
        # Before PyYAML: its scanner looks ahead over every open bracket of a line (up to
        # 1,024 characters), which costs seconds for a line of a thousand "[".
        raise YAMLRefused(f"nested more than {MAX_YAML_DEPTH} levels deep")
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, []
        warnings = _check_yaml(node, name)
        data = loader.construct_document(node)
        return data, warnings + [f"{name}: {note}" for note in loader.notes]
    except RecursionError:
        raise YAMLRefused(f"nested more than {MAX_YAML_DEPTH} levels deep") from None
    except (ValueError, TypeError, OverflowError, AttributeError, KeyError) as exc:
        # A guard: each value's errors are caught where it is read (_Loader); this keeps
        # the promise of no other exception for whatever PyYAML may still raise.
        raise yaml.YAMLError(f"a value cannot be read ({exc})") from exc
    finally:
        loader.dispose()


def read_author_yaml(path: Path, name: str, encoding: str | None = None) -> tuple[Any, list[str]]:
    """A sidecar or ``aliases.yml`` as data, with warnings: its bytes decoded as a
    document's are (BOM, UTF-8, else the likeliest legacy code page), since an author's
    editor saves both alike. Raises ``OSError`` or ``yaml.YAMLError`` (``YAMLRefused`` for a
    file refused by size or shape)."""
    data = path.read_bytes()
    if len(data) > MAX_YAML_CHARS:
        raise YAMLRefused(f"{len(data):,} bytes, more than {MAX_YAML_CHARS:,}")
    try:
        text, guessed = decode_text(data, encoding)
    except SourceError as exc:
        raise YAMLRefused(str(exc)) from None
    data, notes = load_yaml(text.replace("\r\n", "\n").replace("\r", "\n"), name)
    return data, ([f"{name}: {guessed}"] if guessed else []) + notes
