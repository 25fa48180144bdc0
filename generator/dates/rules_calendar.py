"""Normalization rules, first family: dates written out with a month or in digits.

ISO and numeric dates, month-day dates in either order (with a weekday that tells the year),
"last March" and "the following March", "that February", "the week of March 3", a month with
or without its year. Each rule is an entry of ``RULES`` (name, pattern, handler, examples),
tried in order by :mod:`generator.dates.values`; to add one, add an entry where it belongs in
the order, with examples (``tests/test_date_rules.py`` runs them).
"""

from __future__ import annotations

import datetime as dt
import re

from .calendar import fmt_day, resolve_month_year, valid, week
from .rule import Context, Rule, ex
from .words import DAYNUM, MON, ORD_WORD, PARTOFDAY, WDAY, YR, day, month, weekday, year_of


def near(doc_date: dt.date, year: int, mo: int, d: int | None) -> bool:
    """Within about six weeks of the document's date: the document's own time wins there."""
    if d is None:
        return abs(year * 12 + mo - (doc_date.year * 12 + doc_date.month)) <= 1
    return valid(year, mo, d) and abs((dt.date(year, mo, d) - doc_date).days) <= 45


def _iso(m: re.Match[str], ctx: Context) -> str | None:
    y, mo, d = int(m[1]), int(m[2]), int(m[3])
    return fmt_day(y, mo, d) if valid(y, mo, d) else None


def _numeric(m: re.Match[str], ctx: Context) -> str | None:
    mo, d, y = int(m[1]), int(m[2]), int(m[3])
    if y < 100:
        return None  # two-digit years: ``numeric_date_short_year``, with a document date
    if mo > 12 >= d:
        mo, d = d, mo  # "20/3/2023" is day first
    elif mo != d and mo <= 12 and d <= 12:
        return None  # "3/4/2023": March 4 in the US, April 3 elsewhere
    return fmt_day(y, mo, d) if valid(y, mo, d) else None


def _numeric_short_year(m: re.Match[str], ctx: Context) -> str | None:
    # "3/4/09": the year of this century if it has come, else of the last; month first, as
    # American news writes it (the only order that writes a two-digit year this way)
    dd = ctx.doc_date
    if dd is None:
        return None
    mo, d, yy = int(m[1]), int(m[2]), int(m[3])
    y = 2000 + yy if 2000 + yy <= dd.year else 1900 + yy
    if mo > 12 >= d:
        mo, d = d, mo
    return fmt_day(y, mo, d) if valid(y, mo, d) else None


def _month_day(m: re.Match[str], ctx: Context) -> str | None:
    dd = ctx.doc_date
    mo, d = month(m["mon"]), day(m["day"])
    if mo is None or d is None:
        return None
    year = m["year"] or m.groupdict().get("year_b")  # "June 27 [2019]": a year in brackets
    if year:
        y = int(year)
    elif dd is not None:
        y = resolve_month_year(mo, d, dd, ctx.tense)
        if ctx.sentence_year and not near(dd, y, mo, d):
            y = ctx.sentence_year
    else:
        y = None
    if not valid(y or 2000, mo, d):
        return None
    if m["wd"] and not year:
        # "Sunday, March 7": the weekday tells which year, among those the text allows
        wd = weekday(m["wd"])
        options = [y, ctx.last_year] if y is not None else [ctx.last_year]
        fits = [o for o in options if o and valid(o, mo, d) and dt.date(o, mo, d).weekday() == wd]
        if fits:
            y = fits[0]
    return fmt_day(y, mo, d)


def _relative_year_day(m: re.Match[str], ctx: Context) -> str | None:
    # "last year August 8": the day in the year before the document's
    dd, mo, d = ctx.doc_date, month(m["mon"]), day(m["day"])
    if dd is None or mo is None or d is None:
        return None
    y = dd.year + {"this": 0, "last": -1, "next": 1}[m["rel"]]
    return fmt_day(y, mo, d) if valid(y, mo, d) else None


def _relative_month(m: re.Match[str], ctx: Context) -> str | None:
    dd = ctx.doc_date
    mo = month(m["mon"])
    if mo is None or dd is None:
        return None
    rel = m["rel"]
    if rel in ("last", "this past"):
        y = dd.year - 1 if mo >= dd.month else dd.year
    elif rel in ("next", "this coming"):
        y = dd.year + 1 if mo <= dd.month else dd.year
    elif rel == "this":
        y = dd.year
    else:
        y = resolve_month_year(mo, None, dd, ctx.tense)
        if ctx.sentence_year and not near(dd, y, mo, None):
            y = ctx.sentence_year  # "in late February" in a passage about 1945
    return f"{y}-{mo:02d}"


def _anaphoric_month(m: re.Match[str], ctx: Context) -> str | None:
    # "the following March": after the month or day the story named last
    mo = month(m["mon"])
    ref = ctx.last_value or ""
    if mo is None or not re.match(r"\d{4}-\d\d", ref):
        return None
    y, ref_mo = int(ref[:4]), int(ref[5:7])
    if m["rel"] in ("following", "next"):
        y += mo <= ref_mo
    else:
        y -= mo >= ref_mo
    return f"{y}-{mo:02d}"


def _that_month(m: re.Match[str], ctx: Context) -> str | None:
    # "that February": in the year the story is telling
    mo = month(m["mon"])
    return f"{ctx.last_year}-{mo:02d}" if ctx.last_year else None


def _week_of(m: re.Match[str], ctx: Context) -> str | None:
    from .values import core  # the rest is valued by the whole table, this rule included

    v = core(m["rest"], ctx)
    if v and re.fullmatch(r"\d{4}-\d\d-\d\d", v):
        return week(dt.date.fromisoformat(v))
    return None


def _month_year(m: re.Match[str], ctx: Context) -> str | None:
    dd = ctx.doc_date
    mo = month(m["mon"])
    if mo is None:
        return None
    if m["year"]:
        rest = m["year"]
        if rest in ("this year", "last year", "next year") and dd is not None:
            y = dd.year + {"this year": 0, "last year": -1, "next year": 1}[rest]
            return f"{y}-{mo:02d}"
        year = year_of(rest)
        return f"{year}-{mo:02d}" if year else None
    if dd is None:
        return f"XXXX-{mo:02d}"
    y = resolve_month_year(mo, None, dd, ctx.tense)
    if ctx.sentence_year and not near(dd, y, mo, None):
        y = ctx.sentence_year
    return f"{y}-{mo:02d}"


RULES = (
    Rule(
        "iso_date",
        re.compile(r"(\d{4})-(\d{2})-(\d{2})"),
        _iso,
        (ex("2023-03-20", "2023-03-20"), ex("2023-02-30", None)),
    ),
    Rule(
        "numeric_date",
        re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})"),
        _numeric,
        (ex("12/25/2023", "2023-12-25"), ex("20/3/2023", "2023-03-20"), ex("3/4/2023", None)),
    ),
    Rule(
        # "the 9/11 attacks", "since 9/11": the day's name, not September 11 of any year
        "nine_eleven",
        re.compile(r"(?:post-|pre-)?9/11"),
        lambda m, ctx: "2001-09-11",
        (ex("9/11", "2001-09-11"), ex("9/11", "2001-09-11", doc_date=None)),
    ),
    Rule(
        "numeric_date_short_year",
        re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2})"),
        _numeric_short_year,
        (
            ex("3/4/09", "2009-03-04"),
            ex("12/25/95", "1995-12-25"),
            ex("3/4/09", None, doc_date=None),
        ),
    ),
    Rule(
        "month_day",
        re.compile(
            rf"(?:(?P<wd>{WDAY}),?\s+)?(?:the\s+)?(?P<mon>{MON})\s+(?:the\s+)?(?P<day>{DAYNUM}"
            rf"|{ORD_WORD})(?:,?\s+(?P<year>{YR})|\s+\[(?P<year_b>{YR})\])?(?:\s+{PARTOFDAY})?"
        ),
        _month_day,
        (
            ex("March 20", "2023-03-20"),
            ex("March 20", "XXXX-03-20", doc_date=None),
            ex("Dec. 25, 2020", "2020-12-25"),
            ex("Sunday, March 7", "2021-03-07", last_year=2021),
            ex("June 6", "2016-06-06", sentence_year=2016),
            ex("June 27 [2019]", "2019-06-27", doc_date="2021-03-22"),
        ),
    ),
    Rule(
        "day_month",
        re.compile(
            rf"(?:(?P<wd>{WDAY}),?\s+)?(?:the\s+)?(?P<day>{DAYNUM}"
            rf"|{ORD_WORD})\s+(?:of\s+)?(?P<mon>{MON}),?(?:\s+(?P<year>{YR}))?"
        ),
        _month_day,
        (ex("the 20th of March", "2023-03-20"), ex("4 July 1976", "1976-07-04")),
    ),
    Rule(
        "relative_year_day",
        re.compile(rf"(?P<rel>last|this|next) year,?\s+(?P<mon>{MON})\s+(?P<day>{DAYNUM})"),
        _relative_year_day,
        (
            ex("last year August 8", "2022-08-08"),
            ex("next year, June 1", "2024-06-01"),
            ex("last year August 8", None, doc_date=None),
        ),
    ),
    Rule(
        "relative_month",
        re.compile(
            rf"(?P<rel>last|this|next|this past|this coming|early|late|mid-?)\s*(?P<mon>{MON})"
        ),
        _relative_month,
        (
            ex("last March", "2022-03"),
            ex("next March", "2024-03"),
            ex("this June", "2023-06"),
            ex("early June", "2022-06", tense="past"),
            ex("late October", "1945-10", sentence_year=1945),
            ex("last October", "2022-10", sentence_year=1945),
        ),
    ),
    Rule(
        "anaphoric_month",
        re.compile(rf"(?:the )?(?P<rel>following|next|previous|prior) (?P<mon>{MON})"),
        _anaphoric_month,
        (
            ex("the following March", "2017-03", last_value="2016-05-12"),
            ex("the previous June", "2015-06", last_value="2016-05"),
            ex("the following March", None),
        ),
    ),
    Rule(
        "that_month",
        re.compile(rf"that (?P<mon>{MON})"),
        _that_month,
        (ex("that February", "2016-02", last_year=2016), ex("that February", None)),
        when=lambda m, ctx: month(m["mon"]),
    ),
    Rule(
        "week_of",
        re.compile(r"(?:the )?week of (?P<rest>.+)"),
        _week_of,
        (ex("the week of March 3", "2023-W09"), ex("the week of March", None)),
    ),
    Rule(
        "month_year",
        re.compile(rf"(?P<mon>{MON}),?(?:\s+(?:of\s+)?(?P<year>.+))?"),
        _month_year,
        (
            ex("March 2019", "2019-03"),
            ex("June of last year", "2022-06"),
            ex("January nineteen ninety-seven", "1997-01"),
            ex("June", "XXXX-06", doc_date=None),
            ex("February", "2023-02"),
            ex("June", "2016-06", sentence_year=2016),
        ),
    ),
)
