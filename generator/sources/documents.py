"""Reading one source: its text, its title and date, and what its author wrote about it
(front matter of a ``.md`` source, a ``name.meta.yml`` sidecar beside any source).

Everything that can go wrong with one file is a :class:`SourceError` naming the reason, so
the caller can skip that file and build the rest.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .author_yaml import YAMLRefused, load_yaml, read_author_yaml
from .decoding import decode_text
from .discovery import SIDECAR_SUFFIX, author_file
from .errors import SourceError

# A plain-text source's first line is its title when it is this short and a blank line follows.
MAX_TITLE_LINE = 150

_DATE_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?=[-_ .]|$)")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)


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
    # The sidecar's path (as ``rel`` is written) for each key it gave: a warning about a
    # value names the file the author must open.
    origin: dict[str, str] = field(default_factory=dict)

    def where(self, key: str) -> str:
        """The file that holds the author's ``key``: the sidecar, or the source itself."""
        return self.origin.get(key, self.rel)


def _normalize_newlines(text: str) -> str:
    # Unicode's line and paragraph separators are breaks Markdown does not know.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\u2028", "\n").replace("\u2029", "\n\n")


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
        meta, warnings = load_yaml(match.group(1), f"{name}: front matter")
    except YAMLRefused as exc:
        return {}, body, [f"{name}:1: front matter refused ({exc}); ignored"]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return {}, body, [f"{name}:{line}: front matter is not valid YAML ({problem}); ignored"]
    if meta is None:
        return {}, body, warnings
    if not isinstance(meta, dict):
        return {}, body, [f"{name}:2: front matter is not a mapping; ignored"]
    return {str(k): v for k, v in meta.items()}, body, warnings


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


def read_source(path: Path, root: Path, encoding: str | None = None) -> Source:
    """One document with its author's values; ``encoding``: the archive's declared legacy
    code page, for files that are not UTF-8 (else guessed)."""
    root = root.resolve()
    try:
        # A link keeps its own name (discover has checked where it points).
        rel = path.absolute().relative_to(root).as_posix()
    except ValueError:
        rel = path.resolve().relative_to(root).as_posix()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot be read ({exc.strerror or exc})") from exc
    try:
        text, guessed = decode_text(data, encoding)
        text = _normalize_newlines(text)
    except SourceError:
        raise
    except Exception as exc:  # noqa: BLE001 - a guard: one file's bytes never stop the build
        raise SourceError(f"its bytes cannot be decoded ({type(exc).__name__}: {exc})") from exc
    meta: dict[str, Any] = {}
    if path.suffix.lower() == ".md":
        meta, body, warnings = split_front_matter(text, rel)
    else:
        body, warnings = text, []
    if guessed:
        warnings.insert(0, f"{rel}: {guessed}")
    sidecar_meta = _sidecar(path, rel, root, warnings, encoding)
    meta.update(sidecar_meta)
    sidecar_rel = rel[: len(rel) - len(path.name)] + path.stem + SIDECAR_SUFFIX
    title_line, body = _title_line(body) if path.suffix.lower() == ".txt" else (None, body)
    _check_is_text(body)
    source = Source(path=path, rel=rel, text=body.strip("\n"), title=title_line, meta=meta)
    source.warnings = warnings
    source.origin = dict.fromkeys(sidecar_meta, sidecar_rel)

    def at(key: str) -> str:
        if key in source.origin:
            return source.origin[key]
        return f"{rel}:{_front_matter_line(text, key)}"

    if "title" in meta:
        title = meta.pop("title")
        if isinstance(title, list | dict):
            kind = "a list" if isinstance(title, list) else "a mapping"
            warnings.append(f"{at('title')}: 'title' is {kind}, not text; ignored")
        elif isinstance(title, bool):
            warnings.append(f"{at('title')}: 'title' is true/false, not text (quote it); ignored")
        elif title is not None and str(title).strip():
            source.title = str(title).strip()
            meta["title"] = title
        else:
            warnings.append(f"{at('title')}: 'title' is empty; ignored")
    source.date = date_from_name(path.name)
    if source.date is None and (prefix := _DATE_PREFIX.match(path.name)) and "date" not in meta:
        warnings.append(f"{rel}: the name's '{prefix[0]}' is no calendar date; left undated")
    if "date" in meta:
        date = parse_date(meta["date"])
        if date is None:
            warnings.append(f"{at('date')}: 'date: {meta['date']}' is not a date; ignored")
            del meta["date"]
        else:
            source.date = date
    return source


def _sidecar(
    path: Path, rel: str, root: Path, warnings: list[str], encoding: str | None
) -> dict[str, Any]:
    """Author values from ``name.meta.yml`` beside a source (for plain-text sources)."""
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    usable, reason = author_file(sidecar, root)
    if usable is None:
        if reason:
            warnings.append(f"{rel}: sidecar {sidecar.name}: {reason}; ignored")
        return {}
    try:
        meta, notes = read_author_yaml(sidecar, f"{rel}: sidecar {sidecar.name}", encoding)
    except (OSError, yaml.YAMLError) as exc:
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        verb = "is refused" if isinstance(exc, YAMLRefused) else "cannot be read"
        warnings.append(f"{rel}: sidecar {sidecar.name} {verb} ({problem}); ignored")
        return {}
    warnings.extend(notes)
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        warnings.append(f"{rel}: sidecar {sidecar.name} is not a mapping of keys; ignored")
        return {}
    return {str(k): v for k, v in meta.items()}
