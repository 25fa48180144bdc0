"""Date expressions: found in the parse, normalized to TIMEX3 values, ranked into key dates.

Baseline: spaCy DATE entities of the form "Month D[, YYYY]" and bare years. A year is never
invented: without a year in the text or a document date, "March 20" is ``XXXX-03-20``.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc

from .record import DateMention, Mention

MONTHS = {
    m: i
    for i, m in enumerate(
        "january february march april may june july august september october november december".split(),
        start=1,
    )
}
_MONTH_DAY = re.compile(r"^(?P<month>[A-Za-z]+)\.? (?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,? (?P<year>\d{4}))?$")
_YEAR = re.compile(r"^(?:in )?(?P<year>1[5-9]\d\d|20\d\d)$")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def normalize(text: str, doc_date: dt.date | None) -> str | None:
    """The TIMEX3 value of a date expression, or None when it cannot be normalized."""
    text = text.strip()
    if m := _MONTH_DAY.match(text):
        month = MONTHS.get(m["month"].lower())
        if month is None:
            return None
        year = m["year"] or (str(doc_date.year) if doc_date else "XXXX")
        return f"{year}-{month:02d}-{int(m['day']):02d}"
    if m := _YEAR.match(text):
        return m["year"]
    return None


def find_dates(doc: Doc, doc_date: dt.date | None = None) -> list[DateMention]:
    """Every date expression of the document that has a value, in text order."""
    found = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        value = normalize(ent.text, doc_date)
        if value is not None:
            found.append(DateMention(ent.text, ent.start_char, ent.end_char, value, ent.sent.text.strip()))
    return found


def date_from_text(text: str) -> dt.date | None:
    """A date line near the top of a text, as in ``LONDON 1996-08-30``."""
    if m := _ISO.search(text[:300]):
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    return None


def key_dates(
    dates: list[DateMention], summary: list[Mention], limit: int = 5
) -> list[DateMention]:
    """The dates a reader would call the document's key dates, most important first."""

    def in_summary(d: DateMention) -> bool:
        return any(s.start <= d.start < s.end for s in summary)

    unique: dict[str, DateMention] = {}
    for d in dates:
        unique.setdefault(d.value, d)
    ranked = sorted(unique.values(), key=lambda d: (not in_summary(d), -len(d.value), d.start))
    return ranked[:limit]
