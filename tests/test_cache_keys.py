"""The cache keys cover all the code that decides what they cache.

An analysis or a page cached under a key that ignores one of the modules it ran through
would survive a change to that module: a stale fact on the site. The keys hash files found
by folder (`cache.analysis_files`, `site.assembly.rendering_code`); these tests follow every
import, lazy ones inside functions included, from where each stage starts, and fail when a
module it reaches is outside the hashed set.
"""

from __future__ import annotations

import ast
from pathlib import Path

from generator.cache import analysis_files
from generator.site import rendering_code

from .conftest import ROOT

PACKAGE = ROOT / "generator"


def _module_file(dotted: str) -> Path | None:
    parts = dotted.split(".")
    if parts[0] != "generator":
        return None
    base = PACKAGE.joinpath(*parts[1:])
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imports(path: Path) -> set[Path]:
    """The project's modules that ``path`` imports, anywhere in its code."""
    here = ["generator", *path.relative_to(PACKAGE).with_suffix("").parts]
    package = here[:-1] if path.name != "__init__.py" else here[:-1]
    found: set[Path] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = [*base, *(node.module.split(".") if node.module else [])]
            names = [".".join(module)] + [".".join([*module, a.name]) for a in node.names]
        else:
            continue
        for name in names:
            if (file := _module_file(name)) is not None and file != path:
                found.add(file)
    return found


def _closure(start: Path) -> set[Path]:
    seen, todo = set(), [start]
    while todo:
        path = todo.pop()
        if path not in seen:
            seen.add(path)
            todo.extend(_imports(path))
    return seen


def _package_inits(paths: set[Path]) -> set[Path]:
    return {p for p in paths if p.name == "__init__.py"}


def test_the_analysis_cache_key_covers_every_module_the_analysis_runs() -> None:
    reached = _closure(PACKAGE / "pipeline" / "analysis.py")
    hashed = set(analysis_files(PACKAGE))
    # The package's own __init__ carries the version, which the key includes by value.
    missing = reached - hashed - {PACKAGE / "__init__.py"} - _package_inits(reached)
    assert not missing, f"not in the analysis cache key: {sorted(map(str, missing))}"
    assert PACKAGE / "nlp" / "data" / "en" / "time_zones.txt" in hashed


def test_the_page_cache_key_covers_every_module_rendering_runs() -> None:
    reached = set()
    for start in (PACKAGE / "site").glob("*.py"):
        if start.name not in ("assembly.py", "links.py", "__init__.py"):
            reached |= _closure(start)
    hashed = set(rendering_code())
    missing = reached - hashed - {PACKAGE / "__init__.py"} - _package_inits(reached)
    assert not missing, f"not in the page cache key: {sorted(map(str, missing))}"


def test_the_import_walk_sees_lazy_imports() -> None:
    # pipeline/analysis.py imports the stages inside functions, so that a cached build
    # never loads spaCy: a walk of top-level imports only would miss all of them.
    reached = _closure(PACKAGE / "pipeline" / "analysis.py")
    assert PACKAGE / "dates" / "values.py" in reached
    assert PACKAGE / "people" / "merge.py" in reached
