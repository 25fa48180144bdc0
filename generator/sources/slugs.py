"""Addresses: a document's slug from its file name, unique in its folder, never reserved."""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Sequence

from .documents import Source

log = logging.getLogger("mkdocs.plugins.summaries")

MAX_SLUG = 80


def slugify(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[^\w]+", "-", text).strip("-_")
    text = text[:MAX_SLUG].rstrip("-_")
    return text or "document"


def _slug_for(source: Source) -> str:
    stem = source.rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    stem = re.sub(r"^\d{4}-\d{2}-\d{2}[-_ .]*", "", stem)
    return slugify(stem or (source.title or ""))


# Slugs a document never gets: "index" is the page of its folder (the Articles index, a
# month's page), which a document named index.txt would silently replace.
RESERVED_SLUGS = frozenset(["index"])


def unique_slugs(sources: Sequence[Source]) -> list[str]:
    """A slug per source; a name taken in the same folder (or reserved) gets a numbered
    suffix, logged so the author knows why the address is not the file's name."""
    taken: set[tuple[str | None, str]] = set()
    slugs = []
    for source in sources:
        folder = source.date.strftime("%Y/%m") if source.date else None
        base = _slug_for(source)
        slug, n = base, 1
        while (folder, slug) in taken or slug in RESERVED_SLUGS:
            n += 1
            slug = f"{base}-{n}"
        if slug != base:
            log.info("%s: the address '%s' is taken; its page is '%s'", source.rel, base, slug)
        taken.add((folder, slug))
        slugs.append(slug)
    return slugs
