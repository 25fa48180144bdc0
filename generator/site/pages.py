"""Rendering: records into Markdown pages (YAML front matter + escaped HTML body).

Document text only ever reaches a page through Jinja2's autoescaping or ``markupsafe.escape``
inside raw HTML blocks, which Markdown passes through untouched: text that looks like HTML,
Markdown, YAML or Jinja shows literally. Front matter is written by PyYAML's safe emitter.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import json
import logging
import posixpath
import re
import unicodedata
import urllib.parse
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import yaml
from markupsafe import Markup, escape

from .. import serialize
from ..record import Mention, Record
from ..sources import passthrough
from ..sources.slugs import slugify
from . import archive, charts

log = logging.getLogger("mkdocs.plugins.summaries")

LISTING_MARKER = "<!-- summaries:listing -->"
CSS_URI = "assets/summaries/summaries.css"
SOURCES_DIR = "_sources"


def default_templates() -> Path:
    """The packaged templates: the checkout's own ``site_templates/`` when running from one
    (an editable install elsewhere, e.g. another worktree, must not shadow it), else the
    installed ``generator.site_templates`` package."""
    local = Path(__file__).resolve().parents[2] / "site_templates"
    if (local / "document.md.j2").is_file():
        return local
    return Path(str(importlib.resources.files("generator.site_templates")))


@dataclass(frozen=True)
class SiteOptions:
    use_directory_urls: bool = True
    full_text_search: bool = False
    templates: Path | None = None
    # Where readers find a source file; None publishes a plain-text copy beside the pages.
    source_url: str | None = None
    home: bool = True
    # Listings past this many documents get a page per year (and per page of that many);
    # people, tags and timeline pages hold four times as many of their shorter rows.
    page_size: int = 100


# Generated listing pages live at these uris (articles/undated/, articles/2019/): an undated
# document with such a slug would take a listing's URL, so it gets a suffix (`page_uri`).
RESERVED_SLUGS = frozenset({"index", "undated"})
_YEAR_SLUG = re.compile(r"^\d{4}$")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Name endings that are not the surname ("Martin Luther King Jr." sorts under K).
_NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "junior", "senior"})


def free_slug(slug: str) -> str:
    """``slug``, or ``slug-doc`` when a generated listing page owns that name."""
    if slug.casefold() in RESERVED_SLUGS or _YEAR_SLUG.match(slug):
        return slug + "-doc"
    return slug


def sort_name(name: str) -> str:
    """The name as an index files it: surname first (``Biden, Joe``); lowercase particles
    stay with the surname (``de Blasio, Bill``); a one-word name is itself."""
    words = name.split()
    while len(words) > 1 and words[-1].casefold() in _NAME_SUFFIXES:
        words.pop()
    if len(words) <= 1:
        return name
    i = len(words) - 1
    while i > 1 and words[i - 1].islower():
        i -= 1
    return " ".join(words[i:]) + ", " + " ".join(words[:i])


def index_letter(key: str) -> str:
    """The A-Z letter a sort key files under (accents folded: Ö under O); ``#`` otherwise."""
    for char in unicodedata.normalize("NFKD", key):
        if char.isalnum():
            upper = char.upper()
            return upper if "A" <= upper <= "Z" else "#"
    return "#"


def chunks(items: list, size: int) -> list[list]:
    """``items`` in pages of at most ``size`` (one empty page for no items)."""
    size = max(1, size)
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


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


def source_copy_uri(record: Record) -> str:
    """Where the plain-text copy of a source is published: always a ``.txt`` file (a ``.md``
    source must not become a page), without doubling an existing ``.txt``; a name that
    would pass the file system's 255 bytes is shortened, with a hash to keep it unique."""
    name = record.source if record.source.endswith(".txt") else record.source + ".txt"
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


# Characters that start Markdown inline syntax in Python-Markdown and the extensions Material
# sites use (emphasis, code, links, attribute lists, pymdownx tilde/caret/mark/keys/emoji/
# arithmatex, magic links after a colon): as character references, text inside
# `markdown="span"` HTML stays literal, and reads the same in plain HTML.
_MD_SPECIAL = re.compile(r"[\\`*_\[\]{}~^=+:$|!]")
_HARD_BREAK = re.compile(r"[ \t]+(?=\n)")


# An author's URL as a Markdown link target: percent-encoded wherever Markdown would read
# the character as syntax (spaces, brackets, quotes, angle brackets).
_URL_SAFE = ":/?#@!$&*+,;=%~-._"


def md_escape(value: object) -> Markup:
    """``value`` as text for HTML that Markdown also reads (``markdown="span"`` elements):
    HTML-escaped, and every Markdown-special character (and the spaces of a two-space hard
    break) a character reference: neither HTML nor Markdown in a document changes the page."""
    if isinstance(value, Markup):
        return value
    text = _MD_SPECIAL.sub(_reference, str(escape(value)))
    return Markup(_HARD_BREAK.sub(lambda m: "".join(map(_reference, m.group())), text))


def _reference(char: str | re.Match) -> str:
    char = char if isinstance(char, str) else char.group()
    return f"&#{ord(char)};"


def _finalize(value: Any) -> Any:
    """Every ``{{ value }}`` of a template that is plain text is escaped for HTML and Markdown
    (see `md_escape`); markup, numbers and links the renderer made pass as they are."""
    return md_escape(value) if isinstance(value, str) else value


def _join(values: Iterable[Any], separator: str = "") -> Markup:
    return md_escape(separator).join(md_escape(v) for v in values)


def timeline_anchor(value: str) -> str:
    """The id of the timeline's place for a date value: its month, or its year when the
    date has no month (``2020-03-05`` -> ``t-2020-03``, ``XXXX-03-20`` -> ``t-unknown-03``)."""
    year, _, rest = value.partition("-")
    year = "unknown" if year == "XXXX" else year
    month = rest[:2]
    return f"t-{year}-{month}" if month.isdigit() else f"t-{year}"


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: blank-line separated when the text has blank lines, else one a line."""
    sep = re.compile(r"\n[ \t]*\n\s*" if re.search(r"\n[ \t]*\n", text) else r"\n+")
    spans, start = [], 0
    for match in sep.finditer(text):
        if text[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def markup_text(text: str, marks: list[Mention], links: list[tuple[Mention, str]]) -> Markup:
    """The text as escaped paragraphs (``markdown="span"``: its links are Markdown links, see
    `link_target`), ``marks`` highlighted and ``links`` linked to their targets."""

    def covering(spans: Iterable[Mention], pos: int) -> Mention | None:
        return next((s for s in spans if s.start <= pos < s.end), None)

    usable = [
        (m, href)
        for m, href in links
        if covering(marks, m.start) == covering(marks, m.end - 1) and m.end > m.start
    ]
    html: list[str] = []
    for p_start, p_end in paragraphs(text):
        cuts = {p_start, p_end}
        for span in [*marks, *(m for m, _ in usable)]:
            cuts.update(c for c in (span.start, span.end) if p_start < c < p_end)
        points = sorted(cuts)
        # Only a paragraph with a link needs Markdown (and its escaping): the others stay raw
        # HTML, which costs the builder nothing to parse.
        linked = any(m.start < p_end and m.end > p_start for m, _ in usable)
        text_of = md_escape if linked else escape
        html.append('<p markdown="span">' if linked else "<p>")
        open_mark: Mention | None = None
        open_link: tuple[Mention, str] | None = None
        for a, b in zip(points, points[1:], strict=False):
            mark = covering(marks, a)
            link = next(((m, h) for m, h in usable if m.start <= a < m.end), None)
            if (mark, link) != (open_mark, open_link):
                if open_link:
                    html.append(f"]({open_link[1]}){{: .summaries-person }}")
                if mark != open_mark:
                    if open_mark:
                        html.append("</mark>")
                    if mark:
                        html.append(
                            '<mark class="summaries-summary-sentence" title="In the summary">'
                        )
                if link:
                    html.append("[")
                open_mark, open_link = mark, link
            html.append(str(text_of(text[a:b])))
        if open_link:
            html.append(f"]({open_link[1]}){{: .summaries-person }}")
        if open_mark:
            html.append("</mark>")
        # One paragraph a line: md_in_html reads a block tag only at a line's start, and a raw
        # paragraph on the line of a Markdown one would be read as Markdown.
        html.append("</p>\n")
    return Markup("".join(html))


def _escape_for_theme(value: str) -> str:
    """``&``, ``<``, ``>`` and ``"`` as entities: enough for element text and double-quoted
    attributes (where Material puts these values); apostrophes stay as they are, so feeds
    and tooltips keep "Trump's" readable."""
    return (
        value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def front_matter(meta: dict[str, Any]) -> str:
    """YAML front matter for MkDocs. Themes insert ``title`` and ``description`` as raw HTML
    (Material does, into ``<h1>``, the nav and a ``content`` attribute), so those two are
    HTML-escaped here, on one line without control characters (feeds are XML, where most of
    them are not allowed). The tags plugin renders tags too: a tag with ``<``, ``>``, ``"`` or
    what reads as a character reference is left out; a bare ``&`` (``AT&T``) is harmless."""
    meta = dict(meta)
    for key in ("title", "description"):
        if isinstance(meta.get(key), str):
            meta[key] = _escape_for_theme(passthrough.one_line(meta[key]))
    if isinstance(meta.get("tags"), list):
        meta["tags"] = [t for t in meta["tags"] if not passthrough.UNSAFE_TAG.search(str(t))]
    dumped = yaml.safe_dump(_no_nel(meta), sort_keys=False, allow_unicode=True, width=1000)
    return "---\n" + dumped + "---\n\n"


def _no_nel(value: Any) -> Any:
    """PyYAML folds a NEL (U+0085) inside a single-quoted scalar into a space and the text no
    longer round-trips; it is a line break, so it becomes a space before emitting."""
    if isinstance(value, str):
        return value.replace("\x85", " ")
    if isinstance(value, list):
        return [_no_nel(v) for v in value]
    if isinstance(value, dict):
        return {k: _no_nel(v) for k, v in value.items()}
    return value


class SiteRenderer:
    """All generated pages of one archive, as ``{src_uri: markdown}``."""

    def __init__(self, records: list[Record], options: SiteOptions) -> None:
        self.options = options
        self.records = archive.by_date_desc(records)
        self.people = archive.people(self.records, slugify)
        self.events = archive.timeline(self.records)
        dirs = [options.templates] if options.templates else []
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([*map(str, dirs), str(default_templates())]),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            undefined=jinja2.StrictUndefined,
            finalize=_finalize,
        )
        self.env.filters["join"] = _join
        self.env.globals.update(
            date_label=archive.date_label,
            anchor=timeline_anchor,
            is_calendar_date=archive.is_calendar_date,
            forms=date_forms_html,
        )
        self._article_pages = self._plan_articles()
        self._people_pages = self._plan_people()
        self._timeline_pages = self._plan_timeline()
        self._tag_pages = self._plan_tags()
        # Where each timeline anchor is: the first page that has the month (or year).
        self.anchor_page: dict[str, str] = {}
        for uri, _, events in self._timeline_pages:
            for event in events:
                for key in (timeline_anchor(event.value[:4]), timeline_anchor(event.value)):
                    self.anchor_page.setdefault(key, uri)

    def url(self, from_src: str, to_src: str, anchor: str = "") -> Markup:
        """A generated link's target: a Markdown link target (`link_target`)."""
        return link_target(from_src, to_src, anchor)

    def person_uri(self, name: str) -> str:
        return f"participants/{self.people[name].slug}.md"

    def timeline_link(self, page: str, value: str) -> Markup:
        """The link target from ``page`` to a date value's place on the timeline."""
        anchor = timeline_anchor(value)
        return self.url(page, self.anchor_page.get(anchor, TIMELINE_URI), anchor)

    def render(self) -> dict[str, str]:
        pages: dict[str, str] = {}
        chronological = list(reversed([r for r in self.records if r.date]))
        positions = {id(r): i for i, r in enumerate(chronological)}
        for record in self.records:
            try:
                pages[page_uri(record)] = self.document_page(record, chronological, positions)
            except Exception as exc:  # noqa: BLE001 - one bad page must not stop the site
                log.warning("Skipped %s: its page could not be rendered (%s)", record.source, exc)
        pages.update(self.people_pages())
        for name in self.people:
            pages.update(self.person_pages(name))
        pages.update(self.timeline_pages())
        pages.update(self.article_pages())
        pages.update(self.tag_pages())
        if self.options.home:
            pages["index.md"] = self.home_page()
        return pages

    def date_terms(self) -> dict[str, list[str]]:
        """Each document page's dates as readers type them, by page uri: its publication
        date and key dates, each as the label and every other form ("October 11, 2019",
        "11 October 2019", "2019-10-11"), for the search index."""
        terms = {}
        for record in self.records:
            published = [record.date.isoformat()] if record.date else []
            values = published + [d.value for d in record.key_dates]
            words: list[str] = []
            for value in values:
                for form in (archive.date_label(value), *archive.date_forms(value)):
                    # A value no form could say in words (an odd TIMEX) is left out.
                    readable = form != value or _YEAR_SLUG.match(form) or _ISO_DAY.match(form)
                    if readable and form not in words:
                        words.append(form)
            terms[page_uri(record)] = words
        return terms

    def llms_txt(self, title: str, description: str, base: str) -> tuple[str, str]:
        """``llms.txt`` and ``llms-full.txt`` (the llmstxt.org convention): every document's
        title, URL, date and summary, grouped as the nav groups the articles; the full file
        adds each document's key dates, people with their roles, places and organizations.
        ``base`` is the site's URL (or "" for links relative to the site root)."""

        def link(uri: str) -> str:
            return base + url_of(uri, self.options.use_directory_urls)

        def one_line(text: str) -> str:
            return " ".join(str(text).split())

        head = [f"# {one_line(title)}", ""]
        if description:
            head += [f"> {one_line(description)}", ""]
        head += [
            f"{len(self.records)} documents, each summarized, with its key dates and its "
            "participants extracted at build time. Sections follow the site's navigation.",
            "",
        ]
        if len(self._article_pages) == 1:
            groups: dict[str, list[Record]] = {}
            for record in self.records:
                year = record.date.isoformat()[:4] if record.date else UNDATED
                groups.setdefault(year, []).append(record)
            plan = [(ARTICLES_URI, label, rs) for label, rs in groups.items()]
        else:
            plan = list(self._article_pages)
        short, full = list(head), list(head)
        seen: set[str] = set()
        for _uri, label, records in plan:
            if label not in seen:
                seen.add(label)
                heading = f"## Articles: {label}"
                short += [heading, ""]
                full += [heading, ""]
            for record in records:
                when = f" ({archive.date_label(record.date.isoformat())})" if record.date else ""
                summary = one_line(record.description) or "(no summary)"
                name = one_line(record.title).replace("[", "\\[").replace("]", "\\]")
                short.append(f"- [{name}]({link(page_uri(record))}){when}: {summary}")
                full += [f"### {one_line(record.title)}", "", f"URL: {link(page_uri(record))}"]
                if record.date:
                    day = record.date.isoformat()
                    full.append(f"Published: {archive.date_label(day)} ({day})")
                full += ["", summary, ""]
                if record.key_dates:
                    full.append("Key dates:")
                    full += [
                        f"- {archive.date_label(d.value)}: {one_line(d.sentence)}"
                        for d in record.key_dates
                    ]
                if record.participants:
                    full.append("People: " + "; ".join(
                        p.name + (f" ({one_line(p.role)})" if p.role else "")
                        for p in record.participants
                    ))
                if record.places:
                    full.append("Places: " + "; ".join(e.name for e in record.places))
                if record.organizations:
                    full.append(
                        "Organizations: " + "; ".join(e.name for e in record.organizations)
                    )
                full.append("")
            short.append("")
        tail = [
            "## Optional",
            "",
            f"- [People]({link(PEOPLE_URI)}): {len(self.people)} people, A-Z by surname, "
            "each with their documents, roles and dates",
            f"- [Timeline]({link(TIMELINE_URI)}): {len(self.events)} dated events in order",
            f"- [Tags]({link(TAGS_URI)}): people, places and organizations of two documents "
            "or more",
            "",
        ]
        return "\n".join(short + tail), "\n".join(full + tail)

    def origins(self) -> dict[str, str]:
        """Each document page's source file (relative to the sources folder), by page uri."""
        return {page_uri(record): record.source for record in self.records}

    def template(self, name: str, **context: Any) -> str:
        return self.env.get_template(name).render(**context)

    def listing(
        self, page: str, limit: int | None = None, records: list[Record] | None = None
    ) -> Markup:
        """The newest documents with summary and participants, for any page's ``page`` uri."""
        records = self.records if records is None else records
        return Markup(
            self.template(
                "listing.html.j2",
                records=records[:limit] if limit else records,
                page=page,
                link=lambda r: self.url(page, page_uri(r)),
                person=lambda n: self.url(page, self.person_uri(n)),
            )
        )

    def counts(self) -> dict[str, int]:
        return {
            "documents": len(self.records),
            "people": len(self.people),
            "dates": len(self.events),
        }

    # The navigation: each generated section by its index pages only.

    def nav(self) -> list[Any]:
        """The generated sections for MkDocs' ``nav``: Articles (by year), People (A-Z),
        Timeline (by year), Tags; never one entry per document or person."""

        def section(title: str, index: str, index_title: str, parts: list[tuple[str, str]]):  # noqa: ANN202
            if not parts:
                return {title: index}
            first = index if index.endswith("/index.md") else {index_title: index}
            return {title: [first, *({label: uri} for label, uri in parts)]}

        return [
            section("Articles", ARTICLES_URI, "All years", self._article_sections()),
            section("People", PEOPLE_URI, "All people", self._people_sections()),
            section("Timeline", TIMELINE_URI, "All years", self._timeline_sections()),
            section("Tags", TAGS_URI, "All tags", self._tag_sections()),
        ]

    def nav_uris(self) -> set[str]:
        """Every generated page the default nav names."""
        found: set[str] = set()

        def walk(item: Any) -> None:
            if isinstance(item, str):
                found.add(item)
            elif isinstance(item, dict):
                for value in item.values():
                    walk(value)
            elif isinstance(item, list):
                for value in item:
                    walk(value)

        walk(self.nav())
        return found

    def _first_pages(self, plan: list[tuple[str, str, Any]]) -> list[tuple[str, str]]:
        """(label, uri) of the first page of each group of a plan; continuations left out."""
        seen: dict[str, str] = {}
        for uri, label, _ in plan:
            seen.setdefault(label, uri)
        return list(seen.items())

    def _article_sections(self) -> list[tuple[str, str]]:
        if len(self._article_pages) == 1:
            return []
        return self._first_pages(self._article_pages)

    def _people_sections(self) -> list[tuple[str, str]]:
        if len(self._people_pages) == 1:
            return []
        return self._first_pages(self._people_pages)

    def _timeline_sections(self) -> list[tuple[str, str]]:
        if len(self._timeline_pages) == 1:
            return []
        return self._first_pages(self._timeline_pages)

    def _tag_sections(self) -> list[tuple[str, str]]:
        if len(self._tag_pages) <= 1:
            return []
        return self._first_pages(self._tag_pages)

    # Plans: which records, people, events and tags go on which page.

    def _plan_articles(self) -> list[tuple[str, str, list[Record]]]:
        """[(uri, group label, records)]: one page for a small archive, else the index
        plus a page per year (and per page_size documents of a year)."""
        size = self.options.page_size
        if len(self.records) <= size:
            return [(ARTICLES_URI, "", self.records)]
        groups: dict[str, list[Record]] = {}
        for record in self.records:
            year = record.date.isoformat()[:4] if record.date else UNDATED
            groups.setdefault(year, []).append(record)
        return _pack(
            lambda stem: f"articles/{stem}/index.md", groups, size, lambda _: 1,
            lambda year: "undated" if year == UNDATED else year, frozenset({UNDATED}),
        )

    def _plan_people(self) -> list[tuple[str, str, list[archive.Person]]]:
        """People A-Z by sort name: one page up to 4 x page_size, else pages of whole
        letters (neighbouring small letters share one: "A-C")."""
        people = sorted(
            self.people.values(), key=lambda p: (sort_name(p.name).casefold(), p.name)
        )
        size = 4 * self.options.page_size
        if len(people) <= size:
            return [(PEOPLE_URI, "", people)]
        letters: dict[str, list[archive.Person]] = {}
        for person in people:
            letters.setdefault(index_letter(sort_name(person.name)), []).append(person)
        return _pack(
            lambda stem: f"participants/a-z/{stem}.md",
            _by_letters(letters), size, lambda _: 1, _letter_name,
        )

    def _plan_timeline(self) -> list[tuple[str, str, list[archive.Event]]]:
        size = 3 * self.options.page_size
        if len(self.events) <= size:
            return [(TIMELINE_URI, "", self.events)]
        years: dict[str, list[archive.Event]] = {}
        for event in self.events:
            years.setdefault(event.group[0], []).append(event)
        return _pack(
            lambda stem: f"timeline/{stem}.md", years, size, lambda _: 1,
            lambda year: "unknown" if year == archive.UNKNOWN_YEAR else year,
            frozenset({archive.UNKNOWN_YEAR}),
        )

    def tag_counts(self) -> Counter[str]:
        """In how many documents each tag (as the tags plugin sees it) appears."""
        counts: Counter[str] = Counter()
        for record in self.records:
            counts.update({t for t in record.tags if not passthrough.UNSAFE_TAG.search(str(t))})
        return counts

    def _plan_tags(self) -> list[tuple[str, str, list[tuple[str, int]]]]:
        """Tags of at least two documents: on the tags page, or, past 5 x page_size
        entries, on pages of whole letters of about that many entries."""
        listed = sorted(
            ((t, c) for t, c in self.tag_counts().items() if c >= 2),
            key=lambda tc: (tc[0].casefold(), tc[0]),
        )
        budget = 5 * self.options.page_size
        if sum(c for _, c in listed) <= budget:
            return [(TAGS_URI, "", listed)]
        letters: dict[str, list[tuple[str, int]]] = {}
        for tag, count in listed:
            letters.setdefault(index_letter(tag), []).append((tag, count))
        return _pack(
            lambda stem: f"tags/{stem}.md", _by_letters(letters), budget, lambda tc: tc[1],
            _letter_name,
        )

    def _pager(self, page: str, plan: list[tuple[str, str, Any]], label: str) -> Markup:
        """Links to every page of one group (e.g. the pages of 2019), when it has several."""
        uris = [uri for uri, group, _ in plan if group == label]
        if len(uris) <= 1:
            return Markup("")
        return Markup(
            self.template(
                "pager.html.j2",
                pages=[(n, self.url(page, uri), uri == page) for n, uri in enumerate(uris, 1)],
            )
        )

    # Pages.

    def document_page(
        self,
        record: Record,
        chronological: list[Record],
        positions: dict[int, int] | None = None,
    ) -> str:
        page = page_uri(record)
        if not record.date:
            position = -1
        elif positions is not None:
            position = positions[id(record)]
        else:
            position = chronological.index(record)
        previous = chronological[position - 1] if position > 0 else None
        following = chronological[position + 1] if 0 <= position < len(chronological) - 1 else None
        links = [
            (m, self.url(page, self.person_uri(p.name)))
            for p in record.participants
            for m in p.mentions
        ]
        # File names may hold "#", "?" or "%": the link is URL-encoded, the name shown is not.
        source = (
            Markup(
                urllib.parse.quote(self.options.source_url.rstrip("/"), safe=_URL_SAFE)
                + "/"
                + urllib.parse.quote(record.source, safe="/")
            )
            if self.options.source_url
            else self.url(page, source_copy_uri(record))  # already URL-encoded
        )
        meta = serialize.document_front_matter(record)
        body = self.template(
            "document.md.j2",
            record=record,
            text=markup_text(record.text, record.summary_spans, links),
            person=lambda n: self.url(page, self.person_uri(n)),
            link=lambda r: self.url(page, page_uri(r)),
            on_timeline=lambda value: self.timeline_link(page, value),
            previous=previous,
            following=following,
            source=source,
            full_text_search=self.options.full_text_search,
            original_url=_web_url(record.extra.get("original_url")),
        )
        return front_matter(meta) + body

    def person_page(self, name: str) -> str:
        return self.person_pages(name)[self.person_uri(name)]

    def person_pages(self, name: str) -> dict[str, str]:
        """A person's page; past page_size documents, the older ones continue on pages of
        their own (``participants/SLUG/page-2.md``), and the dates list stops at
        4 x page_size (the rest are on the documents' pages and the timeline)."""
        person = self.people[name]
        first = self.person_uri(name)
        parts = chunks(person.records, self.options.page_size)
        uris = [first] + [
            f"participants/{person.slug}/page-{n}.md" for n in range(2, len(parts) + 1)
        ]
        plan = [(uri, name, records) for uri, records in zip(uris, parts, strict=True)]
        top = person.companions.most_common(8)
        svg = charts.companions(name, top)
        dates = sorted(person.dates, key=lambda d: archive.sort_key(d[0].value))
        pages = {}
        for n, (uri, records) in enumerate(zip(uris, parts, strict=True), start=1):
            pager = self._pager(uri, plan, name)
            link = lambda r, uri=uri: self.url(uri, page_uri(r))  # noqa: E731
            if n > 1:
                title = f"{name}, page {n}"
                meta = {"title": title, "description": f"{name}: older documents", **NO_SEARCH}
                listing = self.template(
                    "person_more.md.j2", person=person, records=records, pager=pager,
                    link=link, back=self.url(uri, first),
                )  # fmt: skip
                pages[uri] = front_matter(meta) + f"# {escape(title)}\n\n" + listing
                continue
            meta = {"title": name, "description": f"{name} in {len(person.records)} documents"}
            body = self.template(
                "person.md.j2",
                person=person,
                records=records,
                pager=pager,
                companions=top,
                chart=Markup(svg),
                dates=dates,
                dates_shown=4 * self.options.page_size,
                person_link=lambda n, uri=uri: self.url(uri, self.person_uri(n)),
                link=link,
            )
            pages[uri] = front_matter(meta) + body
        return pages

    def people_pages(self) -> dict[str, str]:
        """The people index, A-Z by surname with counts; past 4 x page_size people, a page
        per letter or run of letters (and per 4 x page_size people of a letter)."""
        pages = {PEOPLE_URI: self.people_index()}
        if len(self._people_pages) == 1:
            return pages
        for uri, label, people in self._people_pages:
            title = f"People: {label}" + self._part(uri, self._people_pages, label)
            meta = {
                "title": title,
                "description": f"{len(people)} people, by surname: {label}",
                "search": {"exclude": True},
            }
            body = self.template(
                "people.md.j2",
                heading=title,
                letters=self._letter_bar(uri),
                groups=self._by_letter(people),
                pager=self._pager(uri, self._people_pages, label),
                person_link=lambda n, uri=uri: self.url(uri, self.person_uri(n)),
            )
            pages[uri] = front_matter(meta) + body
        return pages

    @staticmethod
    def _part(uri: str, plan: list[tuple[str, str, Any]], label: str) -> str:
        """", page 2" for the second page of a group; "" for a group's first page."""
        n = [u for u, g, _ in plan if g == label].index(uri) + 1
        return f", page {n}" if n > 1 else ""

    def _by_letter(self, people: list[archive.Person]) -> list[tuple[str, str, list]]:
        groups: dict[str, list[archive.Person]] = {}
        for person in people:
            groups.setdefault(index_letter(sort_name(person.name)), []).append(person)
        return [(letter, _letter_id(letter), group) for letter, group in groups.items()]

    def _letter_bar(self, page: str) -> list[tuple[str, str, int]]:
        """(letter, link, people) for every letter in use, for the A-Z bar on ``page``."""
        counts: Counter[str] = Counter()
        where: dict[str, str] = {}
        for uri, _, people in self._people_pages:
            for person in people:
                letter = index_letter(sort_name(person.name))
                counts[letter] += 1
                where.setdefault(letter, uri)
        letters = sorted(counts, key=lambda x: (x == "#", x))
        return [
            (x, Markup("#" + _letter_id(x)) if where[x] == page
             else self.url(page, where[x], _letter_id(x)), counts[x])
            for x in letters
        ]

    def people_index(self) -> str:
        page = PEOPLE_URI
        paged = len(self._people_pages) > 1
        meta = {
            "title": "People",
            "description": f"{len(self.people)} people across the archive",
            "search": {"exclude": True},
        }
        body = self.template(
            "people.md.j2",
            heading="",
            letters=self._letter_bar(page),
            groups=[] if paged else self._by_letter(self._people_pages[0][2]),
            pager=Markup(""),
            person_link=lambda n: self.url(page, self.person_uri(n)),
        )
        if paged:
            body += (
                f'\n<p class="summaries-muted">{len(self.people)} people, filed by surname; '
                "each letter leads to its page.</p>\n"
            )
        return front_matter(meta) + body

    def timeline_pages(self) -> dict[str, str]:
        pages = {TIMELINE_URI: self.timeline_page()}
        if len(self._timeline_pages) == 1:
            return pages
        emitted: set[str] = set()
        for uri, year, events in self._timeline_pages:
            title = f"Timeline: {year}" + self._part(uri, self._timeline_pages, year)
            meta = {"title": title, "description": f"Dated events of {year}", **NO_SEARCH}
            pages[uri] = front_matter(meta) + f"# {escape(title)}\n\n" + self._timeline_body(
                uri, events, "", emitted, self._pager(uri, self._timeline_pages, year)
            )
        return pages

    def _timeline_body(
        self,
        page: str,
        events: list[archive.Event],
        chart: str,
        emitted: set[str],
        pager: Markup,
    ) -> str:
        groups: dict[str, dict[str, list[archive.Event]]] = {}
        for event in events:
            year, month = event.group
            groups.setdefault(year, {}).setdefault(month, []).append(event)
        # An anchor goes on the first page that has its month: continuations have none.
        first_ids: set[str] = set()
        for event in events:
            for key in (timeline_anchor(event.value[:4]), timeline_anchor(event.value)):
                if key not in emitted:
                    emitted.add(key)
                    first_ids.add(key)
        return self.template(
            "timeline.md.j2",
            groups=groups,
            chart=Markup(chart),
            ids=first_ids,
            pager=pager,
            unknown_year=archive.UNKNOWN_YEAR,
            link=lambda r: self.url(page, page_uri(r)),
        )

    def timeline_page(self) -> str:
        page = TIMELINE_URI
        chart = self.timeline_chart()
        meta = {"title": "Timeline", "description": "Every dated event of the archive", **NO_SEARCH}
        if len(self._timeline_pages) == 1:
            return front_matter(meta) + self._timeline_body(
                page, self.events, chart, set(), Markup("")
            )
        sections = []
        for label, uri in self._first_pages(self._timeline_pages):
            events = [e for u, g, es in self._timeline_pages if g == label for e in es]
            months = Counter(e.group[1] for e in events)
            parts = [
                (m or "No month", self.timeline_link(page, e.value), months[m])
                for m, e in {e.group[1]: e for e in reversed(events)}.items()
            ]
            sections.append((label, self.url(page, uri), len(events), list(reversed(parts))))
        body = self.template(
            "sections.md.j2",
            chart=Markup(chart),
            intro=f"{len(self.events)} dated events; each year on its own page.",
            heading="Year",
            unit="Events",
            sections=sections,
        )
        return front_matter(meta) + body

    def timeline_chart(self) -> str:
        """Dated events per month (per year when that is more than 15 years of bars) from the
        first document's publication to the last event; earlier events, such as a birth year
        in an obituary, are counted in the caption instead. Year-less dates are not drawn."""
        known = [e.value for e in self.events if _YEAR_FIRST.match(e.value)]
        published = sorted(r.date.isoformat()[:7] for r in self.records if r.date)
        if not known:
            return ""
        # The chart starts at a month: a bare year ("founded in 1999") starts at its January.
        start = published[0] if published else min(known)[:7]
        if len(start) == 4:
            start += "-01"
        shown = [v for v in known if v[: len(start)] >= start[: len(v)]]
        earlier = len(known) - len(shown)
        note = f"; {earlier} earlier, not drawn" if earlier else ""
        per_month: Counter[str] = Counter(v[:7] for v in shown if _MONTH_FIRST.match(v))
        months = _month_range(sorted({start, *per_month}))
        if len(months) <= 180:
            counts = [(m, per_month.get(m, 0)) for m in months]
            return charts.bars(counts, "Dated events per month" + note, "month")
        per_year: Counter[int] = Counter(int(v[:4]) for v in shown)
        first, last = int(start[:4]), max(per_year, default=int(start[:4]))
        counts = [(str(y), per_year[y]) for y in range(first, last + 1)]
        return charts.bars(counts, "Dated events per year" + note, "year")

    def article_pages(self) -> dict[str, str]:
        pages = {ARTICLES_URI: self.articles_index()}
        if len(self._article_pages) == 1:
            return pages
        for uri, year, records in self._article_pages:
            title = f"Articles: {year}" + self._part(uri, self._article_pages, year)
            meta = {"title": title, "description": f"Documents of {year}", **NO_SEARCH}
            body = f"# {escape(title)}\n\n" + self.template(
                "articles.md.j2",
                pager=self._pager(uri, self._article_pages, year),
                groups=self._article_groups(uri, records, by_month=True),
            )
            pages[uri] = front_matter(meta) + body
        return pages

    def _article_groups(
        self, page: str, records: list[Record], by_month: bool
    ) -> list[tuple[str, Markup]]:
        groups: dict[str, list[Record]] = {}
        for record in records:
            if by_month and record.date:
                key = archive.date_label(record.date.isoformat()[:7])
            else:
                key = record.date.isoformat()[:4] if record.date else UNDATED
            groups.setdefault(key, []).append(record)
        return [(key, self.listing(page, records=rs)) for key, rs in groups.items()]

    def articles_index(self) -> str:
        """Every document, newest first, under a heading per year (undated ones last); past
        page_size documents, the years with their months and counts, a page each."""
        page = ARTICLES_URI
        meta = {"title": "Articles", "description": "Every document, newest first", **NO_SEARCH}
        if len(self._article_pages) == 1:
            body = self.template(
                "articles.md.j2",
                pager=Markup(""),
                groups=self._article_groups(page, self.records, by_month=False),
            )
            return front_matter(meta) + body
        sections = []
        for label, uri in self._first_pages(self._article_pages):
            records = [r for u, g, rs in self._article_pages if g == label for r in rs]
            months: dict[str, tuple[str, int]] = {}
            for u, g, rs in self._article_pages:
                if g != label:
                    continue
                for r in rs:
                    if r.date:
                        name = archive.date_label(r.date.isoformat()[:7])
                        anchor = slugify(name)
                        where, count = months.get(name, (self.url(page, u, anchor), 0))
                        months[name] = (where, count + 1)
            parts = [(name.split()[0], where, n) for name, (where, n) in months.items()]
            sections.append((label, self.url(page, uri), len(records), parts))
        body = self.template(
            "sections.md.j2",
            chart=Markup(""),
            intro=f"{len(self.records)} documents, newest first; each year on its own page.",
            heading="Year",
            unit="Documents",
            sections=sections,
        )
        return front_matter(meta) + body

    def tag_pages(self) -> dict[str, str]:
        """The tags page (Material's tags listing, limited to the tags of two documents or
        more; a tag of one document is on that document's page), by letter past a size."""
        once = sum(1 for c in self.tag_counts().values() if c == 1)
        if len(self._tag_pages) == 1:
            tags = self._tag_pages[0][2]
            body = self.template(
                "tags.md.j2",
                title="Tags",
                letters=[],
                directive=_tags_directive(tags),
                listed=len(tags),
                once=once,
                pager=Markup(""),
            )
            return {TAGS_URI: body}
        counts: Counter[str] = Counter()
        where: dict[str, str] = {}
        for uri, _, tags in self._tag_pages:
            for tag, _ in tags:
                counts[index_letter(tag)] += 1
                where.setdefault(index_letter(tag), uri)

        def bar(page: str) -> list[tuple[str, str, int]]:
            return [(x, self.url(page, where[x]), counts[x]) for x in where]

        pages = {
            TAGS_URI: self.template(
                "tags.md.j2",
                title="Tags",
                letters=bar(TAGS_URI),
                directive="",
                listed=sum(counts.values()),
                once=once,
                pager=Markup(""),
            )
        }
        for uri, label, tags in self._tag_pages:
            pages[uri] = self.template(
                "tags.md.j2",
                title=f"Tags: {label}" + self._part(uri, self._tag_pages, label),
                letters=bar(uri),
                directive=_tags_directive(tags),
                listed=len(tags),
                once=None,
                pager=self._pager(uri, self._tag_pages, label),
            )
        return pages

    def home_page(self) -> str:
        """Counts, the way into each view, the newest documents and the undated ones."""
        dated = [r for r in self.records if r.date]
        undated = [r for r in self.records if not r.date]
        meta = {"title": "Home", "description": "Summaries of every document in the archive"}
        body = self.template(
            "home.md.j2",
            counts=self.counts(),
            listing=self.listing("index.md", limit=20, records=dated) if dated else "",
            undated=self.listing("index.md", limit=20, records=undated) if undated else "",
            more=max(0, len(dated) - 20) + max(0, len(undated) - 20),
            articles=self.url("index.md", ARTICLES_URI),
            people=self.url("index.md", PEOPLE_URI),
            timeline=self.url("index.md", TIMELINE_URI),
        )
        return front_matter(meta) + body


ARTICLES_URI = "articles/index.md"
# Listing pages are ways in, not results: their words would outrank the documents'.
NO_SEARCH: dict[str, Any] = {"search": {"exclude": True}}
PEOPLE_URI = "participants/index.md"
TIMELINE_URI = "timeline.md"
TAGS_URI = "tags.md"
UNDATED = "Undated"


def _pack(
    uri: Callable[[str], str],
    groups: dict[str, list],
    size: int,
    weight: Callable[[Any], int],
    name: Callable[[str], str],
    alone: frozenset[str] = frozenset(),
) -> list[tuple[str, str, list]]:
    """Pages of a listing of ordered groups (letters, years), as [(uri, label, items)]:
    neighbouring groups share a page while their items weigh at most ``size`` ("A–C",
    "1990–1995"); a heavier group gets pages of its own, split between items ("S", pages
    1, 2, ...). ``uri`` makes a page's uri from its name; ``name`` a group's name."""
    plan: list[tuple[str, str, list]] = []
    run: list[tuple[str, list]] = []

    def flush() -> None:
        if not run:
            return
        first, last = sorted((run[0][0], run[-1][0]))
        label = first if first == last else f"{first}–{last}"
        stem = name(first) if first == last else f"{name(first)}-{name(last)}"
        plan.append((uri(stem), label, [item for _, items in run for item in items]))
        run.clear()

    for group, items in groups.items():
        total = sum(map(weight, items))
        if total > size or group in alone:
            flush()
            pages: list[list] = [[]]
            for item in items:
                if pages[-1] and sum(map(weight, pages[-1])) + weight(item) > size:
                    pages.append([])
                pages[-1].append(item)
            for n, chunk in enumerate(pages, start=1):
                plan.append((numbered(uri(name(group)), n), group, chunk))
            continue
        if run and sum(weight(i) for _, its in run for i in its) + total > size:
            flush()
        run.append((group, items))
    flush()
    return plan


def _by_letters(letters: dict[str, list]) -> dict[str, list]:
    return dict(sorted(letters.items(), key=lambda kv: (kv[0] == "#", kv[0])))


def _letter_name(letter: str) -> str:
    return "other" if letter == "#" else letter.lower()


def date_forms_html(value: str) -> Markup:
    """A date's other written forms, for find-in-page tools and Pagefind: in the page but not
    shown (the label already says it). Material's index gets them in its ``tags`` field
    instead (see ``plugin.add_date_terms``), so they are left out of its text."""
    forms = archive.date_forms(value)
    if not forms:
        return Markup("")
    return Markup('<span class="summaries-date-forms" data-search-exclude> ({})</span>').format(
        Markup("; ").join(map(md_escape, forms))
    )


def _letter_id(letter: str) -> str:
    return "letter-other" if letter == "#" else f"letter-{letter.lower()}"


def _tags_directive(tags: list[tuple[str, int]]) -> Markup:
    """Material's tags listing of exactly ``tags`` (none: no listing, as an empty include
    list would list every tag)."""
    if not tags:
        return Markup("")
    config = {"include": [t for t, _ in tags], "toc": False}
    return Markup("<!-- material/tags " + json.dumps(config, ensure_ascii=False) + " -->")


def _web_url(value: object) -> str | None:
    """An author's link, only when it is a plain web address (never ``javascript:``)."""
    if isinstance(value, str) and re.match(r"^https?://[^\s\"'<>]+$", value.strip()):
        return value.strip()
    return None


_YEAR_FIRST = re.compile(r"^\d{4}(?:-|$)")
_MONTH_FIRST = re.compile(r"^\d{4}-(?:0[1-9]|1[0-2])(?:-|$)")


def _month_range(months: list[str]) -> list[str]:
    """Every month from the first to the last, so gaps show as gaps. Values that are not a
    ``YYYY-MM`` month (a bare year, a week, a quarter) are left out rather than guessed."""
    valid = sorted(m[:7] for m in months if _MONTH_FIRST.match(m))
    if not valid:
        return []
    y, m = int(valid[0][:4]), int(valid[0][5:7])
    y2, m2 = int(valid[-1][:4]), int(valid[-1][5:7])
    out = []
    while (y, m) <= (y2, m2) and len(out) < 1200:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    if len(out) >= 1200:
        return sorted(set(valid))
    return out
