"""Benchmark: builds of a generated archive of N documents (`python -m generator bench`).

The archive recycles the texts of the evaluation sets (``../shared/eval/*/dev.jsonl``) under
fresh file names in a temporary folder; nothing is copied into the repository. Each document
gets its own date (in its file name), so every document has its own cache key even where a
text repeats. Reported, each as the median (min-max) of ``--runs`` runs:

- cold: `mkdocs build` with an empty analysis cache;
- warm: `mkdocs build` again, nothing changed;
- one change: `mkdocs build` after one document changed (the log must say "1 analysed");
- plain: the same generated pages (`python -m generator pages`) built by a plain Material
  site without our plugin, same theme features and Markdown extensions;
- analysis (in one process, after the model is loaded): our analysis of the texts, a plain
  `nlp.pipe` pass with the model's full default pipeline over the same texts, and our
  analysis with 1 and with 2 worker processes (wall time and CPU time);
- peak memory of the build (sum of PSS over the build's process tree, sampled, and the
  largest single process's max RSS from the kernel), site size, search index size.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.sites import child_env

ROOT = Path(__file__).resolve().parent.parent
EVAL_DIR = ROOT.parent / "shared" / "eval"
FIRST_DATE = dt.date(1990, 1, 1)

SITE_CONFIG = """\
site_name: Benchmark archive
site_url: https://example.org/bench/
docs_dir: {docs}
theme:
  name: material
  features:
    - navigation.indexes
    - navigation.prune
    - navigation.instant
    - navigation.top
    - search.suggest
    - search.highlight
    - content.tooltips
{nav}plugins:
  - search
  - tags
{plugin}
markdown_extensions:
  - attr_list
  - md_in_html
  - admonition
  - tables
  - toc:
      permalink: true
"""

# A short hand-written nav (`--short-nav`). By default the archive has no `nav:` and the
# plugin's own navigation is measured (sections by their index pages); `--auto-nav` gives
# the plain site MkDocs' automatic nav of every page, whose cost grows with the square of
# the archive.
SHORT_NAV = """\
nav:
  - Home: index.md
  - Articles: articles/index.md
  - Participants: participants/index.md
  - Timeline: timeline.md
  - Tags: tags.md
validation:
  nav:
    omitted_files: ignore
"""


def plugin_like_nav(docs: Path) -> str:
    """For the plain site: a `nav:` naming the same index pages as the plugin's default nav
    (found among the exported pages), so both builds render the same sidebars."""
    import re

    def firsts(folder: str, pattern: str) -> list[str]:
        found = []
        for path in sorted((docs / folder).glob(pattern), reverse=folder == "articles"):
            rel = path.relative_to(docs).as_posix()
            stem = rel.rsplit("/", 2)[-2] if rel.endswith("/index.md") else path.stem
            if re.search(r"-\d+$", stem) and not re.fullmatch(r"\d{4}-\d{4}", stem):
                continue  # a continuation page ("s-2"), not in the nav
            if rel.startswith("articles/") and not re.fullmatch(r"\d{4}(-\d{4})?|undated", stem):
                continue
            found.append(f"      - '{stem}': {rel}")
        return found

    lines = ["nav:", "  - index.md"]
    for title, index, folder, pattern in (
        ("Articles", "articles/index.md", "articles", "*/index.md"),
        ("People", "participants/index.md", "participants/a-z", "*.md"),
        ("Timeline", "timeline.md", "timeline", "*.md"),
        ("Tags", "tags.md", "tags", "*.md"),
    ):
        parts = firsts(folder, pattern) if (docs / folder).is_dir() else []
        if parts:
            first = f"      - {index}" if index.endswith("/index.md") else f"      - All: {index}"
            lines += [f"  - {title}:", first, *parts]
        else:
            lines.append(f"  - {title}: {index}")
    return "\n".join(lines) + "\nvalidation:\n  nav:\n    omitted_files: ignore\n"


PLUGIN_CONFIG = """\
  - summaries:
      sources: sources
      cache_dir: .cache/summaries
      processes: {processes}
      progress: false
"""


def load_texts(eval_dir: Path) -> list[str]:
    texts = []
    for path in sorted(eval_dir.glob("*/dev.jsonl")):
        with path.open(encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    if not texts:
        raise SystemExit(f"no texts in {eval_dir}/*/dev.jsonl")
    return texts


def make_archive(
    root: Path,
    n: int,
    texts: list[str],
    processes: int,
    nav: str = SHORT_NAV,
    repeat: bool = False,
) -> list[Path]:
    """A MkDocs project in ``root`` whose sources are n documents with fresh names.

    With ``repeat``, the texts repeat with the same date (in folders set-00, set-01, ...), so
    only len(texts) documents are distinct and need an analysis; otherwise every document has
    its own date, hence its own analysis."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    src = root / "sources"
    src.mkdir(exist_ok=True)
    paths = []
    for i, text in zip(range(n), itertools.cycle(texts)):
        j = i % len(texts) if repeat else i
        day = FIRST_DATE + dt.timedelta(days=j)
        folder = src / f"set-{i // len(texts):02d}" if repeat else src
        folder.mkdir(exist_ok=True)
        path = folder / f"{day.isoformat()}-doc-{j:05d}.txt"
        path.write_text(text.strip() + "\n", encoding="utf-8")
        paths.append(path)
    plugin = PLUGIN_CONFIG.format(processes=processes)
    (root / "mkdocs.yml").write_text(
        SITE_CONFIG.format(docs="docs", plugin=plugin, nav=nav), encoding="utf-8"
    )
    return paths


@dataclass
class Run:
    seconds: float
    tree_rss: int  # peak of the summed PSS of the process tree (sampled every 100 ms)
    max_rss: int  # the largest single process's peak RSS (kernel's ru_maxrss)
    log: str = ""
    cpu: float = 0.0  # user + system seconds of the build and the children it waited for


def timed(cmd: list[str], cwd: Path) -> Run:
    """Runs ``cmd``; wall time and peak memory of it and its children."""
    import psutil

    started = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        try:
            parent = psutil.Process(proc.pid)
        except psutil.Error:
            return
        while not stop.is_set():
            total = 0
            try:
                for p in [parent, *parent.children(recursive=True)]:
                    with contextlib.suppress(psutil.Error):
                        # PSS: pages shared by forked workers are counted once in the sum.
                        total += p.memory_full_info().pss
            except psutil.Error:
                break
            peak = max(peak, total)
            stop.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    lines = []
    for line in proc.stdout or ():
        lines.append(line)
        if "summaries:" in line:
            _say(line.strip())
    out = "".join(lines)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{out[-3000:]}")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, peak, usage.ru_maxrss * 1024, out, cpu)


def mkdocs_build(root: Path) -> Run:
    return timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml"], root)


def mkdocs_build_logged(root: Path) -> Run:
    """A build whose log keeps the plugin's INFO line (documents analysed / from cache)."""
    return timed([sys.executable, "-m", "mkdocs", "build", "-f", "mkdocs.yml"], root)


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def analysed_count(log: str) -> int:
    for line in log.splitlines():
        if "summaries:" in line and "analysed" in line:
            return int(line.split("(", 1)[1].split(" analysed", 1)[0])
    raise RuntimeError(f"no 'summaries:' line in the build log:\n{log[-2000:]}")


@dataclass
class Stats:
    values: list[float] = field(default_factory=list)

    def add(self, value: float) -> None:
        self.values.append(value)

    @property
    def median(self) -> float:
        return statistics.median(self.values) if self.values else float("nan")

    def fmt(self, unit: str = "s", scale: float = 1.0) -> str:
        if not self.values:
            return "-"
        med = self.median / scale
        if len(self.values) == 1:
            return f"{med:.2f}{unit} (1 run)"
        return f"{med:.2f}{unit} ({min(self.values) / scale:.2f}-{max(self.values) / scale:.2f})"


ANALYSIS_SCRIPT = """
import json, sys, time
from benchmarks.bench import analysis_timings
print(json.dumps(analysis_timings(json.load(sys.stdin), int(sys.argv[1]))))
"""


def analysis_timings(texts: list[str], runs: int) -> dict[str, list[float]]:
    """Wall and CPU seconds of: a plain full-pipeline nlp.pipe pass, our analysis in this
    process, and our analysis with a pool of 1 and of 2 worker processes (models loaded
    beforehand / in the workers' initializer, which is timed too)."""
    import resource

    import spacy
    from thinc.api import use_ops

    from generator.nlp import MODEL_CANDIDATES, load_model
    from generator.pipeline import Settings, analyze_many, runners

    settings = Settings()
    ours = load_model(settings.model)
    full = None
    for name in MODEL_CANDIDATES:
        try:
            # The model's default pipeline (lemmatizer included) on thinc's default blis, as
            # spaCy loads it: not the faster matrix products `load_model` switched on.
            with use_ops("numpy", use_blis=True):
                full = spacy.load(name)
            break
        except OSError:
            continue
    assert full is not None
    jobs = [(t, None) for t in texts]
    out: dict[str, list[float]] = {}

    def cpu_children() -> float:
        r = resource.getrusage(resource.RUSAGE_CHILDREN)
        return r.ru_utime + r.ru_stime

    def measure(name: str, fn: Callable[[], object]) -> None:
        cpu0, child0, t0 = time.process_time(), cpu_children(), time.perf_counter()
        fn()
        wall = time.perf_counter() - t0
        cpu = time.process_time() - cpu0 + cpu_children() - child0
        out.setdefault(f"{name}_wall", []).append(wall)
        out.setdefault(f"{name}_cpu", []).append(cpu)

    # Warm both pipelines up (first-call allocations), then alternate to share the noise.
    list(full.pipe(texts[:8]))
    list(analyze_many(jobs[:8], settings))
    for _ in range(runs):
        measure("pipe", lambda: [None for _ in full.pipe(texts)])
        measure("ours", lambda: list(analyze_many(jobs, settings)))
        measure("pool1", lambda: list(runners.run_local(jobs, settings, 1)))
        measure("pool2", lambda: list(_pool(jobs, settings, 2)))
    del ours
    return out


def _pool(jobs: list, settings: object, processes: int) -> list:
    """run_local with a real pool even for 1 process (run_local runs 1 in-process)."""
    import multiprocessing

    from generator.pipeline import runners

    size = runners.chunk_size(len(jobs), processes)
    ctx = multiprocessing.get_context("fork")
    chunks = [(c, settings) for c in runners._chunks(jobs, size)]
    with ctx.Pool(processes, initializer=runners._init_worker, initargs=(settings,)) as pool:
        return [a for chunk in pool.imap(runners._analyze_chunk, chunks) for a in chunk]


def bench_one(n: int, runs: int, texts: list[str], args: argparse.Namespace) -> dict:
    work = Path(tempfile.mkdtemp(prefix=f"bench-{n}-", dir=args.workdir))
    result: dict = {"docs": n}
    try:
        root = work / "archive"
        nav = SHORT_NAV if args.short_nav else ""
        paths = make_archive(root, n, texts, args.processes, nav, args.repeat)
        distinct = min(n, len(texts)) if args.repeat else n
        result["distinct"] = distinct
        cache, site = root / ".cache", root / "site"
        cold, warm, change, plain = Stats(), Stats(), Stats(), Stats()
        tree, maxrss, analysis_s, warm_stage = Stats(), Stats(), Stats(), Stats()
        cold_runs = 1 if n >= args.single_run_above else (args.cold_runs or runs)
        runs = 1 if n >= args.single_run_above else runs
        for _ in range(cold_runs):
            shutil.rmtree(cache, ignore_errors=True)
            shutil.rmtree(site, ignore_errors=True)
            run = mkdocs_build_logged(root)
            assert analysed_count(run.log) == distinct, run.log[-2000:]
            cold.add(run.seconds)
            tree.add(run.tree_rss)
            maxrss.add(run.max_rss)
            analysis_s.add(_analysis_seconds(run.log))
            _say(f"N={n} cold {run.seconds:.1f}s, tree PSS {run.tree_rss / 2**20:.0f} MiB")
        result["site_bytes"] = dir_size(site)
        index = site / "search" / "search_index.json"
        result["index_bytes"] = index.stat().st_size
        result["index_breakdown"] = index_breakdown(index)
        result["pages"] = sum(1 for _ in site.rglob("index.html"))
        largest = max(site.rglob("*.html"), key=lambda q: q.stat().st_size)
        result["largest_html"] = [largest.stat().st_size, str(largest.relative_to(site))]
        result["llms_bytes"] = [
            (site / name).stat().st_size if (site / name).is_file() else 0
            for name in ("llms.txt", "llms-full.txt")
        ]
        _say(
            f"N={n} site {_mib(result['site_bytes'])}, {result['pages']} pages, search index "
            f"{result['index_bytes'] / n:.0f} B/doc {result['index_breakdown']}"
        )
        # The same pages, built by a plain Material site (no plugin): export, then build.
        out = work / "plain" / "docs"
        subprocess.run(
            [sys.executable, "-m", "generator", "--no-progress", "pages",
             "--cache-dir", str(cache / "summaries"), str(root / "sources"), str(out)],
            cwd=root, env=child_env(), check=True, capture_output=True,
        )  # fmt: skip
        plain_nav = nav or ("" if args.auto_nav else plugin_like_nav(out))
        (work / "plain" / "mkdocs.yml").write_text(
            SITE_CONFIG.format(docs="docs", plugin="", nav=plain_nav), encoding="utf-8"
        )
        # Warm and plain builds alternate, so that both meet the same load of a shared
        # machine; each pair's ratio is kept (wall and CPU seconds).
        pairs: list[list[float]] = []
        for _ in range(runs):
            run = mkdocs_build_logged(root)
            assert analysed_count(run.log) == 0, run.log[-2000:]
            warm.add(run.seconds)
            warm_stage.add(_analysis_seconds(run.log))
            tree.add(run.tree_rss)
            maxrss.add(run.max_rss)
            _say(f"N={n} warm {run.seconds:.1f}s ({run.cpu:.1f}s CPU)")
            shutil.rmtree(work / "plain" / "site", ignore_errors=True)
            base = mkdocs_build(work / "plain")
            plain.add(base.seconds)
            pairs.append([run.seconds, base.seconds, run.cpu, base.cpu])
            _say(f"N={n} plain {base.seconds:.1f}s ({base.cpu:.1f}s CPU)")
        result["pairs"] = pairs
        result["plain_site_bytes"] = dir_size(work / "plain" / "site")
        if args.without_new_pages:
            result["new_pages"] = new_pages_pairs(root, work, runs, n)
        if args.pagefind:
            result["find"] = pagefind_bytes(root, n)
        for k in range(0 if args.skip_change else runs):
            path = paths[(k * 7919) % n]
            path.write_text(
                path.read_text(encoding="utf-8") + f"\nUpdate {k}: the story was revised.\n",
                encoding="utf-8",
            )
            run = mkdocs_build_logged(root)
            analysed = analysed_count(run.log)
            assert analysed == 1, f"one change re-analysed {analysed} documents"
            change.add(run.seconds)
            _say(f"N={n} one change {run.seconds:.1f}s")
        result.update(
            cold=cold, warm=warm, change=change, plain=plain, tree_rss=tree, max_rss=maxrss,
            cold_analysis=analysis_s, warm_stage=warm_stage,
        )  # fmt: skip
        if not args.skip_analysis:
            sample = [p.read_text(encoding="utf-8") for p in paths[: args.analysis_docs]]
            proc = subprocess.run(
                [sys.executable, "-c", ANALYSIS_SCRIPT, str(args.analysis_runs)],
                input=json.dumps(sample), capture_output=True, text=True, check=True,
                env=child_env(),
            )  # fmt: skip
            timings = json.loads(proc.stdout.strip().splitlines()[-1])
            result["analysis_docs"] = len(sample)
            result["analysis"] = {k: Stats(v) for k, v in timings.items()}
            _say(f"N={n} analysis {json.dumps(timings)}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            _say(f"kept {work}")
    return result


def new_pages_pairs(root: Path, work: Path, runs: int, n: int) -> list[list[float]]:
    """Warm builds of the archive with and without its place, organization and story pages
    (a copy with `entity_pages: false` and `stories: false`, the same analysis cache),
    alternating which goes first; each pair's CPU seconds [with, without]."""
    off = work / "without-new-pages"
    shutil.copytree(root, off, ignore=shutil.ignore_patterns("site"))
    config = off / "mkdocs.yml"
    plugin = "      progress: false\n"
    switches = plugin + "      entity_pages: false\n      stories: false\n"
    config.write_text(config.read_text(encoding="utf-8").replace(plugin, switches), "utf-8")
    mkdocs_build(off)  # the copy's own page caches
    pairs = []
    for k in range(runs):
        cpu = {}
        for where in (root, off) if k % 2 == 0 else (off, root):
            cpu[where] = mkdocs_build(where).cpu
        pairs.append([cpu[root], cpu[off]])
        _say(f"N={n} warm with the new pages {cpu[root]:.1f}s CPU, without {cpu[off]:.1f}s")
    return pairs


def pagefind_bytes(root: Path, n: int) -> dict:
    """One more build, with `search: pagefind` (the page cache makes it a warm one), and
    what a search on its Find page downloads of the index (`find_bytes`)."""
    from benchmarks.find_bytes import find_bytes

    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    plugin = "      progress: false\n"
    config.write_text(text.replace(plugin, plugin + "      search: pagefind\n"), "utf-8")
    try:
        run = mkdocs_build_logged(root)
        _say(f"N={n} pagefind build {run.seconds:.1f}s")
        found = find_bytes(root / "site")
    finally:
        config.write_text(text, encoding="utf-8")
    found["build_seconds"] = run.seconds
    _say(f"N={n} pagefind {json.dumps(found)}")
    return found


def index_breakdown(index: Path) -> dict[str, int]:
    """Bytes of the search index by kind of page (first path segment)."""
    docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
    sizes: dict[str, int] = {}
    for doc in docs:
        kind = doc["location"].split("/", 1)[0] or "(home)"
        sizes[kind] = sizes.get(kind, 0) + len(json.dumps(doc, ensure_ascii=False).encode())
    return dict(sorted(sizes.items(), key=lambda kv: -kv[1])[:6])


def _analysis_seconds(log: str) -> float:
    for line in log.splitlines():
        if "summaries:" in line and line.rstrip().endswith(" s"):
            return float(line.rstrip()[:-2].rsplit(" ", 1)[1])
    return float("nan")


def _say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _mib(value: float) -> str:
    return f"{value / 2**20:.0f} MiB"


def report(results: list[dict]) -> str:
    rows: list[tuple[str, ...]] = []
    header = ("", *(f"N = {r['docs']:,}" for r in results))

    def row(label: str, fn: Callable[[dict], str]) -> None:
        cells = []
        for r in results:
            try:
                cells.append(fn(r))
            except (KeyError, ZeroDivisionError):
                cells.append("-")
        rows.append((label, *cells))

    def ratio(a: Stats, b: Stats) -> str:
        return f"{a.median / b.median:.2f}x" if a.values and b.values else "-"

    def an(r: dict, key: str) -> Stats:
        return r["analysis"][key]

    row("distinct documents analysed", lambda r: f"{r['distinct']:,}")
    row("cold build", lambda r: r["cold"].fmt())
    row("  of which summaries stage", lambda r: r["cold_analysis"].fmt())
    row("  cold per document", lambda r: f"{1000 * r['cold'].median / r['docs']:.1f} ms")
    row("warm build (no change)", lambda r: r["warm"].fmt())
    row("  of which summaries stage", lambda r: r["warm_stage"].fmt())
    row("  warm per document", lambda r: f"{1000 * r['warm'].median / r['docs']:.2f} ms")
    row("one document changed", lambda r: r["change"].fmt())
    row("plain MkDocs, same pages", lambda r: r["plain"].fmt())
    row("warm / plain", lambda r: ratio(r["warm"], r["plain"]))
    row(
        "warm / plain, each pair (wall)",
        lambda r: ", ".join(f"{w / p:.2f}x" for w, p, *_ in r["pairs"]),
    )
    row(
        "warm / plain, each pair (CPU)",
        lambda r: ", ".join(f"{w / p:.2f}x" for _, _, w, p in r["pairs"]),
    )
    row(
        "warm / plain, median of pairs",
        lambda r: f"wall {statistics.median(w / p for w, p, *_ in r['pairs']):.2f}x, CPU "
        f"{statistics.median(w / p for _, _, w, p in r['pairs']):.2f}x",
    )
    row("one change / plain", lambda r: ratio(r["change"], r["plain"]))
    row(
        "warm with / without new pages, CPU",
        lambda r: f"{statistics.median(w / o for w, o in r['new_pages']):.2f}x median of "
        + ", ".join(f"{w:.1f}/{o:.1f}s" for w, o in r["new_pages"]),
    )
    row("analysis docs (1 process)", lambda r: f"{r['analysis_docs']:,}")
    row("nlp.pipe full pipeline, wall", lambda r: an(r, "pipe_wall").fmt())
    row("our analysis, wall", lambda r: an(r, "ours_wall").fmt())
    row("our / nlp.pipe, wall", lambda r: ratio(an(r, "ours_wall"), an(r, "pipe_wall")))
    row("our / nlp.pipe, CPU", lambda r: ratio(an(r, "ours_cpu"), an(r, "pipe_cpu")))
    row("pool 1 process, wall", lambda r: an(r, "pool1_wall").fmt())
    row("pool 2 processes, wall", lambda r: an(r, "pool2_wall").fmt())
    row("speedup 2 / 1 process", lambda r: ratio(an(r, "pool1_wall"), an(r, "pool2_wall")))
    row("peak memory, build tree (PSS sum)", lambda r: _mib(max(r["tree_rss"].values)))
    row("peak RSS, largest process", lambda r: _mib(max(r["max_rss"].values)))
    row("site size", lambda r: _mib(r["site_bytes"]))
    row("pages (index.html)", lambda r: f"{r['pages']:,}")
    row(
        "largest HTML page",
        lambda r: f"{r['largest_html'][0] / 1024:.0f} KiB ({r['largest_html'][1]})",
    )
    row(
        "llms.txt, llms-full.txt",
        lambda r: " / ".join(f"{b / 2**20:.1f} MiB" for b in r["llms_bytes"]),
    )  # noqa: E501
    row("plain site size", lambda r: _mib(r["plain_site_bytes"]))
    row("search index", lambda r: _mib(r["index_bytes"]))
    row("search index per document", lambda r: f"{r['index_bytes'] / r['docs']:,.0f} B")
    row(
        "Pagefind: fetched by one search",
        lambda r: f"{r['find']['search_bytes'] / 1024:.0f} KiB ({r['find']['files']} files; "
        f"{r['find']['ready_bytes'] / 1024:.0f} KiB before typing; index "
        f"{r['find']['index_bytes'] / 2**20:.0f} MiB)",
    )
    row(
        "index bytes by section",
        lambda r: ", ".join(f"{k} {v / r['docs']:.0f}" for k, v in r["index_breakdown"].items()),
    )
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [" | ".join(c.ljust(w) for c, w in zip(header, widths, strict=True))]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    notes = textwrap.dedent(
        """
        Times: median (min-max) of the runs. "summaries stage": the plugin's own log (load,
        analysis, names across the archive). Analysis rows: one process, model loaded, the
        first --analysis-docs texts. "index bytes by section": bytes per document.
        """
    )
    return "\n".join(lines) + "\n" + notes


STATS_KEYS = ("cold", "warm", "change", "plain", "tree_rss", "max_rss", "cold_analysis")


def _from_json(raw: dict) -> dict:
    result = dict(raw)
    for key in (*STATS_KEYS, "warm_stage"):
        result[key] = Stats(list(raw.get(key) or []))
    result["analysis"] = {k: Stats(v) for k, v in (raw.get("analysis") or {}).items()}
    if not result["analysis"]:
        del result["analysis"]
    return result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m generator bench", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    p.add_argument("--docs", type=int, nargs="+", default=[100], help="archive sizes")
    p.add_argument("--runs", type=int, default=3, help="runs of each build (median, min, max)")
    p.add_argument("--cold-runs", type=int, default=0, help="cold builds (default: --runs)")
    p.add_argument(
        "--single-run-above", type=int, default=5000, help="one run of each from this size on"
    )
    p.add_argument("--processes", type=int, default=0, help="the plugin's processes (0: all)")
    p.add_argument("--analysis-docs", type=int, default=1000, help="texts for analysis rows")
    p.add_argument("--analysis-runs", type=int, default=3, help="runs of the analysis rows")
    p.add_argument("--skip-analysis", action="store_true", help="no analysis rows")
    p.add_argument(
        "--repeat",
        action="store_true",
        help="texts repeat with their dates: only the distinct ones are analysed (cold "
        "builds then do not show the cost of N analyses)",
    )
    p.add_argument(
        "--auto-nav", action="store_true", help="the plain site: MkDocs' automatic (full) nav"
    )
    p.add_argument("--short-nav", action="store_true", help="a hand-written short nav: for both")
    p.add_argument("--skip-change", action="store_true", help="no one-change builds")
    p.add_argument(
        "--without-new-pages",
        action="store_true",
        help="also warm builds of a copy without place, organization and story pages "
        "(entity_pages: false, stories: false), alternating with the archive's",
    )
    p.add_argument(
        "--pagefind",
        action="store_true",
        help="one more build with `search: pagefind`, and the bytes of the index a search "
        "on its Find page downloads (Chromium)",
    )
    p.add_argument("--eval-dir", type=Path, default=EVAL_DIR, help="where */dev.jsonl are")
    p.add_argument("--workdir", default=None, help="temporary folder (default: system temp)")
    p.add_argument("--keep", action="store_true", help="keep the generated archives")
    p.add_argument("--json", type=Path, help="also write the raw numbers here")
    p.add_argument(
        "--report", type=Path, nargs="+", help="only print one table from earlier --json files"
    )
    args = p.parse_args(argv)
    if args.report:
        loaded = [r for path in args.report for r in json.loads(path.read_text("utf-8"))]
        print(report([_from_json(r) for r in sorted(loaded, key=lambda r: r["docs"])]))
        return 0
    texts = load_texts(args.eval_dir)
    results = []
    for n in args.docs:
        results.append(bench_one(n, args.runs, texts, args))
        print(report(results), flush=True)
    if args.json:
        raw = [
            {k: (v.values if isinstance(v, Stats) else v) for k, v in r.items() if k != "analysis"}
            | {"analysis": {k: v.values for k, v in r.get("analysis", {}).items()}}
            for r in results
        ]
        args.json.write_text(json.dumps(raw, indent=1), encoding="utf-8")
    return 0
