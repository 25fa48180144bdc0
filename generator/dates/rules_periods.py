"""Normalization rules, second family: years and the periods within or beyond them.

Years (fiscal and spoken), decades, centuries, quarters and halves, the same quarter in
another year ("the 1988 period"), anaphoric quarters and years ("the quarter", "that year",
"a year earlier" in business news) and seasons. Each rule is an entry of ``RULES`` (name,
pattern, handler, examples), tried in order after :mod:`generator.dates.rules_calendar`; to
add one, add an entry where it belongs in the order, with examples.
"""

from __future__ import annotations

import re

from .calendar import PRESENT, last_quarter, quarter_from, quarter_year, resolve_season, season
from .rule import Context, Rule, ex, phrases
from .words import DECADE_WORDS, ORD_WORD, ORDINALS, QORD, SEASON, SEASONS, YR, quarter_num, year_of
from .words import spoken_year as read_spoken_year


def _year(m: re.Match[str], ctx: Context) -> str | None:
    return m["y"]


def _spoken_year(m: re.Match[str], ctx: Context) -> str | None:
    return str(read_spoken_year(m["y"]))


def _decade_digits(m: re.Match[str], ctx: Context) -> str | None:
    if m["d"] == "0" and m["y"] != "20":
        return m["y"]  # "the 1800s": the century
    return f"{m['y']}{m['d']}"


def _decade_apostrophe(m: re.Match[str], ctx: Context) -> str | None:
    # "the '90s": the 1990s when the 2090s are still to come; "the '20s" is ambiguous
    dd = ctx.doc_date
    return f"19{m['d']}" if dd and 2000 + 10 * int(m["d"]) > dd.year else None


def _quarter(m: re.Match[str], ctx: Context) -> str | None:
    dd, t = ctx.doc_date, m.string
    q = quarter_num(m["q"])
    y_txt = m["y1"] or m["y2"] or m["y3"]
    if y_txt:
        y = int(y_txt)
    elif re.match(r"last year'?s?\s", t) and dd:
        y = dd.year - 1
    elif re.match(r"next year'?s?\s", t) and dd:
        y = dd.year + 1
    elif dd is not None and q is not None:
        y = quarter_year(q, dd, ctx.tense)
    else:
        return None
    ctx.new_quarter = f"{y}-Q{q}"
    return f"{y}-Q{q}"


def _quarter_short(m: re.Match[str], ctx: Context) -> str | None:
    y_txt = m["y"]
    if y_txt and len(y_txt) == 4:
        return f"{y_txt}-Q{m['q'][1]}"
    if ctx.doc_date is None or y_txt:
        return None
    q = int(m["q"][1])
    return f"{quarter_year(q, ctx.doc_date, ctx.tense)}-Q{q}"


def _half(m: re.Match[str], ctx: Context) -> str | None:
    y_txt = m["y1"] or m["y2"]
    h = 1 if m["h"] in ("first", "1st") else 2  # "second", "last", "2nd"
    return f"{y_txt}-H{h}" if y_txt else None


_YEAR_REL = {"this": 0, "last": -1, "next": 1}


def _half_of_relative_year(m: re.Match[str], ctx: Context) -> str | None:
    # "the second half of next year": the half, not the year the prefix-stripping pass gives
    if ctx.doc_date is None:
        return None
    h = 1 if m["h"] in ("first", "1st") else 2
    return f"{ctx.doc_date.year + _YEAR_REL[m['rel']]}-H{h}"


def _decade_short(m: re.Match[str], ctx: Context) -> str | None:
    # "the 70s": the 1970s while the 2070s are still to come; "the 20s" and "the 10s" are
    # ambiguous (1920s or 2020s) and get no value
    dd = ctx.doc_date
    return f"19{m['d']}" if dd and 2000 + 10 * int(m["d"]) > dd.year + 10 else None


def _year_apostrophe(m: re.Match[str], ctx: Context) -> str | None:
    # "in '95": this century's year if it has come, else last century's
    dd = ctx.doc_date
    if dd is None:
        return None
    yy = int(m["y"])
    return str(2000 + yy if 2000 + yy <= dd.year else 1900 + yy)


def _quarter_in_year(m: re.Match[str], ctx: Context) -> str | None:
    # "the 1988 period": the same quarter in another year
    dd = ctx.doc_date
    ref = ctx.last_quarter or (last_quarter(dd) if dd else None)
    return f"{m['y']}{ref[4:]}" if ref else None


def _anaphoric_quarter(m: re.Match[str], ctx: Context) -> str | None:
    if ctx.last_quarter and not re.search(r"latest|recent|just", m.string):
        return ctx.last_quarter
    return last_quarter(ctx.doc_date) if ctx.doc_date else None


_YEAR_SHIFT = {"the following year": 1, "the next year": 1, "a year later": 1,
               "the year before": -1, "the previous year": -1, "the prior year": -1}  # fmt: skip


def _anaphoric_year(m: re.Match[str], ctx: Context) -> str | None:
    assert ctx.last_year is not None  # the guard's
    shift = _YEAR_SHIFT.get(m.string, 0)
    if shift and ctx.tense == PRESENT and m.string.startswith("the "):
        return None  # "birds that make it back the next year": any year's next, habitual
    return str(ctx.last_year + shift)


def _year_ago_period(m: re.Match[str], ctx: Context) -> str | None:
    dd, unit = ctx.doc_date, m["unit"]
    if m["q"] and dd:
        ref = ctx.last_quarter or quarter_from(dd)
        return f"{int(ref[:4]) - 1}-Q{quarter_num(m['q'])}"
    if unit in (None, "quarter", "period") and ctx.last_quarter:
        return f"{int(ctx.last_quarter[:4]) - 1}{ctx.last_quarter[4:]}"
    if unit == "year" or (unit is None and dd):
        return str(dd.year - 1) if dd else None
    return None


def _same_unit_year_ago(m: re.Match[str], ctx: Context) -> str | None:
    # "the same week a year earlier": the document's week (or the quarter being reported)
    # one year back
    dd, unit = ctx.doc_date, m["unit"] or m["unit2"]
    if dd is None:
        return None
    if unit in ("quarter", "period"):
        ref = ctx.last_quarter or (quarter_from(dd) if unit == "quarter" else None)
        return f"{int(ref[:4]) - 1}{ref[4:]}" if ref else None
    if unit == "week":
        y, w, _ = dd.isocalendar()
        return f"{y - 1}-W{w:02d}"
    if unit == "month":
        return f"{dd.year - 1}-{dd.month:02d}"
    if dd.month == 2 and dd.day == 29:
        return None
    return dd.replace(year=dd.year - 1).isoformat()


_SEASON_REL = {"this past": "last", "past": "last", "this coming": "next", "the": None}


def _season(m: re.Match[str], ctx: Context) -> str | None:
    code = SEASONS[m["s"]]
    if m["y"]:
        y = year_of(m["y"])
        return season(code, y) if y else None
    if ctx.doc_date is None:
        return None
    rel = _SEASON_REL.get(m["rel"], m["rel"])
    return resolve_season(code, rel, ctx.doc_date, ctx.tense)


RULES = (
    Rule(
        "year",
        re.compile(
            rf"(?:(?:fiscal|calendar|the)\s+(?:year\s+)?|fy\s*)?(?P<y>{YR})"
            rf"(?:\s+(?:fiscal\s+)?year)?"
        ),
        _year,
        (ex("2019", "2019"), ex("fiscal 1998", "1998"), ex("FY2020", "2020")),
    ),
    Rule(
        "spoken_year",
        re.compile(r"(?:the )?(?:year )?(?P<y>[a-z -]+)"),
        _spoken_year,
        (ex("nineteen ninety-six", "1996"), ex("two thousand one", "2001")),
        when=lambda m, ctx: read_spoken_year(m["y"]),
    ),
    Rule(
        "decade_digits",
        re.compile(r"(?:the )?(?P<y>1\d|20)(?P<d>\d)0'?s"),
        _decade_digits,
        (ex("the 1990s", "199"), ex("the 1800s", "18"), ex("2000s", "200")),
    ),
    Rule(
        "decade_apostrophe",
        re.compile(r"(?:the )?'(?P<d>\d)0s"),
        _decade_apostrophe,
        (ex("the '90s", "199"), ex("the '20s", None)),
    ),
    Rule(
        "decade_short",
        re.compile(r"(?:the )?(?P<d>[3-9])0'?s"),
        _decade_short,
        (ex("the 70s", "197"), ex("90s", "199"), ex("the 70s", None, doc_date=None)),
    ),
    Rule(
        "year_apostrophe",
        re.compile(r"(?:the )?(?:year )?'(?P<y>\d\d)"),
        _year_apostrophe,
        (ex("'95", "1995"), ex("'09", "2009"), ex("'95", None, doc_date=None)),
    ),
    Rule(
        "decade_word",
        re.compile(rf"(?:the )?(?P<w>{'|'.join(DECADE_WORDS)})"),
        lambda m, ctx: f"19{DECADE_WORDS[m['w']]}",
        (ex("the nineties", "199"),),
    ),
    Rule(
        "century_number",
        re.compile(r"(?:the )?(?P<n>\d{1,2})(?:st|nd|rd|th) century"),
        lambda m, ctx: f"{int(m['n']) - 1:02d}",
        (ex("the 21st century", "20"),),
    ),
    Rule(
        "century_ordinal",
        re.compile(rf"(?:the )?(?P<o>{ORD_WORD}) century"),
        lambda m, ctx: f"{ORDINALS[m['o']] - 1:02d}",
        (ex("the nineteenth century", "18"),),
    ),
    Rule(
        "quarter",
        re.compile(
            rf"(?:(?P<y1>{YR})\s+|(?P<rel>this|last|next|current|that|its|latest|previous"
            rf"|coming)\s+|(?:this|last|next) year'?s?\s+)?(?:fiscal[\s-]+)?(?P<q>{QORD}|q[1-4])"
            rf"(?:[\s-]+fiscal)?[\s-]+(?:quarter|qtr\.?|period)"
            rf"(?:\s+(?:of|in)\s+(?:fiscal\s+)?(?P<y2>{YR}))?(?:\s+(?P<y3>{YR}))?"
        ),
        _quarter,
        (
            ex("the third quarter", "2022-Q3"),
            ex("the first quarter", "2023-Q1"),
            ex("the third quarter of 2019", "2019-Q3"),
            ex("last year's fourth quarter", "2022-Q4"),
            ex("the third quarter", None, doc_date=None),
        ),
    ),
    Rule(
        "quarter_short",
        re.compile(rf"(?P<q>q[1-4])\s*(?:'|fy)?(?P<y>{YR}|\d\d)?"),
        _quarter_short,
        (ex("Q3 2019", "2019-Q3"), ex("Q2", "2023-Q2"), ex("Q3 '19", None)),
    ),
    Rule(
        "half_short",
        re.compile(rf"h(?P<h>[12])\s*(?P<y>{YR})"),
        lambda m, ctx: f"{m['y']}-H{m['h']}",
        (ex("H1 2020", "2020-H1"),),
    ),
    Rule(
        "half",
        re.compile(
            rf"(?:the\s+)?(?:(?P<y1>{YR})\s+)?(?:fiscal\s+)?(?P<h>first|second|last|1st"
            rf"|2nd)[\s-]+half(?:\s+of\s+(?:fiscal\s+)?(?P<y2>{YR}))?"
        ),
        _half,
        (ex("the first half of 2019", "2019-H1"), ex("the second half", None)),
    ),
    Rule(
        "half_of_relative_year",
        re.compile(
            r"(?:the\s+)?(?:fiscal\s+)?(?P<h>first|second|last|1st|2nd)[\s-]+half\s+of\s+"
            r"(?P<rel>this|last|next)\s+year"
        ),
        _half_of_relative_year,
        (
            ex("the second half of next year", "2024-H2"),
            ex("the first half of last year", "2022-H1"),
            ex("the second half of next year", None, doc_date=None),
        ),
    ),
    Rule(
        "quarter_in_year",
        re.compile(rf"(?:the )?(?P<y>{YR}) (?P<p>quarter|period)"),
        _quarter_in_year,
        (
            ex("the 1988 quarter", "1988-Q4"),
            ex("the 1988 period", "1988-Q3", last_quarter="1989-Q3"),
        ),
        when=lambda m, ctx: m["p"] == "quarter" or ctx.last_quarter,
    ),
    Rule(
        "anaphoric_quarter",
        re.compile(
            r"(?:(?:the|this|that|its|latest|most recent|recent|fiscal|current|just[\s-]ended"
            r"|comparable|same|flat)\s+)*(?:quarter|qtr\.?|latest period)"
        ),
        _anaphoric_quarter,
        (
            ex("the quarter", "2022-Q4"),
            ex("the quarter", "2016-Q3", last_quarter="2016-Q3"),
            ex("the latest quarter", "2022-Q4", last_quarter="2016-Q3"),
        ),
    ),
    Rule(
        "anaphoric_year",
        phrases(
            "that year",
            "the same year",
            "the following year",
            "the next year",
            "the year before",
            "the previous year",
            "the prior year",
            "a year later",
        ),  # fmt: skip
        _anaphoric_year,
        (
            ex("that year", "2016", last_year=2016),
            ex("the next year", "2017", last_year=2016),
            ex("the next year", None, tense="present", last_year=1983),
        ),
        when=lambda m, ctx: ctx.last_year,
    ),
    Rule(
        "year_ago_period",
        re.compile(
            r"(?:(?:the|a|its|comparable|same|corresponding)\s+)*(?:year[\s-](?:ago|earlier)"
            r"|(?:a )?year[\s-]before|previous[\s-]year(?:'s)?|prior[\s-]year(?:'s)?)"
            r"(?:\s+(?:fiscal\s+)?(?P<q>first|second|third|fourth)?[\s-]*(?P<unit>quarter"
            r"|period|year|month|week))?"
        ),
        _year_ago_period,
        (
            ex("the year-ago quarter", "2015-Q3", last_quarter="2016-Q3"),
            ex("the year-ago third quarter", "2022-Q3"),
            ex("the previous year", "2022"),
            ex("the year-ago month", None),
        ),
    ),
    Rule(
        "same_unit_year_ago",
        re.compile(
            r"(?:the )?same (?P<unit>day|week|month|quarter|period) (?:a|one) year (?:earlier|ago"
            r"|before)|(?:the )?same (?P<unit2>day|week|month|quarter|period) (?:of )?(?:last year"
            r"|the previous year|the year before)"
        ),
        _same_unit_year_ago,
        (
            ex("the same week a year earlier", "2022-W12"),
            ex("the same month last year", "2022-03"),
            ex("the same quarter a year ago", "2015-Q3", last_quarter="2016-Q3"),
            ex("the same day a year earlier", "2022-03-22"),
            ex("the same week a year earlier", None, doc_date=None),
        ),
    ),
    Rule(
        # "penguins feed in winter": a bare season in the present is a habit's, any year's
        # (TIMEX3 writes it year-less, as a set); "last winter", "this summer" keep theirs
        "generic_season",
        re.compile(rf"(?P<s>{SEASON})"),
        lambda m, ctx: f"XXXX-{SEASONS[m['s']]}",
        (ex("winter", "XXXX-WI", tense="present"), ex("summer", "XXXX-SU", tense="present")),
        when=lambda m, ctx: ctx.tense == PRESENT,
    ),
    Rule(
        "season",
        re.compile(
            r"(?:(?P<rel>this past|this coming|this|last|next|past|coming|the)\s+)?"
            rf"(?:early\s+|late\s+|mid-?)?(?P<s>{SEASON})(?:\s+(?:of\s+)?(?P<y>.+))?"
        ),
        _season,
        (
            ex("summer of 2019", "2019-SU"),
            ex("last spring", "2022-SP"),
            ex("this past winter", "2022-WI"),
            ex("next fall", "2023-FA"),
            ex("winter", None, doc_date=None),
        ),
    ),
)
