from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_784cf20fb6785547.txt"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from generator.nlp.model import load_model

    return load_model()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def write_site(
    root: Path,
    sources: dict[str, str | bytes] | None = None,
    plugin: str = "",
    docs: dict[str, str] | None = None,
) -> Path:
    """A MkDocs project in ``root`` with the given sources and hand-written docs."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    for name, content in (docs or {}).items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    src = root / "sources"
    src.mkdir(exist_ok=True)
    for name, content in (sources or {}).items():
        path = src / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    options = textwrap.indent(textwrap.dedent(plugin).strip(), " " * 6)
    (root / "mkdocs.yml").write_text(
        textwrap.dedent(
            """\
            site_name: Test site
            site_url: https://example.org/test/
            theme:
              name: material
              features: [navigation.indexes, navigation.prune]
            plugins:
              - search
              - tags
              - summaries:
                  sources: sources
                  processes: 1
                  progress: false
            """
        )
        + (options + "\n" if options else ""),
        encoding="utf-8",
    )
    return root


def mkdocs_build(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """A real `mkdocs build` in ``root``; the result keeps the log for assertions."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(root / "mkdocs.yml"), *args],
        cwd=root,
        capture_output=True,
        text=True,
        env={**_env(), "NO_MKDOCS_2_WARNING": "1"},
        timeout=600,
    )


def _env() -> dict[str, str]:
    import os

    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + (":" + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


@pytest.fixture
def copy_seed():
    def _copy(dest: Path) -> None:
        dest.mkdir(parents=True, exist_ok=True)
        shutil.copy(SEED, dest / SEED.name)

    return _copy


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session: Playwright's sync API allows only one
    running instance per thread, so every browser test shares this one."""
    from .browser import chromium_missing, launch_browser

    if reason := chromium_missing():
        pytest.skip(reason)
    with launch_browser() as chromium:
        yield chromium


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current code instead of comparing with it",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
