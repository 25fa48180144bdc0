"""Every TIMEX value a page can show, in words a reader says (issue 15): never a raw value
for one the timeline, a page or the search index can name."""

from __future__ import annotations

import pytest

from generator.site import date_label

LABELS = [
    ("2019-08-19", "August 19, 2019"),
    ("XXXX-03-20", "March 20 (year unknown)"),
    ("2019-08", "August 2019"),
    ("XXXX-03", "March (year unknown)"),
    ("2019", "2019"),
    ("2019-W34", "week of 19 August 2019"),
    ("2019-W34-WE", "weekend of 24 August 2019"),
    ("2019-Q3", "third quarter of 2019"),
    ("2019-H1", "first half of 2019"),
    ("2019-SP", "spring 2019"),
    ("XXXX-SU", "summer (year unknown)"),
    ("199", "the 1990s"),
    ("2019-08-19TMO", "the morning of August 19, 2019"),
    ("XXXX-03-20TEV", "the evening of March 20 (year unknown)"),
    ("PRESENT_REF", "now"),
    ("PAST_REF", "the past"),
    ("FUTURE_REF", "the future"),
]


@pytest.mark.parametrize("value, label", LABELS)
def test_a_value_reads_as_words(value: str, label: str) -> None:
    assert date_label(value) == label


@pytest.mark.parametrize("value", ["2019-13", "2019-02-30T", "2019-08-19TXX", "nonsense"])
def test_a_value_out_of_range_is_shown_as_it_is_never_guessed(value: str) -> None:
    assert date_label(value) == value
