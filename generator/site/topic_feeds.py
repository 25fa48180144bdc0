"""Feeds of one person and of one story thread (RSS 2.0 and JSON Feed 1.1), linked from
their pages, so a reader can follow a person or a story rather than the whole archive.

RSS is written by feedgenerator (Pelican's, a standalone Django feed writer: it escapes
once and never fetches anything); JSON Feed is plain JSON by its spec. Feeds need the
site's absolute address (`site_url`): without one there are none. A feed holds the newest
documents only, and only subjects of two documents or more get one, so that the output
stays bounded at any archive size.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from typing import Any

from ..record import Record
from .stories import StoryViews
from .urls import page_uri, url_of

FEED_ITEMS = 20
MIN_DOCUMENTS = 2
# XML 1.0 forbids these characters, even escaped: a feed holding one is not a feed.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("", " ".join(text.split()))


def _when(record: Record) -> dt.datetime | None:
    return dt.datetime.combine(record.date, dt.time(), dt.UTC) if record.date else None


def feed_uris(page: str) -> tuple[str, str]:
    """The RSS and JSON Feed files beside a page: ``participants/x.md`` ->
    ``participants/x.rss.xml``, ``participants/x.feed.json``."""
    stem = page[: -len(".md")]
    return f"{stem}.rss.xml", f"{stem}.feed.json"


class TopicFeedViews(StoryViews):
    """Feeds of people and story threads."""

    def feeds_wanted(self, records: list[Record]) -> bool:
        return bool(self.options.site_url) and len(records) >= MIN_DOCUMENTS

    def feed_links(self, page: str, records: list[Record]) -> dict[str, Any] | None:
        """The links a subject's page shows to its feeds, or None without feeds."""
        if not self.feeds_wanted(records):
            return None
        rss, feed = feed_uris(page)
        return {"rss": self.url(page, rss), "json": self.url(page, feed)}

    def subject_feeds(self, page: str, title: str, records: list[Record]) -> dict[str, str]:
        """The two feed files of one subject's page, newest documents first."""
        if not self.feeds_wanted(records):
            return {}
        from feedgenerator import Rss201rev2Feed

        newest = sorted(records, key=lambda r: (r.date or dt.date.min, r.source), reverse=True)
        newest = newest[:FEED_ITEMS]
        rss_uri, json_uri = feed_uris(page)
        home = self._absolute(page)
        name = _clean(title)
        rss = Rss201rev2Feed(
            title=name,
            link=home,
            description=html.escape(f"The newest documents of the archive on {name}"),
            language="en",
            feed_url=self._absolute(rss_uri),
        )
        items = []
        for record in newest:
            link = self._absolute(page_uri(record))
            summary = _clean(" ".join(record.summary))
            rss.add_item(
                title=_clean(record.title),
                link=link,
                # RSS reads a description as HTML: the summary is text, so it is escaped
                # as HTML here and once more as XML by the writer.
                description=html.escape(summary),
                pubdate=_when(record),
                unique_id=link,
            )
            item: dict[str, Any] = {
                "id": link,
                "url": link,
                "title": _clean(record.title),
                "content_text": summary,
            }
            if record.date:
                item["date_published"] = _when(record).isoformat()  # type: ignore[union-attr]
            items.append(item)
        feed = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": name,
            "home_page_url": home,
            "feed_url": self._absolute(json_uri),
            "language": "en",
            "items": items,
        }
        return {
            rss_uri: rss.writeString("utf-8"),
            json_uri: json.dumps(feed, ensure_ascii=False, indent=1) + "\n",
        }

    def _absolute(self, uri: str) -> str:
        base = (self.options.site_url or "").rstrip("/") + "/"
        return base + url_of(uri, self.options.use_directory_urls)

    def topic_feeds(self) -> dict[str, str]:
        """Every person's and every story's feeds (those that get one)."""
        files: dict[str, str] = {}
        for name, person in self.people.items():
            files.update(self.subject_feeds(self.person_uri(name), name, person.records))
        for thread, uri in zip(self.stories.threads, self.story_uris, strict=True):
            records = [self.by_source[s] for s in thread.members]
            files.update(self.subject_feeds(uri, f"Story: {records[0].title}", records))
        return files
