"""What a reader's browser downloads of the Pagefind index (`search: pagefind`): the Find page
opened in Debian's Chromium, then one search typed; every file under ``pagefind/`` that the
page fetched, by its size on disk (Pagefind's index files are compressed already, and the
test server sends them as they are).

    python -m benchmarks.find_bytes SITE_DIR [--query WORDS]
"""

from __future__ import annotations

import argparse
import json
import sys
import urllib.parse
from pathlib import Path

# A name every generated archive has (the texts are news): common enough to load chunks of
# the index and fragments of results.
DEFAULT_QUERY = "president"


def _sizes(site: Path, base: str, urls: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for url in dict.fromkeys(urls):
        if not url.startswith(base) or "/pagefind/" not in url:
            continue
        path = urllib.parse.unquote(urllib.parse.urlsplit(url).path).lstrip("/")
        file = site / path
        if file.is_file():
            out[path] = file.stat().st_size
    return out


def find_bytes(site: Path, query: str = DEFAULT_QUERY) -> dict:
    """Bytes of ``pagefind/`` fetched: when the Find page is ready (entry, script, wasm,
    filters), and in all once one search has shown its results; the index's total size."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.browser import DESKTOP, block_external, launch_browser, serve

    with serve(site) as url, launch_browser() as browser:
        context = browser.new_context(viewport=DESKTOP)
        page = context.new_page()
        block_external(page, url)
        fetched: list[str] = []
        page.on("requestfinished", lambda r: fetched.append(r.url))
        page.goto(url + "find/")
        page.wait_for_function(
            "document.getElementById('summaries-find').dataset.ready === 'yes'", timeout=120_000
        )
        ready = _sizes(site, url, fetched)
        done = int(page.locator("#summaries-find").get_attribute("data-done") or 0)
        page.locator(".summaries-find-query").fill(query)
        page.wait_for_function(
            "([n]) => Number(document.getElementById('summaries-find').dataset.done || 0) > n",
            arg=[done],
            timeout=120_000,
        )
        page.wait_for_timeout(1500)  # result fragments load after the count is shown
        status = page.locator(".summaries-find-status").inner_text()
        after = _sizes(site, url, fetched)
        context.close()
    index = site / "pagefind"
    total = sum(p.stat().st_size for p in index.rglob("*") if p.is_file())
    kinds: dict[str, int] = {}
    for path, size in after.items():
        kind = path.split("/")[1] if path.count("/") > 1 else Path(path).suffix or path
        kinds[kind] = kinds.get(kind, 0) + size
    return {
        "query": query,
        "status": status,
        "ready_bytes": sum(ready.values()),
        "search_bytes": sum(after.values()),
        "files": len(after),
        "by_kind": kinds,
        "index_bytes": total,
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.find_bytes", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    p.add_argument("site", type=Path, help="a site built with `search: pagefind`")
    p.add_argument("--query", default=DEFAULT_QUERY)
    args = p.parse_args(argv)
    print(json.dumps(find_bytes(args.site.resolve(), args.query), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
