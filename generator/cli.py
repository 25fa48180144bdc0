"""Command line: the same pipeline as the plugin (`python -m generator ...`)."""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import logging
import sys
from pathlib import Path

from . import __version__, runners
from .analysis import DEFAULT_METHOD, DEFAULT_SENTENCES, KNOWN_METHODS, Settings
from .build import build
from .cache import AnalysisCache, atomic_write
from .pages import SiteOptions, SiteRenderer
from .record import Analysis

EVALUATIONS = ("summaries", "dates", "participants", "facts")


def _settings(args: argparse.Namespace) -> Settings:
    return Settings(sentences=args.sentences, words=args.words, method=args.method)


def _add_settings(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--sentences",
        type=int,
        default=DEFAULT_SENTENCES,
        help="summary length in sentences",
    )
    parser.add_argument(
        "--words", type=int, default=None, help="summary word budget instead of sentences"
    )
    parser.add_argument(
        "--method",
        default=DEFAULT_METHOD,
        help=f"summarizer: {', '.join(KNOWN_METHODS)}",
    )
    parser.add_argument("--processes", type=int, default=1, help="worker processes (0: every core)")
    parser.add_argument(
        "--scheduler",
        default=None,
        help="run the analysis on a Dask cluster: its scheduler address (tcp://host:8786)",
    )


def _runner(args: argparse.Namespace):  # noqa: ANN202
    """The runner the options ask for: a Dask cluster, or a local pool of processes."""
    if args.scheduler:
        return lambda jobs, s: runners.run_dask(jobs, s, args.scheduler, progress=args.progress)
    processes = args.processes or runners.default_processes()
    return lambda jobs, s: runners.run_local(jobs, s, processes, progress=args.progress)


def analysis_json(doc_id: str, text: str, analysis: Analysis) -> dict[str, object]:
    """The `analyze` contract: one object per input document."""

    def mentions(items: list) -> list[dict[str, int]]:  # noqa: ANN001
        return [{"start": m.start, "end": m.end} for m in items]

    return {
        "id": doc_id,
        "title": analysis.title,
        "summary": [text[m.start : m.end] for m in analysis.summary],
        "dates": [
            {"text": d.text, "start": d.start, "end": d.end, "value": d.value}
            for d in analysis.dates
        ],
        "participants": [
            {"name": p.name, "role": p.role, "mentions": mentions(p.mentions)}
            for p in analysis.participants
        ],
        "places": [{"name": e.name, "mentions": mentions(e.mentions)} for e in analysis.places],
        "organizations": [
            {"name": e.name, "mentions": mentions(e.mentions)} for e in analysis.organizations
        ],
    }


def cmd_analyze(args: argparse.Namespace) -> int:
    rows = []
    with open(args.input, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            row = json.loads(line)
            try:
                date = dt.date.fromisoformat(row["date"]) if row.get("date") else None
            except ValueError:
                print(
                    f"{args.input}:{n}: date {row['date']!r} is not YYYY-MM-DD; ignored",
                    file=sys.stderr,
                )
                date = None
            rows.append((str(row["id"]), row["text"], date))
    jobs = [(text, date) for _, text, date in rows]
    results = _runner(args)(jobs, _settings(args))
    failed = 0
    for (doc_id, text, _), analysis in zip(rows, results, strict=True):
        if isinstance(analysis, Exception):
            print(f"{doc_id}: analysis failed: {analysis}", file=sys.stderr)
            failed += 1
            continue
        sys.stdout.write(
            json.dumps(analysis_json(doc_id, text, analysis), ensure_ascii=False) + "\n"
        )
    return 1 if failed else 0


def cmd_pages(args: argparse.Namespace) -> int:
    cache = AnalysisCache(Path(args.cache_dir) if args.cache_dir else None)
    result = build(Path(args.src), _settings(args), cache, _runner(args))
    pages = SiteRenderer(
        result.records, SiteOptions(full_text_search=args.full_text_search)
    ).render()
    out = Path(args.out)
    for uri, content in pages.items():
        atomic_write(out / uri, content)
    print(
        f"{len(pages)} pages for {len(result.records)} documents written to {out}; "
        f"{len(result.skipped)} skipped",
        file=sys.stderr,
    )
    return 0


def cmd_evaluate(args: argparse.Namespace, rest: list[str]) -> int:
    module = importlib.import_module(f"generator.evaluation.{args.kind}")
    return module.main([args.file, *rest])


def cmd_bench(args: argparse.Namespace, rest: list[str]) -> int:
    from . import bench

    return bench.main(rest)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    p.add_argument("--version", action="version", version=__version__)
    p.add_argument("--no-progress", dest="progress", action="store_false", help="no progress bar")
    sub = p.add_subparsers(dest="command", required=True)
    a = sub.add_parser(
        "analyze", help="analyse a JSON Lines file of {id, text, date?}; JSON Lines out"
    )
    _add_settings(a)
    a.add_argument("input")
    g = sub.add_parser("pages", help="write the generated Markdown pages of a sources folder")
    _add_settings(g)
    g.add_argument("--cache-dir", default=".cache/summaries", help="analysis cache ('' for none)")
    g.add_argument("--full-text-search", action="store_true")
    g.add_argument("src")
    g.add_argument("out")
    e = sub.add_parser("evaluate", help="score a component on annotated JSON Lines")
    e.add_argument("kind", choices=EVALUATIONS)
    e.add_argument("file")
    sub.add_parser(
        "bench", help="benchmark builds of generated archives (see bench --help)", add_help=False
    )
    return p


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    args, rest = parser().parse_known_args(argv)
    if args.command == "evaluate":
        return cmd_evaluate(args, rest)
    if args.command == "bench":
        return cmd_bench(args, rest)
    if rest:
        parser().error(f"unrecognized arguments: {' '.join(rest)}")
    return {"analyze": cmd_analyze, "pages": cmd_pages}[args.command](args)
