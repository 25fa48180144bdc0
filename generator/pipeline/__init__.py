"""The pipeline: from a sources folder to records.

``build(sources, settings, cache, runner)`` loads the documents, analyses the new or changed
ones (``analyze_many``: one spaCy parse per document shared by the summary, date and people
stages) through a runner (``make_runner``: in this process, a local pool or a Dask cluster),
applies the author's values and unifies names across the archive. ``Settings`` are the
analysis options that decide a cache key.

The names load on first use, so that the cache (which needs ``Settings``) and the build
(which needs the cache) can import each other's faces, and a cached build never loads spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .analysis import (
        DEFAULT_METHOD,
        DEFAULT_SENTENCES,
        KNOWN_METHODS,
        Settings,
        analyze,
        analyze_many,
        check_method,
    )
    from .records import BuildResult, build, load_aliases, load_sources, make_record
    from .runners import default_processes, make_runner, run_dask, run_local

_WHERE = {
    "analysis": (
        "DEFAULT_METHOD",
        "DEFAULT_SENTENCES",
        "KNOWN_METHODS",
        "Settings",
        "analyze",
        "analyze_many",
        "check_method",
    ),
    "records": ("BuildResult", "build", "load_aliases", "load_sources", "make_record"),
    "runners": ("default_processes", "make_runner", "run_dask", "run_local"),
}
__all__ = [
    "BuildResult",
    "DEFAULT_METHOD",
    "DEFAULT_SENTENCES",
    "KNOWN_METHODS",
    "Settings",
    "analyze",
    "analyze_many",
    "build",
    "check_method",
    "default_processes",
    "load_aliases",
    "load_sources",
    "make_record",
    "make_runner",
    "run_dask",
    "run_local",
]


def __getattr__(name: str) -> Any:
    import importlib

    for module, names in _WHERE.items():
        if name in names:
            return getattr(importlib.import_module(f"{__name__}.{module}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
