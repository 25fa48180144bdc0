"""What an author wrote for the project's own keys (``summary``, ``participants``, ``places``,
``organizations``, ``tags``) read into record values: an entry of the wrong type costs only itself,
a value of the wrong type only its key, each with a warning naming the file and the key;
the extracted values stay where the author's cannot be read."""

from __future__ import annotations

import logging
import re
from typing import Any

from ..people import clean_name
from ..record import Entity, Mention, Participant
from ..sources import passthrough

log = logging.getLogger("mkdocs.plugins.summaries")


def find_mentions(text: str, name: str) -> list[Mention]:
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    return [Mention(m.start(), m.end()) for m in pattern.finditer(text)]


def odd_value(rel: str, key: str, what: str) -> None:
    log.warning("%s: '%s' %s", rel, key, what)


def _markup(rel: str, key: str, n: int, *values: str | None) -> None:
    """Names are text: one that holds HTML is shown as written, never run; say so."""
    if any(v and ("<" in v or ">" in v) for v in values):
        odd_value(rel, key, f"entry {n} holds HTML ('<', '>'); it is shown as text")


def _author_list(value: Any, rel: str, key: str, extracted: str) -> list | None:
    """An author's list, or None (with a warning naming the key) for a value that is not
    one: the extracted values stay."""
    if value is None or isinstance(value, list):
        return value
    kind = type(value).__name__
    odd_value(rel, key, f"is not a list ({kind}); ignored, the extracted {extracted} stay")
    return None


def _kept(rel: str, key: str, items: list, kept: list, extracted: str) -> list | None:
    """``kept`` of an author's ``items``; a list whose every entry was unreadable is no
    list (the extracted values stay), not an empty one."""
    if items and not kept:
        odd_value(rel, key, f"has no usable entry; ignored, the extracted {extracted} stay")
        return None
    return kept


def author_people(value: Any, text: str, rel: str) -> list[Participant] | None:
    if (items := _author_list(value, rel, "participants", "people")) is None:
        return None
    people = []
    for n, item in enumerate(items, start=1):
        if isinstance(item, str):
            name, role = item, None
        elif isinstance(item, dict) and scalar(item.get("name")):
            name, role = str(item["name"]), item.get("role")
        else:
            odd_value(rel, "participants", f"entry {n} is not a name or {{name, role}}; left out")
            continue
        if role is not None and not scalar(role):
            odd_value(rel, "participants", f"entry {n}: 'role' is not text; left out")
        name = clean_name(name)
        role = clean_name(str(role)) if scalar(role) else None
        _markup(rel, "participants", n, name, role)
        if name:
            people.append(Participant(name, role or None, find_mentions(text, name)))
    return _kept(rel, "participants", items, people, "people")


def scalar(value: Any) -> bool:
    """A value an author meant as one word or line (not a list, a mapping or null)."""
    return (
        isinstance(value, str | int | float)
        and not isinstance(value, bool)
        and bool(str(value).strip())
    )


def author_entities(value: Any, text: str, rel: str, key: str) -> list[Entity] | None:
    if (items := _author_list(value, rel, key, key)) is None:
        return None
    names = []
    for n, item in enumerate(items, start=1):
        if isinstance(item, str | int) and scalar(item):
            names.append(clean_name(str(item)))
            _markup(rel, key, n, names[-1])
        else:
            odd_value(rel, key, f"entry {n} is not a name; left out")
    kept = [Entity(n, find_mentions(text, n)) for n in dict.fromkeys(names) if n]
    return _kept(rel, key, items, kept, key)


def author_tags(value: Any, rel: str, most: int) -> list[str] | None:
    """An author's tags (the first ``most``), each one once; None for no list."""
    if value is None:
        return None
    if (items := _author_list(value, rel, "tags", "tags")) is None:
        return None
    tags = [clean_name(str(t)) for t in items if isinstance(t, str | int) and scalar(t)]
    if len(tags) < len(items):
        odd = len(items) - len(tags)
        odd_value(rel, "tags", f"has {odd} entries that are not text; left out")
    for tag in tags:
        if passthrough.UNSAFE_TAG.search(tag):
            # the front matter leaves it out: the tags plugin would print it as HTML
            log.warning("%s: tag '%s' is not given to the tags plugin", rel, tag)
    tags = list(dict.fromkeys(tags))
    if len(tags) > most:
        log.warning("%s: %d tags; the first %d are kept", rel, len(tags), most)
    return tags[:most]


def author_summary(value: Any, rel: str) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        if value.strip():
            return [value.strip()]
        odd_value(rel, "summary", "is empty; the extracted summary stays")
        return None
    if (items := _author_list(value, rel, "summary", "summary sentences")) is None:
        return None
    # `summary: [null]` is no sentence (not "None").
    kept = [str(v).strip() for v in items if scalar(v)]
    if len(kept) < len(items):
        odd = len(items) - len(kept)
        odd_value(rel, "summary", f"has {odd} entries that are not text; left out")
    return kept or None
