"""Hostile values one at a time, below `mkdocs build`: YAML, the cache, front matter keys,
encodings, symbolic links, slugs. Every file is written here, at test time."""

from __future__ import annotations

import datetime as dt
import errno
import json
import logging
import os
import re
import time
from pathlib import Path

import pytest

from generator import serialize
from generator.cache import AnalysisCache, PageCache
from generator.people.identities import clean_name
from generator.pipeline.analysis import Settings, analyze
from generator.pipeline.records import load_aliases, load_sources, make_record
from generator.record import Analysis, DateMention, Mention, Participant, Record
from generator.site import SiteOptions, SiteRenderer
from generator.site.frontmatter import front_matter
from generator.site.timeline import month_range
from generator.sources import (
    Source,
    YAMLRefused,
    decode,
    discover,
    load_yaml,
    passthrough,
    read_source,
    split_front_matter,
)
from generator.sources.slugs import unique_slugs

LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)


# --- YAML -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, words",
    [
        ("x: &x [*x]", "recursive alias"),
        ("x: &x {a: *x}", "recursive alias"),
        ("- &x [1, *x]", "recursive alias"),
        (LAUGHS, "expand to more than"),
        ("[" * 5000 + "]" * 5000, "nested more than"),
        ("[" * 1000 + "]" * 1000, "nested more than"),
        ("[" * 119 + "]" * 119, "nested more than"),
        ("a:\n" + "".join("  " * i + "- \n" for i in range(100)), "nested more than"),
        ("a: " + "x" * 2_000_000, "characters, more than"),
    ],
)
def test_yaml_bombs_are_refused_fast(text, words):
    started = time.perf_counter()
    with pytest.raises(YAMLRefused, match=words):
        load_yaml(text, "f.yml")
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize(
    ("text", "kept", "words"),
    [
        ("date: 2020-02-30\ntitle: T", {"date": "2020-02-30", "title": "T"}, "as a date"),
        ("x: !!timestamp 2020-99-99\ny: 1", {"x": "2020-99-99", "y": 1}, "as a date"),
        ("x: !!binary zz\ny: 1", {"x": "zz", "y": 1}, "cannot be read as binary data"),
        ("n: 1" + "0" * 5000 + "\ny: 1", {"n": "1" + "0" * 5000, "y": 1}, "as a number"),
        ("? [1]\n: 2\ny: 1", {"y": 1}, "a key that is a list or mapping (line 1); left out"),
        ("o: !!python/object:os.system {a: 1}\ny: 1", {"o": {"a": 1}, "y": 1}, "unknown tag"),
        ("t: !custom x\ny: 1", {"t": "x", "y": 1}, "unknown tag '!custom' (line 1)"),
        ("t: !!timestamp nope\ny: 1", {"t": "nope", "y": 1}, "as a date"),
        ("t: !!bool maybe\ny: 1", {"t": "maybe", "y": 1}, "as true/false"),
        ("x: !!str [a]\ny: 1", {"x": ["a"], "y": 1}, "a list tagged 'tag:yaml.org,2002:str'"),
        ("x: !!int {a: 1}\ny: 1", {"x": {"a": 1}, "y": 1}, "a mapping tagged"),
        ("x: !!omap [a]\ny: 1", {"x": ["a"], "y": 1}, "(line 1); read as plain data"),
        ("x: !!seq abc\ny: 1", {"x": "abc", "y": 1}, "is no list or mapping; kept as text"),
        ("x: !!map abc\ny: 1", {"x": "abc", "y": 1}, "is no list or mapping; kept as text"),
        ("<<: 5\ny: 1", {"y": 1}, "'<<' (line 1) merges a mapping or a list of mappings"),
        ("a: {<<: [x], b: 1}\ny: 1", {"a": {"b": 1}, "y": 1}, "'<<' (line 1) merges"),
    ],
)
def test_one_odd_value_costs_only_itself(text, kept, words):
    data, warnings = load_yaml(text, "f.yml")
    assert data == kept
    assert len(warnings) == 1 and warnings[0].startswith("f.yml: ") and words in warnings[0]


@pytest.mark.parametrize("encoding", ["cp1252", "latin_1", "utf-16", "utf-8-sig"])
def test_sidecars_and_aliases_decode_as_documents_do(tmp_path, encoding):
    (tmp_path / "doc.txt").write_text("Mayor José Müller opened the bridge in Zürich.\n")
    sidecar = "credit: Photo by François Müller, Café de Paris\nsummary: Müller opened it.\n"
    (tmp_path / "doc.meta.yml").write_bytes(sidecar.encode(encoding))
    aliases = "José Müller: José Müller-Lüdenscheidt\nMüller: José Müller-Lüdenscheidt\n"
    (tmp_path / "aliases.yml").write_bytes(aliases.encode(encoding))
    source = read_source(tmp_path / "doc.txt", tmp_path)
    assert source.meta["credit"] == "Photo by François Müller, Café de Paris"
    assert source.warnings == []
    assert load_aliases(tmp_path)["Müller"] == "José Müller-Lüdenscheidt"


# Our own short sentences: each is too short for charset-normalizer to guess its code page.
DECLARED = [
    ("koi8_r", "Президент России встретился с министром в Москве."),
    ("cp1251", "Мэр города открыл новый мост в понедельник."),
    ("shift_jis", "東京で首相が記者会見を開きました。"),
    ("euc_jp", "大阪の市長が新しい橋を開通させた。"),
    ("gb2312", "北京市长今天在会议上发表讲话。"),
    ("iso8859_7", "Ο δήμαρχος άνοιξε τη νέα γέφυρα."),
    ("cp1252", "Café owners in Zürich met François Müller."),
]


@pytest.mark.parametrize(("encoding", "text"), DECLARED, ids=[e for e, _ in DECLARED])
def test_a_declared_encoding_reads_short_legacy_texts(tmp_path, encoding, text):
    assert decode(text.encode(encoding), encoding) == text
    # UTF-8 and BOM files stay what they are whatever is declared.
    assert decode(text.encode("utf-8"), encoding) == text
    assert decode(text.encode("utf-16"), encoding) == text
    (tmp_path / "doc.txt").write_bytes(text.encode(encoding))
    (tmp_path / "doc.meta.yml").write_bytes(f"credit: {text}\n".encode(encoding))
    source = read_source(tmp_path / "doc.txt", tmp_path, encoding)
    assert source.text == text and source.meta["credit"] == text


CYRILLIC = [
    ("koi8_r", "Президент России встретился с министром в Москве."),
    ("koi8_r", "Мэр открыл мост."),
    ("koi8_u", "Мер Києва відкрив новий міст."),
    ("cp1251", "Мэр открыл мост."),
    ("iso8859_5", "Депутаты обсудили новый закон о налогах."),
]


@pytest.mark.parametrize(("encoding", "text"), CYRILLIC, ids=[e for e, _ in CYRILLIC])
def test_short_cyrillic_is_read_without_a_declared_encoding(encoding, text):
    # charset-normalizer's only guesses for the KOI8-R ones are Shift-JIS (half-width kana).
    assert decode(text.encode(encoding)) == text


@pytest.mark.parametrize("text", ["東京で首相が記者会見を開きました。", "ｱｲｳｴｵ ｶｷｸｹｺ"])
def test_japanese_stays_japanese(text):
    # (A short line mixing kanji and half-width kana is read as Chinese: `encoding:` is
    # for that.)
    assert decode(text.encode("shift_jis")) == text


def test_shift_jis_with_chance_utf8_pairs_is_not_mixed_utf8():
    # Shift-JIS trail bytes are 0x80-0xBF: pairs that read as UTF-8 come by chance.
    text = "東京都の知事は月曜日に新しい橋を開通させました。多くの市民が式典に参加しました。"
    assert decode(text.encode("shift_jis")) == text


def test_bytes_not_valid_in_the_declared_encoding_are_guessed():
    text = "Café owners in Zürich met François Müller and Zoë."
    assert decode(text.encode("cp1252"), "ascii") == text


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("[A, B]", "'title' is a list, not text; ignored"),
        ("{a: 1}", "'title' is a mapping, not text; ignored"),
        ("yes", "'title' is true/false, not text (quote it); ignored"),
        ("''", "'title' is empty; ignored"),
        ("", "'title' is empty; ignored"),
    ],
)
def test_a_title_that_is_not_text_is_named_for_what_it_is(tmp_path, value, words):
    (tmp_path / "doc.md").write_text(f"---\ntitle: {value}\n---\nMayor John Smith spoke.\n")
    source = read_source(tmp_path / "doc.md", tmp_path)
    assert source.warnings == [f"doc.md:2: {words}"]
    assert "title" not in source.meta and source.title is None


def test_a_title_that_is_a_number_or_a_date_is_its_text(tmp_path):
    (tmp_path / "doc.md").write_text("---\ntitle: 1984\n---\nMayor John Smith spoke.\n")
    assert read_source(tmp_path / "doc.md", tmp_path).title == "1984"


def test_keys_that_read_as_one_value_are_named():
    data, warnings = load_yaml("1: a\ntrue: b\n", "f.yml")
    assert data == {1: "b"}
    assert warnings == ["f.yml: keys '1' and 'true' (line 2) read as the same key; the last wins"]


def test_duplicate_keys_warn_and_the_last_wins():
    data, warnings = load_yaml("title: One\ndate: 2020-01-01\ntitle: Two\n", "a.md")
    assert data["title"] == "Two"
    assert warnings == ["a.md: duplicate key 'title' (line 3); the last wins"]


def test_shared_aliases_below_the_limit_are_fine():
    data, warnings = load_yaml("base: &b {role: mayor}\none: *b\ntwo: *b\n", "f.yml")
    assert data["one"] == data["two"] == {"role": "mayor"} and warnings == []


@pytest.mark.parametrize("front", ["x: &x [*x]\ntitle: T", LAUGHS, "title: [unclosed"])
def test_bad_front_matter_is_named_and_the_body_kept(front):
    meta, body, warnings = split_front_matter(f"---\n{front}\n---\nJohn Smith spoke.\n", "a.md")
    assert meta == {} and body == "John Smith spoke.\n"
    assert len(warnings) == 1 and warnings[0].startswith("a.md:")


def test_sidecar_and_aliases_bombs_are_refused(tmp_path, caplog):
    (tmp_path / "doc.txt").write_text("Mayor John Smith opened the bridge.\n")
    (tmp_path / "doc.meta.yml").write_text(LAUGHS)
    (tmp_path / "aliases.yml").write_text("x: &x [*x]\n")
    started = time.perf_counter()
    source = read_source(tmp_path / "doc.txt", tmp_path)
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.summaries"):
        assert load_aliases(tmp_path) == {}
    assert time.perf_counter() - started < 1.0
    assert source.meta == {}
    assert any("doc.meta.yml is refused" in w and "expand" in w for w in source.warnings)
    assert "recursive alias" in caplog.text and "aliases.yml" in caplog.text


def test_aliases_of_the_wrong_shape_are_named(tmp_path, caplog):
    (tmp_path / "aliases.yml").write_text("Putin: [Vladimir Putin]\nBiden: Joe\u200b Biden\n")
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.summaries"):
        assert load_aliases(tmp_path) == {"Biden": "Joe Biden"}
    assert "'Putin' does not map to one name" in caplog.text


# --- the cache ----------------------------------------------------------------------------


def _analysis() -> Analysis:
    return Analysis(
        title="T",
        summary=[Mention(0, 4)],
        dates=[DateMention("1999", 5, 9, "1999", "x")],
        key_dates=[],
        participants=[Participant("John Smith", None, [Mention(0, 4)])],
        places=[],
        organizations=[],
    )


@pytest.mark.parametrize(
    "content",
    [
        "[]",
        "42",
        "null",
        '"text"',
        "{",
        '{"key": "KEY", "analysis": []}',
        '{"key": "KEY", "analysis": {"title": 1}}',
        "KEY:start-a",
        "KEY:role-1",
        "KEY:deep",
    ],
)
def test_cache_entries_of_another_shape_are_misses(tmp_path, content):
    cache = AnalysisCache(tmp_path)
    key = "ab" + "0" * 62
    good = serialize.cache_entry(key, _analysis())
    if content == "KEY:start-a":
        good["analysis"]["summary"][0]["start"] = "a"
        content = json.dumps(good)
    elif content == "KEY:role-1":
        good["analysis"]["participants"][0]["role"] = 1
        content = json.dumps(good)
    elif content == "KEY:deep":
        content = "[" * 100_000 + "]" * 100_000
    path = tmp_path / key[:2] / f"{key}.json"
    path.parent.mkdir(parents=True)
    path.write_text(content.replace("KEY", key))
    assert cache.get(key) is None
    assert cache.misses == 1
    cache.put(key, _analysis())
    assert cache.get(key) == _analysis()


def test_unwritable_cache_folders_are_one_warning(tmp_path, caplog):
    blocker = tmp_path / "cache"
    blocker.write_text("not a folder")
    for directory in (blocker, blocker / "below", Path("/proc/self/no-cache-here")):
        cache, pages = AnalysisCache(directory), PageCache(directory)
        with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.summaries"):
            caplog.clear()
            assert cache.get("ab" + "0" * 62) is None
            cache.put("ab" + "0" * 62, _analysis())
            cache.put("cd" + "0" * 62, _analysis())
            assert pages.get("k") is None
            pages.put("k", {"index.md": "x"})
        warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
        assert len(warnings) == 2, caplog.text  # one per cache, however many writes
        assert "building without it" in caplog.text


def test_a_full_disk_is_a_warning(tmp_path, caplog, monkeypatch):
    def full(*args, **kwargs):  # noqa: ANN002, ANN003
        raise OSError(errno.ENOSPC, "No space left on device")

    cache = AnalysisCache(tmp_path)
    monkeypatch.setattr(os, "fsync", full)
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.summaries"):
        cache.put("ab" + "0" * 62, _analysis())
    assert "No space left on device" in caplog.text
    assert not list(tmp_path.rglob("*.tmp")), "no temporary file is left behind"


@pytest.mark.parametrize(
    "content",
    [
        "[]",
        "42",
        '{"key": "K", "pages": {}}',
        '{"key": "K", "pages": {"a.md": 1}}',
        '{"key": "K"}',
        '{"key": "K", "pages": {"index.md": "x"}}',
    ],
)
def test_page_cache_without_a_whole_site_is_a_miss(tmp_path, content):
    (tmp_path / PageCache.NAME).write_text(content)
    assert PageCache(tmp_path).get("K", expected=["articles/a.md"]) is None


def test_page_cache_with_the_pages_is_a_hit(tmp_path):
    PageCache(tmp_path).put("K", {"articles/a.md": "x", "index.md": "y"})
    assert PageCache(tmp_path).get("K", expected=["articles/a.md"]) == {
        "articles/a.md": "x",
        "index.md": "y",
    }


# --- dates and archive shapes: rendering never fails on a value -------------------------

TIMEX = [
    "1999",
    "199X",
    "19XX",
    "2020-W12",
    "2020-W12-WE",
    "2020-Q1",
    "2020-SU",
    "2020-H1",
    "XXXX",
    "XXXX-03",
    "XXXX-03-20",
    "XXXX-WXX-1",
    "PRESENT_REF",
    "PAST_REF",
    "FUTURE_REF",
    "2020-03",
    "2020-03-05",
    "2020-13",
    "0000",
    "9999-12-31",
    "",
    "2020-02-30",
]


def _record(slug: str, date: str | None, values: list[str], people=("John Smith",)) -> Record:
    text = "John Smith met Mary Jones. " * 3
    analysis = Analysis(
        title=slug.title(),
        summary=[Mention(0, 25)],
        dates=[DateMention(v, 0, 4, v, text[:25]) for v in values],
        key_dates=[DateMention(v, 0, 4, v, text[:25]) for v in values],
        participants=[Participant(p, None, [Mention(0, 10)]) for p in people],
        places=[],
        organizations=[],
    )
    return Record(
        source=f"{slug}.txt",
        slug=slug,
        date=dt.date.fromisoformat(date) if date else None,
        text=text,
        analysis=analysis,
        summary=[text[:25]],
    )


@pytest.mark.parametrize("value", TIMEX)
@pytest.mark.parametrize("dated", [False, True])
def test_every_timex_value_renders(value, dated):
    """Every value renders; one the timeline lists is linked from its document, and the
    link lands on an anchor of the timeline."""
    record = _record("a", "2020-03-04" if dated else None, [value])
    pages = SiteRenderer([record], SiteOptions()).render()
    document = pages["articles/2020/03/a.md" if dated else "articles/a.md"]
    timeline = pages["timeline.md"]
    links = re.findall(r"timeline\.md#([\w-]+)", document)
    assert bool(links) == (f'<time data-value="{value}">' in timeline)
    assert set(links) <= set(re.findall(r'id="([\w-]+)"', timeline))


@pytest.mark.parametrize(
    "records",
    [
        [],
        [_record("one", None, [])],
        [_record("one", None, ["1999", "2005-05-05"])],
        [_record("a", None, ["XXXX-03-20"]), _record("b", None, ["XXXX-12"])],
        [_record("a", None, TIMEX), _record("b", "2020-01-01", list(reversed(TIMEX)))],
        [_record("a", "1800-01-01", ["2999-01"]), _record("b", None, ["0001"])],
    ],
    ids=["empty", "one-undated", "bare-year", "year-less", "every-value", "wide"],
)
def test_every_archive_shape_renders(records):
    pages = SiteRenderer(records, SiteOptions()).render()
    assert {"timeline.md", "articles/index.md", "participants/index.md"} <= set(pages)
    assert len([u for u in pages if u.startswith("articles/") and u != "articles/index.md"]) == len(
        records
    )


def testmonth_range_takes_any_values():
    months = month_range(["1999", "1999-11", "2000-W02", "2000-01"])
    assert months == ["1999-11", "1999-12", "2000-01"]
    assert month_range(["1999", "XXXX-03", "2020-13"]) == []


def test_bare_year_archive_from_the_issue(nlp):
    text = "The company was founded in 1999 by John Smith. It was sold on 5 May 2005."
    analysis = analyze(text, None, Settings())
    record = make_record(Source(path=Path("a.txt"), rel="a.txt", text=text), "a", analysis)
    assert any(d.value == "1999" for d in record.dates)
    chart = SiteRenderer([record], SiteOptions()).render()["timeline.md"]
    assert "Dated events per month" in chart


# --- the closed front matter -------------------------------------------------------------


def _page_meta(meta: dict) -> tuple[dict, list[str]]:
    extra, warnings, _ = passthrough.check(meta, "x.md")
    return passthrough.page_meta(extra), warnings


@pytest.mark.parametrize(
    "key, value",
    [
        ("hide", 1),
        ("hide", ["toc", "everything"]),
        ("search", 1),
        ("search", {"boost": "high"}),
        ("search", {"exclude": "yes"}),
        ("icon", "material/nope"),
        ("icon", "../../../etc/passwd"),
        ("icon", 5),
        ("status", '"><script>x</script>'),
        ("author", ["a", "b"]),
        ("comments", "yes"),
        ("original_url", "javascript:alert(1)"),
        ("credit", {"a": 1}),
        # the feed plugin's keys (mkdocs-rss-plugin 1.19 reads them from front matter)
        ("image", 5),
        ("image", "http://127.0.0.1:9/x.png"),
        ("image", "https://example.org/x.png"),  # requested while building, too
        ("image", "../../../../etc/passwd"),
        ("image", "/etc/passwd"),
        ("image", "images/../../secret.png"),
        ("image", "images/notes.txt"),
        ("illustration", "file:///etc/passwd"),
        ("illustration", "//example.org/x.png"),
        ("rss", 5),
        ("rss", {"feed_description": "fine", "feed_title": "unknown"}),
        ("rss", {"feed_description": ["a list"]}),
        ("social", {"cards_layout": "custom/evil"}),
        ("social", {"cards": "no"}),
        ("authors", {"a": 1}),
        ("authors", [["nested"]]),
        ("draft", "yes"),
    ],
)
def test_wrong_types_are_dropped_with_a_warning_naming_file_and_key(key, value):
    meta, warnings = _page_meta({key: value})
    assert key not in meta and passthrough.NAMESPACE not in meta
    assert len(warnings) == 1 and warnings[0].startswith(f"x.md: '{key}: ")


def test_allowed_keys_pass_checked_and_escaped():
    meta, warnings = _page_meta(
        {
            "hide": "toc",
            "search": {"exclude": True, "boost": 2},
            "icon": "material/newspaper",
            "status": "new",
            "author": 'Smith & "<Jones>"',
            "subtitle": "<b>x</b>",
            "original_url": "https://example.org/a?b=1",
            "credit": "Wikinews, CC BY 2.5",
        }
    )
    assert warnings == []
    assert meta["hide"] == ["toc"] and meta["search"] == {"exclude": True, "boost": 2}
    assert meta["author"] == "Smith &amp; &quot;&lt;Jones&gt;&quot;"
    assert meta["subtitle"] == "&lt;b&gt;x&lt;/b&gt;"
    assert meta["icon"] == "material/newspaper" and meta["status"] == "new"


def test_the_feed_plugins_keys_pass_checked_and_escaped():
    meta, warnings = _page_meta(
        {
            "rss": {"feed_description": "A & B <i>x</i>"},
            "image": " images/cover-1.png ",
            "illustration": "assets/a_b/c.JPG",
            "social": {"cards": False},
            "authors": ["Smith & Jones", "<Lee>"],
            "draft": False,
        }
    )
    assert warnings == []
    # the plugin takes feed_description as HTML: text is escaped once
    assert meta["rss"] == {"feed_description": "A &amp; B &lt;i&gt;x&lt;/i&gt;"}
    assert meta["image"] == "images/cover-1.png" and meta["illustration"] == "assets/a_b/c.JPG"
    assert meta["social"] == {"cards": False} and meta["draft"] is False
    assert meta["authors"] == ["Smith &amp; Jones", "&lt;Lee&gt;"]


def test_template_location_and_unknown_keys_stay_out_of_the_page():
    meta, warnings = _page_meta(
        {
            "template": "redirect.html",
            "location": "javascript:alert(1)",
            "rss_extra": 5,
            "notes": '<script>alert("x")</script>',
            "nested": {"a<b": ["<i>"]},
        }
    )
    assert set(meta) == {passthrough.NAMESPACE}
    kept = meta[passthrough.NAMESPACE]
    assert kept["template"] == "redirect.html" and kept["rss_extra"] == 5
    assert kept["notes"] == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
    assert kept["nested"] == {"a&lt;b": ["&lt;i&gt;"]}
    assert sorted(w.split("'")[1] for w in warnings) == ["location", "template"]
    block = front_matter(meta)
    assert "<" not in block and "template:" not in block.split(passthrough.NAMESPACE)[0]


def test_summary_null_is_no_sentence(nlp):
    text = "Mayor John Smith opened the bridge on Monday."
    analysis = analyze(text, None, Settings())
    source = Source(path=Path("a.md"), rel="a.md", text=text, meta={"summary": [None, ""]})
    record = make_record(source, "a", analysis)
    assert "None" not in record.summary and record.summary


# --- names, titles and slugs --------------------------------------------------------------


def test_invisible_and_bidi_characters_leave_names_and_titles():
    assert clean_name("Jane\u200b Doe") == "Jane Doe"
    assert clean_name("\u202eJane\u2066 Doe\u2069\ufeff") == "Jane Doe"
    assert clean_name("Jane\u00adDoe\n\x07") == "JaneDoe"


def test_index_is_never_a_document_or_person_slug(tmp_path):
    sources = [Source(path=tmp_path / n, rel=n, text="x") for n in ("index.txt", "Index.md")]
    assert unique_slugs(sources) == ["index-2", "index-3"]
    people = [_record("a", None, [], people=("Index",))]
    pages = SiteRenderer(people, SiteOptions()).render()
    assert "People" in pages["participants/index.md"].split("---")[1]
    assert "participants/index-2.md" in pages


def test_too_many_people_in_one_document_are_capped(tmp_path, caplog):
    from generator.pipeline.records import MAX_PEOPLE

    text = " ".join(f"Person{i} Surname{i} spoke." for i in range(300))
    analysis = Analysis(
        "T",
        [],
        [],
        [],
        [
            Participant(f"Person{i} Surname{i}", None, [Mention(0, 1)] * (1 + (i == 250)))
            for i in range(300)
        ],
        [],
        [],
    )
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.summaries"):
        record = make_record(Source(path=Path("r.txt"), rel="r.txt", text=text), "r", analysis)
    assert len(record.participants) == MAX_PEOPLE
    assert "Person250 Surname250" in [p.name for p in record.participants]
    assert "r.txt: 300 people found" in caplog.text


@pytest.mark.parametrize(
    ("front", "words", "people"),
    [
        ("participants: John Smith", "'participants' is not a list (str); ignored", ["Alice"]),
        ("participants: [{name: null}]", "'participants' entry 1 is not a name", ["Alice"]),
        ("participants: [5, true]", "'participants' has no usable entry", ["Alice"]),
        ("participants: [{name: [x, y]}]", "'participants' has no usable entry", ["Alice"]),
        ("participants: [{name: Bo Li, role: [a]}]", "'participants' entry 1: 'role'", ["Bo Li"]),
        ("summary: 5", "'summary' is not a list (int); ignored", ["Alice"]),
        ("summary: [null, {a: b}]", "'summary' has 2 entries that are not text", ["Alice"]),
        ("places: 5", "'places' is not a list (int); ignored, the extracted places", ["Alice"]),
        ("places: [[a, b]]", "'places' entry 1 is not a name; left out", ["Alice"]),
        ("organizations: {a: b}", "'organizations' is not a list (dict)", ["Alice"]),
        ("tags: [null, 5, [x], {a: b}]", "'tags' has 3 entries that are not text", ["Alice"]),
        ("participants: ['<b>Bob</b>']", "'participants' entry 1 holds HTML", ["<b>Bob</b>"]),
        ("places: [x, '<i>Rome']", "'places' entry 2 holds HTML ('<', '>'); it is", ["Alice"]),
    ],
)
def test_a_wrong_type_for_an_own_key_is_named_and_costs_only_itself(
    tmp_path, caplog, front, words, people
):
    path = tmp_path / "d.md"
    path.write_text(f"---\n{front}\n---\nMayor Alice met the council.\n")
    extracted = Analysis(
        "T", [Mention(0, 10)], [], [], [Participant("Alice", "mayor", [Mention(6, 11)])], [], []
    )
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.summaries"):
        record = make_record(read_source(path, tmp_path), "d", extracted)
    assert f"d.md: {words}" in caplog.text
    assert [p.name for p in record.participants] == people
    assert record.summary  # the extracted summary stays where the author's cannot be read


def test_a_sidecar_value_is_named_by_its_own_file(tmp_path, caplog):
    # The author must open the sidecar, not the text beside it, to mend these.
    (tmp_path / "sub").mkdir()
    path = tmp_path / "sub" / "d.txt"
    path.write_text("Mayor Alice met the council.\n")
    (tmp_path / "sub" / "d.meta.yml").write_text(
        "title: [a, b]\ndate: soon\nhide: 1\nplaces: 5\ntags: {a: b}\n"
    )
    extracted = Analysis("T", [Mention(0, 10)], [], [], [], [], [])
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.summaries"):
        source = read_source(path, tmp_path)
        make_record(source, "d", extracted)
    text = caplog.text + "\n".join(source.warnings)
    for words in ["'title' is a list", "'date: soon'", "'hide: 1'", "'places'", "'tags'"]:
        assert f"sub/d.meta.yml: {words}" in text, words
    assert "sub/d.txt" not in text


def test_front_matter_rosters_are_capped_and_named(tmp_path, caplog):
    # Two documents sharing thousands of tags took minutes in the theme's tags plugin.
    from generator.pipeline.records import MAX_AUTHOR_TAGS, MAX_PEOPLE, unify_names

    places = "".join(f"  - Placeville{i}\n" for i in range(500))
    tags = "".join(f"  - Tag{i}\n" for i in range(5000))
    records = []
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.summaries"):
        for n in (1, 2):
            path = tmp_path / f"d{n}.md"
            body = "Placeville7 and Placeville9.\n"
            path.write_text(f"---\nplaces:\n{places}tags:\n{tags}---\n{body}")
            source = read_source(path, tmp_path)
            records.append(make_record(source, f"d{n}", Analysis("T", [], [], [], [], [], [])))
        unify_names(records, {})
    for record in records:
        assert len(record.places) == MAX_PEOPLE and len(record.author_tags) == MAX_AUTHOR_TAGS
        assert len(record.tags) == MAX_AUTHOR_TAGS + MAX_PEOPLE
        # the most mentioned first: the two the text names
        assert {"Placeville7", "Placeville9"} <= {e.name for e in record.places}
        assert record.tags[:3] == ["Tag0", "Tag1", "Tag2"]
    assert "d1.md: 500 places found; only the 100 mentioned most are kept" in caplog.text
    assert "d2.md: 5000 tags; the first 100 are kept" in caplog.text


# --- encodings ---------------------------------------------------------------------------

WESTERN = [
    "Café owners in Zürich met François Müller",
    "naïve café résumé from São Paulo",
    "Le maire de Montréal a rencontré Hélène Côté à Québec",
    "Straße in Köln: Jürgen Weiß traf Zoë",
    "El niño comió jamón en España con Señor Muñoz",
    "Åsa Öberg från Göteborg träffade Søren i Ærø",
    "Il sindaco di Città di Castello è arrivato. Perché?",
    # curly quotes, an ellipsis and a trade mark: bytes only Windows-1252 gives letters to
    "The firm’s boss said… its Gadget™ sold well in Düsseldorf",
    # a Catalan line that double-byte pages also read without an error
    "La batllessa de Lleida va obrir la plaça amb la família Vilaró",
    "Zürich",
    "Café",
]
OTHERS = [
    ("Příliš žluťoučký kůň úpěl ďábelské ódy v Praze.", "cp1250"),
    ("Zażółć gęślą jaźń, powiedział Łukasz w Łodzi.", "cp1250"),
    ("Президент России Владимир Путин встретился с министрами в Москве.", "cp1251"),
    ("Ο πρωθυπουργός της Ελλάδας συναντήθηκε με υπουργούς στην Αθήνα.", "cp1253"),
    # charset-normalizer passes over the right page, or ties it with a wrong one:
    ("Ο δήμαρχος άνοιξε τη νέα γέφυρα και μίλησε στους κατοίκους της πόλης.", "iso8859_7"),
    ("大阪の市長が新しい橋を開通させた。", "euc_jp"),
    ("Belediye başkanı yeni köprüyü açtı ve şehir halkı kutladı.", "cp1254"),
    ("서울 시장은 월요일에 새로운 다리를 개통했다.", "euc_kr"),
    ("The report, filed today, quotes him: Путин в Москве.", "koi8_r"),
    # (A short line of Hebrew in cp1255 or Lithuanian in cp1257 is still misread: the
    # `encoding:` option is for them.)
]


@pytest.mark.parametrize("sentence", WESTERN)
@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
@pytest.mark.parametrize("tail", ["", "\n", "\n\nThe meeting was on Friday.\n"])
def test_short_western_text_in_legacy_encodings_decodes_right(sentence, encoding, tail):
    text = sentence + tail
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        pytest.skip(f"not in {encoding}")
    assert decode(data) == text


def test_utf8_with_stray_cp1252_bytes_keeps_both():
    data = "Köln’s mayor Jürgen Weiß spoke. ".encode() + "Señor Muñoz replied.".encode("cp1252")
    assert decode(data) == "Köln’s mayor Jürgen Weiß spoke. Señor Muñoz replied."


def test_one_utf8_letter_beside_latin_1_keeps_both():
    data = "Zürich council. ".encode() + "Café Müller spoke.".encode("latin-1")
    assert decode(data) == "Zürich council. Café Müller spoke."
    english = "The city council met on Tuesday to discuss the new budget. " * 20
    data = english.encode() + "Zürich".encode() + b" \xff\n"
    assert decode(data) == english + "Zürich ÿ\n"


@pytest.mark.parametrize("text, encoding", OTHERS)
@pytest.mark.parametrize("tail", ["", "\n\nThe meeting was on Friday.\n"])
def test_other_code_pages_keep_their_reading(text, encoding, tail):
    assert decode((text + tail).encode(encoding)) == text + tail


# --- symbolic links, FIFOs, long names ----------------------------------------------------


def _found(root: Path) -> dict[str, str | None]:
    return {p.relative_to(root.resolve()).as_posix(): r for p, r in discover(root)}


def test_yaml_that_is_not_read_is_named(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ["a.txt", "B.MD", "sub/c.txt"]:
        (tmp_path / name).write_text("Mayor John Smith opened the bridge.\n")
    for name in ["a.meta.yml", "B.meta.yml", "sub/c.meta.yml", "aliases.yml"]:
        (tmp_path / name).write_text("credit: kept\n")
    assert _found(tmp_path) == {"a.txt": None, "B.MD": None, "sub/c.txt": None}
    for name in ["gone.meta.yml", "a.meta.yaml", "notes.yml", "sub/aliases.yml"]:
        (tmp_path / name).write_text("credit: lost\n")
    found = _found(tmp_path)
    assert found["gone.meta.yml"] == (
        "sidecar with no document beside it (gone.txt or gone.md); not read"
    )
    for name in ["a.meta.yaml", "notes.yml", "sub/aliases.yml"]:
        assert found[name].startswith("YAML that is neither a sidecar"), name


def test_a_hard_link_is_one_document(tmp_path):
    (tmp_path / "a.txt").write_text("Mayor John Smith opened the bridge.\n")
    os.link(tmp_path / "a.txt", tmp_path / "b.txt")
    assert _found(tmp_path) == {"a.txt": None, "b.txt": "hard link to a.txt, published once"}


def test_links_follow_the_document_rules(tmp_path):
    root = tmp_path / "src"
    (root / "folder").mkdir(parents=True)
    (root / "a.txt").write_text("Mayor John Smith opened the bridge.\n")
    (root / ".hidden.txt").write_text("Secret draft.\n")
    (root / "old.txt~").write_text("Old draft.\n")
    (root / "folder" / "b.txt").write_text("Mary Jones spoke.\n")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "c.txt").write_text("Outside.\n")
    os.symlink(root / "a.txt", root / "again.txt")
    os.symlink(root / ".hidden.txt", root / "visible.txt")
    os.symlink(root / "old.txt~", root / "restored.txt")
    os.symlink(root / "folder", root / "linked-folder")
    os.symlink(tmp_path / "outside", root / "outside-folder")
    os.mkfifo(root / "pipe.txt")
    found = _found(root)
    assert found["a.txt"] is None and found["folder/b.txt"] is None
    assert found["again.txt"] == "symbolic link to a.txt, which is published under its own name"
    assert "hidden file or an editor backup" in found["visible.txt"]
    assert "hidden file or an editor backup" in found["restored.txt"]
    assert found["linked-folder"].startswith("symbolic link to a folder")
    assert found["outside-folder"].startswith("symbolic link to outside")
    assert found["pipe.txt"].startswith("not a regular file")
    sources, skipped = load_sources(root)
    assert sorted(s.rel for s in sources) == ["a.txt", "folder/b.txt"]
    assert len(skipped) == 6


def test_sidecars_and_aliases_follow_the_same_rules(tmp_path, caplog):
    root = tmp_path / "src"
    root.mkdir()
    (tmp_path / "secret.yml").write_text("title: Stolen\n")
    (root / ".meta-draft.yml").write_text("title: Draft\n")
    for name in ("a", "b"):
        (root / f"{name}.txt").write_text("Mayor John Smith opened the bridge.\n")
    os.symlink(tmp_path / "secret.yml", root / "a.meta.yml")
    os.symlink(root / ".meta-draft.yml", root / "b.meta.yml")
    os.symlink(tmp_path / "secret.yml", root / "aliases.yml")
    a, b = read_source(root / "a.txt", root), read_source(root / "b.txt", root)
    assert a.title is None and b.title is None
    assert "outside the sources folder" in a.warnings[0]
    assert "hidden file" in b.warnings[0]
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.summaries"):
        assert load_aliases(root) == {}
    assert "outside the sources folder" in caplog.text


def test_file_names_past_255_bytes_for_the_sidecar(tmp_path):
    name = "r" * 246 + ".txt"  # the sidecar name would be 255 bytes + ".meta.yml"
    (tmp_path / name).write_text("Report\n\nMayor John Smith opened the bridge.\n")
    source = read_source(tmp_path / name, tmp_path)
    assert source.warnings == [] and source.title == "Report"


@pytest.mark.parametrize("name", ["2020-02-30-a.txt", "2020-13-01-b.txt", "0000-01-01-c.txt"])
def test_a_name_with_no_calendar_date_is_named_and_the_document_kept(tmp_path, name):
    (tmp_path / name).write_text("Mayor Alice met the council.\n")
    source = read_source(tmp_path / name, tmp_path)
    assert source.date is None and source.text == "Mayor Alice met the council."
    words = f"the name's '{name[:10]}' is no calendar date; left undated"
    assert source.warnings == [f"{name}: {words}"]
    # A date of the author's own is the document's date: nothing to say about the name.
    (tmp_path / name).write_text("---\ndate: 2020-03-01\n---\nMayor Alice met the council.\n")
    md = tmp_path / name.replace(".txt", ".md")
    (tmp_path / name).rename(md)
    source = read_source(md, tmp_path)
    assert source.date == dt.date(2020, 3, 1) and source.warnings == []


def test_unicode_line_and_paragraph_separators_are_breaks(tmp_path):
    (tmp_path / "d.txt").write_text("The mayor spoke.\u2028The crowd cheered.\u2029They left.\n")
    text = read_source(tmp_path / "d.txt", tmp_path).text
    assert text == "The mayor spoke.\nThe crowd cheered.\n\nThey left."


@pytest.mark.parametrize(
    "data",
    [
        b"abc \xed\xa0\x80 def \xe9",  # an encoded surrogate: no UTF-8 character
        b"\xed\xa0\x80\xff",
        b"Z\xc3\xbcrich \xed\xa0\x80 \xe9",
        b"\xc0\xaf x \xe9",  # overlong
        b"\xf4\x90\x80\x80 \xe9",  # past U+10FFFF
    ],
)
def test_invalid_utf8_sequences_are_decoded_not_raised(data):
    assert isinstance(decode(data), str)


def test_a_weak_guess_of_a_code_page_is_named(tmp_path):
    # Too short for any language model: whatever page is taken, the author hears of it.
    (tmp_path / "he.txt").write_bytes("ראש העיר פתח את הגשר החדש ביום שני.".encode("cp1255"))
    (tmp_path / "he.meta.yml").write_bytes("credit: צלם העיר\n".encode("cp1255"))
    source = read_source(tmp_path / "he.txt", tmp_path)
    assert source.warnings[0].startswith("he.txt: not UTF-8; read as ")
    assert "set the `encoding:` option" in source.warnings[0]
    assert any(w.startswith("he.txt: sidecar he.meta.yml: not UTF-8") for w in source.warnings)
    # A reading a language model confirms, or Western text, is no guess worth a word.
    for name, text, encoding in [
        ("el.txt", "Ο πρωθυπουργός της Ελλάδας συναντήθηκε με υπουργούς στην Αθήνα.", "cp1253"),
        ("fr.txt", "Café owners in Zürich met François Müller.", "cp1252"),
    ]:
        (tmp_path / name).write_bytes(text.encode(encoding))
        source = read_source(tmp_path / name, tmp_path)
        assert source.text == text and source.warnings == []
