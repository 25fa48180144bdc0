"""Story threads (generator/site/threads.py) on small archives of our own."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from generator.site import ThreadSettings, find_stories


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
    assert find_stories(docs, ThreadSettings(min_shared=3.0)).threads == []
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


def _story_site():
    from generator.site import SiteOptions, SiteRenderer

    from .test_pages import hand_record

    ferry = hand_record(FERRY + " Ida Berg spoke.", source="a.txt", slug="ferry",
                        title="Ferry Aurora capsizes", date="2021-03-01", dates=[],
                        people=[("Ida Berg", None)])  # fmt: skip
    inquiry = hand_record(FERRY_LATER + " Ida Berg spoke.", source="b.txt", slug="inquiry",
                          title="Inquiry into the Aurora ferry", date="2021-03-20", dates=[],
                          people=[("Ida Berg", None)])  # fmt: skip
    others = [
        hand_record(text + " Olaf Dahl spoke.", source=f"{n}.txt", slug=n, title=n, dates=[],
                    date=f"2021-03-0{i + 2}", people=[(f"Person {n}", None)])  # fmt: skip
        for i, (n, text) in enumerate([("budget", BUDGET), ("cup", MATCH), ("snow", "Snow fell."),
                                       ("library", "A library opened."), ("bread", "Bread.")])
    ]  # fmt: skip
    return SiteRenderer([ferry, inquiry, *others], SiteOptions()).render()


def test_a_thread_has_its_page_and_each_member_links_the_others() -> None:
    pages = _story_site()
    assert "stories/ferry.md" in pages and "stories/index.md" in pages
    story = pages["stories/ferry.md"]
    # Date order, each linked, with its summary.
    assert story.index("Ferry Aurora capsizes") < story.index("Inquiry into the Aurora ferry")
    assert "(../articles/2021/03/inquiry.md)" in story
    first = pages["articles/2021/03/ferry.md"]
    block = first[first.index("More on this story") : first.index("summaries-prevnext")]
    assert "[Inquiry into the Aurora ferry](inquiry.md)" in block
    assert "<strong>Ferry Aurora capsizes</strong>" in block
    assert "(../../../stories/ferry.md)" in block
    assert "More on this story" not in pages["articles/2021/03/budget.md"]


def test_no_thread_no_stories_section() -> None:
    from generator.site import SiteOptions, SiteRenderer

    from .test_pages import hand_record

    renderer = SiteRenderer([hand_record()], SiteOptions())
    assert not any(uri.startswith("stories/") for uri in renderer.render())
    assert "Stories" not in str(renderer.nav())


def test_people_and_stories_get_feeds_with_a_site_url_only() -> None:
    import json
    import xml.dom.minidom

    from generator.site import SiteOptions, SiteRenderer

    from .test_pages import hand_record

    records = [
        hand_record(f"Ida Berg spoke on day {n} & said <no>.", source=f"{n}.txt", slug=f"d{n}",
                    title=f"Day {n} \x07& <b>", date=f"2021-03-{n:02d}", dates=[],
                    people=[("Ida Berg", None)])  # fmt: skip
        for n in range(1, 26)
    ]
    records.append(hand_record("Olaf Dahl alone.", source="o.txt", slug="o", dates=[],
                               people=[("Olaf Dahl", None)]))  # fmt: skip
    assert not any(u.endswith(".xml") for u in SiteRenderer(records, SiteOptions()).render())
    pages = SiteRenderer(records, SiteOptions(site_url="https://example.org/a/")).render()
    rss = xml.dom.minidom.parseString(pages["participants/ida-berg.rss.xml"].encode("utf-8"))
    items = rss.getElementsByTagName("item")
    assert len(items) == 20  # the newest only
    first = items[0].getElementsByTagName("title")[0].firstChild.data
    assert first == "Day 25 & <b>"  # escaped once, the control character dropped
    # A description is HTML to a feed reader: the text's "<no>" is text there too.
    description = items[0].getElementsByTagName("description")[0].firstChild.data
    assert "said &lt;no&gt;." in description and "<no>" not in description
    link = items[0].getElementsByTagName("link")[0].firstChild.data
    assert link == "https://example.org/a/articles/2021/03/d25/"
    feed = json.loads(pages["participants/ida-berg.feed.json"])
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["items"][0]["title"] == "Day 25 & <b>" and len(feed["items"]) == 20
    assert "participants/olaf-dahl.rss.xml" not in pages  # one document: no feed
    assert "[RSS](ida-berg.rss.xml)" in pages["participants/ida-berg.md"]
    assert "Follow:" not in pages["participants/olaf-dahl.md"]


def test_texts_without_distinguishing_words_give_no_threads() -> None:
    same = [_doc(f"{n}.txt", "2021-03-01", "The", "the and of it", "Ida Berg") for n in "abc"]
    assert find_stories(same).threads == []


def test_a_thread_of_two_needs_a_pair_that_stands_alone() -> None:
    # The ferry pair shares one rare name ("Ida Berg"): a thread while its wording is close
    # enough to stand alone, not when only three shared rare names would do.
    docs = _archive()
    loose = ThreadSettings(standalone_similarity=0.99, standalone_names=3)
    assert find_stories(docs, loose).threads == []
    assert "b.txt" in find_stories(docs, loose).related["a.txt"]  # still related
    named = ThreadSettings(standalone_similarity=0.99, standalone_names=1)
    assert [t.members for t in find_stories(docs, named).threads] == [["a.txt", "b.txt"]]


def test_close_wording_needs_only_one_shared_name_however_common() -> None:
    # "Kalvik" is in every document (weight 0): only wording this close links the pair.
    docs = _archive()
    for doc in docs:
        doc.participants = [Named("Kalvik")]
    assert [t.members for t in find_stories(docs).threads] == [["a.txt", "b.txt"]]
    assert find_stories(docs, ThreadSettings(wording_alone=0.99)).threads == []
    for doc in docs:
        doc.participants = []
    assert find_stories(docs).threads == []  # no shared name at all: never


def test_the_evaluation_scores_each_folder_alone_and_two_fixed_halves() -> None:
    from generator.evaluation.threads import subsets

    sources = [f"dev/{n}.txt" for n in range(7)] + [f"news/{n}.txt" for n in range(4)]
    named = subsets(sources)
    assert set(named) == {"dev alone", "news alone", "random half A", "random half B"}
    assert named["news alone"] == {f"news/{n}.txt" for n in range(4)}
    a, b = named["random half A"], named["random half B"]
    assert not a & b and a | b == set(sources) and len(a) == 5
    assert subsets(sources[::-1]) == named  # the same halves on every run
    assert set(subsets(sources[:7])) == {"random half A", "random half B"}
