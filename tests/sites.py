"""Small MkDocs projects for the tests and the benchmarks, and the real builders run on them.

Kept free of pytest so that ``benchmarks/`` can write the same project the tests build;
``tests/conftest.py`` re-exports these names for the tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_784cf20fb6785547.txt"
SHARED = ROOT.parent / "shared"

# The example project of this repository: what a reader of the README builds.
EXAMPLE = ("mkdocs.yml", "docs", "seeds")


def mkdocs_config(
    plugin: str = "",
    *,
    site_name: str = "Test site",
    site_url: str = "https://example.org/test/",
    plugins: str = "",
) -> str:
    """The tests' mkdocs.yml: Material, search, tags and the summaries plugin reading
    ``sources/`` in one process; ``plugin`` adds options to the summaries plugin and
    ``plugins`` whole plugin entries after it (YAML, indented as at the top level)."""
    options = textwrap.indent(textwrap.dedent(plugin).strip(), " " * 6)
    more = textwrap.indent(textwrap.dedent(plugins).strip(), "  ")
    head = textwrap.dedent(
        f"""\
        site_name: {site_name}
        site_url: {site_url}
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
    return head + "".join(part + "\n" for part in (options, more) if part)


def write_site(
    root: Path,
    sources: dict[str, str | bytes] | None = None,
    plugin: str = "",
    docs: dict[str, str] | None = None,
    **config: str,
) -> Path:
    """A MkDocs project in ``root`` with the given sources and hand-written docs; ``plugin``
    and ``config`` go to `mkdocs_config`."""
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
    (root / "mkdocs.yml").write_text(mkdocs_config(plugin, **config), encoding="utf-8")
    return root


def copy_example(root: Path) -> Path:
    """This repository's example project (mkdocs.yml, docs/, seeds/) copied into ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    for name in EXAMPLE:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, root / name)
    return root


def child_env() -> dict[str, str]:
    """The environment of a child process that must import this checkout's `generator`."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + (":" + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


def mkdocs_build(
    root: Path, *args: str, builder: str = "mkdocs", timeout: float | None = 600
) -> subprocess.CompletedProcess[str]:
    """A real ``build`` of ``root/mkdocs.yml`` by ``builder`` (a module run with ``python
    -m``: mkdocs, properdocs), in a child process; the result keeps the log for assertions."""
    return subprocess.run(
        [sys.executable, "-m", builder, "build", "-f", str(root / "mkdocs.yml"), *args],
        cwd=root,
        capture_output=True,
        text=True,
        env=child_env(),
        timeout=timeout,
    )


def run_generator(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """``python -m generator --no-progress ARGS`` in a child process; fails on a non-zero exit."""
    return subprocess.run(
        [sys.executable, "-m", "generator", "--no-progress", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=child_env(),
        check=True,
        timeout=600,
    )
