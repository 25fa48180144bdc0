"""The opt-in Find page (`search: pagefind`) in a real browser: the example site built with a
real Pagefind index, read in Debian's Chromium. Filters narrow, the order sorts by date,
the index arrives in chunks, and Material's own search stays in the header."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from .browser import DESKTOP, PHONE, block_external, serve
from .conftest import ROOT, mkdocs_build

pytestmark = pytest.mark.slow
pytest.importorskip("pagefind", reason="search: pagefind needs pip install 'pagefind[bin]'")


@pytest.fixture(scope="module")
def find_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("find")
    for name in ("mkdocs.yml", "docs", "seeds"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, root / name)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      sources: seeds\n" in text
    config.write_text(
        text.replace("      sources: seeds\n", "      sources: seeds\n      search: pagefind\n"),
        encoding="utf-8",
    )
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def find_url(find_site):
    with serve(find_site) as url:
        yield url


def _open(browser, url: str, viewport: dict):  # noqa: ANN001, ANN202
    context = browser.new_context(viewport=viewport, color_scheme="light")
    page = context.new_page()
    page.blocked = block_external(page, url)
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.fetched = []
    page.on("requestfinished", lambda r: page.fetched.append(r.url))
    page.goto(url + "find/")
    page.wait_for_function(
        "document.getElementById('summaries-find').dataset.ready === 'yes'", timeout=20_000
    )
    return context, page


def _done(page) -> int:  # noqa: ANN001
    return int(page.locator("#summaries-find").get_attribute("data-done") or 0)


def _results(page, done_before: int) -> tuple[int, list[tuple[str, str]]]:  # noqa: ANN001
    """(documents found, [(title, date)]) once a search after ``done_before`` finished and
    the typing has settled."""
    page.wait_for_function(
        "([n]) => Number(document.getElementById('summaries-find').dataset.done || 0) > n",
        arg=[done_before],
        timeout=10_000,
    )
    page.wait_for_timeout(400)  # a later debounced search, if any, finishes too
    status = page.locator(".summaries-find-status").inner_text()
    match = re.match(r"(\d+) documents?", status)
    assert match, status
    items = page.locator(".summaries-find-results > li")
    rows = []
    for i in range(items.count()):
        item = items.nth(i)
        date = item.locator("time")
        rows.append(
            (
                item.locator("a").first.inner_text(),
                date.inner_text() if date.count() else "",
            )
        )
    return int(match.group(1)), rows


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_filter_narrows_the_documents_found(browser, find_url, viewport):
    context, page = _open(browser, find_url, viewport)
    try:
        before = _done(page)
        page.locator(".summaries-find-query").fill("Trump")
        found, rows = _results(page, before)
        assert found >= 4 and len(rows) == min(found, 20)
        before = _done(page)
        page.locator("select[name=year]").select_option("2019")
        in_2019, rows = _results(page, before)
        assert 0 < in_2019 < found
        assert all(date.endswith("2019") for _, date in rows), rows
        # A person narrows further: only the documents naming them.
        before = _done(page)
        page.locator("input[name=person]").fill("Bill de Blasio")
        with_him, rows = _results(page, before)
        assert with_him == 1 and "de Blasio" in rows[0][0], rows
        # The header's search is still Material's.
        assert page.locator("input.md-search__input").count() == 1
        assert not page.errors and not page.blocked
    finally:
        context.close()


def test_the_order_sorts_by_publication_date(browser, find_url):
    context, page = _open(browser, find_url, DESKTOP)
    try:
        before = _done(page)
        page.locator(".summaries-find-query").fill("President")
        found, _ = _results(page, before)
        assert found >= 5

        def dates(order: str) -> list[dt.date]:
            before = _done(page)
            page.locator("select[name=sort]").select_option(order)
            _, rows = _results(page, before)
            return [dt.datetime.strptime(d, "%B %d, %Y").date() for _, d in rows if d]

        oldest = dates("asc")
        assert len(oldest) >= 5 and oldest == sorted(oldest), oldest
        newest = dates("desc")
        assert newest == sorted(newest, reverse=True), newest
        assert newest[0] > oldest[0]
    finally:
        context.close()


def test_a_search_loads_the_index_in_chunks(browser, find_url, find_site):
    context, page = _open(browser, find_url, DESKTOP)
    try:
        before = _done(page)
        page.locator(".summaries-find-query").fill("Biden")
        found, rows = _results(page, before)
        assert found >= 1 and any("Biden" in title for title, _ in rows)
        fetched = [u for u in page.fetched if "/pagefind/" in u]
        # The names behind the person, place and organization boxes come when one is used.
        assert not [u for u in fetched if "/filter/" in u], fetched
        assert page.locator("#summaries-find-person option").count() == 0
        page.locator("input[name=person]").focus()
        page.wait_for_function("document.getElementById('summaries-find').dataset.names")
        assert page.locator("#summaries-find-person option[value='Joe Biden']").count() == 1
        fragments = list((find_site / "pagefind" / "fragment").iterdir())
        fetched_fragments = [u for u in fetched if "/fragment/" in u]
        assert 0 < len(fetched_fragments) < len(fragments), (len(fetched_fragments), len(fragments))
        # Only document pages are indexed: no listing, person or timeline page.
        entry = (find_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8")
        assert '"page_count":26' in entry.replace(" ", ""), entry
    finally:
        context.close()


def test_results_come_a_page_at_a_time(browser, find_url):
    context, page = _open(browser, find_url, DESKTOP)
    try:
        years = page.locator("select[name=year] option").all_inner_texts()
        assert years[0] == "Any year" and re.fullmatch(r"\d{4} \(\d+\)", years[1]), years
        before = _done(page)
        page.locator("select[name=sort]").select_option("desc")
        found, rows = _results(page, before)
        assert found == 26 and len(rows) == 20
        assert "the first 20 shown" in page.locator(".summaries-find-status").inner_text()
        before = _done(page)
        page.locator(".summaries-find-more").click()
        found, rows = _results(page, before)
        assert found == 26 and len(rows) == 26 and len({t for t, _ in rows}) == 26
        assert page.locator(".summaries-find-more").is_hidden()
        assert not page.errors
    finally:
        context.close()
