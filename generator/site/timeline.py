"""The timeline: every dated event of the archive in date order, with its chart."""

from __future__ import annotations

import re
from collections import Counter

from markupsafe import Markup

from .archive import UNKNOWN_YEAR, Event
from .charts import bars
from .context import NO_SEARCH, RenderContext
from .frontmatter import front_matter
from .markup import md_escape
from .plans import first_pages, part
from .urls import TIMELINE_URI, page_uri, timeline_anchor

_YEAR_FIRST = re.compile(r"^\d{4}(?:-|$)")
_MONTH_FIRST = re.compile(r"^\d{4}-(?:0[1-9]|1[0-2])(?:-|$)")


def month_range(months: list[str]) -> list[str]:
    """Every month from the first to the last, so gaps show as gaps. Values that are not a
    ``YYYY-MM`` month (a bare year, a week, a quarter) are left out rather than guessed."""
    valid = sorted(m[:7] for m in months if _MONTH_FIRST.match(m))
    if not valid:
        return []
    y, m = int(valid[0][:4]), int(valid[0][5:7])
    y2, m2 = int(valid[-1][:4]), int(valid[-1][5:7])
    out = []
    while (y, m) <= (y2, m2) and len(out) < 1200:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    if len(out) >= 1200:
        return sorted(set(valid))
    return out


class TimelineViews(RenderContext):
    """The timeline pages and the chart of dated events."""

    def timeline_pages(self) -> dict[str, str]:
        pages = {TIMELINE_URI: self.timeline_page()}
        if len(self.timeline_plan) == 1:
            return pages
        emitted: set[str] = set()
        for uri, year, events in self.timeline_plan:
            title = f"Timeline: {year}" + part(uri, self.timeline_plan, year)
            meta = {"title": title, "description": f"Dated events of {year}", **NO_SEARCH}
            pages[uri] = front_matter(meta) + f"# {md_escape(title)}\n\n" + self._timeline_body(
                uri, events, "", emitted, self.pager(uri, self.timeline_plan, year)
            )
        return pages

    def _timeline_body(
        self,
        page: str,
        events: list[Event],
        chart: str,
        emitted: set[str],
        pager: Markup,
    ) -> str:
        groups: dict[str, dict[str, list[Event]]] = {}
        for event in events:
            year, month = event.group
            groups.setdefault(year, {}).setdefault(month, []).append(event)
        # An anchor goes on the first page that has its month: continuations have none.
        first_ids: set[str] = set()
        for event in events:
            for key in (timeline_anchor(event.value[:4]), timeline_anchor(event.value)):
                if key not in emitted:
                    emitted.add(key)
                    first_ids.add(key)
        return self.template(
            "timeline.md.j2",
            groups=groups,
            chart=Markup(chart),
            ids=first_ids,
            pager=pager,
            unknown_year=UNKNOWN_YEAR,
            link=lambda r: self.url(page, page_uri(r)),
        )

    def timeline_page(self) -> str:
        page = TIMELINE_URI
        chart = self.timeline_chart()
        meta = {"title": "Timeline", "description": "Every dated event of the archive", **NO_SEARCH}
        if len(self.timeline_plan) == 1:
            return front_matter(meta) + self._timeline_body(
                page, self.events, chart, set(), Markup("")
            )
        sections = []
        for label, uri in first_pages(self.timeline_plan):
            events = [e for u, g, es in self.timeline_plan if g == label for e in es]
            months = Counter(e.group[1] for e in events)
            parts = [
                (m or "No month", self.timeline_link(page, e.value), months[m])
                for m, e in {e.group[1]: e for e in reversed(events)}.items()
            ]
            sections.append((label, self.url(page, uri), len(events), list(reversed(parts))))
        body = self.template(
            "sections.md.j2",
            chart=Markup(chart),
            intro=f"{len(self.events)} dated events; each year on its own page.",
            heading="Year",
            unit="Events",
            sections=sections,
        )
        return front_matter(meta) + body

    def timeline_chart(self) -> str:
        """Dated events per month (per year when that is more than 15 years of bars) from the
        first document's publication to the last event; earlier events, such as a birth year
        in an obituary, are counted in the caption instead. Year-less dates are not drawn."""
        known = [e.value for e in self.events if _YEAR_FIRST.match(e.value)]
        published = sorted(r.date.isoformat()[:7] for r in self.records if r.date)
        if not known:
            return ""
        # The chart starts at a month: a bare year ("founded in 1999") starts at its January.
        start = published[0] if published else min(known)[:7]
        if len(start) == 4:
            start += "-01"
        shown = [v for v in known if v[: len(start)] >= start[: len(v)]]
        earlier = len(known) - len(shown)
        note = f"; {earlier} earlier, not drawn" if earlier else ""
        per_month: Counter[str] = Counter(v[:7] for v in shown if _MONTH_FIRST.match(v))
        months = month_range(sorted({start, *per_month}))
        if len(months) <= 180:
            counts = [(m, per_month.get(m, 0)) for m in months]
            return bars(counts, "Dated events per month" + note, "month")
        per_year: Counter[int] = Counter(int(v[:4]) for v in shown)
        first, last = int(start[:4]), max(per_year, default=int(start[:4]))
        counts = [(str(y), per_year[y]) for y in range(first, last + 1)]
        return bars(counts, "Dated events per year" + note, "year")
