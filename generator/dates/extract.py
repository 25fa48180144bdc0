"""Date expressions: found in the parse, normalized to TIMEX3 values, ranked into key dates.

Extraction starts from spaCy's DATE entities and corrects them with rules: ranges and lists
are split ("2009-2010", "1957-58", "1994, 1995 and 1997", "the quarter ended Sept. 30"),
ages, durations ("three years") and bare numbers are dropped, look-alikes are refused ("may"
the verb, "prices will fall", "The Mail on Sunday", "Black Friday", "summer camp", a game's
"third quarter"), and expressions spaCy misses are added (weekdays, "now", "recently",
quarters, seasons, month-day dates, years after a temporal preposition, spoken years).

Normalization writes TIMEX3 values: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, ``YYYY-Www``,
``YYYY-Www-WE``, ``YYYY-Qn``, ``YYYY-Hn``, ``YYYY-SP|SU|FA|WI``, decades (``199``), centuries
(``19``) and ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``. Deictic expressions ("Tuesday",
"yesterday", "last month", "March 20") are resolved against the document date; the tense of
the verb the date modifies decides between past and future ("said Tuesday" vs "will meet
Tuesday"); without a tense, months lean to the past, and a date within about six weeks of the
document date keeps its year. Anaphoric expressions are resolved against the story, not the
document date: "the next day" and "two days later" count from the last full date mentioned,
"that year" from a year named just before, "the quarter" and "a year earlier" in business
news from the quarter being reported; with nothing to count from they are left out.

A year is never invented. Without a document date:
- a month and day without a year is ``XXXX-MM-DD``, a month alone ``XXXX-MM``;
- expressions that need the document date to mean anything ("Tuesday", "yesterday",
  "last month", "next year", "a year ago", "the third quarter") get no value and are left
  out of :func:`find_dates`: TIMEX3 has no honest value for them (``XXXX-WXX-2`` would say
  nothing a reader can use), and a wrong date on the site is worse than a missing one.
Every expression that gets no value is left out; ``find_dates`` only returns valued mentions.

This module is the walk over a story (:func:`find_dates`: candidates, look-alikes, tense,
value, and the story's reference times kept as it goes), the ranking (:func:`key_dates`),
the dateline reader and the baseline normalizer. Callers import them from
:mod:`generator.dates`; the other modules of the stage are listed there.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from spacy.tokens import Doc, Span

from ..nlp import doc_text
from ..record import DateMention, Mention
from . import switches
from .calendar import valid
from .candidates import NOT_DATE, candidates, clean_span, is_duration, names_a_law_or_event
from .lookalikes import false_positive
from .rule import Context
from .tense import tense_of
from .values import normalize, normalize_text, value_of
from .words import DAYNUM, MON, MONTHS, YR

# ---------------------------------------------------------------------------------------------
# Baseline (kept for ``--baseline`` in the evaluation command)

_MONTH_DAY = re.compile(
    r"^(?P<month>[A-Za-z]+)\.? (?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,? (?P<year>\d{4}))?$"
)
_YEAR = re.compile(r"^(?:in )?(?P<year>1[5-9]\d\d|20\d\d)$")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def baseline_normalize(text: str, doc_date: dt.date | None) -> str | None:
    """The baseline value: "Month D[, YYYY]" and bare years only (kept for --baseline)."""
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


# ---------------------------------------------------------------------------------------------
# Extraction and ranking

_ANAPHOR_REACH = 300  # characters from a named year to "that year"


def find_dates(doc: Doc, doc_date: dt.date | None = None) -> list[DateMention]:
    """Every date expression of the document that has a value, in text order."""
    text = doc_text(doc)
    ctx = Context(doc_date)
    doc_year = doc_date.year if doc_date else None
    found: list[DateMention] = []
    last_sent_start = -1
    sent_quarter_start = -1
    last_year_end = -1
    # sentence boundaries once (Span.sent walks the tokens every time: quadratic on long texts)
    bounds = _sentence_bounds(doc)
    sent_starts = [s for s, _ in bounds]
    year_hints: dict[tuple[int, int], str] = {}
    day_sentence = -2  # the sentence of the last full date
    past_day = False  # a day of the week before the document date was named
    month_value: str | None = None  # the last month or day, and its sentence
    month_sentence = -3
    passage: tuple[int | None, int] | None = None  # the passage's past year, where it was said
    for a, b in candidates(doc, text, year_hints):
        hint = year_hints.get((a, b))
        a, b = clean_span(text, a, b)
        if b <= a:
            continue
        raw = text[a:b]
        t = normalize_text(raw)
        if not t or (NOT_DATE.match(t) and not _kept_number(t)) or is_duration(t):
            continue
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        s_index = max(0, bisect.bisect_right(sent_starts, a) - 1)
        s_start, s_end = bounds[s_index]
        sentence = _sentence_text(text, s_start, s_end, a, b)
        if false_positive(doc, span, raw, sentence, doc_year):
            continue
        # quarters referred to later ("the quarter", "a year earlier") come from this sentence
        # or the one before; farther back they are forgotten
        if s_start != last_sent_start:
            if ctx.last_quarter and sent_quarter_start >= 0 and s_start - sent_quarter_start > 600:
                ctx.last_quarter = None
            last_sent_start = s_start
            ctx.sentence_year = _passage_year(text, passage, a, doc_year)
        if ctx.last_year and a - last_year_end > _ANAPHOR_REACH:
            ctx.last_year = None
        # "that day": the day of this sentence or the one before, never one farther back
        ctx.near_day = ctx.last_day if s_index - day_sentence <= 1 else None
        ctx.near_month = month_value if s_index - month_sentence <= 3 else None
        ctx.quote_day = _quote_day(text, a, ctx.near_day, past_day, doc_date)
        ctx.tense = tense_of(span)
        ctx.new_quarter = None
        value = (value_of(f"{raw} {hint}", ctx) if hint else None) or value_of(raw, ctx)
        if value is None and (end := _day_word_first(span, ctx) or _date_at_end(
            span, t, sentence, doc_year, ctx
        )):
            sub, value = end
            a, b, raw = sub.start_char, sub.end_char, sub.text
        if value is None and re.fullmatch(r"\d\d?", t) and found:
            value = _continued(t, a, found[-1])
        if value is None:
            continue
        if ctx.new_quarter:
            ctx.last_quarter = ctx.new_quarter
            sent_quarter_start = s_start
        ctx.last_value = value
        if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            ctx.last_day, day_sentence = value, s_index
            past_day = past_day or _story_day_before(value, doc_date)
        if re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", value):
            month_value, month_sentence = value, s_index
        named = names_a_law_or_event(text, a)
        if re.fullmatch(r"\d{4}.*", value) and re.search(r"\b\d{4}\b", raw) and not named:
            ctx.last_year = int(value[:4])
            last_year_end = b
            if doc_year is not None and ctx.last_year < doc_year:
                ctx.sentence_year = ctx.last_year
            passage = (ctx.sentence_year, b) if ctx.last_year == ctx.sentence_year else None
        found.append(DateMention(raw, a, b, value, sentence))
    return found


_QUOTE_REACH = 7  # days: a story of the last week, told after its days


def _quote_day(
    text: str, a: int, near_day: str | None, past_day: bool, doc_date: dt.date | None
) -> str | None:
    """The day of the words at ``a`` when they are inside a direct quote: the day the text
    gives just before (this sentence or the last); "" (unknown) when the story's days came
    before the document date, so that the words were said on one of them, not on the day of
    the report; None (the document date holds) otherwise (rule ``quoted_today``)."""
    if doc_date is None or not _in_quote(text, a):
        return None
    if near_day is not None:
        return near_day  # "Clinton on Friday: 'I know about the stories today'"
    return "" if past_day else None


def _story_day_before(value: str, doc_date: dt.date | None) -> bool:
    """A day of the week before the document date: the story was told after it."""
    if doc_date is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return False
    return 0 < (doc_date - dt.date.fromisoformat(value)).days <= _QUOTE_REACH


def _in_quote(text: str, a: int) -> bool:
    """Inside a direct quote of its paragraph: an opening quote mark before ``a`` not closed."""
    para = text[text.rfind("\n", 0, a) + 1 : a]
    return (
        para.count('"') % 2 == 1
        or para.count("“") > para.count("”")
        or para.count("``") > para.count("\'\'")
    )


def _kept_number(t: str) -> bool:
    """What ``NOT_DATE`` refuses but the walk keeps: a day that may continue a date ("April
    24 and [25]"), and a decade of four digits ("a 1950s atomic bomb test": rule
    ``bare_decade``; "1000s" of people stays a count)."""
    return bool(re.fullmatch(r"\d\d?", t)) or (
        switches.on("bare_decade") and bool(re.fullmatch(r"(?:1[5-9]|20)\d0s", t))
    )


_HISTORY = 20  # years before the document's: a passage of history, not of recent news


def _passage_year(
    text: str, passage: tuple[int | None, int] | None, a: int, doc_year: int | None
) -> int | None:
    """The year of a passage of history, for the month-days of a later sentence: the last
    year written out, if it was long before the document's year, no later year was written
    since, and no paragraph break comes between ("In 1945 the army advanced. In late February
    the city fell": February 1945). A recent year does not carry over: news steps back to its
    own time ("arrested in several states since 1990. ... found abandoned in December" is
    last December, measured on the dates dev set)."""
    if not switches.on("passage_year") or passage is None or passage[0] is None or doc_year is None:
        return None
    if doc_year - passage[0] < _HISTORY or "\n" in text[passage[1] : a]:
        return None
    return passage[0]


def _sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return [(s.start_char, s.end_char) for s in doc.sents]
    return [(0, len(doc_text(doc)))]


_DAY_WORDS = ("today", "tomorrow", "yesterday", "tonight")


def _day_word_first(span: Span, ctx: Context) -> tuple[Span, str] | None:
    """A day word that begins a span without a value of its own: "declared tomorrow a day of
    mourning" is tomorrow (spaCy's entity runs on into the object)."""
    if len(span) <= 1 or span[0].lower_ not in _DAY_WORDS or not switches.on("day_word_first"):
        return None
    if span[1].lower_ in ("morning", "afternoon", "evening", "night", "'s", "’s"):
        return None  # "tomorrow morning": the whole span, valued or not
    value = value_of(span[0].text, ctx)
    return (span[:1], value) if value else None


def _date_at_end(
    span: Span, t: str, sentence: str, doc_year: int | None, ctx: Context
) -> tuple[Span, str] | None:
    """A date that ends a span without a value of its own, and its value: "coup d'etat last
    year", "the first nine months of 1997"."""
    if (
        len(span) <= 1
        or re.fullmatch(r"\d\d", t)
        or re.match(r"(?:the )?(?:following|next|previous|prior|same) ", t)
    ):
        return None
    for k in range(1, min(len(span), 7)):
        sub = span[k:]
        if sub[0].is_punct or sub[0].lower_ in ("'s", "of", "and", "to"):
            continue
        if NOT_DATE.match(normalize_text(sub.text)) or is_duration(sub.text):
            continue
        if false_positive(span.doc, sub, sub.text, sentence, doc_year):
            continue
        value = value_of(sub.text, ctx)
        if value is not None:
            return sub, value
    return None


def _continued(t: str, a: int, prev: DateMention) -> str | None:
    """A bare number just after a date that it continues: the second year of "1957-58", the
    second day of "April 24 and 25" or "March 3-5"."""
    gap = a - prev.end
    if re.fullmatch(r"\d{4}", prev.value) and 0 < gap <= 3 and t > prev.value[2:]:
        return prev.value[:2] + t
    if (
        re.fullmatch(r"(?:\d{4}|XXXX)-\d\d-\d\d", prev.value)
        and 0 < gap <= 6
        and valid(2000, int(prev.value[5:7]), int(t))
    ):
        return f"{prev.value[:8]}{int(t):02d}"
    return None


_MAX_SENTENCE = 1000


def _sentence_text(text: str, start: int, end: int, a: int, b: int) -> str:
    """The stripped sentence around [a, b); in a run-on "sentence" (a table, a text without
    punctuation) only the words around the date, so that every mention stays small."""
    if end - start <= _MAX_SENTENCE:
        return text[start:end].strip()
    lo, hi = max(start, a - 300), min(end, b + 300)
    if lo > start:
        lo = text.find(" ", lo, a) + 1 or lo
    if hi < end:
        cut = text.rfind(" ", b, hi)
        hi = cut if cut > 0 else hi
    return text[lo:hi].strip()


_RX_DATELINE = re.compile(
    rf"(?i)\b(?:{MON}\s+{DAYNUM},?\s+{YR}|{DAYNUM}\s+{MON},?\s+{YR}"
    rf"|{YR}/\d{{1,2}}/\d{{1,2}})\b"
)


def date_from_text(text: str) -> dt.date | None:
    """A date line near the top of a text, as in ``LONDON 1996-08-30`` or ``March 20, 2023``."""
    head = text[:300]
    candidates = []
    if m := _ISO.search(head):
        candidates.append((m.start(), f"{m[1]}-{m[2]}-{m[3]}"))
    if m := _RX_DATELINE.search(head):
        raw = m[0]
        if "/" in raw:
            y, mo, d = raw.split("/")
            value = f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"
        else:
            value = normalize(raw, None) or ""
        candidates.append((m.start(), value))
    for _, value in sorted(candidates):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            continue
    return None


def _specificity(value: str) -> int:
    """How precise a TIMEX3 value is: a day beats a week, a month, a quarter, a year, a decade."""
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return 6
    if re.fullmatch(r"XXXX-\d\d-\d\d", value):
        return 5
    if re.fullmatch(r"\d{4}-W\d\d(?:-WE)?", value):
        return 4
    if re.fullmatch(r"(?:\d{4}|XXXX)-\d\d", value):
        return 3
    if re.fullmatch(r"\d{4}-(?:Q\d|H\d|SP|SU|FA|WI)", value):
        return 2
    if re.fullmatch(r"\d{4}", value):
        return 1
    return 0  # decades, centuries


_RX_SET = re.compile(r"(?i)(?:every|each)\s")  # "each July": a set, no key date


def key_dates(
    dates: list[DateMention], summary: list[Mention], limit: int = 5
) -> list[DateMention]:
    """The dates a reader would call the document's key dates, most important first.

    Dates in summary sentences come first, then specific days before weeks, months, quarters
    and years; among equals, the value mentioned most often, then the earliest mention. Each
    value appears once (its first mention). Vague references (``PRESENT_REF``, ``PAST_REF``,
    ``FUTURE_REF``) and sets ("each July") are never key dates.
    """
    spans = sorted((s.start, s.end) for s in summary)
    starts = [a for a, _ in spans]

    def in_summary(d: DateMention) -> bool:
        i = bisect.bisect_right(starts, d.start) - 1
        return i >= 0 and spans[i][0] <= d.start < spans[i][1]

    first: dict[str, DateMention] = {}
    count: dict[str, int] = {}
    summarized: dict[str, bool] = {}
    for d in dates:
        if d.value.endswith("_REF") or _RX_SET.match(d.text):
            continue
        first.setdefault(d.value, d)
        count[d.value] = count.get(d.value, 0) + 1
        summarized[d.value] = summarized.get(d.value, False) or in_summary(d)
    ranked = sorted(
        first.values(),
        key=lambda d: (not summarized[d.value], -_specificity(d.value), -count[d.value], d.start),
    )
    return ranked[:limit]
