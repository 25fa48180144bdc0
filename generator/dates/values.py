"""Normalization: the text of one date expression to its TIMEX3 value.

:func:`normalize`, and ``_value`` which :func:`generator.dates.extract.find_dates` calls with the
story's running ``_Context``, drop the words around a date ("as early as", "the end of",
"'s") and try one rule per kind of expression (``_value_core``): numeric dates, month-day
dates, months, years, decades and centuries, quarters and halves, anaphoric quarters and
years ("the quarter", "that year", "a year earlier"), seasons, holidays, deictic days,
weekdays, "N units ago", "last/next unit". The calendar arithmetic behind the rules is in
:mod:`generator.dates.calendar`; the tense and the story's reference times come from the
caller. Text only: nothing here reads the parse.
"""

from __future__ import annotations

import datetime as dt
import re

from .calendar import (
    _DAYNUM,
    _DECADE_WORDS,
    _MON,
    _NUMWORD,
    _ORD_WORD,
    _PARTOFDAY,
    _QORD,
    _WDAY,
    _YR,
    ORDINALS,
    SEASONS,
    _count,
    _day,
    _fmt_day,
    _holiday,
    _last_quarter,
    _month,
    _quarter_from,
    _quarter_num,
    _quarter_year,
    _resolve_month_year,
    _resolve_season,
    _resolve_weekday,
    _season,
    _shift_unit,
    _spoken_year,
    _valid,
    _week,
    _weekday,
    _weekend,
    _year_of,
)

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


def _near(doc_date: dt.date, year: int, month: int, day: int | None) -> bool:
    """Within about six weeks of the document's date: the document's own time wins there."""
    if day is None:
        return abs(year * 12 + month - (doc_date.year * 12 + doc_date.month)) <= 1
    return _valid(year, month, day) and abs((dt.date(year, month, day) - doc_date).days) <= 45


class _Context:
    """What normalization may use beyond the text: document date, tense, reference times."""

    __slots__ = (
        "doc_date", "tense", "last_quarter", "last_value", "new_quarter", "last_year", "last_day",
        "sentence_year",
    )  # fmt: skip

    def __init__(self, doc_date: dt.date | None, tense: str | None = None):
        self.doc_date = doc_date
        self.tense = tense
        self.last_quarter: str | None = None  # the last quarter mentioned nearby (YYYY-Qn)
        self.last_value: str | None = None
        self.new_quarter: str | None = None  # set by an explicit quarter expression
        self.last_year: int | None = None  # the last year written out in the text
        # a past year written earlier in the same sentence: its month-days are of that year
        # ("In the 2016 election, ... until June" is June 2016, not the document's June)
        self.sentence_year: int | None = None
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


_RX_QUARTER = re.compile(
    rf"^(?:(?P<y1>{_YR})\s+|(?P<rel>this|last|next|current|that|its|latest|previous|coming)\s+"
    rf"|(?:this|last|next) year'?s?\s+)?"
    rf"(?:fiscal[\s-]+)?(?P<q>{_QORD}|q[1-4])(?:[\s-]+fiscal)?[\s-]+(?:quarter|qtr\.?|period)"
    rf"(?:\s+(?:of|in)\s+(?:fiscal\s+)?(?P<y2>{_YR}))?(?:\s+(?P<y3>{_YR}))?$"
)
_RX_H_SHORT = re.compile(rf"^h(?P<h>[12])\s*(?P<y>{_YR})$")
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
        if mo > 12 >= d:
            mo, d = d, mo  # "20/3/2023" is day first
        elif mo != d and mo <= 12 and d <= 12:
            return None  # "3/4/2023": March 4 in the US, April 3 elsewhere
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
            if ctx.sentence_year and not _near(dd, y, mo, d):
                y = ctx.sentence_year
        else:
            y = None
        if not _valid(y or 2000, mo, d):
            return None
        if m["wd"] and not m["year"]:
            # "Sunday, March 7": the weekday tells which year, among those the text allows
            wd = _weekday(m["wd"])
            options = [y, ctx.last_year] if y is not None else [ctx.last_year]
            fits = [
                o for o in options if o and _valid(o, mo, d) and dt.date(o, mo, d).weekday() == wd
            ]
            if fits:
                y = fits[0]
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
    if m := re.fullmatch(rf"(?:the )?(?P<rel>following|next|previous|prior) (?P<mon>{_MON})", t):
        # "the following March": after the month or day the story named last
        mo = _month(m["mon"])
        ref = ctx.last_value or ""
        if mo is None or not re.match(r"\d{4}-\d\d", ref):
            return None
        y, ref_mo = int(ref[:4]), int(ref[5:7])
        if m["rel"] in ("following", "next"):
            y += mo <= ref_mo
        else:
            y -= mo >= ref_mo
        return f"{y}-{mo:02d}"
    if (m := re.fullmatch(rf"that (?P<mon>{_MON})", t)) and (mo := _month(m["mon"])):
        # "that February": in the year the story is telling
        return f"{ctx.last_year}-{mo:02d}" if ctx.last_year else None
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
        y = _resolve_month_year(mo, None, dd, tense)
        if ctx.sentence_year and not _near(dd, y, mo, None):
            y = ctx.sentence_year
        return f"{y}-{mo:02d}"

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
        if m["d"] == "0" and m["y"] != "20":
            return m["y"]  # "the 1800s": the century
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
            y = _quarter_year(q, dd, tense)
        else:
            return None
        ctx.new_quarter = f"{y}-Q{q}"
        return f"{y}-Q{q}"
    if m := _RX_Q_SHORT.fullmatch(t):
        y_txt = m["y"]
        if y_txt and len(y_txt) == 4:
            return f"{y_txt}-Q{m['q'][1]}"
        if dd is None or y_txt:
            return None
        q = int(m["q"][1])
        return f"{_quarter_year(q, dd, tense)}-Q{q}"
    if m := _RX_H_SHORT.fullmatch(t):
        return f"{m['y']}-H{m['h']}"
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
    # "that year", "the previous year": from a year the story named just before
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
        if not rest and (t.endswith(unit + "s") or t.endswith("centuries")):
            # "the coming months", "the past weeks": no date, a vague time
            if rel in ("coming", "next", "following"):
                return "FUTURE_REF"
            return "PAST_REF" if rel in ("last", "past", "previous", "prior") else None
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
        if t.startswith("the ") and rel in ("last", "past") and unit == "day":
            return None  # "the last day" of something, not yesterday
        if unit in ("decade", "century") and rel in ("last", "past", "next", "coming"):
            return None  # "the past decade" is the last ten years, not the 2000s
        n = {"last": -1, "past": -1, "previous": -1, "prior": -1, "next": 1, "coming": 1,
             "following": 1}.get(rel, 0)  # fmt: skip
        if unit == "weekend" and rel == "this":
            return _weekend(dd, tense, default_future=True)
        return _shift_unit(dd, unit, n)
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
    if t in ("this week", "the current week") and dd:
        return _week(dd)
    return None


def normalize(text: str, doc_date: dt.date | None, tense: str | None = None) -> str | None:
    """The TIMEX3 value of a date expression, or None when it cannot be normalized honestly.

    ``tense`` ("past", "present", "future" or None) decides between past and future readings
    of underspecified expressions; :func:`find_dates` reads it from the parse.
    """
    return _value(text, _Context(doc_date, tense))
