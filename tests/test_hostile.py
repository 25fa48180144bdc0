"""Hostile and broken input, built end to end with a real `mkdocs build`."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml

from generator.sources import discover, read_source

from .conftest import mkdocs_build, write_site
from .fixtures import make_hostile

FIXTURES = Path(__file__).parent / "fixtures" / "hostile"


class _Text(HTMLParser):
    """Visible text and live elements of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.scripts: list[str] = []
        self.handlers: list[tuple[str, str]] = []
        self.iframes = 0
        self._in_script = False

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        if tag == "script":
            self._in_script = True
        if tag == "iframe":
            self.iframes += 1
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.handlers.append((tag, name))

    def handle_endtag(self, tag):  # noqa: ANN001
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):  # noqa: ANN001
        (self.scripts if self._in_script else self.text).append(data)


def _parse(path: Path) -> _Text:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    write_site(root)
    shutil.rmtree(root / "sources")
    shutil.copytree(FIXTURES, root / "sources", symlinks=True)
    sentence = "The port authority reported steady traffic and the mayor praised the staff. "
    (root / "sources" / "huge.txt").write_text("Huge report\n\n" + sentence * 70_000)
    (root / "sources" / "long-line.txt").write_text("word " * 60_000)
    result = mkdocs_build(root)
    return root, result


def _h1(page: Path) -> str:
    return re.search(r"<h1[^>]*>([^<]*)", page.read_text(encoding="utf-8")).group(1).strip()


def _page(root: Path, name: str) -> Path:
    pages = [p for p in (root / "site" / "articles").rglob("index.html") if name in p.parent.name]
    assert len(pages) == 1, (name, pages)
    return pages[0]


@pytest.mark.slow
def test_hostile_folder_builds_and_names_every_skipped_file(hostile_site):
    root, result = hostile_site
    assert result.returncode == 0, result.stderr
    log = result.stderr
    for name, reason in make_hostile.SKIPPED.items():
        lines = [line for line in log.splitlines() if f"Skipped {name}:" in line]
        assert len(lines) == 1, (name, log)
        assert reason in lines[0]
    for name in make_hostile.IGNORED:
        assert name not in log
    pages = list((root / "site" / "articles").rglob("index.html"))
    # every published source, the two big ones, and the articles index
    assert len(pages) == len(make_hostile.PUBLISHED) + 2 + 1


@pytest.mark.slow
def test_nothing_outside_sources_is_published(hostile_site):
    root, _ = hostile_site
    secret = Path("/etc/passwd").read_text().splitlines()[0]
    for path in (root / "site").rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".txt", ".xml"):
            assert secret not in path.read_text(encoding="utf-8", errors="ignore"), path


@pytest.mark.slow
def test_injection_shows_literally(hostile_site):
    root, _ = hostile_site
    page = _page(root, "injection")
    parsed = _parse(page)
    assert not any("__xss" in s for s in parsed.scripts)
    assert parsed.iframes == 0
    assert not [h for h in parsed.handlers if h[0] in ("img", "svg", "a", "iframe")]
    text = "".join(parsed.text)
    for literal in (
        "<script>window.__xss = 1</script>",
        '<img src=x onerror="window.__xss = 2">',
        "[here](javascript:window.__xss=3)",
        "{{ config.site_name }}",
        "{% for x in range(3) %}",
        "# Not a heading",
        "title: hacked",
    ):
        assert literal in text, literal
    html = page.read_text(encoding="utf-8")
    assert '<h1 id="not-a-heading"' not in html
    index = json.loads((root / "site" / "search" / "search_index.json").read_text())
    entries = [d for d in index["docs"] if d["location"].startswith("articles/injection/")]
    assert entries, "the injection page is in the search index"
    for entry in entries:
        assert "owned" not in entry.get("tags", []), "a YAML-looking line became front matter"
        assert entry["title"] != "hacked"


@pytest.mark.slow
def test_quotes_colons_and_hashes_survive(hostile_site):
    root, _ = hostile_site
    text = "".join(_parse(_page(root, "good-library")).text)
    assert 'Quotes "here", colons: and # hashes' in text
    assert 'Mayor: of "Eastfield" #1' in text
    assert "Anna O'Neil" in text


@pytest.mark.slow
def test_encodings_are_read_right(hostile_site):
    root, _ = hostile_site
    for name in ("utf8-bom", "utf16-bom", "windows-1252", "mojibake"):
        text = "".join(_parse(_page(root, name)).text)
        assert "Café owners in Zürich" in text, name
        assert "Ã" not in text, name
    mixed = "".join(_parse(_page(root, "mixed-line-endings")).text)
    assert "\r" not in mixed and "Maria Lindqvist" in mixed


@pytest.mark.slow
def test_non_english_documents_say_so(hostile_site):
    root, _ = hostile_site
    for name in ("russian", "chinese"):
        text = "".join(_parse(_page(root, name)).text)
        assert "English language model found little" in text, name


@pytest.mark.slow
def test_big_files_are_bounded_and_say_so(hostile_site):
    root, _ = hostile_site
    for name, size in (("huge", "5,320,000"), ("long-line", "300,000")):
        text = "".join(_parse(_page(root, name)).text)
        assert re.search(rf"cover its first 199,99\d of {size} characters", text), name
    # A line without a sentence end gets a title cut between words, not the whole line.
    assert _h1(_page(root, "long-line")) == "word " * 15 + "word…"


@pytest.mark.slow
def test_broken_front_matter_is_named_with_its_line(hostile_site):
    root, result = hostile_site
    assert "broken-unclosed.md:1: front matter is not closed" in result.stderr
    assert re.search(r"broken-yaml\.md:\d+: front matter is not valid YAML", result.stderr)
    assert "bad-date.md:3: 'date: next Tuesday-ish' is not a date" in result.stderr
    for name in ("broken-unclosed", "broken-yaml", "bad-date"):
        assert "Mary Jones" in "".join(_parse(_page(root, name)).text)


@pytest.mark.slow
def test_colliding_and_odd_names_get_distinct_pages(hostile_site):
    root, _ = hostile_site
    articles = root / "site" / "articles"
    unicode = [p.name for p in articles.iterdir() if p.name.startswith("ünïcødé-report-新闻")]
    assert len(unicode) == 1
    pages = {
        "a-b": ("Collision one", "A b.txt"),
        "a-b-2": ("Collision two", "a-b.txt"),
        "v1-2-final-report": ("Dotted name", "v1.2.final.report.txt"),
        "2019/12/nested": ("Nested document", "nested/deeper/2019-12-31-nested.txt"),
        unicode[0]: ("Unicode name", next(FIXTURES.glob("Ünïcødé report*.txt")).name),
    }
    for slug, (title, source) in pages.items():
        page = articles / slug / "index.html"
        assert _h1(page) == title, slug
        links = re.findall(r'href="([^"]*_sources/[^"]*)"', page.read_text(encoding="utf-8"))
        assert unquote(links[0]).endswith("_sources/" + source), (slug, links[0])


def test_discover_skips_hidden_backups_and_outside_links(tmp_path):
    make_hostile.write(tmp_path)
    found = {p.relative_to(tmp_path).as_posix(): reason for p, reason in discover(tmp_path)}
    assert not make_hostile.IGNORED & set(found)
    assert found["outside-link.txt"].startswith("symbolic link to outside")
    assert found["image.png"].startswith("not a text document")
    assert found["2020-03-04-good-ferry.txt"] is None


def test_front_matter_values_win_and_round_trip(tmp_path):
    make_hostile.write(tmp_path)
    source = read_source(tmp_path / "good-library.md", tmp_path)
    assert source.title == 'Quotes "here", colons: and # hashes'
    assert str(source.date) == "2021-05-04"
    assert yaml.safe_load(yaml.safe_dump(source.meta)) == source.meta


@pytest.mark.slow
def test_no_document_content_runs_in_a_real_browser(hostile_site, browser):
    from .browser import visit_every_page

    root, _ = hostile_site
    with visit_every_page(browser, root / "site") as visit:
        assert len(visit.pages) > len(make_hostile.PUBLISHED)
        # Search results render titles and text from the index: type as a person types.
        page = visit.page
        page.goto(visit.url + "articles/injection/")
        page.locator("label.md-search__icon, .md-search__input").first.click()
        page.keyboard.type("Jane Doe", delay=20)
        page.wait_for_selector(".md-search-result__item", timeout=10_000)
        page.wait_for_timeout(500)
        assert page.evaluate("typeof window.__xss") == "undefined"
        assert visit.dialogs == []
