"""The MkDocs plugin: `mkdocs build` reads `sources`, analyses each document and adds the pages.

A thin shell, as the command line (`cli`) is, over the same two functions: records from the
sources (`pipeline.records.build`) and a site from the records (`site.assemble`), whose files
are handed to MkDocs in memory. Nothing is written into `docs/`.
"""

from __future__ import annotations

import gc
import logging
import time
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel, file_sort_key
from mkdocs.structure.pages import Page
from mkdocs.utils import nest_paths

from .cache import AnalysisCache, HtmlCache, PageCache
from .feed_meta import feed_images, for_the_feed
from .page_html import reuse_html, site_key
from .page_output import ThemedPages
from .pipeline import (
    DEFAULT_METHOD,
    DEFAULT_SENTENCES,
    BuildResult,
    Settings,
    build,
    check_method,
    make_runner,
)
from .site import (
    CSS_URI,
    REQUIRED_EXTENSIONS,
    Site,
    SiteOptions,
    SiteRenderer,
    add_date_terms,
    assemble,
    default_templates,
    find_page,
    hand_written_wins,
    page_uri,
    pagefind_page,
    squeeze_whitespace,
)
from .sources import encoding_name

log = logging.getLogger("mkdocs.plugins.summaries")
FIND_URI = "find.md"
FIND_JS_URI = "assets/summaries/find.js"


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
    """Base URL of the sources in your repository; by default a copy is published."""

    home = c.Type(bool, default=True)
    """Generate the home page when `docs/` has no `index.md` of its own."""

    processes = c.Type(int, default=0)
    """Worker processes for analysis; 0 uses every core."""

    executor = c.Optional(c.Type(str))
    """A Dask scheduler address (`tcp://host:8786`) to run the analysis on a cluster."""

    encoding = c.Optional(c.Type(str))
    """The code page (`koi8_r`, `cp1252`) of every source, sidecar, `aliases.yml` not in UTF-8."""

    progress = c.Type(bool, default=True)
    """Show a progress bar while analysing many documents."""

    search = c.Choice(("material", "pagefind"), default="material")
    """`pagefind`: a Find page with filters and sorting by date (`pip install pagefind[bin]`)."""

    llms_txt = c.Type(bool, default=True)
    """Publish `llms.txt` and `llms-full.txt` (llmstxt.org) at the site root."""

    page_size = c.Type(int, default=100)
    """Documents per articles page (past it, a page per year or run of years); people pages
    4x as many rows, timeline 3x, tags 5x, an entity's key dates 2x (README "Options")."""

    entity_pages = c.Type(bool, default=True)
    """A page per place and per organization named in two documents or more, and their A-Z
    indexes; `false` leaves the names as plain text on the documents' pages."""

    stories = c.Type(bool, default=True)
    """Story threads: "More on this story" and "Related" on document pages, and a page per
    story; `false` leaves them out (and skips finding them)."""

    max_person_pages = c.Type(int, default=SiteOptions.max_person_pages)
    """Person pages in total; past it the people in the fewest documents get none (a
    warning says how many; README "Options"). 0: no person pages."""


class SummariesPlugin(BasePlugin[_PluginConfig]):
    def __init__(self) -> None:
        self.result: BuildResult | None = None
        self.renderer: SiteRenderer | None = None
        self.site: Site | None = None
        self.sources: Path | None = None
        self.user_nav = False
        self.documents: dict = {}
        self._generated: set[str] = set()
        self._escaped: dict[str, dict[str, Any]] = {}
        self._images: dict[str, str | None] = {}
        self._src_paths: dict[str, str | None] = {}
        self.docs_dir: Path | None = None
        self.cache_dir: Path | None = None
        self.html_cache, self._site_key, self.themed = HtmlCache(None), "", ThemedPages(None)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").resolve().parent
        self.sources = (root / self.config.sources).resolve()
        if not self.sources.is_dir():
            log.warning("Sources folder %s does not exist; no documents to publish", self.sources)
        try:
            self.config.encoding = self.config.encoding and encoding_name(self.config.encoding)
        except LookupError as exc:
            raise PluginError(f"summaries: {exc}") from None
        cache_dir = root / self.config.cache_dir if self.config.cache_dir else None
        self.cache = AnalysisCache(cache_dir)
        self.page_cache = PageCache(cache_dir)
        self.cache_dir = cache_dir
        self.templates = (root / self.config.templates).resolve() if self.config.templates else None
        self.settings = Settings(
            sentences=self.config.sentences,
            words=self.config.words,
            method=self.config.method,
            key_dates=self.config.key_dates,
            model=self.config.model,
        )
        check_method(self.config.method)  # an unknown method fails here, early
        # Read on every build (`mkdocs serve` loads the config afresh): a nav we set for the
        # previous build is not the user's.
        self.user_nav = config.nav is not None
        config.extra_css.append(CSS_URI)
        for extension in REQUIRED_EXTENSIONS:  # the generated pages' links need them
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        if self.config.search == "pagefind":
            config.extra_javascript.append(FIND_JS_URI)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.sources is not None
        if not self.sources.is_dir():
            return files
        gc.unfreeze()  # `mkdocs serve`: the previous build's objects may be collected now
        self._generated, self._escaped, self._src_paths = set(), {}, {}
        self.html_cache, self._site_key = HtmlCache(self.cache_dir), ""
        self.themed = ThemedPages(self.cache_dir)  # and the theme's output of them
        self.docs_dir = Path(config.docs_dir).resolve()
        started = time.perf_counter()
        runner = make_runner(self.config.processes, self.config.executor, self.config.progress)
        result = build(self.sources, self.settings, self.cache, runner, self.config.encoding)
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
            page_size=max(1, self.config.page_size),
            site_url=config.site_url or None,
            max_person_pages=max(0, self.config.max_person_pages),
            entity_pages=self.config.entity_pages,
            stories=self.config.stories,
        )
        self.site = site = assemble(result, self.sources, options, self.page_cache)
        self.result, self.renderer = result, site.renderer
        self.documents = {page_uri(r): r for r in result.records}
        self._images = feed_images(result.records, files, self.docs_dir)
        in_nav = site.renderer.nav_uris() | {"index.md", FIND_URI}
        hand_written = {f.src_uri for f in files if not f.generated_by}
        # Hand-written pages the generated nav does not already name (by their path).
        user_pages = [
            f
            for f in files.documentation_pages()
            if not f.generated_by and f.src_uri not in site.pages
        ]
        content = {**site.pages, **site.assets}
        for uri in hand_written_wins(content, hand_written):
            # Pages outside the nav are not listed in it: neither in the sidebar of every
            # page nor in MkDocs' "not included in the nav" message.
            inclusion = (
                InclusionLevel.NOT_IN_NAV
                if uri.endswith(".md") and uri not in in_nav
                else InclusionLevel.UNDEFINED
            )
            self._add(files, config, uri, content[uri], site.origins.get(uri), inclusion)
        if self.config.search == "pagefind":
            script = (default_templates() / "find.js").read_text(encoding="utf-8")
            self._add(files, config, FIND_JS_URI, script)
            find = find_page(site.renderer, FIND_URI, config.use_directory_urls)
            self._add(files, config, FIND_URI, find)
        if not self.user_nav:
            config.nav = self._default_nav(files, user_pages)
        # Records, renderer and pages live until the build ends: frozen, the garbage
        # collector does not walk them again on every full collection while MkDocs renders.
        gc.collect()
        gc.freeze()
        return files

    def _default_nav(self, files: Files, user_pages: list[File]) -> list:
        """Home, the generated sections by their index pages, then the hand-written pages
        in MkDocs' own order (as its automatic nav would place them)."""
        assert self.renderer is not None
        nav: list = ["index.md"] if files.get_file_from_path("index.md") is not None else []
        nav += self.renderer.nav()
        if self.config.search == "pagefind":
            nav.append({"Find": FIND_URI})
        own = sorted(
            (f for f in user_pages if f.src_uri != "index.md" and f.inclusion.is_in_nav()),
            key=file_sort_key,
        )
        return nav + nest_paths(f.src_uri for f in own)

    def _add(
        self,
        files: Files,
        config: MkDocsConfig,
        uri: str,
        content: str | bytes,
        origin: str | None = None,
        inclusion: InclusionLevel = InclusionLevel.UNDEFINED,
    ) -> None:
        existing = files.get_file_from_path(uri)
        if existing is not None:  # generated by an earlier build (`mkdocs serve`)
            files.remove(existing)
        file = File.generated(config, uri, content=content, inclusion=inclusion)
        if uri.endswith(".md"):
            self._generated.add(uri)
        # mkdocs-rss-plugin needs a real path for every page it lists (`match_path: .*` too):
        # the page's document, else the configuration (content stays in memory).
        if origin and self.sources is not None:
            file.abs_src_path = str(self.sources / origin)
        elif uri.endswith(".md"):
            file.abs_src_path = config.config_file_path
        files.append(file)

    # Front matter text is HTML-escaped in the generated pages, because the theme prints it
    # raw. The feed plugin reads it while pages render (on_page_content): for that moment
    # only it gets each value in the form its feeds need (`feed_meta.for_the_feed`), and a
    # feed image's size is read from docs/. The theme's values are back before anything else
    # runs (the search index, the templates).
    @event_priority(100)
    def _feed_sees_text(self, html: str, *, page: Page, config: MkDocsConfig, files: Files):  # noqa: ANN202
        uri = page.file.src_uri
        if uri not in self._generated:
            return html
        self._escaped[uri] = for_the_feed(page.meta)
        image = self._images.get(uri, "")
        if image is None:  # named in on_files: not one of the site's files
            page.meta.pop("image", None)
            page.meta.pop("illustration", None)
        elif image and self.docs_dir is not None:
            # The feed plugin reads an image's size beside the page's source file: for this
            # moment the page's source is in docs/, where the image is.
            self._src_paths[uri] = page.file.abs_src_path
            page.file.abs_src_path = str(self.docs_dir / Path(uri).name)
        return html

    @event_priority(-100)
    def _theme_sees_html(self, html: str, *, page: Page, config: MkDocsConfig, files: Files):  # noqa: ANN202
        page.meta.update(self._escaped.pop(page.file.src_uri, {}))
        if page.file.src_uri in self._src_paths:
            page.file.abs_src_path = self._src_paths.pop(page.file.src_uri)
        return html

    on_page_content = CombinedEvent(_feed_sees_text, _theme_sees_html)

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if self.site is None:
            return markdown
        if page.file.src_uri in self._generated and self.cache_dir is not None:
            # Once per build, when every plugin has added its files.
            self._site_key = self._site_key or site_key(config, files)
            reuse_html(page, self.html_cache, self._site_key)
            self.themed.mark(page)
        return self.site.listing(markdown, page.file.src_uri)

    def on_env(self, env, *, config: MkDocsConfig, files: Files):  # noqa: ANN001, ANN201
        return self.themed.install(env, config, self._generated)

    @event_priority(-100)  # after every plugin has added to the context
    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):  # noqa: ANN001, ANN201
        if page.file.src_uri in self._generated:
            self.themed.context(page, context, self._site_key, config, nav)
        return context

    @event_priority(100)  # first: what is kept is what the theme made, finished as ours
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if page.file.src_uri not in self._generated:
            return output  # a hand-written page is published as the theme made it
        return self.themed.output(page, output, self._finish)

    def _finish(self, page: Page, output: str) -> str:
        record = self.documents.get(page.file.src_uri)
        if record is not None and self.config.search == "pagefind":
            output = pagefind_page(output, record)
        return squeeze_whitespace(output)

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.renderer is None:
            return
        site = Path(config.site_dir)
        self.html_cache.save()
        self.themed.save()
        if self.html_cache.hits or self.html_cache.misses:
            log.info(
                "summaries: %d generated pages converted, %d reused from the last build; "
                "%d themed, %d reused",
                *(self.html_cache.misses, self.html_cache.hits),
                *(self.themed.cache.misses, self.themed.cache.hits),
            )
        add_date_terms(site, self.renderer, config.use_directory_urls)
        if self.config.llms_txt:
            base = config.site_url or "/"
            short, full = self.renderer.llms_txt(
                config.site_name, config.site_description or "", base.rstrip("/") + "/"
            )
            (site / "llms.txt").write_text(short, encoding="utf-8")
            (site / "llms-full.txt").write_text(full, encoding="utf-8")
        if self.config.search == "pagefind":
            started = time.perf_counter()
            run_pagefind(site)
            log.info("summaries: Pagefind index in %.1f s", time.perf_counter() - started)

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder
    ) -> LiveReloadServer:  # noqa: ANN001
        if self.sources is not None and self.sources.is_dir():
            server.watch(str(self.sources))
        return server


def run_pagefind(site: Path) -> None:
    """Pagefind's own binary (PyPI `pagefind[bin]`) over the built site, offline."""
    import subprocess
    import sys

    try:
        import pagefind  # noqa: F401
    except ImportError as exc:
        raise PluginError(
            "search: pagefind needs the Pagefind binary: pip install 'pagefind[bin]'"
        ) from exc
    proc = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--quiet"],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        raise PluginError(f"Pagefind failed: {proc.stderr.strip() or proc.stdout.strip()}")
