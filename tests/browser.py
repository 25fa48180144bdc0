"""Helpers to look at a built site in a real browser: Debian's Chromium driven by Playwright.

Reusable from any test::

    from tests.browser import CHROMIUM, launch_browser, serve

    with serve(site_dir) as url, launch_browser() as browser:
        page = browser.new_page()
        page.goto(url + "articles/...")

Nothing is downloaded: Playwright's own browsers are never installed (no ``playwright
install``); ``CHROMIUM`` is the system browser, and the launch flags keep it off the network.

The browser tests save their screenshots under the ignored ``tests/artifacts/screenshots/``.
The README's pictures (``screenshots/``, committed) change only on purpose::

    python -m tests.browser --screenshots [PYTEST ARGS]

runs tests/test_browser.py with the screenshots written into ``screenshots/`` instead.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# Where the browser tests save their screenshots: an ignored folder, unless the README's
# pictures are being retaken (`main`).
SCREENSHOTS_VARIABLE = "SUMMARIES_SCREENSHOTS"
ARTIFACT_SCREENSHOTS = ROOT / "tests" / "artifacts" / "screenshots"
README_SCREENSHOTS = ROOT / "screenshots"

CHROMIUM = os.environ.get("SUMMARIES_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def screenshots_folder() -> Path:
    return Path(os.environ.get(SCREENSHOTS_VARIABLE) or ARTIFACT_SCREENSHOTS)


def chromium_missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not Path(CHROMIUM).is_file():
        return f"Chromium not found at {CHROMIUM} (scripts/test.sh installs Debian's chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright Python package is not installed (pip install -e '.[test]')"
    return None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextlib.contextmanager
def serve(directory: Path | str) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 at a free port; yields the base URL (ends with ``/``)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextlib.contextmanager
def launch_browser(**options: object) -> Iterator[object]:
    """A headless Chromium (Playwright ``Browser``), closed on exit."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS, **options
        )
        try:
            yield browser
        finally:
            browser.close()


def block_external(page, base_url: str) -> list[str]:  # noqa: ANN001
    """Abort every request that leaves ``base_url``; returns the list of blocked URLs."""
    blocked: list[str] = []

    def route(r) -> None:  # noqa: ANN001
        url = r.request.url
        if url.startswith(base_url) or url.startswith(("data:", "blob:", "about:")):
            r.continue_()
        else:
            blocked.append(url)
            r.abort()

    page.route("**/*", route)
    return blocked


@dataclass
class Visit:
    page: Any  # a Playwright Page, still open
    url: str  # where the site is served, ends with "/"
    pages: list[str]  # the folders of the site's pages, as visited
    dialogs: list[str]  # every dialog a page opened, filled as long as the page is used


@contextlib.contextmanager
def visit_every_page(browser: Any, site: Path) -> Iterator[Visit]:
    """Serves the built ``site``, opens each of its pages in one browser tab and moves the
    mouse over it, as a reader would; asserts that no document's script ran there (it would
    set ``window.__xss``), that no page sent the browser off the site and that no dialog
    opened. Requests to other sites are blocked. The tab stays open inside the block."""
    paths = sorted(p.relative_to(site).parent.as_posix() for p in site.rglob("index.html"))
    with serve(site) as url:
        page = browser.new_page()
        block_external(page, url)
        visit = Visit(page, url, paths, [])
        page.on("dialog", lambda d: (visit.dialogs.append(d.message), d.dismiss()))
        try:
            for path in paths:
                page.goto(url + ("" if path == "." else path + "/"))
                page.wait_for_load_state("load")
                page.mouse.move(200, 300)
                assert page.evaluate("typeof window.__xss") == "undefined", path
                assert page.url.startswith(url), (path, page.url)
            assert visit.dialogs == []
            yield visit
        finally:
            page.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.browser",
        description="Run the browser tests (tests/test_browser.py) on the example site.",
    )
    parser.add_argument(
        "--screenshots",
        action="store_true",
        help="retake the README's pictures: write the screenshots into screenshots/",
    )
    args, pytest_args = parser.parse_known_args(argv)
    env = dict(os.environ)
    if args.screenshots:
        env[SCREENSHOTS_VARIABLE] = str(README_SCREENSHOTS)
    command = [sys.executable, "-m", "pytest", "-q", "tests/test_browser.py", *pytest_args]
    return subprocess.run(command, cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    raise SystemExit(main())
