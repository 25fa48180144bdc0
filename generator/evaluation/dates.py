"""Score date extraction and normalization against TimeML-annotated news (TempEval-3 style).

Usage: ``python -m generator.evaluation.dates FILE.jsonl [--limit N] [--baseline]``.

Scoring follows ``shared/eval/README.md``: system spans are matched one-to-one to gold spans,
greedily by the number of overlapping characters; strict = identical span, relaxed = at least
one character in common; a system span matched to (or, unmatched, overlapping) a non-DATE gold
timex is neutral; value accuracy = exact value matches over relaxed matches; value F1 = value
accuracy x relaxed F1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..nlp import load_model
from .common import prf, read_jsonl


@dataclass
class Counts:
    n_pred: int = 0
    n_gold: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    errors: list[tuple[str, str, str, str, str]] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        self.n_pred += other.n_pred
        self.n_gold += other.n_gold
        self.strict += other.strict
        self.relaxed += other.relaxed
        self.value += other.value
        self.errors.extend(other.errors)


def score_document(pred: list[tuple[int, int, str]], gold: list[dict], doc_id: str = "") -> Counts:
    """Counts of one document; ``pred`` holds (start, end, value), ``gold`` the timex dicts."""
    pairs = []
    for i, (ps, pe, _) in enumerate(pred):
        for j, g in enumerate(gold):
            overlap = min(pe, g["end"]) - max(ps, g["start"])
            if overlap > 0:
                pairs.append((-overlap, i, j))
    pairs.sort()
    sys_match: dict[int, int] = {}
    gold_used: set[int] = set()
    for _, i, j in pairs:
        if i in sys_match or j in gold_used:
            continue
        sys_match[i] = j
        gold_used.add(j)
    c = Counts(n_gold=sum(1 for g in gold if g["type"] == "DATE"))
    for i, (ps, pe, value) in enumerate(pred):
        if i in sys_match:
            g = gold[sys_match[i]]
            if g["type"] != "DATE":
                continue  # neutral
            c.n_pred += 1
            c.relaxed += 1
            if (ps, pe) == (g["start"], g["end"]):
                c.strict += 1
            if value == g["value"]:
                c.value += 1
            else:
                c.errors.append((doc_id, "value", g["text"], g["value"], value))
        else:
            if any(g["type"] != "DATE" and min(pe, g["end"]) > max(ps, g["start"]) for g in gold):
                continue  # neutral
            c.n_pred += 1
            c.errors.append((doc_id, "fp", f"[{ps}:{pe}]", "", value))
    for j, g in enumerate(gold):
        if g["type"] == "DATE" and j not in gold_used:
            c.errors.append((doc_id, "fn", g["text"], g["value"], ""))
    return c


def parse_dct(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def baseline_dates(doc, doc_date):
    """Plain spaCy DATE entities, valued by the baseline normalizer (kept for comparison)."""
    from .. import dates

    out = []
    for ent in doc.ents:
        if ent.label_ == "DATE":
            value = dates.baseline_normalize(ent.text, doc_date) or ""
            out.append((ent.start_char, ent.end_char, value))
    return out


def main(argv: list[str]) -> int:
    from ..dates import find_dates

    parser = argparse.ArgumentParser(prog="generator.evaluation.dates", description=__doc__)
    parser.add_argument("file", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--baseline", action="store_true", help="score plain spaCy DATE entities")
    parser.add_argument("--errors", type=Path, default=None, help="write errors as TSV here")
    parser.add_argument("--off", default="", help="date rules to switch off, comma-separated")
    args = parser.parse_args(argv)
    if args.off:
        from ..dates import switch_off

        switch_off(args.off.split(","))

    nlp = load_model()
    docs = list(read_jsonl(args.file, args.limit))
    total = Counts()
    t0 = time.perf_counter()
    c0 = time.process_time()
    parsed = nlp.pipe((d["text"] for d in docs), batch_size=16)
    for d, doc in zip(docs, parsed, strict=True):
        doc_date = parse_dct(d.get("dct"))
        if args.baseline:
            pred = baseline_dates(doc, doc_date)
        else:
            pred = [(m.start, m.end, m.value) for m in find_dates(doc, doc_date)]
        total.add(score_document(pred, d["timexes"], d.get("id", "")))
    elapsed = time.perf_counter() - t0
    cpu = time.process_time() - c0

    sp, sr, sf = prf(total.strict, total.n_pred, total.n_gold)
    rp, rr, rf = prf(total.relaxed, total.n_pred, total.n_gold)
    acc = total.value / total.relaxed if total.relaxed else 0.0
    print(f"{'baseline (spaCy DATE entities)' if args.baseline else 'find_dates'} on {args.file}")
    print(f"documents {len(docs)}, gold DATE {total.n_gold}, system {total.n_pred}")
    print(f"strict   P {sp:.3f}  R {sr:.3f}  F1 {sf:.3f}")
    print(f"relaxed  P {rp:.3f}  R {rr:.3f}  F1 {rf:.3f}")
    print(f"value    accuracy {acc:.3f}  F1 {acc * rf:.3f}")
    print(
        f"speed    {len(docs) / elapsed:.1f} docs/s wall, {len(docs) / cpu:.1f} docs/s of CPU time "
        f"(parse included, {elapsed:.1f} s wall, {cpu:.1f} s CPU)"
    )
    if args.errors:
        with args.errors.open("w", encoding="utf-8") as fh:
            for row in total.errors:
                fh.write("\t".join(s.replace("\n", " ") for s in row) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
