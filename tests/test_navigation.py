"""Issue 16: a navigation the plugin owns and listings that stay small at any size.

Fast tests render hand-made records with a tiny ``page_size``; the slow ones run a real
`mkdocs build` of a small archive split into pages and read the HTML a reader gets.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.site import SiteOptions, SiteRenderer, page_uri
from generator.site.plans import heavy_tags, index_letter, sort_name, tag_counts

from .conftest import mkdocs_build, write_site
from .test_pages import hand_record, html_of, split_page

PEOPLE = [
    ("Anna Berg", "Mayor"),
    ("Carl Dahl", None),
    ("Bill de Blasio", "Mayor of New York"),
    ("Martin Luther King Jr.", None),
    ("Eva Öberg", "Minister"),
    ("Zoe Adams", None),
]


def _archive(n: int = 9) -> list:
    """n documents over three years, two people each, dates in their text."""
    records = []
    for i in range(n):
        year = 2018 + i % 3
        a, b = PEOPLE[i % len(PEOPLE)], PEOPLE[(i + 1) % len(PEOPLE)]
        day = f"{i + 1} May {year}"
        text = f"{a[0]} met {b[0]} in Oslo on {day}. They spoke again on {i + 2} June {year}."
        records.append(
            hand_record(
                text,
                source=f"doc-{i}.txt",
                slug=f"doc-{i}",
                title=f"Meeting number {i}",
                date=f"{year}-07-{i + 1:02d}",
                dates=[
                    (day, f"{year}-05-{i + 1:02d}"),
                    (f"{i + 2} June {year}", f"{year}-06-{i + 2:02d}"),
                ],
                people=[a, b],
            )
        )
    return records


def test_sort_names_file_people_by_surname():
    assert sort_name("Joe Biden") == "Biden, Joe"
    assert sort_name("Bill de Blasio") == "de Blasio, Bill"
    assert sort_name("Martin Luther King Jr.") == "King, Martin Luther"
    assert sort_name("Madonna") == "Madonna"
    assert sort_name("Xi Jinping") == "Xi Jinping"  # surname written first
    assert sort_name("Kim Jong-un") == "Kim Jong-un"  # by the given name's shape
    assert sort_name("Yau Wai-ching") == "Yau Wai-ching"
    assert sort_name("Kim Kardashian") == "Kardashian, Kim"
    assert sort_name("Andrew Yang") == "Yang, Andrew"
    assert sort_name("Jean-Pierre Raffarin") == "Raffarin, Jean-Pierre"
    assert index_letter(sort_name("Eva Öberg")) == "O"
    assert index_letter("1984") == "#"


def _nav_strings(item) -> list[str]:  # noqa: ANN001
    if isinstance(item, str):
        return [item]
    if isinstance(item, dict):
        return [s for v in item.values() for s in _nav_strings(v)]
    return [s for v in item for s in _nav_strings(v)]


def test_small_archive_keeps_one_page_per_listing_and_a_flat_nav():
    renderer = SiteRenderer(_archive(6), SiteOptions())
    assert renderer.nav() == [
        {"Articles": "articles/index.md"},
        {"People": "participants/index.md"},
        {"Places": "places/index.md"},  # Oslo; no organization, so no Organizations
        {"Timeline": "timeline.md"},
        {"Tags": "tags.md"},
    ]
    people = html_of(split_page(renderer.people_index())[1])
    names = re.findall(r"<tr>\s*<td><a [^>]*>([^<]+)</a>", people)
    assert names == sorted(names, key=lambda n: sort_name(n).casefold()), names
    assert names.index("Zoe Adams") < names.index("Anna Berg") < names.index("Carl Dahl")
    # The A-Z bar links to each letter's table on the same page, with its count.
    assert re.search(r'<a href="#letter-b">B <span class="summaries-muted">1</span></a>', people)


def test_large_archive_splits_listings_and_the_nav_names_only_index_pages():
    records = _archive(9)
    renderer = SiteRenderer(records, SiteOptions(page_size=2))
    pages = renderer.render()
    nav = renderer.nav()
    in_nav = set(_nav_strings(nav))
    # No document and no person page in the nav; every nav entry is a generated page.
    assert not in_nav & {page_uri(r) for r in records}
    assert not in_nav & {renderer.person_uri(n) for n in renderer.people}
    assert in_nav <= set(pages), in_nav - set(pages)
    sections = {next(iter(item)): item[next(iter(item))] for item in nav}
    assert sections["Articles"][0] == "articles/index.md"
    assert {"2020": "articles/2020/index.md"} in sections["Articles"]
    # Every document is on exactly one articles page, and the pages of a year link each other.
    listing = re.compile(r"articles/[^/]+/(index|page-\d+)\.md$")
    article_pages = {u: p for u, p in pages.items() if listing.match(u)}
    for record in records:
        holding = [u for u, p in article_pages.items() if f"[{record.title}](" in p]
        assert len(holding) == 1, (record.title, holding)
    assert "articles/2020/page-2.md" in pages
    assert 'class="summaries-pager"' in pages["articles/2020/index.md"]
    assert "(page-2.md)" in pages["articles/2020/index.md"]
    # The articles index: the years with their counts, each linked to its page.
    index = html_of(split_page(pages["articles/index.md"])[1])
    assert re.search(r'<a href="2019/index.md">2019</a></td>\s*<td>3</td>', index), index


def test_timeline_pages_hold_the_anchors_the_documents_link_to():
    import posixpath

    records = _archive(9)
    renderer = SiteRenderer(records, SiteOptions(page_size=1))  # 3 events a page
    pages = renderer.render()
    ids = {
        uri: set(re.findall(r'id="([^"]+)"', body))
        for uri, body in pages.items()
        if uri.startswith("timeline")
    }
    assert len(ids) > 3, "the timeline is split"
    checked = 0
    for record in records:
        page = page_uri(record)
        # Markdown links to the timeline page's source file, with the anchor.
        for href, anchor in re.findall(r"\]\(([^)#\s]*timeline[^)#\s]*)#([^)\s]+)", pages[page]):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
            assert anchor in ids[target], (page, href, anchor)
            checked += 1
    assert checked == 2 * len(records)


def test_tags_page_lists_only_tags_of_two_documents_or_more():
    records = _archive(4)
    records[0].tags.append("Only here")
    pages = SiteRenderer(records, SiteOptions()).render()
    directive = re.search(r"<!-- material/tags (\{.*\}) -->", pages["tags.md"])
    assert directive
    import json

    listed = json.loads(directive.group(1))["include"]
    assert listed == ["Bill de Blasio", "Carl Dahl", "Martin Luther King Jr."]
    # Anna Berg, Eva Öberg and "Only here" are tags of one document each.
    assert "3 more appear in one document each" in pages["tags.md"]


def test_a_tag_of_more_documents_than_a_tags_page_lists_is_named_with_its_page():
    # page_size 1: a tags page lists at most 5 tagged documents; Material would put all of
    # a tag's documents under it on one page, so a heavier tag is named, counted and linked
    # to its own paged page instead of being listed.
    records = _archive(12)
    for record in records:
        record.tags.append("Oslo")
    records[0].tags.append("Only here")
    pages = SiteRenderer(records, SiteOptions(page_size=1)).render()
    listed = [
        tag
        for uri, page in pages.items()
        if uri.startswith("tags")
        for found in re.findall(r"<!-- material/tags (\{.*\}) -->", page)
        for tag in json.loads(found)["include"]
    ]
    assert "Oslo" not in listed and "Only here" not in listed
    assert {"Bill de Blasio", "Carl Dahl"} <= set(listed)
    heavy = re.search(r'<p class="summaries-heavy-tags"[^>]*>(.*?)</p>', pages["tags.md"])
    assert heavy, "the heavy tag is named on the tags index"
    assert "Oslo" in heavy.group(1) and ">12<" in heavy.group(1)
    # every person is in 4 of the 12 documents: listed; only Oslo is over the 5 a page holds
    assert "Anna Berg" in listed
    assert heavy_tags(tag_counts(records), 1) == [("Oslo", 12)]


def test_no_tag_of_two_documents_gives_no_listing_of_everything():
    pages = SiteRenderer(_archive(1), SiteOptions()).render()
    assert "material/tags" not in pages["tags.md"]
    assert "No person, place or organization appears in two documents yet" in pages["tags.md"]


# Real builds.


def _sources(n: int) -> dict[str, str]:
    out = {}
    for i in range(n):
        year = 2017 + i % 4
        a, b = PEOPLE[i % len(PEOPLE)][0], PEOPLE[(i + 2) % len(PEOPLE)][0]
        out[f"{year}-0{1 + i % 9}-1{i % 10}-meeting-{i}.txt"] = (
            f"Meeting number {i}\n\n{a} met {b} in Oslo on Monday. "
            f"The talks, the mayor said, would continue on {10 + i % 15} March {year}. "
            f"{b} said the city had waited since 2009 for the new bridge.\n"
        )
    return out


def _sidebar(html: str) -> list[str]:
    nav = html[html.index('<nav class="md-nav md-nav--primary"') :]
    nav = nav[: nav.index('<div class="md-sidebar md-sidebar--secondary"')]
    spans = re.findall(r'<span class="md-ellipsis">(.*?)</span>', nav, re.S)
    return [" ".join(s.split()) for s in spans]


def _internal_links(site: Path) -> list[tuple[Path, str]]:
    broken = []
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for href in re.findall(r'href="([^"]+)"', html):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append((page.relative_to(site), href))
    return broken


@pytest.fixture(scope="module")
def split_site(tmp_path_factory) -> Path:
    root = write_site(tmp_path_factory.mktemp("split"), _sources(14), plugin="page_size: 2")
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    assert 'not included in the "nav"' not in result.stderr
    return root


@pytest.mark.slow
def test_sidebar_names_the_sections_never_every_person_or_document(split_site):
    site = split_site / "site"
    person = next((site / "participants").glob("anna-berg*/index.html"))
    labels = _sidebar(person.read_text(encoding="utf-8"))
    # The sections, in order (Home first when the site has one; Places: Oslo is in every
    # document; Stories when threads exist: this archive's meetings of the same people are one).
    sections = labels[1:7] if labels[0] == "Home" else labels[:6]
    assert sections == ["Articles", "People", "Places", "Stories", "Timeline", "Tags"], labels
    assert not any(name in labels for name, _ in PEOPLE), labels
    assert not any(label.startswith("Meeting number") for label in labels), labels
    # On a year page the Articles section opens on its years.
    year = _sidebar((site / "articles" / "2019" / "index.html").read_text(encoding="utf-8"))
    assert {"2017", "2018", "2019", "2020"} <= set(year), year
    assert max(p.stat().st_size for p in site.rglob("*.html")) < 250_000


@pytest.mark.slow
def test_every_link_of_a_split_site_resolves(split_site):
    assert _internal_links(split_site / "site") == []


@pytest.mark.slow
def test_a_users_own_nav_wins_and_can_place_the_sections(tmp_path):
    root = write_site(
        tmp_path,
        _sources(5),
        docs={"about.md": "# About us\n"},
    )
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + "nav:\n  - About: about.md\n  - Everyone: participants/index.md\n"
        + "  - Events: timeline.md\n",
        encoding="utf-8",
    )
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    html = (root / "site" / "about" / "index.html").read_text(encoding="utf-8")
    assert _sidebar(html) == ["About", "Everyone", "Events"]
    assert (root / "site" / "participants" / "anna-berg" / "index.html").is_file()


@pytest.mark.slow
def test_llms_txt_lists_every_document_grouped_as_the_nav(split_site):
    site = split_site / "site"
    short = (site / "llms.txt").read_text(encoding="utf-8")
    full = (site / "llms-full.txt").read_text(encoding="utf-8")
    assert short.startswith("# Test site\n")
    documents = sorted((site / "articles").glob("20*/*/*/index.html"))
    assert len(documents) == 14
    for page in documents:
        url = "https://example.org/test/" + str(page.parent.relative_to(site)) + "/"
        line = next(x for x in short.splitlines() if f"]({url})" in x)
        title = re.search(r"<h1>(.*?)</h1>", page.read_text(encoding="utf-8")).group(1)
        assert line.startswith(f"- [{title}]("), line
        assert re.search(r"\) \(\w+ \d{1,2}, 20\d\d\): \S", line), line
        assert f"URL: {url}" in full
    # The groups are the nav's: one heading per year page of the Articles section.
    headings = re.findall(r"^## Articles: (.+)$", short, re.M)
    year_pages = {p.parent.name for p in (site / "articles").glob("*/index.html")}
    assert {h.replace("–", "-") for h in headings} == year_pages
    assert "People: " in full and "Key dates:" in full


@pytest.mark.slow
def test_llms_txt_can_be_turned_off(tmp_path):
    root = write_site(tmp_path, _sources(2), plugin="llms_txt: false")
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    assert not (root / "site" / "llms.txt").exists()
    assert not (root / "site" / "llms-full.txt").exists()


def test_a_person_of_many_documents_continues_on_pages_of_their_own():
    records = _archive(18)  # Anna Berg is in 6 of them, with a date in each
    renderer = SiteRenderer(records, SiteOptions(page_size=1))
    pages = renderer.render()
    person = renderer.people["Anna Berg"]
    first = renderer.person_uri("Anna Berg")
    more = sorted(u for u in pages if u.startswith(f"participants/{person.slug}/page-"))
    assert len(more) == len(person.records) - 1 == 5
    # Every document of hers is on exactly one of her pages, newest first on the first.
    for record in person.records:
        listed = {u: pages[u].split(">Dates</h2>")[0] for u in (first, *more)}
        holding = [u for u, text in listed.items() if f"[{record.title}](" in text]
        assert len(holding) == 1, (record.title, holding)
    assert f"[{person.records[0].title}](" in pages[first]
    assert 'class="summaries-pager"' in pages[first]
    # The dates list stops at 2 x page_size (SUBJECT_DATES), saying how many more there are.
    dates = pages[first].split(">Dates</h2>")[1]
    assert dates.count("<time data-value=") == 2
    assert "more dates, the latest, are on the pages of the documents" in pages[first]
    assert not set(more) & renderer.nav_uris()
