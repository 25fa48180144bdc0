"""Where dates are found in the parse, and what looks like a date but is not.

The extraction side of the date stage, for :func:`generator.dates.extract.find_dates`:
- ``_candidates``: spaCy's DATE entities, widened by a word on the left ("last", "the
  following"), ranges and lists split (``_split_range``: "2009-2010", "1994, 1995 and 1997",
  "the quarter ended Sept. 30"), plus the expressions spaCy misses, found by our own patterns
  (``_RX_EXTRA*``: weekdays, "now", "recently", quarters, seasons, month-day dates, numeric
  dates, years after a temporal preposition, spoken years);
- ``_clean_span``: a trailing possessive, punctuation or conjunction dropped;
- the look-alike filters: ``_RX_NOT_DATE`` (ages, bare numbers, "annually"),
  ``_is_duration`` ("three years"), ``_false_positive`` ("may" the verb, "The Mail on
  Sunday", "Black Friday", "summer camp", a clock time, a game's "third quarter").
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span, Token

from .values import normalize_text
from .words import MON, PARTOFDAY, WEEKDAYS, month

# spaCy DATE entities that are not dates
_RX_NOT_DATE = re.compile(
    r"^(?:\d{1,3}|\d{5,}|\d+(?:-| )(?:year|month|week|day)s?(?:-| )old|[\w-]+-(?:year|month|week"
    r"|day)-old"
    r"|(?:annual|annually|quarterly|daily|weekly|monthly|yearly|seasonally|biweekly|hourly)"
    r"|(?:the )?(?:age|ages) of .*|.* years? of age|\d+s|(?:his|her|their) \d+s)$"
)
# durations: "three years", "the past 12 months", "the next few days", "a decade"
_CARD = (
    r"(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred|hundreds|thousands|few|several|many|some|couple of|dozen|a dozen"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six"
    r"|seven|eight|nine))"
)
_RX_DURATION = re.compile(
    rf"^(?:(?:about|nearly|almost|more than|less than|over|some|at least|only|just|another|all|the"
    rf"|a|an|"
    rf"(?:the )?(?:past|last|next|first|previous|coming|following|final|ensuing|remaining|latest"
    rf"|subsequent)|and|or|to)\s+)*"
    rf"(?:(?:{_CARD}[\s-]+)+(?:and a half\s+)?"
    rf"(?:years?|months?|weeks?|days?|decades?|centuries|century|quarters?|nights?|hours?|minutes?"
    rf"|seconds?)"
    rf"|years|months|weeks|days|decades|centuries|quarters|nights|hours)"
    rf"(?:\s+(?:old|long|running|straight|in a row))?$"
)
_RX_SPLIT = re.compile(
    r"\s+(?:ended|ending|ends|through|thru|to|until|till|and|or|versus|vs\.?)\s+"
    r"|(?<=\d)\s*[-–—/]\s*(?=\d)|(?<=\b\d{4}),\s*(?=\d{4}\b)"
)


def _is_duration(t: str) -> bool:
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


def _split_range(full_text: str, start: int, end: int) -> list[tuple[int, int]]:
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


_RX_EXTRA = re.compile(
    r"(?i)\b(?:"
    rf"(?:(?:last|next|this|this coming|this past|early|late|earlier"
    r"|later)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    rf"(?:\s+{PARTOFDAY})?"
    r"|(?:right\s+)?now(?!-)|currently|recently|more recently|the (?:near\s+)?future"
    r"|(?<=in )the past(?=\s*[,.;:]|\s+(?:that|and|when|as|but|,))"
    r"|(?:(?:the|this|last|next)\s+)?(?:\d{4}\s+)?(?:fiscal[\s-]+)?(?:first|second|third"
    r"|fourth)(?:[\s-]+fiscal)?[\s-]+quarter"
    r"|the (?:latest|most recent) (?:quarter|period)"
    r"|(?:(?:this|last|next|the)\s+)?(?:early\s+|late\s+)?(?:spring|summer|fall|autumn"
    r"|winter)(?:\s+of\s+\d{4})?"
    r"|today|yesterday|tomorrow"
    r"|(?:(?:last|next|this)\s+)?(?:thanksgiving(?: day)?|christmas(?: day| eve)?)"
    r"|(?:(?:nineteen|twenty)[\s-](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty"
    r"|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
    r"|two thousand(?:[\s-](?:and[\s-])?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)"
    r")\b"
)


_LEFT_WORDS = {"this", "last", "next", "that", "early", "late", "mid", "past", "coming"}
_LEFT_WORDS_MONTH = {"previous", "following"}  # "the following March"


_RX_EXTRA_CASED = re.compile(
    r"\b(?:(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.|January|February|March|April|May|June|July|August"
    r"|September|October|November|December)\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
    r"(?:,\s+(?:1[0-9]\d\d|20\d\d)\b)?"
)


# a bare year after a temporal preposition ("from 2001 to 2005"), not a count ("to 2005 points")
_RX_EXTRA_YEAR = re.compile(
    r"(?i)\b(?:in|since|from|to|until|till|by|before|after|during|between|and|of|early|late)\s"
    r"(?P<y>(?:1[5-9]\d\d|20\d\d))\b(?!\s*(?:%|percent|[-–]\d))"
    r"(?!\s+(?!(?:and|to|or|through|when|after|before|the|a|an|he|she|it|they|we|i)\b)[a-z]{3,}\b)"
)


_RX_EXTRA_NUMERIC = re.compile(
    r"\b(?:1[0-9]|20)\d\d-[01]\d-[0-3]\d\b|\b\d{1,2}/\d{1,2}/(?:1[0-9]|20)\d\d\b"
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


_RX_ANY_YEAR = re.compile(r"\b(?:1[0-9]\d\d|20\d\d)\b")
_RX_MONTH_WORD = re.compile(rf"(?i)\b{MON}(?!\w)")


def _candidates(
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
        pieces = _split_range(text, doc[start].idx, ent.end_char)
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
    return sorted(spans + extra)


def _clean_span(text: str, a: int, b: int) -> tuple[int, int]:
    """Drop a trailing possessive or punctuation from a span."""
    piece = text[a:b]
    m = re.search(r"(?:'s|’s|')$", piece)
    if m:
        b = a + m.start()
    while b > a and text[b - 1] in ",;:":
        b -= 1
    if m := re.search(r"\s+(?:and|or|to|through)$", text[a:b]):
        b = a + m.start()  # "1994, 1995 and" cut before the conjunction
    return a, b


_EARLY_YEAR_CUES = {"in", "since", "from", "by", "until", "of", "year", "around", "circa", "c.",
                    "before", "after", "to", "and", "between", "ad", "bc"}  # fmt: skip
_AWARD_NOUNS = {"player", "person", "man", "woman", "coach", "rookie", "team", "album", "song",
                "record", "book", "car", "word", "athlete", "manager", "driver", "artist",
                "story", "moment", "goal", "star", "newcomer", "teacher", "entertainer",
                "sportsman", "sportswoman", "businessman", "businesswoman", "award"}  # fmt: skip
_SAY = {"said", "says", "say", "told", "tells", "added", "adds", "explained", "asked", "wrote"}
_NAME_TYPES = {"PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "GPE", "LOC", "LAW"}
_MAY_TITLES = {"theresa", "minister", "mrs", "mrs.", "ms", "ms.", "premier"}
_SEASON_WORDS = {"spring", "summer", "fall", "autumn", "winter"}
_WEEKDAY_WORDS = set(WEEKDAYS)
# "Black Friday", "Good Friday", "Super Tuesday": named days a weekday rule would misdate
_NAMED_DAY_PREFIX = {"black", "good", "super", "ash", "holy", "cyber", "bloody", "maundy", "palm",
                     "giving", "easter", "whit", "shrove", "patriots"}  # fmt: skip
# "The Sunday Times", "Sunday Telegraph", "Monday Night Football", "USA Today"
_NAME_AFTER = {"times", "telegraph", "express", "mirror", "herald", "post", "independent",
               "people", "night", "morning", "show", "magazine", "edition", "school", "service",
               "league", "club"}  # fmt: skip
_SPORT = re.compile(
    r"(?i)\b(?:scor\w*|points?|touchdowns?|goals?|field goal|rebounds?|yards?|innings?"
    r"|half-?time|buzzer|quarterback|free throws?|three-pointers?|penalt\w+|minutes? left|game)\b"
)
_FINANCE = re.compile(
    r"(?i)%|\$|\b(?:earnings|profits?|revenues?|sales|results|net|income|loss(?:es)?|growth|gdp"
    r"|economy|shares?|fiscal|dividends?|percent|forecast|output|inventor(?:y|ies)|million|billion)\b"
)


_TIME_ZONES = frozenset(
    [
        "UTC",
        "GMT",
        "Z",
        "EST",
        "EDT",
        "CST",
        "CDT",
        "MST",
        "MDT",
        "PST",
        "PDT",
        "AKST",
        "HST",
        "BST",
        "CET",
        "CEST",
        "EET",
        "EEST",
        "IST",
        "JST",
        "KST",
        "AEST",
        "AEDT",
        "NZST",
        "NZDT",
        "MSK",
    ]
)


# Plural nouns after a year that name events of that year ("the 2019 elections").
_EVENT_PLURALS = {"elections", "games", "olympics", "playoffs", "finals", "championships",
                  "talks", "protests", "floods", "riots", "attacks", "polls", "midterms",
                  "primaries", "caucuses", "awards", "paralympics", "hearings"}  # fmt: skip
# Words before a number that make it a quantity ("about 1500", "killed 1709").
_QUANTITY_BEFORE = {"about", "approximately", "nearly", "some", "over", "almost", "total",
                    "roughly", "around", "than", "least", "another", "were", "are", "was",
                    "is", "numbered", "reached", "killed", "injured"}  # fmt: skip


def _a_count(before: Token | None, after: Token | None, number: int, doc_year: int | None) -> bool:
    """A four-digit number used as a count: a plural noun follows it ("1709 schoolchildren"),
    or, far from the document's own time, a quantity word or verb comes before it ("the
    numbers were 1501"; but "the tournament was 2015")."""
    if after is not None and after.tag_ == "NNS" and after.lower_ not in _EVENT_PLURALS:
        return True
    adjectival = after is not None and after.pos_ in ("NOUN", "PROPN", "ADJ")  # "1990 earnings"
    return (
        doc_year is not None
        and not doc_year - 100 <= number <= doc_year + 10
        and before is not None
        and not adjectival
        and (before.lower_ in _QUANTITY_BEFORE or (before.pos_ == "VERB" and before.tag_ != "VBN"))
    )


def _false_positive(doc: Doc, span: Span, t: str, sent: str, doc_year: int | None = None) -> bool:
    """Words that look like dates but are not: "may" the verb, "Sun" the newspaper, ..."""
    first, last = span[0], span[-1]
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if (
        re.fullmatch(r"1[0-4]\d\d", t)
        and before is not None
        and before.lower_ not in _EARLY_YEAR_CUES
    ):
        return True  # "the Defense Department's 1033 program": a number, not a medieval year
    if re.fullmatch(r"\d{4}", t) and _a_count(before, after, int(t), doc_year):
        return True  # "1709 schoolchildren", "the numbers were 1501": a count, not a year
    if (
        re.fullmatch(r"[0-2]\d[0-5]\d", t)
        and after is not None
        and (after.text.upper() in _TIME_ZONES or after.lower_ in ("local", "hours", "hrs"))
    ):
        return True  # "at 1625 UTC", "1922 local time": a clock time, not a year
    if first.ent_type_ in _NAME_TYPES and not any(c.isdigit() for c in t):
        return True  # "attorney Jerryl Christmas", "March Madness"
    low = last.lower_
    if (
        len(span) == 1
        and first.text in ("March", "May")
        and before is not None
        and before.lower_ in ("the", "a")
        and after is not None
        and after.lower_ in ("on", "for", "against", "to", "through", "from", "of")
    ):
        return True  # "the March on Washington"
    if low in _SEASON_WORDS:
        if last.pos_ in ("VERB", "AUX") or (before is not None and before.lower_ in ("a", "an")):
            return True  # "prices will fall", "he had a fall"
        if first.lower_ in ("a", "an") or (
            before is not None
            and before.pos_ in ("ADJ", "VERB")
            and before.i > 0
            and doc[before.i - 1].lower_ in ("a", "an")
        ):
            return True  # "for a summer", "after a reported fall"
        if last.dep_ in ("compound", "amod") and last.head.i > last.i:
            return True  # "summer camp", "winter storm"
        if after is not None and after.is_title and after.i > 0 and not after.is_sent_start:
            return True  # "Winter Olympics", "Summer Palace"
        if (
            len(span) == 1
            and last.is_title
            and before is not None
            and not last.is_sent_start
            and before.lower_ not in ("the", "this", "last", "next", "in", "early", "late", "of")
        ):
            return True  # "Arab Spring", "Prague Spring"
    if low in _WEEKDAY_WORDS or first.lower_ in _WEEKDAY_WORDS:
        if before is not None and before.lower_ in _NAMED_DAY_PREFIX and before.i < first.i:
            return True
        if (
            len(span) == 1
            and after is not None
            and (
                (after.is_title and after.lower_ in _NAME_AFTER)
                or after.lower_ in ("school", "schools", "edition", "editions", "paper", "papers")
            )
        ):
            return True
        if before is not None and before.i >= 1 and doc[before.i - 1].lower_ == "mail":
            return True  # "The Mail on Sunday"
    if first.lower_ == "today":
        if after is not None and after.lower_ in ("'s", "’s"):
            return True  # "today's world" is generic
        if first.is_title and before is not None and before.text in ("USA", "VOA", "NBC", "the"):
            return True  # "USA Today", "the Today show"
    if first.lower_ in ("christmas", "thanksgiving", "halloween", "easter") and (
        (len(span) == 1 and last.dep_ in ("compound", "amod") and last.head.i > last.i)
        or (len(span) == 1 and before is not None and before.pos_ == "PROPN" and before.is_title)
        or (last.dep_ in ("nsubj", "nsubjpass") and last.head.lower_ in _SAY)
    ):
        return True  # "Christmas decorations", "attorney Jerryl Christmas", "Christmas said"
    if (
        first.lower_ in ("tomorrow", "today", "yesterday")
        and before is not None
        and (before.lower_ in ("a", "an", "of", "better", "brighter") or before.pos_ == "ADJ")
    ):
        return True  # "a better tomorrow", "the people of tomorrow"
    if (
        t.lower() == "the year"
        and before is not None
        and before.lower_ == "of"
        and before.i > 0
        and doc[before.i - 1].lower_ in _AWARD_NOUNS
    ):
        return True  # "player of the year"
    if first.lower_ == "may" and len(span) == 1:
        if first.tag_ == "MD" or first.is_lower or first.pos_ in ("VERB", "AUX"):
            return True
        if before is not None and (before.ent_type_ == "PERSON" or before.lower_ in _MAY_TITLES):
            return True  # "Theresa May"
    if (
        first.text == "Today"
        and not first.is_sent_start
        and before is not None
        and not before.is_punct
    ):
        return True  # "NBC's Today show", "USA Today"
    # "in the third quarter" of a game
    return "quarter" in t.lower() and bool(_SPORT.search(sent)) and not _FINANCE.search(sent)
