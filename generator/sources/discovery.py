"""Which files under a sources folder are documents, and which author files may be read.

The rules (hidden files, editor backups, symbolic links) are the same for documents,
sidecars and ``aliases.yml``.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterator
from pathlib import Path

DOCUMENT_SUFFIXES = (".txt", ".md")
SIDECAR_SUFFIX = ".meta.yml"
ALIASES_FILE = "aliases.yml"
_BACKUP = re.compile(r"(~|\.swp|\.swo|\.bak|\.tmp)$|^\.#|^#.*#$")


def _passed_over(parts: tuple[str, ...]) -> bool:
    """Hidden files and folders, and editor backups: never documents, never author files."""
    return any(part.startswith(".") for part in parts) or bool(parts and _BACKUP.search(parts[-1]))


def shown_name(name: str) -> str:
    """A path as text that can be printed and written (undecodable bytes as ``\\xff``)."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _is_text(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # surrogates: bytes of the name that are not UTF-8
        return False
    return True


def _link_reason(path: Path, real: Path, root: Path) -> str | None:
    """Why a symbolic link (or a path through one) is not followed, or None when it may be:
    the rule is the same for documents, sidecars and ``aliases.yml``."""
    if not real.is_relative_to(root):
        return "symbolic link to outside the sources folder; not followed"
    if real != path and _passed_over(real.relative_to(root).parts):
        return "symbolic link to a hidden file or an editor backup; not followed"
    return None


def discover(root: Path) -> Iterator[tuple[Path, str | None]]:
    """Files under ``root`` in a stable order, each with None when it is a document to read,
    else the reason it is skipped. Hidden files and editor backups are passed over silently,
    and so are the author data files that are read (sidecars, ``aliases.yml``)."""
    root = root.resolve()
    paths = sorted(root.rglob("*"))
    documents = {(p.parent, p.stem) for p in paths if p.suffix.lower() in DOCUMENT_SUFFIXES}
    linked: dict[tuple[int, int], Path] = {}
    for path in paths:
        rel = path.relative_to(root)
        if _passed_over(rel.parts):
            continue
        if not _is_text(str(rel)):
            yield path, "its name is not UTF-8 text (bytes the file system keeps); rename it"
            continue
        try:
            real = path.resolve(strict=True)
        except (OSError, RuntimeError):
            yield path, "broken symbolic link"
            continue
        if reason := _link_reason(path, real, root):
            yield path, reason
            continue
        suffix = path.suffix.lower()
        if real != path:
            if real.is_dir():
                # rglob does not walk linked folders (they can loop): say so.
                yield path, "symbolic link to a folder; not followed (its files are not read)"
                continue
            if real.suffix.lower() in DOCUMENT_SUFFIXES and real.is_file():
                target = real.relative_to(root).as_posix()
                yield path, f"symbolic link to {target}, which is published under its own name"
                continue
        if path.is_dir():
            continue
        if not path.is_file():
            yield path, "not a regular file (a pipe, socket or device); not read"
            continue
        if suffix in (".yml", ".yaml"):
            if reason := _yaml_reason(path, root, documents):
                yield path, reason
            continue
        if suffix not in DOCUMENT_SUFFIXES:
            yield path, f"not a text document ({suffix or 'no extension'})"
            continue
        if (first := _first_name(path, linked)) is not None:
            yield path, f"hard link to {first.relative_to(root).as_posix()}, published once"
            continue
        yield path, None


def _first_name(path: Path, linked: dict[tuple[int, int], Path]) -> Path | None:
    """The name a hard-linked file was first met under (one file, one page), else None."""
    stat = path.stat()
    if stat.st_nlink < 2:
        return None
    first = linked.setdefault((stat.st_dev, stat.st_ino), path)
    return None if first == path else first


def _yaml_reason(path: Path, root: Path, documents: set[tuple[Path, str]]) -> str | None:
    """Why a YAML file is not read, or None for a sidecar or the folder's ``aliases.yml``:
    a misnamed or orphaned sidecar would otherwise lose its values without a word."""
    if path.name.endswith(SIDECAR_SUFFIX):
        stem = path.name[: -len(SIDECAR_SUFFIX)]
        if (path.parent, stem) in documents:
            return None
        return f"sidecar with no document beside it ({stem}.txt or {stem}.md); not read"
    if path.parent == root and path.name == ALIASES_FILE:
        return None
    return (
        f"YAML that is neither a sidecar (NAME{SIDECAR_SUFFIX} beside NAME.txt) "
        f"nor the folder's {ALIASES_FILE}; not read"
    )


def author_file(path: Path, root: Path) -> tuple[Path | None, str | None]:
    """An author data file (a sidecar, ``aliases.yml``) that may be read, or None and why
    not (None and no reason when there is none). The rules are those of documents."""
    root = root.resolve()
    try:
        if not os.path.lexists(path):
            return None, None
        real = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        if getattr(exc, "errno", None) == errno.ENAMETOOLONG:
            return None, None  # no such file can exist
        return None, "broken symbolic link; not read"
    if reason := _link_reason(path, real, root):
        return None, reason
    if not real.is_file():
        return None, "not a regular file; not read"
    return path, None
