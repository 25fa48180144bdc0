"""Command line: the same pipeline as the plugin (`python -m generator ...`)."""

# A thin shell, as the MkDocs plugin is, over the same two functions: records from the
# sources (`pipeline.records.build`) and a site from the records (`site.assemble`, which
# `site.export` writes out). The docstring above is the `--help` text.

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import logging
import sys
from pathlib import Path

from . import __version__, serialize
from .cache import AnalysisCache, PageCache
from .pipeline import DEFAULT_METHOD, DEFAULT_SENTENCES, KNOWN_METHODS, Settings, build, make_runner
from .site import SiteOptions, assemble, check_site, export, iter_report
from .sources import encoding_name

EVALUATIONS = ("summaries", "dates", "participants", "facts", "threads")


def _encoding(name: str) -> str:
    try:
        return encoding_name(name)
    except LookupError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


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
    runner = make_runner(args.processes, args.scheduler, args.progress)
    results = runner(jobs, _settings(args))
    failed = 0
    for (doc_id, text, _), analysis in zip(rows, results, strict=True):
        if isinstance(analysis, Exception):
            print(f"{doc_id}: analysis failed: {analysis}", file=sys.stderr)
            failed += 1
            continue
        sys.stdout.write(
            json.dumps(serialize.analyze_row(doc_id, text, analysis), ensure_ascii=False) + "\n"
        )
    return 1 if failed else 0


def cmd_pages(args: argparse.Namespace) -> int:
    """The site without a builder's plugin: pages, stylesheet, source copies, hand-written
    pages with their listings, and the mkdocs.yml fragment (`site.export`)."""
    cache_dir = Path(args.cache_dir) if args.cache_dir else None
    src, out = Path(args.src), Path(args.out)
    docs = Path(args.docs) if args.docs else None
    runner = make_runner(args.processes, args.scheduler, args.progress)
    result = build(src, _settings(args), AnalysisCache(cache_dir), runner, args.encoding)
    options = SiteOptions(
        full_text_search=args.full_text_search,
        source_url=args.source_url,
        home=not (docs is not None and (docs / "index.md").is_file()),
        site_url=args.site_url,
        max_person_pages=max(0, args.max_person_pages),
    )
    site = assemble(result, src, options, PageCache(cache_dir))
    config = Path(args.config) if args.config else out.parent / "summaries.yml"
    export(site, out, docs=docs, config=config)
    print(
        f"{len(site.pages)} pages for {len(result.records)} documents written to {out}; "
        f"{len(result.skipped)} skipped; its mkdocs.yml fragment: {config} "
        f"(a mkdocs.yml beside it with `INHERIT: {config.name}`, site_name and site_url "
        "builds it with mkdocs, properdocs or zensical)",
        file=sys.stderr,
    )
    return 0


def cmd_links(args: argparse.Namespace) -> int:
    """Check a built site's internal links (`links.check_site`); non-zero when one is broken."""
    report = check_site(Path(args.site), args.site_url, anchors=not args.no_anchors)
    for line in iter_report(report.broken, limit=args.limit):
        print(line)
    print(
        f"{report.pages} pages, {report.checked} internal links, {len(report.broken)} broken",
        file=sys.stderr,
    )
    return 1 if report.broken else 0


def cmd_evaluate(args: argparse.Namespace, rest: list[str]) -> int:
    module = importlib.import_module(f"generator.evaluation.{args.kind}")
    return module.main([args.file, *rest])


def cmd_bench(args: argparse.Namespace, rest: list[str]) -> int:
    # The benchmarks live beside the package in a checkout (benchmarks/), not in the wheel.
    checkout = Path(__file__).resolve().parent.parent
    if not (checkout / "benchmarks" / "bench.py").is_file():
        print("bench runs from a checkout of the project (benchmarks/bench.py)", file=sys.stderr)
        return 2
    sys.path.insert(0, str(checkout))
    from benchmarks import bench

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
    g.add_argument(
        "--docs", default=None, help="hand-written pages to include (their listings filled)"
    )
    g.add_argument(
        "--site-url",
        default=None,
        help="the address the site will be served at: people and stories get feeds",
    )
    g.add_argument(
        "--source-url",
        default=None,
        help="base URL of the sources (links to them) instead of plain-text copies",
    )
    g.add_argument(
        "--config",
        default=None,
        help="where to write the mkdocs.yml fragment (default: summaries.yml beside OUT)",
    )
    g.add_argument(
        "--max-person-pages",
        type=int,
        default=SiteOptions.max_person_pages,
        help="person pages in total; the people in the fewest documents get none past it",
    )
    g.add_argument(
        "--encoding",
        default=None,
        type=_encoding,
        help="legacy code page of the sources that are not UTF-8 (koi8_r, shift_jis, cp1252...)",
    )
    g.add_argument("src")
    g.add_argument("out")
    k = sub.add_parser("links", help="check every internal link of a built site")
    k.add_argument("site", help="the built site's folder")
    k.add_argument("--site-url", default=None, help="the address it is served at (its site_url)")
    k.add_argument("--no-anchors", action="store_true", help="do not check #fragments")
    k.add_argument("--limit", type=int, default=50, help="broken links to list")
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
    commands = {"analyze": cmd_analyze, "pages": cmd_pages, "links": cmd_links}
    return commands[args.command](args)
