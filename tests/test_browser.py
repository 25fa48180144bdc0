"""The example site in a real browser: Debian's Chromium, driven by Playwright.

The example site (this repository's ``mkdocs.yml``, ``docs/`` and ``seeds/``) is built once
per session with a real ``mkdocs build``, served on 127.0.0.1 and read the way a person
reads it: typing into search, clicking links, switching to dark mode, on a phone and a
desktop. Screenshots go to the ignored ``tests/artifacts/screenshots/``; the README's
pictures in ``screenshots/`` are retaken on purpose: ``python -m tests.browser --screenshots``.
"""

from __future__ import annotations

import contextlib
import html
import re
import shutil
import urllib.parse
from pathlib import Path

import pytest

from .browser import DESKTOP, PHONE, block_external, screenshots_folder, serve
from .sites import copy_example, mkdocs_build

pytestmark = pytest.mark.slow

STORY_PAGE = "stories/hong-kong-protests-continue-through-police/"
SEED_PAGE = "articles/000_784cf20fb6785547/"


def _build_example(root: Path, edit=None, cache_from: Path | None = None) -> Path:  # noqa: ANN001
    copy_example(root)
    if edit:
        config = root / "mkdocs.yml"
        config.write_text(edit(config.read_text(encoding="utf-8")), encoding="utf-8")
    if cache_from is not None and (cache_from / ".cache").is_dir():
        shutil.copytree(cache_from / ".cache", root / ".cache")
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    """This repository's example site, as `mkdocs build --strict` makes it."""
    return _build_example(tmp_path_factory.mktemp("example"))


@pytest.fixture(scope="session")
def plain_site(tmp_path_factory, example_site) -> Path:
    """The example site without instant loading and without directory URLs (`x.html`)."""

    def edit(config: str) -> str:
        config = config.replace("    - navigation.instant\n", "")
        return "use_directory_urls: false\n" + config

    return _build_example(tmp_path_factory.mktemp("plain"), edit, example_site.parent)


@pytest.fixture(scope="session")
def shots() -> Path:
    folder = screenshots_folder()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def site_url(example_site):
    with serve(example_site) as url:
        yield url


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context(viewport=DESKTOP, color_scheme="light")
    page = context.new_page()
    page.blocked = block_external(page, site_url)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors: {errors}"
    assert not page.blocked, f"the site asked for other sites: {page.blocked}"


def _search(page, site_url: str, words: str, expect: str) -> list[str]:
    """Types ``words`` into Material's search like a person does (key by key); waits until a
    result links to ``expect`` (up to 15 s) and returns the result links."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.goto(site_url)
    # The search field on a desktop; on a phone, the header's search button opens it.
    page.locator(
        "label.md-header__button[for=__search]:visible, .md-search__input:visible"
    ).first.click()
    page.locator("input.md-search__input").press_sequentially(words, delay=40)
    script = """([expect]) => [...document.querySelectorAll('.md-search-result a')]
        .some(a => (a.getAttribute('href') || '').includes(expect))"""
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(script, arg=[expect], timeout=15_000)
    links = page.locator(".md-search-result a")
    return [links.nth(i).get_attribute("href") or "" for i in range(links.count())]


@pytest.mark.parametrize("words", ["Mishustin", "March 21"])
def test_search_as_typed_finds_the_seed_article(page, site_url, shots, words):
    hrefs = _search(page, site_url, words, SEED_PAGE)
    if words == "Mishustin":
        page.screenshot(path=str(shots / "search-desktop.png"))
    assert any(SEED_PAGE in href for href in hrefs), hrefs
    assert page.locator("input.md-search__input").input_value() == words


TAX_PAGE = "articles/2019/10/u-s-judge-orders-release-of-president-trump-s-tax/"


@pytest.mark.parametrize("words", ["October 10, 2019", "10 October 2019", "2019-10-10"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_date_typed_in_any_form_finds_the_documents_of_that_day_first(
    browser, site_url, words, viewport
):
    """The example's one document of 10 October 2019 is the first result, however the
    date is typed (issue 16: it was not in the first 14)."""
    context = browser.new_context(viewport=viewport, color_scheme="light")
    page = context.new_page()
    blocked = block_external(page, site_url)
    try:
        _search(page, site_url, words, TAX_PAGE)
        # Results follow the typing: wait until the first document is that day's (or time
        # out and show the order).
        first = """([expect]) => {
            const docs = [...document.querySelectorAll('.md-search-result__item > a')]
                .map(a => a.getAttribute('href') || '').filter(h => h.includes('/articles/'));
            return docs.length > 0 && docs[0].includes(expect);
        }"""
        with contextlib.suppress(Exception):
            page.wait_for_function(first, arg=[TAX_PAGE], timeout=20_000)
        links = page.locator(".md-search-result__item > a")
        hrefs = [links.nth(i).get_attribute("href") or "" for i in range(links.count())]
        documents = [h for h in hrefs if "/articles/" in h]
        assert documents and TAX_PAGE in documents[0], documents[:5]
    finally:
        context.close()
    assert not blocked


def test_seed_page_shows_summary_dates_people_and_links_both_ways(page, site_url):
    page.goto(site_url + SEED_PAGE)
    summary = page.locator(".summaries-summary")
    assert "Vladimir Putin" in summary.inner_text()
    facts = page.locator("table.summaries-facts")
    assert "March 20 (year unknown)" in facts.inner_text()
    assert "March 21 (year unknown)" in facts.inner_text()
    assert "Russian Prime Minister" in facts.inner_text()
    assert page.locator("mark.summaries-summary-sentence").count() >= 1
    on_timeline = facts.locator("a", has_text="March 21 (year unknown)")
    assert on_timeline.get_attribute("href").endswith("timeline/#t-unknown-03")

    # Navigation.instant is on: the click swaps the page in without a full load.
    page.locator("table.summaries-facts a", has_text="Mikhail Mishustin").click()
    page.wait_for_url(re.compile(r"/participants/mikhail-mishustin/$"))
    page.locator("h1", has_text="Mikhail Mishustin").wait_for()
    assert "Russian Prime Minister" in page.locator("article").inner_text()
    back = page.locator(f'article a[href$="{SEED_PAGE}"]')
    assert back.count() >= 1
    back.first.click()
    page.wait_for_url(re.compile(re.escape(SEED_PAGE) + "$"))
    page.locator(".summaries-summary").wait_for()
    assert "Key facts" in page.locator("article").inner_text()


def test_a_story_links_its_documents_both_ways_and_has_feeds(page, site_url):
    page.goto(site_url + "articles/2019/11/hundreds-of-hong-kong-district-council-seats-go/")
    story = page.locator("ol.summaries-story")
    assert "(this document)" in story.inner_text()
    story.locator("a", has_text="Hong Kong protests continue").click()
    page.wait_for_url(re.compile(r"/articles/2019/08/hong-kong-protests-continue-through-police/$"))
    page.locator("a", has_text="The whole story, with summaries").click()
    page.wait_for_url(re.compile(re.escape(STORY_PAGE) + "$"))
    listed = page.locator("article ol.summaries-story li").all_inner_texts()
    assert len(listed) == 2 and "August 19, 2019" in listed[0] and "November 27, 2019" in listed[1]
    rss = page.locator("p.summaries-feeds a", has_text="RSS").get_attribute("href")
    feed = page.request.get(urllib.parse.urljoin(page.url, rss))
    assert feed.ok and "<rss" in feed.text() and "Hong Kong" in feed.text()


def test_timeline_puts_march_20_before_march_21(page, site_url):
    page.goto(site_url + "timeline/")
    labels = page.locator("ul.summaries-timeline time").all_inner_texts()
    assert labels.index("March 20 (year unknown)") < labels.index("March 21 (year unknown)")
    assert page.locator("svg.summaries-chart").count() == 1
    # Year-less dates have their own group, after every dated year.
    headings = page.locator("article h2").all_inner_texts()
    assert headings[-1].strip().rstrip("¶").strip() == "Year unknown", headings


def test_instant_navigation_renders_the_target_page(page, site_url):
    page.goto(site_url)
    assert page.evaluate("typeof document$ !== 'undefined'")  # Material's instant loading
    page.locator("article a.md-button", has_text="Timeline").click()
    page.wait_for_url(re.compile(r"/timeline/$"))
    page.locator("article h1", has_text="Timeline").wait_for()
    assert page.locator("svg.summaries-chart").is_visible()
    page.locator("ul.summaries-timeline a").first.click()
    page.locator(".summaries-summary").wait_for()
    assert page.locator("table.summaries-facts").is_visible()


@pytest.mark.parametrize(
    "name, path",
    [
        ("home", ""),
        ("document", SEED_PAGE),
        ("timeline", "timeline/"),
        ("people", "participants/"),
        ("story", STORY_PAGE),
    ],
)
@pytest.mark.parametrize("device, viewport", [("desktop", DESKTOP), ("phone", PHONE)])
def test_screenshots(browser, site_url, shots, name, path, device, viewport):
    context = browser.new_context(viewport=viewport, color_scheme="light")
    page = context.new_page()
    blocked = block_external(page, site_url)
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    # Nothing sticks out sideways on a phone: no horizontal scrolling.
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    page.screenshot(path=str(shots / f"{name}-{device}.png"))
    context.close()
    assert overflow <= 1, f"{name} is {overflow}px wider than a {device} screen"
    assert not blocked


def test_dark_mode_keeps_the_content(page, site_url, shots):
    page.goto(site_url + SEED_PAGE)
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    summary = page.locator(".summaries-summary")
    assert summary.is_visible() and "Vladimir Putin" in summary.inner_text()
    colors = page.evaluate(
        """() => {
          const text = document.querySelector('.summaries-text p');
          const style = getComputedStyle(text);
          return [style.color, getComputedStyle(document.body).backgroundColor];
        }"""
    )
    assert colors[0] != colors[1], colors
    page.screenshot(path=str(shots / "document-dark.png"))
    page.goto(site_url + "participants/mikhail-mishustin/")
    page.screenshot(path=str(shots / "person-dark.png"), full_page=True)
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"


def test_plain_site_without_instant_loading_or_directory_urls(browser, plain_site, shots):
    config = (plain_site.parent / "mkdocs.yml").read_text(encoding="utf-8")
    assert "navigation.instant" not in config and "use_directory_urls: false" in config
    with serve(plain_site) as url:
        context = browser.new_context(viewport=PHONE, color_scheme="dark")
        page = context.new_page()
        blocked = block_external(page, url)
        missing: list[str] = []
        page.on("response", lambda r: missing.append(r.url) if r.status >= 400 else None)
        page.goto(url + "index.html")
        assert page.evaluate("typeof document$ !== 'undefined'")
        page.locator("a.md-button", has_text="Timeline").click()
        page.wait_for_url(url + "timeline.html")
        page.locator("ul.summaries-timeline a", has_text="The early evening session").first.click()
        page.wait_for_url(re.compile(r"/articles/000_784cf20fb6785547\.html$"))
        page.locator("table.summaries-facts a", has_text="Xi Jinping").click()
        page.wait_for_url(re.compile(r"/participants/xi-jinping\.html$"))
        assert "Chinese President" in page.locator("article").inner_text()
        page.goto(url + "participants/index.html")
        assert page.locator("table.summaries-people-index tr").count() > 50
        page.screenshot(path=str(shots / "people-phone-dark.png"))
        context.close()
    assert not missing, missing
    assert not blocked


def test_tags_index_lists_people_places_and_organizations(example_site):
    """Tags of two documents or more are listed; a tag of one document only stays on its
    page, as a plain (unlinked) tag."""
    html = (example_site / "tags" / "index.html").read_text(encoding="utf-8")
    listed = set(re.findall(r'<h2 id="tag:[^"]+">\s*<span class="md-tag">([^<]+)</span>', html))
    assert {"Vladimir Putin", "Russia"} <= listed, listed
    assert f'href="../{SEED_PAGE}"' in html or f'href="../{SEED_PAGE}#' in html
    seed = (example_site / SEED_PAGE / "index.html").read_text(encoding="utf-8")
    linked = set(re.findall(r'<a href="[^"]*tags/#tag:[^"]+" class="md-tag">([^<]+)</a>', seed))
    plain = set(re.findall(r'<span class="md-tag">([^<]+)</span>', seed))
    assert "Vladimir Putin" in linked and "Mikhail Mishustin" in plain
    assert linked <= listed and not plain & listed, (linked, plain)
    # Each listed tag is on at least two document pages.
    pages = [p.read_text(encoding="utf-8") for p in (example_site / "articles").rglob("index.html")]
    for tag in ("Vladimir Putin", "Russia"):
        assert sum(f'class="md-tag">{tag}<' in page for page in pages) >= 2, tag


def test_feeds_list_dated_articles_with_front_matter_dates(example_site):
    import json
    import xml.etree.ElementTree as ET

    feed = json.loads((example_site / "feed_json_created.json").read_text(encoding="utf-8"))
    items = feed["items"]
    assert len(items) == 25, "every dated article, and only those"
    site = "https://example.github.io/mkdocs-summaries/"
    assert all(i["url"].startswith(site + "articles/20") for i in items)
    biden = next(i for i in items if "Joe Biden projected" in i["title"])
    assert biden["date_published"].startswith("2020-11-07")
    channel = ET.parse(example_site / "feed_rss_created.xml").getroot().find("channel")
    assert len(channel.findall("item")) == 25
    assert channel.find("image/url").text.startswith(site)


def test_about_page_links_to_working_feeds(page, site_url):
    page.goto(site_url + "about/")
    links = page.locator("article a", has_text=re.compile("^(RSS|JSON Feed)$"))
    assert links.count() == 2
    for i in range(2):
        href = links.nth(i).evaluate("a => a.href")
        response = page.request.get(href)
        assert response.status == 200, href
        assert "Joe Biden projected US president-elect" in response.text()


@pytest.fixture(scope="session")
def interview_site(tmp_path_factory) -> Path:
    """A small site whose one document is an interview written for this test."""
    from .sites import write_site
    from .test_turns import INTERVIEW

    root = tmp_path_factory.mktemp("interview")
    write_site(root, {"2020-05-01-mayor-talks-harbour.txt": "Mayor talks harbour\n\n" + INTERVIEW})
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.mark.parametrize("device, viewport", [("desktop", DESKTOP), ("phone", PHONE)])
def test_an_interview_reads_as_a_dialogue(browser, interview_site, shots, device, viewport):
    with serve(interview_site) as url:
        context = browser.new_context(viewport=viewport, color_scheme="light")
        page = context.new_page()
        blocked = block_external(page, url)
        page.goto(url + "articles/2020/05/mayor-talks-harbour/")
        page.wait_for_load_state("networkidle")
        questions = page.locator(".summaries-turn.summaries-question")
        assert questions.count() >= 2 and questions.first.is_visible()
        # Speakers are set in small capitals: compare without case.
        speakers = {s.casefold() for s in page.locator(".summaries-speaker").all_inner_texts()}
        assert {"wikinews", "mara lind"} <= speakers, speakers
        text = page.locator("article").inner_text()
        assert "((" not in text
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        page.screenshot(path=str(shots / f"interview-{device}.png"), full_page=True)
        context.close()
    assert overflow <= 1, f"the interview is {overflow}px wider than a {device} screen"
    # The test site keeps Material's default web font (the example site turns it off).
    assert not [u for u in blocked if not u.startswith("https://fonts.googleapis.com/")]


# A place and an organization of the example site, each named in several documents.
ENTITY_PAGES = [
    ("place", "places/texas/", "Texas", "Donald Trump"),
    ("organization", "organizations/cnn/", "CNN", "Emmerson Mnangagwa"),
]


@pytest.mark.parametrize("kind, path, name, person", ENTITY_PAGES)
@pytest.mark.parametrize("device, viewport", [("desktop", DESKTOP), ("phone", PHONE)])
def test_a_place_or_organization_page_lists_its_documents_people_and_feed(
    browser, site_url, shots, kind, path, name, person, device, viewport
):
    context = browser.new_context(viewport=viewport, color_scheme="light")
    page = context.new_page()
    blocked = block_external(page, site_url)
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    article = page.locator("article")
    assert article.locator("h1").inner_text().strip().rstrip("¶").strip() == name
    named = re.search(r"Named in (\d+) documents", article.inner_text())
    assert named, article.inner_text()[:300]
    # Its documents, newest first, each with its date and summary, as many as it says.
    rows = article.locator("ul.summaries-listing > li")
    dates = [rows.nth(i).locator("time").get_attribute("datetime") for i in range(rows.count())]
    assert len(dates) == int(named.group(1)) >= 3
    assert dates == sorted(dates, reverse=True) and len(set(dates)) == len(dates), dates
    assert all(len(t) > 80 for t in article.locator(".summaries-listing-summary").all_inner_texts())
    # The people who appear with it, each linked to a page of theirs.
    people = article.locator("ul.summaries-people a")
    assert person in people.all_inner_texts()
    href = people.filter(has_text=person).first.evaluate("a => a.href")
    response = page.request.get(href)
    assert response.ok and person in response.text()
    # Its feed, newest first too.
    rss = article.locator("p.summaries-feeds a", has_text="RSS").evaluate("a => a.href")
    feed = page.request.get(rss)
    newest = rows.first.locator("a.summaries-listing-title").inner_text()
    assert feed.ok and "<rss" in feed.text() and html.escape(newest, quote=False) in feed.text()
    assert "((" not in article.inner_text()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    page.screenshot(path=str(shots / f"{kind}-{device}.png"), full_page=True)
    # The newest document names it and links back to this page.
    rows.first.locator("a.summaries-listing-title").click()
    page.locator(".summaries-summary").wait_for()
    back = page.locator(f'article a[href$="{path}"]', has_text=name)
    assert back.count() >= 1, f"{page.url} does not link {path}"
    back.first.click()
    page.wait_for_url(re.compile(re.escape(path) + "$"))
    context.close()
    assert overflow <= 1, f"the {kind} page is {overflow}px wider than a {device} screen"
    assert not blocked


def _raw_marks(site: Path) -> list[str]:
    """Every built page, feed, search index and llms text of ``site`` that shows a speaker
    mark's "((" (scripts and styles aside; ``_sources/`` holds the source files as written)."""
    found = []
    for file in sorted(site.rglob("*")):
        if file.suffix not in (".html", ".xml", ".json", ".txt") or "_sources" in file.parts:
            continue
        text = file.read_text(encoding="utf-8")
        if file.suffix == ".html":
            text = re.sub(r"<(script|style)\b.*?</\1>", "", text, flags=re.S | re.I)
        text = html.unescape(text)
        if "((" in text:
            at = text.index("((")
            found.append(f"{file.relative_to(site)}: {text[max(0, at - 40) : at + 40]!r}")
    return found


def test_no_raw_speaker_marks_on_any_page(example_site, interview_site):
    from .test_turns import INTERVIEW

    pages = list(example_site.rglob("*.html"))
    assert len(pages) > 100
    assert _raw_marks(example_site) == []
    # The interview site's source is full of marks; none reaches a page, a feed or the index.
    assert INTERVIEW.count("((") >= 4 and (interview_site / "search").is_dir()
    assert len(list(interview_site.rglob("*.html"))) >= 5
    assert _raw_marks(interview_site) == []
