"""What mkdocs-rss-plugin reads from a generated page, in the form each of its feeds needs.

The plugin reads the front matter while pages render (`on_page_content`) and writes the
feeds after the build: the RSS through a Jinja2 template that escapes titles and
descriptions but prints authors and categories raw, the JSON feed as the values are. The
front matter itself holds HTML-escaped text (the theme prints it raw), so for the feed
plugin's moment `SummariesPlugin` swaps in the forms below and puts the page's back after.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from mkdocs.structure.files import Files

from .record import Record
from .site import page_uri
from .sources import passthrough

log = logging.getLogger("mkdocs.plugins.summaries")
# The front matter values the feed plugin gets in its own form.
FEED_KEYS = ("title", "author", "authors", "tags")


class FeedText(str):
    """A line of text for the feeds: the text itself where it is used as a string (the JSON
    feed's ``json.dump``), XML-escaped where it is printed (``str()``: the RSS template's
    ``{{ author }}``, which mkdocs-rss-plugin renders without autoescaping)."""

    __slots__ = ()

    def __str__(self) -> str:
        return xml_escape(str.__str__(self))

    def __deepcopy__(self, memo: dict) -> FeedText:  # dataclasses.asdict copies the feed
        return self


def feed_images(records: list[Record], files: Files, docs_dir: Path) -> dict[str, str | None]:
    """Each document page's feed image (``image`` or ``illustration``, checked as a path by
    `passthrough`), by page uri: the path when docs/ has that file, else None, named in a
    warning (the feed plugin would read another file's size, or none)."""
    images: dict[str, str | None] = {}
    for record in records:
        for key in ("image", "illustration"):
            value = record.extra.get(key)
            try:
                path = passthrough.PAGE_KEYS[key](value) if value is not None else None
            except passthrough.Invalid:
                continue  # named and left out of the page when the record was made
            if path is None:
                continue
            file = files.get_file_from_path(path)
            real = Path(file.abs_src_path).resolve() if file and file.abs_src_path else None
            if (
                file is not None
                and not file.generated_by
                and real is not None
                and real.is_relative_to(docs_dir)
                and real.is_file()
            ):
                images[page_uri(record)] = path
                break
            log.warning(
                "%s: '%s: %s' is not given to the feed: docs/ has no such file (a feed image "
                "is one of the site's own files)",
                record.source,
                key,
                path,
            )
            images[page_uri(record)] = None
            break
    return images


def for_the_feed(meta: dict[str, Any]) -> dict[str, Any]:
    """Swap the page's FEED_KEYS for the feed plugin's forms (in place); return the page's.
    A title as written (the RSS template escapes it: "Q&A", not "Q&amp;amp;A"); authors
    as `FeedText`; tags as written, as `FeedText` (the feed's categories, when configured).
    Descriptions stay HTML: RSS <description> and JSON content_html are HTML."""
    kept = {k: meta[k] for k in FEED_KEYS if k in meta}
    for key, value in kept.items():
        if key == "title" and isinstance(value, str):
            meta[key] = html.unescape(value)
        elif key == "tags" and isinstance(value, list):
            meta[key] = [FeedText(str(v)) for v in value]  # never escaped: "AT&T"
        elif isinstance(value, str):
            meta[key] = FeedText(html.unescape(value))
        elif isinstance(value, list):
            meta[key] = [FeedText(html.unescape(str(v))) for v in value]
    return kept
