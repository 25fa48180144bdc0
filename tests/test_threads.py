"""Story threads (generator/site/threads.py) on small archives of our own."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from generator.site.threads import Settings, find_stories


@dataclass
class Named:
    name: str


@dataclass
class Doc:
    source: str
    title: str
    text: str
    date: dt.date | str | None
    participants: list[Named] = field(default_factory=list)
    places: list[Named] = field(default_factory=list)
    organizations: list[Named] = field(default_factory=list)


def _doc(source: str, date: str, title: str, text: str, *names: str) -> Doc:
    return Doc(source, title, text, date, [Named(n) for n in names])


FERRY = (
    "The ferry Aurora capsized off Kalvik harbour; divers searched the hull of the Aurora and "
    "the harbour master of Kalvik said the ferry was overloaded with passengers and cargo."
)
FERRY_LATER = (
    "An inquiry into the Aurora ferry capsizing off Kalvik harbour heard that the ferry "
    "carried twice its limit of passengers; the harbour master of Kalvik testified."
)
BUDGET = (
    "Parliament passed the budget of Norland after a long debate over pensions, taxes on fuel "
    "and the salaries of teachers; the finance minister of Norland welcomed the vote."
)
MATCH = (
    "Rovers beat United three goals to one in the cup final at the national stadium, with "
    "two goals from their captain in the second half before a crowd of forty thousand."
)


def _archive() -> list[Doc]:
    return [
        _doc("a.txt", "2021-03-01", "Ferry Aurora capsizes", FERRY, "Ida Berg", "Kalvik"),
        _doc("b.txt", "2021-03-20", "Inquiry into the Aurora ferry", FERRY_LATER, "Ida Berg"),
        _doc("c.txt", "2021-03-05", "Norland passes its budget", BUDGET, "Olaf Dahl"),
        _doc("d.txt", "2021-03-07", "Rovers win the cup", MATCH, "Sam Kerr"),
        _doc("e.txt", "2021-03-08", "Snow closes schools", "Snow closed every school.", "Kalvik"),
        _doc("f.txt", "2021-03-09", "A new library opens", "The library opened on Monday."),
        _doc("g.txt", "2021-03-10", "Prices rise", "Bread and milk cost more this spring."),
    ]


def test_two_reports_of_one_story_are_one_thread_and_the_others_are_not() -> None:
    stories = find_stories(_archive())
    assert [t.members for t in stories.threads] == [["a.txt", "b.txt"]]
    assert stories.thread_of == {"a.txt": 0, "b.txt": 0}
    assert "ida berg" in stories.threads[0].names


def test_a_thread_needs_a_shared_name_and_a_close_date() -> None:
    docs = _archive()
    docs[1].participants = [Named("Somebody Else")]
    assert find_stories(docs, Settings(min_shared=3.0)).threads == []
    docs = _archive()
    docs[1].date = "2023-01-01"
    assert find_stories(docs).threads == []
    docs[1].date = None
    assert find_stories(docs).threads == []


def test_the_result_does_not_depend_on_the_order_of_the_records() -> None:
    docs = _archive()
    forward, backward = find_stories(docs), find_stories(docs[::-1])
    assert forward == backward


def test_members_are_in_date_order_and_related_leaves_out_the_thread() -> None:
    docs = _archive()
    docs[0].date, docs[1].date = "2021-03-20", "2021-03-01"
    stories = find_stories(docs)
    assert stories.threads[0].members == ["b.txt", "a.txt"]
    for source, related in stories.related.items():
        assert source not in related
        own = stories.thread_of.get(source)
        assert own is None or all(stories.thread_of.get(r) != own for r in related)


def test_tiny_archives_have_no_threads() -> None:
    assert find_stories([]).threads == []
    assert find_stories(_archive()[:1]).threads == []
