"""Addresses of the generated pages: each page's path in the docs folder (``src_uri``), the
URL a builder gives it, and the Markdown link targets between them."""

from __future__ import annotations

import hashlib
import posixpath
import re
import urllib.parse

from markupsafe import Markup

from ..record import Record

CSS_URI = "assets/summaries/summaries.css"
# Plain-text copies of the sources, when no `source_url` says where they are.
SOURCES_DIR = "_sources"
# The index pages of the generated sections.
ARTICLES_URI = "articles/index.md"
PEOPLE_URI = "participants/index.md"
TIMELINE_URI = "timeline.md"
TAGS_URI = "tags.md"
# Places and organizations: a folder each (``places/oslo.md``), its index, A-Z pages under
# ``a-z/`` (``archive.ENTITY_RESERVED`` keeps those names from any place).
PLACES_URI = "places/index.md"
ORGANIZATIONS_URI = "organizations/index.md"

# Generated listing pages live at these uris (articles/undated/, articles/2019/): an undated
# document with such a slug would take a listing's URL, so it gets a suffix (`page_uri`).
RESERVED_SLUGS = frozenset({"index", "undated"})
YEAR_SLUG = re.compile(r"^\d{4}$")


def free_slug(slug: str) -> str:
    """``slug``, or ``slug-doc`` when a generated listing page owns that name."""
    if slug.casefold() in RESERVED_SLUGS or YEAR_SLUG.match(slug):
        return slug + "-doc"
    return slug


def page_uri(record: Record) -> str:
    if record.date:
        day = record.date.isoformat()
        return f"articles/{day[:4]}/{day[5:7]}/{free_slug(record.slug)}.md"
    return f"articles/{free_slug(record.slug)}.md"


def numbered(first: str, n: int) -> str:
    """The uri of page ``n`` (from 1) of a listing whose first page is ``first``:
    ``articles/2019/index.md`` -> ``articles/2019/page-2.md``; ``timeline/2019.md`` ->
    ``timeline/2019-2.md``."""
    if n == 1:
        return first
    if first.endswith("/index.md"):
        return f"{first[: -len('index.md')]}page-{n}.md"
    return f"{first[:-3]}-{n}.md"


_MD_COPY = re.compile(r"\.md(\.txt)+$")


def source_copy_uri(record: Record) -> str:
    """Where the plain-text copy of a source is published: always a ``.txt`` file (a ``.md``
    source must not become a page), without doubling an existing ``.txt``; a name that
    would pass the file system's 255 bytes is shortened, with a hash to keep it unique."""
    source = record.source
    # "a.md" is copied as "a.md.txt", so a text source of that very name moves one on
    # ("a.md.txt.txt"): no two sources share a copy.
    keep = source.endswith(".txt") and not _MD_COPY.search(source)
    name = source if keep else source + ".txt"
    folder, _, base = name.rpartition("/")
    if len(base.encode("utf-8")) > 255:
        digest = hashlib.sha256(record.source.encode("utf-8")).hexdigest()[:12]
        stem = base.encode("utf-8")[:200].decode("utf-8", errors="ignore")
        base = f"{stem}-{digest}.txt"
    return f"{SOURCES_DIR}/{folder + '/' if folder else ''}{base}"


def url_of(src_uri: str, use_directory_urls: bool) -> str:
    """The URL path MkDocs gives a page (as mkdocs.structure.files.File does)."""
    if not src_uri.endswith(".md"):
        return src_uri
    stem = src_uri[:-3]
    if posixpath.basename(stem) in ("index", "README"):
        folder = posixpath.dirname(stem)
        return (folder + "/" if folder else "") if use_directory_urls else stem + ".html"
    return stem + "/" if use_directory_urls else stem + ".html"


def relative_url(from_src: str, to_src: str, use_directory_urls: bool) -> str:
    here = url_of(from_src, use_directory_urls)
    there = url_of(to_src, use_directory_urls)
    # The folder the browser resolves from ("." for a top-level page): never "/", which
    # posixpath.relpath would take as the filesystem root and answer with the working directory.
    base = here.rstrip("/") if here.endswith("/") else posixpath.dirname(here)
    rel = posixpath.relpath(there or ".", base or ".")
    if there.endswith("/") or not there:
        rel = rel.rstrip("/") + "/"
    return "./" if rel == "./" or rel == "/" else rel.removeprefix("./")


def link_target(from_src: str, to_src: str, anchor: str = "") -> Markup:
    """A Markdown link's target from one docs file to another: the target's source path
    relative to the linking file's folder (``../../participants/x.md#t-2020``), percent-encoded.
    MkDocs, ProperDocs and Zensical each turn it into the page's URL for their own
    ``use_directory_urls`` and base URL; a relative URL written into raw HTML is read by MkDocs
    against the page's URL and by Zensical against the source file, so no such URL is right in
    both."""
    rel = posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")
    target = urllib.parse.quote(rel, safe="/")
    return Markup(target + ("#" + urllib.parse.quote(anchor) if anchor else ""))


def timeline_anchor(value: str) -> str:
    """The id of the timeline's place for a date value: its month, or its year when the
    date has no month (``2020-03-05`` -> ``t-2020-03``, ``XXXX-03-20`` -> ``t-unknown-03``)."""
    year, _, rest = value.partition("-")
    year = "unknown" if year == "XXXX" else year
    month = rest[:2]
    return f"t-{year}-{month}" if month.isdigit() else f"t-{year}"


def letter_id(letter: str) -> str:
    return "letter-other" if letter == "#" else f"letter-{letter.lower()}"


def letter_name(letter: str) -> str:
    return "other" if letter == "#" else letter.lower()
