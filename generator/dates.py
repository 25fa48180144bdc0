"""Date expressions: found in the parse, normalized to TIMEX3 values, ranked into key dates.

Extraction starts from spaCy's DATE entities and corrects them with rules: ranges and
"X ended Y" entities are split, ages, durations and bare numbers are dropped, and expressions
spaCy misses (weekdays, "now", "recently", seasons, quarters, spoken years, ...) are added.

Normalization writes TIMEX3 values: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, ``YYYY-Www``,
``YYYY-Www-WE``, ``YYYY-Qn``, ``YYYY-Hn``, ``YYYY-SP|SU|FA|WI``, decades (``199``), centuries
(``19``) and ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``. Relative expressions are resolved
against the document date, with the tense of the governing verb deciding between past and
future ("said Tuesday" vs "will meet Tuesday").

A year is never invented. Without a document date:
- a month and day without a year is ``XXXX-MM-DD``, a month alone ``XXXX-MM``;
- expressions that need the document date to mean anything ("Tuesday", "yesterday",
  "last month", "next year", "a year ago") get no value and are left out of
  :func:`find_dates`: TIMEX3 has no honest value for them, and a wrong date on the site is
  worse than a missing one.
Every expression that gets no value is left out; ``find_dates`` only returns valued mentions.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from spacy.tokens import Doc, Span

from .record import DateMention, Mention

MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],  # fmt: skip
        start=1,
    )
}
_MONTH_ABBR = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH_NAMES = {**MONTHS, **_MONTH_ABBR}
WEEKDAYS = {
    d: i
    for i, d in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
_WEEKDAY_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
                 "fri": 4, "sat": 5, "sun": 6}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # month a season starts in
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22,
    "twenty-third": 23, "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26,
    "twenty-seventh": 27, "twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30,
    "thirty-first": 31,
}  # fmt: skip
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}  # fmt: skip

PAST, PRESENT, FUTURE = "past", "present", "future"
_FUTURE_WINDOW = 4  # months
_BOUND_PREPS = {"by", "until", "till", "through", "thru"}
_NEAR_DAYS = 60
_NEAR_MONTHS = 1

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
# Normalization

_MON = (
    r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust"
    r"|\.)?"
    r"|sep(?:tember|t\.?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
)
_WDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon\.|tue\.|tues\.|wed\.|thu\.|thur\.|thurs\.|fri\.|sat\.|sun\.)"
)
_YR = r"(?:1[0-9]\d\d|20\d\d)"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_ORD_WORD = "|".join(sorted(ORDINALS, key=len, reverse=True))
_QORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_NUMWORD = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several"
    r"|couple of|a few|a couple of)"
)
_PARTOFDAY = r"(?:morning|afternoon|evening|night|overnight)"

_PREFIX = re.compile(
    r"^(?:(?:as (?:early|late|recently) as|no (?:earlier|later) than|(?:some|any)time|until|till"
    r"|since"
    r"|by|from|in|on|at|around|about|approximately|roughly|nearly|almost|only|just|both|before"
    r"|after"
    r"|early|late|mid|earlier|later|the (?:end|beginning|start|middle|close|turn|rest|remainder"
    r"|bulk)"
    r"(?: part)? of|the (?:first|second|last) (?:half|part|week|weeks|days) of|(?:a )?good part of"
    r"|much of|most of|all of|through(?:out)?|during|within|the|an?)[\s-]+)+"
)
_SUFFIX = re.compile(
    r"(?:'s|’s|'|,|\.(?<!\b[a-z]\.)|\s+(?:or (?:so|later|earlier)|and beyond|or two))+$"
)


def _year_of(tok: str) -> int | None:
    tok = tok.strip().rstrip(".,")
    if re.fullmatch(_YR, tok):
        return int(tok)
    return _spoken_year(tok)


def _spoken_year(text: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand" -> 2000, "two thousand one" -> 2001."""
    words = text.replace("-", " ").split()
    if not words:
        return None
    if words[:2] == ["two", "thousand"]:
        rest = _small_number(words[2:] if words[2:3] != ["and"] else words[3:]) if words[2:] else 0
        return 2000 + rest if rest is not None and rest < 100 else None
    if len(words) >= 2 and words[0] in ("nineteen", "eighteen", "twenty"):
        hundreds = NUMBERS[words[0]]
        rest = _small_number(words[1:])
        if words[1:2] == ["hundred"]:
            rest = 0 if len(words) == 2 else None
        if rest is not None and 10 <= rest < 100:
            return hundreds * 100 + rest
    return None


def _small_number(words: list[str]) -> int | None:
    if not words or len(words) > 2 or any(w not in NUMBERS or w in ("a", "an") for w in words):
        return None
    values = [NUMBERS[w] for w in words]
    if len(values) == 2 and not (values[0] >= 20 and values[0] % 10 == 0 and values[1] < 10):
        return None
    return sum(values)


def _month(tok: str) -> int | None:
    return MONTH_NAMES.get(tok.lower().rstrip("."))


def _weekday(tok: str) -> int | None:
    tok = tok.lower().rstrip(".")
    return WEEKDAYS[tok] if tok in WEEKDAYS else _WEEKDAY_ABBR.get(tok)


def _day(tok: str) -> int | None:
    tok = tok.lower()
    if tok in ORDINALS:
        return ORDINALS[tok]
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", tok)
    return int(m[1]) if m and 1 <= int(m[1]) <= 31 else None


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True


def _fmt_day(y: int | None, m: int, d: int) -> str:
    return f"{'XXXX' if y is None else f'{y:04d}'}-{m:02d}-{d:02d}"


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(d: dt.date, n: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


def _resolve_month_year(month: int, day: int | None, doc_date: dt.date, tense: str | None) -> int:
    """The year of "March [20]" written on ``doc_date``: the tense picks past or future."""
    year = doc_date.year
    here = (month, day or 0)
    now = (doc_date.month, doc_date.day if day else 0)
    # Close to the document date it is this year's, whatever the tense says: a story does not
    # speak of a day six weeks from now as last year's, nor of last month as next year's.
    for y in (year, year - 1, year + 1):
        if day is not None:
            if _valid(y, month, day) and abs((dt.date(y, month, day) - doc_date).days) <= 45:
                return y
        elif abs(y * 12 + month - (year * 12 + doc_date.month)) <= 1:
            return y
    if tense == PAST:
        return year - 1 if here > now else year
    if tense == FUTURE:
        return year + 1 if here < now else year
    # No tense: the nearest occurrence, leaning to the past as news does: up to
    # _FUTURE_WINDOW months ahead, else behind.
    # In the present tense ("the term begins in September", "the tournament runs from June 6")
    # simply the nearest one.
    diff = (month - doc_date.month) % 12
    if diff == 0:
        return year
    if diff <= (6 if tense == PRESENT else _FUTURE_WINDOW):
        return year + 1 if month < doc_date.month else year
    return year - 1 if month > doc_date.month else year


def _resolve_weekday(wd: int, doc_date: dt.date, tense: str | None, rel: str | None) -> dt.date:
    delta = wd - doc_date.weekday()
    if rel == "last":
        return doc_date + dt.timedelta(days=(delta % 7) - 7 if delta % 7 else -7)
    if rel in ("next", "coming"):
        return doc_date + dt.timedelta(days=delta % 7 or 7)
    if rel == "this" and tense is None:
        tense = FUTURE
    if tense in (FUTURE, PRESENT):
        return doc_date + dt.timedelta(days=delta % 7)
    return doc_date - dt.timedelta(days=(-delta) % 7)


def _season(code: str, year: int) -> str:
    return f"{year}-{code}"


def _resolve_season(code: str, rel: str | None, doc_date: dt.date, tense: str | None) -> str:
    start = _SEASON_MONTH[code]
    year = doc_date.year
    # in January and February, the current winter started last December
    current = year - 1 if code == "WI" and doc_date.month <= 2 else year
    in_season = (
        start <= doc_date.month < start + 3
        if code != "WI"
        else doc_date.month == 12 or doc_date.month <= 2
    )
    started = in_season or (code != "WI" and doc_date.month >= start)
    if rel in ("last", "past", "this past"):
        # the most recent one that has begun (and ended unless we are in it, then the one before)
        y = current if started and not in_season else current - 1
        if code != "WI" and not started:
            y = year - 1
        return _season(code, y)
    if rel in ("next", "coming"):
        y = current + 1 if started else current
        return _season(code, y)
    if rel == "this":
        return _season(code, current)
    if tense == PAST and not started:
        return _season(code, year - 1)
    return _season(code, current if code == "WI" else year)


class _Context:
    """What normalization may use beyond the text: document date, tense, reference times."""

    __slots__ = (
        "doc_date", "tense", "last_quarter", "last_value", "new_quarter", "last_year", "last_day",
    )  # fmt: skip

    def __init__(self, doc_date: dt.date | None, tense: str | None = None):
        self.doc_date = doc_date
        self.tense = tense
        self.last_quarter: str | None = None  # the last quarter mentioned nearby (YYYY-Qn)
        self.last_value: str | None = None
        self.new_quarter: str | None = None  # set by an explicit quarter expression
        self.last_year: int | None = None  # the last year written out in the text
        self.last_day: str | None = None  # the last full date (YYYY-MM-DD) found


_RX_REF = [
    (
        re.compile(r"^(?:right )?now$|^(?:currently|presently|at present|these days|nowadays)$"),
        "PRESENT_REF",
    ),
    (
        re.compile(
            r"^(?:recently|more recently|lately|recent (?:years|months|weeks|days)|the past)$"
        ),
        "PAST_REF",
    ),
    (
        re.compile(
            r"^(?:(?:the )?(?:near |distant |foreseeable )?future|coming (?:years|months|weeks"
            r"|days))$"
        ),
        "FUTURE_REF",
    ),
]

_UNIT_RE = r"(?P<unit>day|weekend|week|month|quarter|year|decade|century)s?"
_RX_AGO = re.compile(
    rf"^(?P<n>{_NUMWORD})\s+{_UNIT_RE}\s+(?P<dir>ago|earlier|before|later|after|from now|hence"
    rf"|back)$"
)
_RX_REL_UNIT = re.compile(
    rf"^(?:(?:the\s+)?(?P<rel>last|this|next|past|previous|coming|current|following|same|prior"
    rf"|that)\s+(?:fiscal\s+)?{_UNIT_RE}(?P<rest>.*))$"
)


def _shift_unit(doc_date: dt.date, unit: str, n: int) -> str | None:
    if unit == "day":
        return (doc_date + dt.timedelta(days=n)).isoformat()
    if unit in ("week", "weekend"):
        suffix = "-WE" if unit == "weekend" else ""
        return _week(doc_date + dt.timedelta(weeks=n)) + suffix
    if unit == "month":
        y, m = _add_months(doc_date, n)
        return f"{y}-{m:02d}"
    if unit == "quarter":
        q = (doc_date.month - 1) // 3 + n
        return f"{doc_date.year + q // 4}-Q{q % 4 + 1}"
    if unit == "year":
        return str(doc_date.year + n)
    if unit == "decade":
        return str((doc_date.year + 10 * n) // 10)
    if unit == "century":
        return f"{(doc_date.year + 100 * n) // 100:02d}"
    return None


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word)


def _quarter_num(tok: str) -> int | None:
    tok = tok.lower()
    return {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4, "q1": 1, "q2": 2, "q3": 3, "q4": 4}.get(tok)  # fmt: skip


_RX_QUARTER = re.compile(
    rf"^(?:(?P<y1>{_YR})\s+|(?P<rel>this|last|next|current|that|its|latest|previous|coming)\s+"
    rf"|(?:this|last|next) year'?s?\s+)?"
    rf"(?:fiscal[\s-]+)?(?P<q>{_QORD}|q[1-4])(?:[\s-]+fiscal)?[\s-]+(?:quarter|qtr\.?|period)"
    rf"(?:\s+(?:of|in)\s+(?:fiscal\s+)?(?P<y2>{_YR}))?(?:\s+(?P<y3>{_YR}))?$"
)
_RX_Q_SHORT = re.compile(rf"^(?P<q>q[1-4])\s*(?:'|fy)?(?P<y>{_YR}|\d\d)?$")
_RX_HALF = re.compile(
    rf"^(?:the\s+)?(?:(?P<y1>{_YR})\s+)?(?:fiscal\s+)?(?P<h>first|second|last|1st"
    rf"|2nd)[\s-]+half(?:\s+of\s+(?:fiscal\s+)?(?P<y2>{_YR}))?$"
)
_RX_ANAPH_QUARTER = re.compile(
    r"^(?:(?:the|this|that|its|latest|most recent|recent|fiscal|current|just[\s-]ended|comparable"
    r"|same|flat)\s+)*"
    r"(?:quarter|qtr\.?|latest period)$"
)
_RX_YEAR_AGO_PERIOD = re.compile(
    r"^(?:(?:the|a|its|comparable|same|corresponding)\s+)*(?:year[\s-](?:ago|earlier)"
    r"|(?:a )?year[\s-]before|previous[\s-]year(?:'s)?|prior[\s-]year(?:'s)?)"
    r"(?:\s+(?:fiscal\s+)?(?P<q>first|second|third|fourth)?[\s-]*(?P<unit>quarter|period|year"
    r"|month|week))?$"
)


def _norm_text(text: str) -> str:
    t = text.strip().lower().replace("’", "'")
    t = re.sub(r"\s+", " ", t)
    t = _SUFFIX.sub("", t)
    return t


def _strip_prefix(t: str) -> str:
    s = _PREFIX.sub("", t)
    return s if s else t


def _value(text: str, ctx: _Context) -> str | None:
    t = _norm_text(text)
    for rx, val in _RX_REF:
        if rx.match(t):
            return val
    if v := _value_core(t, ctx):
        return v
    s = _strip_prefix(t)
    if s != t:
        return _value_core(s, ctx)
    return None


def _value_core(t: str, ctx: _Context) -> str | None:  # noqa: C901 - one rule per branch
    dd = ctx.doc_date
    tense = ctx.tense
    toks = t.split()
    if not toks:
        return None

    # ISO and numeric dates
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
        return _fmt_day(y, mo, d) if _valid(y, mo, d) else None
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})", t):
        mo, d, y = int(m[1]), int(m[2]), int(m[3])
        if y < 100:
            return None  # two-digit years would need a century guess
        return _fmt_day(y, mo, d) if _valid(y, mo, d) else None

    # [weekday,] month day[,] [year]    /   [weekday,] day month [year]
    m = re.fullmatch(
        rf"(?:(?P<wd>{_WDAY}),?\s+)?(?:the\s+)?(?P<mon>{_MON})\s+(?:the\s+)?(?P<day>{_DAYNUM}"
        rf"|{_ORD_WORD})(?:,?\s+(?P<year>{_YR}))?"
        rf"(?:\s+{_PARTOFDAY})?",
        t,
    ) or re.fullmatch(
        rf"(?:(?P<wd>{_WDAY}),?\s+)?(?:the\s+)?(?P<day>{_DAYNUM}"
        rf"|{_ORD_WORD})\s+(?:of\s+)?(?P<mon>{_MON}),?(?:\s+(?P<year>{_YR}))?",
        t,
    )
    if m:
        mo, d = _month(m["mon"]), _day(m["day"])
        if mo is None or d is None:
            return None
        if m["year"]:
            y = int(m["year"])
        elif dd is not None:
            y = _resolve_month_year(mo, d, dd, tense)
        else:
            y = None
        if not _valid(y or 2000, mo, d):
            return None
        return _fmt_day(y, mo, d)

    # last/this/next month-name
    if m := re.fullmatch(
        rf"(?P<rel>last|this|next|this past|this coming|early|late|mid-?)\s*(?P<mon>{_MON})", t
    ):
        mo = _month(m["mon"])
        if mo is None or dd is None:
            return None if dd is None else None
        rel = m["rel"]
        if rel in ("last", "this past"):
            y = dd.year - 1 if mo >= dd.month else dd.year
        elif rel in ("next", "this coming"):
            y = dd.year + 1 if mo <= dd.month else dd.year
        elif rel == "this":
            y = dd.year
        else:
            y = _resolve_month_year(mo, None, dd, tense)
        return f"{y}-{mo:02d}"
    if m := re.fullmatch(r"(?:the )?week of (?P<rest>.+)", t):
        v = _value_core(m["rest"], ctx)
        if v and re.fullmatch(r"\d{4}-\d\d-\d\d", v):
            return _week(dt.date.fromisoformat(v))
        return None

    # month [of] year / month alone / spoken "january nineteen ninety-seven"
    if m := re.fullmatch(rf"(?P<mon>{_MON}),?(?:\s+(?:of\s+)?(?P<year>.+))?", t):
        mo = _month(m["mon"])
        if mo is None:
            return None
        if m["year"]:
            rest = m["year"]
            if rest in ("this year", "last year", "next year") and dd is not None:
                y = dd.year + {"this year": 0, "last year": -1, "next year": 1}[rest]
                return f"{y}-{mo:02d}"
            y = _year_of(rest)
            return f"{y}-{mo:02d}" if y else None
        if dd is None:
            return f"XXXX-{mo:02d}"
        return f"{_resolve_month_year(mo, None, dd, tense)}-{mo:02d}"

    # years, fiscal years, spoken years, decades, centuries
    if m := re.fullmatch(
        rf"(?:(?:fiscal|calendar|the)\s+(?:year\s+)?|fy\s*)?(?P<y>{_YR})(?:\s+(?:fiscal\s+)?year)?",
        t,
    ):
        return m["y"]
    if (m := re.fullmatch(r"(?:the )?(?:year )?(?P<y>[a-z -]+)", t)) and (
        y := _spoken_year(m["y"])
    ):
        return str(y)
    if m := re.fullmatch(r"(?:the )?(?P<y>1\d|20)(?P<d>\d)0'?s", t):
        return f"{m['y']}{m['d']}"
    if m := re.fullmatch(r"(?:the )?'(?P<d>\d)0s", t):
        # "the '90s": the 1990s when the 2090s are still to come; "the '20s" is ambiguous
        return f"19{m['d']}" if dd and 2000 + 10 * int(m["d"]) > dd.year else None
    if m := re.fullmatch(
        r"(?:the )?(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)", t
    ):
        return f"19{_DECADE_WORDS[m['w']]}"
    if m := re.fullmatch(r"(?:the )?(?P<n>\d{1,2})(?:st|nd|rd|th) century", t):
        return f"{int(m['n']) - 1:02d}"
    if m := re.fullmatch(rf"(?:the )?(?P<o>{_ORD_WORD}) century", t):
        return f"{ORDINALS[m['o']] - 1:02d}"

    # quarters and halves
    if m := _RX_QUARTER.fullmatch(t):
        q = _quarter_num(m["q"])
        y_txt = m["y1"] or m["y2"] or m["y3"]
        if y_txt:
            y = int(y_txt)
        elif re.match(r"last year'?s?\s", t) and dd:
            y = dd.year - 1
        elif re.match(r"next year'?s?\s", t) and dd:
            y = dd.year + 1
        elif dd is not None:
            y = dd.year
            # a quarter that has not begun yet is last year's, unless spoken of in the future
            if tense != FUTURE and (q - 1) * 3 + 1 > dd.month:
                y -= 1
        else:
            return None
        ctx.new_quarter = f"{y}-Q{q}"
        return f"{y}-Q{q}"
    if m := _RX_Q_SHORT.fullmatch(t):
        y_txt = m["y"]
        if y_txt and len(y_txt) == 4:
            return f"{y_txt}-Q{m['q'][1]}"
        return f"{dd.year}-Q{m['q'][1]}" if dd and not y_txt else None
    if m := _RX_HALF.fullmatch(t):
        y_txt = m["y1"] or m["y2"]
        h = 1 if m["h"] in ("first", "1st") else 2  # "second", "last", "2nd"
        if y_txt:
            return f"{y_txt}-H{h}"
        return None
    if (m := re.fullmatch(rf"(?:the )?(?P<y>{_YR}) (?P<p>quarter|period)", t)) and (
        m["p"] == "quarter" or ctx.last_quarter
    ):
        # "the 1988 period": the same quarter in another year
        ref = ctx.last_quarter or (_last_quarter(dd) if dd else None)
        return f"{m['y']}{ref[4:]}" if ref else None
    if _RX_ANAPH_QUARTER.fullmatch(t):
        if ctx.last_quarter and not re.search(r"latest|recent|just", t):
            return ctx.last_quarter
        return _last_quarter(dd) if dd else None
    if m := _RX_YEAR_AGO_PERIOD.fullmatch(t):
        unit = m["unit"]
        if m["q"] and dd:
            ref = ctx.last_quarter or _quarter_from(dd)
            return f"{int(ref[:4]) - 1}-Q{_quarter_num(m['q'])}"
        if unit in (None, "quarter", "period") and ctx.last_quarter:
            return f"{int(ctx.last_quarter[:4]) - 1}{ctx.last_quarter[4:]}"
        if unit == "year" or (unit is None and dd):
            return str(dd.year - 1) if dd else None
        return None

    # seasons
    if m := re.fullmatch(
        r"(?:(?P<rel>this past|this coming|this|last|next|past|coming|the)\s+)?(?:early\s+|late\s+"
        r"|mid-?)?"
        r"(?P<s>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<y>.+))?",
        t,
    ):
        code = SEASONS[m["s"]]
        if m["y"]:
            y = _year_of(m["y"])
            return _season(code, y) if y else None
        if dd is None:
            return None
        rel = m["rel"]
        rel = {"this past": "last", "past": "last", "this coming": "next", "the": None}.get(
            rel, rel
        )
        return _resolve_season(code, rel, dd, tense)

    # holidays (fixed dates and Thanksgiving)
    if m := re.fullmatch(
        rf"(?:(?P<rel>last|next|this)\s+)?(?P<h>christmas(?: day| eve)?|new year'?s(?: day| eve)?"
        rf"|thanksgiving(?: day)?|halloween|independence day|the fourth of july|july fourth"
        rf"|valentine'?s day)(?:\s+(?P<y>{_YR}))?",
        t,
    ):
        return _holiday(m["h"], m["y"], m["rel"], dd, tense)

    # deictic days
    if t in (
        "today",
        "this day",
        "the day",
        "tonight",
        "this morning",
        "this afternoon",
        "this evening",
        "earlier today",
        "later today",
    ):
        if t == "the day":
            return None
        return dd.isoformat() if dd else None
    if m := re.fullmatch(
        rf"(?:(?:early|late|earlier|later)\s+)?(?P<w>yesterday|tomorrow)(?:\s+{_PARTOFDAY})?", t
    ):
        if dd is None:
            return None
        return (dd + dt.timedelta(days=-1 if m["w"] == "yesterday" else 1)).isoformat()
    if t == "the day before yesterday" and dd:
        return (dd - dt.timedelta(days=2)).isoformat()
    if t == "the day after tomorrow" and dd:
        return (dd + dt.timedelta(days=2)).isoformat()

    # weekdays: [last|next|this|coming] weekday [part of day]
    if m := re.fullmatch(
        rf"(?:(?P<rel>last|next|this|this coming|this past|coming|the previous|the following"
        rf"|earlier|late|early)\s+)?(?P<wd>{_WDAY})(?:'s)?(?:\s+{_PARTOFDAY})?",
        t,
    ):
        if dd is None:
            return None
        wd = _weekday(m["wd"])
        rel = m["rel"]
        rel = {
            "this coming": "next", "this past": "last", "the previous": "last",
            "the following": "next", "earlier": None, "late": None, "early": None,
        }.get(rel, rel)  # fmt: skip
        return _resolve_weekday(wd, dd, tense, rel).isoformat()

    # N units ago / earlier / later
    if m := _RX_AGO.fullmatch(t):
        n = _count(m["n"])
        unit = m["unit"]
        if n is None:
            # "a few years ago", "several months ago"
            return "PAST_REF" if m["dir"] in ("ago", "earlier", "before", "back") else "FUTURE_REF"
        if dd is None:
            return None
        sign = -1 if m["dir"] in ("ago", "earlier", "before", "back") else 1
        if unit == "year" and n == 1 and ctx.last_quarter and m["dir"] in ("ago", "earlier"):
            return f"{int(ctx.last_quarter[:4]) - 1}{ctx.last_quarter[4:]}"
        if m["dir"] in ("ago", "back", "from now", "hence"):
            return _shift_unit(dd, unit, sign * n)
        # "two days later", "a week earlier": counted from the last date of the story, if
        # the text gave one; "a year earlier" in business news is counted from the document.
        if unit in ("day", "week") and ctx.last_day:
            return _shift_unit(dt.date.fromisoformat(ctx.last_day), unit, sign * n)
        if unit in ("year", "quarter") and sign < 0:
            return _shift_unit(dd, unit, sign * n)
        return None

    # last/this/next unit
    if m := _RX_REL_UNIT.fullmatch(t):
        rel, unit, rest = m["rel"], m["unit"], m["rest"].strip()
        if rest or dd is None:
            return None
        anaphoric = rel in ("that", "same", "following", "previous", "prior") or (
            t.startswith("the ") and rel == "next"
        )
        if anaphoric:
            # "the next day", "the previous day": from the last day the story named
            if unit in ("day", "week") and ctx.last_day and rel != "that":
                shift = {"same": 0, "following": 1, "next": 1}.get(rel, -1)
                return _shift_unit(dt.date.fromisoformat(ctx.last_day), unit, shift)
            return None
        if unit in ("decade", "century") and rel in ("last", "past", "next", "coming"):
            return None  # "the past decade" is the last ten years, not the 2000s
        n = {"last": -1, "past": -1, "previous": -1, "prior": -1, "next": 1, "coming": 1,
             "following": 1}.get(rel, 0)  # fmt: skip
        if unit == "weekend" and rel == "this":
            return _weekend(dd, tense, default_future=True)
        return _shift_unit(dd, unit, n)
    if ctx.last_year and t in (
        "that year",
        "the same year",
        "the following year",
        "the next year",
        "the year before",
        "the previous year",
        "the prior year",
        "a year later",
    ):
        n = {"the following year": 1, "the next year": 1, "a year later": 1, "the year before": -1,
             "the previous year": -1, "the prior year": -1}.get(t, 0)  # fmt: skip
        return str(ctx.last_year + n)
    if t in (
        "the year",
        "the current year",
        "the full year",
        "the calendar year",
        "the fiscal year",
        "the current fiscal year",
        "the latest fiscal year",
        "year-end",
        "year end",
        "the year-end",
    ):
        return str(dd.year) if dd else None
    if t in ("the weekend", "weekend") and dd:
        return _weekend(dd, tense, default_future=False)
    if t in ("the week", "this week", "the current week") and dd:
        return _week(dd)
    return None


def _weekend(dd: dt.date, tense: str | None, default_future: bool) -> str:
    """ "The weekend": the coming one when spoken of in the future, else the one just past."""
    if dd.weekday() >= 5:
        return _week(dd) + "-WE"
    future = tense in (FUTURE, PRESENT) or (tense is None and default_future)
    return _week(dd if future else dd - dt.timedelta(weeks=1)) + "-WE"


def _last_quarter(d: dt.date) -> str:
    """The quarter a company just reported on: the last one that ended before ``d``."""
    q = (d.month - 1) // 3
    return f"{d.year - 1}-Q4" if q == 0 else f"{d.year}-Q{q}"


def _quarter_from(d: dt.date) -> str:
    return f"{d.year}-Q{(d.month - 1) // 3 + 1}"


def _holiday(
    name: str, year: str | None, rel: str | None, dd: dt.date | None, tense: str | None
) -> str | None:
    name = name.replace("'", "")
    fixed = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new years": (1, 1), "new years day": (1, 1), "new years eve": (12, 31),
             "halloween": (10, 31), "independence day": (7, 4), "the fourth of july": (7, 4),
             "july fourth": (7, 4), "valentines day": (2, 14)}  # fmt: skip

    def day_in(y: int) -> dt.date:
        if name.startswith("thanksgiving"):
            first = dt.date(y, 11, 1)
            return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
        mo, d = fixed[name]
        return dt.date(y, mo, d)

    if year:
        return day_in(int(year)).isoformat()
    if dd is None:
        if name.startswith("thanksgiving"):
            return None
        mo, d = fixed[name]
        return _fmt_day(None, mo, d)
    this = day_in(dd.year)
    if rel == "last" or (rel is None and tense == PAST):
        return (this if this <= dd else day_in(dd.year - 1)).isoformat()
    if rel == "next" or tense == FUTURE:
        return (this if this >= dd else day_in(dd.year + 1)).isoformat()
    # no tense: the one within four months ahead or eight months back
    for y in (dd.year, dd.year - 1, dd.year + 1):
        if -245 <= (day_in(y) - dd).days <= 122:
            return day_in(y).isoformat()
    return this.isoformat()


def normalize(text: str, doc_date: dt.date | None, tense: str | None = None) -> str | None:
    """The TIMEX3 value of a date expression, or None when it cannot be normalized honestly.

    ``tense`` ("past", "present", "future" or None) decides between past and future readings
    of underspecified expressions; :func:`find_dates` reads it from the parse.
    """
    return _value(text, _Context(doc_date, tense))


# ---------------------------------------------------------------------------------------------
# Extraction

_FUTURE_AUX = {"will", "'ll", "shall", "wo", "going"}
_PAST_TAGS = {"VBD"}


_MODALS = {"would", "might", "may", "should", "'d"}
_PLAN_VERBS = {
    "plan",
    "schedule",
    "set",
    "expect",
    "due",
    "slate",
    "intend",
    "aim",
    "hope",
    "prepare",
}
_REPORT_VERBS = {
    "say",
    "says",
    "tell",
    "tells",
    "announce",
    "announces",
    "report",
    "reports",
    "confirm",
    "confirms",
    "deny",
    "denies",
    "add",
    "adds",
    "note",
    "notes",
}


def _tense(span: Span) -> str | None:
    """Past, future or present from the verb that governs ``span``, or None.

    Only a date that modifies a verb (directly, or through a preposition such as "on") takes
    its tense; "Wednesday's ruling" does not take the tense of a verb farther up.
    """
    tok = span.root
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head  # "on Monday and Tuesday"
    if tok.dep_ in ("poss", "compound", "amod", "nmod"):
        return None
    head = tok.head
    if tok.dep_ == "pobj" and (head.dep_ == "prep" or head.pos_ == "ADP"):
        prep = head
        while prep.dep_ == "conj" and prep.head.dep_ == "prep":
            prep = prep.head  # "on Memorial Day and on Christmas Eve"
        if (
            span.doc[max(0, span.start - 3) : span.start]
            .text.lower()
            .startswith(("as soon as", "as early as"))
        ):
            return FUTURE
        if prep.lower_ in _BOUND_PREPS:
            return None  # "extended through January": the end of a period, past or future
        head = prep.head
    if head is tok or head.pos_ not in ("VERB", "AUX"):
        return None
    return _verb_tense(head, 0)


def _verb_tense(verb, depth: int) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    low = {a.lower_ for a in auxes}
    if low & _FUTURE_AUX:
        return FUTURE
    if low & _MODALS:
        return FUTURE
    if "to" in low and verb.tag_ == "VB":
        # "plans to meet Tuesday", "is expected to vote Tuesday": future of the governing verb
        if verb.dep_ in ("xcomp", "advcl", "ccomp") and depth < 2 and verb.head is not verb:
            head = _verb_tense(verb.head, depth + 1)
            if head == FUTURE:
                return FUTURE
            if head == PAST and verb.head.lower_ not in (
                "expected",
                "scheduled",
                "planned",
                "set",
                "due",
            ):
                return None  # "agreed to buy in February": before or after, unknown
        if verb.head.pos_ not in ("VERB", "AUX"):
            return None
        return FUTURE
    if any(verb.lower_.startswith(p) for p in _PLAN_VERBS) and (
        verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBN" and {"has", "have", "is", "are"} & low)
    ):
        return FUTURE
    if any(a.tag_ == "VBD" for a in auxes) or verb.tag_ == "VBD":
        return PAST
    if verb.tag_ == "VBN" and {"has", "have", "had", "'ve", "'s"} & low:
        return PAST
    if verb.tag_ == "VBG" and {"is", "are", "'re", "'s", "am"} & low:
        return FUTURE
    if verb.tag_ in ("VBZ", "VBP") or {"is", "are", "'re", "am"} & low:
        return None if verb.lower_ in _REPORT_VERBS else PRESENT
    return None


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
    r"\s+(?:ended|ending|ends|end|through|thru|to|until|till|and|or|versus|vs\.?)\s+"
    r"|(?<=\d)\s*[-–—/]\s*(?=\d)|(?<=\b\d{4}),\s*(?=\d{4}\b)"
)


def _is_duration(t: str) -> bool:
    t = _norm_text(t)
    if re.search(r"\b(?:ago|earlier|later|before|after|from now|hence|back)$", t):
        return False
    if re.fullmatch(
        r"(?:the\s+)?(?:past|last|next|coming|this|previous)\s+(?:year|month|week|quarter|decade"
        r"|century|weekend)",
        t,
    ):
        return False  # "last year", "the past year" are dates in news use
    return bool(_RX_DURATION.fullmatch(t))


def _split_range(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """ "2009-2010" -> two spans, "1957-58" -> two spans, "the quarter ended Sept. 30" -> two."""
    text = doc.text[start:end]
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
    rf"(?:\s+{_PARTOFDAY})?"
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


_LEFT_WORDS = {"this", "last", "next", "that", "early", "late", "mid", "past", "coming", "previous"}


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


def _iter_extra(text: str):
    for m in _RX_EXTRA.finditer(text):
        yield m.start(), m.end()
    for m in _RX_EXTRA_CASED.finditer(text):
        yield m.start(), m.end()
    for m in _RX_EXTRA_YEAR.finditer(text):
        yield m.start("y"), m.end("y")


def _candidates(doc: Doc) -> list[tuple[int, int]]:
    text = doc.text
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        start = ent.start
        while start > 0 and doc[start - 1].lower_ in _LEFT_WORDS and start > ent.start - 2:
            start -= 1
        for a, b in _split_range(doc, doc[start].idx, ent.end_char):
            spans.append((a, b))
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


def _false_positive(doc: Doc, span: Span, t: str) -> bool:
    """Words that look like dates but are not: "may" the verb, "Sun" the newspaper, ..."""
    first, last = span[0], span[-1]
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    low = last.lower_
    if low in _SEASON_WORDS:
        if last.pos_ in ("VERB", "AUX"):
            return True  # "prices will fall"
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
        if len(span) == 1 and after is not None and after.is_title and after.lower_ in _NAME_AFTER:
            return True
        if before is not None and before.i >= 1 and doc[before.i - 1].lower_ == "mail":
            return True  # "The Mail on Sunday"
    if first.lower_ == "today":
        if after is not None and after.lower_ in ("'s", "’s"):
            return True  # "today's world" is generic
        if first.is_title and before is not None and before.text in ("USA", "VOA", "NBC", "the"):
            return True  # "USA Today", "the Today show"
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
    sent = span.sent.text
    # "in the third quarter" of a game
    return "quarter" in t.lower() and bool(_SPORT.search(sent)) and not _FINANCE.search(sent)


def find_dates(doc: Doc, doc_date: dt.date | None = None) -> list[DateMention]:
    """Every date expression of the document that has a value, in text order."""
    text = doc.text
    ctx = _Context(doc_date)
    found: list[DateMention] = []
    last_sent_start = -1
    sent_quarter_start = -1
    for a, b in _candidates(doc):
        a, b = _clean_span(text, a, b)
        if b <= a:
            continue
        raw = text[a:b]
        t = _norm_text(raw)
        if not t or (_RX_NOT_DATE.match(t) and not re.fullmatch(r"\d\d?", t)) or _is_duration(t):
            continue
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if _false_positive(doc, span, raw):
            continue
        sent = span.sent
        # quarters referred to later ("the quarter", "a year earlier") come from this sentence
        # or the one before; farther back they are forgotten
        if sent.start_char != last_sent_start:
            if (
                ctx.last_quarter
                and sent_quarter_start >= 0
                and sent.start_char - sent_quarter_start > 600
            ):
                ctx.last_quarter = None
            last_sent_start = sent.start_char
        ctx.tense = _tense(span)
        ctx.new_quarter = None
        value = _value(raw, ctx)
        if value is None and len(span) > 1 and not re.fullmatch(r"\d\d", t):
            # "coup d'etat last year", "the first nine months of 1997": a date at the end
            for k in range(1, min(len(span), 7)):
                sub = span[k:]
                if sub[0].is_punct or sub[0].lower_ in ("'s", "of", "and", "to"):
                    continue
                if _RX_NOT_DATE.match(_norm_text(sub.text)) or _is_duration(sub.text):
                    continue
                value = _value(sub.text, ctx)
                if value is not None:
                    a, raw = sub.start_char, sub.text
                    break
        if value is None and re.fullmatch(r"\d\d?", t) and found:
            prev = found[-1]
            gap = a - prev.end
            if re.fullmatch(r"\d{4}", prev.value) and 0 < gap <= 3 and t > prev.value[2:]:
                value = prev.value[:2] + t  # the second year of "1957-58"
            elif (
                re.fullmatch(r"(?:\d{4}|XXXX)-\d\d-\d\d", prev.value)
                and 0 < gap <= 6
                and _valid(2000, int(prev.value[5:7]), int(t))
            ):
                value = f"{prev.value[:8]}{int(t):02d}"  # "April 24 and 25", "March 3-5"
        if value is None:
            continue
        if ctx.new_quarter:
            ctx.last_quarter = ctx.new_quarter
            sent_quarter_start = sent.start_char
        ctx.last_value = value
        if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            ctx.last_day = value
        if re.fullmatch(r"\d{4}.*", value) and re.search(r"\b\d{4}\b", raw):
            ctx.last_year = int(value[:4])
        found.append(DateMention(raw, a, b, value, sent.text.strip()))
    return found


_RX_DATELINE = re.compile(
    rf"(?i)\b(?:{_MON}\s+{_DAYNUM},?\s+{_YR}|{_DAYNUM}\s+{_MON},?\s+{_YR}"
    rf"|{_YR}/\d{{1,2}}/\d{{1,2}})\b"
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


def key_dates(
    dates: list[DateMention], summary: list[Mention], limit: int = 5
) -> list[DateMention]:
    """The dates a reader would call the document's key dates, most important first.

    Dates in summary sentences come first, then specific days before weeks, months, quarters
    and years; among equals, the value mentioned most often, then the earliest mention. Each
    value appears once (its first mention). Vague references (``PRESENT_REF``, ``PAST_REF``,
    ``FUTURE_REF``) are never key dates.
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
        if d.value.endswith("_REF"):
            continue
        first.setdefault(d.value, d)
        count[d.value] = count.get(d.value, 0) + 1
        summarized[d.value] = summarized.get(d.value, False) or in_summary(d)
    ranked = sorted(
        first.values(),
        key=lambda d: (not summarized[d.value], -_specificity(d.value), -count[d.value], d.start),
    )
    return ranked[:limit]
