"""The date normalization rules, one by one, from their own examples (model-free, fast).

Every rule of the ordered table carries examples (text, document date, tense, the story's
reference times -> TIMEX3 value), as HeidelTime keeps ``// EXAMPLE`` beside each rule. A rule
without an example, an example that gets another value, or an example that another rule
decides (the rule would be dead or misplaced in the order) fails here.
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator.dates import rule, values
from generator.dates.rule import Example, Rule

CASES = [(r, e) for r in values.ALL_RULES for e in r.examples]


def test_every_rule_has_examples_and_a_unique_name() -> None:
    assert [r.name for r in values.ALL_RULES if not r.examples] == []
    assert len(set(values.RULE_NAMES)) == len(values.RULE_NAMES)


@pytest.mark.parametrize(("r", "example"), CASES, ids=[f"{r.name}:{e.text}" for r, e in CASES])
def test_example(r: Rule, example: Example) -> None:
    got, fired = values.explain(example.text, example.context())
    assert got == example.value
    assert r.name in fired, f"{example.text!r} is decided by {fired}, not by {r.name}"


def test_every_name_switches_its_rule_off() -> None:
    try:
        for r in values.ALL_RULES:
            values.switch_off([r.name])
            for example in r.examples:
                assert r.name not in values.explain(example.text, example.context())[1]
            values.switch_on_all()
    finally:
        values.switch_on_all()


def test_switching_a_rule_off_lets_the_later_rules_decide() -> None:
    ctx = rule.Context(dt.date(2023, 3, 22))
    assert values.explain("a year ago", ctx) == ("2022", ["year_ago_period"])
    try:
        values.switch_off(["year_ago_period"])
        assert values.explain("a year ago", ctx) == ("2022", ["units_ago"])
    finally:
        values.switch_on_all()


def test_an_unknown_rule_name_is_an_error() -> None:
    with pytest.raises(ValueError, match="no such date rule: no_such_rule"):
        values.switch_off(["no_such_rule", "month_day"])
    assert values.explain("March 20", rule.Context(None))[1] == ["month_day"]


def test_a_holiday_entry_gives_its_day_fixed_or_computed() -> None:
    from generator.dates.calendar import holiday_day

    assert holiday_day({"month": 12, "day": 25}, 2023) == dt.date(2023, 12, 25)
    thanksgiving = {"month": 11, "weekday": "thursday", "nth": 4}
    assert [holiday_day(thanksgiving, y).day for y in (2022, 2023, 2024)] == [24, 23, 28]
    memorial_day = {"month": 5, "weekday": "monday", "nth": -1}  # the last Monday of May
    assert [holiday_day(memorial_day, y).day for y in (2022, 2023, 2024)] == [30, 29, 27]
    last_of_december = {"month": 12, "weekday": "sunday", "nth": -1}
    assert holiday_day(last_of_december, 2023) == dt.date(2023, 12, 31)
