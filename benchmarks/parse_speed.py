"""The spaCy parse as we run it against the model as spaCy loads it: same output, how fast.

Usage: ``python benchmarks/parse_speed.py FILE.jsonl|FOLDER ... [--runs 3] [--limit N]``

JSON Lines rows give their ``text``; a folder gives its ``*.txt`` files. Both pipelines are
``en_core_web_sm`` without the lemmatizer, as `generator.nlp.model.load_model` uses it:

- plain: thinc's default matrix products (blis) and spaCy's `Matcher` in the attribute ruler;
- ours: `generator.nlp.model.load_model` (numpy's BLAS, one thread; `IndexedMatcher`).

Prints CPU seconds per component (median of the runs; runs alternate between the two
pipelines so that both share the machine's noise), documents per CPU-second, the ratio, and
how many documents differ in any of: tags, POS, morphology, dependency labels and heads,
sentence starts, entities. One core: the process's CPU time, batches of 16 like the pipeline.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path


def read_texts(paths: list[Path], limit: int | None) -> list[str]:
    texts: list[str] = []
    for path in paths:
        if path.is_dir():
            texts += [p.read_text(encoding="utf-8") for p in sorted(path.rglob("*.txt"))]
        else:
            with path.open(encoding="utf-8") as fh:
                texts += [json.loads(line)["text"] for line in fh if line.strip()]
    return texts[:limit]


def component_seconds(nlp, texts: list[str]) -> tuple[dict[str, float], list]:
    """CPU seconds of the tokenizer and of each component over all texts."""
    start = time.process_time()
    docs = [nlp.make_doc(text) for text in texts]
    seconds = {"tokenizer": time.process_time() - start}
    for name, component in nlp.pipeline:
        start = time.process_time()
        docs = list(component.pipe(docs, batch_size=16))
        seconds[name] = time.process_time() - start
    return seconds, docs


def annotations(doc) -> tuple:
    return (
        [(t.tag_, t.pos_, str(t.morph), t.dep_, t.head.i, t.is_sent_start) for t in doc],
        [(e.start, e.end, e.label_) for e in doc.ents],
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)

    import spacy
    from thinc.api import use_ops

    from generator.nlp import MODEL_CANDIDATES, load_model

    texts = read_texts(args.paths, args.limit)
    name = next(n for n in MODEL_CANDIDATES if spacy.util.is_package(n))
    with use_ops("numpy", use_blis=True):  # as spaCy loads it, before ours changes the default
        plain = spacy.load(name, exclude=["lemmatizer"])
    ours = load_model()
    # First calls allocate and fill the vocabulary; not what is measured.
    component_seconds(plain, texts[:16])
    component_seconds(ours, texts[:16])
    runs: dict[str, list[dict[str, float]]] = {"plain": [], "ours": []}
    for _ in range(args.runs):
        for label, nlp in (("plain", plain), ("ours", ours)):
            seconds, docs = component_seconds(nlp, texts)
            runs[label].append(seconds)
            if label == "plain":
                plain_docs = docs
            else:
                ours_docs = docs

    differing = sum(
        annotations(a) != annotations(b) for a, b in zip(plain_docs, ours_docs, strict=True)
    )
    tokens = sum(len(doc) for doc in ours_docs)
    print(f"{len(texts)} documents, {tokens:,} tokens, {args.runs} runs; CPU seconds, median")
    columns = ["tokenizer", *ours.pipe_names, "total"]
    print(f"{'':8s}" + "".join(f"{c:>17s}" for c in columns) + f"{'docs/s':>9s}")
    totals = {}
    for label, rows in runs.items():
        medians = {c: statistics.median(r[c] for r in rows) for c in columns[:-1]}
        totals[label] = statistics.median(sum(r.values()) for r in rows)
        medians["total"] = totals[label]
        print(
            f"{label:8s}"
            + "".join(f"{medians[c]:17.2f}" for c in columns)
            + f"{len(texts) / totals[label]:9.1f}"
        )
    print(f"ours / plain CPU time: {totals['ours'] / totals['plain']:.2f}")
    print(f"documents with any difference in tags, parses, sentences or entities: {differing}")
    return 0 if differing == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
