"""Rendering: records into Markdown pages (YAML front matter + escaped HTML body).

Document text only ever reaches a page through Jinja2's autoescaping or ``markupsafe.escape``
inside raw HTML blocks, which Markdown passes through untouched: text that looks like HTML,
Markdown, YAML or Jinja shows literally. Front matter is written by PyYAML's safe emitter.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import logging
import posixpath
import re
import urllib.parse
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import yaml
from markupsafe import Markup, escape

from . import archive, charts, passthrough
from .build import slugify
from .record import Mention, Record

log = logging.getLogger("mkdocs.plugins.summaries")

LISTING_MARKER = "<!-- summaries:listing -->"
CSS_URI = "assets/summaries/summaries.css"
SOURCES_DIR = "_sources"


def default_templates() -> Path:
    """The packaged templates: the checkout's own ``site_templates/`` when running from one
    (an editable install elsewhere, e.g. another worktree, must not shadow it), else the
    installed ``generator.site_templates`` package."""
    local = Path(__file__).resolve().parent.parent / "site_templates"
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


def page_uri(record: Record) -> str:
    if record.date:
        return f"articles/{record.date[:4]}/{record.date[5:7]}/{record.slug}.md"
    return f"articles/{record.slug}.md"


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
        )

    def url(self, from_src: str, to_src: str, anchor: str = "") -> Markup:
        """A generated link's target: a Markdown link target (`link_target`)."""
        return link_target(from_src, to_src, anchor)

    def person_uri(self, name: str) -> str:
        return f"participants/{self.people[name].slug}.md"

    def render(self) -> dict[str, str]:
        pages: dict[str, str] = {}
        chronological = list(reversed([r for r in self.records if r.date]))
        for record in self.records:
            try:
                pages[page_uri(record)] = self.document_page(record, chronological)
            except Exception as exc:  # noqa: BLE001 - one bad page must not stop the site
                log.warning("Skipped %s: its page could not be rendered (%s)", record.source, exc)
        pages["participants/index.md"] = self.people_index()
        for name in self.people:
            pages[self.person_uri(name)] = self.person_page(name)
        pages["timeline.md"] = self.timeline_page()
        pages["articles/index.md"] = self.articles_index()
        pages["tags.md"] = self.template("tags.md.j2", page="tags.md")
        if self.options.home:
            pages["index.md"] = self.home_page()
        return pages

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

    def document_page(self, record: Record, chronological: list[Record]) -> str:
        page = page_uri(record)
        position = chronological.index(record) if record.date else -1
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
        meta = record.front_matter()
        body = self.template(
            "document.md.j2",
            record=record,
            text=markup_text(record.text, record.summary_spans, links),
            person=lambda n: self.url(page, self.person_uri(n)),
            link=lambda r: self.url(page, page_uri(r)),
            timeline=self.url(page, "timeline.md"),
            previous=previous,
            following=following,
            source=source,
            full_text_search=self.options.full_text_search,
            original_url=_web_url(record.extra.get("original_url")),
        )
        return front_matter(meta) + body

    def person_page(self, name: str) -> str:
        person = self.people[name]
        page = self.person_uri(name)
        top = person.companions.most_common(8)
        svg = charts.companions(name, top)
        dates = sorted(person.dates, key=lambda d: archive.sort_key(d[0].value))
        meta = {"title": name, "description": f"{name} in {len(person.records)} documents"}
        body = self.template(
            "person.md.j2",
            person=person,
            companions=top,
            chart=Markup(svg),
            dates=dates,
            person_link=lambda n: self.url(page, self.person_uri(n)),
            link=lambda r: self.url(page, page_uri(r)),
        )
        return front_matter(meta) + body

    def people_index(self) -> str:
        page = "participants/index.md"
        people = sorted(self.people.values(), key=lambda p: (-len(p.records), p.name.casefold()))
        meta = {"title": "People", "description": f"{len(people)} people across the archive"}
        body = self.template(
            "people.md.j2", people=people, person_link=lambda n: self.url(page, self.person_uri(n))
        )
        return front_matter(meta) + body

    def timeline_page(self) -> str:
        page = "timeline.md"
        chart = self.timeline_chart()
        groups: dict[str, dict[str, list[archive.Event]]] = {}
        for event in self.events:
            year, month = event.group
            groups.setdefault(year, {}).setdefault(month, []).append(event)
        meta = {"title": "Timeline", "description": "Every dated event across the archive"}
        body = self.template(
            "timeline.md.j2",
            groups=groups,
            chart=Markup(chart),
            unknown_year=archive.UNKNOWN_YEAR,
            link=lambda r: self.url(page, page_uri(r)),
        )
        return front_matter(meta) + body

    def timeline_chart(self) -> str:
        """Dated events per month (per year when that is more than 15 years of bars) from the
        first document's publication to the last event; earlier events, such as a birth year
        in an obituary, are counted in the caption instead. Year-less dates are not drawn."""
        known = [e.value for e in self.events if _YEAR_FIRST.match(e.value)]
        published = sorted(r.date[:7] for r in self.records if r.date)
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

    def articles_index(self) -> str:
        """Every document, newest first, under a heading per year (undated ones last)."""
        page = "articles/index.md"
        groups: dict[str, list[Record]] = {}
        for record in self.records:
            groups.setdefault(record.date[:4] if record.date else "Undated", []).append(record)
        meta = {"title": "Articles", "description": "Every document, newest first"}
        body = self.template(
            "articles.md.j2",
            groups=[(year, self.listing(page, records=rs)) for year, rs in groups.items()],
        )
        return front_matter(meta) + body

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
            articles=self.url("index.md", "articles/index.md"),
            people=self.url("index.md", "participants/index.md"),
            timeline=self.url("index.md", "timeline.md"),
        )
        return front_matter(meta) + body


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
