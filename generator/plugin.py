"""The MkDocs plugin: `mkdocs build` reads `sources`, analyses each document and adds the pages.

A thin shell over the library: documents are built into records (`build`), rendered into
pages (`pages`), and handed to MkDocs as generated files. Nothing is written into `docs/`.
"""

from __future__ import annotations

import gc
import html as html_lib
import logging
import time
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import runners
from .analysis import DEFAULT_METHOD, DEFAULT_SENTENCES, Settings, check_method
from .build import BuildResult, build
from .cache import AnalysisCache, PageCache
from .pages import CSS_URI, SiteOptions, SiteRenderer
from .site import REQUIRED_EXTENSIONS, Site, assemble, hand_written_wins

log = logging.getLogger("mkdocs.plugins.summaries")


class _PluginConfig(base.Config):
    sources = c.Type(str, default="seeds")
    """Folder of documents (`.txt`, `.md`, searched recursively), relative to `mkdocs.yml`."""

    sentences = c.Type(int, default=DEFAULT_SENTENCES)
    """Number of sentences in each summary."""

    words = c.Optional(c.Type(int))
    """A word budget for summaries instead of a sentence count (whole sentences only)."""

    method = c.Type(str, default=DEFAULT_METHOD)
    """Summarizer: our default, or any sumy method (`lexrank`, `textrank`, `luhn`, `lsa`, ...)."""

    key_dates = c.Type(int, default=5)
    """How many key dates each document's page and front matter show."""

    model = c.Type(str, default="en_core_web_sm")
    """spaCy model package for sentences and entities."""

    cache_dir = c.Type(str, default=".cache/summaries")
    """Analysis cache, relative to `mkdocs.yml`; an empty string turns caching off."""

    templates = c.Optional(c.Type(str))
    """A folder of your own Jinja2 templates; a file there overrides the packaged one."""

    full_text_search = c.Type(bool, default=False)
    """Index each document's full text for search (default: title, summary, facts and tags)."""

    source_url = c.Optional(c.Type(str))
    """Base URL of the sources in your repository (links to source files); by default a
    plain-text copy of each source is published beside the site."""

    home = c.Type(bool, default=True)
    """Generate the home page when `docs/` has no `index.md` of its own."""

    processes = c.Type(int, default=0)
    """Worker processes for analysis; 0 uses every core."""

    executor = c.Optional(c.Type(str))
    """A Dask scheduler address (`tcp://host:8786`) to run the analysis on a cluster."""

    progress = c.Type(bool, default=True)
    """Show a progress bar while analysing many documents."""


class SummariesPlugin(BasePlugin[_PluginConfig]):
    def __init__(self) -> None:
        self.result: BuildResult | None = None
        self.renderer: SiteRenderer | None = None
        self.site: Site | None = None
        self.sources: Path | None = None
        self._generated: set[str] = set()
        self._escaped: dict[str, dict[str, str]] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").resolve().parent
        self.sources = (root / self.config.sources).resolve()
        if not self.sources.is_dir():
            log.warning("Sources folder %s does not exist; no documents to publish", self.sources)
        cache_dir = root / self.config.cache_dir if self.config.cache_dir else None
        self.cache = AnalysisCache(cache_dir)
        self.page_cache = PageCache(cache_dir)
        self.templates = (root / self.config.templates).resolve() if self.config.templates else None
        self.settings = Settings(
            sentences=self.config.sentences,
            words=self.config.words,
            method=self.config.method,
            key_dates=self.config.key_dates,
            model=self.config.model,
        )
        check_method(self.config.method)  # an unknown method fails here, early
        config.extra_css.append(CSS_URI)
        for extension in REQUIRED_EXTENSIONS:  # the generated pages' links need them
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        return config

    def _runner(self):  # noqa: ANN202
        progress = self.config.progress
        if self.config.executor:
            scheduler = self.config.executor
            return lambda jobs, settings: runners.run_dask(jobs, settings, scheduler, progress)
        processes = self.config.processes or runners.default_processes()
        return lambda jobs, settings: runners.run_local(jobs, settings, processes, progress)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.sources is not None
        if not self.sources.is_dir():
            return files
        gc.unfreeze()  # `mkdocs serve`: the previous build's objects may be collected now
        self._generated, self._escaped = set(), {}
        started = time.perf_counter()
        result = build(self.sources, self.settings, self.cache, self._runner())
        log.info(
            "summaries: %d documents (%d analysed, %d from cache), %d skipped, in %.1f s",
            len(result.records),
            result.analyzed,
            result.cached,
            len(result.skipped),
            time.perf_counter() - started,
        )
        options = SiteOptions(
            use_directory_urls=config.use_directory_urls,
            full_text_search=self.config.full_text_search,
            templates=self.templates,
            source_url=self.config.source_url,
            home=self.config.home and files.get_file_from_path("index.md") is None,
        )
        self.site = site = assemble(result, self.sources, options, self.page_cache)
        self.result, self.renderer = result, site.renderer
        hand_written = {f.src_uri for f in files if not f.generated_by}
        content = {**site.pages, **site.assets}
        for uri in hand_written_wins(content, hand_written):
            self._add(files, config, uri, content[uri], site.origins.get(uri))
        # Records, renderer and pages live until the build ends: frozen, the garbage
        # collector does not walk them again on every full collection while MkDocs renders.
        gc.collect()
        gc.freeze()
        return files

    def _add(
        self,
        files: Files,
        config: MkDocsConfig,
        uri: str,
        content: str | bytes,
        origin: str | None = None,
    ) -> None:
        existing = files.get_file_from_path(uri)
        if existing is not None:  # generated by an earlier build (`mkdocs serve`)
            files.remove(existing)
        file = File.generated(config, uri, content=content)
        if uri.endswith(".md"):
            self._generated.add(uri)
        if origin and self.sources is not None:
            # The document the page comes from (content stays in memory): plugins such as
            # mkdocs-rss-plugin need a real path for every page they list.
            file.abs_src_path = str(self.sources / origin)
        files.append(file)

    # Titles and descriptions are HTML-escaped in the generated front matter, because the
    # theme prints them raw. The feed plugin reads them while pages render (on_page_content)
    # and escapes them itself: for that moment only, it gets the text as written, so a feed
    # says "Q&A", not "Q&amp;amp;A". The escaped values are back before anything else runs
    # (the search index, the templates).
    @event_priority(100)
    def _feed_sees_text(self, html: str, *, page: Page, config: MkDocsConfig, files: Files):  # noqa: ANN202
        if page.file.src_uri in self._generated:
            kept = {k: page.meta[k] for k in ("title", "description") if k in page.meta}
            self._escaped[page.file.src_uri] = kept
            for key, value in kept.items():
                if isinstance(value, str):
                    page.meta[key] = html_lib.unescape(value)
        return html

    @event_priority(-100)
    def _theme_sees_html(self, html: str, *, page: Page, config: MkDocsConfig, files: Files):  # noqa: ANN202
        page.meta.update(self._escaped.pop(page.file.src_uri, {}))
        return html

    on_page_content = CombinedEvent(_feed_sees_text, _theme_sees_html)

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if self.site is not None:
            return self.site.listing(markdown, page.file.src_uri)
        return markdown

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder
    ) -> LiveReloadServer:  # noqa: ANN001
        if self.sources is not None and self.sources.is_dir():
            server.watch(str(self.sources))
        return server
