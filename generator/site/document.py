"""The page of one document: its summary, key dates, people and text, linked."""

from __future__ import annotations

import re
import urllib.parse

from markupsafe import Markup

from .. import serialize
from ..record import Record
from .context import RenderContext
from .frontmatter import front_matter
from .markup import markup_text
from .urls import page_uri, source_copy_uri

# An author's URL as a Markdown link target: percent-encoded wherever Markdown would read
# the character as syntax (spaces, brackets, quotes, angle brackets).
_URL_SAFE = ":/?#@!$&*+,;=%~-._"


def _web_url(value: object) -> str | None:
    """An author's link, only when it is a plain web address (never ``javascript:``)."""
    if isinstance(value, str) and re.match(r"^https?://[^\s\"'<>]+$", value.strip()):
        return value.strip()
    return None


class DocumentViews(RenderContext):
    """Each document's page."""

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
            (m, href)
            for p in record.participants
            if (href := self.person_link(page, p.name)) is not None
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
            text=markup_text(record.text, record.summary_spans, links, record.turns),
            person=lambda n: self.person_link(page, n),
            place=lambda n: self.entity_link(page, "places", n),
            organization=lambda n: self.entity_link(page, "organizations", n),
            link=lambda r: self.url(page, page_uri(r)),
            on_timeline=lambda value: self.timeline_link(page, value),
            previous=previous,
            following=following,
            source=source,
            full_text_search=self.options.full_text_search,
            original_url=_web_url(record.extra.get("original_url")),
            **self.story_context(record, page),
        )
        return front_matter(meta) + body
