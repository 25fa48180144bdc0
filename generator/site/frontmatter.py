"""A generated page's YAML front matter, written by PyYAML's safe emitter."""

from __future__ import annotations

from typing import Any

import yaml

from ..sources import passthrough


def _escape_for_theme(value: str) -> str:
    """``&``, ``<``, ``>`` and ``"`` as entities: enough for element text and double-quoted
    attributes (where Material puts these values); apostrophes stay as they are, so feeds
    and tooltips keep "Trump's" readable."""
    return (
        value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def front_matter(meta: dict[str, Any]) -> str:
    """YAML front matter for MkDocs. Themes insert ``title`` and ``description`` as raw HTML
    (Material does, into ``<h1>``, the nav and a ``content`` attribute), so those two are
    HTML-escaped here, on one line without control characters (feeds are XML, where most of
    them are not allowed). The tags plugin renders tags too: a tag with ``<``, ``>``, ``"`` or
    what reads as a character reference is left out; a bare ``&`` (``AT&T``) is harmless."""
    meta = dict(meta)
    for key in ("title", "description"):
        if isinstance(meta.get(key), str):
            meta[key] = _escape_for_theme(passthrough.one_line(meta[key]))
    if isinstance(meta.get("tags"), list):
        meta["tags"] = [t for t in meta["tags"] if not passthrough.UNSAFE_TAG.search(str(t))]
    dumped = yaml.safe_dump(_no_nel(meta), sort_keys=False, allow_unicode=True, width=1000)
    return "---\n" + dumped + "---\n\n"


def _no_nel(value: Any) -> Any:
    """PyYAML folds a NEL (U+0085) inside a single-quoted scalar into a space and the text no
    longer round-trips; it is a line break, so it becomes a space before emitting."""
    if isinstance(value, str):
        return value.replace("\x85", " ")
    if isinstance(value, list):
        return [_no_nel(v) for v in value]
    if isinstance(value, dict):
        return {k: _no_nel(v) for k, v in value.items()}
    return value
