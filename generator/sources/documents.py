"""Loading sources: which files are documents, how they decode, what their authors wrote.

Everything that can go wrong with one file is a :class:`SourceError` naming the reason, so
the caller can skip that file and build the rest.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import string
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import charset_normalizer
import ftfy
import yaml
from charset_normalizer.utils import is_multi_byte_encoding

DOCUMENT_SUFFIXES = (".txt", ".md")
SIDECAR_SUFFIX = ".meta.yml"
# A plain-text source's first line is its title when it is this short and a blank line follows.
MAX_TITLE_LINE = 150

_DATE_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?=[-_ .]|$)")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_BACKUP = re.compile(r"(~|\.swp|\.swo|\.bak|\.tmp)$|^\.#|^#.*#$")


class SourceError(Exception):
    """A file that is not a publishable document; the message says why."""


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


def _passed_over(parts: tuple[str, ...]) -> bool:
    """Hidden files and folders, and editor backups: never documents, never author files."""
    return any(part.startswith(".") for part in parts) or bool(parts and _BACKUP.search(parts[-1]))


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
    else the reason it is skipped. Hidden files, editor backups and author data files
    (``*.yml``: sidecars, aliases) are passed over silently."""
    root = root.resolve()
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if _passed_over(rel.parts):
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
            continue
        if suffix not in DOCUMENT_SUFFIXES:
            yield path, f"not a text document ({suffix or 'no extension'})"
            continue
        yield path, None


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
    return _cp1252_trial(data, results) or str(best)


# Guesses that keep their word over a cp1252 reading as clean as theirs: Central European
# text in its own code page (cp1250 "ř" reads as cp1252 "ø", a letter too).
_OWN_PAGES = {
    "cp1250": {"Czech", "Slovak", "Polish", "Hungarian", "Croatian", "Slovene", "Romanian"},
    "iso8859_2": {"Czech", "Slovak", "Polish", "Hungarian", "Croatian", "Slovene", "Romanian"},
}
_WORD_PUNCT = "’‘'-·"


def _messy(text: str) -> int:
    """Words that no language writes: a symbol between letters ("Z³rich", what a wrong code
    page makes of "Zürich") or letters of two scripts ("Caf\ufee0" for "Café")."""
    n = 0
    for word in text[:20000].split():
        core = word.strip(string.punctuation + "“”«»…—–")
        letters = [c for c in core if c.isalpha()]
        if not letters:
            continue
        symbol = any(ord(c) > 127 and not c.isalpha() and c not in _WORD_PUNCT for c in core)
        scripts = {unicodedata.name(c, "?").split()[0] for c in letters}
        n += symbol or len(scripts) > 1
    return n


def _cp1252_trial(data: bytes, results: list[Any]) -> str | None:
    """The bytes read as Windows-1252 when charset-normalizer only guessed other code pages
    (it rarely offers cp1252 for a short text) and that reading is Western text, mostly
    ASCII letters, with no more nonsense words than the guess: short English or French
    with a few accents is far likelier cp1252 or Latin-1 than Baltic cp775."""
    nul_free = b"\x00" not in data[:8192]
    guesses = [r for r in results if not (nul_free and r.encoding.startswith(("utf_16", "utf_32")))]
    if any(is_multi_byte_encoding(r.encoding) for r in guesses):
        return None
    try:
        trial = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [c for c in trial[:20000] if c.isalpha()]
    if not letters or sum(c.isascii() for c in letters) < 0.7 * len(letters):
        return None
    if not guesses:
        return trial
    best = guesses[0]
    text = str(best)
    if text == trial:
        return None
    mess, trial_mess = _messy(text), _messy(trial)
    if trial_mess > mess:
        return None
    if trial_mess == mess and best.language in _OWN_PAGES.get(best.encoding, ()):
        return None
    return trial


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


def read_source(path: Path, root: Path) -> Source:
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
    text = _normalize_newlines(decode(data))
    warnings: list[str] = []
    meta: dict[str, Any] = {}
    if path.suffix.lower() == ".md":
        meta, body, warnings = split_front_matter(text, rel)
    else:
        body = text
    meta.update(_sidecar(path, rel, root, warnings))
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


def _sidecar(path: Path, rel: str, root: Path, warnings: list[str]) -> dict[str, Any]:
    """Author values from ``name.meta.yml`` beside a source (for plain-text sources)."""
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    usable, reason = author_file(sidecar, root)
    if usable is None:
        if reason:
            warnings.append(f"{rel}: sidecar {sidecar.name}: {reason}; ignored")
        return {}
    try:
        data = sidecar.read_bytes()
        if len(data) > MAX_YAML_CHARS:
            raise YAMLRefused(f"{len(data):,} bytes, more than {MAX_YAML_CHARS:,}")
        meta, notes = load_yaml(data.decode("utf-8"), f"{rel}: sidecar {sidecar.name}")
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
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
