"""A built site's search indexes, given what the pages mean: Material's search gets each
document's dates in the forms readers type them; Pagefind gets each document's facets."""

from __future__ import annotations

import json
import re
from pathlib import Path

from markupsafe import escape

from ..record import Record
from .archive import date_label
from .renderer import SiteRenderer
from .urls import relative_url, url_of


def add_date_terms(site: Path, renderer: SiteRenderer, use_directory_urls: bool) -> int:
    """Every document's dates, in the forms readers type them, into the search index's
    ``tags`` field of its page entry: Material's search weighs that field far above titles
    and text, so "October 11, 2019", "11 October 2019" and "2019-10-11" all bring the
    documents of that day, and those that name it, first. The page shows the same dates in
    words. Returns the number of entries changed (0 without Material's search index)."""
    index = site / "search" / "search_index.json"
    if not index.is_file():
        return 0
    data = json.loads(index.read_text(encoding="utf-8"))
    terms = {url_of(uri, use_directory_urls): words for uri, words in renderer.date_terms().items()}
    changed = 0
    for entry in data.get("docs", []):
        words = terms.get(entry.get("location"))
        if words:
            entry["tags"] = [*entry.get("tags", []), *words]
            changed += 1
    index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return changed


# Material's exclusions, for Pagefind too; a date's written forms are left to Pagefind.
_EXCLUDED_TAG = re.compile(r"<(?![^<>]*summaries-date-forms)[^<>]*\bdata-search-exclude\b[^<>]*>")


def pagefind_page(html: str, record: Record) -> str:
    """A document page as Pagefind indexes it: only its article (``data-pagefind-body``, so
    listings and person pages stay out), without what Material's search leaves out, with
    its facets (person, place, organization, year, tag), its date to sort by and show."""
    marker = '<article class="md-content__inner md-typeset">'
    if marker not in html:
        return html
    facets = [("person", p.name) for p in record.participants]
    facets += [("place", e.name) for e in record.places]
    facets += [("organization", e.name) for e in record.organizations]
    # The author's own tags: names already have their own facets (a tag of every name
    # would double the filter index a reader downloads).
    facets += [("tag", t) for t in record.author_tags]
    facets.append(("year", record.date.isoformat()[:4] if record.date else "Undated"))
    spans = "".join(
        f'<span data-pagefind-filter="{name}">{escape(value)}</span>'
        for name, value in dict.fromkeys(facets)
    )
    if record.date:
        day = record.date.isoformat()
        spans += f'<span data-pagefind-sort="date">{escape(day)}</span>'
        spans += f'<span data-pagefind-meta="date">{escape(date_label(day))}</span>'
    else:
        spans += '<span data-pagefind-sort="date">0000-00-00</span>'
    block = f"<div hidden data-pagefind-ignore>{spans}</div>"
    opened = '<article class="md-content__inner md-typeset" data-pagefind-body>'
    html = html.replace(marker, opened + block, 1)
    # In tags only (document text cannot hold a raw "<": it is escaped).
    ignored = "data-search-exclude data-pagefind-ignore"
    return _EXCLUDED_TAG.sub(lambda m: m.group(0).replace("data-search-exclude", ignored), html)


def find_page(renderer: SiteRenderer, uri: str, use_directory_urls: bool) -> str:
    """The Find page (``search: pagefind``) at ``uri``; its URLs are read by find.js, not by
    the builder: relative to the page's own URL."""
    return renderer.template(
        "find.md.j2",
        bundle=relative_url(uri, "pagefind/", use_directory_urls),
        root=relative_url(uri, "index.md", use_directory_urls),
        years=find_years(renderer.records),
        author_tags=any(r.author_tags for r in renderer.records),
    )


def find_years(records: list[Record]) -> list[tuple[str, int]]:
    """The Find page's years, newest first, with their document counts ("Undated" last):
    written into the page, so that opening it loads no filter index."""
    counts: dict[str, int] = {}
    for record in records:
        year = record.date.isoformat()[:4] if record.date else "Undated"
        counts[year] = counts.get(year, 0) + 1
    undated = counts.pop("Undated", 0)
    years = sorted(counts.items(), reverse=True)
    return years + [("Undated", undated)] if undated else years
