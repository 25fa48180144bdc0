"""Site assembly: everything a built archive needs besides the builder, for any builder.

The MkDocs plugin (`plugin`) hands these files to MkDocs or ProperDocs in memory; the command
line (`python -m generator pages`) writes them to a folder with the mkdocs.yml fragment that
MkDocs, ProperDocs and Zensical read. Both are thin shells over `assemble` and
`fill_listing`, so the pages, the source copies, the stylesheet and the listings are the same.
"""

from __future__ import annotations

import copy
import logging
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..cache import PageCache, atomic_write, render_key
from ..pipeline import BuildResult
from .context import SiteOptions, default_templates
from .renderer import SiteRenderer
from .urls import CSS_URI, source_copy_uri

log = logging.getLogger("mkdocs.plugins.summaries")
# Where a hand-written page wants the newest documents listed.
LISTING_MARKER = "<!-- summaries:listing -->"
# What decides the rendered pages besides the records and templates: the site stage's code,
# the sources stage it renders through (its face imports all of it), the record and its
# serializer (tests/test_cache_keys.py checks nothing else is reached).
RENDERING_STAGES = ("site", "sources")
# An interview's page reads its speaker labels and hidden marks from the turns module's data;
# the people index files names by the people stage's generational suffixes.
RENDERING_FILES = (
    "record.py",
    "serialize.py",
    "nlp/turns.py",
    "nlp/vocabulary.py",
    "nlp/data/en/speaker_marks.yml",
    "people/data/en/name_suffixes.txt",
)
# Links in generated pages are Markdown links inside `markdown`-attribute HTML blocks (the one
# form that MkDocs, ProperDocs and Zensical all resolve against the site), with classes set by
# attribute lists: both extensions must be on.
REQUIRED_EXTENSIONS = ("attr_list", "md_in_html")
# What the exported pages are written for: the extensions they use and Material's plugins.
EXPORT_EXTENSIONS: list[Any] = [
    *REQUIRED_EXTENSIONS,
    "admonition",
    "tables",
    {"toc": {"permalink": True}},
]
EXPORT_PLUGINS: list[Any] = [
    "search",
    "tags",
    # Feeds of the dated documents, dated by their front matter (mkdocs-rss-plugin for MkDocs
    # and ProperDocs, built into Zensical); the feeds' own URLs need the site's `site_url`.
    {
        "rss": {
            "use_git": False,
            "date_from_meta": {"as_creation": "date", "as_update": "date"},
            "match_path": "articles/[0-9]{4}/[0-9]{2}/.+",
            "use_material_social_cards": False,
        }
    },
]


@dataclass
class Site:
    """One archive's generated files, by path in the docs folder."""

    renderer: SiteRenderer
    pages: dict[str, str]  # generated Markdown pages
    assets: dict[str, str | bytes]  # the stylesheet and the plain-text source copies
    origins: dict[str, str]  # document page -> its source file, relative to the sources

    def listing(self, markdown: str, src_uri: str) -> str:
        return fill_listing(markdown, self.renderer, src_uri)


def assemble(
    result: BuildResult,
    sources: Path,
    options: SiteOptions,
    page_cache: PageCache | None = None,
) -> Site:
    """The pages, the stylesheet and (without ``source_url``) a plain-text copy of every source
    of a built archive. Pages come from ``page_cache`` when no record, option, template or
    rendering code changed since they were rendered."""
    renderer = SiteRenderer(result.records, options)
    pages = _render(renderer, result, options, page_cache)
    renderer.rendered = pages
    assets: dict[str, str | bytes] = {
        CSS_URI: (default_templates() / "summaries.css").read_text(encoding="utf-8")
    }
    if not options.source_url:
        for record in result.records:
            try:
                assets[source_copy_uri(record)] = (sources / record.source).read_bytes()
            except OSError as exc:  # gone or changed since it was read (mkdocs serve)
                log.warning("%s: no copy of the source published (%s)", record.source, exc)
    return Site(renderer, pages, assets, renderer.origins())


def _render(
    renderer: SiteRenderer,
    result: BuildResult,
    options: SiteOptions,
    page_cache: PageCache | None,
) -> dict[str, str]:
    if page_cache is None:
        return renderer.render()
    code = rendering_code()
    templates = [p for p in (options.templates, default_templates()) if p and p.is_dir()]
    key = render_key(result.records, options, code, templates)
    pages = page_cache.get(key, expected=renderer.origins())
    if pages is None:
        pages = renderer.render()
        page_cache.put(key, pages)
    return pages


def rendering_code() -> list[Path]:
    package = Path(__file__).resolve().parent.parent
    stages = [p for stage in RENDERING_STAGES for p in (package / stage).glob("*.py")]
    stages += [p for stage in RENDERING_STAGES for p in (package / stage).glob("data/*/*")]
    return sorted(stages + [package / name for name in RENDERING_FILES])


def fill_listing(markdown: str, renderer: SiteRenderer, src_uri: str) -> str:
    """A hand-written page with its ``<!-- summaries:listing -->`` replaced by the listing."""
    if LISTING_MARKER not in markdown:
        return markdown
    return markdown.replace(LISTING_MARKER, "\n\n" + renderer.listing(src_uri) + "\n\n")


def hand_written_wins(generated: Iterable[str], hand_written: set[str]) -> list[str]:
    """The generated paths to publish: a page written by hand in docs/ always wins."""
    kept = []
    for uri in generated:
        if uri in hand_written:
            log.warning("%s is written by hand in docs/; the generated page is not used", uri)
        else:
            kept.append(uri)
    return kept


def file_sort_key(uri: str) -> tuple:
    """MkDocs' own order of docs pages (`mkdocs.structure.files.file_sort_key`, for paths):
    by folder, the folder's index first."""
    parts = tuple(uri.split("/"))
    return (parts[:-1], parts[-1].rsplit(".", 1)[0] != "index", parts[-1])


def default_nav(pages: Iterable[str]) -> list:
    """The navigation MkDocs builds when ``nav`` is not set (every page, in its order), written
    into the export's config so that every builder shows the nav of the plugin's build."""
    from mkdocs.utils import nest_paths

    return nest_paths(sorted((u for u in pages if u.endswith(".md")), key=file_sort_key))


def export(
    site: Site,
    out: Path,
    *,
    docs: Path | None = None,
    config: Path | None = None,
) -> dict[str, Any]:
    """Write the site into ``out`` as a docs folder: the generated pages, the stylesheet, the
    source copies and the hand-written files of ``docs`` (their listing markers filled; they
    win over generated pages of the same path). With ``config``, also write the mkdocs.yml
    fragment a site over ``out`` needs (docs_dir, nav, plugins, extensions, extra_css).
    Returns the fragment."""
    hand_written: dict[str, Path] = {}
    if docs is not None and docs.is_dir():
        for path in sorted(docs.rglob("*")):
            relative = path.relative_to(docs).as_posix()
            if path.is_file() and not any(p.startswith(".") for p in relative.split("/")):
                hand_written[relative] = path
    kept = set(hand_written_wins([*site.pages, *site.assets], set(hand_written)))
    for uri, content in site.pages.items():
        if uri in kept:
            atomic_write(out / uri, content)
    for uri, data in site.assets.items():
        if uri in kept:
            _write(out / uri, data)
    for uri, path in hand_written.items():
        if uri.endswith(".md"):
            text = path.read_text(encoding="utf-8")
            atomic_write(out / uri, fill_listing(text, site.renderer, uri))
        else:
            (out / uri).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, out / uri)
    # The plugin's own nav: home, the generated sections by their index pages, then the
    # hand-written pages; documents and people are reached from the listings.
    published = {*hand_written, *(u for u in site.pages if u in kept)}
    nav: list = ["index.md"] if "index.md" in published else []
    nav += site.renderer.nav()
    nav += default_nav(u for u in hand_written if u != "index.md" and u not in site.pages)
    fragment = config_fragment(out if config is None else _relative(out, config.parent), nav)
    if config is not None:
        atomic_write(config, _FRAGMENT_HEADER + yaml.safe_dump(fragment, sort_keys=False))
    return fragment


_FRAGMENT_HEADER = """\
# Written by `python -m generator pages`: what the exported pages need. A short mkdocs.yml
# beside this file builds the site with MkDocs, ProperDocs or Zensical:
#   INHERIT: summaries.yml
#   site_name: My archive
#   site_url: https://example.org/archive/
"""


def config_fragment(docs_dir: Path | str, nav: list) -> dict[str, Any]:
    return {
        "docs_dir": str(docs_dir),
        "theme": {"name": "material", "features": ["navigation.indexes", "navigation.prune"]},
        "plugins": copy.deepcopy(EXPORT_PLUGINS),
        "markdown_extensions": list(EXPORT_EXTENSIONS),
        "extra_css": [CSS_URI],
        "nav": nav,
    }


def _relative(path: Path, start: Path) -> str:
    import os

    return os.path.relpath(path.resolve(), start.resolve())


def _write(path: Path, data: str | bytes) -> None:
    if isinstance(data, str):
        atomic_write(path, data)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
