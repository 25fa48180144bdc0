"""Where dates are found in the parse: candidate spans for :func:`generator.dates.find_dates`.

- ``candidates``: spaCy's DATE entities, widened by a word on the left ("last", "the
  following"), ranges and lists split (``split_range``: "2009-2010", "1994, 1995 and 1997",
  "the quarter ended Sept. 30"), plus the expressions spaCy misses, found by our own patterns
  (``_RX_EXTRA*``: weekdays, "now", "recently", quarters, seasons, the holidays of
  ``holidays.yml`` marked ``find``, month-day dates, numeric dates, years after a temporal
  preposition, spoken years);
- ``clean_span``: a trailing possessive, punctuation or conjunction dropped;
- what is never a date: ``NOT_DATE`` (ages, bare numbers, "annually"), ``is_duration``
  ("three years"). The look-alikes that need the parse are in :mod:`generator.dates.lookalikes`.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

from . import switches
from .values import normalize_text
from .words import (
    CARD,
    LOOKALIKES,
    MON,
    MONTH_FORMS,
    MONTHS,
    NUMWORD,
    PARTOFDAY,
    SEASON,
    SPOKEN_YEAR,
    WDAY_FULL,
    WIDENING_WORDS,
    alternation,
    holiday_pattern,
    month,
)

# spaCy DATE entities that are not dates
NOT_DATE = re.compile(
    r"^(?:\d{1,3}|\d{5,}|\d+(?:-| )(?:year|month|week|day)s?(?:-| )old|[\w-]+-(?:year|month|week"
    r"|day)-old"
    rf"|(?:{'|'.join(LOOKALIKES['frequencies'])})"
    r"|(?:the )?(?:age|ages) of .*|.* years? of age|(?![3-9]0s$)\d+s|(?:his|her|their) \d+s)$"
)
# durations: "three years", "the past 12 months", "the next few days", "a decade"
_RX_DURATION = re.compile(
    rf"^(?:(?:about|nearly|almost|more than|less than|over|some|at least|only|just|another|all|the"
    rf"|a|an|"
    rf"(?:the )?(?:past|last|next|first|previous|coming|following|final|ensuing|remaining|latest"
    rf"|subsequent)|and|or|to)\s+)*"
    rf"(?:(?:{CARD}[\s-]+)+(?:and a half\s+)?"
    rf"(?:years?|months?|weeks?|days?|decades?|centuries|century|quarters?|nights?|hours?|minutes?"
    rf"|seconds?)"
    rf"|years|months|weeks|days|decades|centuries|quarters|nights|hours)"
    rf"(?:\s+(?:old|long|running|straight|in a row))?$"
)
_RX_SPLIT = re.compile(
    r"\s+(?:ended|ending|ends|through|thru|to|until|till|and|or|versus|vs\.?)\s+"
    r"|(?<=\d)\s*[-–—/]\s*(?=\d)|(?<=\b\d{4}),\s*(?=\d{4}\b)"
)


def is_duration(t: str) -> bool:
    t = normalize_text(t)
    if re.search(r"\b(?:ago|earlier|later|before|after|from now|hence|back)$", t):
        return False
    if re.fullmatch(
        r"(?:the\s+)?(?:past|last|next|coming|this|previous)\s+(?:year|month|week|quarter|decade"
        r"|century|weekend)",
        t,
    ):
        return False  # "last year", "the past year" are dates in news use
    return bool(_RX_DURATION.fullmatch(t))


def split_range(full_text: str, start: int, end: int) -> list[tuple[int, int]]:
    """ "2009-2010" -> two spans, "1957-58" -> two spans, "the quarter ended Sept. 30" -> two."""
    text = full_text[start:end]
    pieces = []
    pos = 0
    for m in _RX_SPLIT.finditer(text):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(text)))
    if len(pieces) == 1:
        return [(start, end)]
    out = []
    for a, b in pieces:
        piece = text[a:b].strip()
        if not piece:
            continue
        a = text.index(piece, a)
        if out and (m := re.match(r"\d\d(?!\d)", piece)):
            piece = m[0]  # "1957-58 season": the second year only
        out.append((start + a, start + a + len(piece)))
    return out


_FOUND_HOLIDAYS = holiday_pattern(only_found=True, apostrophe="['’]?")
_RX_EXTRA = re.compile(
    r"(?i)\b(?:"
    rf"(?:(?:last|next|this|this coming|this past|early|late|earlier"
    rf"|later)\s+)?{WDAY_FULL}(?:\s+{PARTOFDAY})?"
    r"|(?:right\s+)?now(?!-)|currently|recently|more recently|the (?:near\s+)?future"
    r"|(?:current|recent)(?=\s+[a-z])|(?<=in )the (?:near|short)[\s-]term"
    r"|(?<=in )the past(?=\s*[,.;:]|\s+(?:that|and|when|as|but|,))"
    r"|(?:(?:the|this|last|next)\s+)?(?:\d{4}\s+)?(?:fiscal[\s-]+)?(?:first|second|third"
    r"|fourth)(?:[\s-]+fiscal)?[\s-]+quarter"
    r"|the (?:latest|most recent) (?:quarter|period)"
    rf"|(?:(?:this|last|next|the)\s+)?(?:early\s+|late\s+)?{SEASON}(?:\s+of\s+\d{{4}})?"
    r"|today|yesterday|tomorrow"
    rf"|(?:(?:last|next|this)\s+)?{_FOUND_HOLIDAYS}"
    rf"|{SPOKEN_YEAR}"
    r")\b"
)


_LEFT_WORDS = frozenset(WIDENING_WORDS["any date"])
_LEFT_WORDS_MONTH = frozenset(WIDENING_WORDS["month"])


# Month names as written, capitalized: full names and the abbreviations with a full stop
# ("Mar." and "Apr." were never among them: kept out, so that the output stays as it was)
_CASED_MONTHS = alternation(
    [m.title() for m in MONTHS]
    + [f.title() for f in MONTH_FORMS if f.endswith(".") and f not in ("mar.", "apr.")]
)
_RX_EXTRA_CASED = re.compile(
    rf"\b{_CASED_MONTHS}\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
    r"(?:,\s+(?:1[0-9]\d\d|20\d\d)\b)?"
)


# a bare year after a temporal preposition ("from 2001 to 2005"), not a count ("to 2005 points")
_RX_EXTRA_YEAR = re.compile(
    r"(?i)\b(?:in|since|from|to|until|till|by|before|after|during|between|and|of|early|late)\s"
    r"(?P<y>(?:1[5-9]\d\d|20\d\d))\b(?!\s*(?:%|percent|[-–]\d))"
    r"(?!\s+(?!(?:and|to|or|through|when|after|before|the|a|an|he|she|it|they|we|i)\b)[a-z]{3,}\b)"
)


# a range of years spaCy misses, where it is one: in brackets ("Prohibition (1919–33)",
# "(1939–1945)") or after "in", "from", "during", "between" and not before a noun ("in
# 1939-45 the war"; not "1500-2000 people"); each end is a year (rule ``year_range``)
_RX_EXTRA_YEAR_RANGE = re.compile(
    r"(?:(?<=\()|(?<=\bin )|(?<=\bfrom )|(?<=\bduring )|(?<=\bbetween ))"
    r"(?P<a>1[5-9]\d\d|20\d\d)\s*[-–—]\s*(?P<b>\d\d|1[5-9]\d\d|20\d\d)\b"
    r"(?!\s*(?:%|percent))(?!\s+(?!(?:and|the|when|after|before)\b)[a-z]{3,}\b)"
)


# a year that dates a named law or event, after its capitalized noun: "the Wildlife
# Protection Act, 1972", "US Championship 2018", "Expo 2020" (rule ``named_event_year``)
_NAMED_EVENT = rf"\b(?:{alternation(LOOKALIKES['named event nouns'])}),?\s"
_RX_EXTRA_NAMED_YEAR = re.compile(
    rf"{_NAMED_EVENT}(?P<y>1[5-9]\d\d|20\d\d)\b(?!\s*(?:%|percent|[-–]\d))"
)
_RX_NAMED_EVENT_BEFORE = re.compile(rf"{_NAMED_EVENT}$")


def names_a_law_or_event(text: str, a: int) -> bool:
    """The year at ``a`` dates a law's or an event's name ("the Wildlife Protection Act,
    1972"): no year of the story, so no passage of history starts there."""
    return bool(_RX_NAMED_EVENT_BEFORE.search(text, max(0, a - 20), a))


def _year_range(m: re.Match[str]) -> bool:
    """A range forward in time, of under a century: "1919–33", not "1950-1900"."""
    a, b = int(m["a"]), m["b"]
    end = int(m["a"][:2] + b) if len(b) == 2 else int(b)
    return switches.on("year_range") and a < end <= a + 100


_RX_EXTRA_NUMERIC = re.compile(
    r"\b(?:1[0-9]|20)\d\d-[01]\d-[0-3]\d\b|\b\d{1,2}/\d{1,2}/(?:1[0-9]|20)\d\d\b"
    # a two-digit year ("on 3/4/09") only after "on", "dated" or "of": else a score or ratio
    r"|(?<=\bon )\d{1,2}/\d{1,2}/\d\d\b(?!/)|(?<=\bdated )\d{1,2}/\d{1,2}/\d\d\b(?!/)"
    r"|(?<![\d/.])9/11\b(?![/\d])"  # the attacks' name (rule nine_eleven)
)


def _iter_extra(text: str):
    for m in _RX_EXTRA.finditer(text):
        yield m.start(), m.end()
    for m in _RX_EXTRA_CASED.finditer(text):
        yield m.start(), m.end()
    for m in _RX_EXTRA_NUMERIC.finditer(text):
        yield m.start(), m.end()
    for m in _RX_EXTRA_YEAR.finditer(text):
        yield m.start("y"), m.end("y")
    if switches.on("named_event_year"):
        for m in _RX_EXTRA_NAMED_YEAR.finditer(text):
            yield m.start("y"), m.end("y")
    for m in _RX_EXTRA_YEAR_RANGE.finditer(text):
        if _year_range(m):
            yield m.start("a"), m.end("a")
            yield m.start("b"), m.end("b")


_RX_ANY_YEAR = re.compile(r"\b(?:1[0-9]\d\d|20\d\d)\b")
_RX_MONTH_WORD = re.compile(rf"(?i)\b{MON}(?!\w)")


def candidates(
    doc: Doc, text: str, year_hints: dict[tuple[int, int], str]
) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        start = ent.start
        while (
            start > 0
            and start > ent.start - 2
            and (
                doc[start - 1].lower_ in _LEFT_WORDS
                or (doc[start - 1].lower_ in _LEFT_WORDS_MONTH and month(ent[0].text) is not None)
            )
        ):
            start -= 1
        pieces = split_range(text, doc[start].idx, ent.end_char)
        spans.extend(pieces)
        if len(pieces) > 1 and (y := _RX_ANY_YEAR.search(text, *pieces[-1])):
            # "from April to November 2007": the year of the range's end holds for its start
            for a, b in pieces[:-1]:
                if not _RX_ANY_YEAR.search(text, a, b) and _RX_MONTH_WORD.search(text, a, b):
                    year_hints[(a, b)] = y[0]
    taken = sorted(spans)
    starts = [s for s, _ in taken]
    extra: list[tuple[int, int]] = []
    replaced: set[tuple[int, int]] = set()
    last_end = -1
    for a, b in sorted(_iter_extra(text), key=lambda ab: (ab[0], -ab[1])):
        if a < last_end:
            continue  # overlaps a longer rule match found first
        i = bisect.bisect_left(starts, b)
        # spaCy spans overlapping [a, b) start before b; they do not nest, so look back a bit
        hits = [taken[j] for j in range(max(0, i - 3), i) if taken[j][1] > a]
        if hits and not all(a <= s and e <= b and (s, e) != (a, b) for s, e in hits):
            continue
        # the rule match is free, or holds spaCy's whole spans ("the spring of [2020]")
        replaced.update(hits)
        extra.append((a, b))
        last_end = b
    spans = [sp for sp in spans if sp not in replaced]
    return _joined(text, sorted(_with_recurrence(text, sp) for sp in spans + extra))


_RX_REL_YEAR = re.compile(r"(?i)(?:last|this|next) year")
_RX_WEEKDAY = re.compile(rf"(?i){WDAY_FULL}")
_RX_JOIN_GAP = re.compile(r",?\s+")
_RX_MONTH_DAY_START = re.compile(rf"(?i){MON}\s+\d")


def _joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "[Last year] [August 8]" and "[June 27] [[2019]]": one date, the day of that year, as
    spaCy splits it."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if (
            out
            and text[out[-1][1] : a] == " ["
            and text[b : b + 1] == "]"
            and _RX_ANY_YEAR.fullmatch(text, a, b)
            and _RX_MONTH_DAY_START.match(text, out[-1][0])
        ):
            out[-1] = (out[-1][0], b + 1)  # "June 27 [2019]": an editor's year, the day's
            continue
        if (
            out
            and (
                _RX_REL_YEAR.fullmatch(text, *out[-1])
                # "[Friday] [Oct. 13]": the weekday of that day, not the last Friday (rule
                # weekday_month_day)
                or (switches.on("weekday_month_day") and _RX_WEEKDAY.fullmatch(text, *out[-1]))
            )
            and _RX_JOIN_GAP.fullmatch(text, out[-1][1], a)
            and _RX_MONTH_DAY_START.match(text, a)
        ):
            out[-1] = (out[-1][0], b)
            continue
        out.append((a, b))
    return out


_RX_EVERY = re.compile(r"(?i)\b(?:every|each)\s+$")


def _with_recurrence(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A span widened to the "every" or "each" before it: "[each July]" is a set, not July."""
    a, b = span
    m = _RX_EVERY.search(text, max(0, a - 8), a)
    return (m.start(), b) if m else span


# a date, a comma and the count of a relative phrase spaCy took with it: "[March 3], two days
# (after the vote)"; the count is the start of another expression, not part of the date
_RX_COMMA_COUNT = re.compile(
    rf"(?i),\s+(?:{NUMWORD})\s+(?:days?|weeks?|months?|years?|decades?)$"
)


def clean_span(text: str, a: int, b: int) -> tuple[int, int]:
    """Drop a trailing possessive or punctuation from a span, and a relative phrase's count
    after a comma ("March 3, two days")."""
    if (m := _RX_COMMA_COUNT.search(text, a, b)) and re.search(r"\d", text[a : m.start()]):
        b = m.start()
    piece = text[a:b]
    m = re.search(r"(?:'s|’s|')$", piece)
    if m:
        b = a + m.start()
    while b > a and (text[b - 1] in ",;:" or text[b - 1].isspace()):
        b -= 1  # "on Thursday, April 6:\n\n": spaCy's entity ran on past the colon
    while a < b and text[a].isspace():
        a += 1
    if m := re.search(r"\s+(?:and|or|to|through)$", text[a:b]):
        b = a + m.start()  # "1994, 1995 and" cut before the conjunction
    return a, b
