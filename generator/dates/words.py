"""The vocabulary of dates, read from ``data/en/``, and its readers and regex fragments.

Each concept is one data file (months, weekdays, numbers, seasons, part-of-day words,
holidays, look-alike words, tense words); this module turns them into the lookups the
date stage uses ("Sept." -> 9, "twenty-first" -> 21, "nineteen ninety-six" -> 1996) and
into the regex fragments (``MON``, ``WDAY``, ``YR``, ...) that the normalization rules, the
extraction patterns and the dateline reader are built from. Nothing here knows spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..nlp import vocabulary


def _table(name: str) -> Any:
    return vocabulary.table(name, stage="dates")


def alternation(forms: Iterable[str]) -> str:
    """A regex group of literal forms, the longest first: a regex prefers it so, as a greedy
    optional suffix does ("sept." before "sept" before "sep")."""
    unique = dict.fromkeys(forms)
    return "(?:" + "|".join(re.escape(f) for f in sorted(unique, key=len, reverse=True)) + ")"


_MONTH_TABLE: dict[str, list[str]] = _table("months")
MONTHS = {name: i for i, name in enumerate(_MONTH_TABLE, start=1)}  # full names only
MONTH_NAMES = {
    form.rstrip("."): i
    for i, (name, forms) in enumerate(_MONTH_TABLE.items(), start=1)
    for form in (name, *forms)
}
MONTH_FORMS = tuple(f for name, forms in _MONTH_TABLE.items() for f in (name, *forms))
_WEEKDAY_FORMS: dict[str, list[str]] = _table("weekdays")
WEEKDAYS = {name: i for i, name in enumerate(_WEEKDAY_FORMS)}  # full names only
WEEKDAY_NAMES = {
    form.rstrip("."): i
    for i, (name, forms) in enumerate(_WEEKDAY_FORMS.items())
    for form in (name, *forms)
}

_NUMBER_WORDS: dict[str, Any] = _table("numbers")
UNITS: dict[str, int] = _NUMBER_WORDS["units"]
TEENS: dict[str, int] = _NUMBER_WORDS["teens"]
TENS: dict[str, int] = _NUMBER_WORDS["tens"]
NUMBERS = {**_NUMBER_WORDS["articles"], **UNITS, **TEENS, **TENS}
ORDINALS: dict[str, int] = _NUMBER_WORDS["ordinals"]
DECADE_WORDS: dict[str, int] = _NUMBER_WORDS["decades"]

_SEASON_TABLE: dict[str, dict[str, Any]] = _table("seasons")
SEASONS = {name: code for code, row in _SEASON_TABLE.items() for name in row["names"]}
SEASON_START = {code: row["starts"] for code, row in _SEASON_TABLE.items()}  # its first month
PART_OF_DAY = vocabulary.entries("part_of_day", stage="dates")
LOOKALIKES: dict[str, list[str]] = _table("lookalikes")
TENSE_WORDS: dict[str, list[str]] = _table("tense")
WIDENING_WORDS: dict[str, list[str]] = _table("widening_words")

# The words as regex fragments
MON = alternation(MONTH_FORMS)
WDAY = "(?:" + "|".join(re.escape(f) for n, fs in _WEEKDAY_FORMS.items() for f in (n, *fs)) + ")"
WDAY_FULL = "(?:" + "|".join(WEEKDAYS) + ")"
SEASON = "(?:" + "|".join(SEASONS) + ")"
YR = r"(?:1[0-9]\d\d|20\d\d)"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
ORD_WORD = "|".join(sorted(ORDINALS, key=len, reverse=True))
QORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_UNIT_WORDS = "|".join(UNITS)
_TENS_WORDS = "|".join(TENS)
_UNIT_OR_TEEN = "|".join([*UNITS, *TEENS])
NUMWORD = (
    rf"(?:\d+|{'|'.join(_NUMBER_WORDS['articles'])}|{_UNIT_OR_TEEN}"
    rf"|(?:{_TENS_WORDS})(?:-(?:{_UNIT_WORDS}))?|{'|'.join(_NUMBER_WORDS['vague counts'])})"
)
CARD = (
    rf"(?:\d+(?:\.\d+)?|{'|'.join(NUMBERS)}|{'|'.join(_NUMBER_WORDS['duration quantities'])}"
    rf"|(?:{_TENS_WORDS})-(?:{_UNIT_WORDS}))"
)
# "nineteen ninety-six", "twenty twenty", "two thousand and one"
SPOKEN_YEAR = (
    rf"(?:(?:nineteen|twenty)[\s-](?:(?:{_TENS_WORDS})(?:[\s-](?:{_UNIT_WORDS}))?"
    rf"|{'|'.join(TEENS)})"
    rf"|two thousand(?:[\s-](?:and[\s-])?(?:{_UNIT_WORDS}|ten))?)"
)
PARTOFDAY = "(?:" + "|".join(PART_OF_DAY) + ")"


def year_of(tok: str) -> int | None:
    tok = tok.strip().rstrip(".,")
    if re.fullmatch(YR, tok):
        return int(tok)
    return spoken_year(tok)


def spoken_year(text: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand" -> 2000, "two thousand one" -> 2001."""
    words = text.replace("-", " ").split()
    if not words:
        return None
    if words[:2] == ["two", "thousand"]:
        rest = small_number(words[2:] if words[2:3] != ["and"] else words[3:]) if words[2:] else 0
        return 2000 + rest if rest is not None and rest < 100 else None
    if len(words) >= 2 and words[0] in ("nineteen", "eighteen", "twenty"):
        hundreds = NUMBERS[words[0]]
        rest = small_number(words[1:])
        if words[1:2] == ["hundred"]:
            rest = 0 if len(words) == 2 else None
        if rest is not None and 10 <= rest < 100:
            return hundreds * 100 + rest
    return None


def small_number(words: list[str]) -> int | None:
    """ "forty two" -> 42, "seven" -> 7; None for anything else."""
    if not words or len(words) > 2 or any(w not in NUMBERS or w in ("a", "an") for w in words):
        return None
    values = [NUMBERS[w] for w in words]
    if len(values) == 2 and not (values[0] >= 20 and values[0] % 10 == 0 and values[1] < 10):
        return None
    return sum(values)


def month(tok: str) -> int | None:
    return MONTH_NAMES.get(tok.lower().rstrip("."))


def weekday(tok: str) -> int | None:
    return WEEKDAY_NAMES.get(tok.lower().rstrip("."))


def day(tok: str) -> int | None:
    tok = tok.lower()
    if tok in ORDINALS:
        return ORDINALS[tok]
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", tok)
    return int(m[1]) if m and 1 <= int(m[1]) <= 31 else None


def count(word: str) -> int | None:
    """The number of "three", "twenty-one", "12", "a"; None for "few", "several"."""
    if word.isdigit():
        return int(word)
    if "-" in word:
        return small_number(word.split("-"))
    return NUMBERS.get(word)


_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
             "4th": 4, "q1": 1, "q2": 2, "q3": 3, "q4": 4}  # fmt: skip


def quarter_num(tok: str) -> int | None:
    return _QUARTERS.get(tok.lower())


def holiday_names(only_found: bool = False) -> dict[str, dict[str, Any]]:
    """Each holiday name, apostrophes dropped, -> its entry of ``holidays.yml``; with
    ``only_found``, only the holidays our own patterns find in a text (``find: true``)."""
    table: dict[str, dict[str, Any]] = _table("holidays")
    return {
        name.replace("'", ""): row
        for row in table.values()
        if row.get("find") or not only_found
        for name in row["names"]
    }


def holiday_pattern(only_found: bool = False, apostrophe: str = "'?") -> str:
    """The holidays' names as one regex group; an apostrophe in a name is optional."""
    table: dict[str, dict[str, Any]] = _table("holidays")
    names = [n for row in table.values() if row.get("find") or not only_found for n in row["names"]]
    return alternation(names).replace("'", apostrophe)
