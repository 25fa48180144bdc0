"""The same site from every builder: MkDocs and ProperDocs with the plugin, and the export
(`python -m generator pages`) built by MkDocs and by Zensical under a sub-path address. The
link checker (generator/links.py) reads each built site as a static host would serve it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.site import check_site

from .sites import ROOT, SEED, copy_example, mkdocs_build, run_generator

EXAMPLE_URL = "https://example.github.io/mkdocs-summaries/"
SUB_PATH_URL = "https://example.org/sub/"
ZENSICAL_VERSION = "0.0.73"


def _files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def _pages(site: Path) -> set[str]:
    return {f for f in _files(site) if f.endswith(".html")}


def _broken(site: Path, site_url: str) -> list[str]:
    report = check_site(site, site_url)
    # Since the nav names only the listings' index pages (issue 16), a page holds fewer links.
    assert report.pages > 100 and report.checked > 4_000, "a site of the example's size"
    return [str(link) for link in report.broken]


def _feed_paths(feed: Path, site_url: str) -> list[str]:
    """The items' links of an RSS feed, each below ``site_url`` and given relative to it."""
    links = [item.findtext("link") or "" for item in ET.parse(feed).getroot().iter("item")]
    assert all(link.startswith(site_url + "articles/") for link in links), links
    return [link.removeprefix(site_url) for link in links]


def zensical() -> str | None:
    """Zensical's command: $ZENSICAL (scripts/test.sh installs it in a venv of its own),
    else on PATH, else in the venv scripts/test.sh makes."""
    for candidate in (
        os.environ.get("ZENSICAL"),
        shutil.which("zensical"),
        str(ROOT / ".cache" / "venv-zensical" / "bin" / "zensical"),
    ):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


# The checker itself, on a hand-made site: it must find what a reader would find broken.


def test_link_checker_reads_links_as_a_static_host_serves_them(tmp_path):
    site = tmp_path / "site"
    (site / "a" / "b").mkdir(parents=True)
    (site / "c").mkdir()
    (site / "empty").mkdir()
    (site / "index.html").write_text('<h1 id="top">Home</h1>', encoding="utf-8")
    (site / "c" / "index.html").write_text('<p id="x">C</p>', encoding="utf-8")
    (site / "style.css").write_text("", encoding="utf-8")
    links = [
        "../../c/",  # fine: a directory URL
        "../../c/#x",  # fine: an existing id
        "../../c",  # fine: a directory without its slash
        "../../style.css",
        "#here",
        "https://other.example/x",
        "mailto:a@b.c",
        "https://example.org/sub/c/",  # this site, absolute: fine
        "/sub/c/index.html",
        "../../../c/",  # broken: above the site's sub-path
        "/c/",  # broken: outside /sub/
        "../../c/#y",  # broken: no such id
        "../../missing/",  # broken
        "../../empty/",  # broken: a folder without index.html
        "../../style.css.map",  # broken
        "https://example.org/sub/nope.html",  # broken
    ]
    body = "".join(f'<a href="{href}">x</a>' for href in links)
    (site / "a" / "b" / "index.html").write_text(
        f'<p id="here">{body}<img src="../../pic.png"></p>', encoding="utf-8"
    )
    report = check_site(site, "https://example.org/sub/")
    assert sorted(link.url for link in report.broken) == sorted([*links[9:], "../../pic.png"])
    assert report.checked == len(links) - 2 + 1  # other sites and mail are not followed
    # Anchors are optional; without an address the site is served from "/".
    assert "../../c/#y" not in {b.url for b in check_site(site, anchors=False).broken}
    assert "/c/" not in {b.url for b in check_site(site).broken}


# The example site, built with the plugin by MkDocs and by ProperDocs.


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> Path:
    """The example project, built by `mkdocs build --strict` into site-mkdocs/."""
    root = copy_example(tmp_path_factory.mktemp("example"))
    result = mkdocs_build(root, "--strict", "-d", str(root / "site-mkdocs"))
    assert result.returncode == 0, result.stderr
    return root


@pytest.mark.slow
def test_mkdocs_and_properdocs_build_the_same_site_without_a_broken_link(example):
    result = mkdocs_build(
        example, "--strict", "-d", str(example / "site-properdocs"), builder="properdocs"
    )
    assert result.returncode == 0, result.stderr
    assert "summaries: 26 documents" in result.stderr, "ProperDocs ran the plugin"
    mkdocs_site, properdocs_site = example / "site-mkdocs", example / "site-properdocs"
    assert _files(mkdocs_site) == _files(properdocs_site)
    assert len(_pages(mkdocs_site)) > 130
    assert _broken(mkdocs_site, EXAMPLE_URL) == []
    assert _broken(properdocs_site, EXAMPLE_URL) == []
    page = f"articles/{SEED.stem}/index.html"
    for site in (mkdocs_site, properdocs_site):
        html = (site / page).read_text(encoding="utf-8")
        assert 'class="summaries-person" href="../../participants/mikhail-mishustin/"' in html


# The export: `pages` writes a complete docs folder and its mkdocs.yml fragment.


def _export(example: Path, out: Path) -> Path:
    """`python -m generator pages --docs docs seeds OUT/docs` and a short mkdocs.yml over it
    with a sub-path address, as on GitHub Pages."""
    run_generator(
        "pages",
        "--cache-dir",
        str(example / ".cache" / "summaries"),
        "--docs",
        str(example / "docs"),
        str(example / "seeds"),
        str(out / "docs"),
        cwd=out,
    )
    (out / "mkdocs.yml").write_text(
        f"INHERIT: summaries.yml\nsite_name: Export\nsite_url: {SUB_PATH_URL}\n", encoding="utf-8"
    )
    return out


@pytest.mark.slow
def test_the_export_and_a_short_config_build_the_same_site_with_mkdocs(example, tmp_path):
    out = _export(example, tmp_path)
    docs = out / "docs"
    css = (docs / "assets" / "summaries" / "summaries.css").read_bytes()
    assert css == (ROOT / "site_templates" / "summaries.css").read_bytes()
    assert (docs / "_sources" / SEED.name).read_bytes() == SEED.read_bytes()
    assert not (docs / "tags.md").read_text(encoding="utf-8").count("summaries:listing")
    result = mkdocs_build(out, "--strict")
    assert result.returncode == 0, result.stderr
    site = out / "site"
    assert _pages(site) == _pages(example / "site-mkdocs")
    assert _broken(site, SUB_PATH_URL) == []


@pytest.mark.slow
def test_zensical_builds_the_export_under_a_sub_path_without_a_broken_link(example, tmp_path):
    command = zensical()
    if command is None:
        pytest.skip(
            f"zensical is not installed: scripts/test.sh installs zensical=={ZENSICAL_VERSION} "
            "into .cache/venv-zensical (or set $ZENSICAL)"
        )
    version = subprocess.run([command, "--version"], capture_output=True, text=True).stdout
    assert ZENSICAL_VERSION in version, version
    out = _export(example, tmp_path)
    result = subprocess.run(
        [command, "build", "-f", str(out / "mkdocs.yml")],
        cwd=out,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    site = out / "site"
    assert _pages(site) - {"404.html"} == _pages(example / "site-mkdocs") - {"404.html"}
    assert _broken(site, SUB_PATH_URL) == []
    # Search: the seed's people, on the seed's page.
    items = json.loads((site / "search.json").read_text(encoding="utf-8"))["items"]
    seed = [i for i in items if i["location"].startswith(f"articles/{SEED.stem}/")]
    assert seed, "the seed article is in Zensical's search index"
    for name in ("Vladimir Putin", "Xi Jinping", "Mikhail Mishustin"):
        assert any(name in i["text"] + i["title"] + str(i.get("tags")) for i in seed), name
    # The tags listing renders: a tag of two documents (Putin) lists the seed's page; a tag
    # of the seed alone (Mishustin) is on the seed's page only (issue 16).
    tags = (site / "tags" / "index.html").read_text(encoding="utf-8")
    assert "Vladimir Putin" in tags and "material/tags" not in tags
    assert "Mikhail Mishustin" not in tags
    assert f'href="../articles/{SEED.stem}/"' in tags
    # Zensical's own feed: its newest 20, the same documents in the same order as the
    # example's 25 from mkdocs-rss-plugin, under the export's address.
    feed = _feed_paths(site / "feed_rss_created.xml", SUB_PATH_URL)
    assert len(feed) == 20
    assert feed == _feed_paths(example / "site-mkdocs" / "feed_rss_created.xml", EXAMPLE_URL)[:20]
