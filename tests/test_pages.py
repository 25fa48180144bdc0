"""Fast tests of the page renderer: hand-made records, no model, no mkdocs build."""

from __future__ import annotations

import datetime as dt
import html as html_module
import re

import markdown
import pytest

from generator.record import Analysis, DateMention, Entity, Mention, Participant, Record
from generator.site import SiteOptions, SiteRenderer, archive, charts, page_uri, relative_url
from generator.site.markup import markup_text

HOSTILE = (
    "<script>window.__xss = 1</script> {{ 7 * 7 }} {% raw %} ${x}\n"
    "# Not a heading\n"
    "---\n"
    "title: not front matter\n"
    "---\n"
    "[link](javascript:alert(1)) <img src=x onerror=alert(1)> *stars* & <!-- comment -->"
)


def hand_record(
    text: str = "Anna Berg met Carl Dahl in Oslo on March 20. They met again on March 21.",
    *,
    source: str = "talks.txt",
    slug: str = "talks",
    title: str = "Talks in Oslo",
    date: str | None = "2023-03-22",
    dates: list[tuple[str, str]] | None = None,
    people: list[tuple[str, str | None]] | None = None,
) -> Record:
    def find(needle: str) -> Mention:
        start = text.find(needle)
        assert start >= 0, needle
        return Mention(start, start + len(needle))

    sentences = [s for s in re.split(r"(?<=\.)\s+", text) if s]
    date_mentions = []
    for phrase, value in (
        dates if dates is not None else [("March 20", "XXXX-03-20"), ("March 21", "XXXX-03-21")]
    ):
        m = find(phrase)
        sentence = next(s for s in sentences if phrase in s)
        date_mentions.append(DateMention(phrase, m.start, m.end, value, sentence))
    participants = [
        Participant(name, role, [find(name)] if name in text else [])
        for name, role in (
            people if people is not None else [("Anna Berg", "Mayor"), ("Carl Dahl", None)]
        )
    ]
    analysis = Analysis(
        title=title,
        summary=[find(sentences[0])],
        dates=date_mentions,
        key_dates=list(date_mentions),
        participants=participants,
        places=[Entity("Oslo", [find("Oslo")])] if "Oslo" in text else [],
        organizations=[],
    )
    return Record(
        source=source,
        slug=slug,
        date=dt.date.fromisoformat(date) if date else None,
        text=text,
        analysis=analysis,
        summary=sentences[:1],
        tags=[p.name for p in participants],
    )


def split_page(page: str) -> tuple[dict, str]:
    """Front matter and body, parsed the way MkDocs parses a page."""
    from mkdocs.utils.meta import get_data

    assert page.startswith("---\n")
    body, meta = get_data(page)
    return meta, body


def html_of(body: str) -> str:
    """What MkDocs makes of a page body (the extensions of the example site)."""
    return markdown.markdown(
        body, extensions=["attr_list", "md_in_html", "admonition", "tables", "toc"]
    )


def _shown(html: str) -> str:
    """The text a reader sees: tags dropped, then character references read."""
    return html_module.unescape(re.sub(r"<[^>]*>", "", html))


# Escaping: document text never becomes live HTML, Markdown, Jinja or front matter.


def test_hostile_text_title_and_names_stay_text():
    record = hand_record(
        HOSTILE + " Anna Berg spoke on March 20.",
        title="<b>{{ title }}</b>",
        people=[("Anna Berg", "<i>Mayor</i> {{ role }}")],
        dates=[("March 20", "XXXX-03-20")],
    )
    pages = SiteRenderer([record], SiteOptions()).render()
    meta, body = split_page(pages[page_uri(record)])
    assert meta["source"] == "talks.txt" and "not front matter" not in str(meta.get("title"))
    assert html_module.unescape(meta["title"]) == "<b>{{ title }}</b>"
    html = html_of(body)
    shown = _shown(html)
    assert "<script>" not in html and "<script>window.__xss = 1</script>" in shown
    assert "<img" not in html and "onerror=alert(1)>" in shown
    assert "{{ 7 * 7 }}" in shown and "49" not in shown
    assert "{% raw %}" in shown
    assert not re.search(r"<h1[^>]*>\s*Not a heading", html), "a '#' line is not a heading"
    assert "<hr" not in html, "a '---' line is not a rule"
    assert 'href="javascript:' not in html
    assert "<em>stars</em>" not in html and "*stars*" in shown
    assert "<!-- comment -->" in shown
    assert "<i>Mayor</i> {{ role }}" in shown
    for uri, page in pages.items():
        if page.startswith("---\n"):
            assert "<script" not in html_of(split_page(page)[1]), uri


def test_markup_text_marks_and_links_inside_escaped_paragraphs():
    text = "A <b> B.\n\nC & D_x_."
    html = markup_text(text, [Mention(0, 8)], [(Mention(2, 5), "../p/x.md")])
    assert html == (
        '<p markdown="span"><mark class="summaries-summary-sentence" title="In the summary">A '
        "[&lt;b&gt;](../p/x.md){: .summaries-person } B.</mark></p>\n"
        "<p>C &amp; D_x_.</p>\n"
    )
    assert html_of(html) == (
        '<p><mark class="summaries-summary-sentence" title="In the summary">A '
        '<a class="summaries-person" href="../p/x.md">&lt;b&gt;</a> B.</mark></p>\n'
        "<p>C &amp; D_x_.</p>"
    )


# URLs: relative, with and without directory URLs.


@pytest.mark.parametrize(
    "use_directory_urls, from_src, to_src, expected",
    [
        (
            True,
            "articles/2023/03/talks.md",
            "participants/anna-berg.md",
            "../../../../participants/anna-berg/",
        ),
        (
            False,
            "articles/2023/03/talks.md",
            "participants/anna-berg.md",
            "../../../participants/anna-berg.html",
        ),
        (True, "index.md", "timeline.md", "timeline/"),
        (False, "index.md", "timeline.md", "timeline.html"),
        (True, "participants/anna-berg.md", "participants/index.md", "../"),
        (False, "participants/anna-berg.md", "participants/index.md", "index.html"),
        (True, "timeline.md", "index.md", "../"),
        (False, "timeline.md", "index.md", "index.html"),
    ],
)
def test_relative_url(use_directory_urls, from_src, to_src, expected):
    assert relative_url(from_src, to_src, use_directory_urls) == expected


def _targets(markdown_body: str) -> list[str]:
    """The targets of the Markdown links a page body holds (`urls.link_target`)."""
    return re.findall(r"\]\(([^)\s]+)", markdown_body)


def test_links_on_a_document_page_name_their_targets_source_files():
    """Generated links are Markdown links to the target's source file, relative to the
    linking page's folder: each builder turns them into its own URLs (tests/test_builders.py
    checks the built sites)."""
    import posixpath

    record = hand_record()
    pages = SiteRenderer([record], SiteOptions()).render()
    page = page_uri(record)
    targets = _targets(pages[page])
    person = [t for t in targets if "anna-berg" in t]
    assert person, targets
    for target in targets:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page), target.split("#")[0]))
        assert path in pages or path.startswith("_sources/"), target
    assert {posixpath.normpath(posixpath.join(posixpath.dirname(page), t)) for t in person} == {
        "participants/anna-berg.md"
    }
    html = html_of(split_page(pages[page])[1])
    assert 'class="summaries-person" href="../../../participants/anna-berg.md"' in html


# Timeline: date order, grouping, year-less dates on their own.


def test_timeline_orders_days_and_keeps_year_unknown_apart():
    first = hand_record(
        "Anna Berg arrived on March 21. Talks began on March 20. Carl Dahl left in 2019.",
        dates=[("March 21", "XXXX-03-21"), ("March 20", "XXXX-03-20"), ("2019", "2019")],
    )
    second = hand_record(
        "Anna Berg voted on 5 May 2020. Polls closed on 1 January 2020.",
        source="vote.txt",
        slug="vote",
        title="Vote",
        date="2020-05-06",
        dates=[("5 May 2020", "2020-05-05"), ("1 January 2020", "2020-01-01")],
        people=[("Anna Berg", None)],
    )
    renderer = SiteRenderer([first, second], SiteOptions())
    values = [e.value for e in renderer.events]
    assert values == ["2019", "2020-01-01", "2020-05-05", "XXXX-03-20", "XXXX-03-21"]
    _, body = split_page(renderer.timeline_page())
    html = html_of(body)
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", html)
    assert headings == ["2019", "2020", archive.UNKNOWN_YEAR]
    assert re.findall(r"<h3[^>]*>(.*?)</h3>", html) == ["January 2020", "May 2020", "March"]
    labels = re.findall(r"<time[^>]*>(.*?)</time>", html)
    assert labels.index("March 20 (year unknown)") < labels.index("March 21 (year unknown)")
    assert "2019, " not in " ".join(labels[labels.index("March 20 (year unknown)") :])
    assert "svg" in html and "Dated events per month" in html


def test_chart_counts_and_escapes():
    svg = charts.bars([("2020-01", 2), ("2020-02", 0), ("<x>", 1)], "Per <month>")
    assert svg.count("<rect") == 3 and "<x>" not in svg and "&lt;x&gt;" in svg
    assert "Per &lt;month&gt;" in svg
    ring = charts.companions("A <b>", [("B & C", 2), ("D", 1)])
    assert "&lt;b&gt;" in ring and "B &amp; C (2)" in ring and "<a " not in ring


# People.


def test_person_page_lists_roles_documents_dates_and_companions():
    first = hand_record()
    second = hand_record(
        "Anna Berg opened the bridge on 5 May 2020. Eva Falk cut the ribbon.",
        source="bridge.txt",
        slug="bridge",
        title="Bridge opens",
        date="2020-05-06",
        dates=[("5 May 2020", "2020-05-05")],
        people=[("Anna Berg", "Governor"), ("Eva Falk", None)],
    )
    renderer = SiteRenderer([first, second], SiteOptions())
    meta, body = split_page(renderer.person_page("Anna Berg"))
    assert meta["title"] == "Anna Berg"
    html = html_of(body)
    assert "Mayor" in html and "Governor" in html
    assert html.index("Talks in Oslo") < html.index("Bridge opens"), "newest document first"
    assert "May 5, 2020" in html and "March 20 (year unknown)" in html
    assert "Carl Dahl" in html and "Eva Falk" in html and "summaries-companions" in html
    index = html_of(split_page(renderer.people_index())[1])
    row = re.search(
        r"<tr>\s*<td><a [^>]*>Anna Berg</a></td>\s*<td>(.*?)</td>\s*<td>(\d+)</td>\s*</tr>", index
    )
    assert row and "Mayor" in row.group(1) and row.group(2) == "2"


def test_document_page_front_matter_and_prev_next():
    older = hand_record(source="a.txt", slug="a", title="Older", date="2023-03-01")
    newer = hand_record(source="b.txt", slug="b", title="Newer", date="2023-03-22")
    pages = SiteRenderer([older, newer], SiteOptions()).render()
    meta, body = split_page(pages[page_uri(older)])
    assert str(meta["date"]) == "2023-03-01" and meta["title"] == "Older"
    assert "Anna Berg" in meta["tags"]
    assert 'rel="next"' in html_of(body) and "Newer" in body and 'rel="prev"' not in html_of(body)
    assert "summaries-summary" in body and "Mayor" in body
    home = html_of(split_page(pages["index.md"])[1])
    assert home.index("Newer") < home.index("Older")


def test_key_dates_link_to_their_place_on_the_timeline():
    record = hand_record(
        "Anna Berg spoke on 5 May 2020. She left in 2019. She returns on March 20.",
        dates=[("5 May 2020", "2020-05-05"), ("2019", "2019"), ("March 20", "XXXX-03-20")],
    )
    renderer = SiteRenderer([record], SiteOptions())
    page = renderer.render()[page_uri(record)]
    anchors = re.findall(r"\]\(\.\./\.\./\.\./timeline\.md#([^\s)]+)", page)
    assert anchors == ["t-2020-05", "t-2019", "t-unknown-03"]
    ids = set(re.findall(r'id="([^"]+)"', renderer.timeline_page()))
    assert set(anchors) <= ids


def test_source_copies_are_text_files_without_a_doubled_extension():
    from generator.site.urls import source_copy_uri

    assert source_copy_uri(hand_record(source="news/a.txt")) == "_sources/news/a.txt"
    assert source_copy_uri(hand_record(source="b.md")) == "_sources/b.md.txt"
    # ... and no two sources share one: "dup.md" and "dup.md.txt" side by side.
    names = ["dup.md", "dup.md.txt", "dup.md.txt.txt", "dup.txt", "dup.md.md"]
    copies = [source_copy_uri(hand_record(source=n)) for n in names]
    assert len(set(copies)) == len(names) and all(c.endswith(".txt") for c in copies)


def test_home_and_articles_show_undated_documents_too():
    dated = hand_record(source="a.txt", slug="a", title="Dated one", date="2021-06-01")
    undated = hand_record(source="b.txt", slug="b", title="Undated one", date=None)
    renderer = SiteRenderer([undated, dated], SiteOptions())
    home = html_of(split_page(renderer.home_page())[1])
    assert home.index("Newest documents") < home.index("Dated one")
    assert home.index("Documents without a date") < home.index("Undated one")
    articles = html_of(split_page(renderer.articles_index())[1])
    assert re.findall(r"<h2[^>]*>(.*?)</h2>", articles) == ["2021", "Undated"]


def test_the_export_carries_every_file_its_pages_link_to(tmp_path):
    """`python -m generator pages` writes `site.export` of `site.assemble`, as the plugin
    hands MkDocs `assemble`'s files: the pages with the stylesheet and the source copies they
    link to, so the exported folder builds without the plugin."""
    import posixpath
    import urllib.parse

    from generator.pipeline.records import BuildResult
    from generator.site import assemble, export

    sources = tmp_path / "src"
    (sources / "news").mkdir(parents=True)
    (sources / "news" / "talks #1.txt").write_bytes("Talks in Oslo\n\nAnna Berg…".encode())
    record = hand_record(source="news/talks #1.txt")
    out = tmp_path / "docs"
    site = assemble(BuildResult([record]), sources, SiteOptions())
    fragment = export(site, out, config=tmp_path / "summaries.yml")
    assert fragment["extra_css"] and all((out / css).is_file() for css in fragment["extra_css"])
    copy = out / "_sources" / "news" / "talks #1.txt"
    assert copy.read_bytes() == (sources / "news" / "talks #1.txt").read_bytes()
    linked = set()
    for page in sorted(out.rglob("*.md")):
        uri = page.relative_to(out).as_posix()
        for target in _targets(page.read_text(encoding="utf-8")):
            path = urllib.parse.unquote(target.split("#")[0])
            if path:  # else an anchor of the page itself
                linked.add(posixpath.normpath(posixpath.join(posixpath.dirname(uri), path)))
    assert "_sources/news/talks #1.txt" in linked
    assert [path for path in sorted(linked) if not (out / path).is_file()] == []
