"""What machines read besides the pages: llms.txt, and the dates search indexes get."""

from __future__ import annotations

import re

from ..record import Record
from .archive import date_forms, date_label
from .context import RenderContext
from .plans import UNDATED
from .urls import ARTICLES_URI, PEOPLE_URI, TAGS_URI, TIMELINE_URI, YEAR_SLUG, page_uri, url_of

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class FeedViews(RenderContext):
    """``llms.txt`` and the search index's date terms."""

    def date_terms(self) -> dict[str, list[str]]:
        """Each document page's dates as readers type them, by page uri: its publication
        date and key dates, each as the label and every other form ("October 11, 2019",
        "11 October 2019", "2019-10-11"), for the search index."""
        terms = {}
        for record in self.records:
            published = [record.date.isoformat()] if record.date else []
            values = published + [d.value for d in record.key_dates]
            words: list[str] = []
            for value in values:
                for form in (date_label(value), *date_forms(value)):
                    # A value no form could say in words (an odd TIMEX) is left out.
                    readable = form != value or YEAR_SLUG.match(form) or _ISO_DAY.match(form)
                    if readable and form not in words:
                        words.append(form)
            terms[page_uri(record)] = words
        return terms

    def llms_txt(self, title: str, description: str, base: str) -> tuple[str, str]:
        """``llms.txt`` and ``llms-full.txt`` (the llmstxt.org convention): every document's
        title, URL, date and summary, grouped as the nav groups the articles; the full file
        adds each document's key dates, people with their roles, places and organizations.
        ``base`` is the site's URL (or "" for links relative to the site root)."""

        def link(uri: str) -> str:
            return base + url_of(uri, self.options.use_directory_urls)

        def one_line(text: str) -> str:
            return " ".join(str(text).split())

        head = [f"# {one_line(title)}", ""]
        if description:
            head += [f"> {one_line(description)}", ""]
        head += [
            f"{len(self.records)} documents, each summarized, with its key dates and its "
            "participants extracted at build time. Sections follow the site's navigation.",
            "",
        ]
        if len(self.article_plan) == 1:
            groups: dict[str, list[Record]] = {}
            for record in self.records:
                year = record.date.isoformat()[:4] if record.date else UNDATED
                groups.setdefault(year, []).append(record)
            plan = [(ARTICLES_URI, label, rs) for label, rs in groups.items()]
        else:
            plan = list(self.article_plan)
        short, full = list(head), list(head)
        seen: set[str] = set()
        for _uri, label, records in plan:
            if label not in seen:
                seen.add(label)
                heading = f"## Articles: {label}"
                short += [heading, ""]
                full += [heading, ""]
            for record in records:
                when = f" ({date_label(record.date.isoformat())})" if record.date else ""
                summary = one_line(record.description) or "(no summary)"
                name = one_line(record.title).replace("[", "\\[").replace("]", "\\]")
                short.append(f"- [{name}]({link(page_uri(record))}){when}: {summary}")
                full += [f"### {one_line(record.title)}", "", f"URL: {link(page_uri(record))}"]
                if record.date:
                    day = record.date.isoformat()
                    full.append(f"Published: {date_label(day)} ({day})")
                full += ["", summary, ""]
                if record.key_dates:
                    full.append("Key dates:")
                    full += [
                        f"- {date_label(d.value)}: {one_line(d.sentence)}"
                        for d in record.key_dates
                    ]
                if record.participants:
                    full.append("People: " + "; ".join(
                        p.name + (f" ({one_line(p.role)})" if p.role else "")
                        for p in record.participants
                    ))
                if record.places:
                    full.append("Places: " + "; ".join(e.name for e in record.places))
                if record.organizations:
                    full.append(
                        "Organizations: " + "; ".join(e.name for e in record.organizations)
                    )
                full.append("")
            short.append("")
        tail = [
            "## Optional",
            "",
            f"- [People]({link(PEOPLE_URI)}): {len(self.people)} people, A-Z by surname, "
            "each with their documents, roles and dates",
            f"- [Timeline]({link(TIMELINE_URI)}): {len(self.events)} dated events in order",
            f"- [Tags]({link(TAGS_URI)}): people, places and organizations of two documents "
            "or more",
            "",
        ]
        return "\n".join(short + tail), "\n".join(full + tail)
