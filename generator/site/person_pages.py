"""The people of the archive: a page per person, and the A-Z index of them."""

from __future__ import annotations

from markupsafe import Markup

from .archive import Person, sort_key
from .charts import companions
from .context import NO_SEARCH, RenderContext
from .frontmatter import front_matter
from .markup import md_escape
from .plans import SUBJECT_DATES, chunks, index_letter, part, sort_name
from .urls import PEOPLE_URI, letter_id, page_uri


class PersonViews(RenderContext):
    """A page (or pages) per person and the people index."""

    def person_page(self, name: str) -> str:
        return self.person_pages(name)[self.person_uri(name)]

    def person_pages(self, name: str) -> dict[str, str]:
        """A person's page; past page_size documents, the older ones continue on pages of
        their own (``participants/SLUG/page-2.md``), and the dates list stops at
        SUBJECT_DATES x page_size (the rest are on the documents' pages and the timeline)."""
        person = self.people[name]
        first = self.person_uri(name)
        parts = chunks(person.records, self.options.page_size)
        uris = [first] + [
            f"participants/{person.slug}/page-{n}.md" for n in range(2, len(parts) + 1)
        ]
        plan = [(uri, name, records) for uri, records in zip(uris, parts, strict=True)]
        top = person.companions.most_common(8)
        svg = companions(name, top)
        dates = sorted(person.dates, key=lambda d: sort_key(d[0].value))
        pages = {}
        for n, (uri, records) in enumerate(zip(uris, parts, strict=True), start=1):
            pager = self.pager(uri, plan, name)
            link = lambda r, uri=uri: self.url(uri, page_uri(r))  # noqa: E731
            if n > 1:
                title = f"{name}, page {n}"
                meta = {"title": title, "description": f"{name}: older documents", **NO_SEARCH}
                listing = self.template(
                    "person_more.md.j2", person=person, records=records, pager=pager,
                    link=link, back=self.url(uri, first),
                )  # fmt: skip
                pages[uri] = front_matter(meta) + f"# {md_escape(title)}\n\n" + listing
                continue
            count = len(person.records)
            meta: dict = {"title": name, "description": f"{name} in {count} documents"}
            if count == 1:
                # The page repeats its one document, which the search finds by the name
                # (among its tags, weighed above any title): most people of an archive
                # appear once, and their entries were a fifth of the index.
                meta.update(NO_SEARCH)
            body = self.template(
                "person.md.j2",
                person=person,
                records=records,
                pager=pager,
                companions=top,
                chart=Markup(svg),
                dates=dates,
                dates_shown=SUBJECT_DATES * self.options.page_size,
                person_link=lambda n, uri=uri: self.person_link(uri, n),
                link=link,
                feeds=self.feed_links(uri, person.records),
            )
            pages[uri] = front_matter(meta) + body
        return pages

    def people_pages(self) -> dict[str, str]:
        """The people index, A-Z by surname with counts; past 4 x page_size people, a page
        per letter or run of letters (and per 4 x page_size people of a letter)."""
        pages = {PEOPLE_URI: self.people_index()}
        if len(self.people_plan) == 1:
            return pages
        for uri, label, people in self.people_plan:
            title = f"People: {label}" + part(uri, self.people_plan, label)
            meta = {
                "title": title,
                "description": f"{len(people)} people, by surname: {label}",
                "search": {"exclude": True},
            }
            body = self.template(
                "people.md.j2",
                heading=title,
                letters=self.letter_bar(uri, self.people_plan, lambda p: sort_name(p.name)),
                groups=self._by_letter(people),
                pager=self.pager(uri, self.people_plan, label),
                person_link=lambda n, uri=uri: self.url(uri, self.person_uri(n)),
            )
            pages[uri] = front_matter(meta) + body
        return pages

    def _by_letter(self, people: list[Person]) -> list[tuple[str, str, list]]:
        groups: dict[str, list[Person]] = {}
        for person in people:
            groups.setdefault(index_letter(sort_name(person.name)), []).append(person)
        return [(letter, letter_id(letter), group) for letter, group in groups.items()]

    def people_index(self) -> str:
        page = PEOPLE_URI
        paged = len(self.people_plan) > 1
        meta = {
            "title": "People",
            "description": f"{len(self.people)} people across the archive",
            "search": {"exclude": True},
        }
        body = self.template(
            "people.md.j2",
            heading="",
            letters=self.letter_bar(page, self.people_plan, lambda p: sort_name(p.name)),
            groups=[] if paged else self._by_letter(self.people_plan[0][2]),
            pager=Markup(""),
            person_link=lambda n: self.url(page, self.person_uri(n)),
        )
        if paged:
            body += (
                f'\n<p class="summaries-muted">{len(self.people)} people, filed by surname; '
                "each letter leads to its page.</p>\n"
            )
        return front_matter(meta) + body
