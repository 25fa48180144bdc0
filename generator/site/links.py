"""Internal link check of a built site: every link and resource a page names must be a file
of the site, as a static host (GitHub Pages) would serve it under the site's address.

Builder-neutral: it reads only the HTML that MkDocs, ProperDocs or Zensical wrote, so the same
check runs on each of them (tests/test_builders.py, the Pages workflow).
"""

from __future__ import annotations

import html.parser
import posixpath
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Attributes that name a URL the browser loads or follows.
_URL_ATTRIBUTES = {
    "a": ("href",),
    "link": ("href",),
    "area": ("href",),
    "img": ("src",),
    "script": ("src",),
    "iframe": ("src",),
    "source": ("src",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "embed": ("src",),
    "object": ("data",),
    "form": ("action",),
}


@dataclass(frozen=True)
class BrokenLink:
    page: str  # the page's path in the site, e.g. "articles/2020/01/x/index.html"
    url: str  # the link as written in the page
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.url} ({self.reason})"


class _Collector(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.ids: set[str] = set()
        self.base: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if values.get(key):
                self.ids.add(values[key] or "")
        if tag == "base" and values.get("href") and self.base is None:
            self.base = values["href"]
        for attribute in _URL_ATTRIBUTES.get(tag, ()):
            value = values.get(attribute)
            if value is not None and value.strip():
                self.urls.append(value.strip())


@dataclass
class _Page:
    urls: list[str]
    ids: set[str]
    base: str | None


def _parse(path: Path) -> _Page:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8", errors="replace"))
    collector.close()
    return _Page(collector.urls, collector.ids, collector.base)


def _site_prefix(site_url: str | None) -> tuple[str, str]:
    """(origin, path prefix) of the site's address: ``https://example.org/sub/`` gives
    ``("https://example.org", "/sub/")``; no address serves the site from ``/``."""
    if not site_url:
        return "", "/"
    parts = urlsplit(site_url)
    prefix = parts.path if parts.path.endswith("/") else parts.path + "/"
    return f"{parts.scheme}://{parts.netloc}", prefix


@dataclass
class LinkReport:
    pages: int  # HTML pages read
    checked: int  # internal links and resources checked
    broken: list[BrokenLink]


def check_site(
    site: Path | str, site_url: str | None = None, *, anchors: bool = True
) -> LinkReport:
    """The site's broken internal links: a path outside the site's address, a file the site
    does not have, or (with ``anchors``) a ``#fragment`` that no element of an HTML target has
    as its id. Directory URLs resolve to their ``index.html``. Links to other sites are not
    followed; an absolute link to this site's own address is checked like a relative one."""
    site = Path(site)
    origin, prefix = _site_prefix(site_url)
    pages = {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*.html"))}
    parsed: dict[str, _Page] = {}

    def page_of(name: str) -> _Page:
        if name not in parsed:
            parsed[name] = _parse(pages[name])
        return parsed[name]

    broken: list[BrokenLink] = []
    checked = 0
    for name in pages:
        page = page_of(name)
        # The page's own address, the base its relative links resolve from.
        here = prefix + name
        if page.base:
            base_path = _resolve(here, page.base, origin)
            if base_path is None or not base_path.startswith(prefix):
                broken.append(BrokenLink(name, page.base, "<base> outside the site"))
                continue
            here = base_path
        for url in page.urls:
            path = _resolve(here, url, origin)
            if path is None:
                continue  # another site, mailto:, javascript:, data: ...
            checked += 1
            fragment = urlsplit(url).fragment
            if not path.startswith(prefix):
                broken.append(BrokenLink(name, url, f"resolves to {path}, outside {prefix}"))
                continue
            target = _target(site, path[len(prefix) :])
            if target is None:
                broken.append(BrokenLink(name, url, f"no file for {path}"))
                continue
            html_target = anchors and fragment and target in pages
            if html_target and unquote(fragment) not in page_of(target).ids:
                broken.append(BrokenLink(name, url, f"no id {fragment!r} in {target}"))
    return LinkReport(len(pages), checked, broken)


def _resolve(here: str, url: str, origin: str) -> str | None:
    """The URL path that ``url``, written in the page at path ``here``, leads to; None for a
    link that leaves this site's origin or is no web address."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        if parts.scheme not in ("http", "https", "") or not origin:
            return None
        if f"{parts.scheme or origin.split(':')[0]}://{parts.netloc}" != origin:
            return None
        path = parts.path or "/"
    elif not parts.path:
        return here  # "#anchor" or "?query": this very page
    elif parts.path.startswith("/"):
        path = parts.path
    else:
        path = posixpath.join(posixpath.dirname(here), parts.path)
    trailing = path.endswith("/") or path.endswith("/.") or path.endswith("/..")
    normal = posixpath.normpath(unquote(path))
    if normal.startswith("//"):
        normal = "/" + normal.lstrip("/")
    if not normal.startswith("/") or _escapes_root(path):
        return "(above the root)"
    return normal.rstrip("/") + "/" if trailing and normal != "/" else normal


def _escapes_root(path: str) -> bool:
    depth = 0
    for segment in path.split("/"):
        if segment == "..":
            depth -= 1
            if depth < 0:
                return True
        elif segment not in ("", "."):
            depth += 1
    return False


def _target(site: Path, relative: str) -> str | None:
    """The site file a path inside the site serves, as a static host would: a directory (with
    or without its slash) serves its ``index.html``."""
    candidate = site / relative
    if relative == "" or relative.endswith("/") or candidate.is_dir():
        index = (candidate / "index.html") if relative else site / "index.html"
        return index.relative_to(site).as_posix() if index.is_file() else None
    return relative if candidate.is_file() else None


def iter_report(broken: list[BrokenLink], limit: int = 20) -> Iterator[str]:
    for link in broken[:limit]:
        yield str(link)
    if len(broken) > limit:
        yield f"... and {len(broken) - limit} more"
