"""Generated pages whose search-index entries the last build made are not parsed for them again.

Material's search plugin parses every page's HTML (Python's ``html.parser``) to cut it into
the index's sections: about a fifth of a warm build of 1,000 documents (profiled), and more
with story threads and entity links, whose markup is parsed even where it is kept out of
the index. A page's entries depend only on what `SearchIndex.add_entry_from_context` reads:
its HTML, table of contents, URL, title and the front matter's ``title``, ``tags`` and
``search``, and on the plugin (its version and settings, and whether jieba segments
Chinese). `entries_key` keys them by all of these; an unchanged key appends the entries of
the last build, in their order, as the plugin would have made them. Hand-written pages, and
any other search plugin, are left alone.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import sys
from collections.abc import Callable, Collection
from typing import Any, Protocol

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from .context_keys import Unkeyable, key_text, toc_key

_MODULE = "material.plugins.search.plugin"
SEARCH_NAME = "search.sqlite"  # beside the themed pages' cache (`page_output`)


class _Store(Protocol):
    def get(self, key: str) -> str | None: ...
    def put(self, key: str, html: str) -> None: ...


def _plugin_key(plugin: Any) -> str | None:
    module = sys.modules.get(_MODULE)
    try:
        version = importlib.metadata.version("mkdocs-material")
        return key_text([version, dict(plugin.config), getattr(module, "jieba", None) is None])
    except (Unkeyable, importlib.metadata.PackageNotFoundError):
        return None


def entries_key(plugin_key: str, page: Page) -> str | None:
    meta = page.meta
    try:
        text = key_text(
            [
                page.url,
                page.title,
                meta.get("title"),
                meta.get("tags"),
                meta.get("search"),
                toc_key(page.toc),
            ]
        )
    except Unkeyable:
        return None
    digest = hashlib.sha256(f"{plugin_key}\0{text}\0".encode())
    digest.update((page.content or "").encode())
    return digest.hexdigest()


def reuse_entries(config: MkDocsConfig, cache: _Store, generated: Collection[str]) -> None:
    """Wraps the index of Material's search plugin (made in its ``on_config``) so that a
    generated page with an unchanged key gets its entries of the last build."""
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if type(index).__module__ != _MODULE or not hasattr(index, "entries"):
            continue
        plugin_key = _plugin_key(plugin)
        if plugin_key is not None:
            index.add_entry_from_context = _cached(index, plugin_key, cache, generated)


def _entries(kept: str | None) -> list[dict[str, Any]] | None:
    """Stored entries, or None for none or for anything not what was stored (the cache can
    only cost time)."""
    if kept is None:
        return None
    try:
        entries = json.loads(kept)
    except ValueError:
        return None
    if isinstance(entries, list) and all(isinstance(e, dict) for e in entries):
        return entries
    return None


def _cached(
    index: Any, plugin_key: str, cache: _Store, generated: Collection[str]
) -> Callable[[Page], None]:
    original = index.add_entry_from_context

    def add(page: Page) -> None:
        # A page kept out of the index costs the plugin nothing: a key would cost more.
        search = page.meta.get("search")
        excluded = isinstance(search, dict) and search.get("exclude")
        mine = page.file.src_uri in generated and not excluded
        key = entries_key(plugin_key, page) if mine else None
        if key is None:
            return original(page)
        if (entries := _entries(cache.get(key))) is not None:
            index.entries.extend(entries)
            return None
        start = len(index.entries)
        original(page)
        try:
            kept = json.dumps(index.entries[start:], ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError):  # a boost JSON cannot hold as it is: not kept
            return None
        cache.put(key, kept)
        return None

    return add
