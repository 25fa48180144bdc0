"""ROUGE of the extractive summarizers on news with human highlights.

``python -m generator.evaluation.summaries FILE.jsonl [--skip N] [--limit N] [--methods a,b]
[--sentences N] [--part tune|heldout|both|all] [--reference all|first] [--without RULE,...]
[--leave-one-out]``

``FILE.jsonl`` has one document a line, ``{"text", "reference"}`` with one reference highlight
per line (the format of ``shared/eval/summarization/dev.jsonl``). Every document is parsed once
and the parse is reused by every method; docs/second counts the summarization step only, in CPU
seconds of this process (so other load on the machine does not count). Scores are mean F1 x 100
of ``rouge-score`` (``rouge1``, ``rouge2``, ``rougeLsum``, stemming), candidate = the summary's
sentences joined with a newline. Each method is compared with Lead-N (the first N sentences of
the parse, as they are) document by document: the mean paired difference and its 95% bootstrap
interval (fixed seed).

Parts: document i of the file (counted from 0, before ``--skip``) is held out when
``i % 3 == 2``, else it is tuned on (fixed before anyone looked at the scores; the rule the
threads evaluation uses for its loose documents). Every table is printed for the tune part
and the held-out part (``--part both``, the default), so that a change that only helps the
tune part shows. Tune on ``tune``; only score ``heldout``.

``--reference first`` scores against the first highlight alone: a PROXY for news with a
one-sentence human summary (BBC/XSum style), made of the same CNN articles; Lead-1 is then
printed too. It is no BBC data: BBC summaries are written apart from the article, the first
CNN highlight often restates the first sentence.

``--without`` switches rules of ``positional`` off by name; ``--leave-one-out`` prints, for
every rule, what switching it off alone costs ``positional`` (full minus without, R-1 with its
95% bootstrap interval, R-2, R-Lsum) on each part.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from ..nlp import load_model
from ..record import Mention
from ..summaries import (
    DEFAULT_METHOD,
    DEFAULT_SENTENCES,
    SUMY_METHODS,
    sentence_spans,
    summarize,
)
from ..summaries.positional import RULE_NAMES
from .common import read_jsonl

LEAD = "lead-3"
METRICS = ("rouge1", "rouge2", "rougeLsum")
BOOTSTRAP_SAMPLES = 2000
BOOTSTRAP_SEED = 20150601
PARTS = ("tune", "heldout")


def part_of(index: int) -> str:
    """The part of document ``index`` (0-based line number among the file's documents)."""
    return "heldout" if index % 3 == 2 else "tune"


def reference_of(row: dict, kind: str) -> str:
    """All highlights as given, or (``first``) the first one alone."""
    reference = row["reference"]
    return reference if kind == "all" else reference.strip().split("\n")[0]


def lead(doc: Doc, sentences: int) -> list[Mention]:
    """The baseline: the first sentences of the parse, untouched (dateline included)."""
    return sentence_spans(doc)[:sentences]


def bootstrap_interval(
    diffs: np.ndarray, samples: int = BOOTSTRAP_SAMPLES, seed: int = BOOTSTRAP_SEED
) -> tuple[float, float]:
    """95% percentile interval of the mean of paired per-document differences."""
    if len(diffs) == 0:
        return 0.0, 0.0
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(diffs), size=(samples, len(diffs)))
    means = diffs[idx].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return float(low), float(high)


def score_method(
    docs: Sequence[Doc],
    references: Sequence[str],
    run: Callable[[Doc], list[Mention]],
    scorer,
) -> tuple[np.ndarray, float]:
    """Per-document F1 x 100 (documents x metrics) and docs/second of ``run``."""
    started = time.process_time()  # CPU time of this process: one core's work, not the wait
    summaries = [run(doc) for doc in docs]
    elapsed = time.process_time() - started
    scores = np.zeros((len(docs), len(METRICS)))
    for i, (doc, spans, reference) in enumerate(zip(docs, summaries, references, strict=True)):
        candidate = "\n".join(doc.text[m.start : m.end] for m in spans)
        result = scorer.score(reference, candidate)
        scores[i] = [100 * result[metric].fmeasure for metric in METRICS]
    return scores, len(docs) / elapsed if elapsed > 0 else float("inf")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m generator evaluate summaries", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("file", type=Path, help="JSON Lines with text and reference")
    parser.add_argument("--skip", type=int, default=0, help="skip the first N documents")
    parser.add_argument("--limit", type=int, default=None, help="then take at most N documents")
    parser.add_argument(
        "--methods",
        default=None,
        help=f"comma-separated methods (default: all of {', '.join(SUMY_METHODS)})",
    )
    parser.add_argument("--sentences", type=int, default=DEFAULT_SENTENCES)
    parser.add_argument(
        "--part",
        choices=("both", "tune", "heldout", "all"),
        default="both",
        help="which documents: both parts one after the other (default), one, or all together",
    )
    parser.add_argument(
        "--reference",
        choices=("all", "first"),
        default="all",
        help="score against all highlights, or the first alone (a one-sentence-summary proxy)",
    )
    parser.add_argument(
        "--without", default="", help="comma-separated positional rules to switch off"
    )
    parser.add_argument(
        "--leave-one-out", action="store_true", help="what each positional rule adds, one at a time"
    )
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    if args.methods:
        methods = [m.strip() for m in args.methods.split(",") if m.strip()]
    else:
        methods = [DEFAULT_METHOD] + [m for m in SUMY_METHODS if m != DEFAULT_METHOD]
    unknown = [m for m in methods if m not in SUMY_METHODS and m != LEAD]
    if unknown:
        print(
            f"unknown methods: {', '.join(unknown)}; one of {', '.join(SUMY_METHODS)}",
            file=sys.stderr,
        )
        return 2
    methods = [m for m in methods if m != LEAD]
    without = frozenset(r.strip() for r in args.without.split(",") if r.strip())
    if without - set(RULE_NAMES):
        print(f"unknown rules: {', '.join(sorted(without - set(RULE_NAMES)))}", file=sys.stderr)
        return 2

    from rouge_score.rouge_scorer import RougeScorer

    end = None if args.limit is None else args.skip + args.limit
    rows = list(read_jsonl(args.file, end))[args.skip :]
    parts = [part_of(args.skip + i) for i in range(len(rows))]
    if not rows:
        print("no documents", file=sys.stderr)
        return 1
    nlp = load_model()
    started = time.perf_counter()
    docs = list(nlp.pipe((row["text"] for row in rows), batch_size=16))
    parse_seconds = time.perf_counter() - started
    references = [reference_of(row, args.reference) for row in rows]
    scorer = RougeScorer(list(METRICS), use_stemmer=True)
    n = args.sentences

    baseline, baseline_speed = score_method(docs, references, lambda d: lead(d, n), scorer)
    results = [(f"lead-{n}", baseline, baseline_speed)]
    if args.reference == "first" and n != 1:
        results.append(("lead-1", *score_method(docs, references, lambda d: lead(d, 1), scorer)))
    for method in methods:
        rules = without if method == DEFAULT_METHOD else frozenset()
        run = partial(summarize, sentences=n, method=method, without=rules)
        results.append((method, *score_method(docs, references, run, scorer)))

    against = "all highlights" if args.reference == "all" else "the FIRST highlight (proxy)"
    print(
        f"{len(docs)} documents, {n} sentences, against {against}; parse "
        f"{len(docs) / parse_seconds:.1f} docs/s (not counted below); ROUGE F1 x100, "
        f"diff = method - lead-{n} (95% bootstrap CI)"
        + (f"; without {sorted(without)}" if without else "")
    )
    for part, keep in selections(parts, args.part):
        print(f"part {part}: {int(keep.sum())} documents")
        if keep.any():
            print_table(results, baseline, keep)
    if args.leave_one_out:
        full = next((scores for name, scores, _ in results if name == DEFAULT_METHOD), None)
        if full is None:
            full = score_method(
                docs, references, partial(summarize, sentences=n, without=without), scorer
            )[0]
        print_leave_one_out(
            docs, references, n, without, full, scorer, selections(parts, args.part)
        )
    return 0


def selections(parts: list[str], which: str) -> list[tuple[str, np.ndarray]]:
    """(name, mask) of each part to print."""
    names = {"both": PARTS, "all": ("all",)}.get(which, (which,))
    return [(name, np.array([name in ("all", p) for p in parts])) for name in names]


def _diff(scores: np.ndarray, base: np.ndarray, k: int) -> str:
    diffs = scores[:, k] - base[:, k]
    low, high = bootstrap_interval(diffs)
    return f"{diffs.mean():+6.2f} [{low:+6.2f},{high:+6.2f}]"


def print_table(results, baseline: np.ndarray, keep: np.ndarray) -> None:
    header = f"{'method':<12} {'R-1':>6} {'R-2':>6} {'R-Lsum':>6} {'docs/s':>8}"
    header += "".join(f"  {'d' + label:>21}" for label in ("R-1", "R-2", "R-Lsum"))
    print(header)
    for name, scores, speed in results:
        mean = scores[keep].mean(axis=0)
        line = f"{name:<12} {mean[0]:6.2f} {mean[1]:6.2f} {mean[2]:6.2f} {speed:8.1f}"
        line += "".join(f"  {_diff(scores[keep], baseline[keep], k)}" for k in range(len(METRICS)))
        print(line)


def print_leave_one_out(docs, references, n, without, full, scorer, parts) -> None:
    """Each rule still on: positional with it off too; full minus that, per part."""
    print("leave-one-out: what each rule adds to positional (full - without it)")
    print(
        f"{'rule':<14}"
        + "".join(f"  {part + ' dR-1':>23} {'dR-2':>6} {'dR-L':>6}" for part, _ in parts)
    )
    for rule in RULE_NAMES:
        if rule in without:
            continue
        run = partial(summarize, sentences=n, without=without | {rule})
        scores = score_method(docs, references, run, scorer)[0]
        line = f"{rule:<14}"
        for _, keep in parts:
            if not keep.any():
                line += f"  {'(no documents)':>37}"
                continue
            diff = full[keep] - scores[keep]
            low, high = bootstrap_interval(diff[:, 0])
            mean = diff.mean(axis=0)
            line += f"  {mean[0]:+6.2f} [{low:+6.2f},{high:+6.2f}] {mean[1]:+6.2f} {mean[2]:+6.2f}"
        print(line)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
