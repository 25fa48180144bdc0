"""Loading sources: which files are documents, how they decode, what their authors wrote.

Everything that can go wrong with one file is a :class:`SourceError` naming the reason, so
the caller can skip that file and build the rest.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import charset_normalizer
import ftfy
import yaml

DOCUMENT_SUFFIXES = (".txt", ".md")
SIDECAR_SUFFIX = ".meta.yml"
# A plain-text source's first line is its title when it is this short and a blank line follows.
MAX_TITLE_LINE = 150

_DATE_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?=[-_ .]|$)")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_BACKUP = re.compile(r"(~|\.swp|\.swo|\.bak|\.tmp)$|^\.#|^#.*#$")


class SourceError(Exception):
    """A file that is not a publishable document; the message says why."""


@dataclass
class Source:
    """One document as read from disk, before any analysis."""

    path: Path
    rel: str
    text: str
    title: str | None = None
    date: dt.date | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def discover(root: Path) -> Iterator[tuple[Path, str | None]]:
    """Files under ``root`` in a stable order, each with None when it is a document to read,
    else the reason it is skipped. Hidden files, editor backups and author data files
    (``*.yml``: sidecars, aliases) are passed over silently."""
    root = root.resolve()
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or _BACKUP.search(path.name):
            continue
        try:
            real = path.resolve(strict=True)
        except (OSError, RuntimeError):
            yield path, "broken symbolic link"
            continue
        if not real.is_relative_to(root):
            yield path, "symbolic link to outside the sources folder; not followed"
            continue
        if not path.is_file():
            continue
        suffix = path.suffix.lower()
        if suffix in (".yml", ".yaml"):
            continue
        if suffix not in DOCUMENT_SUFFIXES:
            yield path, f"not a text document ({suffix or 'no extension'})"
            continue
        yield path, None


# Among equally good guesses, the web's default legacy encoding (WHATWG) is the likeliest.
_PREFERRED_LEGACY = ("cp1252", "latin_1", "iso8859_15")


def decode(data: bytes) -> str:
    """Text of a file's bytes: by BOM, then strict UTF-8, then charset-normalizer's best
    guess; mojibake (UTF-8 read as Windows-1252 somewhere upstream) is repaired by ftfy."""
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _detect(data)
        else:
            if "\x00" in text[:8192]:
                text = _detect(data)
    return ftfy.fix_encoding(text)


def _detect(data: bytes) -> str:
    results = list(charset_normalizer.from_bytes(data))
    if not results:
        raise SourceError("binary file (no text encoding fits)")
    best = results[0]
    if b"\x00" in data[:8192] and not best.encoding.startswith(("utf_16", "utf_32")):
        raise SourceError("binary file (contains NUL bytes)")
    for result in results:
        if (
            result.encoding in _PREFERRED_LEGACY
            and result.chaos <= best.chaos
            and result.coherence >= best.coherence - 0.01
        ):
            return str(result)
    return str(best)


def _normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_is_text(text: str) -> None:
    if not text.strip():
        raise SourceError("empty file")
    if not any(ch.isalpha() for ch in text):
        raise SourceError("no words in it (only numbers, symbols or whitespace)")
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\t\f\v")
    if controls > 0.01 * min(len(text), 20000):
        raise SourceError("binary file (control characters)")


def split_front_matter(text: str, name: str) -> tuple[dict[str, Any], str, list[str]]:
    """(front matter, body, warnings) of a Markdown source. Broken front matter is reported
    and dropped; the body is still published."""
    if not text.startswith("---"):
        return {}, text, []
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text, [f"{name}:1: front matter is not closed by a '---' line; ignored"]
    body = text[match.end() :]
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return {}, body, [f"{name}:{line}: front matter is not valid YAML ({problem}); ignored"]
    if meta is None:
        return {}, body, []
    if not isinstance(meta, dict):
        return {}, body, [f"{name}:2: front matter is not a mapping; ignored"]
    return {str(k): v for k, v in meta.items()}, body, []


def _front_matter_line(text: str, key: str) -> int:
    for i, line in enumerate(text.splitlines()[:200], start=1):
        if line.startswith(f"{key}:"):
            return i
    return 1


def parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def date_from_name(name: str) -> dt.date | None:
    if match := _DATE_PREFIX.match(name):
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    return None


def _title_line(text: str) -> tuple[str | None, str]:
    """A plain-text source's title line (short, then a blank line) and the body after it."""
    first, sep, rest = text.lstrip("\n").partition("\n")
    first = first.strip()
    if sep and first and len(first) <= MAX_TITLE_LINE and rest.startswith("\n") and rest.strip():
        return first, rest.lstrip("\n")
    return None, text


def read_source(path: Path, root: Path) -> Source:
    rel = path.resolve().relative_to(root.resolve()).as_posix()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot be read ({exc.strerror or exc})") from exc
    text = _normalize_newlines(decode(data))
    warnings: list[str] = []
    meta: dict[str, Any] = {}
    if path.suffix.lower() == ".md":
        meta, body, warnings = split_front_matter(text, rel)
    else:
        body = text
    meta.update(_sidecar(path, rel, warnings))
    title_line, body = _title_line(body) if path.suffix.lower() == ".txt" else (None, body)
    _check_is_text(body)
    source = Source(path=path, rel=rel, text=body.strip("\n"), title=title_line, meta=meta)
    source.warnings = warnings
    if "title" in meta:
        if isinstance(meta["title"], str | int | float) and str(meta["title"]).strip():
            source.title = str(meta["title"]).strip()
        else:
            warnings.append(f"{rel}:{_front_matter_line(text, 'title')}: 'title' is empty; ignored")
            del meta["title"]
    source.date = date_from_name(path.name)
    if "date" in meta:
        date = parse_date(meta["date"])
        if date is None:
            line = _front_matter_line(text, "date")
            warnings.append(f"{rel}:{line}: 'date: {meta['date']}' is not a date; ignored")
            del meta["date"]
        else:
            source.date = date
    return source


def _sidecar(path: Path, rel: str, warnings: list[str]) -> dict[str, Any]:
    """Author values from ``name.meta.yml`` beside a source (for plain-text sources)."""
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if not sidecar.is_file():
        return {}
    try:
        meta = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        warnings.append(f"{rel}: sidecar {sidecar.name} cannot be read ({exc}); ignored")
        return {}
    if not isinstance(meta, dict):
        return {}
    return {str(k): v for k, v in meta.items()}
