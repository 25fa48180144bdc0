"""Shared helpers of the evaluation commands."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def read_jsonl(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                return
            if line.strip():
                yield json.loads(line)


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def build_archive(sources: Path, cache_dir: str, processes: int) -> Any:
    """The records of ``sources`` built as `mkdocs build` builds them (same settings, author
    values and archive-wide names), with the analysis cache in ``cache_dir`` ('' for none)."""
    from ..cache import AnalysisCache
    from ..pipeline import Settings, build, make_runner

    runner = make_runner(processes, progress=False)
    return build(sources, Settings(), AnalysisCache(Path(cache_dir) if cache_dir else None), runner)
