"""Property-based tests: arbitrary text and front matter through the real pipeline."""

from __future__ import annotations

import contextlib
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import markdown
import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from generator.pipeline.analysis import Settings, analyze
from generator.pipeline.records import make_record
from generator.record import Mention
from generator.site import SiteOptions, SiteRenderer
from generator.site.frontmatter import front_matter
from generator.site.markup import markup_text, paragraphs
from generator.sources import Source, split_front_matter
from generator.sources.passthrough import one_line

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


def examples(n: int) -> int:
    """``n`` examples under Hypothesis' default profile (100 examples), and as many fewer
    under a smaller one: conftest loads one of 10 for the unit tier (`-m unit`)."""
    return max(3, n * settings().max_examples // 100)


TEXT = st.lists(st.one_of(st.text(min_size=1, max_size=12), TRICKY), max_size=30).map("".join)


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.data: list[str] = []
        self.tags: set[str] = set()
        self.attrs: set[str] = set()
        self.depth = 0  # text between top-level elements is the serializer's, not the page's

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        self.tags.add(tag)
        self.attrs.update(name for name, _ in attrs)
        self.depth += 1

    def handle_endtag(self, tag):  # noqa: ANN001
        self.depth -= 1

    def handle_data(self, data):  # noqa: ANN001
        if self.depth > 0:
            self.data.append(data)


def _spans(text: str) -> st.SearchStrategy[list[Mention]]:
    n = len(text)
    point = st.integers(0, n)
    return st.lists(st.tuples(point, point), max_size=4).map(
        lambda pairs: [Mention(min(a, b), max(a, b)) for a, b in pairs if a != b]
    )


@settings(max_examples=examples(200), deadline=None)
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
    links = [(m, "../p.md") for m in data.draw(_spans(text))]
    html = markdown.markdown(
        str(markup_text(text, sentences, links)), extensions=["attr_list", "md_in_html"]
    )
    parser = _Collect()
    parser.feed(html)
    assert parser.tags <= {"p", "mark", "a"}
    assert parser.attrs <= {"class", "title", "href"}
    expected = "".join(text[a:b] for a, b in paragraphs(text))
    assert _as_markdown_reads(text="".join(parser.data)) == _as_markdown_reads(expected)


def _as_markdown_reads(text: str) -> str:
    """What Python-Markdown keeps of any page's source, raw HTML or not: line ends as "\n",
    tabs as spaces, no STX/ETX (its placeholder marks)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x02", "").replace("\x03", "")
    return re.sub(r"[ \t]+", " ", text)


@settings(max_examples=examples(200), deadline=None)
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


@settings(max_examples=examples(100), deadline=None)
@given(body=TEXT, meta=st.dictionaries(st.sampled_from(["title", "date", "tags", "x"]), TEXT))
def test_source_front_matter_never_leaks_into_the_body(body, meta):
    text = "---\n" + yaml.safe_dump(meta) + "---\n" + body
    parsed, rest, warnings = split_front_matter(text, "doc.md")
    assert rest == body
    assert parsed == meta and warnings == []


@settings(
    max_examples=examples(25),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
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
    parser.feed(markdown.markdown(body, extensions=["attr_list", "md_in_html", "admonition"]))
    assert "script" not in parser.tags and "img" not in parser.tags
    assert not any(a.startswith("on") for a in parser.attrs)
    assert "{{ x }}" not in text or "{{ x }}" in "".join(parser.data)


# --- records, archives and YAML (issue 13: rendering never fails on a value) -------------

TIMEX_VALUES = st.one_of(
    st.sampled_from(
        [
            "1999",
            "199X",
            "19XX",
            "2020-W12",
            "2020-Q1",
            "2020-SU",
            "XXXX",
            "XXXX-03",
            "XXXX-03-20",
            "PRESENT_REF",
            "PAST_REF",
            "FUTURE_REF",
            "2020-13",
            "0000",
            "",
        ]
    ),
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: d.isoformat()[:7]),
    st.dates().map(lambda d: d.isoformat()[:4]),
    st.text(max_size=12),
)
NAMES = st.one_of(TEXT, st.sampled_from(["Index", "index", "Jane\u200b Doe", "\u202eX", "-", "_"]))


@st.composite
def records(draw) -> list:
    from generator.record import Analysis, DateMention, Entity, Participant, Record

    out = []
    for i in range(draw(st.integers(0, 4))):
        text = draw(TEXT) or "x"
        n = len(text)
        span = st.tuples(st.integers(0, n), st.integers(0, n)).map(
            lambda ab: Mention(min(ab), max(ab))
        )
        values = draw(st.lists(TIMEX_VALUES, max_size=5))
        out.append(
            Record(
                source=draw(st.sampled_from(["a.txt", "index.txt", "b #?%.md", "c/d.txt"])),
                slug=draw(st.sampled_from(["a", "index", "b", "document"])) + f"-{i}",
                date=draw(st.one_of(st.none(), st.dates())),
                text=text,
                analysis=Analysis(
                    title=draw(TEXT) or "t",
                    summary=[],
                    dates=[
                        DateMention(v, m.start, m.end, v, text)
                        for v, m in [(v, draw(span)) for v in values]
                    ],
                    key_dates=[DateMention(v, 0, 0, v, draw(TEXT)) for v in values[:2]],
                    participants=[
                        Participant(name, draw(st.one_of(st.none(), TEXT)), [draw(span)])
                        for name in dict.fromkeys(draw(st.lists(NAMES, max_size=4)))
                        if name.strip()
                    ],
                    places=[Entity(draw(TEXT) or "p")],
                    organizations=[],
                ),
                summary=draw(st.lists(TEXT, max_size=2)),
                extra=draw(st.dictionaries(st.sampled_from(EXTRA_KEYS), EXTRA_VALUES, max_size=3)),
            )
        )
    return out


EXTRA_KEYS = [
    "hide",
    "search",
    "icon",
    "status",
    "author",
    "subtitle",
    "template",
    "location",
    "image",
    "rss",
    "original_url",
    "credit",
    "x<y>",
]
EXTRA_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), TEXT, st.sampled_from(["toc", "new"])),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(TEXT, inner, max_size=3)),
    max_leaves=6,
)


@settings(max_examples=examples(60), deadline=None)  # each render compiles the templates again
@given(archive=records())
def test_any_archive_renders_every_page_safely(archive):
    pages = SiteRenderer(archive, SiteOptions()).render()
    for uri in ("timeline.md", "articles/index.md", "participants/index.md"):
        assert uri in pages
    document_pages = [u for u in pages if u.startswith("articles/") and u != "articles/index.md"]
    assert len(document_pages) == len(archive)
    for page in pages.values():
        _, meta = get_data(page)
        assert meta, "the front matter reads back"
        assert "template" not in meta and "location" not in meta
        if "image" in meta:  # a path into the site's files, nothing the feed plugin fetches
            assert re.match(r"^\w[\w.@+-]*(/\w[\w.@+-]*)*$", meta["image"]), meta["image"]
        for key in ("title", "description", "author", "subtitle", "credit"):
            if isinstance(meta.get(key), str):
                assert "<" not in meta[key] and '"' not in meta[key]


@settings(max_examples=examples(300), deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab:-&*[]{}!?|>'\"#\n ,")), max_size=60))
def test_any_yaml_loads_or_is_a_yaml_error(text):
    from generator.sources import load_yaml

    with contextlib.suppress(yaml.YAMLError):  # and never any other exception
        load_yaml(text, "f.yml")


@settings(max_examples=examples(100), deadline=None)
@given(data=st.dictionaries(TEXT, EXTRA_VALUES, max_size=5))
def test_plain_yaml_round_trips_through_the_safe_loader(data):
    from generator.sources import load_yaml

    assume("\\x85" not in repr(data))  # PyYAML's own NEL folding (see site.frontmatter._no_nel)
    loaded, warnings = load_yaml(yaml.safe_dump(data, allow_unicode=True), "f.yml")
    assert loaded == data and warnings == []


@settings(max_examples=examples(150), deadline=None)
@given(meta=st.dictionaries(st.sampled_from(EXTRA_KEYS), EXTRA_VALUES, max_size=6))
# Once found by chance: `credit`, the project's own line of text, reached the front matter
# unescaped, where a theme or override that prints page.meta (MkDocs' Jinja2 does not
# autoescape) would print it as markup. Every text value of the front matter is HTML-escaped.
@example(meta={"credit": "<"})
def test_any_author_keys_give_a_closed_front_matter(meta):
    from generator.sources import passthrough

    extra, warnings, notes = passthrough.check(meta, "x.md")
    page = passthrough.page_meta(extra)
    assert set(page) <= set(passthrough.PAGE_KEYS) | {passthrough.NAMESPACE}
    assert len(warnings) + len(notes) + len(set(page) - {passthrough.NAMESPACE}) >= len(meta)
    _, loaded = get_data(front_matter(page) + "body")
    assert "<" not in yaml.safe_dump(loaded, allow_unicode=True)


def test_spaces_before_a_lone_carriage_return_make_no_line_break():
    # Found by test_markup_escapes_and_keeps_every_character: Python-Markdown reads "\r" as a
    # line end, so a tab before one was a two-space hard break (<br>) in a linked paragraph.
    text = "00000000\t\r"
    html = markdown.markdown(
        str(markup_text(text, [], [(Mention(7, 8), "../p.md")])),
        extensions=["attr_list", "md_in_html"],
    )
    assert "<br" not in html and ">0</a>" in html


# Bytes a file may hold: pieces of text in several encodings, stray and invalid bytes.
_CHUNKS = st.one_of(
    st.binary(max_size=12),
    st.sampled_from([b"\xed\xa0\x80", b"\xc0\xaf", b"\xf4\x90\x80\x80", b"\xff\xfe", b"\xef\xbb"]),
    st.sampled_from(["utf-8", "cp1252", "koi8_r", "shift_jis", "utf-16-le"]).flatmap(
        lambda enc: st.text(alphabet="aé Zürich Москва 東京 ’", max_size=12).map(
            lambda t: t.encode(enc, errors="ignore")
        )
    ),
)


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(_CHUNKS, max_size=12).map(b"".join))
def test_any_bytes_decode_or_are_named(data):
    from generator.sources import SourceError, decode

    with contextlib.suppress(SourceError):
        assert isinstance(decode(data), str)
