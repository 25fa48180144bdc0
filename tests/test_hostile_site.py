"""The issue-13 reproducers in one real `mkdocs build` (with the feed plugin), plus the
cache cases that need their own builds. Every source is written here, at test time."""

from __future__ import annotations

import http.server
import json
import os
import re
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from .conftest import mkdocs_build, write_site
from .test_hostile import _h1, _parse

pytestmark = pytest.mark.slow

LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)
BODY = "Mayor John Smith opened the new bridge in Eastfield. Mary Jones, the engineer, spoke.\n"
LONG_TXT = "r" * 246 + ".txt"
LONG_MD = "m" * 250 + ".md"
CAFE = "Café owners in Zürich met François Müller\n\nThe meeting was on Friday.\n"
ODD_NAME = "2020-01-15-report #1 ?50% off.txt"

# The feed plugin reads the front matter dates: the hostile values must reach it escaped once.
FEEDS = """\
- rss:
    use_git: false
    date_from_meta:
      as_creation: date
      as_update: date
    match_path: "articles/[0-9]{4}/[0-9]{2}/.+"
    image: https://example.org/hostile/logo.png
    use_material_blog: false
    use_material_social_cards: false
"""


def _md(front: str, body: str = BODY) -> str:
    return f"---\n{front.strip()}\n---\n{body}"


def _sources(port: int) -> dict[str, str | bytes]:
    return {
        "2020-01-10-keys.md": _md(
            "hide: 1\nsearch: 1\nrss: 5\nimage: 5\ntemplate: nope.html\nicon: material/nope\n"
            "status: 1\nsubtitle: [1]\nauthor: {a: 1}"
        ),
        "2020-01-11-xss-keys.md": _md(
            "author: '\"><script>window.__xss = 11</script>'\n"
            "subtitle: '<img src=x onerror=\"window.__xss = 12\">'\n"
            "status: '\"><script>window.__xss = 13</script>'\n"
            "template: redirect.html\n"
            "location: 'javascript:window.__xss = 14'\n"
            "original_url: 'javascript:window.__xss = 15'\n"
            "credit: '<script>window.__xss = 16</script>'\n"
            "notes: '<script>window.__xss = 17</script>'"
        ),
        "2020-01-12-sibling.txt": "Sibling page\n\n" + BODY,
        "2020-01-13-qa.md": _md(
            'title: "Q&A \\a <b>session</b> \\u202e"\n'
            "author: 'Smith & <Jones>'\n"
            "tags: [AT&T, '<b>bold</b>']\n"
            'participants: ["Jane\\u200b Doe", "Index"]'
        ),
        "2020-01-14-jane.txt": "Jane Doe\n\nReporter Jane Doe met the mayor, Jane Doe said.\n",
        ODD_NAME: "Odd name\n\n" + BODY,
        "2020-01-16-dup.md": _md("title: First title\ntitle: Second title"),
        "2020-01-17-recursive.md": _md("title: Recursive\nx: &x [*x]"),
        "2020-01-18-laughs.txt": "Laughs\n\n" + BODY,
        "2020-01-18-laughs.meta.yml": LAUGHS,
        "2020-01-19-probe.txt": "Probe\n\n" + BODY,
        "2020-01-19-probe.meta.yml": f"image: http://127.0.0.1:{port}/probe.png\n",
        "2020-01-20-passwd.txt": "Passwd\n\n" + BODY,
        "2020-01-20-passwd.meta.yml": "image: ../../../../../../../../etc/passwd\n",
        "2020-01-21-bad-date.md": _md("title: Bad date\ndate: 2020-02-30"),
        "2020-01-22-nullsum.md": _md("summary: [null]"),
        "2020-01-23-control.txt": "Budget \x07vote\x1b\n\n" + BODY * 3,
        "index.txt": "Undated index\n\n" + BODY,
        # A line of attribute-list syntax in a paragraph would be that paragraph's attributes.
        "2020-01-24-attrs.txt": (
            "Attribute lines\n\n" + BODY + "\nA note.\n{: onclick=\"window.__xss = 18\" }\n\n"
            "Another note.\n{: #main onmouseover=window.__xss=19 style=position:fixed }\n"
        ),
        LONG_TXT: "Long text name\n\n" + BODY,
        LONG_MD: BODY,
        "cafe.txt": CAFE.encode("cp1252"),
        "folder/inner.txt": "Inner\n\n" + BODY,
        # Dates at the calendar's ends: "yesterday" and "tomorrow" fall off it.
        "ancient.md": _md("date: 0001-01-01", "Yesterday " + BODY),
        "future.md": _md("date: 9999-12-31", "Tomorrow " + BODY),
        # A source copy per source, though "twin.md" is copied as "twin.md.txt".
        "twin.md": _md("title: Twin in Markdown"),
        "twin.md.txt": "Twin in text\n\n" + BODY,
        # A name the file system keeps as bytes that are not UTF-8.
        os.fsdecode(b"2020-01-25-bad\xff\xfename.txt"): "Bad bytes\n\n" + BODY,
        "aliases.yml": LAUGHS,
        ".hidden.txt": "A hidden draft.\n",
    }


class _Counter(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802
        _Counter.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Length", "4")
        self.end_headers()
        self.wfile.write(b"\x89PNG")

    do_HEAD = do_GET  # noqa: N815

    def log_message(self, *args):  # noqa: ANN002
        pass


@pytest.fixture(scope="module")
def probe_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()


@pytest.fixture(scope="module")
def hostile2(tmp_path_factory, probe_server):
    root = tmp_path_factory.mktemp("hostile2")
    write_site(
        root,
        _sources(probe_server),
        site_name="Hostile site",
        site_url="https://example.org/hostile/",
        plugins=FEEDS,
    )
    src = root / "sources"
    os.symlink(src / "2020-01-12-sibling.txt", src / "again.txt")
    os.symlink(src / ".hidden.txt", src / "visible.txt")
    os.symlink(src / "folder", src / "linked-folder")
    os.mkfifo(src / "pipe.txt")
    result = mkdocs_build(root)
    return root, result


def _page(root: Path, rel: str) -> Path:
    return root / "site" / rel / "index.html"


def test_the_site_builds_and_names_every_bad_value(hostile2):
    root, result = hostile2
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    log = result.stderr
    for key in ("hide", "search", "icon", "status", "subtitle", "author", "rss", "image"):
        assert re.search(rf"2020-01-10-keys\.md: '{key}: .*' dropped", log), key
    assert "2020-01-10-keys.md: 'template' is not passed to the page" in log
    for name in ("2020-01-19-probe", "2020-01-20-passwd"):
        assert re.search(rf"{name}\S*: 'image: .*' dropped \(", log), name
    for key in ("template", "location"):
        assert f"2020-01-11-xss-keys.md: '{key}' is not passed to the page" in log, key
    assert "2020-01-11-xss-keys.md: 'original_url: " in log
    assert "2020-01-16-dup.md: front matter: duplicate key 'title' (line 2)" in log
    assert "2020-01-17-recursive.md:1: front matter refused (a recursive alias" in log
    assert "laughs.txt: sidecar 2020-01-18-laughs.meta.yml is refused (its aliases" in log
    assert "aliases.yml: is refused (its aliases expand to more than" in log
    bad_date = "2020-01-21-bad-date.md: front matter: '2020-02-30' (line 2) cannot be read as"
    assert bad_date in log
    assert "2020-01-21-bad-date.md:3: 'date: 2020-02-30' is not a date; ignored" in log
    assert "Skipped again.txt: symbolic link to 2020-01-12-sibling.txt" in log
    assert "Skipped visible.txt: symbolic link to a hidden file" in log
    assert "Skipped linked-folder: symbolic link to a folder" in log
    assert "Skipped pipe.txt: not a regular file" in log
    assert "Skipped 2020-01-25-bad\\xff\\xfename.txt: its name is not UTF-8 text" in log


def test_every_document_is_published_once(hostile2):
    root, _ = hostile2
    articles = root / "site" / "articles"
    pages = sorted(p.parent.relative_to(articles).as_posix() for p in articles.rglob("index.html"))
    expected_dated = [
        "keys",
        "xss-keys",
        "sibling",
        "qa",
        "jane",
        "report-1-50-off",
        "dup",
        "recursive",
        "laughs",
        "probe",
        "passwd",
        "nullsum",
        "control",
        "bad-date",
        "attrs",
    ]
    for slug in expected_dated:
        assert f"2020/01/{slug}" in pages, slug
    for slug in ("index-2", "r" * 80, "m" * 80, "cafe", "inner"):
        assert slug in pages, slug
    assert "." in pages  # the Articles index is still there
    for slug in ("0001/01/ancient", "9999/12/future", "twin", "twin-md"):
        assert slug in pages, slug
    assert len(pages) == len(expected_dated) + 9 + 1
    copies = {
        (root / "site" / "_sources" / name).read_text(): name
        for name in ("twin.md.txt", "twin.md.txt.txt")
    }
    assert len(copies) == 2 and all(text.endswith(BODY) for text in copies)
    articles_index = _parse(articles / "index.html")
    assert "Undated index" in "".join(articles_index.text)
    assert "Articles" in (articles / "index.html").read_text().split("<title>")[1]


def html_unescape_braces(html: str) -> str:
    return html.replace("&#123;", "{").replace("&#125;", "}")


def test_no_key_injection_reaches_the_html(hostile2):
    root, _ = hostile2
    for path in (root / "site").rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        parsed = _parse(path)
        assert not [s for s in parsed.scripts if "__xss" in s], path
        assert not parsed.handlers, (path, parsed.handlers)
        assert "http-equiv" not in html.lower() or "refresh" not in html.lower(), path
        for bad in ("<script>window.__xss", '<img src=x onerror="window'):
            assert bad not in html, (path, bad)
    attrs = _page(root, "articles/2020/01/attrs").read_text(encoding="utf-8")
    assert "{: onclick=&#34;window.__xss = 18&#34; }" in html_unescape_braces(attrs)
    assert 'id="main"' not in attrs and 'style="position' not in attrs
    page = _page(root, "articles/2020/01/xss-keys").read_text(encoding="utf-8")
    assert '<meta name="author" content="&quot;&gt;&lt;script&gt;' in page
    assert "md-status--" not in page and "redirect" not in page.split("<body")[0]


def test_people_index_titles_and_names(hostile2):
    root, _ = hostile2
    people = _page(root, "participants").read_text(encoding="utf-8")
    assert "<title>People" in people
    # "Index" is a person, not the people index; "Jane\u200b Doe" is the Jane Doe of jane.txt.
    assert _documents_of(root, "index-2") == {"2020/01/qa"}
    assert _documents_of(root, "jane-doe") == {"2020/01/jane", "2020/01/qa"}
    assert not _page(root, "participants/jane-doe-2").exists()
    qa = _page(root, "articles/2020/01/qa").read_text(encoding="utf-8")
    assert "\u202e" not in qa and "\u200b" not in qa and "\x07" not in qa
    assert "Q&amp;A &lt;b&gt;session&lt;/b&gt;" in qa


def _documents_of(root: Path, person: str) -> set[str]:
    """The document pages a person's page links to (as ``2020/01/slug``)."""
    html = _page(root, f"participants/{person}").read_text(encoding="utf-8")
    return set(re.findall(r'href="\.\./\.\./articles/([^"#]+)/"', html))


def test_tags_with_ampersands_are_kept(hostile2):
    root, _ = hostile2
    index = json.loads((root / "site" / "search" / "search_index.json").read_text())
    tags = {t for d in index["docs"] for t in d.get("tags", [])}
    assert "AT&T" in tags
    assert not any("<" in t for t in tags)
    log = hostile2[1].stderr
    assert "2020-01-13-qa.md: tag '<b>bold</b>' is not given to the tags plugin" in log


def test_odd_file_names_link_to_their_source(hostile2):
    root, _ = hostile2
    page = _page(root, "articles/2020/01/report-1-50-off")
    hrefs = re.findall(r'href="([^"]*_sources[^"]*)"', page.read_text(encoding="utf-8"))
    assert hrefs and "%23" in hrefs[0] and "%3F" in hrefs[0] and "%25" in hrefs[0]
    from urllib.parse import unquote

    target = (page.parent / unquote(hrefs[0])).resolve()
    assert target.name == ODD_NAME
    assert target.read_bytes() == (root / "sources" / ODD_NAME).read_bytes()
    copies = [p.name for p in (root / "site" / "_sources").iterdir()]
    assert any(n.startswith("m" * 200) and len(n.encode()) <= 255 for n in copies)
    assert LONG_TXT in copies


def test_summary_null_and_encodings(hostile2):
    root, _ = hostile2
    html = _page(root, "articles/2020/01/nullsum").read_text(encoding="utf-8")
    summary = html.split('summaries-summary">', 1)[1].split("</div>", 1)[0]
    assert "None" not in summary and "John Smith" in summary
    cafe = "".join(_parse(_page(root, "articles/cafe")).text)
    assert "Café owners in Zürich met François Müller" in cafe


def test_feeds_are_valid_escaped_once_and_probe_nothing(hostile2, probe_server):
    root, _ = hostile2
    assert _Counter.hits == [], "the build sent a request for a document's image"
    rss = (root / "site" / "feed_rss_created.xml").read_text(encoding="utf-8")
    items = {i.findtext("link"): i for i in ET.fromstring(rss).iter("item")}
    qa = next(i for link, i in items.items() if link.endswith("/qa/"))
    assert qa.findtext("title") == "Q&A <b>session</b>"
    assert qa.findtext("author") == "Smith & <Jones>"
    control = next(i for link, i in items.items() if link.endswith("/control/"))
    assert control.findtext("title") == "Budget vote"
    assert str(Path("/etc/passwd").stat().st_size) not in rss
    assert "127.0.0.1" not in rss and "enclosure" not in rss
    feed = json.loads((root / "site" / "feed_json_created.json").read_text(encoding="utf-8"))
    titles = [item["title"] for item in feed["items"]]
    assert "Q&A <b>session</b>" in titles
    assert not any("&amp;" in t for t in titles)


def test_no_script_runs_in_a_real_browser(hostile2, browser):
    from .browser import visit_every_page

    root, _ = hostile2
    with visit_every_page(browser, root / "site") as visit:
        assert len(visit.pages) > 20


# --- builds of their own -------------------------------------------------------------------


def test_a_bare_year_in_an_undated_archive_builds(tmp_path):
    text = "The company was founded in 1999 by John Smith. It was sold on 5 May 2005.\n"
    root = write_site(tmp_path, {"founded.txt": text})
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    timeline = _page(root, "timeline").read_text(encoding="utf-8")
    assert "1999" in timeline and "Dated events per month" in timeline


def test_a_declared_encoding_publishes_short_legacy_texts(tmp_path):
    text = "Мэр Иван Петров открыл новый мост в Москве в понедельник."
    sources = {"2020-05-04-most.txt": ("Новый мост\n\n" + text).encode("koi8_r")}
    root = write_site(tmp_path, sources, plugin="encoding: KOI8-R")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    page = (root / "site" / "articles" / "2020" / "05" / "most" / "index.html").read_text("utf-8")
    assert "Новый мост" in page and "Иван Петров" in page
    (root / "mkdocs.yml").write_text(
        (root / "mkdocs.yml").read_text("utf-8").replace("KOI8-R", "klingon"), "utf-8"
    )
    result = mkdocs_build(root)
    assert result.returncode != 0 and "unknown encoding 'klingon'" in result.stderr


def test_a_cache_folder_that_is_a_file_costs_only_time(tmp_path):
    root = write_site(tmp_path, {"a.txt": "Bridge\n\n" + BODY}, plugin="cache_dir: blocker")
    (root / "blocker").write_text("a file, not a folder")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    assert "cannot be written" in result.stderr and "building without it" in result.stderr
    page = _page(root, "articles/a")
    assert _h1(page) == "Bridge" and "Mayor John Smith opened" in "".join(_parse(page).text)


def test_a_page_cache_without_pages_is_not_an_empty_site(tmp_path):
    root = write_site(tmp_path, {"a.txt": "Bridge\n\n" + BODY})
    assert mkdocs_build(root).returncode == 0
    built = _page(root, "articles/a").read_bytes()
    cache = root / ".cache" / "summaries" / "pages.cache"
    key = json.loads(cache.read_text())["key"]
    for content in (json.dumps({"key": key, "pages": {}}), "[]"):
        cache.write_text(content)
        (root / "site" / "articles" / "a" / "index.html").unlink()
        result = mkdocs_build(root)
        assert result.returncode == 0, result.stderr
        assert _page(root, "articles/a").read_bytes() == built, content
        if content != "[]":
            assert "holds no whole site" in result.stderr


def test_mkdocs_serve_rebuilds_after_an_edit_that_used_to_crash(tmp_path):
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    from .sites import child_env

    root = write_site(tmp_path, {"news.txt": "Bridge news\n\n" + BODY})
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "--no-strict"],
        cwd=root,
        env=child_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )

    def page(path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/test/{path}", timeout=5) as r:
            return r.read().decode("utf-8")

    def wait_for(path: str, words: str, seconds: float = 90) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                html = page(path)
                if words in html:
                    return html
            except OSError:
                pass
            time.sleep(0.5)
        raise AssertionError(f"{path} never showed {words!r}")

    try:
        wait_for("articles/news/", "Bridge news")
        # A bare year in an archive with no publication date stopped every build before.
        (root / "sources" / "news.txt").write_text(
            "Company history\n\nThe company was founded in 1999 by John Smith. "
            "It was sold on 5 May 2005.\n"
        )
        wait_for("articles/news/", "Company history")
        assert "1999" in wait_for("timeline/", "Dated events per month")
        (root / "sources" / "keys.md").write_text(_md("hide: 1\nsearch: 1\nicon: material/nope"))
        wait_for("articles/keys/", "Mary Jones")
    finally:
        server.terminate()
        _, log = server.communicate(timeout=30)
    assert "Traceback" not in log and "Aborted" not in log, log
    assert "'hide: 1' dropped" in log


# --- the feeds: images, the feed plugin's keys, authors escaped for each format ----------

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 115  # 123 bytes


@pytest.fixture(scope="module")
def feeds(tmp_path_factory):
    root = tmp_path_factory.mktemp("feeds")
    write_site(
        root,
        {
            "2020-02-01-authors.md": _md(
                "title: Q&A\nauthor: 'A & B <x>'\nauthors: ['C & D', '<E>']",
                "Smith & <Jones> agreed on Monday. " + BODY,
            ),
            "2020-02-02-cover.txt": "Cover\n\n" + BODY,
            "2020-02-02-cover.meta.yml": "image: images/cover.png\n",
            "2020-02-03-missing.txt": "Missing\n\n" + BODY,
            "2020-02-03-missing.meta.yml": "image: images/nope.png\n",
            "2020-02-04-remote.txt": "Remote\n\n" + BODY,
            "2020-02-04-remote.meta.yml": "image: https://example.org/cover.png\n",
            # a file beside the source, not in docs/: its size must not reach the feed
            "2020-02-05-beside.txt": "Beside\n\n" + BODY,
            "2020-02-05-beside.meta.yml": "illustration: secret.png\n",
            "secret.png": PNG + b"\0" * 654,  # 777 bytes
            "2020-02-06-described.md": _md(
                "rss:\n  feed_description: 'A & B <i>x</i>'\nsocial: {cards: false}"
            ),
            "2020-02-07-extra.md": _md("rss: {feed_description: ok, feed_title: nope}"),
            "2020-02-08-tagged.md": _md("tags: [AT&T, R&D]"),
        },
        site_name="Feeds",
        site_url="https://example.org/hostile/",
        plugins=FEEDS.replace("use_git: false\n", "use_git: false\n    categories: [tags]\n"),
    )
    assert "categories: [tags]" in (root / "mkdocs.yml").read_text()
    (root / "docs" / "images").mkdir(parents=True)
    (root / "docs" / "images" / "cover.png").write_bytes(PNG)
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    rss = ET.fromstring((site / "feed_rss_created.xml").read_text(encoding="utf-8"))
    items = {i.findtext("link").rstrip("/").rsplit("/", 1)[-1]: i for i in rss.iter("item")}
    feed = json.loads((site / "feed_json_created.json").read_text(encoding="utf-8"))
    entries = {e["url"].rstrip("/").rsplit("/", 1)[-1]: e for e in feed["items"]}
    return result, items, entries


def test_an_author_is_text_in_both_feeds(feeds):
    _, items, entries = feeds
    rss_authors = [a.text for a in items["authors"].findall("author")]
    json_authors = [a["name"] for a in entries["authors"]["authors"]]
    # one of `author` / `authors` (the feed plugin reads `author` first)
    assert rss_authors == ["A & B <x>"]
    assert json_authors == ["A & B <x>"]
    assert entries["authors"]["title"] == "Q&A" and items["authors"].findtext("title") == "Q&A"


def test_a_description_is_html_in_both_feeds(feeds):
    """RSS <description> and JSON content_html are HTML: the text escaped once for HTML
    (and, in the RSS, once more for XML), never markup of its own."""
    _, items, entries = feeds
    assert "Smith &amp; &lt;Jones&gt;" in items["authors"].findtext("description")
    assert "Smith &amp; &lt;Jones&gt;" in entries["authors"]["content_html"]
    assert "<Jones>" not in entries["authors"]["content_html"]
    described = "A &amp; B &lt;i&gt;x&lt;/i&gt;"
    assert items["described"].findtext("description") == described
    assert entries["described"]["content_html"] == described


def test_feed_images_are_the_sites_own_files_only(feeds):
    result, items, entries = feeds
    enclosure = items["cover"].find("enclosure")
    assert enclosure is not None
    assert enclosure.get("url") == "https://example.org/hostile/images/cover.png"
    assert enclosure.get("length") == "123" and enclosure.get("type") == "image/png"
    assert entries["cover"]["image"] == "https://example.org/hostile/images/cover.png"
    for name in ("missing", "remote", "beside"):
        assert items[name].find("enclosure") is None, name
        assert entries[name]["image"] is None, name
    log = result.stderr
    assert "2020-02-03-missing.txt: 'image: images/nope.png' is not given to the feed" in log
    assert "2020-02-04-remote.meta.yml" in log or "2020-02-04-remote" in log
    assert re.search(r"2020-02-04-remote\S*: 'image: https://example.org/cover.png' dropped", log)
    assert "2020-02-05-beside.txt: 'illustration: secret.png' is not given to the feed" in log


def test_unknown_rss_keys_are_named(feeds):
    result, items, _ = feeds
    assert re.search(r"2020-02-07-extra.md: 'rss: .*' dropped \(expected a mapping", result.stderr)
    assert items["extra"].findtext("description") != "ok"


def test_tags_are_text_in_both_feeds(feeds):
    """`categories: [tags]`: the RSS template prints categories raw; "AT&T" once escaped."""
    _, items, entries = feeds
    assert {"AT&T", "R&D"} <= {c.text for c in items["tagged"].findall("category")}
    assert {"AT&T", "R&D"} <= set(entries["tagged"]["tags"])


def test_a_feed_of_every_page_builds(tmp_path):
    # The rss plugin's own default `match_path: .*` lists generated indexes too: each
    # needs a real path (it stopped the build with a TypeError).
    write_site(
        tmp_path,
        {"2020-03-01-one.txt": "One\n\n" + BODY, "2020-03-02-two.txt": "Two\n\n" + BODY},
        site_name="Every page",
        site_url="https://example.org/every/",
        plugins=FEEDS.replace('"articles/[0-9]{4}/[0-9]{2}/.+"', '".*"'),
    )
    result = mkdocs_build(tmp_path)
    assert result.returncode == 0, result.stderr
    rss = ET.fromstring((tmp_path / "site" / "feed_rss_created.xml").read_text(encoding="utf-8"))
    links = [i.findtext("link") for i in rss.iter("item")]
    assert "https://example.org/every/articles/2020/03/one/" in links
    assert any("/people/" in link or link.endswith("/articles/") for link in links), links
