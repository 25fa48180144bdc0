"""Property-based tests: arbitrary text and front matter through the real pipeline."""

from __future__ import annotations

from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from generator.analysis import Settings, analyze
from generator.build import make_record
from generator.documents import Source, split_front_matter
from generator.pages import SiteOptions, SiteRenderer, front_matter, markup_text, paragraphs
from generator.passthrough import one_line
from generator.record import Mention

# Text that looks like markup of every kind we must not let through.
TRICKY = st.sampled_from(
    [
        "<script>",
        "</p>",
        "<img src=x onerror=alert(1)>",
        "{{ x }}",
        "{% if %}",
        "---",
        "# ",
        "[a](javascript:x)",
        "&amp;",
        '"',
        "'",
        ":",
        "\n",
        "\n\n",
        "`",
        "*",
        "|",
        "<!--",
        "\r",
    ]
)
TEXT = st.lists(st.one_of(st.text(min_size=1, max_size=12), TRICKY), max_size=30).map("".join)


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.data: list[str] = []
        self.tags: set[str] = set()
        self.attrs: set[str] = set()

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        self.tags.add(tag)
        self.attrs.update(name for name, _ in attrs)

    def handle_data(self, data):  # noqa: ANN001
        self.data.append(data)


def _spans(text: str) -> st.SearchStrategy[list[Mention]]:
    n = len(text)
    point = st.integers(0, n)
    return st.lists(st.tuples(point, point), max_size=4).map(
        lambda pairs: [Mention(min(a, b), max(a, b)) for a, b in pairs if a != b]
    )


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_markup_escapes_and_keeps_every_character(data):
    text = data.draw(TEXT)
    marks = sorted({m for m in data.draw(_spans(text))}, key=lambda m: m.start)
    # Marks are sentences: they do not overlap.
    sentences, end = [], -1
    for m in marks:
        if m.start >= end:
            sentences.append(m)
            end = m.end
    links = [(m, "../p/") for m in data.draw(_spans(text))]
    html = str(markup_text(text, sentences, links))
    parser = _Collect()
    parser.feed(html)
    assert parser.tags <= {"p", "mark", "a"}
    assert parser.attrs <= {"class", "title", "href"}
    expected = "".join(text[a:b] for a, b in paragraphs(text))
    assert "".join(parser.data) == expected


@settings(max_examples=200, deadline=None)
@given(
    title=st.one_of(TEXT, st.just("a\x85b")),
    description=st.one_of(TEXT, st.just("\x85")),
    names=st.lists(TEXT, max_size=4),
)
def test_front_matter_round_trips_through_yaml(title, description, names):
    meta = {"title": title, "description": description, "tags": names, "participants": names}
    block = front_matter(meta)
    assert block.startswith("---\n") and block.endswith("---\n\n")
    loaded = yaml.safe_load(block[4:-5])
    # Title and description are one line without control characters (a NEL, U+0085, is
    # one too): feeds are XML, and a line break in a title is never meant.
    assert unescape(loaded["title"]) == one_line(title)
    assert unescape(loaded["description"]) == one_line(description)
    assert "<" not in loaded["title"] and '"' not in loaded["title"]
    assert loaded["participants"] == [n.replace("\x85", " ") for n in names]
    assert all(t in loaded["participants"] for t in loaded["tags"])


@settings(max_examples=100, deadline=None)
@given(body=TEXT, meta=st.dictionaries(st.sampled_from(["title", "date", "tags", "x"]), TEXT))
def test_source_front_matter_never_leaks_into_the_body(body, meta):
    text = "---\n" + yaml.safe_dump(meta) + "---\n" + body
    parsed, rest, warnings = split_front_matter(text, "doc.md")
    assert rest == body
    assert parsed == meta and warnings == []


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=TEXT.filter(lambda t: any(c.isalpha() for c in t)))
def test_any_text_makes_a_safe_page(nlp, text):
    analysis = analyze(text, None, Settings())
    source = Source(path=Path("doc.txt"), rel="doc.txt", text=text)
    record = make_record(source, "doc", analysis)
    page = SiteRenderer([record], SiteOptions()).render()["articles/doc.md"]
    body, meta = get_data(page)  # MkDocs' own front matter reader
    assert "<" not in meta["title"]
    for summary in meta["summary"]:
        assert summary in " ".join(text.split())
    parser = _Collect()
    parser.feed(body)
    assert "script" not in parser.tags and "img" not in parser.tags
    assert not any(a.startswith("on") for a in parser.attrs)
    assert "{{ x }}" not in text or "{{ x }}" in "".join(parser.data)
