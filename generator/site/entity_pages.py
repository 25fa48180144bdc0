"""Places and organizations: a page (or pages) each, as people have, and an A-Z index of each
kind with the people index's rules (a page per letter or run of letters past a size)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from markupsafe import Markup

from .archive import Named, sort_key
from .charts import companions
from .context import NO_SEARCH
from .frontmatter import front_matter
from .markup import md_escape
from .plans import SUBJECT_DATES, Plan, chunks, first_pages, index_letter, part, plan_a_z
from .topic_feeds import TopicFeedViews
from .urls import ORGANIZATIONS_URI, PLACES_URI, letter_id, page_uri


@dataclass(frozen=True)
class Kind:
    key: str  # the records' field and the pages' folder
    title: str
    one: str  # one of them, in a sentence
    index_uri: str


PLACES = Kind("places", "Places", "place", PLACES_URI)
ORGANIZATIONS = Kind("organizations", "Organizations", "organization", ORGANIZATIONS_URI)
KINDS = (PLACES, ORGANIZATIONS)
# The chart of the people who appear with a place holds as many as a person's has.
CHART_PEOPLE = 8


def filing_name(name: str) -> str:
    """The name as an index files it: without a leading "The" (The Hague under H, the
    United Nations under U); a one-word name is itself."""
    first, _, rest = name.partition(" ")
    return rest if first.casefold() == "the" and rest.strip() else name


def filing_key(name: str) -> tuple[bool, str, str, str]:
    """Where a name files: by its letter (accents folded, Ålesund under A; names that start
    with no letter, ``#``, last), then by its filing name without accents or case."""
    filed = filing_name(name)
    letter = index_letter(filed)
    folded = "".join(
        c for c in unicodedata.normalize("NFKD", filed) if not unicodedata.combining(c)
    ).casefold()
    return (letter == "#", letter, folded, name)


def plan_entities(named: Iterable[Named], page_size: int, kind: Kind) -> Plan:
    """Places (or organizations) A-Z by filing name, as the people index (`plans.plan_a_z`)."""
    return plan_a_z(
        named,
        page_size,
        lambda e: filing_key(e.name),
        lambda e: filing_name(e.name),
        kind.index_uri,
        kind.key,
    )


def _count(n: int, kind: Kind) -> str:
    return f"{n} {kind.one if n == 1 else kind.key}"


class EntityViews(TopicFeedViews):
    """A page (or pages) per place and per organization, their feeds (as a person's, from
    `TopicFeedViews`) and their A-Z indexes."""

    @cached_property
    def entity_plans(self) -> dict[str, Plan]:
        return {
            kind.key: plan_entities(getattr(self, kind.key).values(), self.options.page_size, kind)
            for kind in KINDS
        }

    def _kinds(self) -> list[Kind]:
        """The kinds the archive names any of (each gets its index, which lists every name,
        even of one document): a site without organizations gets no empty section."""
        if not self.options.entity_pages:
            return []
        return [kind for kind in KINDS if getattr(self, kind.key)]

    def entity_site_pages(self) -> dict[str, str]:
        """Every place's and organization's pages and feeds, and the indexes of both."""
        pages: dict[str, str] = {}
        for kind in self._kinds():
            pages.update(self.entity_index_pages(kind))
            named: dict[str, Named] = getattr(self, kind.key)
            for name, entity in named.items():
                uri = self.entity_uri(kind.key, name)
                if uri is None:  # named in one document: that document's page is its page
                    continue
                pages.update(self.entity_pages(kind, name))
                pages.update(self.subject_feeds(uri, name, entity.records))
        return pages

    def entity_nav(self) -> list[dict[str, Any]]:
        """The Places and Organizations sections of the nav, as People's: the index, and its
        letter pages when it has them."""
        nav: list[dict[str, Any]] = []
        for kind in self._kinds():
            plan = self.entity_plans[kind.key]
            parts = [] if len(plan) == 1 else first_pages(plan)
            nav.append(
                {kind.title: [kind.index_uri, *({label: uri} for label, uri in parts)]}
                if parts
                else {kind.title: kind.index_uri}
            )
        return nav

    def entity_pages(self, kind: Kind, name: str) -> dict[str, str]:
        """A place's (or organization's) page: its documents newest first with their
        summaries, their key dates, the people who appear in them. Bounded as a person's
        page is: page_size documents a page (older ones on ``places/SLUG/page-2.md``...),
        SUBJECT_DATES x page_size dates, page_size people (the rest are on the documents' pages)."""
        entity: Named = getattr(self, kind.key)[name]
        first = f"{kind.key}/{entity.slug}.md"
        size = self.options.page_size
        parts = chunks(entity.records, size)
        uris = [first] + [f"{kind.key}/{entity.slug}/page-{n}.md" for n in range(2, len(parts) + 1)]
        plan = [(uri, name, records) for uri, records in zip(uris, parts, strict=True)]
        people = sorted(entity.people.items(), key=lambda pn: (-pn[1], pn[0]))
        dates = sorted(entity.dates, key=lambda d: sort_key(d[0].value))
        dated = [r.date for r in entity.records if r.date]
        count = len(entity.records)
        pages = {}
        for n, (uri, records) in enumerate(zip(uris, parts, strict=True), start=1):
            common = {
                "entity": entity,
                "kind": kind,
                "records": records,
                "pager": self.pager(uri, plan, name),
                "link": lambda r, uri=uri: self.url(uri, page_uri(r)),
            }
            if n > 1:
                title = f"{name}, page {n}"
                meta = {"title": title, "description": f"{name}: older documents", **NO_SEARCH}
                body = self.template("entity_more.md.j2", back=self.url(uri, first), **common)
                pages[uri] = front_matter(meta) + f"# {md_escape(title)}\n\n" + body
                continue
            # Out of the search index, as listings are: each of its documents is there with
            # the name among its tags, and the index stays within its size per document.
            meta = {
                "title": name,
                "description": f"{name} in {count} document{'' if count == 1 else 's'}",
                **NO_SEARCH,
            }
            body = self.template(
                "entity.md.j2",
                **common,
                newest=max(dated) if dated else None,
                oldest=min(dated) if dated else None,
                dates=dates,
                dates_shown=SUBJECT_DATES * size,
                people=people,
                people_shown=size,
                chart=Markup(companions(name, people[:CHART_PEOPLE])),
                person_link=lambda p, uri=uri: self.person_link(uri, p),
                feeds=self.feed_links(uri, entity.records),
            )
            pages[uri] = front_matter(meta) + body
        return pages

    def entity_index_pages(self, kind: Kind) -> dict[str, str]:
        """The A-Z index of one kind: every name with its count and latest document, linked
        to its page when it has one; past 4 x page_size names, a page per letter or run of
        letters, as the people index."""
        plan = self.entity_plans[kind.key]
        named: dict[str, Named] = getattr(self, kind.key)
        paged = len(plan) > 1
        meta = {
            "title": kind.title,
            "description": f"{_count(len(named), kind)} across the archive",
            **NO_SEARCH,
        }
        body = self._entity_index_body(kind, kind.index_uri, "", [] if paged else plan[0][2])
        if paged:
            body += (
                f'\n<p class="summaries-muted">{_count(len(named), kind)}, A-Z; '
                "each letter leads to its page.</p>\n"
            )
        pages = {kind.index_uri: front_matter(meta) + body}
        if not paged:
            return pages
        for uri, label, entities in plan:
            title = f"{kind.title}: {label}" + part(uri, plan, label)
            meta = {
                "title": title,
                "description": f"{_count(len(entities), kind)}: {label}",
                **NO_SEARCH,
            }
            pages[uri] = front_matter(meta) + self._entity_index_body(
                kind, uri, title, entities, self.pager(uri, plan, label)
            )
        return pages

    def _entity_index_body(
        self,
        kind: Kind,
        page: str,
        heading: str,
        entities: list[Named],
        pager: Markup = Markup(""),  # noqa: B008 - immutable
    ) -> str:
        groups: dict[str, list[Named]] = {}
        for entity in entities:
            groups.setdefault(index_letter(filing_name(entity.name)), []).append(entity)
        return self.template(
            "entities.md.j2",
            kind=kind,
            heading=heading,
            letters=self.letter_bar(
                page, self.entity_plans[kind.key], lambda e: filing_name(e.name)
            ),
            groups=[(letter, letter_id(letter), group) for letter, group in groups.items()],
            pager=pager,
            entity_link=lambda name: self.entity_link(page, kind.key, name),
            link=lambda r: self.url(page, page_uri(r)),
        )

