"""What every view of the site renders with: the options, the archive's records, people and
events, the page plans, the Jinja2 environment, and the links between pages."""

from __future__ import annotations

import importlib.resources
import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ..record import Record
from ..sources import slugify
from .archive import (
    ENTITY_MIN_DOCUMENTS,
    Named,
    bound_people,
    by_date_desc,
    date_label,
    is_calendar_date,
)
from .archive import entities as entities_of
from .archive import people as people_of
from .archive import timeline as events_of
from .markup import date_forms_html, md_escape
from .plans import (
    heavy_tags,
    index_letter,
    plan_articles,
    plan_people,
    plan_tags,
    plan_timeline,
    tag_counts,
)
from .urls import TIMELINE_URI, letter_id, link_target, page_uri, timeline_anchor

log = logging.getLogger("mkdocs.plugins.summaries")
# Listing pages are ways in, not results: their words would outrank the documents'.
NO_SEARCH: dict[str, Any] = {"search": {"exclude": True}}


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
    # The site's address: feeds of people and stories need absolute links (none without).
    site_url: str | None = None
    # Person pages in total (each document already names at most 100 people): past it, the
    # people in the fewest documents get none, and their documents name them as plain text.
    max_person_pages: int = 3000
    # A page per place and per organization (of ENTITY_MIN_DOCUMENTS documents or more) and
    # their A-Z indexes; off, their names are plain text on the documents' pages.
    entity_pages: bool = True
    # Story threads: "More on this story" and "Related" on document pages, a page per thread.
    stories: bool = True


def _finalize(value: Any) -> Any:
    """Every ``{{ value }}`` of a template that is plain text is escaped for HTML and Markdown
    (see `md_escape`); markup, numbers and links the renderer made pass as they are."""
    return md_escape(value) if isinstance(value, str) else value


def _join(values: Iterable[Any], separator: str = "") -> Markup:
    return md_escape(separator).join(md_escape(v) for v in values)


class RenderContext:
    """The state the views share; `SiteRenderer` adds the views themselves."""

    def __init__(self, records: list[Record], options: SiteOptions) -> None:
        self.options = options
        self.records = by_date_desc(records)
        everyone = people_of(self.records, slugify)
        self.people, self.unpaged = bound_people(everyone, options.max_person_pages)
        if self.unpaged:
            log.warning(
                "summaries: %d people in the archive, more than max_person_pages (%d): the %d "
                "in the fewest documents (at most %d; fewest mentions next, then by name) get "
                "no page and no place in the People index; their documents name them as "
                "plain text",
                len(everyone),
                options.max_person_pages,
                len(self.unpaged),
                max(len(p.records) for p in self.unpaged),
            )
        self.events = events_of(self.records)
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
            date_label=date_label,
            anchor=timeline_anchor,
            is_calendar_date=is_calendar_date,
            forms=date_forms_html,
        )
        size = options.page_size
        self.article_plan = plan_articles(self.records, size)
        self.people_plan = plan_people(self.people.values(), size)
        self.timeline_plan = plan_timeline(self.events, size)
        counts = tag_counts(self.records)
        self.tag_plan = plan_tags(counts, size)
        self.heavy_tags = heavy_tags(counts, size)
        # Where each timeline anchor is: the first page that has the month (or year).
        self.anchor_page: dict[str, str] = {}
        for uri, _, events in self.timeline_plan:
            for event in events:
                for key in (timeline_anchor(event.value[:4]), timeline_anchor(event.value)):
                    self.anchor_page.setdefault(key, uri)

    def url(self, from_src: str, to_src: str, anchor: str = "") -> Markup:
        """A generated link's target: a Markdown link target (`link_target`)."""
        return link_target(from_src, to_src, anchor)

    def feed_links(self, page: str, records: list[Record]) -> dict[str, Any] | None:
        """Links to a subject page's feeds (topic_feeds.py gives them; none here)."""
        return None

    def person_uri(self, name: str) -> str:
        return f"participants/{self.people[name].slug}.md"

    def person_link(self, page: str, name: str) -> Markup | None:
        """The link target from ``page`` to a person's page; None for a person without one
        (past ``max_person_pages``), whom templates name as plain text."""
        if name not in self.people:
            return None
        return self.url(page, self.person_uri(name))

    # Places and organizations, indexed when first asked for (their pages, a document's rows).

    @cached_property
    def places(self) -> dict[str, Named]:
        return entities_of(self.records, "places", slugify)

    @cached_property
    def organizations(self) -> dict[str, Named]:
        return entities_of(self.records, "organizations", slugify)

    def entity_uri(self, kind: str, name: str) -> str | None:
        """The page of a place or organization (``kind``: "places" or "organizations");
        None for a name that has none (of fewer than ENTITY_MIN_DOCUMENTS, or blank)."""
        if not self.options.entity_pages:
            return None
        entity = getattr(self, kind).get(name)
        if entity is None or len(entity.records) < ENTITY_MIN_DOCUMENTS:
            return None
        return f"{kind}/{entity.slug}.md"

    def entity_link(self, page: str, kind: str, name: str) -> Markup | None:
        """The link target from ``page`` to a place's or organization's page, if it has one."""
        uri = self.entity_uri(kind, name)
        return self.url(page, uri) if uri else None

    def name_link(self, page: str, name: str) -> Markup | None:
        """The link target from ``page`` to the page of whoever or whatever a tag names: a
        person, a place or an organization; None when it has none."""
        return (
            self.person_link(page, name)
            or self.entity_link(page, "places", name)
            or self.entity_link(page, "organizations", name)
        )

    def letter_bar(
        self, page: str, plan: list[tuple[str, str, Any]], filed: Callable[[Any], str]
    ) -> list[tuple[str, str, int]]:
        """(letter, link, count) for every letter in use in an A-Z listing ``plan``, for the
        bar on ``page``: ``filed`` gives the name an item is filed under."""
        counts: Counter[str] = Counter()
        where: dict[str, str] = {}
        for uri, _, items in plan:
            for item in items:
                letter = index_letter(filed(item))
                counts[letter] += 1
                where.setdefault(letter, uri)
        letters = sorted(counts, key=lambda x: (x == "#", x))
        return [
            (x, Markup("#" + letter_id(x)) if where[x] == page
             else self.url(page, where[x], letter_id(x)), counts[x])
            for x in letters
        ]  # fmt: skip

    def timeline_link(self, page: str, value: str) -> Markup:
        """The link target from ``page`` to a date value's place on the timeline."""
        anchor = timeline_anchor(value)
        return self.url(page, self.anchor_page.get(anchor, TIMELINE_URI), anchor)

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
                person=lambda n: self.person_link(page, n),
            )
        )

    def counts(self) -> dict[str, int]:
        return {
            "documents": len(self.records),
            "people": len(self.people),
            "dates": len(self.events),
        }

    def pager(self, page: str, plan: list[tuple[str, str, Any]], label: str) -> Markup:
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
