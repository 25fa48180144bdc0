"""Story threads on the site: "More on this story" and "Related" on each document page, a
page per thread listing its documents in date order with their summaries, and an index."""

from __future__ import annotations

import functools
import logging
from typing import Any

from ..record import Record
from ..sources import slugify
from .archive import unique_slug
from .context import NO_SEARCH, RenderContext
from .frontmatter import front_matter
from .threads import Stories, find_stories, name_key
from .urls import page_uri

log = logging.getLogger("mkdocs.plugins.summaries")
STORIES_URI = "stories/index.md"


class StoryViews(RenderContext):
    """The thread pages and the blocks document pages show about their thread."""

    @functools.cached_property
    def stories(self) -> Stories:
        if not self.options.stories:
            return Stories()
        try:
            return find_stories(self.records)
        except Exception as exc:  # noqa: BLE001 - threads are a help, never a failed site
            log.warning("No story threads: they could not be computed (%s)", exc)
            return Stories()

    @functools.cached_property
    def story_uris(self) -> list[str]:
        """Each thread's page, named after its first document (unique, never the index)."""
        taken = {"index"}
        return [
            f"stories/{unique_slug(self.by_source[t.members[0]].slug, slugify, taken)}.md"
            for t in self.stories.threads
        ]

    @functools.cached_property
    def by_source(self) -> dict[str, Record]:
        return {r.source: r for r in self.records}

    def story_context(self, record: Record, page: str) -> dict[str, Any]:
        """What document.md.j2 shows of the record's thread and related documents."""
        found = self.stories.thread_of.get(record.source)
        story = None
        if found is not None:
            members = [self.by_source[s] for s in self.stories.threads[found].members]
            story = {
                "records": members,
                "link": self.url(page, self.story_uris[found]),
            }
        related = [self.by_source[s] for s in self.stories.related.get(record.source, [])]
        return {"story": story, "related": related}

    def story_pages(self) -> dict[str, str]:
        if not self.stories.threads:
            return {}
        pages = {STORIES_URI: self._stories_index()}
        for thread, uri in zip(self.stories.threads, self.story_uris, strict=True):
            records = [self.by_source[s] for s in thread.members]
            title = f"Story: {records[0].title}"
            meta = {
                "title": title,
                "description": f"{len(records)} documents on one story",
                **NO_SEARCH,
            }
            body = self.template(
                "story.md.j2",
                heading=title,
                names=self._shown_names(thread.names, records),
                records=records,
                link=lambda r, uri=uri: self.url(uri, page_uri(r)),
                feeds=self.feed_links(uri, records),
            )
            pages[uri] = front_matter(meta) + body
        return pages

    def _shown_names(self, keys: list[str], records: list[Record]) -> list[str]:
        """The names the thread shares as the documents write them (keys are folded)."""
        written: dict[str, str] = {}
        for record in records:
            for group in (record.participants, record.places, record.organizations):
                for item in group:
                    written.setdefault(name_key(item.name), item.name)
        return [written[k] for k in keys if k in written]

    def _stories_index(self) -> str:
        page = STORIES_URI
        rows = []
        for thread, uri in zip(self.stories.threads, self.story_uris, strict=True):
            records = [self.by_source[s] for s in thread.members]
            rows.append((records[-1], records, uri))
        # Newest story first: the one whose latest document is newest (threads are dated).
        rows.sort(key=lambda row: (-row[0].date.toordinal(), row[2]))
        meta = {
            "title": "Stories",
            "description": f"{len(rows)} {'story' if len(rows) == 1 else 'stories'} told in "
            "several documents",
            **NO_SEARCH,
        }
        body = self.template(
            "stories.md.j2",
            stories=[
                {
                    "title": records[0].title,
                    "latest": latest,
                    "count": len(records),
                    "link": self.url(page, uri),
                }
                for latest, records, uri in rows
            ],
        )
        return front_matter(meta) + body
