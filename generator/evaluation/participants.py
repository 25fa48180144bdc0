"""Evaluate people extraction on CoNLL-style JSON Lines (``../shared/eval/participants``).

Usage: ``python -m generator.evaluation.participants FILE [--baseline] [--limit N]``

Prints mention-level PERSON P/R/F1 (exact span against gold ``persons``) and document-level
P/R/F1 of distinct person names (names cleaned and merged as the eval README describes),
for narrative documents, table-like documents and all, plus documents per second including
the spaCy parse. ``--baseline`` scores raw spaCy PERSON entities instead of our rules.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from .common import prf, read_jsonl

# Leading titles dropped before comparing names (README: "such as Mr, Mrs, Dr, President,
# Minister").
_TITLES = {
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "sir",
    "dame",
    "lord",
    "president",
    "minister",
    "prime",
    "premier",
    "chancellor",
    "senator",
    "sen.",
    "gov.",
    "governor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "general",
    "gen.",
    "judge",
}


def clean_name(text: str) -> str:
    """README cleaning of one mention: whitespace, trailing possessive, leading titles."""
    name = " ".join(text.split())
    if name.endswith(("'s", "’s")):
        name = name[:-2].rstrip()
    elif name.endswith(("'", "’")) and name[:-1].endswith("s"):
        name = name[:-1]
    words = name.split()
    while len(words) > 1 and words[0].lower() in _TITLES:
        words = words[1:]
    return " ".join(words)


def distinct_names(mentions: Iterable[str]) -> set[str]:
    """Clean, merge one-word names into a multi-word name ending (else starting) with them."""
    names = [n for n in (clean_name(m) for m in mentions) if n]
    full = [n for n in names if " " in n]
    out: set[str] = set()
    for name in names:
        if " " not in name:
            low = name.casefold()
            match = next((f for f in full if f.split()[-1].casefold() == low), None) or next(
                (f for f in full if f.split()[0].casefold() == low), None
            )
            if match is not None:
                name = match
        out.add(name.casefold())
    return out


def is_table_like(text: str) -> bool:
    """Results tables, scoreboards, standings: at least 30% of the body lines (after the
    headline and dateline) are at most 80 characters with a fifth or more of their tokens
    holding digits. About a third of the dev documents."""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) > 3:
        lines = lines[2:]
    if not lines:
        return False
    tabular = 0
    for line in lines:
        tokens = line.split()
        numbers = sum(1 for t in tokens if any(c.isdigit() for c in t))
        if len(line) <= 80 and numbers / len(tokens) >= 0.2:
            tabular += 1
    return tabular >= 0.3 * len(lines)


def _score(rows: Sequence[tuple[set, set]]) -> tuple[float, float, float]:
    tp = sum(len(p & g) for p, g in rows)
    return prf(tp, sum(len(p) for p, _ in rows), sum(len(g) for _, g in rows))


def _run_ablation(docs: list[dict], parsed: list) -> None:
    from ..people import PEOPLE, find_participants, switched_off

    def doc_f1() -> dict[str, float]:
        groups: dict[str, list] = {"all": [], "narrative": [], "tables": []}
        for item, doc in zip(docs, parsed, strict=True):
            people, _, _ = find_participants(doc)
            row = (
                distinct_names(p.name for p in people),
                {n.casefold() for n in item["person_names"]},
            )
            groups["all"].append(row)
            groups["tables" if is_table_like(item["text"]) else "narrative"].append(row)
        return {k: _score(v)[2] for k, v in groups.items()}

    full = doc_f1()
    print(
        f"{'full system':38s} all {full['all']:.3f}  narrative {full['narrative']:.3f}  "
        f"tables {full['tables']:.3f}"
    )
    for name, label in PEOPLE.items():
        with switched_off([name]):
            f = doc_f1()
        print(
            f"without {label:30s} all {f['all']:.3f} ({f['all'] - full['all']:+.3f})  "
            f"narrative {f['narrative']:.3f} ({f['narrative'] - full['narrative']:+.3f})  "
            f"tables {f['tables']:.3f} ({f['tables'] - full['tables']:+.3f})"
        )


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="generator.evaluation.participants", description=__doc__)
    parser.add_argument("file", type=Path)
    parser.add_argument("--baseline", action="store_true", help="score raw spaCy PERSON entities")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--errors", action="store_true", help="print per-document differences")
    parser.add_argument(
        "--ablation", action="store_true", help="document F1 with each rule family switched off"
    )
    args = parser.parse_args(argv)

    from ..nlp import load_model
    from ..people import find_participants

    nlp = load_model()
    docs = list(read_jsonl(args.file, args.limit))
    if args.ablation:
        _run_ablation(docs, list(nlp.pipe((d["text"] for d in docs), batch_size=16)))
        return 0
    start = time.perf_counter()
    cpu_start = time.process_time()
    results = []
    rules_time = 0.0
    for item, doc in zip(docs, nlp.pipe((d["text"] for d in docs), batch_size=16), strict=True):
        rules_start = time.perf_counter()
        if args.baseline:
            spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
            names = distinct_names(e.text for e in doc.ents if e.label_ == "PERSON")
        else:
            people, _, _ = find_participants(doc)
            spans = [(m.start, m.end) for p in people for m in p.mentions]
            names = distinct_names(p.name for p in people)
        rules_time += time.perf_counter() - rules_start
        results.append((item, set(spans), names))
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start

    groups: dict[str, list] = {"narrative": [], "tables": [], "all": []}
    mention_rows = []
    for item, spans, names in results:
        gold_names = {n.casefold() for n in item["person_names"]}
        gold_spans = {(p["start"], p["end"]) for p in item.get("persons", ())}
        kind = "tables" if is_table_like(item["text"]) else "narrative"
        groups[kind].append((names, gold_names))
        groups["all"].append((names, gold_names))
        mention_rows.append((spans, gold_spans))
        if args.errors and names != gold_names:
            text = item["text"]
            print(f"--- {item['id']} ({kind})")
            print("  FP:", sorted(names - gold_names))
            print("  FN:", sorted(gold_names - names))
            missed = sorted(gold_spans - spans)
            extra = sorted(spans - gold_spans)
            print("  span FN:", [text[s:e] for s, e in missed][:15])
            print("  span FP:", [text[s:e] for s, e in extra][:15])

    label = "spaCy PERSON baseline" if args.baseline else "find_participants"
    print(f"{label} on {args.file} ({len(docs)} documents)")
    if all("persons" in item for item in docs):  # gold files with names only have no spans
        p, r, f = _score(mention_rows)
        print(f"mention  all        P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    for kind, rows in groups.items():
        p, r, f = _score(rows)
        print(f"document {kind:<10} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({len(rows)} docs)")
    print(
        f"speed    {len(docs) / elapsed:.1f} docs/s including the parse ({elapsed:.1f} s; "
        f"rules alone {len(docs) / max(rules_time, 1e-9):.0f} docs/s)"
    )
    print(f"cpu      {len(docs) / max(cpu, 1e-9):.1f} docs per CPU-second including the parse")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
