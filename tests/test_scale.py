"""Scale: lazy NLP imports, incremental builds from the cache, the process pool, Dask."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import re
import sqlite3
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from generator.cache import AnalysisCache
from generator.pipeline import runners
from generator.pipeline.analysis import (
    DEFAULT_METHOD,
    DEFAULT_SENTENCES,
    KNOWN_METHODS,
    Settings,
    analyze_many,
    check_method,
)
from generator.pipeline.records import build

from .conftest import ROOT, SEED, _env, mkdocs_build, write_site

LOG_LINE = re.compile(r"summaries: (\d+) documents \((\d+) analysed, (\d+) from cache\)")


def _counts(log: str) -> tuple[int, int, int]:
    match = LOG_LINE.search(log)
    assert match, log[-3000:]
    return int(match[1]), int(match[2]), int(match[3])


def _sources(n: int) -> dict[str, str]:
    """n documents with the seed's text; the date in each name gives each its own cache key."""
    text = SEED.read_text(encoding="utf-8")
    return {f"2023-03-{i + 1:02d}-talks-{i}.txt": text for i in range(n)}


def test_defaults_agree_with_the_summarizer():
    from generator import summaries

    assert DEFAULT_SENTENCES == summaries.DEFAULT_SENTENCES
    assert DEFAULT_METHOD == summaries.DEFAULT_METHOD
    assert DEFAULT_METHOD in KNOWN_METHODS
    for method in KNOWN_METHODS:
        summaries.build_summarizer(method)
    with pytest.raises(ValueError, match="unknown summary method"):
        check_method("no-such-method")


def test_plugin_and_cli_import_no_nlp_library():
    code = (
        "import sys, generator.plugin, generator.cli\n"
        "import generator.pipeline.records, generator.pipeline.runners\n"
        "print(sorted(m for m in ('spacy', 'sumy', 'nltk', 'thinc') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=_env(), check=True
    )
    assert out.stdout.strip() == "[]"


def test_chunk_sizes():
    assert runners.chunk_size(10, 2) == runners.MIN_CHUNK
    assert runners.chunk_size(1000, 2) == 62
    assert runners.chunk_size(100_000, 2) == runners.MAX_CHUNK


@pytest.mark.slow
def test_the_plugin_and_the_cli_choose_runners_by_one_factory(monkeypatch):
    calls = []

    def record(kind):
        def run(jobs, settings, where, progress):
            calls.append((kind, where, progress))
            return iter([])

        return run

    monkeypatch.setattr(runners, "default_processes", lambda: 7)
    monkeypatch.setattr(runners, "run_local", record("local"))
    monkeypatch.setattr(runners, "run_dask", record("dask"))
    runners.make_runner(0, None, True)([], Settings())
    runners.make_runner(3)([], Settings())
    runners.make_runner(2, "tcp://h:8786")([], Settings())
    assert calls == [
        ("local", 7, True),
        ("local", 3, False),
        ("dask", "tcp://h:8786", False),
    ]


def test_pool_gives_the_in_process_results_in_order(nlp):
    text = SEED.read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n\n") if len(p) > 80]
    jobs = [(paragraphs[i % len(paragraphs)] + f" Item {i}.", None) for i in range(20)]
    settings = Settings()
    alone = list(analyze_many(jobs, settings))
    pooled = list(runners.run_local(jobs, settings, processes=2))
    assert pooled == alone


@pytest.mark.slow
def test_one_changed_document_is_the_only_one_analysed(tmp_path):
    root = write_site(tmp_path, _sources(3))
    first = mkdocs_build(root)
    assert first.returncode == 0, first.stderr
    assert _counts(first.stderr) == (3, 3, 0)
    changed = root / "sources" / "2023-03-02-talks-1.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA late update.\n")
    second = mkdocs_build(root)
    assert second.returncode == 0, second.stderr
    assert _counts(second.stderr) == (3, 1, 2)
    # Archive-wide pages come from all records, cached ones included.
    person = root / "site" / "participants" / "mikhail-mishustin" / "index.html"
    html = person.read_text(encoding="utf-8")
    for i in range(3):
        assert f"talks-{i}" in html
    # Nothing changed: a build that cannot import spaCy or sumy still works, from the cache.
    blocked = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys\n"
            "for name in ('spacy', 'sumy', 'nltk'): sys.modules[name] = None\n"
            "from mkdocs.__main__ import cli\n"
            "cli(['build', '-f', sys.argv[1]])",
            str(root / "mkdocs.yml"),
        ],
        cwd=root,
        capture_output=True,
        text=True,
        env={**_env(), "NO_MKDOCS_2_WARNING": "1"},
    )
    assert blocked.returncode == 0, blocked.stderr[-3000:]
    assert _counts(blocked.stderr) == (3, 0, 3)
    assert (root / ".cache" / "summaries" / "pages.cache").is_file()
    assert person.read_text(encoding="utf-8") == html, "pages from the page cache are the same"


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        processes=False,
        protocol="tcp",
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        yield cluster


def _records(root: Path, cache: AnalysisCache) -> tuple[list[dict], int]:
    result = build(root / "sources", Settings(), cache)
    return [dataclasses.asdict(r) for r in result.records], result.analyzed


def _json(value: object) -> str:
    return json.dumps(value, default=lambda o: sorted(o) if isinstance(o, set) else str(o))


@pytest.mark.slow
def test_build_on_a_dask_cluster_gives_the_local_records(tmp_path, cluster, nlp):
    address = cluster.scheduler_address
    assert address.startswith("tcp://")
    root = write_site(tmp_path, _sources(3), plugin=f"executor: {address}")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    assert _counts(result.stderr) == (3, 3, 0)
    from_cluster, analysed = _records(root, AnalysisCache(root / ".cache" / "summaries"))
    assert analysed == 0, "the cluster's results are in the cache"
    local, analysed = _records(root, AnalysisCache(None))
    assert analysed == 3
    assert _json(from_cluster) == _json(local)


@pytest.mark.slow
def test_cli_pages_on_a_dask_cluster(tmp_path, cluster):
    root = write_site(tmp_path, _sources(2))
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "--no-progress",
            "pages",
            "--scheduler",
            cluster.scheduler_address,
            "--cache-dir",
            str(tmp_path / "cache"),
            str(root / "sources"),
            str(tmp_path / "out"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=_env(),
    )
    assert out.returncode == 0, out.stderr
    assert "for 2 documents" in out.stderr
    assert (tmp_path / "out" / "participants" / "mikhail-mishustin.md").is_file()


def test_identical_documents_are_analysed_once(tmp_path):
    from generator.record import Analysis, Mention, Participant

    text = "Anna Berg met the mayor in Oslo on Monday. They spoke for an hour."
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "2020-01-02-meeting.txt").write_text(text, encoding="utf-8")
    (tmp_path / "2020-01-03-other.txt").write_text(text + " Then she left.", encoding="utf-8")
    seen: list[int] = []

    def runner(jobs, settings):
        seen.append(len(jobs))
        for job_text, *_ in jobs:
            person = Participant("Anna Berg", None, [Mention(0, 9)])
            yield Analysis(job_text[:20], [], [], [], [person], [], [])

    result = build(tmp_path, Settings(), AnalysisCache(tmp_path / ".cache"), runner)
    assert seen == [2] and result.analyzed == 2 and len(result.records) == 3
    first, second = (r for r in result.records if r.source.endswith("meeting.txt"))
    assert first.participants is not second.participants
    again = build(tmp_path, Settings(), AnalysisCache(tmp_path / ".cache"), runner)
    assert seen == [2] and again.analyzed == 0 and again.cached == 3


def test_page_cache_key_follows_records_options_and_templates(tmp_path):
    from generator.cache import PageCache, render_key
    from generator.record import Analysis
    from generator.site import SiteOptions, rendering_code

    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "2020-01-02-a.txt").write_text("Anna Berg spoke in Oslo.", "utf-8")

    def runner(jobs, settings):
        for text, *_ in jobs:
            yield Analysis(text[:9], [], [], [], [], [], [])

    records = build(tmp_path / "src", Settings(), AnalysisCache(None), runner).records
    templates = tmp_path / "templates"
    templates.mkdir()
    code = rendering_code()
    key = render_key(records, SiteOptions(), code, [templates])
    assert key == render_key(records, SiteOptions(), code, [templates])
    assert key != render_key(records, SiteOptions(full_text_search=True), code, [templates])
    records[0].title = "Another title"
    assert key != render_key(records, SiteOptions(), code, [templates])
    (templates / "document.md.j2").write_text("{{ record.title }}", "utf-8")
    assert render_key(records, SiteOptions(), code, []) != render_key(
        records, SiteOptions(), code, [templates]
    )
    cache = PageCache(tmp_path / "cache")
    assert cache.get(key) is None
    cache.put(key, {"a.md": "A"})
    assert cache.get(key) == {"a.md": "A"} and cache.get("other") is None


def test_squeezed_html_keeps_every_break_and_what_is_verbatim():
    """Issue 16 (site size): the theme's indentation and blank lines go; a line break stays
    where whitespace held one, and code, scripts and form fields are not touched."""
    from generator.site import squeeze_whitespace

    page = (
        "<div>\n    <p>A\n\n      b</p>  \n\n  <pre><code>x\n\n    y</code></pre>\n"
        "   <script>if (a)\n    b()</script>\n  <textarea>\n  t\n</textarea>  <span> c </span>\n"
    )
    out = squeeze_whitespace(page)
    assert out == (
        "<div>\n<p>A\nb</p>\n<pre><code>x\n\n    y</code></pre>\n"
        "<script>if (a)\n    b()</script>\n<textarea>\n  t\n</textarea>  <span> c </span>\n"
    )
    assert squeeze_whitespace(out) == out


HTML_LINE = re.compile(r"summaries: (\d+) generated pages converted, (\d+) reused")
THEMED_LINE = re.compile(r"; (\d+) themed, (\d+) reused")


def _pages(site: Path) -> dict[str, bytes]:
    kept = [*site.rglob("*.html"), site / "search" / "search_index.json"]
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in kept}


def test_unchanged_generated_pages_reuse_their_html(tmp_path):
    """A warm build converts no generated page's Markdown again (issue 17's build cost) and
    publishes the same bytes; after a change, the pages it reaches are converted, and the
    site is the one a build without the HTML cache makes."""
    root = write_site(tmp_path, _sources(3))
    first = mkdocs_build(root)
    assert first.returncode == 0, first.stderr
    converted, reused = map(int, HTML_LINE.search(first.stderr).groups())
    assert converted > 10 and reused == 0
    site = _pages(root / "site")
    assert THEMED_LINE.search(first.stderr).groups() == (str(converted), "0")
    second = mkdocs_build(root)
    assert second.returncode == 0, second.stderr
    assert HTML_LINE.search(second.stderr).groups() == ("0", str(converted))
    # nor runs any of them through the theme again
    assert THEMED_LINE.search(second.stderr).groups() == ("0", str(converted))
    assert _pages(root / "site") == site
    changed = root / "sources" / "2023-03-02-talks-1.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA late update on Tuesday.\n")
    third = mkdocs_build(root)
    assert third.returncode == 0, third.stderr
    again, kept = map(int, HTML_LINE.search(third.stderr).groups())
    assert 0 < again < converted and kept > 0
    after = _pages(root / "site")
    assert after != site and any(b"A late update" in html for html in after.values())
    themed, kept = map(int, THEMED_LINE.search(third.stderr).groups())
    assert 0 < themed < converted and kept > 0
    (root / ".cache" / "summaries" / "html.cache").unlink()
    (root / ".cache" / "summaries" / "output.sqlite").unlink()
    # the search index's entries of each generated page are kept too (`search_entries`)
    (root / ".cache" / "summaries" / "search.sqlite").unlink()
    fresh = mkdocs_build(root)
    assert fresh.returncode == 0, fresh.stderr
    assert _pages(root / "site") == after
    # Stored entries that are no entries are misses: the cache can only cost time.
    with contextlib.closing(sqlite3.connect(root / ".cache" / "summaries" / "search.sqlite")) as db:
        assert db.execute("UPDATE pages SET html = ?", (zlib.compress(b"42"),)).rowcount > 0
        db.commit()
    corrupted = mkdocs_build(root)
    assert corrupted.returncode == 0, corrupted.stderr
    assert _pages(root / "site") == after
    # Every page's theme shows the site's name: a new name is a new output for every page.
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_name: ", "site_name: New "))
    renamed = mkdocs_build(root)
    assert renamed.returncode == 0, renamed.stderr
    assert THEMED_LINE.search(renamed.stderr).groups() == (str(converted), "0")
    pages = _pages(root / "site")
    assert all(b"New " in html for uri, html in pages.items() if uri.endswith(".html"))


def test_themed_pages_follow_hooks_and_the_users_templates(tmp_path):
    """What a hook adds to the context and a theme folder of the user's own are part of a
    page's themed output: an edited hook shows on every page of the next build, and a
    template that prints the build date is rendered on every build."""
    root = write_site(tmp_path, _sources(2))
    (root / "overrides").mkdir()
    main = root / "overrides" / "main.html"
    main.write_text('{% extends "base.html" %}{% block footer %}<p>{{ word }}</p>{% endblock %}')
    hook = root / "hooks.py"
    hook.write_text("def on_page_context(context, **kwargs):\n    context['word'] = 'alpha'\n")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
        + "hooks:\n  - hooks.py\n",
        encoding="utf-8",
    )
    first = mkdocs_build(root)
    assert first.returncode == 0, first.stderr
    themed, _ = map(int, THEMED_LINE.search(first.stderr).groups())
    assert themed > 5
    second = mkdocs_build(root)
    assert THEMED_LINE.search(second.stderr).groups() == ("0", str(themed))
    hook.write_text("def on_page_context(context, **kwargs):\n    context['word'] = 'beta'\n")
    third = mkdocs_build(root)
    assert THEMED_LINE.search(third.stderr).groups() == (str(themed), "0")
    pages = [h for u, h in _pages(root / "site").items() if u.endswith("index.html")]
    assert pages and all(b"<p>beta</p>" in html for html in pages)
    main.write_text('{% extends "base.html" %}{% block footer %}{{ build_date_utc }}{% endblock %}')
    for _ in range(2):
        dated = mkdocs_build(root)
        assert dated.returncode == 0, dated.stderr
        assert THEMED_LINE.search(dated.stderr).groups() == ("0", "0")
