"""Generated pages whose HTML MkDocs made in an earlier build are not converted again.

Converting Markdown is most of a MkDocs build (three quarters of a warm build of 1,000
documents, profiled), and a build with nothing new hands MkDocs the same generated pages
again. A page's HTML depends only on its Markdown, its place in the site, the site's files
and their URLs (the links it resolves) and the Markdown settings: with all of these
unchanged (`page_key`), the page gets the HTML, table of contents, title and anchors of the
last build (`HtmlCache`), and the events that follow (``on_page_content``, the theme, the
search index) run as they always do. Hand-written pages are always converted.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from .cache import HtmlCache

_VERSIONS = ("mkdocs", "markdown", "pymdown-extensions", "mkdocs-material")


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return ""


def site_key(config: MkDocsConfig, files: Files) -> str:
    """What every page's HTML depends on besides its own Markdown: the Markdown settings,
    the converter's versions and every file of the site with its URL."""
    digest = hashlib.sha256()
    settings = [
        config["markdown_extensions"],
        config["mdx_configs"],
        config["use_directory_urls"],
        [_version(n) for n in _VERSIONS],
    ]
    digest.update(json.dumps(settings, sort_keys=True, default=repr).encode())
    for file in sorted(files, key=lambda f: f.src_uri):
        digest.update(f"\0{file.src_uri}\0{file.url}".encode())
    return digest.hexdigest()


def page_key(site: str, page: Page) -> str:
    digest = hashlib.sha256(f"{site}\0{page.file.src_uri}\0".encode())
    digest.update((page.markdown or "").encode())
    return digest.hexdigest()


def _tokens(items: list[AnchorLink]) -> list[dict[str, Any]]:
    """A table of contents as the `toc` extension's tokens (what `get_toc` reads)."""
    return [
        {"level": a.level, "id": a.id, "name": a.title, "children": _tokens(a.children)}
        for a in items
    ]


def reuse_html(page: Page, cache: HtmlCache, site: str) -> None:
    """Makes ``page.render`` take the HTML of the last build when the page's key (read
    when MkDocs renders, after every plugin changed the Markdown) is unchanged, and convert
    and keep it otherwise."""

    def render(config: MkDocsConfig, files: Files) -> None:
        key = page_key(site, page)
        entry = cache.get(key)
        if entry is not None:
            content, toc, title, anchors, links = entry
            page.content = content
            page.toc = get_toc(toc)
            page._title_from_render = title  # what Page.render sets (MkDocs 1.6)
            page.present_anchor_ids = set(anchors)
            page.links_to_anchors = {
                target: anchored
                for uri, anchored in (links or {}).items()
                if (target := files.get_file_from_path(uri)) is not None
            } or None
            return
        Page.render(page, config, files)
        links = {f.src_uri: a for f, a in (page.links_to_anchors or {}).items()}
        cache.put(
            key,
            [
                page.content,
                _tokens(list(page.toc)),
                getattr(page, "_title_from_render", None),
                sorted(page.present_anchor_ids or ()),
                links or None,
            ],
        )

    page.render = render  # type: ignore[method-assign]
