"""The date stage's rules that live outside the normalization table, by name, for ablation.

The ordered table (:mod:`generator.dates.values`) holds the rules that value a text; the rules
named here decide what the walk over a story finds, refuses or anchors (look-alikes, tense,
a passage's year). Each is switched off by name as a table rule is
(:func:`generator.dates.switch_off`, ``evaluate dates --off``, ``evaluate facts --off``).
"""

from __future__ import annotations

from collections.abc import Iterable

STAGE_RULES: dict[str, str] = {
    "passage_year": "a year of history holds for the month-days of the passage after it",
    "day_word_adverb": "'as of today', 'late today', 'one more today': the day, not a noun",
    "todays_day": "'today's editions', 'today's vote': the day; 'today's world' stays generic",
    "year_range": "'Prohibition (1919–33)', 'in 1939-45': a range of years spaCy misses",
    "bare_decade": "'a 1950s atomic bomb test': a decade without 'the' is a decade",
    "named_event_year": "'the Wildlife Protection Act, 1972', 'Championship 2018': a year",
    "weekday_month_day": "'[Friday] [Oct. 13]', split by spaCy: one date, October 13",
    "name_lookalikes": "'the annual March for Life', ABC's 'This Week': names, not dates",
    "story_month": "'In March, ... The following month': the month after the story's",
    "day_word_first": "'declared tomorrow a day of mourning': the day word that opens a span",
}

_OFF: set[str] = set()


def on(name: str) -> bool:
    return name not in _OFF


def turn_off(names: Iterable[str]) -> None:
    _OFF.update(names)


def turn_all_on() -> None:
    _OFF.clear()
