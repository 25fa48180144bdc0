"""Normalization rules, third family: days and spans counted from the document or the story.

Holidays (``data/en/holidays.yml``), "today" and "yesterday", weekdays, "N units ago" and
"two days later", "last/this/next unit", "the year", "the weekend". Each rule is
an entry of ``RULES`` (name, pattern, handler, examples), tried in order after
:mod:`generator.dates.rules_periods`; to add one, add an entry where it belongs in the order,
with examples.
"""

from __future__ import annotations

import datetime as dt
import re

from . import switches
from .calendar import holiday, resolve_weekday, shift_unit, weekend
from .rule import Context, Rule, ex, has_doc_date, phrases
from .words import (
    MON,
    NUMWORD,
    PARTOFDAY,
    SEASON,
    SEASONS,
    WDAY,
    YR,
    count,
    holiday_pattern,
    month,
    weekday,
)


def _today(m: re.Match[str], ctx: Context) -> str | None:
    if m.string == "the day":
        return None
    return ctx.doc_date.isoformat() if ctx.doc_date else None


def _yesterday_tomorrow(m: re.Match[str], ctx: Context) -> str | None:
    if ctx.doc_date is None:
        return None
    return (ctx.doc_date + dt.timedelta(days=-1 if m["w"] == "yesterday" else 1)).isoformat()


_WEEKDAY_REL = {
    "this coming": "next", "this past": "last", "the previous": "last",
    "the following": "next", "earlier": None, "late": None, "early": None,
}  # fmt: skip


def _weekday(m: re.Match[str], ctx: Context) -> str | None:
    if ctx.doc_date is None:
        return None
    wd = weekday(m["wd"])
    assert wd is not None  # the pattern's
    rel = _WEEKDAY_REL.get(m["rel"], m["rel"])
    return resolve_weekday(wd, ctx.doc_date, ctx.tense, rel).isoformat()


def _recurring(m: re.Match[str], ctx: Context) -> str | None:
    # "each July", "every Thursday", "every summer": a set, valued as TIMEX3 writes one, with
    # no year; never placed on a timeline nor ranked a key date
    if m["wd"]:
        return f"XXXX-WXX-{weekday(m['wd']) + 1}"  # type: ignore[operator]
    if m["mon"]:
        return f"XXXX-{month(m['mon']):02d}"
    return f"XXXX-{SEASONS[m['s']]}"


_BACK = ("ago", "earlier", "before", "back")


def _units_ago(m: re.Match[str], ctx: Context) -> str | None:
    dd, n, unit = ctx.doc_date, count(m["n"]), m["unit"]
    if n is None:
        # "a few years ago", "several months ago"
        return "PAST_REF" if m["dir"] in _BACK else "FUTURE_REF"
    if dd is None:
        return None
    sign = -1 if m["dir"] in _BACK else 1
    if unit == "year" and n == 1 and ctx.last_quarter and m["dir"] in ("ago", "earlier"):
        return f"{int(ctx.last_quarter[:4]) - 1}{ctx.last_quarter[4:]}"
    if m["dir"] in ("ago", "back", "from now", "hence"):
        return shift_unit(dd, unit, sign * n)
    # "two days later", "a week earlier": counted from the last date of the story, if
    # the text gave one; "a year earlier" in business news is counted from the document.
    if unit in ("day", "week") and ctx.last_day:
        return shift_unit(dt.date.fromisoformat(ctx.last_day), unit, sign * n)
    if unit in ("year", "quarter") and sign < 0:
        return shift_unit(dd, unit, sign * n)
    return None


def _story_month(ctx: Context) -> dt.date | None:
    """The month the story just named ("in March 2019", "In March"), in this sentence or the
    three before; None for a year alone or a month farther back."""
    v = ctx.near_month if switches.on("story_month") else None
    return dt.date(int(v[:4]), int(v[5:7]), 1) if v else None


def _years_later(m: re.Match[str], ctx: Context) -> str | None:
    n = count(m["n"])
    assert ctx.last_year is not None  # the guard's
    return str(ctx.last_year + n) if n else None


_SHIFT = {"last": -1, "past": -1, "previous": -1, "prior": -1, "next": 1, "coming": 1,
          "following": 1}  # fmt: skip


def _relative_unit(m: re.Match[str], ctx: Context) -> str | None:
    dd, t = ctx.doc_date, m.string
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
        shift = {"same": 0, "following": 1, "next": 1}.get(rel, -1)
        if unit in ("day", "week") and ctx.last_day and rel != "that":
            return shift_unit(dt.date.fromisoformat(ctx.last_day), unit, shift)
        if unit == "month" and rel != "that" and (ref := _story_month(ctx)):
            return shift_unit(ref, unit, shift)  # "withdrew in March 2019 ... the next month"
        return None
    if rel in ("last", "past") and unit == "day":
        return None  # "the last day" of something, not yesterday
    if unit in ("decade", "century") and rel in ("last", "past", "next", "coming"):
        return None  # "the past decade" is the last ten years, not the 2000s
    if unit == "weekend" and rel == "this":
        return weekend(dd, ctx.tense, default_future=True)
    return shift_unit(dd, unit, _SHIFT.get(rel, 0))


_UNIT = r"(?P<unit>day|weekend|week|month|quarter|year|decade|century)s?"

RULES = (
    Rule(
        "holiday",
        re.compile(
            rf"(?:(?P<rel>last|next|this)\s+)?(?P<h>{holiday_pattern()})(?:\s+(?P<y>{YR}))?"
        ),
        lambda m, ctx: holiday(m["h"], m["y"], m["rel"], ctx.doc_date, ctx.tense),
        (
            ex("Christmas 2019", "2019-12-25"),
            ex("Christmas", "XXXX-12-25", doc_date=None),
            ex("next Christmas", "2023-12-25"),
            ex("new years eve", "2022-12-31"),
            ex("last Thanksgiving", "2022-11-24"),
            ex("Thanksgiving", None, doc_date=None),
        ),
    ),
    Rule(
        "recurring",
        re.compile(
            rf"(?:every|each)\s+(?:(?P<wd>{WDAY})s?(?:\s+{PARTOFDAY})?|(?P<mon>{MON})|(?P<s>{SEASON}))"
        ),
        _recurring,
        (
            ex("each July", "XXXX-07"),
            ex("every Thursday", "XXXX-WXX-4"),
            ex("every summer", "XXXX-SU"),
            ex("every Monday night", "XXXX-WXX-1"),
        ),
    ),
    Rule(
        "quoted_today",
        phrases("today", "tonight", "this morning", "this afternoon", "this evening"),
        lambda m, ctx: ctx.quote_day or None,
        (ex("today", "2023-03-20", quote_day="2023-03-20"), ex("today", None, quote_day="")),
        when=lambda m, ctx: ctx.quote_day is not None,
    ),
    Rule(
        "today",
        phrases(
            "today",
            "this day",
            "the day",
            "tonight",
            "this morning",
            "this afternoon",
            "this evening",
            "earlier today",
            "later today",
        ),  # fmt: skip
        _today,
        (ex("today", "2023-03-22"), ex("this morning", "2023-03-22"), ex("the day", None)),
    ),
    Rule(
        "yesterday_tomorrow",
        re.compile(
            rf"(?:(?:early|late|earlier|later)\s+)?(?P<w>yesterday|tomorrow)(?:\s+{PARTOFDAY})?"
        ),
        _yesterday_tomorrow,
        (ex("yesterday morning", "2023-03-21"), ex("early tomorrow", "2023-03-23")),
    ),
    Rule(
        "day_before_yesterday",
        phrases("the day before yesterday"),
        lambda m, ctx: (ctx.doc_date - dt.timedelta(days=2)).isoformat(),
        (ex("the day before yesterday", "2023-03-20"),),
        when=has_doc_date,
    ),
    Rule(
        "day_after_tomorrow",
        phrases("the day after tomorrow"),
        lambda m, ctx: (ctx.doc_date + dt.timedelta(days=2)).isoformat(),
        (ex("the day after tomorrow", "2023-03-24"),),
        when=has_doc_date,
    ),
    Rule(
        "weekday",
        re.compile(
            rf"(?:(?P<rel>last|next|this|this coming|this past|coming|the previous|the following"
            rf"|earlier|late|early)\s+)?(?P<wd>{WDAY})(?:'s)?(?:\s+{PARTOFDAY})?"
        ),
        _weekday,
        (
            ex("Tuesday", "2023-03-21", tense="past"),
            ex("Tuesday", "2023-03-28", tense="future"),
            ex("last Thursday", "2023-03-16"),
            ex("this coming Friday", "2023-03-24"),
            ex("Monday night", "2023-03-20"),
            ex("Tuesday", None, doc_date=None),
        ),
    ),
    Rule(
        # "ran in 1992. Four years later, the party tapped her": counted from the year the
        # story named (within reach), never from the document date, which would be the future
        "years_later",
        re.compile(rf"(?P<n>{NUMWORD})\s+years?\s+(?:later|after(?:wards?)?)"),
        _years_later,
        (
            ex("four years later", "1996", last_year=1992),
            ex("two years afterwards", "2018", last_year=2016),
        ),
        when=lambda m, ctx: ctx.last_year,
    ),
    Rule(
        "units_ago",
        re.compile(
            rf"(?P<n>{NUMWORD})\s+{_UNIT}\s+(?P<dir>ago|earlier|before|later|after|from now"
            rf"|hence|back)"
        ),
        _units_ago,
        (
            ex("three years ago", "2020"),
            ex("two weeks ago", "2023-W10"),
            ex("a few years ago", "PAST_REF"),
            ex("two days later", "2016-05-14", last_day="2016-05-12"),
            ex("two days later", None),
            ex("one year earlier", "2015-Q3", last_quarter="2016-Q3"),
        ),
    ),
    Rule(
        "that_day",
        phrases("that day", "that same day", "that very day", "the very same day"),
        lambda m, ctx: ctx.near_day,
        (
            ex("that day", "2019-08-15", near_day="2019-08-15"),
            ex("that same day", "2019-08-15", near_day="2019-08-15"),
            ex("that day", None, last_day="2019-08-15"),
        ),
    ),
    Rule(
        "relative_unit",
        re.compile(
            r"(?:(?:the\s+)?(?P<rel>last|this|next|past|previous|coming|current|following|same"
            rf"|prior|that)\s+(?:fiscal\s+)?{_UNIT}(?P<rest>.*))"
        ),
        _relative_unit,
        (
            ex("last year", "2022"),
            ex("next month", "2023-04"),
            ex("next quarter", "2023-Q2"),
            ex("next week", "2023-W13"),
            ex("this weekend", "2023-W12-WE"),
            ex("the coming months", "FUTURE_REF"),
            ex("the next day", "2016-05-13", last_day="2016-05-12"),
            # "the last day" of something, "the next month" after the story's month: no
            # value without the story's date (the prefix pass keeps their "the")
            ex("the last day", None),
            ex("last day", None),
            ex("the next month", None, tense="past"),
            ex("the next month", "2019-04", tense="past", near_month="2019-03"),
            ex("the previous month", "2019-02", tense="past", near_month="2019-03-20"),
            ex("the next month", None, tense="past", last_value="2019-03"),
            ex("the next month", "2023-04", tense="future"),
            ex("the following week", "2016-W20", last_day="2016-05-12"),
            ex("the past decade", None),
        ),
    ),
    Rule(
        "the_year",
        phrases(
            "the year",
            "the full year",
            "the calendar year",
            "the fiscal year",
            "the latest fiscal year",
            "year-end",
            "year end",
            "the year-end",
        ),  # fmt: skip (relative_unit takes "the current year" and "this week" before)
        lambda m, ctx: str(ctx.doc_date.year) if ctx.doc_date else None,
        (
            ex("the year", "2023"),
            ex("year-end", "2023"),
            ex("the fiscal year", None, doc_date=None),
        ),
    ),
    Rule(
        "the_weekend",
        phrases("the weekend", "weekend"),
        lambda m, ctx: weekend(ctx.doc_date, ctx.tense, default_future=False),
        (ex("the weekend", "2023-W11-WE"), ex("the weekend", "2023-W12-WE", tense="future")),
        when=has_doc_date,
    ),
)
