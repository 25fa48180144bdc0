"""Author YAML (front matter, sidecars, ``aliases.yml``) read as plain data, with limits.

Only YAML's safe types; a recursive, too deep or too repetitive document is refused as
:class:`YAMLRefused` before anything walks it.
"""

from __future__ import annotations

from typing import Any

import yaml

# Author YAML (front matter, sidecars, aliases.yml) is small. Bigger, deeper or more
# repetitive than this is an accident or an attack (a "billion laughs" expands a few hundred
# bytes of aliases into billions of values), refused before anything walks it.
MAX_YAML_CHARS = 1_000_000
MAX_YAML_VALUES = 100_000  # every value, an alias counted as often as it is used
MAX_YAML_DEPTH = 60


class YAMLRefused(yaml.YAMLError):
    """YAML that parses but is refused: recursive, too big or too repetitive."""


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing deep nesting while it composes (its composer recurses
    once per level: thousands of ``[`` would end in a slow RecursionError)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):  # noqa: ANN001, ANN201
        self._depth += 1
        try:
            if self._depth > MAX_YAML_DEPTH:
                raise YAMLRefused(f"nested more than {MAX_YAML_DEPTH} levels deep")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


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
                if isinstance(k, yaml.ScalarNode) and k.tag != "tag:yaml.org,2002:merge":
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
    :class:`YAMLRefused`, and a value that is not what its tag says (``2020-02-30``) a
    ``yaml.YAMLError``: never any other exception, never after more than a moment."""
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
        return loader.construct_document(node), warnings
    except RecursionError:
        raise YAMLRefused(f"nested more than {MAX_YAML_DEPTH} levels deep") from None
    except (ValueError, TypeError, OverflowError) as exc:
        # SafeConstructor lets a few of these through: `2020-02-30` matches the date pattern.
        raise yaml.YAMLError(f"a value cannot be read ({exc})") from exc
    finally:
        loader.dispose()
