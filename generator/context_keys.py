"""The text of a template context's values as a cache key (`page_output`, `search_entries`):
JSON with sorted keys; a value with no stable text (a repr naming a memory address) is no key."""

from __future__ import annotations

import functools
import json
import re
from typing import Any

# A repr that names a memory address differs in every build: such a value is no key.
_ADDRESS = re.compile(r" at 0x[0-9a-f]+")


class Unkeyable(Exception):
    pass


def _default(value: Any) -> Any:
    if isinstance(value, set | frozenset):
        return sorted(map(repr, value))
    if isinstance(value, functools.partial):
        return [_default(value.func), list(value.args), value.keywords]
    code = getattr(value, "__code__", None)
    if code is not None:  # a function in a plugin's settings (a sort key): by its code
        return f"{value.__module__}.{value.__qualname__}:{code.co_filename}:{code.co_firstlineno}"
    text = repr(value)
    if _ADDRESS.search(text):
        raise Unkeyable(text)
    return text


def key_text(value: Any) -> str:
    """Raises `Unkeyable` for a value whose text changes between builds."""
    return json.dumps(value, sort_keys=True, default=_default, ensure_ascii=False)


def toc_key(items: Any) -> list:
    """A page's table of contents (MkDocs' anchor links) as plain lists."""
    return [[a.level, a.id, a.title, toc_key(a.children)] for a in items]
