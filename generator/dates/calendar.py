"""Calendar arithmetic: a date expression's value anchored to the document date.

The year of "March 20" or of "the third quarter", which Tuesday, which winter, which
Thanksgiving, N units before or after, given the tense of the verb (``PAST``, ``PRESENT``,
``FUTURE``). The words are in :mod:`generator.dates.words`; nothing here knows spaCy or whole
expressions.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .words import SEASON_START, WEEKDAYS, holiday_names

PAST, PRESENT, FUTURE = "past", "present", "future"
_FUTURE_WINDOW = 4  # months
_QUARTER_AHEAD = 3  # months


def valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True


def fmt_day(y: int | None, m: int, d: int) -> str:
    return f"{'XXXX' if y is None else f'{y:04d}'}-{m:02d}-{d:02d}"


def week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def add_months(d: dt.date, n: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


def resolve_month_year(month: int, day: int | None, doc_date: dt.date, tense: str | None) -> int:
    """The year of "March [20]" written on ``doc_date``: the tense picks past or future."""
    year = doc_date.year
    here = (month, day or 0)
    now = (doc_date.month, doc_date.day if day else 0)
    # Close to the document date it is this year's, whatever the tense says: a story does not
    # speak of a day six weeks from now as last year's, nor of last month as next year's.
    for y in (year, year - 1, year + 1):
        if day is not None:
            if valid(y, month, day) and abs((dt.date(y, month, day) - doc_date).days) <= 45:
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


def resolve_weekday(wd: int, doc_date: dt.date, tense: str | None, rel: str | None) -> dt.date:
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


def season(code: str, year: int) -> str:
    return f"{year}-{code}"


def resolve_season(code: str, rel: str | None, doc_date: dt.date, tense: str | None) -> str:
    start = SEASON_START[code]
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
        return season(code, y)
    if rel in ("next", "coming"):
        y = current + 1 if started else current
        return season(code, y)
    if rel == "this":
        return season(code, current)
    if tense == PAST and not started:
        return season(code, year - 1)
    return season(code, current if code == "WI" else year)


def shift_unit(doc_date: dt.date, unit: str, n: int) -> str | None:
    if unit == "day":
        return (doc_date + dt.timedelta(days=n)).isoformat()
    if unit in ("week", "weekend"):
        suffix = "-WE" if unit == "weekend" else ""
        return week(doc_date + dt.timedelta(weeks=n)) + suffix
    if unit == "month":
        y, m = add_months(doc_date, n)
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


def weekend(dd: dt.date, tense: str | None, default_future: bool) -> str:
    """ "The weekend": the coming one when spoken of in the future, else the one just past."""
    if dd.weekday() >= 5:
        return week(dd) + "-WE"
    future = tense in (FUTURE, PRESENT) or (tense is None and default_future)
    return week(dd if future else dd - dt.timedelta(weeks=1)) + "-WE"


def quarter_year(q: int, dd: dt.date, tense: str | None) -> int:
    """The year of "the third quarter" said on ``dd``: this year's once it has begun, or if it
    begins within a few months (or the verb is future); else last year's, just reported."""
    months_ahead = (q - 1) * 3 + 1 - dd.month
    if months_ahead <= 0 or tense == FUTURE or months_ahead <= _QUARTER_AHEAD:
        return dd.year
    return dd.year - 1


def last_quarter(d: dt.date) -> str:
    """The quarter a company just reported on: the last one that ended before ``d``."""
    q = (d.month - 1) // 3
    return f"{d.year - 1}-Q4" if q == 0 else f"{d.year}-Q{q}"


def quarter_from(d: dt.date) -> str:
    return f"{d.year}-Q{(d.month - 1) // 3 + 1}"


def holiday_day(row: dict[str, Any], year: int) -> dt.date:
    """The day of a ``holidays.yml`` entry in ``year``: fixed, or the nth weekday of a month."""
    if "day" in row:
        return dt.date(year, row["month"], row["day"])
    wd = WEEKDAYS[row["weekday"]]
    nth = row["nth"]
    if nth < 0:  # counted back from the month's last day
        after = dt.date(year + row["month"] // 12, row["month"] % 12 + 1, 1)
        last = after - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.weekday() - wd) % 7 + 7 * (-nth - 1))
    first = dt.date(year, row["month"], 1)
    return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (nth - 1))


def holiday(
    name: str, year: str | None, rel: str | None, dd: dt.date | None, tense: str | None
) -> str | None:
    """The day of a holiday named in the text, in ``year`` or the one ``rel`` and the tense
    pick near the document date."""
    row = holiday_names()[name.replace("'", "")]
    if year:
        return holiday_day(row, int(year)).isoformat()
    if dd is None:
        # a fixed holiday keeps its day without a year; a computed one has no honest value
        return fmt_day(None, row["month"], row["day"]) if "day" in row else None
    this = holiday_day(row, dd.year)
    if rel == "last" or (rel is None and tense == PAST):
        return (this if this <= dd else holiday_day(row, dd.year - 1)).isoformat()
    if rel == "next" or tense == FUTURE:
        return (this if this >= dd else holiday_day(row, dd.year + 1)).isoformat()
    # no tense: the one within four months ahead or eight months back
    for y in (dd.year, dd.year - 1, dd.year + 1):
        if -245 <= (holiday_day(row, y) - dd).days <= 122:
            return holiday_day(row, y).isoformat()
    return this.isoformat()
