"""The renderer: all generated pages of one archive, and the navigation that leads to them."""

from __future__ import annotations

import logging
from collections.abc import Container
from typing import Any

from .document import DocumentViews
from .entity_pages import EntityViews
from .feeds import FeedViews
from .listings import ListingViews
from .person_pages import PersonViews
from .plans import first_pages
from .stories import STORIES_URI
from .timeline import TimelineViews
from .topic_feeds import TopicFeedViews
from .urls import ARTICLES_URI, PEOPLE_URI, TAGS_URI, TIMELINE_URI, page_uri

log = logging.getLogger("mkdocs.plugins.summaries")


class SiteRenderer(
    DocumentViews,
    ListingViews,
    PersonViews,
    EntityViews,
    TimelineViews,
    FeedViews,
    TopicFeedViews,
):
    """All generated pages of one archive, as ``{src_uri: markdown}``."""

    # The pages as `assemble` got them (rendered, or from the page cache): the nav asks them
    # whether the archive has stories, so a build that renders nothing never looks for the
    # threads (their similarities grow with the square of the archive).
    rendered: Container[str] | None = None

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
        pages.update(self.entity_site_pages())
        pages.update(self.timeline_pages())
        pages.update(self.article_pages())
        pages.update(self.tag_pages())
        pages.update(self.story_pages())
        pages.update(self.topic_feeds())
        if self.options.home:
            pages["index.md"] = self.home_page()
        return pages

    # The navigation: each generated section by its index pages only.

    def nav(self) -> list[Any]:
        """The generated sections for MkDocs' ``nav``: Articles (by year), People, Places and
        Organizations (A-Z), Timeline (by year), Tags; never one entry per document, person,
        place or organization."""

        def section(title: str, index: str, index_title: str, parts: list[tuple[str, str]]):  # noqa: ANN202
            if not parts:
                return {title: index}
            first = index if index.endswith("/index.md") else {index_title: index}
            return {title: [first, *({label: uri} for label, uri in parts)]}

        entities = self.entity_nav()
        sections = [
            section("Articles", ARTICLES_URI, "All years", self._article_sections()),
            section("People", PEOPLE_URI, "All people", self._people_sections()),
            *entities,
            section("Timeline", TIMELINE_URI, "All years", self._timeline_sections()),
            section("Tags", TAGS_URI, "All tags", self._tag_sections()),
        ]
        if self._has_stories():
            sections.insert(2 + len(entities), {"Stories": STORIES_URI})
        return sections

    def _has_stories(self) -> bool:
        if self.rendered is not None and "stories" not in self.__dict__:
            return STORIES_URI in self.rendered
        return bool(self.stories.threads)

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

    def _article_sections(self) -> list[tuple[str, str]]:
        if len(self.article_plan) == 1:
            return []
        return first_pages(self.article_plan)

    def _people_sections(self) -> list[tuple[str, str]]:
        if len(self.people_plan) == 1:
            return []
        return first_pages(self.people_plan)

    def _timeline_sections(self) -> list[tuple[str, str]]:
        if len(self.timeline_plan) == 1:
            return []
        return first_pages(self.timeline_plan)

    def _tag_sections(self) -> list[tuple[str, str]]:
        if len(self.tag_plan) <= 1:
            return []
        return first_pages(self.tag_plan)
