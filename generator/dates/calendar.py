"""The words of dates and the calendar arithmetic behind their values.

Shared by the date stage (:mod:`generator.dates.extract`, :mod:`generator.dates.patterns`,
:mod:`generator.dates.values`), which imports its names from here:
- the vocabulary: month, weekday, season, ordinal and number words, and the same words as
  regex fragments (``_MON``, ``_WDAY``, ``_YR``, ...) that the normalization rules, the
  extraction patterns and the dateline reader are built from;
- readers of single words ("Sept." -> 9, "twenty-first" -> 21, "nineteen ninety-six" -> 1996);
- anchoring to the document date: the year of "March 20" or of "the third quarter", which
  Tuesday, which winter, which Thanksgiving, N units before or after, given the tense of the
  verb (``PAST``, ``PRESENT``, ``FUTURE``).

Nothing here knows spaCy or whole expressions. A leading underscore marks a name internal to
the date stage, not to this module.
"""

from __future__ import annotations

import datetime as dt
import re

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
_QUARTER_AHEAD = 3  # months

# The same words as regex fragments, for the normalization rules, the extraction patterns and
# the dateline
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
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty"
    r"|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|few|several|many|couple of"
    r"|a few|a couple of|a dozen|dozens of|hundreds of)"
)
_PARTOFDAY = r"(?:morning|afternoon|evening|night|overnight)"


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
    if "-" in word:
        return _small_number(word.split("-"))
    return NUMBERS.get(word)


def _quarter_num(tok: str) -> int | None:
    tok = tok.lower()
    return {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4, "q1": 1, "q2": 2, "q3": 3, "q4": 4}.get(tok)  # fmt: skip


def _weekend(dd: dt.date, tense: str | None, default_future: bool) -> str:
    """ "The weekend": the coming one when spoken of in the future, else the one just past."""
    if dd.weekday() >= 5:
        return _week(dd) + "-WE"
    future = tense in (FUTURE, PRESENT) or (tense is None and default_future)
    return _week(dd if future else dd - dt.timedelta(weeks=1)) + "-WE"


def _quarter_year(q: int, dd: dt.date, tense: str | None) -> int:
    """The year of "the third quarter" said on ``dd``: this year's once it has begun, or if it
    begins within a few months (or the verb is future); else last year's, just reported."""
    months_ahead = (q - 1) * 3 + 1 - dd.month
    if months_ahead <= 0 or tense == FUTURE or months_ahead <= _QUARTER_AHEAD:
        return dd.year
    return dd.year - 1


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
