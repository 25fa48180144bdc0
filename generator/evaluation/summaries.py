"""ROUGE of the extractive summarizers on news with human highlights.

``python -m generator.evaluation.summaries FILE.jsonl [--skip N] [--limit N] [--methods a,b]
[--sentences N]``

``FILE.jsonl`` has one document a line, ``{"text", "reference"}`` with one reference highlight
per line (the format of ``shared/eval/summarization/dev.jsonl``). Every document is parsed once
and the parse is reused by every method; docs/second counts the summarization step only, in CPU
seconds of this process (so other load on the machine does not count). Scores are mean F1 x 100
of ``rouge-score`` (``rouge1``, ``rouge2``, ``rougeLsum``, stemming), candidate = the summary's
sentences joined with a newline. Each method is compared with Lead-N (the first N sentences of
the parse, as they are) document by document: the mean paired difference and its 95% bootstrap
interval (fixed seed).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
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
from .common import read_jsonl

LEAD = "lead-3"
METRICS = ("rouge1", "rouge2", "rougeLsum")
BOOTSTRAP_SAMPLES = 2000
BOOTSTRAP_SEED = 20150601


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

    from rouge_score.rouge_scorer import RougeScorer

    end = None if args.limit is None else args.skip + args.limit
    rows = list(read_jsonl(args.file, end))[args.skip :]
    if not rows:
        print("no documents", file=sys.stderr)
        return 1
    nlp = load_model()
    started = time.perf_counter()
    docs = list(nlp.pipe((row["text"] for row in rows), batch_size=16))
    parse_seconds = time.perf_counter() - started
    references = [row["reference"] for row in rows]
    scorer = RougeScorer(list(METRICS), use_stemmer=True)
    n = args.sentences

    baseline, baseline_speed = score_method(docs, references, lambda d: lead(d, n), scorer)
    results = [(f"lead-{n}", baseline, baseline_speed)]
    for method in methods:
        scores, speed = score_method(
            docs, references, lambda d, m=method: summarize(d, sentences=n, method=m), scorer
        )
        results.append((method, scores, speed))

    print(
        f"{len(docs)} documents, {n} sentences; parse {len(docs) / parse_seconds:.1f} docs/s "
        f"(not counted below); ROUGE F1 x100, diff = method - lead-{n} (95% bootstrap CI)"
    )
    header = f"{'method':<12} {'R-1':>6} {'R-2':>6} {'R-Lsum':>6} {'docs/s':>8}"
    header += "".join(f"  {'d' + label:>21}" for label in ("R-1", "R-2", "R-Lsum"))
    print(header)
    for name, scores, speed in results:
        mean = scores.mean(axis=0)
        line = f"{name:<12} {mean[0]:6.2f} {mean[1]:6.2f} {mean[2]:6.2f} {speed:8.1f}"
        for k in range(len(METRICS)):
            diffs = scores[:, k] - baseline[:, k]
            low, high = bootstrap_interval(diffs)
            line += f"  {diffs.mean():+6.2f} [{low:+6.2f},{high:+6.2f}]"
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
