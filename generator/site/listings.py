"""The ways into the archive: the home page, the articles by year, the tags."""

from __future__ import annotations

import json
from collections import Counter

from markupsafe import Markup

from ..record import Record
from ..sources import slugify
from .archive import date_label
from .context import NO_SEARCH, RenderContext
from .frontmatter import front_matter
from .markup import md_escape
from .plans import UNDATED, first_pages, index_letter, part, tag_counts
from .urls import ARTICLES_URI, PEOPLE_URI, TAGS_URI, TIMELINE_URI


def _tags_directive(tags: list[tuple[str, int]]) -> Markup:
    """Material's tags listing of exactly ``tags`` (none: no listing, as an empty include
    list would list every tag)."""
    if not tags:
        return Markup("")
    config = {"include": [t for t, _ in tags], "toc": False}
    return Markup("<!-- material/tags " + json.dumps(config, ensure_ascii=False) + " -->")


class ListingViews(RenderContext):
    """The home page, the articles listings and the tags pages."""

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

    def article_pages(self) -> dict[str, str]:
        pages = {ARTICLES_URI: self.articles_index()}
        if len(self.article_plan) == 1:
            return pages
        for uri, year, records in self.article_plan:
            title = f"Articles: {year}" + part(uri, self.article_plan, year)
            meta = {"title": title, "description": f"Documents of {year}", **NO_SEARCH}
            body = f"# {md_escape(title)}\n\n" + self.template(
                "articles.md.j2",
                pager=self.pager(uri, self.article_plan, year),
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
                key = date_label(record.date.isoformat()[:7])
            else:
                key = record.date.isoformat()[:4] if record.date else UNDATED
            groups.setdefault(key, []).append(record)
        return [(key, self.listing(page, records=rs)) for key, rs in groups.items()]

    def articles_index(self) -> str:
        """Every document, newest first, under a heading per year (undated ones last); past
        page_size documents, the years with their months and counts, a page each."""
        page = ARTICLES_URI
        meta = {"title": "Articles", "description": "Every document, newest first", **NO_SEARCH}
        if len(self.article_plan) == 1:
            body = self.template(
                "articles.md.j2",
                pager=Markup(""),
                groups=self._article_groups(page, self.records, by_month=False),
            )
            return front_matter(meta) + body
        sections = []
        for label, uri in first_pages(self.article_plan):
            records = [r for u, g, rs in self.article_plan if g == label for r in rs]
            months: dict[str, tuple[str, int]] = {}
            for u, g, rs in self.article_plan:
                if g != label:
                    continue
                for r in rs:
                    if r.date:
                        name = date_label(r.date.isoformat()[:7])
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
        once = sum(1 for c in tag_counts(self.records).values() if c == 1)
        heavy = [(tag, self.name_link(TAGS_URI, tag), n) for tag, n in self.heavy_tags]
        if len(self.tag_plan) == 1:
            tags = self.tag_plan[0][2]
            body = self.template(
                "tags.md.j2",
                title="Tags",
                letters=[],
                directive=_tags_directive(tags),
                listed=len(tags) + len(heavy),
                once=once,
                heavy=heavy,
                pager=Markup(""),
            )
            return {TAGS_URI: body}
        counts: Counter[str] = Counter()
        where: dict[str, str] = {}
        for uri, _, tags in self.tag_plan:
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
                listed=sum(counts.values()) + len(heavy),
                once=once,
                heavy=heavy,
                pager=Markup(""),
            )
        }
        for uri, label, tags in self.tag_plan:
            pages[uri] = self.template(
                "tags.md.j2",
                title=f"Tags: {label}" + part(uri, self.tag_plan, label),
                letters=bar(uri),
                directive=_tags_directive(tags),
                listed=len(tags),
                once=None,
                heavy=[],
                pager=self.pager(uri, self.tag_plan, label),
            )
        return pages
