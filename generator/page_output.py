"""Generated pages whose themed HTML an earlier build made are not run through the theme again.

With the HTML cache (`page_html`) a warm build converts no Markdown; what was left of a
generated page's cost was mostly the theme: Material's templates took about 1.3 ms of the
2 ms a place or organization page cost a warm build of 1,000 documents (profiled). The
theme's output depends only on the template context: the page (its HTML, table of contents,
title, front matter, URLs and neighbours), the nav, the config, the theme's templates and
what plugins add to the context. `OutputCache` keys a page's output by all of these, read
after every plugin has changed the context (`on_page_context`), and by the code of every
plugin and hook; an unchanged key gets the output of the last build, through a template
(`TEMPLATE`) that renders the theme's own ``main.html`` when it has none. A context it
cannot read into a key (a value whose text changes between builds) is rendered as always,
and so is every page when a theme folder of the user's own reads the build date.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import logging
import os
import re
import sqlite3
import sys
import types
import zlib
from collections.abc import Collection
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, DictLoader, Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from .context_keys import Unkeyable, key_text, toc_key
from .search_entries import SEARCH_NAME, reuse_entries

log = logging.getLogger("mkdocs.plugins.summaries")

TEMPLATE = "summaries-page.html"
# The theme's own page when this build has no output for the page (an include renders
# main.html with this context, byte for byte as MkDocs would).
_SOURCE = (
    "{% if summaries_output is defined and summaries_output is not none %}"
    "{{ summaries_output }}{% else %}"
    '{% include "main.html" %}{% endif %}'
)
OUTPUT_VAR = "summaries_output"
# What `get_context` gives every page; anything else in a context a plugin added.
_STANDARD = {
    "nav", "pages", "base_url", "extra_css", "extra_javascript", "mkdocs_version",
    "build_date_utc", "config", "page", OUTPUT_VAR,
}  # fmt: skip
_BUILD_DATE = re.compile(r"build_date_utc|update_date")


def _versioned() -> list[Path]:
    """Where MkDocs and Material are installed (their versions are in `page_html.site_key`)."""
    found = []
    for name in ("mkdocs", "material"):
        spec = importlib.util.find_spec(name)
        if spec is not None:
            found += [Path(p).resolve() for p in spec.submodule_search_locations or []]
    return found


def _nav_items(items: list) -> list:
    out: list = []
    for item in items:
        if isinstance(item, Section):
            out.append(["S", item.title, _nav_items(item.children)])
        elif isinstance(item, Link):
            out.append(["L", item.title, item.url])
        else:
            out.append(["P", item.title, item.file.src_uri, item.url])
    return out


def install(env: Environment) -> Environment:
    env.loader = ChoiceLoader([DictLoader({TEMPLATE: _SOURCE}), env.loader])  # type: ignore[list-item]
    return env


def site_output_key(site_key: str, config: MkDocsConfig, nav: Navigation) -> str | None:
    """What every page's themed output depends on besides the page: `page_html.site_key`
    (Markdown settings, versions, every file and URL), the config, the theme and its own
    templates, the plugins' settings and the nav; None when the output cannot be reused (a
    user's template reads the build date, or a setting has no stable text)."""
    digest = hashlib.sha256(site_key.encode())
    theme = config.theme
    try:
        settings = {
            k: v for k, v in config.items() if k not in ("plugins", "theme", "nav", "hooks")
        }
        digest.update(key_text(settings).encode())
        digest.update(key_text([theme.name, dict(theme), theme.dirs]).encode())
        plugins = {n: dict(getattr(p, "config", None) or {}) for n, p in config.plugins.items()}
        digest.update(key_text(plugins).encode())
        digest.update(key_text(_code_stamp(config.plugins.values())).encode())
        digest.update(key_text(_nav_items(nav.items)).encode())
    except Unkeyable as exc:
        log.debug("summaries: no themed output reused (%s)", exc)
        return None
    for folder in theme.dirs:
        # MkDocs' and Material's templates are covered by their versions (site_key); any
        # other theme folder (a custom_dir, another theme) by its files.
        if any(Path(folder).resolve().is_relative_to(p) for p in _versioned()):
            continue
        for path in sorted(Path(folder).rglob("*")):
            if not path.is_file():
                continue
            data = path.read_bytes()
            if path.suffix in (".html", ".j2", ".jinja", ".xml") and _BUILD_DATE.search(
                data.decode("utf-8", "replace")
            ):
                return None
            digest.update(path.as_posix().encode() + b"\0" + data)
    return digest.hexdigest()


def _code_stamp(plugins: Any) -> list:
    """Every Python file of the packages of the plugins and hooks (this one too: its code
    finishes each page), by path, size and time: an upgrade or an edit is a new key."""
    roots: set[Path] = set()
    for plugin in plugins:
        name = plugin.__name__ if isinstance(plugin, types.ModuleType) else type(plugin).__module__
        top = sys.modules.get(name.partition(".")[0]) or sys.modules.get(name)
        file = getattr(top, "__file__", None)
        if file:
            path = Path(file)
            roots.add(path.parent if path.name == "__init__.py" else path)
    stamp = []
    for root in sorted(roots):
        files = [root] if root.is_file() else _python_files(root)
        for path in files:
            info = path.stat()
            stamp.append([path.as_posix(), info.st_size, info.st_mtime_ns])
    return stamp


def _python_files(root: Path) -> list[Path]:
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        found += [Path(folder) / f for f in sorted(files) if f.endswith(".py")]
    return found


def page_output_key(site: str, page: Page, context: dict[str, Any]) -> str | None:
    """The key of one page's themed output (see `site_output_key`), or None."""

    def near(other: Any) -> Any:
        return [other.title, other.url] if other is not None else None

    try:
        extra = {k: v for k, v in context.items() if k not in _STANDARD}
        parts = [
            page.file.src_uri,
            page.url,
            page.canonical_url,
            page.edit_url,
            page.is_homepage,
            page.title,
            page.meta,
            toc_key(page.toc),
            near(page.previous_page),
            near(page.next_page),
            [a.title for a in page.ancestors],
            extra,
        ]
        text = key_text(parts)
    except Unkeyable as exc:
        log.debug("summaries: %s rendered by the theme (%s)", page.file.src_uri, exc)
        return None
    digest = hashlib.sha256(f"{site}\0{text}\0".encode())
    digest.update((page.content or "").encode())
    return digest.hexdigest()


class OutputCache:
    """Each generated page's themed output of the last build, by `page_output_key`, in one
    SQLite file beside the other caches (compressed: the whole site is in it). A build keeps
    only the pages it published; a cache that cannot be read or written only costs time."""

    NAME = "output.sqlite"

    def __init__(self, directory: Path | None, name: str = NAME) -> None:
        self.path = directory / name if directory is not None else None
        self._db: sqlite3.Connection | None = None
        self._broken = self.path is None
        self.used: set[str] = set()
        self.wrote = False
        self.hits = 0
        self.misses = 0

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is None and not self._broken:
            assert self.path is not None
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(self.path)
                self._db.execute(
                    "CREATE TABLE IF NOT EXISTS pages (key TEXT PRIMARY KEY, html BLOB)"
                )
            except (OSError, sqlite3.Error) as exc:
                self._fail(exc)
        return self._db

    def _fail(self, exc: Exception) -> None:
        if not self._broken:
            log.warning("The themed-page cache at %s is not used (%s)", self.path, exc)
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()  # an open transaction is rolled back: nothing half-written
        self._broken, self._db = True, None

    def get(self, key: str) -> str | None:
        db = self._connect()
        row = None
        if db is not None:
            try:
                row = db.execute("SELECT html FROM pages WHERE key = ?", (key,)).fetchone()
                html = zlib.decompress(row[0]).decode("utf-8") if row else None
            except (sqlite3.Error, zlib.error, UnicodeDecodeError, TypeError) as exc:
                self._fail(exc)
                html = None
        else:
            html = None
        if html is None:
            self.misses += 1
            return None
        self.hits += 1
        self.used.add(key)
        return html

    def put(self, key: str, html: str) -> None:
        """Written at once, in the build's one transaction (committed by `save`): the new
        pages wait on disk, not in memory."""
        self.used.add(key)
        db = self._connect()
        if db is None:
            return
        try:
            blob = zlib.compress(html.encode("utf-8"), 1)
            db.execute("INSERT OR REPLACE INTO pages VALUES (?, ?)", (key, blob))
            self.wrote = True
        except sqlite3.Error as exc:
            self._fail(exc)

    def save(self) -> None:
        """Commits this build's new outputs and drops the pages this build did not publish."""
        db = self._db if (self.wrote or self.hits) else None
        if db is None:
            return
        try:
            db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
            db.execute("DELETE FROM used")
            db.executemany("INSERT INTO used VALUES (?)", ((k,) for k in self.used))
            db.execute("DELETE FROM pages WHERE key NOT IN (SELECT key FROM used)")
            db.commit()
            db.close()
        except sqlite3.Error as exc:
            self._fail(exc)
        self._db = None


class ThemedPages:
    """The plugin's side of the output cache for one build: which generated pages go
    through `TEMPLATE`, their keys, and the output each is published with."""

    def __init__(self, directory: Path | None) -> None:
        self.cache = OutputCache(directory)
        self.search = OutputCache(directory, SEARCH_NAME)  # `search_entries`
        self.on = directory is not None
        self._site: str | None | bool = False  # False: not computed yet this build
        self._keys: dict[str, str] = {}
        self._hits: set[str] = set()

    def mark(self, page: Page) -> None:
        """Called before the page is rendered: a page with a template of its own keeps it."""
        if self.on and "template" not in page.meta and not page.file.inclusion.is_excluded():
            page.meta["template"] = TEMPLATE

    def context(
        self, page: Page, context: Any, site_key: str, config: MkDocsConfig, nav: Navigation
    ) -> None:
        """After every plugin's ``on_page_context``: the page's output if the last build
        made it from the same context."""
        if page.meta.get("template") != TEMPLATE:
            return
        context[OUTPUT_VAR] = None
        if self._site is False:
            self._site = site_output_key(site_key, config, nav)
        if not self._site:
            return
        key = page_output_key(str(self._site), page, context)
        if key is None:
            return
        self._keys[page.file.src_uri] = key
        html = self.cache.get(key)
        if html is not None:
            context[OUTPUT_VAR] = Markup(html)
            self._hits.add(page.file.src_uri)

    def output(self, page: Page, output: str, finish: Any) -> str:
        """The page's published HTML: the kept one, or ``finish(page, output)`` (kept for
        the next build when the page had a key)."""
        uri = page.file.src_uri
        if uri in self._hits:
            return output  # finished when it was kept
        output = finish(page, output)
        key = self._keys.get(uri)
        if key is not None:
            self.cache.put(key, output)
        return output

    def install(self, env: Environment, config: MkDocsConfig, generated: Collection[str]) -> Any:
        """The theme's environment with `TEMPLATE`; and Material's search index takes the
        generated pages' entries of the last build where they are unchanged."""
        if self.on:
            reuse_entries(config, self.search, generated)
        return install(env)

    def save(self) -> None:
        self.cache.save()
        self.search.save()
