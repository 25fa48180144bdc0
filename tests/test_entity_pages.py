"""Places and organizations (issue 17): a page each, like a person's, and an A-Z index of
each kind. Fast tests render hand-made records (no model); the slow one runs a real
`mkdocs build` and reads the HTML a reader gets."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote

import pytest

from generator.record import Entity, Mention, Record
from generator.site import SiteOptions, SiteRenderer, page_uri
from generator.site.entity_pages import filing_name

from .conftest import mkdocs_build, write_site
from .test_navigation import _internal_links, _sidebar
from .test_pages import _shown, hand_record, html_of, split_page


def _with(record: Record, places: list[str] = (), organizations: list[str] = ()) -> Record:  # type: ignore[assignment]
    """``record`` naming these places and organizations (at its text's start: where they
    are does not matter to their pages)."""
    record.analysis.places = [Entity(name, [Mention(0, 1)]) for name in places]
    record.analysis.organizations = [Entity(name, [Mention(0, 1)]) for name in organizations]
    return record


def _archive() -> list[Record]:
    """Three documents in Oslo over three years; the United Nations in two of them."""
    talks = _with(hand_record(), ["Oslo"], ["United Nations"])  # 2023-03-22
    bridge = _with(
        hand_record(
            "Anna Berg opened the bridge on 5 May 2020. Eva Falk cut the ribbon.",
            source="bridge.txt", slug="bridge", title="Bridge opens", date="2020-05-06",
            dates=[("5 May 2020", "2020-05-05")],
            people=[("Anna Berg", "Governor"), ("Eva Falk", None)],
        ),
        ["Oslo", "Bergen"],
    )  # fmt: skip
    vote = _with(
        hand_record(
            "Carl Dahl voted on 1 June 2021. Polls closed at noon. Counting ended on 2 June 2021.",
            source="vote.txt", slug="vote", title="Vote", date="2021-06-02",
            dates=[("1 June 2021", "2021-06-01"), ("2 June 2021", "2021-06-02")],
            people=[("Carl Dahl", None)],
        ),
        ["Oslo"], ["United Nations"],
    )  # fmt: skip
    # A summary of two sentences: the place's page shows it whole, as a person's does.
    vote.summary = ["Carl Dahl voted on 1 June 2021.", "Polls closed at noon."]
    return [talks, bridge, vote]


def _resolve(page: str, target: str) -> str:
    path = unquote(target.split("#")[0])
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path))


def _targets(body: str) -> list[str]:
    return re.findall(r"\]\(([^)\s]+)", body)


def test_a_place_page_lists_its_documents_newest_first_with_dates_and_people():
    records = _archive()
    renderer = SiteRenderer(records, SiteOptions())
    pages = renderer.render()
    uri = renderer.entity_uri("places", "Oslo")
    assert uri == "places/oslo.md"
    meta, body = split_page(pages[uri])
    assert meta["title"] == "Oslo" and meta["description"] == "Oslo in 3 documents"
    html = html_of(body)
    documents = html.split(">Dates</h2>")[0]
    titles = re.findall(r'<a class="summaries-listing-title" href="[^"]+">([^<]+)</a>', documents)
    assert titles == ["Talks in Oslo", "Vote", "Bridge opens"], "newest first"
    assert "Carl Dahl voted on 1 June 2021. Polls closed at noon." in _shown(documents)
    assert "from May 6, 2020 to March 22, 2023" in _shown(html)
    # The key dates of its documents, in date order.
    dates = html.split(">Dates</h2>")[1].split(">People</h2>")[0]
    labels = re.findall(r"<time[^>]*>(.*?)</time>", dates)
    assert labels == [
        "May 5, 2020", "June 1, 2021", "June 2, 2021", "March 20 (year unknown)",
        "March 21 (year unknown)",
    ]  # fmt: skip
    # Everyone who appears in them, the most often first, linked to their person pages.
    people = html.split(">People</h2>")[1]
    assert re.findall(r'<a href="[^"]+">([^<]+)</a>', people) == [
        "Anna Berg", "Carl Dahl", "Eva Falk",
    ]  # fmt: skip
    assert "summaries-companions" in people
    for target in _targets(body):
        assert _resolve(uri, target) in pages, target
    assert {_resolve(uri, t) for t in _targets(body) if "participants/" in t} == {
        renderer.person_uri(n) for n in ("Anna Berg", "Carl Dahl", "Eva Falk")
    }
    # An organization's page is the same, in its own folder.
    un = renderer.entity_uri("organizations", "United Nations")
    assert un == "organizations/united-nations.md"
    listed = re.findall(r"\[([^\]]+)\]\(\.\./articles/", pages[un].split(">Dates</h2>")[0])
    assert listed == ["Talks in Oslo", "Vote"]


def test_every_place_and_organization_of_a_document_links_to_its_page():
    records = _archive()
    renderer = SiteRenderer(records, SiteOptions())
    pages = renderer.render()
    for record in records:
        page = page_uri(record)
        body = split_page(pages[page])[1]
        for kind in ("places", "organizations"):
            row = re.search(rf"<th>{kind.title()}</th>(.*?)</tr>", body)
            assert row, (page, kind)
            names = [e.name for e in getattr(record, kind)]
            linked = re.findall(r"\[([^\]]+)\]\(([^)\s]+)\)", row.group(1))
            # A name of one document (Bergen) has no page: its document's page is all there is.
            assert [n for n, _ in linked] == [n for n in names if n != "Bergen"]
            assert ("Bergen" in row.group(1)) == ("Bergen" in names)
            for name, target in linked:
                assert _resolve(page, target) == renderer.entity_uri(kind, name)
                assert _resolve(page, target) in pages
        html = html_of(body)
        assert re.search(r'<th>Places</th>\s*<td><a href="[^"]+/places/oslo\.md">Oslo</a>', html)
    assert renderer.entity_uri("places", "Bergen") is None
    assert not [u for u in pages if "bergen" in u]
    # The index lists Bergen too, with its one document.
    index = html_of(split_page(pages["places/index.md"])[1])
    assert re.search(r"<td>Bergen</td>\s*<td>1</td>\s*<td><a [^>]*>Bridge opens</a>", index), index
    assert re.search(r'<td><a href="oslo.md">Oslo</a></td>\s*<td>3</td>', index), index


def test_slugs_never_collide_with_each_other_or_the_index_pages():
    names = ["Oslo", "OSLO", "oslo!", "Index", "A-Z", "a z", "Bergen"]
    records = [
        _with(hand_record(), names, names),
        _with(hand_record("Eva Falk met Anna Berg on May 2.", source="b.txt", slug="b",
                          dates=[("May 2", "XXXX-05-02")]), names, names),
    ]  # fmt: skip
    renderer = SiteRenderer(records, SiteOptions(page_size=1))  # A-Z pages past 4 names
    pages = renderer.render()
    for kind in ("places", "organizations"):
        uris = [renderer.entity_uri(kind, n) for n in names]
        assert len(set(uris)) == len(names), uris
        assert all(u and u.startswith(f"{kind}/") for u in uris)
        assert f"{kind}/index.md" not in uris and f"{kind}/a-z.md" not in uris
        a_z = [u for u in pages if u.startswith(f"{kind}/a-z/")]
        assert a_z, "the index is split into letter pages"
        # No page of one overwrites another: each name's page is its own.
        for name, uri in zip(names, uris, strict=True):
            assert split_page(pages[uri])[0]["title"] == name.replace("&", "&amp;")
    # People, places and organizations named alike keep pages of their own.
    assert renderer.person_uri("Anna Berg") == "participants/anna-berg.md"


def test_indexes_are_a_to_z_and_split_by_letter_as_the_people_index():
    assert filing_name("The Hague") == "Hague" and filing_name("The") == "The"
    places = ["The Hague", "Oslo", "Bergen", "Hamar", "Ålesund", "Zurich", "1st Street"]
    topics = ["roads", "schools", "taxes", "ferries", "parks", "housing", "water"]
    records = [
        _with(
            hand_record(
                f"Anna Berg met Carl Dahl on March 20 about {topic}. They met again on March 21.",
                source=f"d{i}.txt", slug=f"d{i}", date=f"2020-01-{i + 1:02d}",
            ),
            [place, places[(i + 1) % len(places)]],  # each place in two documents
        )
        for i, (place, topic) in enumerate(zip(places, topics, strict=True))
    ]  # fmt: skip
    small = SiteRenderer(records, SiteOptions())
    index = html_of(split_page(small.render()["places/index.md"])[1])
    assert re.findall(r"<h2[^>]*>(.*?)</h2>", index) == ["A", "B", "H", "O", "Z", "#"]
    listed = re.findall(r'<td><a href="[^"]+">([^<]+)</a></td>', index)
    assert listed == ["Ålesund", "Bergen", "The Hague", "Hamar", "Oslo", "Zurich", "1st Street"]
    assert re.search(r'<a href="#letter-h">H <span class="summaries-muted">2</span></a>', index)
    assert {"Places": "places/index.md"} in small.nav()
    # Past 4 x page_size names: a page per run of letters, each in the nav, the bar on each.
    split = SiteRenderer(records, SiteOptions(page_size=1))
    pages = split.render()
    letter_pages = sorted(u for u in pages if u.startswith("places/a-z/"))
    assert len(letter_pages) > 1
    section = next(item["Places"] for item in split.nav() if "Places" in item)
    assert section[0] == "places/index.md"
    assert {uri for item in section[1:] for uri in item.values()} <= set(letter_pages)
    for uri in ["places/index.md", *letter_pages]:
        body = split_page(pages[uri])[1]
        for target in re.findall(r"\]\(([^)\s]+#letter-[a-z]+)\)", body):
            where, anchor = _resolve(uri, target), target.split("#")[1]
            assert f'id="{anchor}"' in pages[where], (uri, target)
    # Every place on exactly one letter page.
    linked = [
        name
        for u in letter_pages
        for name, target in re.findall(r"\[([^\]]+)\]\(([^)\s#]+)\)", split_page(pages[u])[1])
        if _resolve(u, target) in {split.entity_uri("places", p) for p in places}
    ]
    assert sorted(linked) == sorted(places)


def test_a_place_of_many_documents_is_bounded_like_a_person():
    records = _archive()
    renderer = SiteRenderer(records, SiteOptions(page_size=1))
    pages = renderer.render()
    first = "places/oslo.md"
    more = sorted(u for u in pages if u.startswith("places/oslo/page-"))
    assert more == ["places/oslo/page-2.md", "places/oslo/page-3.md"]
    for record in records:
        holding = [
            u for u in (first, *more) if f"[{record.title}](" in pages[u].split(">Dates</h2>")[0]
        ]
        assert len(holding) == 1, (record.title, holding)
    assert "[Talks in Oslo](" in pages[first].split(">Dates</h2>")[0]
    assert 'class="summaries-pager"' in pages[first]
    # 2 x page_size dates (SUBJECT_DATES) and page_size people, each saying how many more.
    assert pages[first].count('<li markdown="span"><time data-value=') == 2
    assert "more dates, the latest, are on the pages of the documents" in pages[first]
    assert "2 more people appear" in pages[first]
    assert not set(more) & renderer.nav_uris()
    assert split_page(pages[more[0]])[0]["search"] == {"exclude": True}


def test_hostile_names_stay_text_on_every_page_they_reach():
    hostile = "<script>x()</script> *Oslo* [a](javascript:b) {{ 7 * 7 }}"
    record = _with(hand_record(), [hostile], [hostile + " Ltd"])
    other = _with(
        hand_record("Eva Falk met Anna Berg on May 2.", source="b.txt", slug="b",
                    dates=[("May 2", "XXXX-05-02")]),
        [hostile], [hostile + " Ltd"],
    )  # fmt: skip
    renderer = SiteRenderer([record, other], SiteOptions())
    pages = renderer.render()
    uri = renderer.entity_uri("places", hostile)
    assert uri and uri.startswith("places/")
    for page in (page_uri(record), uri, "places/index.md", "organizations/index.md"):
        meta, body = split_page(pages[page])
        html = html_of(body)
        assert "<script>" not in html and 'href="javascript:' not in html, page
        assert "<em>Oslo</em>" not in html and "49" not in _shown(html), page
        assert "<script>x()</script> *Oslo*" in _shown(html), page
    assert split_page(pages[uri])[0]["title"] == hostile.replace("<", "&lt;").replace(">", "&gt;")


def test_no_places_or_organizations_no_sections():
    record = _with(hand_record("Anna Berg spoke on March 20.", dates=[("March 20", "XXXX-03-20")]))
    renderer = SiteRenderer([record], SiteOptions())
    pages = renderer.render()
    assert not [u for u in pages if u.startswith(("places/", "organizations/"))]
    assert not {"Places", "Organizations"} & {k for item in renderer.nav() for k in item}
    assert "None found." in pages[page_uri(record)]



def test_switched_off_entity_pages_and_stories_leave_plain_names():
    """`entity_pages: false` and `stories: false` (what issue 17's build cost is measured
    against): no place, organization or story page, nor a nav section or link to one."""
    records = _archive()
    on = SiteRenderer(records, SiteOptions()).render()
    assert "places/oslo.md" in on
    renderer = SiteRenderer(records, SiteOptions(entity_pages=False, stories=False))
    pages = renderer.render()
    assert not [u for u in pages if u.startswith(("places/", "organizations/", "stories/"))]
    sections = {k for item in renderer.nav() for k in item}
    assert not {"Places", "Organizations", "Stories"} & sections and "People" in sections
    page = pages[page_uri(records[0])]
    assert "Oslo" in page and "places/" not in page and "stories/" not in page


# A real build.

_SOURCES = {
    "2020-11-20-report-c.txt": (
        "Report C\n\nMinister Eva Lund spoke in Oslo about the budget. The United Nations "
        "and Microsoft announced a partnership on 18 November 2020.\n"
    ),
    "2021-03-01-report-a.txt": (
        "Report A\n\nAnna Berg met Carl Dahl in Oslo on Monday. The United Nations said the "
        "talks would continue on 10 March 2021. Carl Dahl said Norway had waited since 2009 "
        "for the new bridge.\n"
    ),
    "2021-05-04-report-b.txt": (
        "Report B\n\nAnna Berg arrived in Oslo on Tuesday for a meeting with the United "
        "Nations. Officials said the vote would take place on 20 May 2021.\n"
    ),
}


@pytest.mark.slow
def test_a_built_site_has_place_and_organization_pages_linked_from_documents(tmp_path):
    root = write_site(tmp_path, _SOURCES)
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    assert 'not included in the "nav"' not in result.stderr
    site = root / "site"
    document = site / "articles" / "2021" / "03" / "report-a" / "index.html"
    html = document.read_text(encoding="utf-8")
    found = {}
    for kind in ("places", "organizations"):
        row = re.search(rf"<th>{kind.title()}</th>\s*<td>(.*?)</td>", html, re.S)
        assert row, kind
        for href, name in re.findall(r'<a href="([^"]+)">([^<]+)</a>', row.group(1)):
            target = (document.parent / href).resolve()
            found[name] = target / "index.html" if target.is_dir() else target
    oslo, un = found.get("Oslo"), found.get("United Nations")
    assert oslo and oslo == site / "places" / "oslo" / "index.html", found
    assert un and un == site / "organizations" / "united-nations" / "index.html", found
    assert oslo.is_file() and un.is_file()
    for page in (oslo, un):
        text = page.read_text(encoding="utf-8")
        assert re.search(r"<h1[^>]*>(Oslo|United Nations)</h1>", text)
        documents = text.split(">Dates</h2>")[0]
        listed = re.findall(r'class="summaries-listing-title"[^>]*>([^<]+)</a>', documents)
        assert listed == ["Report B", "Report A", "Report C"], (page, listed)
        people = text.split(">People</h2>")[1]
        assert "Anna Berg" in people and "participants/anna-berg/" in people
    assert (site / "places" / "index.html").is_file()
    assert (site / "organizations" / "index.html").is_file()
    labels = _sidebar(oslo.read_text(encoding="utf-8"))
    assert labels.index("People") + 1 == labels.index("Places"), labels
    assert labels.index("Places") + 1 == labels.index("Organizations"), labels
    assert _internal_links(site) == []
